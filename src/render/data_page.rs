//! The open-data page of a language, `/LANG/data/` (`data.html`).
//!
//! Comes in: a [`DataPage`], the datasets of `/data/` with their files and
//! sizes, made once per build by `outputs::open_data` from the same rows it
//! writes (so the page and the files agree), and the page's language. Goes
//! out: the template's `data` value, and the page's schema.org markup: a
//! `DataCatalog` whose every `Dataset` has its `DataDownload`s at absolute
//! URLs. Without an origin (`base_url` without a host) URLs cannot be
//! absolute: the page is written, with the plain `WebPage` markup of the
//! other generated pages.

use crate::config::LangCode;
use crate::site::Site;
use serde_json::{json, Value};
use std::sync::Arc;

/// A file of `/data/`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DataFile {
    /// `articles.csv`.
    pub(crate) name: String,
    /// Its URL path below the base path, `/data/articles.csv`.
    pub(crate) path: String,
    /// Its IANA media type, `text/csv`.
    pub(crate) media_type: &'static str,
    /// What readers call the format: `CSV`, `JSON`, `JSON-LD`.
    pub(crate) format: &'static str,
    /// Its size in bytes.
    pub(crate) size: usize,
}

/// A title and a description (from `outputs::catalog`'s table).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Words {
    pub(crate) title: &'static str,
    pub(crate) description: &'static str,
}

/// A dataset as the page lists it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DataSet {
    /// `articles`: the files are `NAME.json` and `NAME.csv`.
    pub(crate) name: &'static str,
    /// Its words in each site language, in the site's order.
    pub(crate) words: Vec<(LangCode, Words)>,
    /// How many rows its files have.
    pub(crate) rows: usize,
    /// The newest date or update of its rows, `YYYY-MM-DD`.
    pub(crate) modified: Option<String>,
    /// Its files (JSON, CSV).
    pub(crate) files: Vec<DataFile>,
    /// Its IRI in `catalog.jsonld`, when the site has an origin.
    pub(crate) id: Option<String>,
}

/// Everything the open-data pages show.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct DataPage {
    /// The catalogue's own words in each site language.
    pub(crate) words: Vec<(LangCode, Words)>,
    /// Every dataset, in a fixed order, empty ones too.
    pub(crate) datasets: Vec<DataSet>,
    /// `catalog.jsonld` and `csv-metadata.json` (none without an origin).
    pub(crate) catalogs: Vec<DataFile>,
    /// The newest `modified` of the datasets.
    pub(crate) modified: Option<String>,
}

/// Gives the build's [`DataPage`], made on first use (the render's data
/// pages and the outputs share it).
pub(crate) type DataPageSource<'a> = &'a (dyn Fn() -> Arc<DataPage> + Sync);

/// The words of `words` in `lang`, else the first language's.
fn words_in<'a>(words: &'a [(LangCode, Words)], lang: &LangCode) -> Option<&'a Words> {
    words
        .iter()
        .find(|(l, _)| l == lang)
        .or(words.first())
        .map(|(_, w)| w)
}

/// A file as the template sees it.
fn file_value(site: &Site, f: &DataFile) -> Value {
    json!({
        "name": f.name,
        "url": site.url(&f.path),
        "permalink": site.permalink(&f.path),
        "media_type": f.media_type,
        "format": f.format,
        "size": f.size,
        "kb": kilobytes(f.size),
    })
}

/// A size in kilobytes (1,000 bytes), one decimal.
fn kilobytes(size: usize) -> f64 {
    (size as f64 / 100.0).round() / 10.0
}

