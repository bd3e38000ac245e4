//! The site-wide open data for the national external-information
//! database: `/data/articles`, `/data/projects`, `/data/places` and
//! `/data/events`, each as JSON and CSV with the same rows, every published
//! article in every language (real translations only, never fallback
//! copies). The catalogue that describes them is `catalog.rs`.

use crate::content::front_matter::Date;
use crate::content::SourcePage;
use crate::site::{Page, Site};

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

    /// The cell as the CSV writes it.
    pub(super) fn csv(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::List(v) => v.join(LIST_SEPARATOR),
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

/// A dataset: its name (`/data/NAME.json`, `.csv`), its columns, how many
/// rows it has and the newest date of its rows. The rows themselves are
/// made and written one part at a time (`open_rows.rs`).
pub(super) struct Dataset {
    pub(super) name: &'static str,
    pub(super) columns: Vec<&'static Column>,
    pub(super) rows: usize,
    /// The newest date or update of its rows.
    pub(super) modified: Option<Date>,
}

/// The folder of the site-wide data, relative to the base path.
pub(super) const DATA_DIR: &str = "/data/";

/// The four datasets of a site, in a fixed order, without rows yet.
pub(super) fn datasets() -> [Dataset; 4] {
    [
        dataset("articles", &[]),
        dataset("projects", &PROJECT_COLUMNS),
        dataset("places", &PLACE_COLUMNS),
        dataset("events", &EVENT_COLUMNS),
    ]
}

fn dataset(name: &'static str, extra: &'static [Column]) -> Dataset {
    Dataset {
        name,
        columns: ARTICLE_COLUMNS.iter().chain(extra).collect(),
        rows: 0,
        modified: None,
    }
}

/// Every published article of every language (real translations, with a
/// source file), sorted by URL: the order of every dataset's rows.
pub(super) fn articles_by_url(site: &Site) -> Vec<&Page> {
    let mut pages: Vec<(String, &Page)> = site
        .config
        .languages
        .iter()
        .flat_map(|lang| super::data::articles(site, &lang.code))
        .filter(|p| site.source(p).is_some())
        .map(|p| (site.permalink(&p.path), p))
        .collect();
    // Stable: pages of the same URL keep their language order.
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    pages.into_iter().map(|(_, p)| p).collect()
}

/// The row of `page` in the dataset at `index` of [`datasets`], and the
/// date it counts as modified; `None` when the page is not in it (only
/// investment projects, places and events are in theirs).
pub(super) fn row(site: &Site, page: &Page, index: usize) -> Option<(Vec<Cell>, Option<Date>)> {
    let src = site.source(page)?;
    let front = &src.front;
    let coords = |c: Option<[f64; 2]>| [Cell::num(c.map(|c| c[0])), Cell::num(c.map(|c| c[1]))];
    let extra: Vec<Cell> = match index {
        0 => Vec::new(),
        1 => {
            let p = front.project.as_ref()?;
            let contact = p.contact.as_ref();
            let status = serde_json::to_value(p.status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned));
            let mut cells = vec![
                Cell::text(&p.sector),
                Cell::text(&p.location),
                Cell::num(p.area_ha),
                Cell::num(p.capital_usd),
                Cell::opt(status),
                Cell::opt(contact.and_then(|c| c.agency.clone())),
                Cell::opt(contact.and_then(|c| c.email.clone())),
                Cell::opt(contact.and_then(|c| c.phone.clone())),
            ];
            cells.extend(coords(front.place.as_ref().and_then(|pl| pl.coordinates)));
            cells
        }
        2 => {
            let pl = front.place.as_ref()?;
            let mut cells = vec![
                Cell::opt(pl.address.clone()),
                Cell::opt(pl.opening_hours.clone()),
            ];
            cells.extend(coords(pl.coordinates));
            cells
        }
        3 => {
            let e = front.event.as_ref()?;
            vec![
                Cell::text(e.start.to_string()),
                Cell::text(e.end.unwrap_or(e.start).to_string()),
                Cell::opt(e.venue.clone()),
            ]
        }
        _ => return None,
    };
    let mut cells = article_cells(site, page, src);
    cells.extend(extra);
    Some((cells, front.updated.or(front.date)))
}

/// The cells of [`ARTICLE_COLUMNS`] for one article.
fn article_cells(site: &Site, page: &Page, src: &SourcePage) -> Vec<Cell> {
    let key = src.group_key();
    let key = key.strip_prefix("key:").unwrap_or(&key).to_owned();
    let unit = page.unit.as_deref();
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
        Cell::List(page.plan.clone()),
        Cell::opt(src.front.date.map(|d| d.to_string())),
        Cell::opt(src.front.updated.map(|d| d.to_string())),
        Cell::text(url),
        Cell::List(translations),
        Cell::List(src.front.tags.clone()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dataset_has_unique_column_names_starting_with_the_key() {
        for d in datasets() {
            let names: std::collections::HashSet<_> = d.columns.iter().map(|c| c.name).collect();
            assert_eq!(names.len(), d.columns.len(), "{}", d.name);
            assert_eq!(d.columns[0].name, "key");
        }
    }

    #[test]
    fn lists_are_joined_in_the_csv_and_arrays_in_the_json() {
        let cell = Cell::List(vec!["a".into(), "b".into()]);
        assert_eq!(cell.csv(), "a;b");
        let json = |c: &Cell| serde_json::to_value(c).unwrap_or_default();
        assert_eq!(json(&cell), serde_json::json!(["a", "b"]));
        assert_eq!(json(&Cell::Empty), serde_json::Value::Null);
    }
}
