//! The open data of one build, made once: the files of `/data/` (datasets,
//! and with an origin the catalogues) and the [`DataPage`] the open-data
//! pages list, read from the same bytes so a page's sizes and row counts
//! are the files'. The pipeline makes it when the render's data pages or
//! the outputs first ask for it.

use super::catalog;
use super::open_data::DATA_DIR;
use super::open_rows::{self, RowCache};
use crate::diagnostics::Diagnostic;
use crate::output::{Output, OutputData, Record, Sink};
use crate::render::{DataFile, DataPage, DataSet, Words};
use crate::site::Site;
use std::collections::HashMap;
use std::sync::Arc;

/// The files of `/data/` and what the data pages show of them.
pub(crate) struct OpenData {
    /// `data/NAME.json`, `data/NAME.csv`, `data/catalog.jsonld`,
    /// `data/csv-metadata.json` (none when they went into a sink already).
    pub(super) files: Vec<Output>,
    /// The data pages' datasets.
    pub(crate) page: Arc<DataPage>,
}

/// Makes the open data of `site`, its files kept for the outputs; with
/// `rows` (`serve`), reusing the rows unchanged since the last build.
pub(crate) fn open_data(site: &Site, rows: Option<&RowCache>) -> OpenData {
    let mut files = Vec::new();
    let mut open = make(site, rows, &mut |o| files.push(o));
    open.files = files;
    open
}

/// [`open_data`] for a full build: each file goes into `sink` as soon as
/// it is made and is let go; returns what the sink said of each.
pub(crate) fn write_open_data(
    site: &Site,
    rows: Option<&RowCache>,
    sink: &dyn Sink,
) -> (OpenData, Vec<Result<Record, Diagnostic>>) {
    let mut written = Vec::new();
    let open = make(site, rows, &mut |o| written.push(sink.put(&o)));
    (open, written)
}

/// The open data, each file handed to `put` as soon as it is made.
fn make(site: &Site, rows: Option<&RowCache>, put: &mut dyn FnMut(Output)) -> OpenData {
    let mut sizes: HashMap<String, usize> = HashMap::new();
    let mut put = |o: Output| {
        if let OutputData::Bytes(b) = &o.data {
            sizes.insert(format!("/{}", o.path), b.len());
        }
        put(o);
    };
    let datasets = open_rows::make(site, rows, &mut |d, json, csv| {
        put(bytes(&format!("{}.json", d.name), json));
        put(bytes(&format!("{}.csv", d.name), csv));
    });
    let has_origin = !site.config.origin.is_empty();
    // The catalogues need absolute URLs: without an origin they are left
    // out, and `commands::no_origin_warning` says so.
    if has_origin {
        put(bytes(
            "catalog.jsonld",
            catalog::catalog(site, &datasets).into_bytes(),
        ));
        put(bytes(
            "csv-metadata.json",
            catalog::csv_metadata(site, &datasets).into_bytes(),
        ));
    }
    let file = |name: String, media_type: &'static str, format: &'static str| {
        let path = format!("{DATA_DIR}{name}");
        DataFile {
            size: sizes.get(&path).copied().unwrap_or(0),
            name,
            path,
            media_type,
            format,
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
            rows: d.rows,
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
        files: Vec::new(),
        page: Arc::new(page),
    }
}

fn bytes(name: &str, data: Vec<u8>) -> Output {
    Output {
        path: format!("{}{name}", DATA_DIR.trim_start_matches('/')),
        data: OutputData::Bytes(data),
    }
}
