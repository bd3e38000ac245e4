//! What an edit of messages, templates or static files reaches, for `serve`
//! to render only the pages that read it. In: the theme before and after
//! the edit, the changed paths, and what each page read at its last render
//! ([`Usage`]). Out: a [`Narrow`] naming what changed, or `None` when the
//! edit is not one of those or cannot be narrowed (a template added or
//! removed, or one that does not parse, a template defining components,
//! an `include` of a name computed at render time, a static file added or
//! removed, reads not known by page): then the build renders as before.

use super::inputs::ThemeData;
use crate::i18n::diff::Seen;
use crate::output::FileSource;
use crate::render::{Narrow, Read, Usage};
use crate::theme::Template;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What `paths` changed between `before` and `after`, in names pages read.
pub(super) fn narrow(
    before: &ThemeData,
    after: &ThemeData,
    paths: &[PathBuf],
    root: &Path,
    usage: &Usage,
) -> Option<Narrow> {
    if !usage.is_complete() || after.diagnostics.has_errors() {
        return None;
    }
    let mut narrow = Narrow::default();
    let mut templates = false;
    let mut messages = false;
    for p in paths {
        let rel = p.strip_prefix(root).unwrap_or(p);
        let parts: Vec<&str> = rel.iter().filter_map(|c| c.to_str()).collect();
        if parts.iter().any(|c| c.starts_with('.')) {
            continue;
        }
        if rel.extension().is_some_and(|e| e == "ftl") {
            messages = true;
        } else if parts.first() == Some(&"templates")
            || (parts.first() == Some(&"themes") && parts.get(2) == Some(&"templates"))
        {
            templates = true;
        } else {
            let out = replaced_static(before, after, p)?;
            narrow.names.extend(usage.number(Read::Static(&out)));
            narrow.replaced.push(out);
            // Its photo's Markdown (bodies, lead images) changes.
            narrow.since_previous = true;
        }
    }
    if templates {
        for name in template_readers(&before.templates, &after.templates)? {
            narrow.names.extend(usage.number(Read::Template(&name)));
        }
        // Templates make only pages: the other outputs are rewritten where
        // the site changed since (nowhere, unless files changed with them).
        narrow.since_previous = true;
    }
    if messages {
        // Whether a changed message is read by outputs other than pages
        // (feeds, the open data): then they are all written, as before.
        let mut other_outputs = false;
        for (lang, seen) in after.locales.changes_since(&before.locales) {
            match seen {
                Seen::Ids(ids) if !ids.iter().any(|id| is_site_wide(id)) => {
                    other_outputs |= ids.iter().any(|id| id.starts_with("sector-"));
                    narrow.names.extend(
                        ids.iter()
                            .filter_map(|id| usage.number(Read::Message(lang.as_str(), id))),
                    )
                }
                _ => {
                    other_outputs = true;
                    narrow.langs.insert(lang);
                }
            }
        }
        if other_outputs && !narrow.replaced.is_empty() {
            // A photo needs what changed since; those outputs, all of them.
            return None;
        }
        narrow.since_previous = !other_outputs;
    }
    Some(narrow)
}

/// Messages read outside templates, into values every page of the language
/// shows: the site's title (`site.title`, the home page's title) and the
/// sections' titles (`nav-SECTION`, in every page's menu).
fn is_site_wide(id: &str) -> bool {
    id == "site-title" || id.starts_with("nav-")
}

/// The output path of static file `p`, when it was there before the edit
/// and still is, and the set of static files is the same.
fn replaced_static(before: &ThemeData, after: &ThemeData, p: &Path) -> Option<String> {
    let same_set = before
        .statics
        .iter()
        .map(|(k, _)| k)
        .eq(after.statics.iter().map(|(k, _)| k));
    if !same_set {
        return None;
    }
    let out_of = |theme: &ThemeData| {
        theme.statics.iter().find_map(|(out, source)| match source {
            FileSource::Disk(abs) if abs == p => Some(out.clone()),
            _ => None,
        })
    };
    let out = out_of(after)?;
    (out_of(before).as_ref() == Some(&out)).then_some(out)
}

/// The templates whose render reaches a changed template (itself, what
/// extends or includes it, transitively); `None` when the edit cannot be
/// narrowed so: a template came or went, or a changed one defines
/// components (global: any page may call them).
fn template_readers(before: &[Template], after: &[Template]) -> Option<BTreeSet<String>> {
    let old: BTreeMap<&str, &str> = before
        .iter()
        .map(|t| (t.name.as_str(), t.text.as_str()))
        .collect();
    let new: BTreeMap<&str, &str> = after
        .iter()
        .map(|t| (t.name.as_str(), t.text.as_str()))
        .collect();
    if !old.keys().eq(new.keys()) {
        return None;
    }
    let changed: Vec<&str> = new
        .iter()
        .filter(|(name, text)| old.get(*name) != Some(*text))
        .map(|(name, _)| *name)
        .collect();
    if changed
        .iter()
        .any(|n| defines_components(new[n]) || defines_components(old[n]))
    {
        return None;
    }
    let mut readers: BTreeSet<String> = changed.iter().map(|n| n.to_string()).collect();
    for graph in [&old, &new] {
        let uses: BTreeMap<&str, Option<Vec<String>>> = graph
            .iter()
            .map(|(name, text)| (*name, templates_named(text)))
            .collect();
        // Grows until no template reaches a reader it is not one of.
        loop {
            let more: Vec<&str> = uses
                .iter()
                .filter(|(name, _)| !readers.contains(**name))
                .filter(|(_, named)| match named {
                    Some(named) => named.iter().any(|n| readers.contains(n)),
                    None => true,
                })
                .map(|(name, _)| *name)
                .collect();
            if more.is_empty() {
                break;
            }
            readers.extend(more.into_iter().map(str::to_owned));
        }
    }
    Some(readers)
}

