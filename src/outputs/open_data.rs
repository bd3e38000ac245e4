//! The site-wide open data for the national external-information
//! database: `/data/articles`, `/data/projects`, `/data/places` and
//! `/data/events`, each as JSON and CSV with the same rows, every published
//! article in every language (real translations only, never fallback
//! copies). The catalogue that describes them is `catalog.rs`.

use crate::content::front_matter::Date;
use crate::output::{Output, OutputData};
use crate::site::{Page, Site};
use rayon::prelude::*;

/// A column's datatype, as CSV on the Web names it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Type {
    Text,
    Date,
    Number,
    Url,
    /// Several values, `;`-separated in the CSV, an array in the JSON.
    List,
    /// Several URLs, as `List`.
    Urls,
}

impl Type {
    /// The CSVW datatype (a built-in XSD name).
    pub(super) fn csvw(self) -> &'static str {
        match self {
            Type::Text | Type::List => "string",
            Type::Date => "date",
            Type::Number => "double",
            Type::Url | Type::Urls => "anyURI",
        }
    }
}

/// The separator of a list column's values in the CSV.
pub(super) const LIST_SEPARATOR: &str = ";";

/// A column: its name (the CSV header and the JSON key) and its title in
/// Vietnamese and English.
pub(super) struct Column {
    pub(super) name: &'static str,
    pub(super) kind: Type,
    pub(super) vi: &'static str,
    pub(super) en: &'static str,
}

const fn col(name: &'static str, kind: Type, vi: &'static str, en: &'static str) -> Column {
    Column { name, kind, vi, en }
}

/// The columns every dataset starts with: the article the row comes from.
const ARTICLE_COLUMNS: [Column; 13] = [
    col("key", Type::Text, "Khóa bản dịch", "Translation key"),
    col("language", Type::Text, "Ngôn ngữ", "Language"),
    col("title", Type::Text, "Tiêu đề", "Title"),
    col("description", Type::Text, "Mô tả", "Description"),
    col("section", Type::Text, "Chuyên mục", "Section"),
    col("unit", Type::Text, "Mã đơn vị", "Unit id"),
    col("unit_name", Type::Text, "Đơn vị", "Unit"),
    col("plan", Type::List, "Nhiệm vụ kế hoạch", "Plan tasks"),
    col("date", Type::Date, "Ngày đăng", "Date"),
    col("updated", Type::Date, "Ngày cập nhật", "Updated"),
    col("url", Type::Url, "Địa chỉ", "URL"),
    col(
        "translations",
        Type::Urls,
        "Địa chỉ các bản dịch",
        "URLs of its translations",
    ),
    col("tags", Type::List, "Thẻ", "Tags"),
];

const PROJECT_COLUMNS: [Column; 10] = [
    col("sector", Type::Text, "Lĩnh vực", "Sector"),
    col("location", Type::Text, "Địa điểm", "Location"),
    col("area_ha", Type::Number, "Diện tích (ha)", "Area (ha)"),
    col("capital_usd", Type::Number, "Vốn (USD)", "Capital (USD)"),
    col("status", Type::Text, "Trạng thái", "Status"),
    col("agency", Type::Text, "Cơ quan liên hệ", "Contact agency"),
    col("email", Type::Text, "Thư điện tử", "Email"),
    col("phone", Type::Text, "Điện thoại", "Phone"),
    col("latitude", Type::Number, "Vĩ độ", "Latitude"),
    col("longitude", Type::Number, "Kinh độ", "Longitude"),
];

const PLACE_COLUMNS: [Column; 4] = [
    col("address", Type::Text, "Địa chỉ liên hệ", "Address"),
    col("opening_hours", Type::Text, "Giờ mở cửa", "Opening hours"),
    col("latitude", Type::Number, "Vĩ độ", "Latitude"),
    col("longitude", Type::Number, "Kinh độ", "Longitude"),
];

const EVENT_COLUMNS: [Column; 3] = [
    col("start", Type::Date, "Ngày bắt đầu", "Start"),
    col("end", Type::Date, "Ngày kết thúc", "End"),
    col("venue", Type::Text, "Địa điểm tổ chức", "Venue"),
];

/// One value of a row.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    List(Vec<String>),
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn opt(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.into()))
    }

    fn num(n: Option<f64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Number)
    }

    fn csv(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::List(v) => v.join(LIST_SEPARATOR),
        }
    }
}

/// A dataset: its name (`/data/NAME.json`, `.csv`), its words, its columns
/// and its rows, sorted by URL.
pub(super) struct Dataset {
    pub(super) name: &'static str,
    pub(super) columns: Vec<&'static Column>,
    pub(super) rows: Vec<Vec<Cell>>,
    /// The newest date or update of its rows.
    pub(super) modified: Option<Date>,
}

