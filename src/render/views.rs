//! What templates see: serializable views of the site model, turned into
//! Tera values when a page or a list shows them (Tera's values are
//! reference-counted: a list made once is shared by every page showing it).

use crate::config::LangCode;
use crate::content::front_matter::{Event, Place, Project};
use crate::content::Kind;
use crate::markdown::TocEntry;
use crate::site::{Page, PageId, Site};
use serde::Serialize;

/// A page as `page`, `section` and list items show it. `content` is added
/// only to the page being rendered (see `with_content`): keeping every
/// page's HTML twice, once here for lists, would double a big site's memory.
#[derive(Serialize)]
pub(crate) struct PageView<'a> {
    /// `article`, `section` or `home`.
    pub kind: &'static str,
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub date: Option<String>,
    pub updated: Option<String>,
    pub summary: Option<&'a str>,
    pub url: String,
    pub permalink: String,
    pub lang: &'a str,
    /// The language the text is written in (differs on fallback pages).
    pub source_lang: &'a str,
    pub slug: &'a str,
    pub section: Option<&'a str>,
    pub tags: Vec<&'a str>,
    /// Tags with their URLs in the page's language.
    pub terms: Vec<TermLink>,
    pub image: Option<&'a str>,
    pub toc: &'a [TocEntry],
    pub word_count: usize,
    pub reading_time: usize,
    pub extra: &'a serde_json::Value,
    pub project: Option<&'a Project>,
    pub place: Option<&'a Place>,
    pub event: Option<&'a Event>,
    pub unit: Option<&'a str>,
    pub weight: Option<i64>,
    pub is_fallback: bool,
}

/// A tag and its page.
#[derive(Serialize)]
pub(crate) struct TermLink {
    pub name: String,
    pub url: String,
}

/// One entry of `translations`.
#[derive(Serialize)]
pub(crate) struct TranslationView<'a> {
    pub lang: &'a str,
    pub name: &'a str,
    pub url: String,
    pub permalink: String,
    pub title: &'a str,
    pub current: bool,
    /// The page exists in that language only as a fallback copy.
    pub is_fallback: bool,
}

/// `language`.
#[derive(Serialize)]
pub(crate) struct LanguageView<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub dir: &'static str,
    /// The language's home page.
    pub url: String,
}

/// A page's view as a template value.
pub(crate) fn page_value(site: &Site, page: &Page) -> tera::Value {
    tera::Value::from_serializable(&page_view(site, page))
}

/// Builds a page's view.
pub(crate) fn page_view<'a>(site: &'a Site, page: &'a Page) -> PageView<'a> {
    let src = site.source(page);
    let front = src.map(|s| &s.front);
    let words = page.rendered.word_count;
    let has_tags = site.config.taxonomies.iter().any(|t| t == "tags");
    let terms = front
        .filter(|_| has_tags)
        .map(|f| {
            f.tags
                .iter()
                .map(|t| TermLink {
                    name: t.clone(),
                    url: site.url(&site.term_path(&page.lang, &crate::content::slug::slugify(t))),
                })
                .collect()
        })
        .unwrap_or_default();
    static EMPTY: serde_json::Value = serde_json::Value::Null;
    PageView {
        kind: match page.kind {
            Kind::Article => "article",
            Kind::Section => "section",
            Kind::Home => "home",
        },
        title: &page.title,
        description: front.and_then(|f| f.description.as_deref()),
        date: page.date.map(|d| d.to_string()),
        updated: front.and_then(|f| f.updated).map(|d| d.to_string()),
        summary: page.rendered.summary.as_deref(),
        url: site.url(&page.path),
        permalink: site.permalink(&page.path),
        lang: page.lang.as_str(),
        source_lang: src.map_or(page.lang.as_str(), |s| s.lang.as_str()),
        slug: &page.slug,
        section: page.section.as_deref(),
        tags: front
            .map(|f| f.tags.iter().map(String::as_str).collect())
            .unwrap_or_default(),
        terms,
        image: page.rendered.lead_url.as_deref(),
        toc: &page.rendered.toc,
        word_count: words,
        reading_time: words.div_ceil(200).max(1),
        extra: front.map_or(&EMPTY, |f| &f.extra),
        project: front.and_then(|f| f.project.as_ref()),
        place: front.and_then(|f| f.place.as_ref()),
        event: front.and_then(|f| f.event.as_ref()),
        // The group's unit when the page has none of its own (`Site::attribute`).
        unit: page
            .unit
            .as_deref()
            .map(|u| site.config.unit_name(u, &page.lang)),
        weight: front.and_then(|f| f.weight),
        is_fallback: page.is_fallback,
    }
}

