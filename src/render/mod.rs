//! Render: [`Site`] → `Vec<Output>`. Templates are compiled once; every
//! page's view is built once; then all pages render in parallel over that
//! immutable data, each job returning its bytes or a diagnostic.

mod functions;
pub mod views;

use crate::config::LangCode;
use crate::content::Kind;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::{Layer, Locales};
use crate::output::{Output, OutputData, Record, Sink};
use crate::site::{PageId, Site};
use crate::theme::{StaticFiles, Template};
use crate::urls::{file_of, pager_path};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use tera::{Context, Tera, Value};

/// Data the template functions read, shared by every render thread.
pub(crate) struct Shared {
    pub(crate) locales: Arc<Locales>,
    pub(crate) statics: Arc<StaticFiles>,
    pub(crate) base_path: String,
    pub(crate) origin: String,
    pub(crate) lang_prefixes: HashMap<String, String>,
    /// Articles per (section, lang), in the section's order.
    pub(crate) lists: HashMap<(String, String), Vec<Value>>,
    /// Every article per lang, newest first.
    pub(crate) all: HashMap<String, Vec<Value>>,
    /// Articles with an `event:` block per lang, by start date.
    pub(crate) events: HashMap<String, Vec<Value>>,
    /// Articles with a `project:` block per lang, with the values to filter them by.
    pub(crate) projects: HashMap<String, Value>,
    /// `@/` paths and their URLs.
    pub(crate) links: Arc<LinkTable>,
    /// The image pipeline, for `image()`.
    pub(crate) images: Arc<crate::images::Images>,
    /// The site folder.
    pub(crate) root: std::path::PathBuf,
}

/// `@/` paths and the URLs of their translations, for `url(path="@/...")`.
/// Built once per set of URLs: `serve` keeps it while no URL changes.
pub struct LinkTable {
    signature: blake3::Hash,
    index: HashMap<String, usize>,
    /// Per translation group: (language, URL).
    groups: Vec<Vec<(LangCode, String)>>,
    chains: HashMap<String, Vec<LangCode>>,
}

impl LinkTable {
    fn build(site: &Site, signature: blake3::Hash) -> LinkTable {
        LinkTable {
            signature,
            index: site.link_index.clone(),
            groups: site
                .groups
                .iter()
                .map(|g| {
                    g.iter()
                        .map(|&id| (site.pages[id].lang.clone(), site.url(&site.pages[id].path)))
                        .collect()
                })
                .collect(),
            chains: site
                .chains
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        }
    }

    /// The URL of `@/path` for a page in `lang`: that language, its
    /// fallbacks, or any translation.
    pub(crate) fn url(&self, path: &str, lang: &str) -> Option<&str> {
        let members = self
            .groups
            .get(*self.index.get(path.trim_start_matches('/'))?)?;
        let chain = self.chains.get(lang).map(Vec::as_slice).unwrap_or(&[]);
        chain
            .iter()
            .find_map(|l| members.iter().find(|(m, _)| m == l))
            .or_else(|| members.first())
            .map(|(_, u)| u.as_str())
    }
}

/// A unit of template work.
#[derive(Debug, Clone, Copy)]
enum Job {
    /// An article.
    Article(PageId),
    /// A home page.
    Home(PageId),
    /// Page `n` of a section.
    Section(PageId, usize),
    /// The tag list of a language.
    Terms(PageId),
    /// Page `n` of a tag, by index in `site.terms[lang]`.
    Term(PageId, usize, usize),
    /// The not-found page of a language (its home page id).
    NotFound(PageId),
}

/// The template of a section: `SECTION.html`, else `section.html`, the
/// site's own before the theme's. A theme's `investment.html` must not win
/// over a site's own `section.html`: it would extend the site's `base.html`,
/// whose blocks the theme cannot know.
fn section_template(templates: &[Template], section: &str) -> String {
    let own = format!("{section}.html");
    let find =
        |name: &str, layer: Layer| templates.iter().any(|t| t.name == name && t.layer == layer);
    let chosen = [
        (own.as_str(), Layer::Site),
        ("section.html", Layer::Site),
        (own.as_str(), Layer::Theme),
    ]
    .into_iter()
    .find(|(name, layer)| find(name, *layer))
    .map_or("section.html", |(name, _)| name);
    chosen.to_owned()
}

