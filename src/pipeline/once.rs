//! What a one-shot build (`build`, `check`, `report`) does differently from
//! `serve`, so that its memory grows with the number of pages and not with
//! their text: pages are read without their Markdown bodies
//! ([`Bodies::Reread`]), and a body's HTML is kept only where more than the
//! page's own job shows it. Every other page reads and renders its body
//! again when its job runs, writes its file and lets go of both. The search
//! index's documents wait in a file of the search cache ([`Spill`]).

use crate::content::{Bodies, Kind};
use crate::diagnostics::Diagnostics;
use crate::search::Spill;
use crate::site::{self, Files, KeepHtml, MarkdownCache, PageId, Site};
use std::collections::HashSet;
use std::sync::Arc;

/// Renders every page's Markdown: for `serve` ([`Bodies::Kept`]) reusing
/// and refilling `cache`; for a one-shot build keeping the HTML of
/// [`kept_html`] only, with no cache for a next build. With search, a
/// one-shot build puts each article's document of the index in a file of
/// the search cache ([`Spill`], returned: kept for the next build when this
/// one succeeds) instead of keeping every article's HTML for it; an
/// anonymous temporary file when the cache's folder cannot be made, and
/// only if no file can be made does it keep them all.
pub(super) fn render_markdown(
    bodies: Bodies,
    site: &mut Site,
    files: Files<'_>,
    cache: &MarkdownCache,
) -> (Diagnostics, MarkdownCache, Option<Arc<Spill>>) {
    match bodies {
        Bodies::Kept => {
            let (d, cache) = site::render_markdown(site, files, Some(cache), KeepHtml::All);
            (d, cache, None)
        }
        Bodies::Reread => {
            let spill = if site.config.search {
                Spill::cached(&site.config.root)
                    .or_else(|_| Spill::new())
                    .ok()
            } else {
                None
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

/// The caches a one-shot build leaves for the next one.
impl super::session::Session {
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
