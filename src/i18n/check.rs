//! Each translation checked against the default language's messages, at
//! load time, so that a translator's mistake is reported at the
//! translator's own file and line rather than at a template during render.
//!
//! In: the default language's parsed `.ftl` files (the reference: which
//! ids exist and which variables each message uses), then each other
//! language's parsed file. Out: diagnostics on that file — an id the
//! default language does not have (a warning: nothing asks for it), a
//! variable its message does not use (an error: the template does not pass
//! it, so the message cannot render as written), each with "did you mean".
//! Syntax errors (a select without `*[other]`, an unclosed `{`) are the
//! parser's and are reported in `mod.rs`.

use super::{Layer, LocaleFile};
use crate::diagnostics::{closest, Diagnostic, Diagnostics};
use crate::msg;
use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// The default language's messages: what a translation must match.
pub(crate) struct Reference {
    /// The default language, for messages.
    lang: String,
    /// Message id → the variables its value and attributes use, counting
    /// those of the messages it refers to.
    variables: BTreeMap<String, BTreeSet<String>>,
    /// Ids of the theme's messages in any language: templates may ask for
    /// them even when the default language lacks one.
    theme_ids: BTreeSet<String>,
}

/// Variables and message references found directly in one message.
#[derive(Default)]
struct Uses {
    variables: BTreeSet<String>,
    messages: BTreeSet<String>,
}

impl Reference {
    /// The reference from the default language's resources, in override
    /// order (a later definition replaces an earlier one), and the theme's
    /// message ids of every language.
    pub(crate) fn new<'a>(
        lang: &str,
        default_resources: impl IntoIterator<Item = &'a FluentResource>,
        theme_ids: BTreeSet<String>,
    ) -> Reference {
        let mut direct: BTreeMap<String, Uses> = BTreeMap::new();
        for resource in default_resources {
            for message in messages(resource) {
                direct.insert(message.id.name.to_string(), uses_of(message));
            }
        }
        let variables = direct
            .keys()
            .map(|id| {
                let mut vars = BTreeSet::new();
                collect_transitive(&direct, id, &mut BTreeSet::new(), &mut vars);
                (id.clone(), vars)
            })
            .collect();
        Reference {
            lang: lang.to_string(),
            variables,
            theme_ids,
        }
    }

    /// Whether the default language (or the theme) has message `id`: ids
    /// outside this set are reported, not counted as missing elsewhere.
    pub(crate) fn knows(&self, id: &str) -> bool {
        self.variables.contains_key(id) || self.theme_ids.contains(id)
    }

    /// Checks one translation file against the reference.
    pub(crate) fn check(
        &self,
        file: &LocaleFile,
        resource: &FluentResource,
        diags: &mut Diagnostics,
    ) {
        let mut lines = DefinitionLines::new(&file.text);
        for message in messages(resource) {
            let id = message.id.name;
            let line = lines.next_of(id);
            match self.variables.get(id) {
                Some(allowed) => self.check_variables(file, message, line, allowed, diags),
                // The theme's translations may carry messages for its own
                // templates; only the site's files are the translator's.
                None if file.layer == Layer::Site && !self.theme_ids.contains(id) => {
                    diags.push(self.unknown_id(file, id, line));
                }
                None => {}
            }
        }
    }

    fn unknown_id(&self, file: &LocaleFile, id: &str, line: Option<usize>) -> Diagnostic {
        let known = self
            .variables
            .keys()
            .chain(self.theme_ids.iter())
            .map(String::as_str);
        let hint = match closest(id, known) {
            Some(near) => msg!("translation.unknown-id.did-you-mean", id = near),
            None => msg!("translation.unknown-id.hint", lang = self.lang.as_str()),
        };
        Diagnostic::warning(
            file.file.clone(),
            msg!("translation.unknown-id", id = id, lang = self.lang.as_str()),
        )
        .at_line(line)
        .with_source(&file.text)
        .hint(hint)
    }

    fn check_variables(
        &self,
        file: &LocaleFile,
        message: &ast::Message<&str>,
        line: Option<usize>,
        allowed: &BTreeSet<String>,
        diags: &mut Diagnostics,
    ) {
        for var in uses_of(message).variables {
            if allowed.contains(&var) {
                continue;
            }
            let hint = match closest(&var, allowed.iter().map(String::as_str)) {
                Some(near) => msg!("translation.unknown-variable.did-you-mean", var = near),
                None if allowed.is_empty() => msg!(
                    "translation.unknown-variable.none",
                    lang = self.lang.as_str(),
                    var = var.as_str()
                ),
                None => msg!(
                    "translation.unknown-variable.hint",
                    vars = allowed
                        .iter()
                        .map(|v| format!("`${v}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let at = line.map(|l| variable_line(&file.text, l, &var));
            diags.push(
                Diagnostic::error(
                    file.file.clone(),
                    msg!(
                        "translation.unknown-variable",
                        id = message.id.name,
                        var = var.as_str(),
                        lang = self.lang.as_str()
                    ),
                )
                .at_line(at)
                .with_source(&file.text)
                .hint(hint),
            );
        }
    }
}

/// The messages of a resource (not terms, comments or unparsed junk).
fn messages(resource: &FluentResource) -> impl Iterator<Item = &ast::Message<&str>> {
    resource.entries().filter_map(|entry| match entry {
        ast::Entry::Message(m) => Some(m),
        _ => None,
    })
}

fn collect_transitive(
    direct: &BTreeMap<String, Uses>,
    id: &str,
    visited: &mut BTreeSet<String>,
    out: &mut BTreeSet<String>,
) {
    if !visited.insert(id.to_string()) {
        return;
    }
    if let Some(uses) = direct.get(id) {
        out.extend(uses.variables.iter().cloned());
        for referenced in &uses.messages {
            collect_transitive(direct, referenced, visited, out);
        }
    }
}

fn uses_of(message: &ast::Message<&str>) -> Uses {
    let mut uses = Uses::default();
    let patterns = message
        .value
        .iter()
        .chain(message.attributes.iter().map(|a| &a.value));
    for pattern in patterns {
        walk_pattern(pattern, &mut uses);
    }
    uses
}

fn walk_pattern(pattern: &ast::Pattern<&str>, uses: &mut Uses) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, uses);
        }
    }
}