/// The page a job belongs to (for its language).
fn job_page(job: Job) -> PageId {
    match job {
        Job::Article(id)
        | Job::Home(id)
        | Job::Section(id, _)
        | Job::Terms(id)
        | Job::Term(id, _, _)
        | Job::NotFound(id) => id,
    }
}

/// The URL path a job writes (its file is [`file_of`] it).
fn job_path(site: &Site, job: Job) -> String {
    let prefix = |id: PageId| site.config.lang_prefix(&site.pages[id].lang);
    match job {
        Job::Article(id) | Job::Home(id) => site.pages[id].path.clone(),
        Job::Section(id, n) => pager_path(&site.pages[id].path, n),
        Job::Terms(home) => site.terms_path(&site.pages[home].lang),
        Job::Term(home, t, n) => {
            let term = &site.terms[&site.pages[home].lang][t];
            pager_path(&site.term_path(&site.pages[home].lang, &term.slug), n)
        }
        Job::NotFound(home) => format!("{}404.html", prefix(home)),
    }
}

/// Checks every template: syntax, inheritance, and that every function and
/// filter it calls exists. All errors are reported, one per template.
pub fn check_templates(templates: &[Template]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let mut remaining: Vec<&Template> = templates.iter().collect();
    // Tera stops at the first bad template: drop it and try again, so that
    // every broken template is reported in one run.
    for _ in 0..=templates.len() {
        let mut tera = Tera::new();
        functions::register_names(&mut tera);
        match tera.add_raw_templates(remaining.iter().map(|t| (t.name.as_str(), t.text.as_str()))) {
            Ok(()) => break,
            Err(e) => {
                let d = template_error(templates, "", &e, None);
                let culprit = locate_tera_error(&e.to_string())
                    .map(|(name, _, _)| name)
                    .or_else(|| missing_parent_of(&e));
                diags.push(d);
                match culprit {
                    Some(name) if remaining.iter().any(|t| t.name == name) => {
                        remaining.retain(|t| t.name != name)
                    }
                    _ => break,
                }
            }
        }
    }
    diags
}

fn missing_parent_of(e: &tera::Error) -> Option<String> {
    match e.kind() {
        tera::ErrorKind::MissingParent { current, .. } => Some(current.clone()),
        tera::ErrorKind::CircularExtend { tpl, .. } => Some(tpl.clone()),
        _ => None,
    }
}

fn template_error(
    templates: &[Template],
    name: &str,
    e: &tera::Error,
    page: Option<&str>,
) -> Diagnostic {
    let report = e.to_string();
    let located = locate_tera_error(&report);
    let name = located.as_ref().map_or(name, |(n, _, _)| n.as_str());
    let template = templates.iter().find(|t| t.name == name);
    let file = template
        .map(|t| t.file.clone())
        .unwrap_or_else(|| PathBuf::from(format!("templates/{name}")));
    let first = report.lines().next().unwrap_or("template error");
    let message = first.strip_prefix("error: ").unwrap_or(first).trim();
    let mut d = Diagnostic::error(file, format!("template error: {message}"));
    if let Some((_, line, col)) = located {
        d = d.at(line, col);
        if let Some(t) = template {
            d = d.with_source(&t.text);
        }
    }
    let lower = message.to_lowercase();
    let hint = if lower.contains("function")
        && (lower.contains("not found") || lower.contains("unknown"))
    {
        "mekong's functions are t(), url(), pages(), events(), projects() and asset(); check the spelling"
            .to_string()
    } else if lower.contains("filter") && (lower.contains("not found") || lower.contains("unknown"))
    {
        "mekong adds the filters date(), number() and json; check the spelling".to_string()
    } else {
        match page {
            Some(p) => {
                format!("this happened while rendering {p}; check the template near this line")
            }
            None => {
                "check the template syntax near this line: {{ ... }} for values, {% ... %} for tags"
                    .into()
            }
        }
    };
    d.hint(hint)
}

/// Tera's report names the template and place as `--> name:line:col`.
fn locate_tera_error(report: &str) -> Option<(String, usize, usize)> {
    let loc = report
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = loc.rsplitn(3, ':');
    let col = parts.next()?.trim().parse().ok()?;
    let line = parts.next()?.trim().parse().ok()?;
    let name = parts.next()?.to_owned();
    Some((name, line, col))
}

