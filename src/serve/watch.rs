//! The file watcher. In: file-system events under the site. Out: batches of
//! changed source files, sent on the first event (an editor's save is
//! several events: those already queued join it),
//! without editor litter or the output folder, as paths under the root as
//! the user gave it (which is how the session names its files).

use crate::diagnostics::Diagnostic;
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// The folders of a site whose files mekong reads.
const SOURCE_DIRS: [&str; 5] = ["content", "locales", "templates", "themes", "static"];

/// Watches a site's sources.
pub(crate) struct SourceWatcher {
    watcher: RecommendedWatcher,
    events: mpsc::Receiver<notify::Result<notify::Event>>,
    /// The root as given (the session's paths start with it).
    root: PathBuf,
    /// The root as the watcher reports it.
    canonical_root: PathBuf,
    /// The output folder, canonical: our own writes are not changes.
    canonical_out: PathBuf,
    /// Source folders watched so far.
    watched: HashSet<PathBuf>,
    /// Set as soon as a change comes in, cleared when a batch takes the
    /// events: a rebuild that sees it set leaves what is not urgent to
    /// the next one (see [`SourceWatcher::newer_edit`]).
    pending: Arc<AtomicBool>,
}

impl SourceWatcher {
    /// Starts watching the site at `root`, ignoring what happens in `out`.
    pub(crate) fn new(root: &Path, out: &Path) -> Result<SourceWatcher, Diagnostic> {
        let (tx, events) = mpsc::channel::<notify::Result<notify::Event>>();
        let canonical_out = out.canonicalize().unwrap_or_else(|_| out.to_path_buf());
        let pending = Arc::new(AtomicBool::new(false));
        let (flag, own) = (pending.clone(), canonical_out.clone());
        let handler = move |event: notify::Result<notify::Event>| {
            if event
                .as_ref()
                .is_ok_and(|e| is_change(&e.kind) && e.paths.iter().any(|p| !is_noise(p, &own)))
            {
                flag.store(true, Ordering::SeqCst);
            }
            let _ = tx.send(event);
        };
        let watcher = notify::recommended_watcher(handler).map_err(|e| {
            Diagnostic::error(
                None,
                crate::msg!("serve.cannot-watch", error = e.to_string()),
            )
        })?;
        let mut w = SourceWatcher {
            watcher,
            events,
            root: root.to_path_buf(),
            canonical_root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            canonical_out,
            watched: HashSet::new(),
            pending,
        };
        // The root itself (not recursively: it holds public/ and maybe target/)
        // catches site.yaml being replaced and source folders being created;
        // each source folder is watched recursively once it exists.
        let _ = w
            .watcher
            .watch(&w.canonical_root, RecursiveMode::NonRecursive);
        w.watch_sources();
        Ok(w)
    }

    fn watch_sources(&mut self) {
        for name in SOURCE_DIRS {
            let p = self.canonical_root.join(name);
            if p.is_dir()
                && !self.watched.contains(&p)
                && self.watcher.watch(&p, RecursiveMode::Recursive).is_ok()
            {
                self.watched.insert(p);
            }
        }
    }

    /// A flag set as soon as a change comes in, before any batch takes it:
    /// a rebuild still running then knows a newer edit waits.
    pub(crate) fn newer_edit(&self) -> Arc<AtomicBool> {
        self.pending.clone()
    }

    /// Waits for the next batch of changed files. `None` once `stop` is set
    /// or the watcher is gone. Watcher errors go to `warn`. With `quiet`,
    /// an empty batch once nothing came in for that long (`serve` then
    /// finishes what the last rebuild left for later).
    ///
    /// A batch goes out on the first event, with whatever is already queued
    /// (events that arrive while a rebuild runs make the next batch): there
    /// is no quiet period to wait out. Only a file still open for writing
    /// (modified, not yet closed) holds the batch back, for at most
    /// [`OPEN_WRITE_WAIT`], so a save written in several pieces is read whole.
    pub(crate) fn next_batch(
        &mut self,
        stop: &AtomicBool,
        warn: &dyn Fn(crate::messages::Message),
        quiet: Option<Duration>,
    ) -> Option<Vec<PathBuf>> {
        let waited = Instant::now();
        while !stop.load(Ordering::SeqCst) {
            let mut batch = Batch::default();
            let wait = quiet.map_or(Duration::from_millis(200), |q| {
                q.saturating_sub(waited.elapsed())
            });
            match self.events.recv_timeout(wait) {
                Ok(event) => self.take(&mut batch, event, warn),
                Err(mpsc::RecvTimeoutError::Timeout) if quiet.is_some() => {
                    // Nothing came: no newer edit waits.
                    self.pending.store(false, Ordering::SeqCst);
                    return Some(Vec::new());
                }
                Err(mpsc::RecvTimeoutError::Timeout) => continue,
                Err(mpsc::RecvTimeoutError::Disconnected) => return None,
            }
            if batch.paths.is_empty() {
                continue;
            }
            let deadline = Instant::now() + OPEN_WRITE_WAIT;
            loop {
                while let Ok(event) = self.events.try_recv() {
                    self.take(&mut batch, event, warn);
                }
                let left = deadline.saturating_duration_since(Instant::now());
                if batch.open.is_empty() || left.is_zero() {
                    break;
                }
                match self.events.recv_timeout(left) {
                    Ok(event) => self.take(&mut batch, event, warn),
                    Err(_) => break,
                }
            }
            // Every event queued is in this batch: those from now on are a
            // newer edit than the rebuild it starts.
            self.pending.store(false, Ordering::SeqCst);
            let mut paths = batch.paths;
            paths.sort();
            paths.dedup();
            // Watcher paths are canonical; the session's are under the root as given.
            let paths = paths
                .iter()
                .map(|p| {
                    p.strip_prefix(&self.canonical_root)
                        .map(|r| self.root.join(r))
                        .unwrap_or_else(|_| p.clone())
                })
                .collect();
            // A source folder created by this batch is watched from now on.
            self.watch_sources();
            return Some(paths);
        }
        None
    }

