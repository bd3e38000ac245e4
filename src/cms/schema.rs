//! The editing app's configuration (`/admin/config.yml`), generated. In:
//! what mekong knows of the site ([`Input`]). Out: Decap CMS's YAML. Every
//! field says whether it is translated (`i18n: true`) or the same in every
//! language (`i18n: duplicate`): text is translated; dates, coordinates,
//! numbers and choices are duplicated.

use crate::config::{public_folder, CmsConfig};
use serde_json::{json, Value};

/// Where the editing app finds `mekong serve`'s backend (root-relative).
pub(crate) const API_PATH: &str = "/__mekong/cms/api/v1";

/// Decap's own interface languages that a site's default language may pick.
const UI_LOCALES: &[&str] = &[
    "bg", "ca", "cs", "da", "de", "en", "es", "fa", "fr", "he", "hr", "hu", "it", "ja", "ko", "lt",
    "nl", "pl", "pt", "ro", "ru", "sv", "th", "tr", "vi",
];

/// Project statuses, as `content/blocks.rs` accepts them.
const STATUSES: &[&str] = &["open", "licensed", "operating"];

/// Front-matter keys the app has a field for; any other key of an article
/// is reported by `mekong check` (see `cms::check`).
pub(crate) const FIELD_KEYS: &[&str] = &[
    "title",
    "slug",
    "date",
    "updated",
    "description",
    "image",
    "tags",
    "unit",
    "plan",
    "draft",
    "weight",
    "aliases",
    "project",
    "place",
    "event",
];

/// A section as the app shows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Section {
    /// Folder name under `content/`.
    pub(crate) name: String,
    /// Its title in the default language.
    pub(crate) label: String,
    /// Whether it has `SLUG/index.md` articles.
    pub(crate) folders: bool,
    /// Whether it has `SLUG.md` articles (or no article yet).
    pub(crate) plain: bool,
}

/// What the configuration is made of.
#[derive(Debug, Clone)]
pub(crate) struct Input<'a> {
    /// `cms:` of `site.yaml`.
    pub(crate) cms: &'a CmsConfig,
    /// The site's title.
    pub(crate) title: &'a str,
    /// Language codes, the default first.
    pub(crate) languages: Vec<String>,
    /// `sectors:` of `site.yaml`.
    pub(crate) sectors: &'a [String],
    /// The site's units (id, name in the default language); empty: `unit`
    /// is free text.
    pub(crate) units: Vec<(String, String)>,
    /// The site's address (`https://example.org/portal/`), or its path.
    pub(crate) site_url: String,
    /// The origin of the address (`http://127.0.0.1:1111`), or empty.
    pub(crate) origin: &'a str,
    /// The sections.
    pub(crate) sections: Vec<Section>,
    /// Whether articles sit directly in `content/` (about, contact).
    pub(crate) loose_pages: bool,
}

/// The text of `config.yml`.
pub(crate) fn config_yaml(input: &Input<'_>) -> String {
    let value = config(input);
    let yaml = serde_yaml::to_string(&value).unwrap_or_default();
    format!(
        "# Written by mekong from site.yaml and content/ (`cms:` in site.yaml).\n\
         # Do not edit: change site.yaml and build again.\n{yaml}"
    )
}

fn config(input: &Input<'_>) -> Value {
    let default = input.languages.first().cloned().unwrap_or_default();
    let vi = default == "vi";
    let media_folder = input.cms.media_folder.trim_end_matches('/').to_owned();
    let mut root = json!({
        "site_url": input.site_url,
        "display_url": input.site_url,
        "media_folder": media_folder,
        "public_folder": public_folder(&media_folder).unwrap_or_else(|| "/images".into()),
        "publish_mode": "simple",
        "slug": { "encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-" },
        "i18n": {
            "structure": "multiple_files",
            "locales": input.languages,
            "default_locale": default,
        },
        "collections": collections(input, vi),
    });
    if UI_LOCALES.contains(&default.as_str()) {
        root["locale"] = json!(default);
    }
    match &input.cms.backend {
        Some(b) => {
            root["backend"] = serde_json::to_value(b).unwrap_or_else(|_| json!({}));
            if !input.origin.is_empty() {
                root["local_backend"] = json!({ "url": format!("{}{API_PATH}", input.origin) });
            }
        }
        None => {
            root["backend"] = json!({ "name": "proxy", "proxy_url": API_PATH, "branch": "main" });
        }
    }
    root
}

fn collections(input: &Input<'_>, vi: bool) -> Vec<Value> {
    let mut out = Vec::new();
    for s in &input.sections {
        if s.plain || !s.folders {
            out.push(collection(input, vi, &s.name, &s.label, false));
        }
        if s.folders {
            let label = format!("{} ({})", s.label, word(vi, "thư mục", "folders"));
            out.push(collection(input, vi, &s.name, &label, true));
        }
    }
    if input.loose_pages || out.is_empty() {
        out.push(collection(input, vi, "", word(vi, "Trang", "Pages"), false));
    }
    out
}

