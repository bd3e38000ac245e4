//! What a template sees besides its page: the [`Site`] and the compiled
//! templates come in; [`RenderCtx`] goes out, which builds
//! the `site`, `lang` and `language` values every page gets, pagination,
//! and a page's view with its HTML `content`.

use super::jobs::pages_needed;
use super::views;
use crate::config::LangCode;
use crate::diagnostics::Diagnostic;
use crate::i18n::Locales;
use crate::site::{PageId, Site};
use crate::theme::Template;
use crate::urls::pager_path;
use std::collections::BTreeMap;
use tera::{Context, Tera, Value};

/// The `site` value of each language.
pub(crate) type SiteValues<'a> = BTreeMap<&'a LangCode, Value>;

/// Everything a job reads while it renders; shared by every render thread.
pub(crate) struct RenderCtx<'a> {
    pub(crate) site: &'a Site,
    pub(crate) tera: &'a Tera,
    pub(crate) templates: &'a [Template],
    pub(crate) site_values: &'a SiteValues<'a>,
    pub(crate) data_page: super::DataPageSource<'a>,
    /// Where body HTML comes from when pages do not hold it.
    pub(crate) bodies: Option<crate::site::BodyHtml<'a>>,
    /// In `serve`: notes what each job reads.
    pub(crate) recorder: Option<&'a super::used::Recorder>,
}

impl RenderCtx<'_> {
    /// The page's view with its HTML body as `content`.
    pub(crate) fn with_content(&self, id: PageId) -> Result<Value, Diagnostic> {
        let mut map = views::page_value(self.site, &self.site.pages[id])
            .into_map()
            .unwrap_or_default();
        let html = match &self.bodies {
            Some(bodies) => bodies.html(self.site, id)?,
            None => self.site.pages[id].rendered.html.as_str().into(),
        };
        map.insert("content".into(), Value::from(html.as_ref()));
        Ok(Value::from(map))
    }

    /// `site`, `lang` and `language`: what every page in `lang` gets.
    pub(crate) fn base_context(&self, lang: &LangCode) -> Context {
        let mut c = Context::new();
        c.insert_value(
            "site",
            self.site_values
                .get(lang)
                .cloned()
                .unwrap_or_else(Value::none),
        );
        c.insert("lang", lang.as_str());
        c.insert("language", &language_view(self.site, lang));
        c
    }

    /// The `paginator` of page `n` of a list at URL path `base`, and how
    /// many pages the list has.
    pub(crate) fn paginator(
        &self,
        items: &[PageId],
        per: usize,
        n: usize,
        base: &str,
    ) -> (Value, usize) {
        let total = pages_needed(items.len(), per);
        let start = ((n - 1) * per).min(items.len());
        let end = (start + per).min(items.len());
        let pages: Vec<Value> = items[start..end]
            .iter()
            .map(|&i| views::page_value(self.site, &self.site.pages[i]))
            .collect();
        let url = |k: usize| self.site.url(&pager_path(base, k));
        let v = serde_json::json!({
            "current": n,
            "total": total,
            "total_items": items.len(),
            "previous": (n > 1).then(|| url(n - 1)),
            "next": (n < total).then(|| url(n + 1)),
            "first": url(1),
            "last": url(total),
        });
        let mut map = Value::from_serializable(&v).into_map().unwrap_or_default();
        map.insert("pages".into(), Value::from(pages));
        (Value::from(map), total)
    }
}

/// A language as templates see it: code, name, direction and home URL.
pub(crate) fn language_view<'a>(site: &'a Site, code: &'a LangCode) -> views::LanguageView<'a> {
    let l = site.config.language(code.as_str());
    views::LanguageView {
        code: code.as_str(),
        name: l.map_or(code.as_str(), |l| l.name.as_str()),
        dir: match l.map(|l| l.dir) {
            Some(crate::config::Direction::Rtl) => "rtl",
            _ => "ltr",
        },
        url: site.url(&site.config.lang_prefix(code)),
    }
}

/// The `site` value per language: its translated title, sections, the
/// languages, the open-data files it has, and the settings templates read.
pub(crate) fn site_values<'a>(site: &'a Site, locales: &Locales) -> SiteValues<'a> {
    let fonts = crate::outputs::stylesheet_url(&site.config);
    site.config
        .languages
        .iter()
        .map(|l| {
            let title = locales
                .message(&l.code, "site-title", None)
                .ok()
                .flatten()
                .unwrap_or_else(|| site.config.title.clone());
            let langs: Vec<views::LanguageView<'_>> = site
                .config
                .languages
                .iter()
                .map(|x| language_view(site, &x.code))
                .collect();
            let sections: Vec<serde_json::Value> = site
                .section_names
                .iter()
                .filter_map(|name| site.sections.get(&(name.clone(), l.code.clone())))
                .map(|(id, members)| {
                    let p = &site.pages[*id];
                    serde_json::json!({"name": p.section, "title": p.title, "url": site.url(&p.path), "count": members.len()})
                })
                .collect();
            // Open data is linked only where it is written (see `Site::projects_data_path`).
            let projects_data = site.projects_data_path(&l.code);
            let file_url = |dir: &Option<String>, name: &str| {
                dir.as_ref().map(|d| site.url(&format!("{d}{name}")))
            };
            let v = serde_json::json!({
                "projects_json": file_url(&projects_data, "projects.json"),
                "projects_csv": file_url(&projects_data, "projects.csv"),
                "events_ics": site.events_calendar_path(&l.code).map(|p| site.url(&p)),
                "data_page": site.url(&site.data_page_path(&l.code)),
                "sections": sections,
                "title": title,
                "base_url": format!("{}{}", site.config.origin, site.config.base_path),
                "base_path": site.config.base_path,
                "default_language": site.config.default_language,
                "languages": langs,
                "feeds": site.config.feeds,
                "search": site.config.search,
                "fonts": fonts,
                "extra": site.config.extra,
            });
            (&l.code, Value::from_serializable(&v))
        })
        .collect()
}