/// Renders every page of the site with the compiled templates.
/// Template views kept between builds by `serve`, keyed by URL path: a
/// page whose source and rendered Markdown are the very same shared values
/// keeps its view.
#[derive(Default)]
pub struct ValueCache {
    entries: HashMap<
        String,
        (
            Arc<crate::content::SourcePage>,
            Arc<crate::markdown::Rendered>,
            Value,
        ),
    >,
}

/// What to render: everything, or what a change touched (for `serve`).
pub enum Scope<'a> {
    /// Every page.
    All,
    /// Pages whose view changed, their translations' pages, and the lists,
    /// tags and homes that show them; `previous` is the site before the change.
    Changed {
        /// The site before the change.
        previous: &'a Site,
    },
    /// Every page of these languages (their messages changed).
    Languages(&'a HashSet<LangCode>),
}

/// Everything [`render`] needs.
pub struct Request<'a> {
    /// The resolved site.
    pub site: &'a Site,
    /// Templates, site over theme.
    pub templates: &'a [Template],
    /// Fluent bundles.
    pub locales: Arc<Locales>,
    /// Static files (for `asset()`).
    pub statics: Arc<StaticFiles>,
    /// The image pipeline (for `image()`).
    pub images: Arc<crate::images::Images>,
    /// Show a progress bar on a terminal.
    pub progress: bool,
    /// Where outputs go.
    pub sink: &'a dyn Sink,
    /// What to render.
    pub scope: Scope<'a>,
    /// Views of the previous build; updated with this build's.
    pub cache: &'a mut ValueCache,
    /// The link table of the previous build, reused if no URL changed.
    pub links: Option<Arc<LinkTable>>,
    /// Whether to list every page file ([`Rendered::page_files`]); not
    /// needed when the site's structure is known to be unchanged.
    pub list_page_files: bool,
}

