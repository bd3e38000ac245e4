//! The link table: the [`Site`]'s translation groups and fallback chains
//! come in; a [`LinkTable`] goes out that answers `url(path="@/...")` for
//! a page's language without touching the site again.

use crate::config::LangCode;
use crate::site::Site;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// `@/` paths and the URLs of their translations, for `url(path="@/...")`.
/// Built once per set of URLs: `serve` keeps it while no URL changes.
pub(crate) struct LinkTable {
    /// The site's [`crate::site::link_signature`]; `None` when the table
    /// was built for URLs known to have changed (not worth hashing).
    signature: Option<blake3::Hash>,
    index: HashMap<String, usize>,
    /// Per translation group: (language, URL).
    groups: Vec<Vec<(LangCode, String)>>,
    chains: HashMap<String, Vec<LangCode>>,
}

impl LinkTable {
    /// `previous` if the site's URLs are the ones it was built from, else a
    /// new table.
    pub(crate) fn reuse_or_build(site: &Site, previous: Option<Arc<LinkTable>>) -> Arc<LinkTable> {
        let signature = crate::site::link_signature(site);
        match previous {
            Some(table) if table.signature == Some(signature) => table,
            _ => Arc::new(LinkTable::build(site, Some(signature))),
        }
    }

    /// A new table for a site whose URLs changed (a page came or went).
    pub(crate) fn rebuilt(site: &Site) -> Arc<LinkTable> {
        Arc::new(LinkTable::build(site, None))
    }

    fn build(site: &Site, signature: Option<blake3::Hash>) -> LinkTable {
        LinkTable {
            signature,
            index: site.link_index.clone(),
            groups: site
                .groups
                .par_iter()
                .map(|g| {
                    g.iter()
                        .map(|&id| (site.pages[id].lang.clone(), site.url(&site.pages[id].path)))
                        .collect()
                })
                .collect(),
            chains: site
                .config
                .languages
                .iter()
                .map(|l| {
                    (
                        l.code.to_string(),
                        site.config.fallback_chain(&l.code).to_vec(),
                    )
                })
                .collect(),
        }
    }

    /// A table from its parts, for tests of what reads it.
    #[cfg(test)]
    pub(crate) fn from_parts(
        index: HashMap<String, usize>,
        groups: Vec<Vec<(LangCode, String)>>,
        chains: HashMap<String, Vec<LangCode>>,
    ) -> LinkTable {
        LinkTable {
            signature: None,
            index,
            groups,
            chains,
        }
    }

    /// The URL of `@/path` for a page in `lang`: that language, its
    /// fallbacks, or any translation.
    pub(crate) fn url(&self, path: &str, lang: &str) -> Option<&str> {
        let members = self
            .groups
            .get(*self.index.get(path.trim_start_matches('/'))?)?;
        let chain = self.chains.get(lang).map(Vec::as_slice).unwrap_or(&[]);
        chain
            .iter()
            .find_map(|l| members.iter().find(|(m, _)| m == l))
            .or_else(|| members.first())
            .map(|(_, u)| u.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(table().url("news/flood.md", "en"), Some("/en/news/flood/"));
        assert_eq!(table().url("/news/flood.md", "vi"), Some("/tin-tuc/lu/"));
    }

    #[test]
    fn a_missing_translation_follows_the_fallback_chain() {
        assert_eq!(table().url("news/flood.md", "lo"), Some("/en/news/flood/"));
    }

    #[test]
    fn an_unknown_language_gets_any_translation_and_an_unknown_path_none() {
        assert_eq!(table().url("news/flood.md", "km"), Some("/tin-tuc/lu/"));
        assert_eq!(table().url("news/nothing.md", "vi"), None);
    }
}
