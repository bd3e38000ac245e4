//! Write: outputs → the output folder, never half-done.
//!
//! Everything is written into a staging folder beside the output, then the
//! two are swapped with renames; a build that fails or is killed leaves the
//! previous site in place, and the next build clears what it left behind.
//! A marker file (`.mekong-output`) lists every file with its hash: it tells
//! mekong the folder is its own (it refuses to replace any other), and lets
//! it hard-link unchanged files from the previous build instead of writing.

use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::msg;
use crate::output::{origin_of, Output, OutputData, Record, Sink};
use crate::paths::normalize_inside;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The marker and manifest file inside a mekong output folder.
pub(crate) const MARKER: &str = ".mekong-output";

/// The file `serve` leaves in an output folder it writes: its pages link
/// to the preview server, so the folder must never be deployed. `build`
/// replaces such a folder whole; a deploy script can test for the file.
pub(crate) const PREVIEW_MARK: &str = ".mekong-preview";

/// Whether `out` holds a build's output: mekong's, and not a preview.
pub(crate) fn holds_a_build(out: &Path) -> bool {
    out.join(MARKER).is_file() && !out.join(PREVIEW_MARK).exists()
}

/// Why `serve --output` refuses a folder holding a build.
pub(crate) fn preview_over_build(out: &Path) -> Diagnostic {
    Diagnostic::error(None, msg!("write.serve-over-build", folder = out))
        .hint(msg!("write.serve-over-build.hint"))
}

/// Marks `out` as preview output (see [`PREVIEW_MARK`]), with a note for
/// whoever opens the folder (`This folder is the output of mekong serve…`).
pub(crate) fn mark_preview(out: &Path, note: &str) -> Result<(), Diagnostic> {
    let text = format!("{}\n", note.trim_end());
    let path = out.join(PREVIEW_MARK);
    fs::write(&path, text).map_err(|e| io_error("write", &path, e))
}

/// What a write did.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WriteStats {
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
pub(crate) fn check_output_dir(root: &Path, out: &Path, force: bool) -> Result<(), Diagnostic> {
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
    let refuse = |why: Message| {
        Err(
            Diagnostic::error(None, msg!("write.refuse", folder = out, why = why))
                .hint(msg!("write.refuse.hint")),
        )
    };
    if out_c.parent().is_none() {
        return refuse(msg!("write.refuse.root"));
    }
    if std::env::var_os("HOME").is_some_and(|h| canonical(Path::new(&h)) == out_c) {
        return refuse(msg!("write.refuse.home"));
    }
    if root_c.starts_with(&out_c) {
        return refuse(msg!("write.refuse.site"));
    }
    for source in ["content", "static", "templates", "locales", "themes"] {
        if out_c.starts_with(root_c.join(source)) {
            return refuse(msg!("write.refuse.inside", folder = source));
        }
    }
    if out_c.is_file() {
        return refuse(msg!("write.refuse.file"));
    }
    if force || !out_c.is_dir() {
        return Ok(());
    }
    if !out_c.join(MARKER).is_file() {
        let non_empty = fs::read_dir(&out_c)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if non_empty {
            return Err(
                Diagnostic::error(None, msg!("write.not-mekongs", folder = out))
                    .hint(msg!("write.not-mekongs.hint")),
            );
        }
        return Ok(());
    }
    // A file someone put into the output by hand (a search engine's
    // verification file) would vanish with the swap: say so instead.
    let written = read_manifest(&out_c);
    let strangers: Vec<String> = walkdir::WalkDir::new(&out_c)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            e.path()
                .strip_prefix(&out_c)
                .ok()
                .map(|p| p.to_string_lossy().replace('\\', "/"))
        })
        .filter(|p| p != MARKER && p != PREVIEW_MARK && !written.contains_key(p))
        .take(4)
        .collect();
    if !strangers.is_empty() {
        return Err(Diagnostic::error(
            None,
            msg!(
                "write.strangers",
                folder = out,
                files = strangers.join(", ")
            ),
        )
        .hint(msg!("write.strangers.hint")));
    }
    Ok(())
}

