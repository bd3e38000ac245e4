//! The files of the open data (`open_data.rs`'s datasets) made row by row:
//! each row is serialized on its own (a JSON object, a CSV record) and a
//! dataset's files are the concatenation of its rows. Rows are made in
//! parts (in parallel) and no dataset is held as cells or as a tree.
//!
//! `serve` keeps every row's bytes between builds ([`RowCache`], keyed by a
//! hash of the row's cells): an edit serializes again only the rows whose
//! cells changed (a title, a date, a tag) and the files are concatenated
//! from the kept bytes. A one-shot build keeps nothing.

use super::open_data::{self, Cell, Column, Dataset};
use crate::content::front_matter::Date;
use crate::site::{Page, Site};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Rows made in one piece of work.
const PART: usize = 1024;

/// Rows made before they are appended to their files: a wave's parts are
/// made in parallel, and the parts of a big site's dataset are never all
/// held beside its files (on 290,000 articles, 350 MB more).
const WAVE: usize = 16 * PART;

/// The indentation of an item of a dataset's `items` array.
const ITEM_INDENT: &[u8] = b"    ";

/// Rows' bytes by the hash of their cells ([`row_key`]).
type Kept = HashMap<blake3::Hash, Arc<RowBytes>>;

/// What [`make`] hands each dataset's files to: the dataset, its JSON, its CSV.
type Emit<'a> = dyn FnMut(&Dataset, Vec<u8>, Vec<u8>) + 'a;

/// The serialized rows of the last build's open data, for the next build
/// of `serve` to reuse.
#[derive(Default)]
pub(crate) struct RowCache {
    rows: Mutex<Kept>,
}

/// One row as its dataset's files hold it.
struct RowBytes {
    /// The JSON object, indented as an item of `items`, no separator.
    json: Box<[u8]>,
    /// The CSV record, line end included.
    csv: Box<[u8]>,
}

/// A dataset's rows, counted, and its two files.
struct DatasetFiles {
    dataset: Dataset,
    json: Vec<u8>,
    csv: Vec<u8>,
}

/// Makes the datasets' files one dataset at a time and hands each to
/// `emit` as soon as it is made (JSON, then CSV); returns the datasets
/// with their row counts and dates. With `cache` (`serve`), rows whose
/// cells are unchanged since the last build are not serialized again, and
/// the cache then holds exactly this build's rows.
pub(super) fn make(site: &Site, cache: Option<&RowCache>, emit: &mut Emit<'_>) -> Vec<Dataset> {
    let pages = open_data::articles_by_url(site);
    let old = cache.map(|c| std::mem::take(&mut *lock(c)));
    let mut kept: Kept = HashMap::new();
    let mut done = Vec::new();
    for (index, dataset) in open_data::datasets().into_iter().enumerate() {
        let mut files = Assembly::new(dataset);
        for wave in pages.chunks(WAVE) {
            let parts: Vec<Part> = wave
                .par_chunks(PART)
                .map(|chunk| part(site, chunk, index, &files.dataset, old.as_ref()))
                .collect();
            files.add(parts, cache.is_some().then_some(&mut kept));
        }
        let files = files.finish();
        emit(&files.dataset, files.json, files.csv);
        done.push(files.dataset);
    }
    if let Some(c) = cache {
        *lock(c) = kept;
    }
    done
}

fn lock(c: &RowCache) -> std::sync::MutexGuard<'_, Kept> {
    // A panic elsewhere while the lock was held leaves a whole map.
    c.rows.lock().unwrap_or_else(|e| e.into_inner())
}

/// The rows of some pages in one dataset: their JSON items, each preceded
/// by `,\n`, their CSV records, and with a cache the bytes of each row.
#[derive(Default)]
struct Part {
    json: Vec<u8>,
    csv: Vec<u8>,
    rows: usize,
    modified: Option<Date>,
    made: Vec<(blake3::Hash, Arc<RowBytes>)>,
}

