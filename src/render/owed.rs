//! What a `serve` rebuild left for the next one. A rebuild renders the
//! pages open in a browser and the edited pages first; when a newer edit
//! comes in while it renders the rest, the pages not begun yet and the
//! site-wide files (sitemap, feeds, open data, search index) wait: the next
//! build renders them together with its own, from its own site, so the
//! output ends up as a fresh build's. `serve` finishes them by itself once
//! no edit comes in.
//!
//! Comes in: what a rebuild skipped and what its [`Affected`] asked of the
//! other outputs. Goes out: the pages the next build renders too, and
//! what it adds to its own [`Affected`] before writing the other outputs.

use super::scope::Affected;
use crate::config::LangCode;
use std::collections::HashSet;

/// What the last rebuild(s) did not write.
#[derive(Debug, Default)]
pub(crate) struct Owed {
    /// Pages a change touched, not rendered since: their URL paths as
    /// jobs name them (`/culture/`, `/culture/page/2/`, `/404.html`).
    pub(crate) pages: HashSet<String>,
    /// Every other output: a full render was cut short.
    pub(crate) all_outputs: bool,
    /// The sitemap.
    pub(crate) sitemap: bool,
    /// The exports, data pages' files and search index.
    pub(crate) data: bool,
    /// Languages whose home feed changed.
    pub(crate) langs: HashSet<LangCode>,
    /// Sections whose feed changed.
    pub(crate) sections: HashSet<(String, LangCode)>,
}

impl Owed {
    /// Whether nothing is left to write.
    pub(crate) fn is_empty(&self) -> bool {
        self.pages.is_empty()
            && !self.all_outputs
            && !self.sitemap
            && !self.data
            && self.langs.is_empty()
            && self.sections.is_empty()
    }

    /// What a build cut short leaves: the pages it `skipped`, and the other
    /// outputs its `affected` (`None`: all of them) asked for, on top of
    /// what was owed before it.
    pub(crate) fn after(before: Owed, skipped: Vec<String>, affected: Option<&Affected>) -> Owed {
        let mut owed = before;
        // The pages owed before were planned again: those still owed are
        // among `skipped`.
        owed.pages = skipped.into_iter().collect();
        match affected {
            None => owed.all_outputs = true,
            Some(a) => {
                owed.sitemap |= a.sitemap;
                owed.data |= a.data;
                owed.langs.extend(a.langs.iter().cloned());
                owed.sections.extend(a.section_keys().cloned());
            }
        }
        owed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_short_full_render_owes_every_output_and_its_skipped_pages() {
        let before = Owed {
            pages: HashSet::from(["/a/".to_owned()]),
            sitemap: true,
            ..Owed::default()
        };
        let owed = Owed::after(before, vec!["/b/".into()], None);
        assert!(owed.all_outputs && owed.sitemap);
        assert_eq!(owed.pages, HashSet::from(["/b/".to_owned()]));
        assert!(!owed.is_empty());
        assert!(Owed::default().is_empty());
    }
}
