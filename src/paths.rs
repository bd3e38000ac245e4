//! Path safety: nothing mekong reads or writes leaves its folder. In: a
//! path an editor or a template wrote. Out: the same path made relative and
//! checked, or `None` when it climbs out (`../../etc/passwd`).

use std::path::{Component, Path, PathBuf};

/// Resolves `.` and `..` without touching the disk; `None` if the path climbs
/// above its start (`../../etc/passwd`).
pub(crate) fn normalize_inside(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(p) => out.push(p),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// Whether `path` is inside `root` once symlinks are followed (a link
/// inside the site may point anywhere).
pub(crate) fn is_inside(root: &Path, path: &Path) -> bool {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    path.canonicalize().is_ok_and(|c| c.starts_with(&root))
}