/// Puts an interrupted build's folders back in order: restores the previous
/// output if a swap was cut short, and removes staging litter.
pub(crate) fn recover(out: &Path) {
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

/// Writes the manifest of `dir`: one `HASH PATH` line per file, in path order.
fn write_manifest<'a>(
    dir: &Path,
    files: impl Iterator<Item = (&'a str, &'a str)>,
) -> std::io::Result<()> {
    let mut files: Vec<(&str, &str)> = files.collect();
    // Paths are unique: an unstable sort gives the same order.
    files.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut text = String::with_capacity(files.len() * 96);
    for (path, hash) in files {
        text.push_str(hash);
        text.push(' ');
        text.push_str(path);
        text.push('\n');
    }
    // An empty manifest is one empty line, as earlier builds wrote it.
    if text.is_empty() {
        text.push('\n');
    }
    fs::write(dir.join(MARKER), text)
}

/// An output made ready to write: its path inside the output folder
/// (checked not to climb out of it), its bytes and their hash.
fn prepare(o: &Output) -> Result<(PathBuf, std::borrow::Cow<'_, [u8]>, String), Diagnostic> {
    let rel = normalize_inside(Path::new(&o.path)).ok_or_else(|| {
        Diagnostic::error(None, msg!("write.leaves-output", path = &o.path))
            .hint(msg!("write.leaves-output.hint"))
    })?;
    let bytes = match &o.data {
        OutputData::Bytes(b) | OutputData::Redirect { bytes: b, .. } => {
            std::borrow::Cow::Borrowed(b.as_slice())
        }
        OutputData::Copy(src) => src
            .read()
            .map_err(|e| io_error("read", Path::new(&o.path), e))?,
    };
    let hash = blake3::hash(&bytes).to_hex().to_string();
    Ok((rel, bytes, hash))
}

fn io_error(what: &str, p: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(
        None,
        msg!(
            "write.cannot",
            action = what,
            path = p,
            error = e.to_string()
        ),
    )
    .hint(msg!("write.cannot.hint"))
}

/// A build in progress: outputs go into a staging folder beside the output
/// folder; [`Staging::commit`] swaps it in, [`Staging::abort`] removes it.
pub(crate) struct Staging {
    out: PathBuf,
    dir: PathBuf,
    previous: HashMap<String, String>,
}

impl Staging {
    /// Clears what an interrupted build left and opens a staging folder.
    pub(crate) fn begin(out: &Path) -> Result<Staging, Diagnostic> {
        recover(out);
        let dir = staging_of(out, "staging");
        fs::create_dir_all(&dir).map_err(|e| io_error("create", &dir, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            previous: read_manifest(out),
        })
    }

    /// Swaps the staging folder in, with the manifest of `records`.
    pub(crate) fn commit(self, records: &[Record]) -> Result<WriteStats, Diagnostic> {
        let files = records
            .iter()
            .filter_map(|r| r.hash.as_deref().map(|h| (r.path.as_str(), h)));
        write_manifest(&self.dir, files).map_err(|e| io_error("write", &self.dir, e))?;
        let old = staging_of(&self.out, "old");
        if self.out.exists() {
            fs::rename(&self.out, &old).map_err(|e| io_error("move", &self.out, e))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.out) {
            let _ = fs::rename(&old, &self.out);
            return Err(io_error("move", &self.dir, e));
        }
        let _ = fs::remove_dir_all(&old);
        let fresh = records.iter().filter(|r| r.fresh).count();
        Ok(WriteStats {
            written: fresh,
            unchanged: records.len() - fresh,
        })
    }

