//! The descriptions of the open data (`open_data.rs`) that a harvester
//! reads: `/data/catalog.jsonld`, a DCAT-AP catalogue of the datasets and
//! their files, and `/data/csv-metadata.json`, CSV on the Web metadata for
//! every CSV. Both need absolute URLs, so they are written only when the
//! site has an origin (`base_url` with a host); the build warns otherwise
//! (`commands::no_origin_warning`).

use super::open_data::{Dataset, Type, DATA_DIR, LIST_SEPARATOR};
use crate::site::Site;
use serde_json::{json, Value};

/// Title and description of the catalogue or a dataset in a language, from
/// a built-in table (vi, en, lo, km); `None` for another language. The one
/// source of these words: the catalogue, the CSVW titles and the open-data
/// pages read them. The lo and km lines want a native reader's review.
pub(crate) fn words(name: &str, lang: &str) -> Option<(&'static str, &'static str)> {
    Some(match (name, lang) {
        ("catalog", "vi") => ("Dữ liệu mở", "Dữ liệu mở của cổng thông tin đối ngoại: bài viết, dự án kêu gọi đầu tư, địa điểm và sự kiện, dạng JSON và CSV."),
        ("catalog", "en") => ("Open data", "Open data of the external-information portal: articles, investment projects, places and events, as JSON and CSV."),
        ("catalog", "lo") => ("ຂໍ້ມູນເປີດ", "ຂໍ້ມູນເປີດຂອງເວັບໄຊ: ບົດຄວາມ, ໂຄງການລົງທຶນ, ສະຖານທີ່ ແລະ ເຫດການ, ເປັນ JSON ແລະ CSV."),
        ("catalog", "km") => ("ទិន្នន័យបើកចំហ", "ទិន្នន័យបើកចំហរបស់គេហទំព័រ៖ អត្ថបទ គម្រោងវិនិយោគ ទីកន្លែង និងព្រឹត្តិការណ៍ ជា JSON និង CSV។"),
        ("articles", "vi") => ("Bài viết", "Mọi bài viết đã đăng của cổng, bằng mọi ngôn ngữ: tiêu đề, mô tả, chuyên mục, đơn vị, nhiệm vụ kế hoạch, ngày, địa chỉ và các bản dịch."),
        ("articles", "en") => ("Articles", "Every published article of the portal in every language: title, description, section, unit, plan tasks, dates, URL and translations."),
        ("articles", "lo") => ("ບົດຄວາມ", "ບົດຄວາມທີ່ເຜີຍແຜ່ທັງໝົດຂອງເວັບໄຊ ໃນທຸກພາສາ: ຫົວຂໍ້, ຄຳອະທິບາຍ, ໝວດ, ໜ່ວຍງານ, ໜ້າວຽກຕາມແຜນ, ວັນທີ, ທີ່ຢູ່ (URL) ແລະ ສະບັບແປ."),
        ("articles", "km") => ("អត្ថបទ", "អត្ថបទដែលបានផ្សព្វផ្សាយទាំងអស់របស់គេហទំព័រ ជាគ្រប់ភាសា៖ ចំណងជើង ការពិពណ៌នា ផ្នែក អង្គភាព ភារកិច្ចតាមផែនការ កាលបរិច្ឆេទ អាសយដ្ឋាន (URL) និងការបកប្រែ។"),
        ("projects", "vi") => ("Dự án kêu gọi đầu tư", "Các dự án kêu gọi đầu tư: lĩnh vực, địa điểm, diện tích, vốn, trạng thái và liên hệ."),
        ("projects", "en") => ("Investment projects", "Projects open to investment: sector, location, area, capital, status and contact."),
        ("projects", "lo") => ("ໂຄງການລົງທຶນ", "ໂຄງການເອີ້ນຊວນການລົງທຶນ: ຂະແໜງການ, ສະຖານທີ່, ເນື້ອທີ່, ທຶນ, ສະຖານະ ແລະ ການຕິດຕໍ່."),
        ("projects", "km") => ("គម្រោងវិនិយោគ", "គម្រោងវិនិយោគ៖ វិស័យ ទីតាំង ផ្ទៃដី ដើមទុន ស្ថានភាព និងទំនាក់ទំនង។"),
        ("places", "vi") => ("Địa điểm", "Các địa điểm tham quan và dịch vụ: địa chỉ, giờ mở cửa và tọa độ."),
        ("places", "en") => ("Places", "Places to visit and services: address, opening hours and coordinates."),
        ("places", "lo") => ("ສະຖານທີ່", "ສະຖານທີ່ທ່ອງທ່ຽວ ແລະ ບໍລິການ: ທີ່ຢູ່, ເວລາເປີດ-ປິດ ແລະ ພິກັດ."),
        ("places", "km") => ("ទីកន្លែង", "ទីកន្លែងទេសចរណ៍ និងសេវាកម្ម៖ អាសយដ្ឋាន ម៉ោងបើក និងកូអរដោនេ។"),
        ("events", "vi") => ("Sự kiện", "Các sự kiện, hội chợ và lễ hội đăng trên cổng: ngày bắt đầu, ngày kết thúc và địa điểm tổ chức."),
        ("events", "en") => ("Events", "Events, fairs and festivals announced on the portal: first day, last day and venue."),
        ("events", "lo") => ("ເຫດການ", "ເຫດການ, ງານວາງສະແດງ ແລະ ງານບຸນ ທີ່ປະກາດໃນເວັບໄຊ: ວັນເລີ່ມ, ວັນສິ້ນສຸດ ແລະ ສະຖານທີ່ຈັດ."),
        ("events", "km") => ("ព្រឹត្តិការណ៍", "ព្រឹត្តិការណ៍ ពិព័រណ៍ និងពិធីបុណ្យ ដែលបានប្រកាសនៅលើគេហទំព័រ៖ ថ្ងៃចាប់ផ្តើម ថ្ងៃបញ្ចប់ និងទីកន្លែងរៀបចំ។"),
        _ => return None,
    })
}