fn part(site: &Site, pages: &[&Page], index: usize, dataset: &Dataset, old: Option<&Kept>) -> Part {
    let mut rows = Rows::new(dataset, old);
    for page in pages {
        if let Some((cells, modified)) = open_data::row(site, page, index) {
            rows.push(&cells, modified);
        }
    }
    rows.finish()
}

/// A [`Part`] being made.
struct Rows<'a> {
    part: Part,
    dataset: &'a Dataset,
    order: Vec<usize>,
    csv: csv::Writer<Vec<u8>>,
    scratch: Vec<u8>,
    old: Option<&'a Kept>,
}

impl<'a> Rows<'a> {
    fn new(dataset: &'a Dataset, old: Option<&'a Kept>) -> Self {
        Rows {
            part: Part::default(),
            dataset,
            order: key_order(&dataset.columns),
            csv: csv::Writer::from_writer(Vec::new()),
            scratch: Vec::new(),
            old,
        }
    }

    fn push(&mut self, cells: &[Cell], modified: Option<Date>) {
        let part = &mut self.part;
        part.rows += 1;
        part.modified = part.modified.max(modified);
        part.json.extend_from_slice(b",\n");
        let columns = &self.dataset.columns;
        let Some(old) = self.old else {
            json_item(
                &mut part.json,
                &mut self.scratch,
                columns,
                &self.order,
                cells,
            );
            let _ = self.csv.write_record(cells.iter().map(Cell::csv));
            return;
        };
        let key = row_key(self.dataset.name, cells);
        let bytes = match old.get(&key) {
            Some(b) => b.clone(),
            None => {
                let mut json = Vec::new();
                json_item(&mut json, &mut self.scratch, columns, &self.order, cells);
                let mut one = csv::Writer::from_writer(Vec::new());
                let _ = one.write_record(cells.iter().map(Cell::csv));
                Arc::new(RowBytes {
                    json: json.into(),
                    csv: one.into_inner().unwrap_or_default().into(),
                })
            }
        };
        part.json.extend_from_slice(&bytes.json);
        part.csv.extend_from_slice(&bytes.csv);
        part.made.push((key, bytes));
    }

    fn finish(mut self) -> Part {
        self.part
            .csv
            .extend(self.csv.into_inner().unwrap_or_default());
        self.part
    }
}

/// A dataset's files being put together from its parts, in order.
struct Assembly {
    dataset: Dataset,
    json: Vec<u8>,
    csv: Vec<u8>,
}

impl Assembly {
    /// The files' beginnings: the JSON up to `items`, the CSV header.
    fn new(dataset: Dataset) -> Assembly {
        let mut json = Vec::new();
        json.extend_from_slice(b"{\n  \"dataset\": ");
        json.extend(serde_json::to_vec(dataset.name).unwrap_or_default());
        json.extend_from_slice(b",\n  \"items\": [");
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(dataset.columns.iter().map(|c| c.name));
        let csv = w.into_inner().unwrap_or_default();
        Assembly { dataset, json, csv }
    }

    /// Appends the next parts; the rows' bytes go into `kept` when there
    /// is one.
    fn add(&mut self, parts: Vec<Part>, mut kept: Option<&mut Kept>) {
        let dataset = &mut self.dataset;
        self.json.reserve(parts.iter().map(|p| p.json.len()).sum());
        self.csv.reserve(parts.iter().map(|p| p.csv.len()).sum());
        for mut p in parts {
            // The first item follows `[` on a new line, the others `,`.
            let from = usize::from(dataset.rows == 0 && !p.json.is_empty());
            self.json.extend_from_slice(&p.json[from..]);
            self.csv.append(&mut p.csv);
            dataset.rows += p.rows;
            dataset.modified = dataset.modified.max(p.modified);
            if let Some(kept) = kept.as_deref_mut() {
                kept.extend(p.made);
            }
        }
    }

    /// The files' ends.
    fn finish(self) -> DatasetFiles {
        let Assembly {
            dataset,
            mut json,
            csv,
        } = self;
        json.extend_from_slice(if dataset.rows == 0 { b"]" } else { b"\n  ]" });
        json.extend_from_slice(b",\n  \"schema\": ");
        json.extend(serde_json::to_vec(&format!("mekong-{}/1", dataset.name)).unwrap_or_default());
        json.extend_from_slice(b"\n}\n");
        DatasetFiles { dataset, json, csv }
    }
}