    /// Drops the staging folder: the output folder is untouched.
    pub(crate) fn abort(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// Writes into a live output folder (`serve`): only files whose content
/// changed, each through a temporary file and a rename, so a browser never
/// reads half a page.
pub(crate) struct InPlace {
    out: PathBuf,
    written: HashMap<String, String>,
    /// The pages a reader has open, rendered first by the next build.
    first: Option<crate::output::WantedFirst>,
    /// While set, a manifest that changed is only noted (`stale`), not
    /// written: a rebuild cut short by a newer edit leaves it to the next.
    hold: bool,
    stale: bool,
}

impl InPlace {
    /// Starts with an empty (or foreign-free) folder.
    pub(crate) fn new(out: &Path) -> Result<InPlace, Diagnostic> {
        fs::create_dir_all(out).map_err(|e| io_error("create", out, e))?;
        Ok(InPlace {
            out: out.to_path_buf(),
            written: read_manifest(out),
            first: None,
            hold: false,
            stale: false,
        })
    }

    /// With `hold`, the manifest is not written when the files change until
    /// it is released (then, if it changed meanwhile).
    pub(crate) fn hold_manifest(&mut self, hold: bool) {
        self.hold = hold;
        if !hold && self.stale {
            self.manifest_changed();
        }
    }

    /// The set of files changed: the manifest is written, or noted stale.
    fn manifest_changed(&mut self) {
        self.stale = self.hold;
        if !self.hold {
            self.flush();
        }
    }

    /// The files the next build renders and writes before the others.
    pub(crate) fn want_first(&mut self, first: Option<crate::output::WantedFirst>) {
        self.first = first;
    }

    /// Remembers what a build wrote and removes what the site no longer
    /// has: with `complete`, every file the build did not produce; after a
    /// partial build, HTML files that are neither among `page_files` (every
    /// page of the site) nor written now (aliases). The manifest is kept up
    /// to date, so the folder stays mekong's for the next `build` or `serve`.
    pub(crate) fn settle(
        &mut self,
        records: &[Record],
        complete: bool,
        page_files: &std::collections::HashSet<String>,
    ) {
        let fresh: HashMap<String, String> = records
            .iter()
            .filter_map(|r| r.hash.clone().map(|h| (r.path.clone(), h)))
            .collect();
        let stale: Vec<String> = self
            .written
            .keys()
            .filter(|p| !fresh.contains_key(*p))
            .filter(|p| complete || (p.ends_with(".html") && !page_files.contains(*p)))
            .cloned()
            .collect();
        let new_files = fresh.keys().any(|p| !self.written.contains_key(p));
        let removed = !stale.is_empty();
        for path in stale {
            remove_with_folder(&self.out.join(&path));
            self.written.remove(&path);
        }
        self.written.extend(fresh);
        // The manifest lists which files are mekong's: rewrite it when that
        // set changes (an edit that only changes contents need not pay for it).
        if complete || new_files || removed {
            self.manifest_changed();
        }
    }

    /// Takes the records of a partial build that left the set of pages as
    /// it was: no file to remove, only hashes to note.
    pub(crate) fn record(&mut self, records: &[Record]) {
        let mut new_files = false;
        for r in records {
            if let Some(h) = &r.hash {
                new_files |= self.written.insert(r.path.clone(), h.clone()).is_none();
            }
        }
        if new_files {
            self.manifest_changed();
        }
    }

    /// Removes the variants of the photos `originals` (`images/a.jpg` →
    /// `images/a.480w.webp`, ...) that a build did not write: after a photo
    /// is replaced, those of its old size.
    pub(crate) fn remove_variants(&mut self, originals: &[String], records: &[Record]) {
        if originals.is_empty() {
            return;
        }
        let written: HashSet<&str> = records.iter().map(|r| r.path.as_str()).collect();
        let stale: Vec<String> = self
            .written
            .keys()
            .filter(|p| !written.contains(p.as_str()))
            .filter(|p| originals.iter().any(|o| crate::images::is_variant_of(p, o)))
            .cloned()
            .collect();
        for path in &stale {
            let _ = fs::remove_file(self.out.join(path));
            self.written.remove(path);
        }
        if !stale.is_empty() {
            self.manifest_changed();
        }
    }

    /// Writes the manifest (file list and hashes) into the folder.
    pub(crate) fn flush(&self) {
        let files = self.written.iter().map(|(p, h)| (p.as_str(), h.as_str()));
        let _ = write_manifest(&self.out, files);
    }
}

/// Writes a list of outputs into `out` through a staging folder and a swap
/// (the pipeline streams into [`Staging`] instead; the tests use this).
#[cfg(test)]
fn write(out: &Path, outputs: &[Output]) -> Result<WriteStats, Diagnostic> {
    use rayon::prelude::*;
    let staging = Staging::begin(out)?;
    let records: Result<Vec<Record>, Diagnostic> =
        outputs.par_iter().map(|o| staging.put(o)).collect();
    match records {
        Ok(r) => staging.commit(&r),
        Err(d) => {
            staging.abort();
            Err(d)
        }
    }
}

impl Sink for Staging {
    fn put(&self, o: &Output) -> Result<Record, Diagnostic> {
        let (rel, bytes, hash) = prepare(o)?;
        let target = self.dir.join(&rel);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error("create", parent, e))?;
        }
        let origin = origin_of(o);
        if self.previous.get(&o.path) == Some(&hash)
            && fs::hard_link(self.out.join(&rel), &target).is_ok()
        {
            return Ok(Record {
                path: o.path.clone(),
                hash: Some(hash),
                fresh: false,
                origin,
            });
        }
        fs::write(&target, bytes).map_err(|e| io_error("write", &target, e))?;
        Ok(Record {
            path: o.path.clone(),
            hash: Some(hash),
            fresh: true,
            origin,
        })
    }
}

