//! The open data of one build, made once: the files of `/data/` (datasets,
//! and with an origin the catalogues) and the [`DataPage`] the open-data
//! pages list, read from the same bytes so a page's sizes and row counts
//! are the files'. The pipeline makes it when the render's data pages or
//! the outputs first ask for it.

use super::catalog;
use super::open_data::{self, DATA_DIR};
use crate::output::{Output, OutputData};
use crate::render::{DataFile, DataPage, DataSet, Words};
use crate::site::Site;
use std::sync::Arc;

/// The files of `/data/` and what the data pages show of them.
pub(crate) struct OpenData {
    /// `data/NAME.json`, `data/NAME.csv`, `data/catalog.jsonld`,
    /// `data/csv-metadata.json`.
    pub(super) files: Vec<Output>,
    /// The data pages' datasets.
    pub(crate) page: Arc<DataPage>,
}

/// Makes the open data of `site`.
pub(crate) fn open_data(site: &Site) -> OpenData {
    let datasets = open_data::datasets(site);
    let mut files = open_data::files(&datasets);
    let has_origin = !site.config.origin.is_empty();
    // The catalogues need absolute URLs: without an origin they are left
    // out, and `commands::no_origin_warning` says so.
    if has_origin {
        files.push(bytes("catalog.jsonld", catalog::catalog(site, &datasets)));
        files.push(bytes(
            "csv-metadata.json",
            catalog::csv_metadata(site, &datasets),
        ));
    }
    let file = |name: String, media_type: &'static str, format: &'static str| {
        let path = format!("{DATA_DIR}{name}");
        let size = files
            .iter()
            .find(|o| o.path == path.trim_start_matches('/'))
            .map_or(0, |o| match &o.data {
                OutputData::Bytes(b) => b.len(),
                _ => 0,
            });
        DataFile {
            name,
            path,
            media_type,
            format,
            size,
        }
    };
    let words = |name: &str| -> Vec<_> {
        site.config
            .languages
            .iter()
            .filter_map(|l| {
                let (title, description) = catalog::words_or_english(name, l.code.as_str())?;
                Some((l.code.clone(), Words { title, description }))
            })
            .collect()
    };
    let page_datasets = datasets
        .iter()
        .map(|d| DataSet {
            name: d.name,
            words: words(d.name),
            rows: d.rows.len(),
            modified: d.modified.map(|m| m.to_string()),
            files: vec![
                file(format!("{}.json", d.name), "application/json", "JSON"),
                file(format!("{}.csv", d.name), "text/csv", "CSV"),
            ],
            id: has_origin.then(|| catalog::dataset_iri(site, d.name)),
        })
        .collect();
    let catalogs = if has_origin {
        vec![
            file("catalog.jsonld".into(), "application/ld+json", "JSON-LD"),
            file("csv-metadata.json".into(), "application/csvm+json", "CSVW"),
        ]
    } else {
        Vec::new()
    };
    let page = DataPage {
        words: words("catalog"),
        datasets: page_datasets,
        catalogs,
        modified: datasets
            .iter()
            .filter_map(|d| d.modified)
            .max()
            .map(|m| m.to_string()),
    };
    OpenData {
        files,
        page: Arc::new(page),
    }
}

fn bytes(name: &str, text: String) -> Output {
    Output {
        path: format!("{}{name}", DATA_DIR.trim_start_matches('/')),
        data: OutputData::Bytes(text.into_bytes()),
    }
}
