//! What a build renders, decided from what changed: every page, the pages
//! a change touched since the previous site, the languages whose messages
//! changed, or the pages that read a changed message, template or file.

use crate::config::LangCode;
use crate::render::{Narrow, Scope};
use crate::site::{self, Site};
use std::collections::HashSet;

/// What a build renders.
pub(super) enum Rerender {
    /// Every page.
    All,
    /// What changed since the previous site (see [`Scope::Changed`]).
    SincePrevious,
    /// The site was updated in place: what the edited pages touch, and
    /// with `front_changed` (not only a body) the exported data too.
    InPlace {
        /// Whether an edited file's front matter changed.
        front_changed: bool,
    },
    /// Every page of these languages (their messages changed).
    Languages(HashSet<LangCode>),
    /// Updated in place, and the lists holding the edited pages sorted
    /// again: what the edited pages touch and what moved in those lists.
    Relisted(site::Relisted),
    /// The pages that read what changed (see [`super::dependencies`]).
    Narrowed(Narrow),
    /// The same, on the last site itself: the change (templates, messages
    /// no resolve reads) left the site as it was.
    SameSite(Narrow),
}

impl Rerender {
    /// What a resolved build renders: everything, unless it is `partial`
    /// and there is a previous site to compare with.
    pub(super) fn after_resolve(
        partial: bool,
        has_previous: bool,
        message_langs: Option<HashSet<LangCode>>,
        narrow: Option<Narrow>,
    ) -> Rerender {
        match (has_previous, partial, message_langs, narrow) {
            (true, true, _, Some(narrow)) => Rerender::Narrowed(narrow),
            (true, true, Some(langs), None) => Rerender::Languages(langs),
            (true, true, None, None) => Rerender::SincePrevious,
            _ => Rerender::All,
        }
    }

    /// The renderer's scope: `previous` is the last build's site, `site`
    /// the one about to be rendered.
    pub(super) fn scope<'a>(&'a self, previous: Option<&'a Site>, site: &'a Site) -> Scope<'a> {
        match (self, previous) {
            (Rerender::Languages(langs), _) => Scope::Languages(langs),
            (Rerender::SincePrevious, Some(previous)) => Scope::Changed { previous },
            // Updated in place: the site itself knows what was edited.
            (Rerender::InPlace { .. }, _) => Scope::Changed { previous: site },
            (Rerender::Relisted(before), _) => Scope::Relisted(before),
            (Rerender::Narrowed(narrow), previous) => Scope::Narrowed {
                narrow,
                previous: previous.filter(|_| narrow.since_previous),
            },
            // Compared with itself: only what the change read renders, and
            // no other output is written but what those pages reach.
            (Rerender::SameSite(narrow), _) => Scope::Narrowed {
                narrow,
                previous: Some(site).filter(|_| narrow.since_previous),
            },
            _ => Scope::All,
        }
    }

    /// Whether the build lists every page file; after an in-place update
    /// the set of pages is the same, so there is no need to list it again
    /// (unless tag pages came or went), nor on the last site itself.
    pub(super) fn lists_page_files(&self) -> bool {
        match self {
            Rerender::InPlace { .. } | Rerender::SameSite(_) => false,
            Rerender::Relisted(before) => before.page_files_changed,
            _ => true,
        }
    }
}
