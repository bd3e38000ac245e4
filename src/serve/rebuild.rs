//! One rebuild of the preview. In: the changed source files (none for the
//! first build). Out: the site rebuilt into the live output folder, a
//! [`Rebuilt`] saying what happened, and, once reported, the open pages
//! told to reload (or shown the errors).

use super::http::State;
use crate::diagnostics::Diagnostics;
use crate::output::WantedFirst;
use crate::pipeline::{Built, Change, Options, Session};
use crate::write::InPlace;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// The site kept in memory, and the live folder and server it feeds.
pub(crate) struct Preview {
    /// The loaded site, or why it did not load (fixed by a later change).
    session: Result<Session, Diagnostics>,
    opts: Options,
    sink: InPlace,
    state: Arc<State>,
    /// The page files of the last build (shared with the session while
    /// the set of pages stays the same).
    page_files: Arc<HashSet<String>>,
    /// Set when a newer edit waits (the watcher's): what is not urgent is
    /// left for the next build.
    newer_edit: Option<Arc<AtomicBool>>,
}

/// What one rebuild did.
pub(crate) struct Rebuilt {
    /// Warnings, or every error when the build failed.
    pub(crate) diagnostics: Diagnostics,
    /// Files written, or `None` when the build failed.
    pub(crate) written: Option<usize>,
    /// Milliseconds from the change to the files on disk.
    pub(crate) millis: f64,
    /// Whether the open pages were told to reload as soon as they were
    /// written, before the rest of the build.
    reloaded: bool,
    /// Whether pages or files were left for later: a newer edit came in
    /// (the build that finishes them reports).
    pub(crate) cut_short: bool,
}

impl Preview {
    /// Loads the site; `serve` starts even when it does not load.
    pub(crate) fn new(opts: Options, sink: InPlace, state: Arc<State>) -> Preview {
        Preview {
            session: Session::load(&opts),
            opts,
            sink,
            state,
            page_files: Arc::default(),
            newer_edit: None,
        }
    }

    /// From now on, a rebuild that sees `flag` set leaves the pages not
    /// begun and the site-wide files for the next one.
    pub(crate) fn overtaken_by(&mut self, flag: Arc<AtomicBool>) {
        self.newer_edit = Some(flag);
    }

    /// Whether the last rebuilds left something for later.
    pub(crate) fn owes(&self) -> bool {
        self.session.as_ref().is_ok_and(Session::owes)
    }

    /// Takes `paths` into account and builds what they touch (everything
    /// when `paths` is empty). `None` when nothing mekong reads changed.
    pub(crate) fn rebuild(&mut self, paths: &[PathBuf]) -> Option<Rebuilt> {
        let start = Instant::now();
        let change = self.reload(paths);
        if change == Change::None {
            return None;
        }
        self.write(start, |s, sink| {
            let partial = change.is_partial() || s.is_narrowed();
            Some((s.build(sink, partial), partial))
        })
    }

    /// Writes what the last rebuilds left for later (no edit came in
    /// since). `None` when there was nothing.
    pub(crate) fn catch_up(&mut self) -> Option<Rebuilt> {
        let start = Instant::now();
        self.write(start, |s, sink| Some((s.catch_up(sink)?, true)))
    }

    /// Runs `build` on the session (it says whether the build was partial)
    /// with the pages open in a browser first, and settles the folder.
    fn write(
        &mut self,
        start: Instant,
        build: impl FnOnce(&mut Session, &InPlace) -> Option<(Result<Built, Diagnostics>, bool)>,
    ) -> Option<Rebuilt> {
        // The pages open in a browser are rendered first and reload as soon
        // as they are on disk.
        let reloaded = Arc::new(AtomicBool::new(false));
        let (flag, state) = (reloaded.clone(), self.state.clone());
        self.sink.want_first(Some(WantedFirst {
            files: self.state.viewed.files(),
            written: Box::new(move || {
                flag.store(true, Ordering::Relaxed);
                state.broadcast("reload", "");
            }),
            newer_edit: self.newer_edit.clone(),
        }));
        let result = match self.session.as_mut() {
            Ok(s) => {
                let Some((result, partial)) = build(s, &self.sink) else {
                    self.sink.want_first(None);
                    return None;
                };
                // Cut short: the next build writes the manifest.
                self.sink.hold_manifest(s.owes());
                let sink = &mut self.sink;
                let page_files = &mut self.page_files;
                result.inspect(|built| {
                    if partial && Arc::ptr_eq(page_files, &built.page_files) {
                        // The same pages as before: nothing to remove.
                        sink.record(&built.records);
                    } else {
                        // Removes the files of pages that went, too.
                        sink.settle(&built.records, !partial, &built.page_files);
                    }
                    *page_files = built.page_files.clone();
                    sink.remove_variants(&built.replaced, &built.records);
                })
            }
            Err(d) => Err(d.clone()),
        };
        self.sink.want_first(None);
        let millis = start.elapsed().as_secs_f64() * 1000.0;
        let reloaded = reloaded.load(Ordering::Relaxed);
        let cut_short = self.owes();
        Some(match result {
            Ok(built) => Rebuilt {
                written: Some(built.records.iter().filter(|r| r.fresh).count()),
                diagnostics: built.diagnostics,
                millis,
                reloaded,
                cut_short,
            },
            Err(diagnostics) => Rebuilt {
                diagnostics,
                written: None,
                millis,
                reloaded,
                cut_short,
            },
        })
    }

    /// What `paths` require of the session. A configuration that failed to
    /// load has no session: any change loads it again.
    fn reload(&mut self, paths: &[PathBuf]) -> Change {
        match self.session.as_mut() {
            Ok(s) if !paths.is_empty() => match s.reload(paths) {
                Ok(c) => c,
                Err(d) => {
                    self.session = Err(d);
                    Change::Config
                }
            },
            Ok(_) => Change::Config,
            Err(_) => {
                self.session = Session::load(&self.opts);
                Change::Config
            }
        }
    }

    /// Tells open pages what a rebuild did: reload (only the style sheets
    /// when nothing but CSS changed), or show the errors over the page.
    pub(crate) fn tell_pages(&self, rebuilt: &Rebuilt, paths: &[PathBuf]) {
        let state = &self.state;
        if rebuilt.written.is_some() {
            let had_errors = state.errors.read().map(|e| !e.is_empty()).unwrap_or(false);
            if let Ok(mut e) = state.errors.write() {
                e.clear();
            }
            let css_only = !paths.is_empty()
                && !had_errors
                && paths
                    .iter()
                    .all(|p| p.extension().is_some_and(|e| e == "css"));
            // Pages told to reload early already show this build, unless
            // they still carried the last build's errors.
            if !rebuilt.reloaded || had_errors {
                state.broadcast(if css_only { "css" } else { "reload" }, "");
            }
        } else {
            let lines: Vec<String> = rebuilt
                .diagnostics
                .clone()
                .into_report()
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.to_plain_in(&state.messages))
                .collect();
            if let Ok(mut e) = state.errors.write() {
                *e = lines.clone();
            }
            state.broadcast(
                "errors",
                &serde_json::to_string(&lines).unwrap_or_else(|_| "[]".into()),
            );
        }
    }

    /// Ends the preview: writes the manifest, so the folder stays mekong's
    /// for the next `build` or `serve`.
    pub(crate) fn finish(self) {
        self.sink.flush();
    }
}
