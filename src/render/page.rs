//! One job, rendered: a [`Job`] comes in with the [`RenderCtx`]; its
//! [`Output`] (the HTML at the job's file) goes out, or the template's
//! error as a [`Diagnostic`].

use super::context::RenderCtx;
use super::data_page;
use super::jobs::{section_page_size, section_template, Job};
use super::templates::template_error;
use super::views::{self, TranslationView};
use crate::config::LangCode;
use crate::diagnostics::Diagnostic;
use crate::output::{Output, OutputData};
use crate::site::{Page, PageId};
use crate::urls::file_of;
use tera::Context;

impl RenderCtx<'_> {
    /// Renders one job: its own values, then what every page's head needs,
    /// then the template.
    pub(crate) fn render_job(&self, job: Job) -> Result<Output, Diagnostic> {
        let path = job.path(self.site);
        let (page_id, template, mut ctx) = self.job_context(job)?;
        if let Some(r) = self.recorder {
            r.begin(&file_of(&path), &template);
        }
        let page = &self.site.pages[page_id];
        self.insert_head(&mut ctx, job, page, &path);
        let html = self.run_template(&template, &ctx, page, &path)?;
        Ok(Output {
            path: file_of(&path),
            data: OutputData::Bytes(html.into_bytes()),
        })
    }

    /// The page the job belongs to, its template, and the values only this
    /// kind of job has (`page`, `section`, `paginator`, `terms`, `term`,
    /// `data`).
    fn job_context(&self, job: Job) -> Result<(PageId, String, Context), Diagnostic> {
        let site = self.site;
        let own_template = |p: &Page| site.source(p).and_then(|s| s.front.template.clone());
        Ok(match job {
            Job::Article(id) => {
                let p = &site.pages[id];
                let mut c = self.base_context(&p.lang);
                c.insert_value("page", self.with_content(id)?);
                let template = own_template(p).unwrap_or_else(|| "page.html".into());
                (id, template, c)
            }
            Job::Home(id) => {
                let p = &site.pages[id];
                let mut c = self.base_context(&p.lang);
                let page = self.with_content(id)?;
                c.insert_value("section", page.clone());
                c.insert_value("page", page);
                let template = own_template(p).unwrap_or_else(|| "index.html".into());
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
                c.insert_value("section", self.with_content(id)?);
                let template =
                    own_template(p).unwrap_or_else(|| section_template(self.templates, &name));
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
            Job::Data(home) => {
                let lang = &site.pages[home].lang;
                let mut c = self.base_context(lang);
                let data = (self.data_page)();
                c.insert("data", &data_page::view(site, &data, lang));
                (home, "data.html".into(), c)
            }
        })
    }

    /// What the page's `<head>` reads: translations and `x_default`, the
    /// source language's name, JSON-LD, the canonical and current URLs.
    fn insert_head(&self, ctx: &mut Context, job: Job, page: &Page, path: &str) {
        let site = self.site;
        let translations = self.translations(job, page);
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
        ctx.insert("jsonld", &self.json_ld(job, page));
        ctx.insert("canonical", &self.canonical(job, page, path));
        ctx.insert("current_url", &site.url(path));
    }

    /// The job's page in other languages. Tag pages link to the same tag
    /// where it exists; the tag list to the other languages' tag lists
    /// where they exist.
    fn translations(&self, job: Job, page: &Page) -> Vec<TranslationView<'_>> {
        let site = self.site;
        let members: Vec<PageId> = match job {
            Job::Terms(_) | Job::Term(..) | Job::NotFound(_) | Job::Data(_) => {
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
        } else if matches!(job, Job::Data(_)) {
            // Every language has its data page.
            for tr in &mut translations {
                let path = site.data_page_path(&LangCode(tr.lang.to_owned()));
                tr.url = site.url(&path);
                tr.permalink = site.permalink(&path);
            }
        } else if matches!(job, Job::Terms(_)) {
            // A language without tags has no tag list: the switcher links
            // its home instead, and no `hreflang` names a missing page.
            translations.retain(|tr| site.has_tag_pages(&LangCode(tr.lang.to_owned())));
            for tr in &mut translations {
                let path = site.terms_path(&LangCode(tr.lang.to_owned()));
                tr.url = site.url(&path);
                tr.permalink = site.permalink(&path);
            }
        }
        translations
    }

    /// Schema.org data: the page's own for content pages, the datasets on
    /// the open-data page, a plain web page named after the site for tag and
    /// not-found pages (and the data page without an origin).
    fn json_ld(&self, job: Job, page: &Page) -> serde_json::Value {
        let site_title = self
            .site_values
            .get(&page.lang)
            .and_then(|v| v.get_from_path("title"))
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let own = match job {
            Job::Article(_) | Job::Home(_) | Job::Section(..) => {
                Some(views::json_ld(self.site, page, &site_title))
            }
            Job::Data(_) => {
                data_page::json_ld(self.site, &(self.data_page)(), &page.lang, &site_title)
            }
            _ => None,
        };
        own.unwrap_or_else(|| {
            serde_json::json!({"@context": "https://schema.org", "@type": "WebPage", "name": site_title, "inLanguage": page.lang.as_str()})
        })
    }

    /// The job's own permalink, except that a fallback copy points search
    /// engines at the original.
    fn canonical(&self, job: Job, page: &Page, path: &str) -> String {
        let site = self.site;
        let is_list_of_page = matches!(job, Job::Article(_) | Job::Home(_) | Job::Section(_, 1));
        if page.is_fallback && is_list_of_page {
            site.source(page)
                .and_then(|s| {
                    site.translations(page)
                        .iter()
                        .find(|&&id| site.pages[id].lang == s.lang && !site.pages[id].is_fallback)
                })
                .map(|&id| site.permalink(&site.pages[id].path))
                .unwrap_or_else(|| site.permalink(path))
        } else {
            site.permalink(path)
        }
    }

    /// The HTML, or the template error on the template's file (on the
    /// article's own file when its `template:` names no template).
    fn run_template(
        &self,
        template: &str,
        ctx: &Context,
        page: &Page,
        path: &str,
    ) -> Result<String, Diagnostic> {
        self.tera.render(template, ctx).map_err(|e| {
            let mut d = template_error(self.templates, template, &e, Some(path));
            if !self.tera.contains_template(template) {
                d.message = format!("template `{template}` does not exist");
                d.hint = Some(format!(
                    "add templates/{template}, or fix `template:` in the front matter"
                ));
                if let Some(src) = self.site.source(page) {
                    d.file = Some(src.file.clone());
                }
            }
            d
        })
    }
}