    /// Adds an event's relevant paths to `batch`, and follows which files
    /// are open for writing.
    fn take(
        &self,
        batch: &mut Batch,
        event: notify::Result<notify::Event>,
        warn: &dyn Fn(crate::messages::Message),
    ) {
        let writing = event.as_ref().ok().map(|e| write_state(&e.kind));
        let paths = self.relevant(event, warn);
        for p in &paths {
            match writing {
                Some(Some(true)) => {
                    batch.open.insert(p.clone());
                }
                Some(Some(false)) => {
                    batch.open.remove(p);
                }
                _ => {}
            }
        }
        batch.paths.extend(paths);
    }

    fn relevant(
        &self,
        event: notify::Result<notify::Event>,
        warn: &dyn Fn(crate::messages::Message),
    ) -> Vec<PathBuf> {
        match event {
            // Opening and reading files (our own rebuild does) changes nothing.
            Ok(e) if is_change(&e.kind) => e
                .paths
                .into_iter()
                .filter(|p| !is_noise(p, &self.canonical_out))
                .collect(),
            Ok(_) => Vec::new(),
            Err(e) => {
                warn(crate::msg!("serve.watch-warning", error = e.to_string()));
                Vec::new()
            }
        }
    }
}

/// How long a batch waits for a file that is still being written.
const OPEN_WRITE_WAIT: Duration = Duration::from_millis(50);

/// The paths of one batch, and those among them still open for writing.
#[derive(Default)]
struct Batch {
    paths: Vec<PathBuf>,
    open: HashSet<PathBuf>,
}

/// `Some(true)` when an event says a file is being written (created, or its
/// data modified), `Some(false)` when it was closed after writing; `None`
/// for the rest (renames, removals, metadata are complete as they come).
fn write_state(kind: &EventKind) -> Option<bool> {
    use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind};
    match kind {
        EventKind::Create(CreateKind::File) | EventKind::Modify(ModifyKind::Data(_)) => Some(true),
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => Some(false),
        _ => None,
    }
}

/// Whether a watcher event means a file's content or presence changed.
fn is_change(kind: &EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Modify(_)
            | EventKind::Remove(_)
            | EventKind::Access(AccessKind::Close(AccessMode::Write))
    )
}

/// Editor swap files, the output folder itself, hidden files.
fn is_noise(path: &Path, out: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    path.starts_with(out)
        || name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || is_editor_temp(name)
}

/// `sed -i`'s temporary file (`sedAb12Cd`, renamed over the file it edits)
/// and vim's probe that a folder is writable (`4913`, a number): written
/// and gone again, never a source.
fn is_editor_temp(name: &str) -> bool {
    let sed = name.len() == 9
        && name.starts_with("sed")
        && name[3..].bytes().all(|b| b.is_ascii_alphanumeric());
    let probe = !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit());
    sed || probe
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, AccessMode, CreateKind, DataChange, ModifyKind, RenameMode};

    #[test]
    fn a_file_is_open_for_writing_from_its_creation_or_modification_to_its_close() {
        assert_eq!(
            write_state(&EventKind::Create(CreateKind::File)),
            Some(true)
        );
        assert_eq!(
            write_state(&EventKind::Modify(ModifyKind::Data(DataChange::Any))),
            Some(true)
        );
        assert_eq!(
            write_state(&EventKind::Access(AccessKind::Close(AccessMode::Write))),
            Some(false)
        );
    }

    #[test]
    fn renames_removals_and_folders_are_complete_as_they_come() {
        for kind in [
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            EventKind::Remove(notify::event::RemoveKind::File),
            EventKind::Create(CreateKind::Folder),
        ] {
            assert_eq!(write_state(&kind), None, "{kind:?}");
        }
    }

    #[test]
    fn editor_litter_and_the_output_folder_are_noise() {
        let out = Path::new("/site/public");
        assert!(is_noise(Path::new("/site/content/.goutputstream-X1"), out));
        assert!(is_noise(Path::new("/site/content/a.md~"), out));
        assert!(is_noise(Path::new("/site/public/index.html"), out));
        assert!(!is_noise(Path::new("/site/content/a.md"), out));
        assert!(is_noise(Path::new("/site/templates/sedK3x9Qa"), out));
        assert!(is_noise(Path::new("/site/templates/4913"), out));
        assert!(!is_noise(Path::new("/site/templates/sed.html"), out));
        assert!(!is_noise(Path::new("/site/templates/section.html"), out));
    }
}