/// The folder of the site-wide data, relative to the base path.
pub(super) const DATA_DIR: &str = "/data/";

/// The four datasets of a site, in a fixed order.
pub(super) fn datasets(site: &Site) -> Vec<Dataset> {
    let mut articles = dataset("articles", &[]);
    let mut projects = dataset("projects", &PROJECT_COLUMNS);
    let mut places = dataset("places", &PLACE_COLUMNS);
    let mut events = dataset("events", &EVENT_COLUMNS);
    // A row per article, made in parallel (a big site has tens of
    // thousands), then sorted into the datasets in order.
    let pages: Vec<&Page> = site
        .config
        .languages
        .iter()
        .flat_map(|lang| super::data::articles(site, &lang.code))
        .collect();
    let rows: Vec<(&Page, Vec<Cell>)> = pages
        .par_iter()
        .map(|&page| (page, article_cells(site, page)))
        .collect();
    for (page, common) in rows {
        let Some(src) = site.source(page) else {
            continue;
        };
        let modified = src.front.updated.or(src.front.date);
        let coords = |c: Option<[f64; 2]>| [Cell::num(c.map(|c| c[0])), Cell::num(c.map(|c| c[1]))];
        if let Some(p) = &src.front.project {
            let contact = p.contact.as_ref();
            let status = serde_json::to_value(p.status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned));
            let mut row = common.clone();
            row.extend([
                Cell::text(&p.sector),
                Cell::text(&p.location),
                Cell::num(p.area_ha),
                Cell::num(p.capital_usd),
                Cell::opt(status),
                Cell::opt(contact.and_then(|c| c.agency.clone())),
                Cell::opt(contact.and_then(|c| c.email.clone())),
                Cell::opt(contact.and_then(|c| c.phone.clone())),
            ]);
            row.extend(coords(
                src.front.place.as_ref().and_then(|pl| pl.coordinates),
            ));
            push(&mut projects, row, modified);
        }
        if let Some(pl) = &src.front.place {
            let mut row = common.clone();
            row.extend([
                Cell::opt(pl.address.clone()),
                Cell::opt(pl.opening_hours.clone()),
            ]);
            row.extend(coords(pl.coordinates));
            push(&mut places, row, modified);
        }
        if let Some(e) = &src.front.event {
            let mut row = common.clone();
            row.extend([
                Cell::text(e.start.to_string()),
                Cell::text(e.end.unwrap_or(e.start).to_string()),
                Cell::opt(e.venue.clone()),
            ]);
            push(&mut events, row, modified);
        }
        push(&mut articles, common, modified);
    }
    let mut all = vec![articles, projects, places, events];
    let url = ARTICLE_COLUMNS
        .iter()
        .position(|c| c.name == "url")
        .unwrap_or(0);
    for d in &mut all {
        d.rows.sort_by_cached_key(|r| r[url].csv());
    }
    all
}

fn dataset(name: &'static str, extra: &'static [Column]) -> Dataset {
    Dataset {
        name,
        columns: ARTICLE_COLUMNS.iter().chain(extra).collect(),
        rows: Vec::new(),
        modified: None,
    }
}

fn push(d: &mut Dataset, row: Vec<Cell>, modified: Option<Date>) {
    d.rows.push(row);
    d.modified = d.modified.max(modified);
}

/// The cells of [`ARTICLE_COLUMNS`] for one article.
fn article_cells(site: &Site, page: &Page) -> Vec<Cell> {
    let Some(src) = site.source(page) else {
        return vec![Cell::Empty; ARTICLE_COLUMNS.len()];
    };
    let key = src.group_key();
    let key = key.strip_prefix("key:").unwrap_or(&key).to_owned();
    let unit = src.front.unit.as_deref();
    let mut translations: Vec<String> = site
        .translations(page)
        .iter()
        .map(|&t| &site.pages[t])
        .filter(|t| !t.is_fallback && t.lang != page.lang)
        .map(|t| site.permalink(&t.path))
        .collect();
    translations.sort();
    let url = site.permalink(&page.path);
    vec![
        Cell::text(key),
        Cell::text(page.lang.as_str()),
        Cell::text(&page.title),
        Cell::opt(src.front.description.clone()),
        Cell::opt(page.section.clone()),
        Cell::opt(unit),
        Cell::opt(unit.map(|u| site.config.unit_name(u, &page.lang))),
        Cell::List(src.front.plan.clone()),
        Cell::opt(src.front.date.map(|d| d.to_string())),
        Cell::opt(src.front.updated.map(|d| d.to_string())),
        Cell::text(url),
        Cell::List(translations),
        Cell::List(src.front.tags.clone()),
    ]
}