fn collection(input: &Input<'_>, vi: bool, section: &str, label: &str, folders: bool) -> Value {
    let folder = if section.is_empty() {
        "content".to_owned()
    } else {
        format!("content/{section}")
    };
    let name = match (section.is_empty(), folders) {
        (true, _) => "pages".to_owned(),
        (false, false) => section.to_owned(),
        (false, true) => format!("{section}-folders"),
    };
    let mut c = json!({
        "name": name,
        "label": label,
        "folder": folder,
        "create": true,
        "extension": "md",
        "format": "frontmatter",
        "slug": "{{slug}}",
        "i18n": true,
        "summary": "{{title}}",
        "sortable_fields": ["date", "title"],
        "fields": fields(input, vi),
    });
    if folders {
        c["path"] = json!("{{slug}}/index");
        c["media_folder"] = json!("");
        c["public_folder"] = json!("");
    }
    c
}

fn word<'a>(vi: bool, vi_text: &'a str, en_text: &'a str) -> &'a str {
    if vi {
        vi_text
    } else {
        en_text
    }
}

/// A field: `i18n` is `true` (translated) or `"duplicate"`.
fn field(vi: bool, name: &str, labels: (&str, &str), widget: &str, i18n: Value) -> Value {
    json!({
        "name": name,
        "label": word(vi, labels.0, labels.1),
        "widget": widget,
        "required": false,
        "i18n": i18n,
    })
}

fn translate() -> Value {
    json!(true)
}

fn duplicate() -> Value {
    json!("duplicate")
}

fn date_field(vi: bool, name: &str, labels: (&str, &str), today: bool) -> Value {
    let mut f = field(vi, name, labels, "datetime", duplicate());
    f["format"] = json!("YYYY-MM-DD");
    f["date_format"] = json!("YYYY-MM-DD");
    f["time_format"] = json!(false);
    if !today {
        f["default"] = json!("");
    }
    f
}

fn number_field(vi: bool, name: &str, labels: (&str, &str), kind: &str) -> Value {
    let mut f = field(vi, name, labels, "number", duplicate());
    f["value_type"] = json!(kind);
    f["min"] = json!(0);
    f
}

fn select(vi: bool, name: &str, labels: (&str, &str), options: &[String]) -> Value {
    let mut f = field(vi, name, labels, "select", duplicate());
    f["options"] = json!(options);
    f
}

fn object(vi: bool, name: &str, labels: (&str, &str), fields: Vec<Value>) -> Value {
    let mut f = field(vi, name, labels, "object", translate());
    f["collapsed"] = json!(true);
    f["fields"] = json!(fields);
    f
}

