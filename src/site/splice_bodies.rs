//! Markdown after a [`super::splice`]: one page came or went, so only the
//! link keys of that page changed ([`super::bodies`]' `link_keys`). Instead
//! of listing every page's keys, hashing every URL and building the cache
//! again, the cache is updated in place: the new page renders, and so do
//! the pages whose links name a key that came or went (a link to the
//! deleted article is still reported).
//!
//! Comes in: the spliced site (the new page's body empty), the keys of the
//! page that came or went, the cache of the last build. Goes out: the site
//! with bodies, the diagnostics (those of the pages rendered now, and the
//! anchor checks of every page), the cache updated.

use super::bodies::{check_anchors, page_link_keys, render_page, target_of, Files};
use super::bodies::{MarkdownCache, Published};
use super::model::{Site, SourceId};
use crate::diagnostics::Diagnostics;
use rayon::prelude::*;
use std::path::Path;
use std::sync::Arc;

/// The link keys (URL path, `@/` path with its language) of the pages of
/// `file` in `site`: taken before a splice removes them, or after one adds
/// them.
pub(crate) fn file_link_keys(site: &Site, file: &Path) -> Vec<String> {
    let Some(at) = site.source_index(file) else {
        return Vec::new();
    };
    let source = Some(SourceId::new(at));
    site.pages
        .iter()
        .filter(|p| p.source == source)
        .flat_map(|p| page_link_keys(site, p))
        .collect()
}

/// Renders the Markdown of a spliced site: `came` and `went` are the link
/// keys ([`file_link_keys`]) of the page added or removed.
pub(crate) fn render_spliced(
    site: &mut Site,
    files: Files<'_>,
    cache: &mut MarkdownCache,
    came: &[String],
    went: &[String],
) -> Diagnostics {
    // A few targets: compared directly with each page's.
    let changed: Vec<String> = target_of(came.iter().chain(went)).into_iter().collect();
    for k in went {
        cache.keys.remove(k);
        // The URL of a page that went: its body is no one's now.
        cache.entries.remove(k);
    }
    cache.keys.extend(came.iter().cloned());
    // The keys are right; the signature would take every URL to compute
    // (the next full pass compares the keys instead).
    cache.signature = None;
    // Pages came or went: root-relative links are checked against the
    // paths published now.
    let published = Arc::new(Published::default());
    let stale: Vec<usize> = site
        .pages
        .par_iter()
        .enumerate()
        .filter(|(_, page)| {
            let Some(src) = page.source.map(|s| &site.sources[s]) else {
                return false;
            };
            match cache.entries.get(&page.path) {
                Some((cached, rendered)) => {
                    !Arc::ptr_eq(cached, src)
                        || !Arc::ptr_eq(rendered, &page.rendered)
                        || !rendered.pictures().all(|p| p.is_current())
                        || rendered
                            .link_targets
                            .iter()
                            .any(|t| changed.iter().any(|c| c == t))
                }
                None => true,
            }
        })
        .map(|(id, _)| id)
        .collect();
    let results: Vec<_> = stale
        .par_iter()
        .filter_map(|&id| {
            let page = &site.pages[id];
            let src = &site.sources[page.source?];
            Some((id, render_page(site, page, src, files, &published, None)))
        })
        .collect();
    let mut diags = Diagnostics::new();
    for (id, (rendered, d)) in results {
        let rendered = Arc::new(rendered);
        let page = &mut site.pages[id];
        match page.source {
            Some(s) if d.is_empty() => {
                let entry = (site.sources[s].clone(), rendered.clone());
                cache.entries.insert(page.path.clone(), entry);
            }
            _ => {
                cache.entries.remove(&page.path);
            }
        }
        page.rendered = rendered;
        // A fallback page repeats its source's text: its problems once.
        if !page.is_fallback {
            diags.extend(d);
        }
    }
    cache.published = published;
    diags.extend(check_anchors(site));
    diags
}
