//! Path safety: nothing mekong reads or writes leaves its folder. In: a
//! path an editor or a template wrote. Out: the same path made relative and
//! checked, or `None` when it climbs out (`../../etc/passwd`); and a file
//! named in one Unicode normalization found under another.

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

/// Whether two names are the same text in any Unicode normalization: `ả`
/// typed as one letter (NFC, as Windows and most editors save it) or as
/// `a` and a combining hook (NFD, as a Mac may name files).
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    a == b || a.nfc().eq(b.nfc())
}

/// `rel` (below `root`) as it is named on disk when it is there only in
/// another Unicode normalization; `None` when no such file exists. Linux
/// file systems compare names byte by byte, so `ảnh.png` typed in an
/// article does not open `ảnh.png` saved by a Mac.
pub(crate) fn find_same_text(root: &Path, rel: &Path) -> Option<PathBuf> {
    let mut found = PathBuf::new();
    for part in rel.components() {
        let Component::Normal(name) = part else {
            found.push(part);
            continue;
        };
        if root.join(&found).join(name).exists() {
            found.push(name);
            continue;
        }
        let wanted = name.to_str()?;
        let entry = std::fs::read_dir(root.join(&found))
            .ok()?
            .filter_map(Result::ok)
            .find(|e| e.file_name().to_str().is_some_and(|n| same_text(n, wanted)))?;
        found.push(entry.file_name());
    }
    root.join(&found).exists().then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_found_in_another_normalization() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let nfd = "a\u{309}nh-\u{111}e\u{323}p"; // ảnh-đẹp, decomposed
        std::fs::create_dir(dir.path().join("Ảnh")).expect("folder");
        std::fs::write(dir.path().join(format!("Ảnh/{nfd}.png")), "x").expect("write");
        let found = find_same_text(dir.path(), Path::new("A\u{309}nh/ảnh-đẹp.png"));
        assert_eq!(found, Some(PathBuf::from(format!("Ảnh/{nfd}.png"))));
        assert_eq!(
            find_same_text(dir.path(), Path::new("Ảnh/anh-dep.png")),
            None
        );
        assert!(same_text("ảnh", "a\u{309}nh") && !same_text("anh", "ảnh"));
    }
}