/// The front-matter schema, in the order the editor sees it.
fn fields(input: &Input<'_>, vi: bool) -> Vec<Value> {
    let mut title = field(vi, "title", ("Tiêu đề", "Title"), "string", translate());
    title["required"] = json!(true);
    let mut tags = field(vi, "tags", ("Thẻ", "Tags"), "list", translate());
    tags["allow_add"] = json!(true);
    let mut unit = if input.units.is_empty() {
        field(vi, "unit", ("Đơn vị", "Unit"), "string", duplicate())
    } else {
        let mut f = field(vi, "unit", ("Đơn vị", "Unit"), "select", duplicate());
        let options: Vec<Value> = input
            .units
            .iter()
            .map(|(id, name)| json!({ "label": name, "value": id }))
            .collect();
        f["options"] = json!(options);
        f
    };
    unit["hint"] = json!(word(
        vi,
        "Cơ quan chịu trách nhiệm",
        "The department responsible"
    ));
    // Plan task ids (plan.yaml); a plain list: Decap takes only true/false
    // for `i18n` on a list, so the translation's editor sees it too.
    let mut plan = field(
        vi,
        "plan",
        ("Nhiệm vụ kế hoạch", "Plan tasks"),
        "list",
        translate(),
    );
    plan["hint"] = json!(word(
        vi,
        "Mã nhiệm vụ trong plan.yaml, ví dụ ban-tin-doi-ngoai",
        "Task ids from plan.yaml, like ban-tin-doi-ngoai"
    ));
    let mut draft = field(vi, "draft", ("Bản nháp", "Draft"), "boolean", translate());
    draft["default"] = json!(false);
    let mut image = field(
        vi,
        "image",
        ("Ảnh đại diện", "Lead image"),
        "image",
        duplicate(),
    );
    image["choose_url"] = json!(false);
    let mut weight = number_field(vi, "weight", ("Thứ tự", "Weight"), "int");
    weight["min"] = Value::Null;
    let mut slug = field(vi, "slug", ("Đường dẫn", "URL slug"), "string", translate());
    slug["hint"] = json!(word(
        vi,
        "Để trống: lấy từ tên tệp",
        "Empty: the file name is used"
    ));
    let mut coordinates = field(
        vi,
        "coordinates",
        (
            "Tọa độ [vĩ độ, kinh độ]",
            "Coordinates [latitude, longitude]",
        ),
        "list",
        // Decap takes only `true`/`false` on a field with `field` or
        // `fields` (a list, an object): the editor gives them per language.
        translate(),
    );
    coordinates["field"] =
        json!({ "name": "value", "label": "°", "widget": "number", "value_type": "float" });
    let statuses: Vec<String> = STATUSES.iter().map(|s| s.to_string()).collect();
    let mut body = field(vi, "body", ("Nội dung", "Text"), "markdown", translate());
    body["required"] = json!(false);
    let mut fields = vec![
        title,
        field(
            vi,
            "description",
            ("Mô tả", "Description"),
            "text",
            translate(),
        ),
        date_field(vi, "date", ("Ngày", "Date"), true),
        date_field(vi, "updated", ("Cập nhật", "Updated"), false),
        image,
        tags,
        unit,
        plan,
        draft,
        object(
            vi,
            "project",
            ("Dự án đầu tư", "Investment project"),
            vec![
                select(vi, "sector", ("Lĩnh vực", "Sector"), input.sectors),
                field(
                    vi,
                    "location",
                    ("Địa điểm", "Location"),
                    "string",
                    translate(),
                ),
                select(vi, "status", ("Trạng thái", "Status"), &statuses),
                number_field(vi, "area_ha", ("Diện tích (ha)", "Area (ha)"), "float"),
                number_field(vi, "capital_usd", ("Vốn (USD)", "Capital (USD)"), "int"),
                object(
                    vi,
                    "contact",
                    ("Liên hệ", "Contact"),
                    vec![
                        field(vi, "agency", ("Cơ quan", "Agency"), "string", translate()),
                        field(vi, "email", ("Email", "Email"), "string", duplicate()),
                        field(vi, "phone", ("Điện thoại", "Phone"), "string", duplicate()),
                    ],
                ),
            ],
        ),
        object(
            vi,
            "place",
            ("Địa danh", "Place"),
            vec![
                coordinates,
                field(vi, "address", ("Địa chỉ", "Address"), "string", translate()),
                field(
                    vi,
                    "opening_hours",
                    ("Giờ mở cửa", "Opening hours"),
                    "string",
                    translate(),
                ),
            ],
        ),
        object(
            vi,
            "event",
            ("Sự kiện", "Event"),
            vec![
                date_field(vi, "start", ("Bắt đầu", "Start"), false),
                date_field(vi, "end", ("Kết thúc", "End"), false),
                field(vi, "venue", ("Nơi tổ chức", "Venue"), "string", translate()),
            ],
        ),
        slug,
        weight,
        field(
            vi,
            "aliases",
            ("Địa chỉ cũ", "Old addresses"),
            "list",
            translate(),
        ),
        body,
    ];
    for f in &mut fields {
        if let Some(map) = f.as_object_mut() {
            map.retain(|_, v| !v.is_null());
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(cms: &CmsConfig) -> Input<'_> {
        Input {
            cms,
            title: "T",
            languages: vec!["vi".into(), "en".into()],
            sectors: &[],
            units: Vec::new(),
            site_url: "https://example.org/portal/".into(),
            origin: "https://example.org",
            sections: vec![Section {
                name: "news".into(),
                label: "Tin tức".into(),
                folders: true,
                plain: true,
            }],
            loose_pages: false,
        }
    }

    #[test]
    fn every_field_says_translate_or_duplicate() {
        let cms = CmsConfig::default();
        let v = config(&input(&cms));
        fn walk(fields: &Value, seen: &mut Vec<String>) {
            for f in fields.as_array().into_iter().flatten() {
                let i18n = &f["i18n"];
                assert!(i18n == &json!(true) || i18n == &json!("duplicate"), "{f}");
                seen.push(f["name"].as_str().unwrap_or("").to_owned());
                if f.get("fields").is_some() || f.get("field").is_some() {
                    assert_eq!(i18n, &json!(true), "Decap takes only booleans here: {f}");
                }
                walk(&f["fields"], seen);
            }
        }
        let mut seen = Vec::new();
        walk(&v["collections"][0]["fields"], &mut seen);
        for key in FIELD_KEYS {
            assert!(seen.iter().any(|s| s == key), "{key}");
        }
        assert_eq!(v["collections"][1]["path"], json!("{{slug}}/index"));
        assert_eq!(v["backend"]["proxy_url"], json!(API_PATH));
    }

    #[test]
    fn a_team_backend_keeps_the_local_one_for_serve() {
        let cms = CmsConfig {
            backend: Some(crate::config::CmsBackend {
                name: "gitea".into(),
                repo: "so-ttt/portal".into(),
                branch: Some("main".into()),
                base_url: Some("https://git.example.org".into()),
                api_root: Some("https://git.example.org/api/v1".into()),
                app_id: None,
            }),
            ..CmsConfig::default()
        };
        let v = config(&input(&cms));
        assert_eq!(v["backend"]["name"], json!("gitea"));
        assert!(v["backend"].get("app_id").is_none());
        assert_eq!(
            v["local_backend"]["url"],
            json!(format!("https://example.org{API_PATH}"))
        );
    }
}
