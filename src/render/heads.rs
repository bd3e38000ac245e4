//! Article pages show their section's newest articles (the default
//! theme's `page.html` lists `pages(section=…, limit=4)` under "more in
//! this section"): when the head of a section's list changes, every
//! article of that section and language is rendered again, unless no
//! template but the home page's calls `pages(` at all.
//!
//! Comes in: the site, the heads of the lists before (paths) and which
//! pages' front matter changed. Goes out: the (section, language) lists
//! whose head changed.

use crate::config::LangCode;
use crate::site::Site;
use crate::theme::Template;
use std::collections::HashSet;

/// How many of a section's newest articles an article page may show: the
/// default theme's four. A theme that shows more on article pages would
/// need this raised (not tracked per template).
pub(super) const SHOWN: usize = 4;

/// The sections whose first [`SHOWN`] articles are not the same pages in
/// the same order as `old` says they were (`None`: the list is unchanged
/// in order), or include a page whose front matter changed (its title,
/// date, description show).
pub(super) fn changed_heads(
    site: &Site,
    old: impl Fn(&(String, LangCode)) -> Option<Vec<String>>,
    front_changed: &[bool],
) -> HashSet<(String, LangCode)> {
    site.sections
        .iter()
        .filter(|(key, (_, members))| {
            let head = &members[..members.len().min(SHOWN)];
            head.iter().any(|id| front_changed[id.index()])
                || old(key).is_some_and(|before| {
                    let now = head.iter().map(|&id| site.pages[id].path.as_str());
                    !before.iter().map(String::as_str).take(SHOWN).eq(now)
                })
        })
        .map(|(key, _)| key.clone())
        .collect()
}

/// Whether a template other than the home page's (homes are rendered
/// again with any change of their language) lists pages with `pages(`.
/// Which template an article uses, and what it includes, is not tracked:
/// any such template counts.
pub(super) fn listed_beside_articles(templates: &[Template]) -> bool {
    templates
        .iter()
        .any(|t| t.name != "index.html" && t.text.contains("pages("))
}
