//! `serve`'s path for an article file that came or went (a new article, a
//! translation added, an article deleted): instead of resolving the site
//! again, its page is put into (or taken out of) the site exactly where
//! [`super::resolve`] would have it, so that page ids, groups and lists are
//! the very ones a full resolve makes.
//!
//! Comes in: the site (consumed) and one [`Splice`]. Goes out: the site
//! with the page inserted or removed (its body still to render) and
//! [`Relisted`], the lists it changed as they were, for the renderer to
//! compare. [`can_splice`] says first whether the path applies; what it
//! cannot do (drafts, `untranslated: fallback`, translation keys, a
//! section that comes or goes, a URL or alias clash, the last article of
//! a language) is left to the full resolve, which reports any error.
//!
//! Resolve's order, which the ids follow: sources by path; the home and
//! section groups and pages first; then one group per article translation
//! group in key order (the `content_path`), its pages in language order.

use super::model::{Page, PageId, Site, SourceId};
use super::relist::Relisted;
use super::resolve::{article_slug, section_sort, sort_pages, tag_terms};
use crate::config::{LangCode, Untranslated};
use crate::content::front_matter::SortBy;
use crate::content::{Kind, SourcePage};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// One article file that came or went.
#[derive(Debug, Clone)]
pub(crate) enum Splice {
    /// A new file (a new article, or a translation of one).
    Added(Arc<SourcePage>),
    /// A file that is gone (its path from the site root, as sources name
    /// their files).
    Removed(PathBuf),
}

/// Whether [`splice`] can apply `change` to `site` (else the site is
/// resolved again). `drafts`: whether drafts are published.
pub(crate) fn can_splice(site: &Site, change: &Splice, drafts: bool) -> bool {
    if site.config.untranslated == Untranslated::Fallback
        || site
            .sources
            .iter()
            .any(|s| s.front.translation_key.is_some())
    {
        return false;
    }
    match change {
        Splice::Added(new) => can_add(site, new, drafts),
        Splice::Removed(file) => can_remove(site, file),
    }
}

fn can_add(site: &Site, new: &SourcePage, drafts: bool) -> bool {
    let simple = new.kind == Kind::Article
        && (drafts || !new.front.draft)
        && new.front.translation_key.is_none()
        && new.front.aliases.is_empty()
        && new.assets.is_empty()
        && site.config.language(new.lang.as_str()).is_some()
        && new
            .section
            .as_ref()
            .is_none_or(|s| site.section_names.contains(s))
        && site.source_index(&new.file).is_none();
    if !simple {
        return false;
    }
    // A translation: the group must be an article's, without this language.
    if let Some(&g) = site.link_index.get(&new.content_path) {
        let members = &site.groups[g];
        if members.is_empty()
            || members.iter().any(|&id| {
                let p = &site.pages[id];
                p.kind != Kind::Article || p.lang == new.lang
            })
        {
            return false;
        }
    }
    let slug = article_slug(new);
    let path = article_path(site, new, &slug);
    let data_page = site
        .homes
        .values()
        .any(|&h| super::model::data_page_path(&site.pages[h].path) == path);
    !slug.is_empty()
        && !data_page
        && !site.pages.iter().any(|p| p.path == path)
        && !site.sources.iter().any(|s| {
            s.front
                .aliases
                .iter()
                .any(|a| crate::urls::normalize_alias(a) == path)
        })
}

fn can_remove(site: &Site, file: &PathBuf) -> bool {
    let Some(at) = site.source_index(file) else {
        return false;
    };
    let old = &site.sources[at];
    let pages: Vec<&Page> = site
        .pages
        .iter()
        .filter(|p| p.source == Some(SourceId::new(at)))
        .collect();
    let [page] = pages.as_slice() else {
        return false;
    };
    // The section stays (another file is in it), and so does the
    // language's list of articles.
    let section_stays = old.section.as_ref().is_none_or(|name| {
        site.sources
            .iter()
            .any(|s| s.section.as_ref() == Some(name) && s.file != *file)
    });
    old.kind == Kind::Article
        && old.front.aliases.is_empty()
        && old.assets.is_empty()
        && !page.is_fallback
        && section_stays
        && site.by_date.get(&page.lang).is_some_and(|l| l.len() > 1)
}

/// The URL path resolve gives an article of `s` with `slug`.
fn article_path(site: &Site, s: &SourcePage, slug: &str) -> String {
    let prefix = site.config.lang_prefix(&s.lang);
    match &s.section {
        Some(sec) => format!("{prefix}{sec}/{slug}/"),
        None => format!("{prefix}{slug}/"),
    }
}

