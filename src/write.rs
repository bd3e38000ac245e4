//! Write: outputs → the output folder, never half-done.
//!
//! Everything is written into a staging folder beside the output, then the
//! two are swapped with renames; a build that fails or is killed leaves the
//! previous site in place, and the next build clears what it left behind.
//! A marker file (`.mekong-output`) lists every file with its hash: it tells
//! mekong the folder is its own (it refuses to replace any other), and lets
//! it hard-link unchanged files from the previous build instead of writing.

use crate::diagnostics::Diagnostic;
use crate::render::{Output, OutputData};
use crate::site::normalize_inside;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

/// The marker and manifest file inside a mekong output folder.
pub const MARKER: &str = ".mekong-output";

/// What a write did.
#[derive(Debug, Default, Clone, Copy)]
pub struct WriteStats {
    /// Files written or copied.
    pub written: usize,
    /// Files unchanged since the last build (hard-linked).
    pub unchanged: usize,
}

fn staging_of(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.mekong-{suffix}"))
}

/// Refuses output folders that would destroy something: the site itself,
/// its sources, `/`, the home folder, or a folder mekong did not write.
pub fn check_output_dir(root: &Path, out: &Path, force: bool) -> Result<(), Diagnostic> {
    let canonical = |p: &Path| -> PathBuf {
        if let Ok(c) = p.canonicalize() {
            return c;
        }
        match (p.parent(), p.file_name()) {
            (Some(parent), Some(name)) => parent
                .canonicalize()
                .map(|c| c.join(name))
                .unwrap_or_else(|_| p.to_path_buf()),
            _ => p.to_path_buf(),
        }
    };
    let out_c = canonical(out);
    let root_c = canonical(root);
    let refuse = |why: &str| {
        Err(Diagnostic::error(
            None,
            format!("refusing to build into {}: {why}", out.display()),
        )
        .hint("choose another folder with --output DIR (the default is public/ in the site)"))
    };
    if out_c.parent().is_none() {
        return refuse("it is the root of the file system");
    }
    if std::env::var_os("HOME").is_some_and(|h| canonical(Path::new(&h)) == out_c) {
        return refuse("it is your home folder");
    }
    if root_c.starts_with(&out_c) {
        return refuse("it contains the site itself");
    }
    for source in ["content", "static", "templates", "locales", "themes"] {
        if out_c.starts_with(root_c.join(source)) {
            return refuse(&format!("it is inside the site's {source}/ folder"));
        }
    }
    if out_c.is_file() {
        return refuse("it is a file");
    }
    if !force && out_c.is_dir() && !out_c.join(MARKER).is_file() {
        let non_empty = fs::read_dir(&out_c)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if non_empty {
            return Err(Diagnostic::error(
                None,
                format!(
                    "refusing to build into {}: it holds files mekong did not write",
                    out.display()
                ),
            )
            .hint(
                "empty the folder, choose another with --output, or pass --force to replace it",
            ));
        }
    }
    Ok(())
}

/// Puts an interrupted build's folders back in order: restores the previous
/// output if a swap was cut short, and removes staging litter.
pub fn recover(out: &Path) {
    let old = staging_of(out, "old");
    if !out.exists() && old.is_dir() {
        let _ = fs::rename(&old, out);
    }
    for suffix in ["old", "staging"] {
        let p = staging_of(out, suffix);
        if p.exists() {
            let _ = fs::remove_dir_all(&p);
        }
    }
}

fn read_manifest(out: &Path) -> HashMap<String, String> {
    fs::read_to_string(out.join(MARKER))
        .map(|text| {
            text.lines()
                .filter_map(|l| l.split_once(' '))
                .map(|(h, p)| (p.to_owned(), h.to_owned()))
                .collect()
        })
        .unwrap_or_default()
}

