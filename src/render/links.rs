//! The link table: answers `url(path="@/...")` for a page's language from
//! the [`Site`]'s own link index, translation groups and fallback chains.
//! It is a view, not a copy: a copy had to be built again (and the old one
//! dropped) whenever a page came or went, which `serve` paid before the
//! first page of a new or deleted article (~45 ms of CPU on corpus L), and
//! it held every URL of the site a second time.

use crate::site::Site;
use std::borrow::Cow;
#[cfg(test)]
use std::collections::HashMap;
use std::sync::Arc;

/// `@/` paths and the URLs of their translations, for `url(path="@/...")`.
pub(crate) struct LinkTable(Links);

enum Links {
    /// The site being rendered (shared with the jobs).
    Site(Arc<Site>),
    /// Given parts, for tests of what reads the table: `@/` path → group;
    /// per group (language, URL); per language its fallback chain.
    #[cfg(test)]
    Parts {
        index: HashMap<String, usize>,
        groups: Vec<Vec<(crate::config::LangCode, String)>>,
        chains: HashMap<String, Vec<crate::config::LangCode>>,
    },
}

impl LinkTable {
    /// The table of `site`.
    pub(crate) fn of(site: &Arc<Site>) -> LinkTable {
        LinkTable(Links::Site(site.clone()))
    }

    /// A table from its parts, for tests of what reads it.
    #[cfg(test)]
    pub(crate) fn from_parts(
        index: HashMap<String, usize>,
        groups: Vec<Vec<(crate::config::LangCode, String)>>,
        chains: HashMap<String, Vec<crate::config::LangCode>>,
    ) -> LinkTable {
        LinkTable(Links::Parts {
            index,
            groups,
            chains,
        })
    }

    /// The URL of `@/path` for a page in `lang`: that language, its
    /// fallbacks, or any translation.
    pub(crate) fn url(&self, path: &str, lang: &str) -> Option<Cow<'_, str>> {
        let path = path.trim_start_matches('/');
        match &self.0 {
            Links::Site(site) => {
                let members = site.groups.get(site.link_group(path)?)?;
                let chain = site.config.language(lang).map_or(&[][..], |l| l.chain());
                let id = chain
                    .iter()
                    .find_map(|l| members.iter().find(|&&m| site.pages[m].lang == *l))
                    .or_else(|| members.first())?;
                Some(Cow::Owned(site.url(&site.pages[*id].path)))
            }
            #[cfg(test)]
            Links::Parts {
                index,
                groups,
                chains,
            } => {
                let members = groups.get(*index.get(path)?)?;
                let chain = chains.get(lang).map(Vec::as_slice).unwrap_or(&[]);
                chain
                    .iter()
                    .find_map(|l| members.iter().find(|(m, _)| m == l))
                    .or_else(|| members.first())
                    .map(|(_, u)| Cow::Borrowed(u.as_str()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LangCode;

    fn code(c: &str) -> LangCode {
        LangCode(c.into())
    }

    /// One article in Vietnamese and English; Lao falls back to English.
    fn table() -> LinkTable {
        LinkTable::from_parts(
            HashMap::from([("news/flood.md".to_string(), 0)]),
            vec![vec![
                (code("vi"), "/tin-tuc/lu/".to_string()),
                (code("en"), "/en/news/flood/".to_string()),
            ]],
            HashMap::from([
                ("vi".to_string(), vec![code("vi")]),
                ("en".to_string(), vec![code("en"), code("vi")]),
                ("lo".to_string(), vec![code("lo"), code("en"), code("vi")]),
            ]),
        )
    }

    #[test]
    fn a_link_goes_to_the_pages_own_language() {
        assert_eq!(
            table().url("news/flood.md", "en").as_deref(),
            Some("/en/news/flood/")
        );
        assert_eq!(
            table().url("/news/flood.md", "vi").as_deref(),
            Some("/tin-tuc/lu/")
        );
    }

    #[test]
    fn a_missing_translation_follows_the_fallback_chain() {
        assert_eq!(
            table().url("news/flood.md", "lo").as_deref(),
            Some("/en/news/flood/")
        );
    }

    #[test]
    fn an_unknown_language_gets_any_translation_and_an_unknown_path_none() {
        assert_eq!(
            table().url("news/flood.md", "km").as_deref(),
            Some("/tin-tuc/lu/")
        );
        assert_eq!(table().url("news/nothing.md", "vi").as_deref(), None);
    }
}