/// The columns' indexes in the order of their names: a row's JSON keys
/// are sorted, as a `serde_json` map sorts them.
fn key_order(columns: &[&'static Column]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..columns.len()).collect();
    order.sort_by_key(|&i| columns[i].name);
    order
}

/// Appends a row as an item of the pretty-printed `items` array: the
/// object pretty-printed on its own, every line indented two levels (a
/// pretty-printed string holds no raw line break, so every one is the
/// printer's).
fn json_item(
    out: &mut Vec<u8>,
    scratch: &mut Vec<u8>,
    columns: &[&'static Column],
    order: &[usize],
    cells: &[Cell],
) {
    scratch.clear();
    let _ = serde_json::to_writer_pretty(
        &mut *scratch,
        &JsonRow {
            columns,
            cells,
            order,
        },
    );
    out.extend_from_slice(ITEM_INDENT);
    for line in scratch.split_inclusive(|&b| b == b'\n') {
        out.extend_from_slice(line);
        if line.ends_with(b"\n") {
            out.extend_from_slice(ITEM_INDENT);
        }
    }
}

/// A row as a JSON object of its columns, keys in `order`.
struct JsonRow<'a> {
    columns: &'a [&'static Column],
    cells: &'a [Cell],
    order: &'a [usize],
}

impl serde::Serialize for JsonRow<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.order.len()))?;
        for &i in self.order {
            let value = self.cells.get(i).unwrap_or(&Cell::Empty);
            map.serialize_entry(self.columns[i].name, value)?;
        }
        map.end()
    }
}