/// The words of `name` in `lang`, else in English (the catalogue tags
/// those `en`; the data pages show them).
pub(super) fn words_or_english(name: &str, lang: &str) -> Option<(&'static str, &'static str)> {
    words(name, lang).or_else(|| words(name, "en"))
}

/// The IRI of a dataset in the catalogue: `…/data/catalog.jsonld#articles`.
pub(super) fn dataset_iri(site: &Site, name: &str) -> String {
    format!("{}#{name}", data_url(site, "catalog.jsonld"))
}

/// The words of `name` in every site language that has them, as
/// language-tagged literals (title, description); English stands in for a
/// language the table lacks, tagged `en`.
fn literals(site: &Site, name: &str) -> (Vec<Value>, Vec<Value>) {
    let mut langs: Vec<&str> = site
        .config
        .languages
        .iter()
        .map(|l| {
            if words(name, l.code.as_str()).is_some() {
                l.code.as_str()
            } else {
                "en"
            }
        })
        .collect();
    langs.dedup();
    let mut seen = Vec::new();
    let (mut titles, mut descriptions) = (Vec::new(), Vec::new());
    for lang in langs {
        if seen.contains(&lang) {
            continue;
        }
        seen.push(lang);
        if let Some((t, d)) = words(name, lang) {
            titles.push(json!({"@value": t, "@language": lang}));
            descriptions.push(json!({"@value": d, "@language": lang}));
        }
    }
    (titles, descriptions)
}

/// The EU language authority's code of a language (DCAT-AP `dct:language`).
fn eu_language(code: &str) -> Option<&'static str> {
    Some(match code {
        "vi" => "VIE",
        "en" => "ENG",
        "lo" => "LAO",
        "km" => "KHM",
        "th" => "THA",
        "zh" => "ZHO",
        "fr" => "FRA",
        _ => return None,
    })
}

/// The absolute URL of a file of the data folder.
pub(crate) fn data_url(site: &Site, file: &str) -> String {
    site.permalink(&format!("{DATA_DIR}{file}"))
}

