//! What a change means for a [`Session`]. In: the paths a watcher saw
//! change. Out: a [`Change`] (what the change requires), and the session
//! made ready for the next build: the files read again and, after a change
//! of messages, the languages that show them (the build turns these into
//! what it renders). The fast path of an edit, [`Session::try_in_place`],
//! lives here too.

use super::session::{Built, Rerender, Session, Stopwatch};
use crate::config::LangCode;
use crate::content::{self, SourcePage};
use crate::diagnostics::Diagnostics;
use crate::output::Sink;
use crate::render::Owed;
use crate::site::{self, Fit};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// What a set of changed files requires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// Nothing mekong reads.
    None,
    /// Articles or their files: re-read those, render what they touch.
    Content,
    /// Fluent messages only: render the languages that read them.
    Messages,
    /// Static files: copy them.
    Static,
    /// Templates or messages: render every page again.
    Theme,
    /// `site.yaml`: start over.
    Config,
}

impl Change {
    /// Whether the build after this change renders only what it touches
    /// (otherwise every page, and the output folder is settled as a whole).
    pub fn is_partial(self) -> bool {
        matches!(self, Change::Content | Change::Messages)
    }
}

impl Session {
    /// What the changed paths require.
    pub fn classify(&self, paths: &[PathBuf]) -> Change {
        let root = &self.config.root;
        let mut change = Change::None;
        for p in paths {
            let rel = p.strip_prefix(root).unwrap_or(p);
            if rel
                .components()
                .any(|c| c.as_os_str().to_str().is_some_and(|s| s.starts_with('.')))
            {
                continue;
            }
            let first = rel
                .components()
                .next()
                .and_then(|c| c.as_os_str().to_str())
                .unwrap_or("");
            let is_ftl = p.extension().is_some_and(|e| e == "ftl");
            let c = match first {
                // The plan is checked against every article's `plan:`.
                "site.yaml" | "plan.yaml" | "plans" => Change::Config,
                "locales" if is_ftl => Change::Messages,
                "themes" if is_ftl && rel.components().any(|c| c.as_os_str() == "locales") => {
                    Change::Messages
                }
                "templates" | "locales" | "themes" => Change::Theme,
                "static" => Change::Static,
                "content" => Change::Content,
                _ => Change::None,
            };
            change = change.max(c);
        }
        change
    }

    /// Takes changed files into account. Returns what kind of change it was
    /// (the largest, when several kinds of files changed together).
    pub fn reload(&mut self, paths: &[PathBuf]) -> Result<Change, Diagnostics> {
        let kinds: Vec<Change> = paths
            .iter()
            .map(|p| self.classify(std::slice::from_ref(p)))
            .collect();
        let change = kinds.iter().copied().max().unwrap_or(Change::None);
        if change == Change::Config {
            *self = Session::load(&self.opts)?;
            return Ok(Change::Config);
        }

        if kinds
            .iter()
            .any(|k| matches!(k, Change::Theme | Change::Static | Change::Messages))
        {
            let before = self.load_theme();
            self.edits.narrow = match &self.caches.usage {
                Some(usage) if !kinds.contains(&Change::Content) => super::dependencies::narrow(
                    &before,
                    &self.theme,
                    paths,
                    &self.config.root,
                    usage,
                ),
                _ => None,
            };
        }
        if change == Change::Messages {
            self.edits.message_langs = Some(self.languages_showing_messages_of(paths));
        }
        if kinds.contains(&Change::Content) {
            self.reload_content(paths);
        }
        Ok(change)
    }

    /// Whether the next build renders only the pages reading what the last
    /// change of messages, templates or static files changed.
    pub fn is_narrowed(&self) -> bool {
        self.edits.narrow.is_some()
    }

    /// A message of language L shows in L and in every language whose
    /// fallback chain goes through L.
    fn languages_showing_messages_of(&self, ftl_files: &[PathBuf]) -> HashSet<LangCode> {
        let changed: Vec<&str> = ftl_files.iter().filter_map(|p| ftl_language(p)).collect();
        self.config
            .languages
            .iter()
            .filter(|l| {
                self.config
                    .fallback_chain(&l.code)
                    .iter()
                    .any(|c| changed.contains(&c.as_str()))
            })
            .map(|l| l.code.clone())
            .collect()
    }