/// What a row's bytes are made from: its dataset and its cells.
fn row_key(dataset: &str, cells: &[Cell]) -> blake3::Hash {
    fn text(h: &mut blake3::Hasher, s: &str) {
        h.update(&(s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    }
    let mut h = blake3::Hasher::new();
    text(&mut h, dataset);
    for cell in cells {
        match cell {
            Cell::Empty => {
                h.update(b"e");
            }
            Cell::Text(s) => {
                h.update(b"t");
                text(&mut h, s);
            }
            Cell::Number(n) => {
                h.update(b"n");
                h.update(&n.to_bits().to_le_bytes());
            }
            Cell::List(v) => {
                h.update(b"l");
                h.update(&(v.len() as u64).to_le_bytes());
                for s in v {
                    text(&mut h, s);
                }
            }
        }
    }
    h.finalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A projects row: a quoted title, a list, a number, an empty number.
    fn row(title: &str) -> Vec<Cell> {
        let mut row = vec![
            Cell::Text("k".into()),
            Cell::Text("vi".into()),
            Cell::Text(title.into()),
        ];
        row.resize(13, Cell::Empty);
        row.extend([
            Cell::List(vec!["a".into(), "b,c".into()]),
            Cell::Number(2.5),
            Cell::Empty,
        ]);
        row.resize(23, Cell::Number(1e21));
        row
    }

    fn projects() -> Dataset {
        open_data::datasets()
            .into_iter()
            .find(|d| d.name == "projects")
            .unwrap_or_else(|| unreachable!())
    }

    /// The files of `rows`, made in parts of `per_part` rows, appended
    /// `per_wave` parts at a time.
    fn files_in_waves(
        rows: &[Vec<Cell>],
        per_part: usize,
        per_wave: usize,
        old: Option<&Kept>,
        mut kept: Option<&mut Kept>,
    ) -> DatasetFiles {
        let dataset = projects();
        let mut files = Assembly::new(projects());
        for wave in rows.chunks(per_part.max(1).saturating_mul(per_wave.max(1))) {
            let parts = wave
                .chunks(per_part.max(1))
                .map(|chunk| {
                    let mut part = Rows::new(&dataset, old);
                    for cells in chunk {
                        part.push(cells, None);
                    }
                    part.finish()
                })
                .collect();
            files.add(parts, kept.as_deref_mut());
        }
        files.finish()
    }

    /// The files of `rows`, made in parts of `per_part` rows.
    fn files(
        rows: &[Vec<Cell>],
        per_part: usize,
        old: Option<&Kept>,
        kept: Option<&mut Kept>,
    ) -> DatasetFiles {
        files_in_waves(rows, per_part, usize::MAX, old, kept)
    }

    /// The files as a tree of `serde_json` values and one CSV writer make them.
    fn expected(rows: &[Vec<Cell>]) -> (Vec<u8>, Vec<u8>) {
        let d = projects();
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|row| {
                let map: serde_json::Map<String, serde_json::Value> = d
                    .columns
                    .iter()
                    .zip(row)
                    .map(|(c, v)| {
                        (
                            c.name.to_owned(),
                            serde_json::to_value(v).unwrap_or_default(),
                        )
                    })
                    .collect();
                serde_json::Value::Object(map)
            })
            .collect();
        let tree = serde_json::json!({
            "schema": "mekong-projects/1",
            "dataset": "projects",
            "items": items,
        });
        let json = serde_json::to_string_pretty(&tree).unwrap_or_default() + "\n";
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(d.columns.iter().map(|c| c.name));
        for row in rows {
            let _ = w.write_record(row.iter().map(Cell::csv));
        }
        (json.into_bytes(), w.into_inner().unwrap_or_default())
    }

    #[test]
    fn files_made_in_parts_are_the_pretty_tree_and_the_csv_of_all_rows() {
        let rows: Vec<Vec<Cell>> = (0..7).map(|i| row(&format!("T \"{i}\"\nx"))).collect();
        let (json, csv) = expected(&rows);
        for per_part in [1, 3, 7] {
            let f = files(&rows, per_part, None, None);
            assert_eq!(
                String::from_utf8_lossy(&f.json),
                String::from_utf8_lossy(&json)
            );
            assert_eq!(f.csv, csv);
            assert_eq!(f.dataset.rows, 7);
        }
    }

    #[test]
    fn files_appended_a_few_parts_at_a_time_are_the_same_files() {
        let rows: Vec<Vec<Cell>> = (0..7).map(|i| row(&format!("T{i}"))).collect();
        let (json, csv) = expected(&rows);
        for (per_part, per_wave) in [(1, 1), (1, 3), (2, 2), (3, 1)] {
            let f = files_in_waves(&rows, per_part, per_wave, None, None);
            assert_eq!((&f.json, &f.csv), (&json, &csv), "{per_part} {per_wave}");
            assert_eq!(f.dataset.rows, 7);
        }
    }

    #[test]
    fn a_dataset_without_rows_has_an_empty_items_array_and_a_header() {
        let (json, csv) = expected(&[]);
        let f = files(&[], 4, None, None);
        assert_eq!(
            String::from_utf8_lossy(&f.json),
            String::from_utf8_lossy(&json)
        );
        assert!(String::from_utf8_lossy(&f.json).contains("\"items\": [],"));
        assert_eq!(f.csv, csv);
    }

    #[test]
    fn kept_rows_are_reused_and_only_changed_rows_are_serialized_again() {
        let mut rows: Vec<Vec<Cell>> = (0..5).map(|i| row(&format!("T{i}"))).collect();
        let empty = HashMap::new();
        let mut first = HashMap::new();
        let made = files(&rows, 2, Some(&empty), Some(&mut first));
        assert_eq!((made.json, made.csv), expected(&rows));
        assert_eq!(first.len(), 5);
        rows[3] = row("T3, edited");
        let mut second = HashMap::new();
        let made = files(&rows, 2, Some(&first), Some(&mut second));
        assert_eq!((made.json, made.csv), expected(&rows));
        assert_eq!(second.len(), 5);
        let reused = second
            .iter()
            .filter(|(k, v)| first.get(*k).is_some_and(|old| Arc::ptr_eq(old, v)))
            .count();
        assert_eq!(reused, 4, "the four unchanged rows keep their bytes");
    }
}
