//! What a one-shot build (`build`, `check`, `report`) does differently from
//! `serve`, so that its memory grows with the number of pages and not with
//! their text: pages are read without their Markdown bodies
//! ([`Bodies::Reread`]), and a body's HTML is kept only where more than the
//! page's own job shows it. Every other page reads and renders its body
//! again when its job runs, writes its file and lets go of both. The search
//! index's documents wait in a temporary file.

use crate::content::{Bodies, Kind};
use crate::diagnostics::Diagnostics;
use crate::search::Spill;
use crate::site::{self, Files, KeepHtml, MarkdownCache, PageId, Site};
use std::collections::HashSet;

/// Renders every page's Markdown: for `serve` ([`Bodies::Kept`]) reusing
/// and refilling `cache`; for a one-shot build keeping the HTML of
/// [`kept_html`] only, with no cache for a next build. With search, a
/// one-shot build puts each article's document of the index in a
/// temporary file ([`Spill`]) instead of keeping every article's HTML for
/// it; only if that file cannot be made does it keep them all.
pub(super) fn render_markdown(
    bodies: Bodies,
    site: &mut Site,
    files: Files<'_>,
    cache: &MarkdownCache,
) -> (Diagnostics, MarkdownCache) {
    match bodies {
        Bodies::Kept => site::render_markdown(site, files, Some(cache), KeepHtml::All),
        Bodies::Reread => {
            let spill = if site.config.search {
                Spill::new().ok()
            } else {
                None
            };
            let kept = match spill {
                None if site.config.search => site.pages_with_ids().map(|(id, _)| id).collect(),
                _ => kept_html(site),
            };
            let keep = KeepHtml::Only { kept: &kept, spill };
            site::render_markdown(site, files, None, keep)
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