/// Applies a change [`can_splice`] accepted: the site with the page put in
/// (or taken out) where resolve puts it, ids shifted to match, and its
/// lists (section, newest first, tags of its language) updated. The new
/// page's body is empty: Markdown renders it next.
pub(crate) fn splice(mut site: Site, change: Splice) -> (Site, Relisted) {
    let old_paths: Vec<String> = site.pages.iter().map(|p| p.path.clone()).collect();
    let mut before = Relisted {
        old_paths: Some(old_paths),
        page_files_changed: true,
        dates_changed: true,
        ..Relisted::default()
    };
    let place = match &change {
        Splice::Added(new) => Some((new.lang.clone(), new.section.clone())),
        Splice::Removed(file) => site.source_index(file).map(|at| {
            (
                site.sources[at].lang.clone(),
                site.sources[at].section.clone(),
            )
        }),
    };
    // A file the site does not hold ([`can_splice`] rules it out).
    let Some((lang, section)) = place else {
        return (site, before);
    };
    remember_lists(&site, &lang, section.as_deref(), &mut before);
    let page = match change {
        Splice::Added(new) => add(&mut site, new),
        Splice::Removed(file) => remove(&mut site, &file, &mut before),
    };
    relist_language(&mut site, &lang, section.as_deref(), page);
    // The group that gained or lost a version: its unit and plan may change.
    let touched: Vec<usize> = page
        .map(|id| site.pages[id].group)
        .into_iter()
        .chain(before.groups.iter().copied())
        .collect();
    site.attribute(touched);
    (site, before)
}

/// The lists a page of `lang` in `section` is in, as they are now.
fn remember_lists(site: &Site, lang: &LangCode, section: Option<&str>, before: &mut Relisted) {
    if let Some(name) = section {
        let key = (name.to_owned(), lang.clone());
        if let Some((_, members)) = site.sections.get(&key) {
            before.sections.insert(key, members.clone());
        }
    }
    before.by_date.insert(
        lang.clone(),
        site.by_date.get(lang).cloned().unwrap_or_default(),
    );
    if let Some(terms) = site.terms.get(lang) {
        before.terms.insert(lang.clone(), terms.clone());
    }
}

/// Inserts the new source and its page; returns the page's id.
fn add(site: &mut Site, new: Arc<SourcePage>) -> Option<PageId> {
    let si = site.sources.partition_point(|s| s.file < new.file);
    for p in &mut site.pages {
        if let Some(s) = p.source.filter(|s| s.index() >= si) {
            p.source = Some(SourceId::new(s.index() + 1));
        }
    }
    site.sources.insert(si, new.clone());
    let lang_at = |lang: &LangCode| {
        site.config
            .languages
            .iter()
            .position(|l| l.code == *lang)
            .unwrap_or(usize::MAX)
    };
    let (group, at) = match site.link_index.get(&new.content_path).copied() {
        Some(g) => {
            // A translation: after its group's pages of earlier languages.
            let mine = lang_at(&new.lang);
            let members = &site.groups[g];
            let at = match members
                .iter()
                .find(|&&id| lang_at(&site.pages[id].lang) > mine)
            {
                Some(later) => later.index(),
                None => members.last().map_or(site.pages.len(), |id| id.index() + 1),
            };
            (g, at)
        }
        None => {
            let g = new_group_position(site, &new.content_path);
            let at = site
                .groups
                .get(g)
                .and_then(|m| m.first())
                .map_or(site.pages.len(), |id| id.index());
            shift_groups(site, g, true);
            site.groups.insert(g, Vec::new());
            site.link_index.insert(new.content_path.clone(), g);
            (g, at)
        }
    };
    shift_pages(site, at, true);
    let slug = article_slug(&new);
    let page = Page {
        kind: Kind::Article,
        source: Some(SourceId::new(si)),
        lang: new.lang.clone(),
        section: new.section.clone(),
        path: article_path(site, &new, &slug),
        slug,
        group,
        is_fallback: false,
        title: new.front.title.clone().unwrap_or_default(),
        date: new.front.date,
        rendered: Arc::default(),
        unit: None,
        plan: Vec::new(),
    };
    site.pages.insert(at, page);
    let id = PageId::new(at);
    let members = &mut site.groups[group];
    let pos = members.partition_point(|&m| m < id);
    members.insert(pos, id);
    Some(id)
}

