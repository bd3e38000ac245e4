//! Tera set-up: the site's and theme's [`Template`]s come in; a compiled
//! [`Tera`] with mekong's functions goes out, or [`Diagnostic`]s that name
//! the template file, line and column of each problem.

use super::functions::{self, Shared};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::Message;
use crate::msg;
use crate::theme::Template;
use std::path::PathBuf;
use std::sync::Arc;
use tera::Tera;

/// Checks every template: syntax, inheritance, and that every function and
/// filter it calls exists. All errors are reported, one per template.
pub(crate) fn check_templates(templates: &[Template]) -> Diagnostics {
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

/// Compiles the templates once for the whole render, with the functions
/// reading `shared`.
pub(crate) fn compile(templates: &[Template], shared: Arc<Shared>) -> Result<Tera, Diagnostic> {
    let mut tera = Tera::new();
    functions::register(&mut tera, shared);
    tera.add_raw_templates(templates.iter().map(|t| (t.name.as_str(), t.text.as_str())))
        .map_err(|e| template_error(templates, "", &e, None))?;
    Ok(tera)
}

/// The template an inheritance error is about: Tera's report of these
/// carries no `-->` location.
fn missing_parent_of(e: &tera::Error) -> Option<String> {
    match e.kind() {
        tera::ErrorKind::MissingParent { current, .. } => Some(current.clone()),
        tera::ErrorKind::CircularExtend { tpl, .. } => Some(tpl.clone()),
        _ => None,
    }
}

/// A Tera error as a diagnostic on the template's file, with a hint; `page`
/// is the URL path being rendered, if any.
pub(crate) fn template_error(
    templates: &[Template],
    name: &str,
    e: &tera::Error,
    page: Option<&str>,
) -> Diagnostic {
    let report = e.to_string();
    if let Some(d) = fluent_message_error(&report, page) {
        return d;
    }
    let located = locate_tera_error(&report);
    let name = located.as_ref().map_or(name, |(n, _, _)| n.as_str());
    let template = templates.iter().find(|t| t.name == name);
    let file = template
        .map(|t| t.file.clone())
        .unwrap_or_else(|| PathBuf::from(format!("templates/{name}")));
    let first = report.lines().next().unwrap_or_default();
    let message = first.strip_prefix("error: ").unwrap_or(first).trim();
    let mut d = Diagnostic::error(file, msg!("template.error", error = message));
    if let Some((_, line, col)) = located {
        d = d.at(line, col);
        if let Some(t) = template {
            d = d.with_source(&t.text);
        }
    }
    d.hint(hint_for(message, page))
}

/// A Fluent message that failed to format, reported at the message's own
/// `.ftl` file and line: the mistake is the translator's, not the template's.
fn fluent_message_error(report: &str, page: Option<&str>) -> Option<Diagnostic> {
    let (file, line) = crate::i18n::message_error_location(report)?;
    let message = report
        .lines()
        .find_map(|l| l.find("Fluent message `").map(|at| &l[at..]))?
        .trim();
    // `Fluent message `ID` in `LANG` at FILE:LINE: ERROR` (i18n's words).
    let quoted: Vec<&str> = message.split('`').collect();
    let error = message.split_once(": ").map_or("", |(_, e)| e);
    let unknown_variable = error
        .split_once("Unknown variable: $")
        .map(|(_, v)| v.trim());
    let said = match (quoted.get(1), quoted.get(3), unknown_variable) {
        (Some(id), Some(lang), Some(variable)) => msg!(
            "template.fluent-unknown-variable",
            id = *id,
            lang = *lang,
            variable = variable
        ),
        (Some(id), Some(lang), None) => msg!(
            "template.fluent-failed",
            id = *id,
            lang = *lang,
            error = error
        ),
        _ => msg!("template.error", error = message),
    };
    let hint = match (page, locate_tera_error(report)) {
        (Some(p), Some((name, line, _))) => msg!(
            "template.fluent-failed.hint-at",
            page = p,
            template = name,
            line = line.to_string()
        ),
        (Some(p), None) => msg!("template.fluent-failed.hint-page", page = p),
        (None, _) => msg!("template.fluent-failed.hint"),
    };
    Some(Diagnostic::error(file, said).at_line(line).hint(hint))
}

/// What to do about a template error, by what its message says.
fn hint_for(message: &str, page: Option<&str>) -> Message {
    let lower = message.to_lowercase();
    let unknown = lower.contains("not found") || lower.contains("unknown");
    if lower.contains("function") && unknown {
        msg!("template.unknown-function.hint")
    } else if lower.contains("filter") && unknown {
        msg!("template.unknown-filter.hint")
    } else {
        match page {
            Some(p) => msg!("template.while-rendering.hint", page = p),
            None => msg!("template.syntax.hint"),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Layer;

    fn template(name: &str, text: &str) -> Template {
        Template {
            name: name.into(),
            text: text.into(),
            file: PathBuf::from(format!("templates/{name}")),
            layer: Layer::Site,
        }
    }

    #[test]
    fn a_location_is_read_from_teras_report() {
        let report = "error: oops\n  --> page.html:3:7\n   |";
        assert_eq!(
            locate_tera_error(report),
            Some(("page.html".to_string(), 3, 7))
        );
        assert_eq!(locate_tera_error("error: no place"), None);
    }

    #[test]
    fn good_templates_pass_the_check() {
        let templates = [
            template("base.html", "{% block body %}{% endblock %}"),
            template(
                "page.html",
                "{% extends \"base.html\" %}{% block body %}{{ t(key=\"x\") | date }}{% endblock %}",
            ),
        ];
        assert!(check_templates(&templates).is_empty());
    }

    #[test]
    fn every_broken_template_is_reported_in_one_run() {
        let templates = [
            template("a.html", "{{ oops( }}"),
            template("b.html", "{% if %}"),
            template("c.html", "fine"),
        ];
        let diags = check_templates(&templates);
        let files: Vec<_> = diags
            .items()
            .iter()
            .filter_map(|d| d.file.clone())
            .collect();
        assert_eq!(files.len(), 2, "{files:?}");
        assert!(files.contains(&PathBuf::from("templates/a.html")));
        assert!(files.contains(&PathBuf::from("templates/b.html")));
    }

    #[test]
    fn an_unknown_function_is_named_with_mekongs_functions_as_hint() {
        let templates = [template("page.html", "{{ nope() }}")];
        let diags = check_templates(&templates);
        let d = &diags.items()[0];
        assert!(
            d.hint.as_deref().is_some_and(|h| h.contains("t(), url()")),
            "{d:?}"
        );
    }

    #[test]
    fn a_missing_parent_is_reported_on_the_child() {
        let templates = [template("page.html", "{% extends \"nowhere.html\" %}")];
        let diags = check_templates(&templates);
        // Tera's report of a missing parent has no `-->` place, so the
        // diagnostic cannot name the child's file; its message names the parent.
        assert_eq!(diags.items().len(), 1);
        assert!(
            diags.items()[0].message.contains("nowhere.html"),
            "{:?}",
            diags.items()[0]
        );
    }
}
