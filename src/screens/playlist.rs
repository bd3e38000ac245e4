//! Which articles a screen shows: the `show:` entries of a [`Screen`] and
//! the resolved [`Site`] in, [`Item`]s out (a translation group, its pages
//! in the screen's languages, its lead photo, when it plays), with an error
//! on the `site.yaml` line of an entry that names nothing of the site.

use crate::config::{LangCode, Screen, Selector, Window};
use crate::content::front_matter::ProjectStatus;
use crate::diagnostics::{closest, Diagnostic};
use crate::messages::Message;
use crate::msg;
use crate::site::{Page, PageId, Site};
use crate::source_text::key_line;
use std::path::PathBuf;

/// One article of a screen's playlist.
pub(super) struct Item<'s> {
    /// `@/` path of the article (`news/x.md`): its stable id.
    pub(super) id: String,
    /// Its real translations (no fallback copies) in the screen's languages.
    pub(super) pages: Vec<(&'s LangCode, &'s Page)>,
    /// When it plays.
    pub(super) window: Window,
}

/// The items of `screen`, in `show:` order, each article once; `yaml` is
/// the text of `site.yaml` for the lines of errors.
pub(super) fn items<'s>(
    site: &'s Site,
    screen: &'s Screen,
    yaml: Option<&str>,
) -> (Vec<Item<'s>>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut out: Vec<Item<'s>> = Vec::new();
    let report = |key: &str, msg: Message, hint: Message| {
        let line = yaml.and_then(|t| key_line(t, &["screens", "show", key]));
        let d = Diagnostic::error(PathBuf::from("site.yaml"), msg)
            .at_line(line)
            .hint(hint);
        match yaml {
            Some(t) => d.with_source(t),
            None => d,
        }
    };
    for show in &screen.show {
        match &show.selector {
            Selector::Section(name) if !site.section_names.contains(name) => {
                let hint = match closest(name, site.section_names.iter().map(String::as_str)) {
                    Some(c) => msg!("screens.did-you-mean", value = c),
                    None => msg!(
                        "screens.sections-are",
                        sections = site.section_names.join(", ")
                    ),
                };
                diags.push(report(
                    "section",
                    msg!("screens.no-section", screen = &screen.name, section = name),
                    hint,
                ));
                continue;
            }
            Selector::Article(path) if !site.link_index.contains_key(path) => {
                let hint = match closest(path, site.link_index.keys().map(String::as_str)) {
                    Some(c) => msg!("screens.did-you-mean", value = c),
                    None => msg!("screens.not-an-article.hint"),
                };
                diags.push(report(
                    "article",
                    msg!("screens.not-an-article", screen = &screen.name, path = path),
                    hint,
                ));
                continue;
            }
            _ => {}
        }
        let mut taken = 0;
        let mut matched = false;
        for group in candidate_groups(site, &screen.languages) {
            if taken >= show.limit {
                break;
            }
            let members = &site.groups[group];
            if !members
                .iter()
                .any(|&id| picks(site, &show.selector, id, group))
            {
                continue;
            }
            matched = true;
            let Some(id) = members
                .iter()
                .find_map(|&m| site.source(&site.pages[m]).map(|s| s.content_path.clone()))
            else {
                continue;
            };
            if out.iter().any(|i| i.id == id) {
                continue;
            }
            let pages: Vec<(&LangCode, &Page)> = screen
                .languages
                .iter()
                .filter_map(|l| {
                    members
                        .iter()
                        .map(|&m| &site.pages[m])
                        .find(|p| p.lang == *l && !p.is_fallback)
                        .map(|p| (l, p))
                })
                .collect();
            if pages.is_empty() {
                continue;
            }
            let mut window = show.window.clone();
            if show.selector == Selector::Events {
                window.to = event_end(site, &pages).map(|end| match window.to.take() {
                    Some(to) if to < end => to,
                    _ => end,
                });
            }
            taken += 1;
            out.push(Item { id, pages, window });
        }
        if !matched {
            let d = Diagnostic::warning(
                PathBuf::from("site.yaml"),
                msg!(
                    "screens.picks-nothing",
                    screen = &screen.name,
                    show = format!("{:?}", show.selector),
                    languages = screen
                        .languages
                        .iter()
                        .map(LangCode::as_str)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
            .hint(msg!("screens.picks-nothing.hint"));
            diags.push(d);
        }
    }
    (out, diags)
}

/// Translation groups of the articles in `langs`, newest first.
fn candidate_groups(site: &Site, langs: &[LangCode]) -> Vec<usize> {
    let mut ids: Vec<PageId> = langs
        .iter()
        .filter_map(|l| site.by_date.get(l))
        .flatten()
        .copied()
        .collect();
    // Newest first across languages; ties in page order (deterministic).
    ids.sort_by(|&a, &b| {
        site.pages[b]
            .date
            .cmp(&site.pages[a].date)
            .then(a.index().cmp(&b.index()))
    });
    let mut groups = Vec::new();
    for id in ids {
        let g = site.pages[id].group;
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    groups
}

fn picks(site: &Site, selector: &Selector, id: PageId, group: usize) -> bool {
    let page = &site.pages[id];
    let Some(src) = site.source(page) else {
        return false;
    };
    match selector {
        Selector::Section(name) => page.section.as_deref() == Some(name),
        Selector::Tag(tag) => src.front.tags.iter().any(|t| t == tag),
        Selector::Article(path) => site.link_index.get(path) == Some(&group),
        Selector::Events => src.front.event.is_some(),
        Selector::Projects => src
            .front
            .project
            .as_ref()
            .is_some_and(|p| p.status == ProjectStatus::Open),
    }
}

/// The last day of an event, `YYYY-MM-DD`.
fn event_end(site: &Site, pages: &[(&LangCode, &Page)]) -> Option<String> {
    pages.iter().find_map(|(_, p)| {
        let event = site.source(p)?.front.event.as_ref()?;
        let d = event.end.unwrap_or(event.start);
        Some(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day))
    })
}
