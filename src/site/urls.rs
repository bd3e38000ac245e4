//! One URL, one owner: two pages at one URL, an alias that is a page's URL,
//! two aliases that are the same URL, and aliases that climb out of the
//! site are errors naming the files involved.
//!
//! Comes in: the pages and sources `resolve` made. Goes out: diagnostics.
//! The one disk read of `resolve` is here, on the error path only: the line
//! of an alias in its file. Sources keep the parsed front matter but not
//! its text or the aliases' lines (the loader in `content/` would have to
//! record them, as it records `image_line`), so the file is read again to
//! point the editor at the line.

use super::model::{Page, PageId, SourceId};
use crate::content::SourcePage;
use crate::diagnostics::Diagnostic;
use crate::messages::{Arg, Message};
use crate::msg;
use crate::paths::normalize_inside;
use crate::urls::{long_segment, normalize_alias, shorten_segment};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What is published at a URL path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UrlOwner {
    /// A page.
    Page(PageId),
    /// A redirect, from an alias in this source's front matter.
    Alias(SourceId),
}

/// Every URL problem of the site's pages and aliases, in page order.
pub(super) fn check_urls(
    root: &Path,
    origin: &str,
    pages: &[Page],
    sources: &[Arc<SourcePage>],
) -> Vec<Diagnostic> {
    let mut diags = empty_slugs(pages, sources);
    diags.extend(long_segments(pages, sources));
    diags.extend(data_page_clashes(pages, sources));
    let (mut owners, page_diags) = page_urls(pages, sources);
    diags.extend(page_diags);
    diags.extend(alias_urls(root, origin, pages, sources, &mut owners));
    diags
}

/// An article whose file name (and `slug:`, if any) has no letters or
/// digits (`-.md`) would be published at `/news//`: an error on its file.
fn empty_slugs(pages: &[Page], sources: &[Arc<SourcePage>]) -> Vec<Diagnostic> {
    pages
        .iter()
        .filter(|p| p.kind == crate::content::Kind::Article && !p.is_fallback && p.slug.is_empty())
        .filter_map(|p| p.source)
        .map(|s| {
            Diagnostic::error(
                sources[s].file.clone(),
                msg!("url.empty-slug", name = &sources[s].file_slug),
            )
            .hint(msg!("url.empty-slug.hint"))
        })
        .collect()
}

/// A page whose URL has a segment longer than a file name can be: its
/// file's name, since a long `slug:` or tag was reported (and dropped) on
/// its line when the front matter was read, and a section's folder exists.
fn long_segments(pages: &[Page], sources: &[Arc<SourcePage>]) -> Vec<Diagnostic> {
    pages
        .iter()
        .filter(|p| !p.is_fallback)
        .filter_map(|p| Some((p.source?, long_segment(&p.path)?)))
        .map(|(s, segment)| {
            Diagnostic::error(
                sources[s].file.clone(),
                msg!(
                    "url.long-segment",
                    segment = shorten_segment(segment),
                    bytes = segment.len()
                ),
            )
            .hint(msg!("url.long-segment.hint"))
        })
        .collect()
}

/// A page of the site's own at a language's open-data page (`/data/`,
/// `/en/data/`: a section `content/data/` or a page `content/data.md`): an
/// error with the fix, once per section or file (naming every URL it
/// takes). mekong writes that page in every language.
fn data_page_clashes(pages: &[Page], sources: &[Arc<SourcePage>]) -> Vec<Diagnostic> {
    let reserved: Vec<String> = pages
        .iter()
        .filter(|p| p.kind == crate::content::Kind::Home)
        .map(|home| super::model::data_page_path(&home.path))
        .collect();
    // (section folder or file, its file if known, the URLs), in page order.
    let mut clashes: Vec<(PathBuf, Option<PathBuf>, Vec<&str>)> = Vec::new();
    for p in pages.iter().filter(|p| reserved.contains(&p.path)) {
        let file = p.source.map(|s| sources[s].file.clone());
        let key = match (&p.section, p.kind) {
            (Some(section), crate::content::Kind::Section) => Path::new("content").join(section),
            _ => file.clone().unwrap_or_default(),
        };
        match clashes.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, f, urls)) => {
                urls.push(&p.path);
                if f.is_none() {
                    *f = file;
                }
            }
            None => clashes.push((key, file, vec![&p.path])),
        }
    }
    clashes
        .into_iter()
        .map(|(key, file, urls)| {
            Diagnostic::error(
                file.unwrap_or(key),
                msg!("url.data-page", url = urls.join(", ")),
            )
            .hint(msg!("url.data-page.hint"))
        })
        .collect()
}

