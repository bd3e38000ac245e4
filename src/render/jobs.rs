//! Job planning: the [`Site`] comes in; the list of [`Job`]s a full render
//! runs goes out, one per page file (an article, a home, page `n` of a
//! section or tag, the tag list, the not-found page, the open-data page),
//! with the URL path and
//! template each one uses.

use crate::content::Kind;
use crate::i18n::Layer;
use crate::site::{PageId, Site};
use crate::theme::Template;
use crate::urls::pager_path;

/// A unit of template work.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Job {
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
    /// The open-data page of a language (its home page id).
    Data(PageId),
}

impl Job {
    /// The page a job belongs to (for its language).
    pub(crate) fn page(self) -> PageId {
        match self {
            Job::Article(id)
            | Job::Home(id)
            | Job::Section(id, _)
            | Job::Terms(id)
            | Job::Term(id, _, _)
            | Job::NotFound(id)
            | Job::Data(id) => id,
        }
    }

    /// The URL path a job writes (its file is [`crate::urls::file_of`] it).
    pub(crate) fn path(self, site: &Site) -> String {
        let prefix = |id: PageId| site.config.lang_prefix(&site.pages[id].lang);
        match self {
            Job::Article(id) | Job::Home(id) => site.pages[id].path.clone(),
            Job::Section(id, n) => pager_path(&site.pages[id].path, n),
            Job::Terms(home) => site.terms_path(&site.pages[home].lang),
            Job::Term(home, t, n) => {
                let term = &site.terms[&site.pages[home].lang][t];
                pager_path(&site.term_path(&site.pages[home].lang, &term.slug), n)
            }
            Job::NotFound(home) => format!("{}404.html", prefix(home)),
            Job::Data(home) => site.data_page_path(&site.pages[home].lang),
        }
    }
}

/// Every job of a full render, in page order: a home brings its
/// not-found page, open-data page, tag list and tag pages along.
pub(crate) fn plan(site: &Site) -> Vec<Job> {
    let mut jobs = Vec::new();
    for (id, p) in site.pages_with_ids() {
        match p.kind {
            Kind::Article => jobs.push(Job::Article(id)),
            Kind::Home => {
                jobs.push(Job::Home(id));
                jobs.push(Job::NotFound(id));
                jobs.push(Job::Data(id));
                if site.has_tag_pages(&p.lang) {
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
    jobs
}

/// The template of a section: `SECTION.html`, else `section.html`, the
/// site's own before the theme's. A theme's `investment.html` must not win
/// over a site's own `section.html`: it would extend the site's `base.html`,
/// whose blocks the theme cannot know.
pub(crate) fn section_template(templates: &[Template], section: &str) -> String {
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

/// How many list pages `items` fill, `per` to a page; an empty list still
/// has its first page.
pub(crate) fn pages_needed(items: usize, per: usize) -> usize {
    items.div_ceil(per.max(1)).max(1)
}

/// Items per page of a section: its own `paginate_by`, else the site's.
pub(crate) fn section_page_size(site: &Site, section: PageId) -> usize {
    site.source(&site.pages[section])
        .and_then(|s| s.front.paginate_by)
        .unwrap_or(site.config.paginate_by)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn template(name: &str, layer: Layer) -> Template {
        Template {
            name: name.into(),
            text: String::new(),
            file: PathBuf::from(format!("templates/{name}")),
            layer,
        }
    }

    #[test]
    fn an_empty_list_still_has_one_page() {
        assert_eq!(pages_needed(0, 10), 1);
    }

    #[test]
    fn a_partly_filled_last_page_counts() {
        assert_eq!(pages_needed(10, 10), 1);
        assert_eq!(pages_needed(11, 10), 2);
        assert_eq!(pages_needed(3, 0), 3, "a page size of 0 means one per page");
    }

    #[test]
    fn a_sites_own_section_template_wins_over_the_themes_named_one() {
        let templates = [
            template("investment.html", Layer::Theme),
            template("section.html", Layer::Site),
        ];
        assert_eq!(section_template(&templates, "investment"), "section.html");
    }

    #[test]
    fn a_named_section_template_wins_in_the_same_layer() {
        let templates = [
            template("section.html", Layer::Site),
            template("investment.html", Layer::Site),
        ];
        assert_eq!(
            section_template(&templates, "investment"),
            "investment.html"
        );
        let theme_only = [template("news.html", Layer::Theme)];
        assert_eq!(section_template(&theme_only, "news"), "news.html");
        assert_eq!(section_template(&theme_only, "other"), "section.html");
    }
}