fn walk_expression(expression: &ast::Expression<&str>, uses: &mut Uses) {
    match expression {
        ast::Expression::Inline(inline) => walk_inline(inline, uses),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, uses);
            for variant in variants {
                walk_pattern(&variant.value, uses);
            }
        }
    }
}

fn walk_inline(inline: &ast::InlineExpression<&str>, uses: &mut Uses) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            uses.variables.insert(id.name.to_string());
        }
        ast::InlineExpression::MessageReference { id, .. } => {
            uses.messages.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                walk_inline(arg, uses);
            }
            for arg in &arguments.named {
                walk_inline(&arg.value, uses);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, uses),
        // A term's arguments are its own scope: the page's variables do not
        // reach it, so they are not the message's variables.
        ast::InlineExpression::TermReference { .. }
        | ast::InlineExpression::StringLiteral { .. }
        | ast::InlineExpression::NumberLiteral { .. } => {}
    }
}

/// The 1-based lines where each id is defined (`id =` at the start of a
/// line), in order: the parser's AST carries no positions, and a message
/// is found again by its id; the k-th definition of an id is its k-th line.
pub(crate) struct DefinitionLines {
    lines: BTreeMap<String, Vec<usize>>,
    taken: BTreeMap<String, usize>,
}

impl DefinitionLines {
    pub(crate) fn new(text: &str) -> DefinitionLines {
        let mut lines: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            if let Some(id) = defined_id(line) {
                lines.entry(id.to_string()).or_default().push(i + 1);
            }
        }
        DefinitionLines {
            lines,
            taken: BTreeMap::new(),
        }
    }

    /// The line of the next definition of `id` (messages `id`, terms `-id`).
    pub(crate) fn next_of(&mut self, id: &str) -> Option<usize> {
        let taken = self.taken.entry(id.to_string()).or_default();
        let line = self.lines.get(id)?.get(*taken).copied();
        *taken += 1;
        line
    }
}