/// The file that published `owner`, as the message names it.
fn owner_name(owner: UrlOwner, pages: &[Page], sources: &[Arc<SourcePage>]) -> Arg {
    let source = match owner {
        UrlOwner::Page(id) => pages[id].source,
        UrlOwner::Alias(src) => Some(src),
    };
    source.map_or_else(
        || msg!("url.a-section").into(),
        |s| Arg::from(&sources[s].file),
    )
}

/// Each page's URL, and an error for each page whose URL is taken by an
/// earlier one (naming both files).
fn page_urls(
    pages: &[Page],
    sources: &[Arc<SourcePage>],
) -> (HashMap<String, UrlOwner>, Vec<Diagnostic>) {
    let mut owners = HashMap::with_capacity(pages.len());
    let mut diags = Vec::new();
    for (i, p) in pages.iter().enumerate() {
        let id = PageId::new(i);
        if let Some(other) = owners.insert(p.path.clone(), UrlOwner::Page(id)) {
            let a = owner_name(other, pages, sources);
            let file = p.source.map(|s| sources[s].file.clone());
            diags.push(
                Diagnostic::error(file, msg!("url.taken", url = &p.path, other = a))
                    .hint(msg!("url.taken.hint")),
            );
        }
    }
    (owners, diags)
}

/// Checks every alias of every page that has its own source (a fallback
/// page repeats its source's aliases, which are reported once) and adds the
/// good ones to `owners`.
fn alias_urls(
    root: &Path,
    origin: &str,
    pages: &[Page],
    sources: &[Arc<SourcePage>],
    owners: &mut HashMap<String, UrlOwner>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for p in pages {
        let Some(src) = p.source else { continue };
        if p.is_fallback {
            continue;
        }
        let file = &sources[src].file;
        let aliases = &sources[src].front.aliases;
        for (i, alias) in aliases.iter().enumerate() {
            let path = normalize_alias(alias);
            let nth = aliases[..i].iter().filter(|a| *a == alias).count();
            let line = || alias_line(root, file, alias, nth);
            let problem = not_an_old_url(alias, owners.get("/").copied(), pages, sources)
                .map(|why| (why, msg!("alias.not-old-url.hint")))
                .or_else(|| not_a_file_path(alias, origin));
            if let Some((why, hint)) = problem {
                diags.push(
                    Diagnostic::error(file.clone(), why)
                        .at_line(line())
                        .hint(hint),
                );
                continue;
            }
            if normalize_inside(Path::new(path.trim_start_matches('/'))).is_none()
                || path.contains("/./")
            {
                diags.push(
                    Diagnostic::error(file.clone(), msg!("alias.leaves-site", alias = alias))
                        .at_line(line())
                        .hint(msg!("alias.leaves-site.hint")),
                );
                continue;
            }
            match owners.get(&path).copied() {
                None => {
                    owners.insert(path, UrlOwner::Alias(src));
                }
                Some(other @ UrlOwner::Page(_)) => {
                    let what = owner_name(other, pages, sources);
                    diags.push(
                        Diagnostic::error(
                            file.clone(),
                            msg!("alias.is-a-page", alias = alias, page = what),
                        )
                        .at_line(line())
                        .hint(msg!("alias.is-a-page.hint")),
                    );
                }
                Some(UrlOwner::Alias(other)) if other == src => {
                    diags.push(
                        Diagnostic::error(file.clone(), msg!("alias.twice", alias = alias))
                            .at_line(line())
                            .hint(msg!("alias.twice.hint")),
                    );
                }
                Some(UrlOwner::Alias(other)) => {
                    diags.push(
                        Diagnostic::error(
                            file.clone(),
                            msg!(
                                "alias.two-pages",
                                alias = alias,
                                other = &sources[other].file
                            ),
                        )
                        .at_line(line())
                        .hint(msg!("alias.two-pages.hint")),
                    );
                }
            }
        }
    }
    diags
}

/// Why `alias` is no old URL at all, if it is none: it is empty, or it is
/// the site's root, `/` (which `root_owner` publishes, when a page does).
fn not_an_old_url(
    alias: &str,
    root_owner: Option<UrlOwner>,
    pages: &[Page],
    sources: &[Arc<SourcePage>],
) -> Option<Message> {
    let trimmed = alias.trim();
    if trimmed.is_empty() {
        return Some(msg!("alias.empty", alias = format!("{alias:?}")));
    }
    if !trimmed.trim_matches('/').is_empty() {
        return None;
    }
    Some(match root_owner {
        Some(UrlOwner::Page(id)) => match pages[id].source {
            Some(s) => msg!(
                "alias.home-page-of",
                alias = trimmed,
                file = &sources[s].file
            ),
            None => msg!("alias.home-page", alias = trimmed),
        },
        // Every language in its folder: `/` is the language picker.
        _ => msg!("alias.root", alias = trimmed),
    })
}

