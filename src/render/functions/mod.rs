//! Template functions and filters: [`Shared`], built once per render, comes
//! in; Tera gets one type per function (`t`, `url`, `pages`, `events`,
//! `projects`, `asset`, `image`) and filter (`date`, `number`, `json`,
//! `slug`). Each reads the shared, immutable data and the page's `lang`
//! from the template context, and returns a value or an error the template
//! check reports; `image()` also sends the pictures it planned on to the
//! image pipeline ([`Shared::image_requests`]).

mod asset;
mod date;
mod events;
mod image;
mod json;
mod number;
mod pages;
mod projects;
mod slug;
mod t;
mod url;

use super::links::LinkTable;
use crate::i18n::Locales;
use crate::site::Site;
use crate::theme::StaticFiles;
use std::collections::HashMap;
use std::sync::Arc;
use tera::{Kwargs, State, Tera, TeraResult, Value};

/// Data the template functions read, shared by every render thread.
pub(crate) struct Shared {
    pub(crate) locales: Arc<Locales>,
    pub(crate) statics: Arc<StaticFiles>,
    pub(crate) base_path: String,
    pub(crate) lang_prefixes: HashMap<String, String>,
    /// The articles `pages()`, `events()` and `projects()` list.
    pub(crate) lists: super::lists::Lists,
    /// `@/` paths and their URLs.
    pub(crate) links: LinkTable,
    /// The image catalog, for `image()`.
    pub(crate) images: Arc<crate::images::Images>,
    /// Where `image()` sends the pictures it planned: Tera functions are
    /// shared by every render job and get only the template's plain values,
    /// so there is no per-job value to return them in. The render reads the
    /// receiving end once, after every job, and hands the pictures on to the
    /// image pipeline. Messages only flow forward; nothing is read back.
    pub(crate) image_requests: std::sync::mpsc::Sender<Arc<crate::images::Picture>>,
    /// The site folder.
    pub(crate) root: std::path::PathBuf,
    /// In `serve`: where the functions note what each page read (see
    /// [`super::used`]).
    pub(crate) recorder: Option<Arc<super::used::Recorder>>,
}

/// What `Shared` is built from besides the site.
pub(crate) struct Services {
    pub(crate) locales: Arc<Locales>,
    pub(crate) statics: Arc<StaticFiles>,
    pub(crate) links: LinkTable,
    pub(crate) images: Arc<crate::images::Images>,
    /// Where `image()` sends the pictures it planned.
    pub(crate) image_requests: std::sync::mpsc::Sender<Arc<crate::images::Picture>>,
    /// Where the functions note what each page read (`serve` only).
    pub(crate) recorder: Option<Arc<super::used::Recorder>>,
}

impl Shared {
    /// The data every template function reads, built once per render.
    pub(crate) fn new(site: &Arc<Site>, services: Services) -> Shared {
        let Services {
            locales,
            statics,
            links,
            images,
            image_requests,
            recorder,
        } = services;
        Shared {
            locales,
            statics,
            base_path: site.config.base_path.clone(),
            lang_prefixes: site
                .config
                .languages
                .iter()
                .map(|l| (l.code.to_string(), site.config.lang_prefix(&l.code)))
                .collect(),
            lists: super::lists::of_site(site),
            links,
            images,
            image_requests,
            root: site.config.root.clone(),
            recorder,
        }
    }
}

impl Shared {
    /// Notes that the page rendering now read `read` (in `serve`).
    fn note(&self, read: super::used::Read<'_>) {
        if let Some(r) = &self.recorder {
            r.read(read);
        }
    }
}

/// The language a function works in: its `lang=` argument, else the
/// page's.
fn current_lang(kwargs: &Kwargs, state: &State) -> TeraResult<String> {
    if let Some(l) = kwargs.get::<String>("lang")? {
        return Ok(l);
    }
    Ok(state.get::<String>("lang")?.unwrap_or_default())
}

/// Registers every function and filter name with a body that is never
/// called: enough for Tera to check templates before the site is resolved.
pub(crate) fn register_names(tera: &mut Tera) {
    for name in ["t", "url", "pages", "events", "projects", "asset", "image"] {
        tera.register_function(name, |_: Kwargs, _: &State| -> TeraResult<Value> {
            Ok(Value::none())
        });
    }
    for name in ["date", "number", "json", "slug"] {
        tera.register_filter(
            name,
            |v: Value, _: Kwargs, _: &State| -> TeraResult<Value> { Ok(v) },
        );
    }
}