/// Writes the outputs into `out` through a staging folder and a swap.
pub fn write(out: &Path, outputs: &[Output]) -> Result<WriteStats, Diagnostic> {
    recover(out);
    let staging = staging_of(out, "staging");
    let io = |what: &str, p: &Path, e: std::io::Error| {
        Diagnostic::error(None, format!("cannot {what} {}: {e}", p.display()))
            .hint("check the disk space and the folder's permissions")
    };
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| io("create", parent, e))?;
    }
    fs::create_dir_all(&staging).map_err(|e| io("create", &staging, e))?;
    let previous = read_manifest(out);

    let mut dirs = BTreeSet::new();
    for o in outputs {
        let rel = normalize_inside(Path::new(&o.path)).ok_or_else(|| {
            Diagnostic::error(
                None,
                format!("output path {} leaves the output folder", o.path),
            )
            .hint("check aliases and slugs for `..`")
        })?;
        if let Some(parent) = rel.parent() {
            dirs.insert(parent.to_path_buf());
        }
    }
    for d in &dirs {
        fs::create_dir_all(staging.join(d)).map_err(|e| io("create", d, e))?;
    }

    let results: Vec<Result<(String, bool), Diagnostic>> = outputs
        .par_iter()
        .map(|o| {
            let target = staging.join(&o.path);
            let hash = match &o.data {
                OutputData::Bytes(b) => blake3::hash(b),
                OutputData::Copy(src) => {
                    blake3::hash(&src.read().map_err(|e| io("read", Path::new(&o.path), e))?)
                }
            }
            .to_hex()
            .to_string();
            let old = out.join(&o.path);
            if previous.get(&o.path) == Some(&hash) && fs::hard_link(&old, &target).is_ok() {
                return Ok((format!("{hash} {}", o.path), false));
            }
            match &o.data {
                OutputData::Bytes(b) => {
                    fs::write(&target, b).map_err(|e| io("write", &target, e))?
                }
                OutputData::Copy(src) => {
                    let bytes = src.read().map_err(|e| io("read", &target, e))?;
                    fs::write(&target, bytes).map_err(|e| io("write", &target, e))?;
                }
            }
            Ok((format!("{hash} {}", o.path), true))
        })
        .collect();
    let mut manifest = Vec::with_capacity(results.len());
    let mut stats = WriteStats::default();
    for r in results {
        match r {
            Ok((line, written)) => {
                manifest.push(line);
                if written {
                    stats.written += 1;
                } else {
                    stats.unchanged += 1;
                }
            }
            Err(d) => {
                let _ = fs::remove_dir_all(&staging);
                return Err(d);
            }
        }
    }
    manifest.sort_by(|a, b| {
        a.split_once(' ')
            .map(|x| x.1)
            .cmp(&b.split_once(' ').map(|x| x.1))
    });
    let mut text = manifest.join("\n");
    text.push('\n');
    fs::write(staging.join(MARKER), text).map_err(|e| io("write", &staging, e))?;

    let old = staging_of(out, "old");
    if out.exists() {
        fs::rename(out, &old).map_err(|e| io("move", out, e))?;
    }
    if let Err(e) = fs::rename(&staging, out) {
        let _ = fs::rename(&old, out);
        return Err(io("move", &staging, e));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_root_and_its_sources_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir_all(root.join("content")).expect("mkdir");
        assert!(check_output_dir(root, root, false).is_err());
        assert!(check_output_dir(root, &root.join("content"), false).is_err());
        assert!(check_output_dir(root, Path::new("/"), false).is_err());
        assert!(check_output_dir(root, &root.join("public"), false).is_ok());
    }

    #[test]
    fn a_folder_mekong_did_not_write_is_refused_unless_forced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("out");
        fs::create_dir_all(&out).expect("mkdir");
        fs::write(out.join("important.txt"), "x").expect("write");
        assert!(check_output_dir(&dir.path().join("site"), &out, false).is_err());
        assert!(check_output_dir(&dir.path().join("site"), &out, true).is_ok());
    }

    #[test]
    fn unchanged_files_are_linked_and_stale_files_vanish() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("public");
        let o = |p: &str, b: &str| Output {
            path: p.into(),
            data: OutputData::Bytes(b.as_bytes().to_vec()),
        };
        let s1 = write(&out, &[o("a/index.html", "A"), o("b.txt", "B")]).expect("write");
        assert_eq!(s1.written, 2);
        let s2 = write(&out, &[o("a/index.html", "A"), o("c.txt", "C")]).expect("write");
        assert_eq!((s2.written, s2.unchanged), (1, 1));
        assert!(!out.join("b.txt").exists());
        assert_eq!(fs::read_to_string(out.join("c.txt")).expect("c"), "C");
        assert!(!staging_of(&out, "staging").exists() && !staging_of(&out, "old").exists());
    }

    #[test]
    fn an_interrupted_swap_is_recovered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("public");
        let old = staging_of(&out, "old");
        fs::create_dir_all(&old).expect("mkdir");
        fs::write(old.join("index.html"), "previous").expect("write");
        fs::create_dir_all(staging_of(&out, "staging")).expect("mkdir");
        recover(&out);
        assert_eq!(
            fs::read_to_string(out.join("index.html")).expect("restored"),
            "previous"
        );
        assert!(!staging_of(&out, "staging").exists());
    }
}