/// The template's `data`: the catalogue's `title` and `description` in the
/// page's language, `modified`, `license`, `datasets` (each `name`,
/// `title`, `description`, `rows`, `modified`, `files`) and `catalogs`;
/// a file has `name`, `url`, `permalink`, `media_type`, `format`, `size`
/// (bytes) and `kb`.
pub(crate) fn view(site: &Site, data: &DataPage, lang: &LangCode) -> Value {
    let catalog = words_in(&data.words, lang);
    let datasets: Vec<Value> = data
        .datasets
        .iter()
        .map(|d| {
            let w = words_in(&d.words, lang);
            json!({
                "name": d.name,
                "title": w.map(|w| w.title),
                "description": w.map(|w| w.description),
                "rows": d.rows,
                "modified": d.modified,
                "files": d.files.iter().map(|f| file_value(site, f)).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "title": catalog.map(|w| w.title),
        "description": catalog.map(|w| w.description),
        "modified": data.modified,
        "license": site.config.license,
        "datasets": datasets,
        "catalogs": data.catalogs.iter().map(|f| file_value(site, f)).collect::<Vec<_>>(),
    })
}

/// The page's schema.org markup: a `DataCatalog` of `Dataset`s with their
/// `DataDownload`s, named in the page's language; `None` without an origin.
pub(crate) fn json_ld(
    site: &Site,
    data: &DataPage,
    lang: &LangCode,
    site_title: &str,
) -> Option<Value> {
    if site.config.origin.is_empty() {
        return None;
    }
    let page = site.permalink(&site.data_page_path(lang));
    let publisher = json!({
        "@type": "GovernmentOrganization",
        "name": site_title,
        "url": site.permalink(&site.config.lang_prefix(lang)),
    });
    let languages: Vec<&str> = site.config.language_codes().collect();
    let license = site.config.license.as_deref();
    let datasets: Vec<Value> = data
        .datasets
        .iter()
        .map(|d| {
            let w = words_in(&d.words, lang);
            let downloads: Vec<Value> = d
                .files
                .iter()
                .map(|f| {
                    json!({
                        "@type": "DataDownload",
                        "name": f.name,
                        "encodingFormat": f.media_type,
                        "contentUrl": site.permalink(&f.path),
                        "contentSize": format!("{} kB", kilobytes(f.size)),
                    })
                })
                .collect();
            let mut v = json!({
                "@type": "Dataset",
                "identifier": d.name,
                "url": format!("{page}#{}", d.name),
                "name": w.map(|w| w.title),
                "description": w.map(|w| w.description),
                "inLanguage": languages,
                "isAccessibleForFree": true,
                "publisher": publisher,
                "creator": publisher,
                "distribution": downloads,
            });
            if let Some(id) = &d.id {
                v["@id"] = json!(id);
            }
            if let Some(m) = &d.modified {
                v["dateModified"] = json!(m);
            }
            if let Some(l) = license {
                v["license"] = json!(l);
            }
            v
        })
        .collect();
    let catalog = words_in(&data.words, lang);
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "DataCatalog",
        "url": page,
        "name": catalog.map(|w| w.title),
        "description": catalog.map(|w| w.description),
        "inLanguage": lang.as_str(),
        "publisher": publisher,
        "creator": publisher,
        "dataset": datasets,
    });
    if let Some(m) = &data.modified {
        v["dateModified"] = json!(m);
    }
    if let Some(l) = license {
        v["license"] = json!(l);
    }
    Some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(lang: &'static str, title: &'static str) -> (LangCode, Words) {
        let description = "";
        (LangCode(lang.into()), Words { title, description })
    }

    #[test]
    fn a_language_without_its_own_words_gets_the_first_languages() {
        let w = [words("vi", "Dữ liệu mở"), words("en", "Open data")];
        assert_eq!(
            words_in(&w, &LangCode("en".into())).map(|w| w.title),
            Some("Open data")
        );
        assert_eq!(
            words_in(&w, &LangCode("th".into())).map(|w| w.title),
            Some("Dữ liệu mở")
        );
        assert_eq!(words_in(&[], &LangCode("vi".into())), None);
    }

    #[test]
    fn sizes_are_kilobytes_with_one_decimal() {
        assert_eq!(kilobytes(0), 0.0);
        assert_eq!(kilobytes(1234), 1.2);
        assert_eq!(kilobytes(1_250_000), 1250.0);
    }
}