/// `/data/catalog.jsonld`: a `dcat:Catalog` with one `dcat:Dataset` per
/// dataset and one `dcat:Distribution` per file.
pub(super) fn catalog(site: &Site, datasets: &[Dataset]) -> String {
    let publisher_id = site.permalink("/");
    let publisher = json!({
        "@id": publisher_id,
        "@type": "foaf:Agent",
        "foaf:name": {"@value": site.config.title, "@language": site.config.default_language.as_str()},
    });
    let languages: Vec<Value> = site
        .config
        .languages
        .iter()
        .filter_map(|l| eu_language(l.code.as_str()))
        .map(|c| json!({"@id": format!("http://publications.europa.eu/resource/authority/language/{c}")}))
        .collect();
    let modified = datasets.iter().filter_map(|d| d.modified).max();
    let mut entries = Vec::new();
    for d in datasets {
        let (title, description) = literals(site, d.name);
        let distributions: Vec<Value> = [("json", "application/json", "JSON"), ("csv", "text/csv", "CSV")]
            .iter()
            .map(|(ext, media, format)| {
                let url = data_url(site, &format!("{}.{ext}", d.name));
                json!({
                    "@id": url,
                    "@type": "dcat:Distribution",
                    "dct:title": format!("{}.{ext}", d.name),
                    "dcat:accessURL": {"@id": url},
                    "dcat:downloadURL": {"@id": url},
                    "dcat:mediaType": {"@id": format!("http://www.iana.org/assignments/media-types/{media}")},
                    "dct:format": {"@id": format!("http://publications.europa.eu/resource/authority/file-type/{format}")},
                })
            })
            .collect();
        let mut entry = json!({
            "@id": dataset_iri(site, d.name),
            "@type": "dcat:Dataset",
            "dcat:landingPage": {"@id": format!("{}#{}", site.permalink(&site.data_page_path(&site.config.default_language)), d.name)},
            "dct:identifier": d.name,
            "dct:title": title,
            "dct:description": description,
            "dct:publisher": {"@id": publisher_id},
            "dct:language": languages,
            "dcat:distribution": distributions,
        });
        if let Some(m) = d.modified {
            entry["dct:modified"] = json!({"@value": m.to_string(), "@type": "xsd:date"});
        }
        if let Some(l) = &site.config.license {
            entry["dct:license"] = json!({"@id": l});
        }
        entries.push(entry);
    }
    let (title, description) = literals(site, "catalog");
    let mut catalog = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": data_url(site, "catalog.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": title,
        "dct:description": description,
        "dct:publisher": publisher,
        "dct:language": languages,
        "foaf:homepage": {"@id": publisher_id},
        "dcat:dataset": entries,
    });
    if let Some(m) = modified {
        catalog["dct:modified"] = json!({"@value": m.to_string(), "@type": "xsd:date"});
    }
    serde_json::to_string_pretty(&catalog).unwrap_or_default() + "\n"
}

/// `/data/csv-metadata.json`: CSV on the Web metadata (a table group) that
/// names every column of every CSV, with titles and datatypes.
pub(super) fn csv_metadata(site: &Site, datasets: &[Dataset]) -> String {
    let tables: Vec<Value> = datasets
        .iter()
        .map(|d| {
            let (title, _) = literals(site, d.name);
            let columns: Vec<Value> = d
                .columns
                .iter()
                .map(|c| {
                    // The header's own word (`und`) keeps the metadata
                    // compatible with the CSV's embedded header.
                    let mut col = json!({
                        "name": c.name,
                        "titles": {"und": c.name, "vi": c.vi, "en": c.en},
                        "datatype": c.kind.csvw(),
                    });
                    if matches!(c.kind, Type::List | Type::Urls) {
                        col["separator"] = LIST_SEPARATOR.into();
                    }
                    col
                })
                .collect();
            json!({
                "url": data_url(site, &format!("{}.csv", d.name)),
                "dc:title": title,
                "tableSchema": {
                    "columns": columns,
                    "primaryKey": "url",
                    "aboutUrl": "{+url}",
                },
            })
        })
        .collect();
    let metadata = json!({
        "@context": "http://www.w3.org/ns/csvw",
        "@id": data_url(site, "csv-metadata.json"),
        "dialect": {"header": true, "encoding": "utf-8"},
        "tables": tables,
    });
    serde_json::to_string_pretty(&metadata).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dataset_has_words_in_the_four_languages() {
        for name in ["catalog", "articles", "projects", "places", "events"] {
            for lang in ["vi", "en", "lo", "km"] {
                assert!(words(name, lang).is_some(), "{name} in {lang}");
            }
        }
        assert_eq!(words("articles", "th"), None);
    }

    #[test]
    fn every_description_is_long_enough_for_dataset_search() {
        // Dataset search engines ask for 50 to 5,000 characters.
        for name in ["catalog", "articles", "projects", "places", "events"] {
            for lang in ["vi", "en", "lo", "km"] {
                let (_, d) = words(name, lang).unwrap_or_default();
                let n = d.chars().count();
                assert!((50..=5000).contains(&n), "{name} in {lang}: {n} characters");
            }
        }
    }
}