/// Renders the site's pages with the templates; returns what the sink
/// took, the problems, and the views for the next build.
pub fn render(req: Request<'_>) -> Rendered {
    let Request {
        site,
        templates,
        locales,
        statics,
        images,
        progress,
        sink,
        scope,
        cache,
        links,
        list_page_files,
    } = req;
    let mut diags = Diagnostics::new();
    // Views, built once per build, and not at all for unchanged pages in `serve`.
    let views: Vec<(Value, bool)> = site
        .pages
        .par_iter()
        .map(|p| {
            let cached = cache.entries.get(&p.path);
            if let (Some((src, rendered, value)), Some(s)) = (cached, p.source) {
                if Arc::ptr_eq(src, &site.sources[s]) && Arc::ptr_eq(rendered, &p.rendered) {
                    return (value.clone(), false);
                }
            }
            (Value::from_serializable(&views::page_view(site, p)), true)
        })
        .collect();
    let changed: Vec<bool> = views.iter().map(|(_, c)| *c).collect();
    let page_values: Vec<Value> = views.into_iter().map(|(v, _)| v).collect();
    // Remember the views for the next build: all of them after a full
    // render, only the new ones after a partial one.
    let full = matches!(scope, Scope::All);
    if full {
        cache.entries.clear();
    }
    for ((p, v), fresh) in site.pages.iter().zip(&page_values).zip(&changed) {
        if let (Some(s), true) = (p.source, full || *fresh) {
            cache.entries.insert(
                p.path.clone(),
                (site.sources[s].clone(), p.rendered.clone(), v.clone()),
            );
        }
    }
    let (affected, only_langs) = match scope {
        Scope::All => (None, None),
        Scope::Changed { previous } => (Some(Affected::compute(site, previous, &changed)), None),
        Scope::Languages(langs) => (None, Some(langs)),
    };
    let mut lists = HashMap::new();
    for ((name, lang), (_, members)) in &site.sections {
        lists.insert(
            (name.clone(), lang.to_string()),
            members
                .iter()
                .map(|&i| page_values[i.index()].clone())
                .collect(),
        );
    }
    let all = site
        .by_date
        .iter()
        .map(|(l, ids)| {
            (
                l.to_string(),
                ids.iter()
                    .map(|&i| page_values[i.index()].clone())
                    .collect(),
            )
        })
        .collect();
    let projects = site
        .by_date
        .iter()
        .map(|(l, ids)| {
            let with_project: Vec<PageId> = ids
                .iter()
                .copied()
                .filter(|&i| {
                    site.source(&site.pages[i])
                        .is_some_and(|s| s.front.project.is_some())
                })
                .collect();
            let facet =
                |f: &dyn Fn(&crate::content::front_matter::Project) -> String| -> Vec<String> {
                    let set: std::collections::BTreeSet<String> = with_project
                        .iter()
                        .filter_map(|&i| site.source(&site.pages[i])?.front.project.as_ref().map(f))
                        .collect();
                    set.into_iter().collect()
                };
            let statuses = facet(&|p| {
                serde_json::to_value(p.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default()
            });
            let facets = serde_json::json!({
                "sectors": facet(&|p| p.sector.clone()),
                "statuses": statuses,
                "locations": facet(&|p| p.location.clone()),
            });
            let mut map = Value::from_serializable(&facets)
                .into_map()
                .unwrap_or_default();
            map.insert(
                "items".into(),
                Value::from(
                    with_project
                        .iter()
                        .map(|&i| page_values[i.index()].clone())
                        .collect::<Vec<_>>(),
                ),
            );
            (l.to_string(), Value::from(map))
        })
        .collect();
    let events = site
        .by_date
        .iter()
        .map(|(l, ids)| {
            let mut with_event: Vec<(crate::content::front_matter::Date, &str, PageId)> = ids
                .iter()
                .filter_map(|&i| {
                    site.source(&site.pages[i])
                        .and_then(|s| s.front.event.as_ref())
                        .map(|e| (e.start, site.pages[i].path.as_str(), i))
                })
                .collect();
            with_event.sort();
            (
                l.to_string(),
                with_event
                    .into_iter()
                    .map(|(_, _, i)| page_values[i.index()].clone())
                    .collect(),
            )
        })
        .collect();
    let signature = crate::site::link_signature(site);
    let links = match links {
        Some(table) if table.signature == signature => table,
        _ => Arc::new(LinkTable::build(site, signature)),
    };
    let shared = Arc::new(Shared {
        locales: locales.clone(),
        statics,
        base_path: site.config.base_path.clone(),
        origin: site.config.origin.clone(),
        lang_prefixes: site
            .config
            .languages
            .iter()
            .map(|l| (l.code.to_string(), site.config.lang_prefix(&l.code)))
            .collect(),
        lists,
        all,
        events,
        projects,
        links: links.clone(),
        images: images.clone(),
        root: site.config.root.clone(),
    });
    let mut tera = Tera::new();
    functions::register(&mut tera, shared);
    if let Err(e) =
        tera.add_raw_templates(templates.iter().map(|t| (t.name.as_str(), t.text.as_str())))
    {
        diags.push(template_error(templates, "", &e, None));
        return Rendered {
            records: Vec::new(),
            diagnostics: diags,
            links,
            affected: None,
            page_files: HashSet::new(),
        };
    }

    let site_values: BTreeMap<&LangCode, Value> = site
        .config
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
            let v = serde_json::json!({
                "sections": sections,
                "title": title,
                "base_url": format!("{}{}", site.config.origin, site.config.base_path),
                "base_path": site.config.base_path,
                "default_language": site.config.default_language,
                "languages": langs,
                "feeds": site.config.feeds,
                "search": site.config.search,
                "extra": site.config.extra,
            });
            (&l.code, Value::from_serializable(&v))
        })
        .collect();

    let mut jobs = Vec::new();
    for (id, p) in site.pages_with_ids() {
        match p.kind {
            Kind::Article => jobs.push(Job::Article(id)),
            Kind::Home => {
                jobs.push(Job::Home(id));
                jobs.push(Job::NotFound(id));
                if site.terms.contains_key(&p.lang) {
                    jobs.push(Job::Terms(id));
                    for (t, term) in site.terms[&p.lang].iter().enumerate() {
                        for n in 1..=pages_needed(term.pages.len(), site.config.paginate_by) {
                            jobs.push(Job::Term(id, t, n));
                        }
                    }
                }
            }
            Kind::Section => {
                let members = site
                    .sections
                    .get(&(p.section.clone().unwrap_or_default(), p.lang.clone()))
                    .map_or(0, |(_, m)| m.len());
                let per = section_page_size(site, id);
                for n in 1..=pages_needed(members, per) {
                    jobs.push(Job::Section(id, n));
                }
            }
        }
    }

    // Every page file a full render writes: `serve` removes the others.
    let page_files: HashSet<String> = if list_page_files {
        jobs.iter().map(|j| file_of(&job_path(site, *j))).collect()
    } else {
        HashSet::new()
    };
    if let Some(a) = &affected {
        jobs.retain(|job| a.wants(site, *job));
    }
    if let Some(langs) = only_langs {
        jobs.retain(|job| langs.contains(&site.pages[job_page(*job)].lang));
    }
    let bar = progress_bar(progress && jobs.len() > 2000, jobs.len() as u64);
    let ctx = RenderCtx {
        site,
        tera: &tera,
        templates,
        page_values: &page_values,
        site_values: &site_values,
    };
    // Servers look for /404.html: when the default language lives in a
    // folder, its not-found page is written there too.
    let root_404 = site
        .config
        .default_language_in_subdir
        .then(|| site.homes[&site.config.default_language]);
    let results: Vec<Result<Vec<Record>, Diagnostic>> = jobs
        .par_iter()
        .map(|job| {
            let output = ctx.render_job(*job)?;
            let mut records = vec![sink.put(&output)?];
            if let (Job::NotFound(home), Some(default)) = (job, root_404) {
                if *home == default {
                    records.push(sink.put(&Output {
                        path: "404.html".into(),
                        data: output.data,
                    })?);
                }
            }
            if let Some(b) = &bar {
                b.inc(1);
            }
            Ok(records)
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut records = Vec::with_capacity(results.len());
    // The same template error on every page is one problem: report it once.
    let mut seen: HashMap<(Option<PathBuf>, Option<usize>, String), usize> = HashMap::new();
    for r in results {
        match r {
            Ok(r) => records.extend(r),
            Err(d) => {
                let key = (d.file.clone(), d.line, d.message.clone());
                let n = seen.entry(key).or_insert(0);
                *n += 1;
                if *n == 1 {
                    diags.push(d);
                }
            }
        }
    }
    Rendered {
        records,
        diagnostics: diags,
        links,
        affected,
        page_files,
    }
}

/// What [`render`] gives back.
pub struct Rendered {
    /// What the sink took.
    pub records: Vec<Record>,
    /// Problems.
    pub diagnostics: Diagnostics,
    /// The link table for the next build.
    pub links: Arc<LinkTable>,
    /// With [`Scope::Changed`]: what the change touched.
    pub affected: Option<Affected>,
    /// Every page file of the site, rendered now or not.
    pub page_files: HashSet<String>,
}

/// Which pages of a paginated list need rendering again.
#[derive(Debug, Default, Clone)]
struct PageSet {
    /// Every page from this one on (the order changed from here).
    from: Option<usize>,
    /// Single pages holding a changed item.
    pages: HashSet<usize>,
}

impl PageSet {
    /// Compares a list before and after: items moved → everything from the
    /// first difference on; items changed in place → the pages holding them.
    fn of(
        before: Option<Vec<&str>>,
        after: &[PageId],
        site: &Site,
        changed: &[bool],
        per: usize,
    ) -> Option<PageSet> {
        let per = per.max(1);
        let now: Vec<&str> = after.iter().map(|&i| site.pages[i].path.as_str()).collect();
        let mut set = PageSet::default();
        match before {
            None => set.from = Some(1),
            Some(b) if b != now => {
                let d = b
                    .iter()
                    .zip(&now)
                    .position(|(x, y)| x != y)
                    .unwrap_or(b.len().min(now.len()));
                set.from = Some(d / per + 1);
            }
            Some(_) => {}
        }
        for (i, &id) in after.iter().enumerate() {
            if changed[id.index()] {
                set.pages.insert(i / per + 1);
            }
        }
        (set.from.is_some() || !set.pages.is_empty()).then_some(set)
    }

    /// A list whose order did not change: the pages holding changed items.
    fn in_place(items: &[PageId], changed: &[bool], per: usize) -> Option<PageSet> {
        let per = per.max(1);
        let pages: HashSet<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, &id)| changed[id.index()])
            .map(|(i, _)| i / per + 1)
            .collect();
        (!pages.is_empty()).then_some(PageSet { from: None, pages })
    }

    fn wants(&self, n: usize) -> bool {
        self.from.is_some_and(|f| n >= f) || self.pages.contains(&n)
    }
}