/// The id a line defines, if it is `id = ...` or `-term = ...`.
fn defined_id(line: &str) -> Option<&str> {
    let (id, _) = line.split_once('=')?;
    let id = id.trim_end();
    let name = id.strip_prefix('-').unwrap_or(id);
    let starts_well = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    let all_id = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (starts_well && all_id).then_some(id)
}

/// The line of `$var` in the message that starts at line `start`: the first
/// line from there on that has it, or `start` itself.
fn variable_line(text: &str, start: usize, var: &str) -> usize {
    let needle = format!("${var}");
    text.lines()
        .enumerate()
        .skip(start - 1)
        .take_while(|(i, l)| *i + 1 == start || defined_id(l).is_none())
        .find(|(_, l)| {
            l.match_indices(&needle).any(|(at, _)| {
                !l[at + needle.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            })
        })
        .map_or(start, |(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LangCode;
    use std::path::PathBuf;

    fn resource(text: &str) -> FluentResource {
        FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r)
    }

    fn check_thai(default: &str, thai: &str) -> Vec<(Option<usize>, String, String)> {
        let default = resource(default);
        let reference = Reference::new("vi", [&default], BTreeSet::new());
        let file = LocaleFile {
            lang: LangCode("th".into()),
            layer: Layer::Site,
            file: PathBuf::from("locales/th/site.ftl"),
            text: thai.to_string(),
        };
        let mut diags = Diagnostics::new();
        reference.check(&file, &resource(thai), &mut diags);
        diags
            .items()
            .iter()
            .map(|d| {
                (
                    d.line,
                    d.message.clone(),
                    d.hint.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_misspelled_id_is_a_warning_with_the_near_id() {
        let found = check_thai(
            "nav-investment = Đầu tư\n",
            "# Thai\nnav-invesment = การลงทุน\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Some(2));
        assert!(found[0].2.contains("`nav-investment`"), "{found:?}");
    }

    #[test]
    fn a_misspelled_variable_is_an_error_with_the_near_variable() {
        let default = "reading-time = { $minutes } phút\ntitle = { reading-time } ({ $site })\n";
        let found = check_thai(
            default,
            "reading-time = อ่าน { $minute } นาที\ntitle =\n    { $site } { $minutes }\n",
        );
        assert_eq!(
            found.len(),
            1,
            "variables of referenced messages count: {found:?}"
        );
        assert_eq!(found[0].0, Some(1));
        assert!(found[0].1.contains("`$minute`"), "{found:?}");
        assert!(found[0].2.contains("`$minutes`"), "{found:?}");
    }

    #[test]
    fn definition_lines_follow_each_ids_occurrences() {
        let mut lines =
            DefinitionLines::new("a = A\n  .title = T\n-brand = B\nb = { $x\na = again\n");
        assert_eq!(lines.next_of("a"), Some(1));
        assert_eq!(lines.next_of("a"), Some(5));
        assert_eq!(lines.next_of("-brand"), Some(3));
        assert_eq!(lines.next_of("c"), None);
    }

    #[test]
    fn a_variable_is_found_on_its_own_line_not_in_a_longer_name() {
        let text =
            "a = A\nb = { $count ->\n   *[other] { $counts } x { $count }\n}\nc = { $count }\n";
        assert_eq!(variable_line(text, 2, "count"), 2);
        assert_eq!(variable_line(text, 2, "counts"), 3);
        assert_eq!(variable_line(text, 2, "none"), 2);
    }
}