/// Where resolve puts a new article group with key `key`: among the
/// article groups (after the home's and the sections'), in key order.
fn new_group_position(site: &Site, key: &str) -> usize {
    let first = 1 + site.section_names.len();
    let key_of = |g: &Vec<PageId>| -> Option<&str> {
        let id = *g.first()?;
        Some(site.source(&site.pages[id])?.content_path.as_str())
    };
    let articles = site.groups.get(first..).unwrap_or(&[]);
    first + articles.partition_point(|g| key_of(g).is_some_and(|k| k < key))
}

/// Takes the file's source and page out; returns `None` (its page is gone).
fn remove(site: &mut Site, file: &std::path::Path, before: &mut Relisted) -> Option<PageId> {
    let si = site.source_index(file)?;
    let at = site
        .pages
        .iter()
        .position(|p| p.source == Some(SourceId::new(si)))?;
    let page = site.pages.remove(at);
    before.removed = Some(page.path.clone());
    let id = PageId::new(at);
    let g = page.group;
    site.groups[g].retain(|&m| m != id);
    for list in site.sections.values_mut() {
        list.1.retain(|&m| m != id);
    }
    if let Some(list) = site.by_date.get_mut(&page.lang) {
        list.retain(|&m| m != id);
    }
    shift_pages(site, at, false);
    if site.groups[g].is_empty() {
        site.groups.remove(g);
        site.link_index.remove(&site.sources[si].content_path);
        shift_groups(site, g, false);
    } else {
        // Its translations show one language less.
        before.groups.push(g);
    }
    site.sources.remove(si);
    for p in &mut site.pages {
        if let Some(s) = p.source.filter(|s| s.index() > si) {
            p.source = Some(SourceId::new(s.index() - 1));
        }
    }
    None
}

/// Moves every page id from `at` on one up (`up`) or down (a page was
/// removed at `at`).
fn shift_pages(site: &mut Site, at: usize, up: bool) {
    let shift = |id: &mut PageId| {
        if id.index() >= at {
            *id = PageId::new(if up { id.index() + 1 } else { id.index() - 1 });
        }
    };
    let lists = site
        .groups
        .iter_mut()
        .chain(site.sections.values_mut().map(|(_, m)| m))
        .chain(site.by_date.values_mut())
        .chain(site.terms.values_mut().flatten().map(|t| &mut t.pages));
    for list in lists {
        list.iter_mut().for_each(shift);
    }
    for (section, _) in site.sections.values_mut() {
        shift(section);
    }
    site.homes.values_mut().for_each(shift);
}

/// Moves every group index from `at` on one up, or (a group was removed
/// at `at`) down.
fn shift_groups(site: &mut Site, at: usize, up: bool) {
    let shift = |g: &mut usize| {
        if *g >= at {
            *g = if up { *g + 1 } else { *g - 1 };
        }
    };
    site.pages.iter_mut().for_each(|p| shift(&mut p.group));
    site.link_index.values_mut().for_each(shift);
}