/// What a content change touched, for `serve`'s partial re-render.
pub struct Affected {
    /// Pages whose view changed.
    pages: Vec<bool>,
    /// Translation groups with a changed page.
    groups: HashSet<usize>,
    /// Languages with a changed page or list.
    pub langs: HashSet<LangCode>,
    /// Section list pages to render again.
    sections: HashMap<(String, LangCode), PageSet>,
    /// Tag pages to render again.
    tags: HashMap<(LangCode, String), PageSet>,
    /// Whether some URL or date changed (the sitemap needs writing).
    pub sitemap: bool,
    /// Whether a changed page carries data for the exports or the search index.
    pub data: bool,
}

impl Affected {
    /// Whether the page's view changed (and it was rendered again).
    pub fn page(&self, id: usize) -> bool {
        self.pages.get(id).copied().unwrap_or(false)
    }

    fn compute(site: &Site, previous: &Site, changed: &[bool]) -> Affected {
        let mut a = Affected {
            pages: changed.to_vec(),
            groups: HashSet::new(),
            langs: HashSet::new(),
            sections: HashMap::new(),
            tags: HashMap::new(),
            sitemap: false,
            data: false,
        };
        for (i, p) in site.pages.iter().enumerate() {
            if changed[i] {
                a.groups.insert(p.group);
                a.langs.insert(p.lang.clone());
                let front = site.source(p).map(|s| &s.front);
                a.data |= site.config.search
                    || front.is_some_and(|f| f.project.is_some() || f.event.is_some());
            }
        }
        if std::ptr::eq(site, previous) {
            // Updated in place: every list keeps its order; only the pages
            // that hold a changed item are affected.
            for (key, (section, members)) in &site.sections {
                if let Some(set) =
                    PageSet::in_place(members, changed, section_page_size(site, *section))
                {
                    a.sections.insert(key.clone(), set);
                }
            }
            for (lang, terms) in &site.terms {
                for term in terms {
                    if let Some(set) =
                        PageSet::in_place(&term.pages, changed, site.config.paginate_by)
                    {
                        a.tags.insert((lang.clone(), term.slug.clone()), set);
                    }
                }
            }
            return a;
        }
        let before: HashMap<&str, &crate::site::Page> = previous
            .pages
            .iter()
            .map(|p| (p.path.as_str(), p))
            .collect();
        let lastmod = |s: &Site, p: &crate::site::Page| {
            s.source(p)
                .and_then(|src| src.front.updated.or(src.front.date))
        };
        for (i, p) in site.pages.iter().enumerate() {
            let same_date = before
                .get(p.path.as_str())
                .is_some_and(|old| lastmod(previous, old) == lastmod(site, p));
            if changed[i] && !same_date {
                a.sitemap = true;
            }
        }
        if site.pages.len() != previous.pages.len() {
            a.sitemap = true;
        }
        // The structure changed: exports may have gained or lost entries.
        a.data = true;
        let paths = |s: &'_ Site, ids: &[PageId]| -> Vec<String> {
            ids.iter().map(|&i| s.pages[i].path.clone()).collect()
        };
        for (key, (section, members)) in &site.sections {
            let old = previous.sections.get(key).map(|(_, m)| paths(previous, m));
            let old_refs = old.as_ref().map(|v| v.iter().map(String::as_str).collect());
            if let Some(set) = PageSet::of(
                old_refs,
                members,
                site,
                changed,
                section_page_size(site, *section),
            ) {
                a.langs.insert(key.1.clone());
                a.sections.insert(key.clone(), set);
            }
        }
        for (lang, terms) in &site.terms {
            let old_terms: HashMap<&str, &crate::site::Term> = previous
                .terms
                .get(lang)
                .map(|ts| ts.iter().map(|t| (t.slug.as_str(), t)).collect())
                .unwrap_or_default();
            for term in terms {
                let old = old_terms
                    .get(term.slug.as_str())
                    .map(|t| paths(previous, &t.pages));
                let old_refs = old.as_ref().map(|v| v.iter().map(String::as_str).collect());
                if let Some(set) = PageSet::of(
                    old_refs,
                    &term.pages,
                    site,
                    changed,
                    site.config.paginate_by,
                ) {
                    a.tags.insert((lang.clone(), term.slug.clone()), set);
                }
            }
        }
        a
    }

    /// Whether a section's list (and so its feed) changed.
    pub fn touches_section(&self, key: &(String, LangCode)) -> bool {
        self.sections.contains_key(key)
    }

    fn wants(&self, site: &Site, job: Job) -> bool {
        match job {
            Job::Article(id) => {
                self.pages[id.index()] || self.groups.contains(&site.pages[id].group)
            }
            Job::Home(id) => self.langs.contains(&site.pages[id].lang) || self.pages[id.index()],
            Job::Section(id, n) => {
                let p = &site.pages[id];
                self.pages[id.index()]
                    || self
                        .sections
                        .get(&(p.section.clone().unwrap_or_default(), p.lang.clone()))
                        .is_some_and(|s| s.wants(n))
            }
            Job::Terms(id) => self
                .tags
                .iter()
                .any(|((l, _), set)| *l == site.pages[id].lang && set.from.is_some()),
            Job::Term(id, t, n) => {
                let lang = &site.pages[id].lang;
                self.tags
                    .get(&(lang.clone(), site.terms[lang][t].slug.clone()))
                    .is_some_and(|s| s.wants(n))
            }
            Job::NotFound(_) => false,
        }
    }
}

