//! `/{lang}/search.json`: the per-language search index the default theme's
//! script reads. In: the resolved [`Site`] (each page's terms were computed
//! with its Markdown). Out: one [`Output`] per language.

use crate::output::{Output, OutputData};
use crate::site::{PageId, Site};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// `/{lang}/search.json` for every language: documents (URL, title,
/// description) and a map from term to document numbers.
pub(super) fn build(site: &Site) -> Vec<Output> {
    site.config
        .languages
        .par_iter()
        .map(|lang| {
            let ids: Vec<PageId> = site
                .by_date
                .get(&lang.code)
                .map(|v| {
                    v.iter()
                        .copied()
                        .filter(|&i| !site.pages[i].is_fallback)
                        .collect()
                })
                .unwrap_or_default();
            let mut docs = Vec::with_capacity(ids.len());
            let mut index: BTreeMap<String, Vec<u32>> = BTreeMap::new();
            for (n, &id) in ids.iter().enumerate() {
                let page = &site.pages[id];
                let description = site
                    .source(page)
                    .and_then(|s| s.front.description.clone())
                    .unwrap_or_default();
                for t in &page.rendered.search_terms {
                    let postings = index.entry(t.clone()).or_default();
                    if postings.last() != Some(&(n as u32)) {
                        postings.push(n as u32);
                    }
                }
                docs.push(serde_json::json!([
                    site.url(&page.path),
                    page.title,
                    description
                ]));
            }
            let json = serde_json::json!({ "lang": lang.code, "docs": docs, "terms": index });
            let prefix = site.config.lang_prefix(&lang.code);
            Output {
                path: format!("{}search.json", prefix.trim_start_matches('/')),
                data: OutputData::Bytes(serde_json::to_vec(&json).unwrap_or_default()),
            }
        })
        .collect()
}