/// Why `alias` cannot be published as a redirect file, with the fix: a
/// full address (`https://old.example.org/a`) would become the folders
/// `https:/old.example.org/a/`, a query string or fragment (`?id=5`,
/// `#top`) part of a folder's name, which no request ever asks for, and
/// a segment longer than a file name cannot be written at all.
fn not_a_file_path(alias: &str, origin: &str) -> Option<(Message, Message)> {
    let alias = alias.trim();
    if let Some(rest) = full_address(alias) {
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let path = path.split(['?', '#']).next().unwrap_or("/");
        let path = if path.is_empty() { "/" } else { path };
        let own = origin.split_once("://").map_or(origin, |(_, h)| h);
        return Some(if host.is_empty() || host.eq_ignore_ascii_case(own) {
            (
                msg!("alias.full-url", alias = alias),
                msg!("alias.full-url.hint", path = path),
            )
        } else {
            (
                msg!("alias.other-site", alias = alias, host = host),
                msg!("alias.other-site.hint", path = path, host = host),
            )
        });
    }
    if alias.contains(['?', '#']) {
        let path = alias.split(['?', '#']).next().unwrap_or_default();
        let path = if path.is_empty() { "/" } else { path };
        return Some((
            msg!("alias.query", alias = alias),
            msg!("alias.query.hint", path = path),
        ));
    }
    let segment = long_segment(alias)?;
    Some((
        msg!(
            "alias.long-segment",
            segment = shorten_segment(segment),
            bytes = segment.len()
        ),
        msg!("alias.long-segment.hint"),
    ))
}

/// What follows `scheme://` or `//` in a full address (`old.example.org/a`),
/// or the rest of `mailto:x` and the like; `None` for a path.
fn full_address(alias: &str) -> Option<&str> {
    if let Some(rest) = alias.strip_prefix("//") {
        return Some(rest);
    }
    let (scheme, rest) = alias.split_once(':')?;
    let is_scheme = scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then(|| rest.strip_prefix("//").unwrap_or(rest))
}