fn progress_bar(show: bool, len: u64) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !show || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} rendering {pos}/{len} pages {wide_bar} {eta}",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}

fn pages_needed(items: usize, per: usize) -> usize {
    items.div_ceil(per.max(1)).max(1)
}

fn section_page_size(site: &Site, section: PageId) -> usize {
    site.source(&site.pages[section])
        .and_then(|s| s.front.paginate_by)
        .unwrap_or(site.config.paginate_by)
}

fn language_view<'a>(site: &'a Site, code: &'a LangCode) -> views::LanguageView<'a> {
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

struct RenderCtx<'a> {
    site: &'a Site,
    tera: &'a Tera,
    templates: &'a [Template],
    page_values: &'a [Value],
    site_values: &'a BTreeMap<&'a LangCode, Value>,
}

impl RenderCtx<'_> {
    /// The page's view with its HTML body as `content`.
    fn with_content(&self, id: PageId) -> Value {
        let mut map = self.page_values[id.index()]
            .as_map()
            .cloned()
            .unwrap_or_default();
        map.insert(
            "content".into(),
            Value::from(self.site.pages[id].rendered.html.as_str()),
        );
        Value::from(map)
    }

    fn base_context(&self, lang: &LangCode) -> Context {
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

    fn paginator(&self, items: &[PageId], per: usize, n: usize, base: &str) -> (Value, usize) {
        let total = pages_needed(items.len(), per);
        let start = ((n - 1) * per).min(items.len());
        let end = (start + per).min(items.len());
        let pages: Vec<Value> = items[start..end]
            .iter()
            .map(|&i| self.page_values[i.index()].clone())
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

    fn render_job(&self, job: Job) -> Result<Output, Diagnostic> {
        let site = self.site;
        let path = job_path(site, job);
        let (page_id, template, ctx) = match job {
            Job::Article(id) => {
                let p = &site.pages[id];
                let mut c = self.base_context(&p.lang);
                c.insert_value("page", self.with_content(id));
                let template = site
                    .source(p)
                    .and_then(|s| s.front.template.clone())
                    .unwrap_or_else(|| "page.html".into());
                (id, template, c)
            }
            Job::Home(id) => {
                let p = &site.pages[id];
                let mut c = self.base_context(&p.lang);
                c.insert_value("section", self.with_content(id));
                c.insert_value("page", self.with_content(id));
                let template = site
                    .source(p)
                    .and_then(|s| s.front.template.clone())
                    .unwrap_or_else(|| "index.html".into());
                (id, template, c)
            }
            Job::Section(id, n) => {
                let p = &site.pages[id];
                let name = p.section.clone().unwrap_or_default();
                let members = site
                    .sections
                    .get(&(name.clone(), p.lang.clone()))
                    .map(|(_, m)| m.as_slice())
                    .unwrap_or(&[]);
                let mut c = self.base_context(&p.lang);
                let (paginator, _) =
                    self.paginator(members, section_page_size(site, id), n, &p.path);
                c.insert_value("paginator", paginator);
                c.insert_value("section", self.with_content(id));
                let template = site
                    .source(p)
                    .and_then(|s| s.front.template.clone())
                    .unwrap_or_else(|| section_template(self.templates, &name));
                (id, template, c)
            }
            Job::Terms(home) => {
                let lang = &site.pages[home].lang;
                let mut c = self.base_context(lang);
                let terms: Vec<serde_json::Value> = site.terms[lang]
                    .iter()
                    .map(|t| serde_json::json!({"name": t.name, "slug": t.slug, "count": t.pages.len(), "url": site.url(&site.term_path(lang, &t.slug))}))
                    .collect();
                c.insert("terms", &terms);
                (home, "terms.html".into(), c)
            }
            Job::Term(home, t, n) => {
                let lang = &site.pages[home].lang;
                let term = &site.terms[lang][t];
                let term_path = site.term_path(lang, &term.slug);
                let mut c = self.base_context(lang);
                let (paginator, _) =
                    self.paginator(&term.pages, site.config.paginate_by, n, &term_path);
                c.insert_value("paginator", paginator);
                c.insert("term", &serde_json::json!({"name": term.name, "slug": term.slug, "count": term.pages.len(), "url": site.url(&term_path)}));
                (home, "term.html".into(), c)
            }
            Job::NotFound(home) => {
                let lang = &site.pages[home].lang;
                let c = self.base_context(lang);
                (home, "404.html".into(), c)
            }
        };
        let mut ctx = ctx;
        let page = &site.pages[page_id];
        let is_list_of_page = matches!(job, Job::Article(_) | Job::Home(_) | Job::Section(_, 1));
        let members: Vec<PageId> = match job {
            Job::Terms(_) | Job::Term(..) | Job::NotFound(_) => {
                site.homes.values().copied().collect()
            }
            _ => site.translations(page).to_vec(),
        };
        let mut translations = views::translations(site, &members, &page.lang);
        if let Job::Term(_, t, _) = job {
            // A tag exists in the languages whose articles use it.
            let slug = &site.terms[&page.lang][t].slug;
            translations.retain(|tr| {
                site.terms
                    .get(&LangCode(tr.lang.to_owned()))
                    .is_some_and(|ts| ts.iter().any(|x| &x.slug == slug))
            });
            for tr in &mut translations {
                let path = site.term_path(&LangCode(tr.lang.to_owned()), slug);
                tr.url = site.url(&path);
                tr.permalink = site.permalink(&path);
            }
        } else if matches!(job, Job::Terms(_)) {
            for tr in &mut translations {
                let path = site.terms_path(&LangCode(tr.lang.to_owned()));
                tr.url = site.url(&path);
                tr.permalink = site.permalink(&path);
            }
        }
        let x_default = translations
            .iter()
            .filter(|t| !t.is_fallback)
            .find(|t| t.lang == site.config.default_language.as_str())
            .or_else(|| translations.iter().find(|t| !t.is_fallback))
            .map(|t| t.permalink.clone());
        ctx.insert("x_default", &x_default);
        ctx.insert("translations", &translations);
        let source_lang = site.source(page).map_or(&page.lang, |s| &s.lang);
        let source_name = site
            .config
            .language(source_lang.as_str())
            .map_or(source_lang.as_str(), |l| l.name.as_str());
        ctx.insert("source_language_name", source_name);
        let site_title = self
            .site_values
            .get(&page.lang)
            .and_then(|v| v.get_from_path("title"))
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let jsonld = match job {
            Job::Article(_) | Job::Home(_) | Job::Section(..) => {
                views::json_ld(site, page, &site_title)
            }
            _ => {
                serde_json::json!({"@context": "https://schema.org", "@type": "WebPage", "name": site_title, "inLanguage": page.lang.as_str()})
            }
        };
        ctx.insert("jsonld", &jsonld);
        // A fallback copy points search engines at the original.
        let canonical = if page.is_fallback && is_list_of_page {
            site.source(page)
                .and_then(|s| {
                    site.translations(page)
                        .iter()
                        .find(|&&id| site.pages[id].lang == s.lang && !site.pages[id].is_fallback)
                })
                .map(|&id| site.permalink(&site.pages[id].path))
                .unwrap_or_else(|| site.permalink(&path))
        } else {
            site.permalink(&path)
        };
        ctx.insert("canonical", &canonical);
        ctx.insert("current_url", &site.url(&path));
        let html = self.tera.render(&template, &ctx).map_err(|e| {
            let mut d = template_error(self.templates, &template, &e, Some(&path));
            if !self.tera.contains_template(&template) {
                d.message = format!("template `{template}` does not exist");
                d.hint = Some(format!(
                    "add templates/{template}, or fix `template:` in the front matter"
                ));
                if let Some(src) = site.source(page) {
                    d.file = Some(src.file.clone());
                }
            }
            d
        })?;
        Ok(Output {
            path: file_of(&path),
            data: OutputData::Bytes(html.into_bytes()),
        })
    }
}