/// Registers mekong's functions and filters.
pub(crate) fn register(tera: &mut Tera, shared: Arc<Shared>) {
    tera.register_function("t", t::Translate(shared.clone()));
    tera.register_function("url", url::Url(shared.clone()));
    tera.register_function("pages", pages::Pages(shared.clone()));
    tera.register_function("events", events::Events(shared.clone()));
    tera.register_filter("slug", slug::Slug);
    tera.register_function("projects", projects::Projects(shared.clone()));
    tera.register_function("asset", asset::Asset(shared.clone()));
    tera.register_function("image", image::Image(shared.clone()));
    tera.register_filter("date", date::DateFilter(shared.clone()));
    tera.register_filter("number", number::NumberFilter(shared));
    tera.register_filter("json", json::Json);
}

/// A small site's [`Shared`] data for the functions' tests: Vietnamese at
/// `/`, English at `/en/` falling back to Vietnamese, a few messages.
#[cfg(test)]
pub(crate) mod fixture {
    use super::*;
    use crate::config::{Config, ImagesConfig, LangCode};
    use crate::i18n::{Layer, LocaleFile};
    use std::path::{Path, PathBuf};
    use tera::Context;

    pub(crate) const SITE_YAML: &str = "title: T\nbase_url: https://example.org/portal/\ndefault_language: vi\nlanguages:\n  - { code: vi, name: Tiếng Việt }\n  - { code: en, name: English, fallback: [vi] }\n";

    pub(crate) fn config(root: &Path) -> Config {
        Config::parse(root, SITE_YAML).expect("valid site.yaml")
    }

    /// The shared data with these messages and lists; no static files.
    pub(crate) fn shared_with(messages: &[(&str, &str)]) -> Shared {
        shared_in(Path::new("/site"), messages, StaticFiles::default())
    }

    pub(crate) fn shared_in(
        root: &Path,
        messages: &[(&str, &str)],
        statics: StaticFiles,
    ) -> Shared {
        let config = config(root);
        let files = messages
            .iter()
            .map(|(lang, text)| LocaleFile {
                lang: LangCode((*lang).into()),
                layer: Layer::Site,
                file: PathBuf::from(format!("locales/{lang}/main.ftl")),
                text: (*text).into(),
            })
            .collect();
        let (locales, diags) = Locales::build(&config, files);
        assert!(diags.is_empty(), "{diags:?}");
        Shared {
            locales: Arc::new(locales),
            statics: Arc::new(statics),
            base_path: config.base_path.clone(),
            lang_prefixes: config
                .languages
                .iter()
                .map(|l| (l.code.to_string(), config.lang_prefix(&l.code)))
                .collect(),
            lists: super::super::lists::Lists::new(Box::new(|_| Value::none())),
            links: LinkTable::from_parts(HashMap::new(), Vec::new(), HashMap::new()),
            images: Arc::new(crate::images::Images::new(&ImagesConfig::default(), root)),
            // Nobody reads the requests in these tests.
            image_requests: std::sync::mpsc::channel().0,
            root: root.to_path_buf(),
            recorder: None,
        }
    }

    /// A list item as templates see it: only the fields a test needs.
    pub(crate) fn item(title: &str, date: &str, weight: i64) -> Value {
        Value::from_serializable(&serde_json::json!({
            "title": title, "date": date, "weight": weight,
        }))
    }

    /// Lists whose page `PageId::new(i)` shows as `items[i]`.
    pub(crate) fn lists_of(items: Vec<Value>) -> super::super::lists::Lists {
        super::super::lists::Lists::new(Box::new(move |id| items[id.index()].clone()))
    }

    /// The ids of pages `from..to` of [`lists_of`].
    pub(crate) fn ids(range: std::ops::Range<usize>) -> Vec<crate::site::PageId> {
        range.map(crate::site::PageId::new).collect()
    }

    /// Renders `template` for a page in `lang` with the real functions.
    pub(crate) fn render(shared: Shared, lang: &str, template: &str) -> TeraResult<String> {
        let mut tera = Tera::new();
        register(&mut tera, Arc::new(shared));
        let mut ctx = Context::new();
        ctx.insert("lang", lang);
        tera.render_str(template, &ctx, false)
    }

    /// The error text of a render that must fail, with its causes.
    pub(crate) fn error_of(result: TeraResult<String>) -> String {
        let e = result.expect_err("the template must fail");
        let mut text = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(s) = source {
            text.push_str(&format!(" / {s}"));
            source = s.source();
        }
        text
    }
}