impl Sink for InPlace {
    fn wanted_first(&self) -> Option<&crate::output::WantedFirst> {
        self.first.as_ref()
    }

    fn remove_gone(&self, files: &[&str]) {
        // Only files this folder got from mekong; `settle` forgets them.
        for f in files.iter().filter(|f| self.written.contains_key(**f)) {
            remove_with_folder(&self.out.join(f));
        }
    }

    fn put(&self, o: &Output) -> Result<Record, Diagnostic> {
        let (rel, bytes, hash) = prepare(o)?;
        let origin = origin_of(o);
        let target = self.out.join(&rel);
        if self.written.get(&o.path) == Some(&hash) && target.is_file() {
            return Ok(Record {
                path: o.path.clone(),
                hash: Some(hash),
                fresh: false,
                origin,
            });
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error("create", parent, e))?;
        }
        overwrite(&target, &bytes).map_err(|e| io_error("write", &target, e))?;
        Ok(Record {
            path: o.path.clone(),
            hash: Some(hash),
            fresh: true,
            origin,
        })
    }
}

/// Removes a file of the output, and its folder if that is empty now (a
/// page's `x/index.html`): a fresh build has no empty folders.
fn remove_with_folder(file: &Path) {
    let _ = fs::remove_file(file);
    if let Some(folder) = file.parent() {
        // Fails, as it should, when other files are still there.
        let _ = fs::remove_dir(folder);
    }
}

/// Writes `bytes` over the file at `target` itself, not through a new file
/// renamed over it, and without truncating it to nothing first: rewriting
/// every page then allocates no inodes (a new file per page was half of a
/// template change's time on corpus L, in ext4's search for a free inode)
/// and starts no flush (ext4 writes a file truncated to zero out to disk
/// when it is closed). A page read while it is written may come out mixed;
/// the reload after the rebuild shows it whole.
fn overwrite(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(target)?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overwrite_replaces_longer_and_shorter_contents() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("index.html");
        overwrite(&file, b"a long first version").expect("write");
        overwrite(&file, b"short").expect("write");
        assert_eq!(fs::read(&file).expect("read"), b"short");
        overwrite(&file, b"a longer version again").expect("write");
        assert_eq!(fs::read(&file).expect("read"), b"a longer version again");
    }

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
