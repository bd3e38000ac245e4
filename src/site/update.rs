//! `serve`'s fast path for an edit: when edited files keep their place in
//! the site (same URLs, translations), the site is not resolved again; the
//! pages that show them get the new title, date and body.
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

/// How an edited source fits the site it replaces its old version in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fit {
    /// Same URL, lists, order and translations: only its pages change.
    Same,
    /// An article whose pages keep their URLs and translations but move in
    /// their lists (date, update, weight, tags): [`super::relist`] re-sorts
    /// the lists that hold them.
    Reordered,
    /// Anything else: the site is resolved again.
    Moved,
}

/// How `new` fits where `old` was. When it is not [`Fit::Moved`], `serve`
/// updates the site with [`with_edits`] instead of resolving it again.
pub(crate) fn fit(old: &SourcePage, new: &SourcePage, title_sorts: bool) -> Fit {
    if place_key(old) != place_key(new) {
        Fit::Moved
    } else if order_key(old, title_sorts) == order_key(new, title_sorts) {
        Fit::Same
    } else if new.kind == Kind::Article {
        Fit::Reordered
    } else {
        // A section's weight orders the menu: resolved again.
        Fit::Moved
    }
}

/// What decides where a source's pages are: their URLs, their
/// translations, whether they are published, how their section lists.
fn place_key(s: &SourcePage) -> impl PartialEq {
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
            f.slug.clone(),
            f.aliases.clone(),
            f.draft,
            f.translation_key.clone(),
        ),
        (f.sort_by, f.paginate_by),
        (s.kind != Kind::Article).then(|| f.title.clone()),
    )
}

/// What decides a source's pages' order in their lists and which tag
/// lists hold them.
fn order_key(s: &SourcePage, title_sorts: bool) -> impl PartialEq {
    let f = &s.front;
    (
        f.date,
        f.updated,
        f.weight,
        f.tags.clone(),
        title_sorts.then(|| f.title.clone()),
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

/// The site with `edited` sources (that [`fit`] in place) in place of the
/// old ones: their pages get the new title, date and freshly rendered
/// Markdown; nothing else changes (lists are [`super::relist`]'s). Edited files the site does not
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
            let at = site.source_index(&new.file)?;
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
                let (rendered, diags) = render_page(site, p, new, files, published, None);
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
    let sources: Vec<SourceId> = replaced.iter().map(|(s, _)| *s).collect();
    for (source, new) in replaced {
        site.sources[source] = new;
    }
    // The translations of an edited original take its new unit and plan.
    let groups: std::collections::BTreeSet<usize> = site
        .pages
        .iter()
        .filter(|p| p.source.is_some_and(|s| sources.contains(&s)))
        .map(|p| p.group)
        .collect();
    site.attribute(groups);
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
            page.date = src.front.date;
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