/// Whether a template defines a Tera component (`{% component name(...) %}`).
fn defines_components(text: &str) -> bool {
    tags(text).any(|(word, _)| word == "component")
}

/// The templates a template's text extends or includes; `None` when it
/// includes a name it computes (it may then include any template).
fn templates_named(text: &str) -> Option<Vec<String>> {
    let mut named = Vec::new();
    for (word, rest) in tags(text) {
        if word != "extends" && word != "include" {
            continue;
        }
        let rest = rest.trim_start();
        let (list, rest) = match rest.strip_prefix('[') {
            Some(inner) => (true, inner),
            None => (false, rest),
        };
        let mut rest = rest;
        loop {
            rest = rest.trim_start();
            let quote = rest
                .chars()
                .next()
                .filter(|c| matches!(c, '"' | '\'' | '`'))?;
            let body = &rest[1..];
            let end = body.find(quote)?;
            named.push(body[..end].to_owned());
            rest = body[end + 1..].trim_start();
            match rest.strip_prefix(',') {
                Some(next) if list => rest = next,
                _ => break,
            }
        }
    }
    Some(named)
}

/// Each `{% word rest…` tag of a template: the tag's first word and the
/// text after it.
fn tags(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.split("{%").skip(1).map(|tag| {
        let tag = tag.trim_start_matches(['-', '+']).trim_start();
        let end = tag
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(tag.len());
        (&tag[..end], &tag[end..])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Layer;

    fn t(name: &str, text: &str) -> Template {
        Template {
            name: name.into(),
            text: text.into(),
            file: PathBuf::from(format!("templates/{name}")),
            layer: Layer::Site,
        }
    }

    fn theme() -> Vec<Template> {
        vec![
            t("base.html", "<html>{% block main %}{% endblock %}</html>"),
            t("page.html", "{% extends \"base.html\" %}{% block main %}{%- include 'more.html' %}{% endblock %}"),
            t("section.html", "{% extends \"base.html\" %}{% block main %}{% include \"pager.html\" %}{% endblock %}"),
            t("more.html", "{% include ['list.html', \"card.html\"] %}"),
            t("list.html", "<ul></ul>"),
            t("card.html", "<div></div>"),
            t("pager.html", "<nav></nav>"),
        ]
    }

    fn edited(name: &str, text: &str) -> Vec<Template> {
        theme()
            .into_iter()
            .map(|x| if x.name == name { t(name, text) } else { x })
            .collect()
    }

    fn readers(after: &[Template]) -> Option<Vec<String>> {
        template_readers(&theme(), after).map(|r| r.into_iter().collect())
    }

    #[test]
    fn an_included_template_is_read_by_what_includes_it_transitively() {
        let r = readers(&edited("card.html", "<div>!</div>")).expect("narrowed");
        assert_eq!(r, ["card.html", "more.html", "page.html"]);
        let r = readers(&edited("pager.html", "<nav>!</nav>")).expect("narrowed");
        assert_eq!(r, ["pager.html", "section.html"]);
    }

    #[test]
    fn a_base_layout_is_read_by_every_template_extending_it() {
        let r = readers(&edited(
            "base.html",
            "<html lang>{% block main %}{% endblock %}</html>",
        ))
        .expect("narrowed");
        assert_eq!(r, ["base.html", "page.html", "section.html"]);
    }

    #[test]
    fn an_include_added_by_the_edit_counts() {
        let r = readers(&edited("list.html", "{% include \"pager.html\" %}")).expect("narrowed");
        assert!(r.contains(&"page.html".to_string()), "{r:?}");
    }

    #[test]
    fn components_new_templates_and_computed_includes_are_not_narrowed() {
        assert_eq!(
            readers(&edited(
                "card.html",
                "{% component c() %}x{% endcomponent c %}"
            )),
            None
        );
        let mut more = theme();
        more.push(t("new.html", ""));
        assert_eq!(readers(&more), None);
        let r = readers(&edited("card.html", "<p></p>")).expect("narrowed");
        assert!(!r.contains(&"section.html".to_string()), "{r:?}");
        // `list.html` includes a name it computes: it may include the pager.
        let computed = edited("list.html", "{% include name %}");
        let mut after = computed.clone();
        after.retain(|x| x.name != "pager.html");
        after.push(t("pager.html", "<nav>!</nav>"));
        let r: Vec<String> = template_readers(&computed, &after)
            .expect("narrowed")
            .into_iter()
            .collect();
        assert_eq!(
            r,
            [
                "list.html",
                "more.html",
                "page.html",
                "pager.html",
                "section.html"
            ]
        );
    }

    #[test]
    fn tags_are_read_with_whitespace_control() {
        assert_eq!(
            templates_named("{%- extends 'a.html' -%}{%+ include \"b.html\" ignore missing %}"),
            Some(vec!["a.html".into(), "b.html".into()])
        );
        assert_eq!(templates_named("{% include x %}"), None);
        assert!(defines_components(
            "{%- component x() %}{% endcomponent x %}"
        ));
        assert!(!defines_components("{# a component #}{{ <x /> }}"));
    }
}