/// The 1-based line of the `nth` (0-based) `alias` in `file` (relative to
/// `root`). Prefers a line from `aliases:` on whose list item is exactly
/// the alias (`- /old/`, quoted or not), else the first line from there
/// that contains it (a flow list: `aliases: ["/old/"]`), else any line.
pub(crate) fn alias_line(root: &Path, file: &Path, alias: &str, nth: usize) -> Option<usize> {
    let text = std::fs::read_to_string(root.join(file)).ok()?;
    let lines: Vec<&str> = text.lines().collect();
    let from = lines
        .iter()
        .position(|l| l.trim_start().starts_with("aliases:"))
        .unwrap_or(0);
    let item = |l: &str| {
        let value = l.trim().strip_prefix('-').unwrap_or("").trim();
        value.trim_matches(|c| c == '"' || c == '\'') == alias
    };
    let exact: Vec<usize> = (from..lines.len()).filter(|&i| item(lines[i])).collect();
    let containing =
        |range: std::ops::Range<usize>| range.into_iter().find(|&i| lines[i].contains(alias));
    exact
        .get(nth)
        .or(exact.first())
        .copied()
        .or_else(|| containing(from..lines.len()))
        .or_else(|| containing(0..lines.len()))
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LangCode;
    use crate::content::front_matter::FrontMatter;
    use crate::content::Kind;
    use std::path::PathBuf;

    /// A vi article at `content/news/NAME.md`, published at `/news/NAME/`.
    fn article(name: &str, aliases: &[&str]) -> (Page, Arc<SourcePage>) {
        let source = SourcePage {
            file: PathBuf::from(format!("content/news/{name}.md")),
            content_path: format!("news/{name}.md"),
            kind: Kind::Article,
            section: Some("news".into()),
            file_slug: name.into(),
            lang: LangCode("vi".into()),
            front: FrontMatter {
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                ..FrontMatter::default()
            },
            body: Some(String::new()),
            body_line: 1,
            assets: Vec::new(),
            hash: blake3::hash(name.as_bytes()),
        };
        let page = Page {
            kind: Kind::Article,
            source: None,
            lang: source.lang.clone(),
            section: source.section.clone(),
            slug: name.into(),
            path: format!("/news/{name}/"),
            group: 0,
            is_fallback: false,
            title: name.into(),
            date: None,
            rendered: Arc::default(),
            unit: None,
            plan: Vec::new(),
        };
        (page, Arc::new(source))
    }

    /// The diagnostics of a site made of `articles`; no file on disk, so
    /// no lines.
    fn check(articles: Vec<(Page, Arc<SourcePage>)>) -> Vec<Diagnostic> {
        let (mut pages, sources): (Vec<Page>, Vec<Arc<SourcePage>>) = articles.into_iter().unzip();
        for (i, p) in pages.iter_mut().enumerate() {
            p.source = Some(SourceId::new(i));
        }
        check_urls(
            Path::new("/nonexistent-site"),
            "https://portal.example.org",
            &pages,
            &sources,
        )
    }

    #[test]
    fn aliases_are_normalized() {
        assert_eq!(normalize_alias("/tin-cu/x"), "/tin-cu/x/");
        assert_eq!(normalize_alias("old.html"), "/old.html");
    }

    #[test]
    fn two_articles_with_one_alias_are_an_error_naming_both_files() {
        let diags = check(vec![
            article("first", &["/tin-cu/x/"]),
            article("second", &["/tin-cu/x"]),
        ]);
        assert_eq!(diags.len(), 1, "{diags:?}");
        let d = &diags[0];
        assert!(d.is_error());
        assert_eq!(d.file.as_deref(), Some(Path::new("content/news/second.md")));
        assert!(d.message.contains("/tin-cu/x"), "{}", d.message);
        assert!(d.message.contains("content/news/first.md"), "{}", d.message);
        assert!(d.hint.as_deref().unwrap_or("").contains("remove the alias"));
    }

    #[test]
    fn three_articles_with_one_alias_give_an_error_for_each_later_file() {
        let diags = check(vec![
            article("a", &["/old/"]),
            article("b", &["/old/"]),
            article("c", &["/old/"]),
        ]);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags
            .iter()
            .all(|d| d.message.contains("content/news/a.md")));
    }

    #[test]
    fn an_alias_listed_twice_in_one_file_is_an_error() {
        let diags = check(vec![article("a", &["/old/", "/old"])]);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].message.contains("twice"), "{}", diags[0].message);
    }

    #[test]
    fn an_alias_at_a_page_url_names_the_page_file() {
        let diags = check(vec![article("a", &[]), article("b", &["/news/a/"])]);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(
            diags[0].file.as_deref(),
            Some(Path::new("content/news/b.md"))
        );
        assert!(diags[0].message.contains("content/news/a.md"));
    }

    #[test]
    fn an_alias_that_climbs_out_is_refused_and_takes_no_url() {
        let diags = check(vec![
            article("a", &["/../../x/"]),
            article("b", &["/../../x/"]),
        ]);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags.iter().all(|d| d.message.contains("leaves the site")));
    }

    #[test]
    fn a_full_address_as_alias_is_an_error_with_its_path() {
        let diags = check(vec![article(
            "a",
            &["https://old.example.org/a", "https://portal.example.org/b/"],
        )]);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags[0].message.contains("another site, old.example.org"));
        assert!(diags[0].hint.as_deref().unwrap_or("").contains("`/a`"));
        assert!(diags[1].message.contains("full address"));
        assert_eq!(diags[1].hint.as_deref(), Some("write the path only: `/b/`"));
    }

    #[test]
    fn an_alias_with_a_query_or_fragment_is_an_error_with_its_path() {
        let diags = check(vec![article(
            "a",
            &[
                "/index.php?id=5",
                "/Pages/TinTuc.aspx?ItemID=12#top",
                "/x#y",
            ],
        )]);
        assert_eq!(diags.len(), 3, "{diags:?}");
        assert!(diags.iter().all(|d| d.message.contains("query string")));
        let hint = |i: usize| diags[i].hint.clone().unwrap_or_default();
        assert!(hint(0).contains("`/index.php`"), "{}", hint(0));
        assert!(hint(1).contains("`/Pages/TinTuc.aspx`"), "{}", hint(1));
    }

    #[test]
    fn a_long_alias_segment_or_file_name_is_an_error() {
        let long = "ກ".repeat(90);
        let diags = check(vec![
            article("a", &[&format!("/old/{long}/")]),
            article(&long, &[]),
        ]);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(
            diags.iter().all(|d| d.message.contains("270 bytes")),
            "{diags:?}"
        );
    }

    #[test]
    fn distinct_aliases_are_fine() {
        assert!(check(vec![article("a", &["/old-a/"]), article("b", &["/old-b/"])]).is_empty());
    }

    #[test]
    fn the_alias_line_is_found_after_the_aliases_key() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let text =
            "---\ntitle: /old/ is gone\naliases:\n  - /old/x/\n  - \"/old/\"\n  - /old/\n---\n";
        std::fs::write(dir.path().join("a.md"), text).expect("write");
        let line = |alias, nth| alias_line(dir.path(), Path::new("a.md"), alias, nth);
        assert_eq!(line("/old/", 0), Some(5));
        assert_eq!(line("/old/", 1), Some(6), "the second time it is listed");
        assert_eq!(
            line("/old", 0),
            Some(4),
            "no exact item: the first that contains it"
        );
        assert_eq!(line("/none/", 0), None);
    }
}