    /// Reads the changed Markdown files again: an edited, new or removed
    /// article file is read (or dropped) alone. Attachments, folder
    /// articles (`index.md`, whose files beside it are its assets) and
    /// anything else that changes the folder structure read the content
    /// folder again.
    fn reload_content(&mut self, paths: &[PathBuf]) {
        let mut full = false;
        let content = self.config.root.join("content");
        for p in paths.iter().filter(|p| p.starts_with(&content)) {
            let is_md = p.extension().is_some_and(|e| e == "md");
            let is_bundle = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n == "index.md" || n.starts_with("index."));
            if !is_md && !p.exists() && !self.is_known_attachment(p) {
                // A file that came and went (an editor's probe, like vim's
                // `4913`): nothing was published from it.
                continue;
            }
            if !is_md || is_bundle || p.is_dir() {
                full = true;
                break;
            }
            let assets = self
                .sources
                .pages
                .get(p)
                .map(|s| s.assets.clone())
                .unwrap_or_default();
            self.sources.diagnostics.remove(p);
            self.sources.pages.remove(p);
            self.edits.fresh.push(p.clone());
            if !p.is_file() {
                // Removed (or renamed away): its page goes with it.
                continue;
            }
            match content::load_file(&self.config, p, assets) {
                Ok(Some((page, diagnostics))) => {
                    if !diagnostics.is_empty() {
                        self.sources.diagnostics.insert(p.clone(), diagnostics);
                    }
                    self.sources.pages.insert(p.clone(), Arc::new(page));
                }
                Ok(None) => full = true,
                Err(errors) => {
                    self.sources.diagnostics.insert(p.clone(), errors);
                }
            }
        }
        if full {
            self.load_content();
        }
    }

    /// Whether a file is published beside a section or an article.
    fn is_known_attachment(&self, p: &Path) -> bool {
        self.sources.section_assets.iter().any(|(a, _)| a == p)
            || self
                .sources
                .pages
                .values()
                .any(|s| s.assets.iter().any(|a| a == p))
    }

    /// Whether the last builds left pages or files for later: a newer edit
    /// came in while they rendered (see [`Owed`]).
    pub fn owes(&self) -> bool {
        !self.last.owed.is_empty()
    }

    /// Renders and writes what the last builds left for later, from the
    /// last site; `None` when there is none (the next build renders all).
    pub fn catch_up(&mut self, sink: &dyn Sink) -> Option<Result<Built, Diagnostics>> {
        let diags = self.diagnostics_to_report(true, &[]);
        let Some(site) = self.last.site.take() else {
            self.last.owed = Owed::default();
            return None;
        };
        let mut watch = Stopwatch::start();
        let photos = crate::outputs::photo_files(&site, &self.theme.statics);
        let rerender = Rerender::InPlace {
            front_changed: false,
        };
        Some(self.render_and_write(site, &photos, rerender, sink, diags, &mut watch))
    }

    /// The fast path of an edit: when the edited files keep their URLs
    /// and translations, the site is updated in place and only the pages
    /// that show them are rendered; when they also moved in their lists
    /// (date, tags), those lists are sorted again. `None` when it does not
    /// apply.
    pub(super) fn try_in_place(
        &mut self,
        fresh: &[PathBuf],
        sink: &dyn Sink,
        mut diags: Diagnostics,
        watch: &mut Stopwatch,
    ) -> Result<Option<Built>, Diagnostics> {
        let clock = Instant::now();
        let Some(site) = self.last.site.as_ref() else {
            return Ok(None);
        };
        let title_sorts = site::title_sorts(site);
        let by_file = |file: &Path| -> Option<&Arc<SourcePage>> {
            site.sources.get(site.source_index(file)?)
        };
        let mut edited = Vec::new();
        let mut reordered = false;
        let mut tags_changed = false;
        let mut dates_changed = false;
        let mut front_changed = false;
        for file in fresh {
            let Some(new) = self.sources.pages.get(file) else {
                return Ok(None);
            };
            let Some(old) = by_file(&new.file) else {
                return Ok(None);
            };
            front_changed |= old.front != new.front;
            match site::fit(old, new, title_sorts) {
                Fit::Same => {}
                Fit::Reordered => {
                    reordered = true;
                    tags_changed |= old.front.tags != new.front.tags;
                    dates_changed |=
                        (old.front.date, old.front.updated) != (new.front.date, new.front.updated);
                }
                Fit::Moved => return Ok(None),
            }
            edited.push(new.clone());
        }
        if edited.is_empty() {
            return Ok(None);
        }
        let Some(old_site) = self.last.site.take() else {
            return Ok(None);
        };
        // The edited pages' Markdown plans its photos from the catalog.
        let photos_before = crate::outputs::photo_files(&old_site, &self.theme.statics);
        self.refresh_images(&photos_before);
        let edited_files: Vec<PathBuf> = edited.iter().map(|s| s.file.clone()).collect();
        if tags_changed {
            // Tag pages may come or go: root-relative links are checked
            // against the paths published now.
            self.caches.markdown.forget_published_paths();
        }
        let (mut site, d) = site::with_edits(
            old_site,
            edited,
            site::Files {
                statics: &self.theme.statics,
                images: &self.caches.images,
            },
            &mut self.caches.markdown,
        );
        diags.extend(d);
        let rerender = if reordered {
            let mut before = site::relist(&mut site, &edited_files);
            before.dates_changed = dates_changed;
            Rerender::Relisted(before)
        } else {
            Rerender::InPlace { front_changed }
        };
        watch.lap_since("update", clock);
        if diags.has_errors() {
            // Keep the last good site; the next full build starts clean.
            self.last.site = None;
            return Err(diags);
        }
        // An edited folder article may have brought a photo beside it.
        let photos = crate::outputs::photo_files(&site, &self.theme.statics);
        if photos != photos_before {
            self.refresh_images(&photos);
        }
        self.render_and_write(site, &photos, rerender, sink, diags, watch)
            .map(Some)
    }
}

/// The language of a `.ftl` file: the folder under `locales/`.
fn ftl_language(path: &Path) -> Option<&str> {
    let parts: Vec<&str> = path.iter().filter_map(|c| c.to_str()).collect();
    let at = parts.iter().rposition(|c| *c == "locales")?;
    parts.get(at + 1).copied().filter(|_| parts.len() > at + 2)
}
