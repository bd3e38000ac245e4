//! What a one-shot build (`build`, `check`, `report`) does differently from
//! `serve`, so that its memory grows with the number of pages and not with
//! their text: pages are read without their Markdown bodies
//! ([`Bodies::Reread`]), and a body's HTML is kept only where more than the
//! page's own job shows it. Every other page reads and renders its body
//! again when its job runs, writes its file and lets go of both. The search
//! index's documents wait in a file of the search cache ([`Spill`]), or in
//! an anonymous temporary file for a build whose outputs are not kept
//! (`check`, `report`): those write nothing in the site folder.

use crate::content::{Bodies, Kind};
use crate::diagnostics::Diagnostics;
use crate::search::Spill;
use crate::site::{self, Files, KeepHtml, MarkdownCache, PageId, Site};
use std::collections::HashSet;
use std::sync::Arc;

/// Renders every page's Markdown: for `serve` ([`Bodies::Kept`]) reusing
/// and refilling `cache`; for a one-shot build keeping the HTML of
/// [`kept_html`] only, with no cache for a next build. With search, a
/// one-shot build puts each article's document of the index in a spill
/// file ([`Spill`], returned) instead of keeping every article's HTML for
/// it: in the search cache, kept for the next build when this one
/// succeeds, when the build keeps its files (`keeps_files`); else (`check`,
/// `report`) an anonymous temporary file, so that nothing is written in the
/// site folder (a read-only checkout can be checked). An anonymous file too
/// when the cache's folder cannot be made, and only if no file can be made
/// does it keep them all.
fn render_markdown(
    bodies: Bodies,
    site: &mut Site,
    files: Files<'_>,
    cache: &MarkdownCache,
    keeps_files: bool,
) -> (Diagnostics, MarkdownCache, Option<Arc<Spill>>) {
    match bodies {
        Bodies::Kept => {
            let (d, cache) = site::render_markdown(site, files, Some(cache), KeepHtml::All);
            (d, cache, None)
        }
        Bodies::Reread => {
            let spill = match (site.config.search, keeps_files) {
                (false, _) => None,
                (true, true) => Spill::cached(&site.config.root)
                    .or_else(|_| Spill::new())
                    .ok(),
                (true, false) => Spill::new().ok(),
            };
            let kept = match spill {
                None if site.config.search => site.pages_with_ids().map(|(id, _)| id).collect(),
                _ => kept_html(site),
            };
            let keep = KeepHtml::Only {
                kept: &kept,
                spill: spill.clone(),
            };
            let (d, cache) = site::render_markdown(site, files, None, keep);
            (d, cache, spill)
        }
    }
}

/// The pages whose body HTML more than their own job shows: the articles
/// in feeds, homes and sections (shown on each page of their list).
fn kept_html(site: &Site) -> HashSet<PageId> {
    let mut kept = crate::outputs::feed_pages(site);
    kept.extend(
        site.pages_with_ids()
            .filter(|(_, p)| p.kind != Kind::Article)
            .map(|(id, _)| id),
    );
    kept
}

impl super::session::Session {
    /// Renders the site's Markdown (what a one-shot build keeps, or with the
    /// cache of `serve`) and keeps the cache for the next build; `false`
    /// when `diags` has errors then (the cache stays the last good one).
    /// `keeps_files`: whether the build's outputs are kept (see
    /// [`render_markdown`]).
    pub(super) fn render_markdown(
        &mut self,
        site: &mut Site,
        diags: &mut Diagnostics,
        watch: &mut super::session::Stopwatch,
        keeps_files: bool,
    ) -> bool {
        let files = site::Files {
            statics: &self.theme.statics,
            images: &self.caches.images,
        };
        let (d, markdown, search) =
            render_markdown(self.bodies, site, files, &self.caches.markdown, keeps_files);
        self.caches.search = search;
        diags.extend(d);
        watch.lap("markdown");
        if diags.has_errors() {
            return false;
        }
        self.caches.markdown = markdown;
        true
    }

    // The caches a one-shot build leaves for the next one.

    /// Removes the image cache's files that the last full build did not
    /// use; returns how many.
    pub fn prune_image_cache(&self) -> usize {
        self.caches
            .used_images
            .as_ref()
            .map_or(0, |used| self.caches.images.prune(used))
    }

    /// Keeps the search documents, terms and gzipped files of the build
    /// just made as the next build's search cache; without search, drops
    /// a cache an earlier build left.
    pub fn keep_search_cache(&mut self) {
        match self.caches.search.take() {
            // Only time is lost when the cache cannot be kept.
            Some(spill) => drop(spill.keep()),
            None if !self.config.search => {
                let _ = std::fs::remove_dir_all(self.config.root.join(crate::search::CACHE_DIR));
            }
            None => {}
        }
    }
}