/// The JSON of a dataset: `{"schema", "dataset", "items": [{column: value}]}`,
/// keys in alphabetical order. Written straight from the rows (a tree of
/// `serde_json::Value`s for a big site's rows cost more than the rest of
/// a `serve` rebuild).
pub(super) fn to_json(d: &Dataset) -> String {
    let mut order: Vec<usize> = (0..d.columns.len()).collect();
    order.sort_by_key(|&i| d.columns[i].name);
    let json = Json {
        dataset: d.name,
        items: Items { d, order: &order },
        schema: format!("mekong-{}/1", d.name),
    };
    let mut out = Vec::new();
    let _ = serde_json::to_writer_pretty(&mut out, &json);
    String::from_utf8(out).unwrap_or_default() + "\n"
}

/// The JSON document of a dataset (fields in alphabetical order).
#[derive(serde::Serialize)]
struct Json<'a> {
    dataset: &'a str,
    items: Items<'a>,
    schema: String,
}

/// The rows of a dataset, each an object of its columns in `order`.
struct Items<'a> {
    d: &'a Dataset,
    order: &'a [usize],
}

impl serde::Serialize for Items<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        let mut seq = s.serialize_seq(Some(self.d.rows.len()))?;
        for row in &self.d.rows {
            seq.serialize_element(&Row {
                columns: &self.d.columns,
                row,
                order: self.order,
            })?;
        }
        return seq.end();

        struct Row<'a> {
            columns: &'a [&'static Column],
            row: &'a [Cell],
            order: &'a [usize],
        }
        impl serde::Serialize for Row<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut map = s.serialize_map(Some(self.order.len()))?;
                for &i in self.order {
                    let value = self.row.get(i).unwrap_or(&Cell::Empty);
                    map.serialize_entry(self.columns[i].name, value)?;
                }
                map.end()
            }
        }
    }
}

impl serde::Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Empty => s.serialize_none(),
            Cell::Text(t) => s.serialize_str(t),
            Cell::Number(n) => s.serialize_f64(*n),
            Cell::List(v) => serde::Serialize::serialize(v, s),
        }
    }
}

/// The CSV of a dataset (RFC 4180, a header of column names).
pub(super) fn to_csv(d: &Dataset) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(d.columns.iter().map(|c| c.name));
    for row in &d.rows {
        let _ = w.write_record(row.iter().map(Cell::csv));
    }
    w.into_inner().unwrap_or_default()
}

/// `/data/NAME.json` and `/data/NAME.csv` of every dataset (made in
/// parallel: the articles' are big).
pub(super) fn files(datasets: &[Dataset]) -> Vec<Output> {
    let dir = DATA_DIR.trim_start_matches('/');
    datasets
        .par_iter()
        .flat_map(|d| {
            let (json, csv) = rayon::join(|| to_json(d), || to_csv(d));
            [
                Output {
                    path: format!("{dir}{}.json", d.name),
                    data: OutputData::Bytes(json.into_bytes()),
                },
                Output {
                    path: format!("{dir}{}.csv", d.name),
                    data: OutputData::Bytes(csv),
                },
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dataset_has_unique_column_names_and_a_csv_header_of_them() {
        let d = dataset("projects", &PROJECT_COLUMNS);
        let names: std::collections::HashSet<_> = d.columns.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), d.columns.len());
        let csv = String::from_utf8(to_csv(&d)).unwrap_or_default();
        let header: Vec<&str> = csv.trim_end().split(',').collect();
        assert_eq!(header.len(), d.columns.len());
        assert_eq!(header[0], "key");
    }

    #[test]
    fn lists_are_joined_in_the_csv_and_arrays_in_the_json() {
        let cell = Cell::List(vec!["a".into(), "b".into()]);
        assert_eq!(cell.csv(), "a;b");
        let json = |c: &Cell| serde_json::to_value(c).unwrap_or_default();
        assert_eq!(json(&cell), serde_json::json!(["a", "b"]));
        assert_eq!(json(&Cell::Empty), serde_json::Value::Null);
    }

    #[test]
    fn the_json_is_the_pretty_printed_tree_of_its_rows_keys_sorted() {
        let mut d = dataset("projects", &PROJECT_COLUMNS);
        let mut row = vec![Cell::text("k"), Cell::text("vi"), Cell::text("T \"q\"")];
        row.resize(ARTICLE_COLUMNS.len(), Cell::Empty);
        row.extend([
            Cell::List(vec!["a".into()]),
            Cell::Number(2.5),
            Cell::num(None),
        ]);
        row.resize(d.columns.len(), Cell::Number(1e21));
        d.rows.push(row.clone());
        d.rows.push(row);
        let items: Vec<serde_json::Value> = d
            .rows
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
        let expected = serde_json::to_string_pretty(&tree).unwrap_or_default() + "\n";
        assert_eq!(to_json(&d), expected);
    }
}