/// Puts the new page (if any) into its section's and language's lists in
/// order, and makes the language's tags again, as resolve does.
fn relist_language(site: &mut Site, lang: &LangCode, section: Option<&str>, page: Option<PageId>) {
    if let Some(name) = section {
        if let Some((section_page, members)) =
            site.sections.get_mut(&(name.to_owned(), lang.clone()))
        {
            members.extend(page);
            let sort = section_sort(&site.pages[*section_page], &site.sources);
            sort_pages(members, &site.pages, &site.sources, &site.collators, sort);
        }
    }
    let list = site.by_date.entry(lang.clone()).or_default();
    list.extend(page);
    sort_pages(
        list,
        &site.pages,
        &site.sources,
        &site.collators,
        SortBy::Date,
    );
    if site.config.taxonomies.iter().any(|t| t == "tags") {
        let lists: BTreeMap<LangCode, Vec<PageId>> =
            BTreeMap::from([(lang.clone(), site.by_date[lang].clone())]);
        site.terms.extend(tag_terms(
            &lists,
            &site.pages,
            &site.sources,
            &site.collators,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::content::{self, Bodies};
    use crate::i18n::Locales;
    use std::path::Path;

    /// What a site is made of, ids included: a splice must give exactly
    /// what a resolve of the same files gives.
    fn shape(site: &Site) -> String {
        let mut index: Vec<_> = site.link_index.iter().collect();
        index.sort();
        let pages: Vec<_> = site
            .pages
            .iter()
            .map(|p| {
                let file = site.source(p).map(|s| s.file.clone());
                let made = (&p.path, &p.lang, p.group, file, p.kind, &p.title, p.date);
                (made, &p.unit, &p.plan)
            })
            .collect();
        let files: Vec<_> = site.sources.iter().map(|s| &s.file).collect();
        let terms: Vec<_> = site
            .terms
            .iter()
            .map(|(l, ts)| {
                (
                    l,
                    ts.iter()
                        .map(|t| (&t.slug, &t.name, &t.pages))
                        .collect::<Vec<_>>(),
                )
            })
            .collect();
        format!(
            "{files:#?}\n{pages:#?}\n{:?}\n{:?}\n{:?}\n{:?}\n{terms:?}\n{index:?}",
            site.groups, site.homes, site.sections, site.by_date
        )
    }

    fn resolved(root: &Path) -> Site {
        let config = Config::load(root).expect("config");
        let (locales, _) = Locales::build(&config, Vec::new());
        let (sources, _) = content::load(&config, Bodies::Kept);
        resolve::resolve(
            config,
            sources,
            &locales,
            resolve::ResolveOptions::default(),
        )
        .0
    }

    /// Splices the change `apply` makes to the files into the site of
    /// before, and compares with a resolve of after.
    fn check(root: &Path, file: &str, text: Option<&str>) {
        let before = resolved(root);
        let path = root.join("content").join(file);
        match text {
            Some(t) => std::fs::write(&path, t).expect("write"),
            None => std::fs::remove_file(&path).expect("remove"),
        }
        let after = resolved(root);
        let change = match text {
            Some(_) => {
                let config = Config::load(root).expect("config");
                let (page, _) = content::load_file(&config, &path, Vec::new())
                    .ok()
                    .flatten()
                    .expect("the new file reads");
                Splice::Added(Arc::new(page))
            }
            None => Splice::Removed(Path::new("content").join(file)),
        };
        assert!(can_splice(&before, &change, false), "{file}: declined");
        let (spliced, relisted) = splice(before, change);
        assert!(relisted.old_paths.is_some());
        assert_eq!(shape(&spliced), shape(&after), "{file}");
    }

    use super::super::resolve;

    #[test]
    fn a_spliced_site_is_the_resolved_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/i18n");
        let status = std::process::Command::new("cp")
            .arg("-r")
            .arg(fixture.join("."))
            .arg(root)
            .status()
            .expect("cp");
        assert!(status.success());
        let new = "---\ntitle: Aa\ndate: 2026-12-01\ntags: [new-tag, cashew]\n---\n\nNew.\n";
        // A new article, the newest of its section, with a new tag.
        check(root, "tourism/a-thac-mo.md", Some(new));
        check(root, "tourism/zz-last.md", Some(new));
        // A translation, first and last in its group's language order.
        check(root, "tourism/soc-bom-bo.en.md", Some(new));
        check(root, "tourism/soc-bom-bo.km.md", Some(new));
        // A translation removed (its group stays), an article removed with
        // its group, a new article's removal.
        check(root, "news/doan-khach-lao.lo.md", None);
        check(root, "news/mua-mua.md", None);
        check(root, "tourism/a-thac-mo.md", None);
        check(root, "tourism/soc-bom-bo.en.md", None);
    }

    #[test]
    fn what_the_splice_cannot_do_is_declined() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/i18n");
        let status = std::process::Command::new("cp")
            .arg("-r")
            .arg(fixture.join("."))
            .arg(dir.path())
            .status()
            .expect("cp");
        assert!(status.success());
        let site = resolved(dir.path());
        let config = Config::load(dir.path()).expect("config");
        let read = |rel: &str, text: &str| {
            let path = dir.path().join("content").join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("mkdir");
            }
            std::fs::write(&path, text).expect("write");
            let (page, _) = content::load_file(&config, &path, Vec::new())
                .ok()
                .flatten()
                .expect("reads");
            Splice::Added(Arc::new(page))
        };
        // A URL another page has (slug clash), a new section, an alias,
        // a draft.
        let clash = read("tourism/other.md", "---\ntitle: X\nslug: soc-bom-bo\n---\n");
        let section = read("new-section/x.md", "---\ntitle: X\n---\n");
        let alias = read("tourism/y.md", "---\ntitle: X\naliases: [/old/]\n---\n");
        let draft = read("tourism/z.md", "---\ntitle: X\ndraft: true\n---\n");
        for change in [clash, section, alias, draft] {
            assert!(!can_splice(&site, &change, false), "{change:?}");
        }
        // A file the site does not hold.
        let gone = Splice::Removed("content/nowhere.md".into());
        assert!(!can_splice(&site, &gone, false));
    }
}