/// The language switcher entries of a page's translation group.
pub(crate) fn translations<'a>(
    site: &'a Site,
    members: &[PageId],
    current: &LangCode,
) -> Vec<TranslationView<'a>> {
    members
        .iter()
        .map(|&id| {
            let p = &site.pages[id];
            let name = site
                .config
                .language(p.lang.as_str())
                .map_or(p.lang.as_str(), |l| l.name.as_str());
            TranslationView {
                lang: p.lang.as_str(),
                name,
                url: site.url(&p.path),
                permalink: site.permalink(&p.path),
                title: &p.title,
                current: p.lang == *current,
                is_fallback: p.is_fallback,
            }
        })
        .collect()
}

/// schema.org JSON-LD for a page: the portal's three pillars get their own
/// types (investment projects as offers of a place, destinations as tourist
/// attractions, events as events), every other page an article or web page.
pub(crate) fn json_ld(site: &Site, page: &Page, site_title: &str) -> serde_json::Value {
    use serde_json::json;
    let url = site.permalink(&page.path);
    let src = site.source(page);
    let front = src.map(|s| &s.front);
    let description = front.and_then(|f| f.description.clone());
    if page.kind != Kind::Article {
        return json!({
            "@context": "https://schema.org",
            "@type": if page.kind == Kind::Home { "WebSite" } else { "CollectionPage" },
            "name": if page.kind == Kind::Home { site_title } else { page.title.as_str() },
            "url": url,
            "inLanguage": page.lang.as_str(),
        });
    }
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "url": url,
        "inLanguage": src.map_or(page.lang.as_str(), |s| s.lang.as_str()),
        "publisher": { "@type": "GovernmentOrganization", "name": site_title },
    });
    let obj = v.as_object_mut().expect("built as an object");
    if let Some(d) = description {
        obj.insert("description".into(), json!(d));
    }
    if let Some(d) = page.date {
        obj.insert("datePublished".into(), json!(d.to_string()));
    }
    if let Some(d) = front.and_then(|f| f.updated) {
        obj.insert("dateModified".into(), json!(d.to_string()));
    }
    if let Some(e) = front.and_then(|f| f.event.as_ref()) {
        obj.insert("@type".into(), json!("Event"));
        obj.insert("name".into(), json!(page.title));
        obj.insert("startDate".into(), json!(e.start.to_string()));
        obj.insert(
            "endDate".into(),
            json!(e.end.unwrap_or(e.start).to_string()),
        );
        if let Some(venue) = &e.venue {
            obj.insert(
                "location".into(),
                json!({ "@type": "Place", "name": venue }),
            );
        }
    } else if let Some(p) = front.and_then(|f| f.place.as_ref()) {
        obj.insert("@type".into(), json!("TouristAttraction"));
        obj.insert("name".into(), json!(page.title));
        if let Some([lat, lon]) = p.coordinates {
            obj.insert(
                "geo".into(),
                json!({ "@type": "GeoCoordinates", "latitude": lat, "longitude": lon }),
            );
        }
        if let Some(a) = &p.address {
            obj.insert("address".into(), json!(a));
        }
    } else if let Some(p) = front.and_then(|f| f.project.as_ref()) {
        obj.insert(
            "about".into(),
            json!({
                "@type": "Place",
                "name": p.location,
                "additionalProperty": [
                    { "@type": "PropertyValue", "name": "sector", "value": p.sector },
                    { "@type": "PropertyValue", "name": "status", "value": p.status },
                    { "@type": "PropertyValue", "name": "area_ha", "value": p.area_ha },
                    { "@type": "PropertyValue", "name": "capital_usd", "value": p.capital_usd },
                ],
            }),
        );
    }
    v
}
