//! `serve`'s fast path for an edit: when edited files keep their place in
//! the site (same URL, dates, tags, translations, order), the site is not
//! resolved again; the pages that show them get the new title and body.
//!
//! Comes in: the current [`Site`] (consumed), the edited sources, the files
//! Markdown reads, and the Markdown cache. Goes out: the next site and the
//! problems found in the edited pages. The new bodies are rendered while
//! the old site is only read; then the site is taken apart field by field
//! (no page is cloned) and handed back with the edit applied.

use super::bodies::{render_page, Files, MarkdownCache};
use super::model::{PageId, Site, SourceId};
use crate::content::front_matter::SortBy;
use crate::content::{Kind, SourcePage};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Rendered;
use std::sync::Arc;

/// What decides a source's place in the site: its URL, its lists, its
/// order, its translations. When an edit leaves this the same, `serve`
/// updates the site with [`with_edits`] instead of resolving it again.
pub(crate) fn structure_key(s: &SourcePage, title_sorts: bool) -> impl PartialEq {
    let f = &s.front;
    (
        (
            s.kind,
            s.section.clone(),
            s.file_slug.clone(),
            s.lang.clone(),
            s.content_path.clone(),
        ),
        (
            f.date,
            f.updated,
            f.weight,
            f.slug.clone(),
            f.aliases.clone(),
            f.draft,
            f.tags.clone(),
            f.translation_key.clone(),
        ),
        (
            f.sort_by,
            f.paginate_by,
            title_sorts.then(|| f.title.clone()),
        ),
        (s.kind != Kind::Article).then(|| f.title.clone()),
    )
}

/// Whether any section sorts by title (then titles are structure too).
pub(crate) fn title_sorts(site: &Site) -> bool {
    site.sources
        .iter()
        .any(|s| s.front.sort_by == Some(SortBy::Title))
}

/// A page of an edited source, rendered again from the new text.
struct Rerendered {
    page: PageId,
    rendered: Rendered,
    diags: Vec<Diagnostic>,
}

/// The site with `edited` sources (whose [`structure_key`] is unchanged)
/// in place of the old ones: their pages get the new title and freshly
/// rendered Markdown; nothing else changes. Edited files the site does not
/// know are ignored. Also returns the problems found in those pages.
pub(crate) fn with_edits(
    site: Site,
    edited: Vec<Arc<SourcePage>>,
    files: Files<'_>,
    cache: &mut MarkdownCache,
) -> (Site, Diagnostics) {
    let replaced: Vec<(SourceId, Arc<SourcePage>)> = edited
        .into_iter()
        .filter_map(|new| {
            let at = site.sources.iter().position(|s| s.file == new.file)?;
            Some((SourceId::new(at), new))
        })
        .collect();
    let rerendered = rerender(&site, &replaced, files, &cache.published);
    apply(site, replaced, rerendered, cache)
}

/// Renders every page of each replaced source from its new text, reading
/// the old site (links, URLs and images do not depend on what changed).
fn rerender(
    site: &Site,
    replaced: &[(SourceId, Arc<SourcePage>)],
    files: Files<'_>,
    published: &super::bodies::Published,
) -> Vec<Rerendered> {
    let mut out = Vec::new();
    for (source, new) in replaced {
        for (page, p) in site.pages_with_ids() {
            if p.source == Some(*source) {
                let (rendered, diags) = render_page(site, p, new, files, published);
                out.push(Rerendered {
                    page,
                    rendered,
                    diags,
                });
            }
        }
    }
    out
}

/// Puts the new sources, titles and bodies into the site, and keeps the
/// bodies that rendered cleanly in `cache`.
fn apply(
    mut site: Site,
    replaced: Vec<(SourceId, Arc<SourcePage>)>,
    rerendered: Vec<Rerendered>,
    cache: &mut MarkdownCache,
) -> (Site, Diagnostics) {
    for (source, new) in replaced {
        site.sources[source] = new;
    }
    let mut diags = Diagnostics::new();
    for Rerendered {
        page: id,
        rendered,
        diags: d,
    } in rerendered
    {
        let src = site.pages[id].source.map(|s| site.sources[s].clone());
        let page = &mut site.pages[id];
        if let Some(src) = &src {
            if page.kind == Kind::Article {
                page.title = src.front.title.clone().unwrap_or_default();
            }
        }
        page.rendered = Arc::new(rendered);
        if d.is_empty() {
            if let Some(src) = src {
                cache
                    .entries
                    .insert(page.path.clone(), (src, page.rendered.clone()));
            }
        }
        if !page.is_fallback {
            diags.extend(d);
        }
    }
    (site, diags)
}
