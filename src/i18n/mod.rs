//! Fluent messages per language, with fallback chains, and locale formats.
//!
//! In: the `.ftl` files of the theme and of the site. Out: [`Locales`], one
//! Fluent bundle per language (site messages over theme messages, message by
//! message), built once and shared read-only by every render thread.
//! Bidi isolation marks are off: every page already declares its language
//! and direction, and the invisible marks break copy-paste and search.

mod check;
pub(crate) mod diff;
pub(crate) mod source;

use crate::config::{Config, LangCode};
use crate::diagnostics::{line_col, Diagnostic, Diagnostics};
use crate::formats::{fluent_number, Formats};
use crate::messages::Message;
use crate::msg;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Whose a locale file is: the site's messages override the theme's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    /// `themes/NAME/locales/`.
    Theme,
    /// `locales/`.
    Site,
}

/// One `.ftl` file, read.
#[derive(Debug, Clone)]
pub struct LocaleFile {
    /// Its language.
    pub lang: LangCode,
    /// Theme or site.
    pub layer: Layer,
    /// Path as shown to users.
    pub file: PathBuf,
    /// Contents.
    pub text: String,
}

struct Language {
    bundle: FluentBundle<FluentResource>,
    formats: Formats,
    /// Messages this language defines itself (not through fallback).
    own: BTreeSet<String>,
    /// Where each of its messages is defined, to name the file and line
    /// when one fails at render time.
    origin: BTreeMap<String, (PathBuf, Option<usize>)>,
    /// A hash of each message's and term's (`-id`) definition, to tell
    /// which ones an edit changed ([`diff`]).
    definitions: BTreeMap<String, blake3::Hash>,
}

/// Every language's messages and formats.
pub struct Locales {
    langs: BTreeMap<LangCode, Language>,
    chains: BTreeMap<LangCode, Vec<LangCode>>,
    /// Ids only translations define (reported at load time): not gaps of
    /// the other languages.
    stray: BTreeSet<String>,
}

impl std::fmt::Debug for Locales {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locales")
            .field("languages", &self.langs.keys().collect::<Vec<_>>())
            .finish()
    }
}

/// A message that a language lacks and takes from its fallback chain.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Gap {
    /// The language lacking it.
    pub lang: LangCode,
    /// The message id.
    pub id: String,
    /// The language it comes from, if any has it.
    pub from: Option<LangCode>,
}

impl Locales {
    /// Builds the bundles. Syntax errors and duplicate ids are errors with
    /// file, line and column; each translation is checked against the
    /// default language's messages; the bundles are built from what did parse.
    pub fn build(config: &Config, files: Vec<LocaleFile>) -> (Locales, Diagnostics) {
        let mut diags = Diagnostics::new();
        warn_foreign_languages(config, &files, &mut diags);
        // Files of other languages are never used, so their mistakes are not reported.
        let mut parsed: Vec<(&LocaleFile, FluentResource)> = files
            .iter()
            .filter(|f| config.has_language(f.lang.as_str()))
            .map(|f| (f, parse(f, &mut diags)))
            .collect();
        // Theme first, so that the site's messages override the theme's.
        parsed.sort_by(|a, b| (a.0.layer, &a.0.file).cmp(&(b.0.layer, &b.0.file)));
        let reference = reference_of(config, &parsed);
        for (file, resource) in &parsed {
            if file.lang != config.default_language {
                reference.check(file, resource, &mut diags);
            }
        }
        let mut by_lang: BTreeMap<&LangCode, Vec<(&LocaleFile, FluentResource)>> = BTreeMap::new();
        for (file, resource) in parsed {
            by_lang
                .entry(&file.lang)
                .or_default()
                .push((file, resource));
        }
        let mut langs = BTreeMap::new();
        let mut stray = BTreeSet::new();
        for language in &config.languages {
            let code = &language.code;
            let mine = by_lang.remove(code).unwrap_or_default();
            let built = bundle_of(code, mine, &mut diags);
            stray.extend(built.own.iter().filter(|id| !reference.knows(id)).cloned());
            langs.insert(code.clone(), built);
        }
        let chains = config
            .languages
            .iter()
            .map(|l| (l.code.clone(), config.fallback_chain(&l.code).to_vec()))
            .collect();
        (
            Locales {
                langs,
                chains,
                stray,
            },
            diags,
        )
    }

    /// Formats message `id` in `lang`, falling back along the language's
    /// chain. `Ok(None)` when no language has it; `Err` when the message
    /// itself is broken (a missing variable, a bad reference).
    pub fn message(
        &self,
        lang: &LangCode,
        id: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<Option<String>, String> {
        let chain = self
            .chains
            .get(lang)
            .map(Vec::as_slice)
            .unwrap_or(std::slice::from_ref(lang));
        for code in chain {
            let Some(language) = self.langs.get(code) else {
                continue;
            };
            let (msg_id, attr) = id.split_once('.').map_or((id, None), |(m, a)| (m, Some(a)));
            let Some(message) = language.bundle.get_message(msg_id) else {
                continue;
            };
            let pattern = match attr {
                Some(a) => message.get_attribute(a).map(|a| a.value()),
                None => message.value(),
            };
            let Some(pattern) = pattern else { continue };
            let mut errors = Vec::new();
            let text = language.bundle.format_pattern(pattern, args, &mut errors);
            if let Some(e) = errors.first() {
                let place = match language.origin.get(msg_id) {
                    Some((file, Some(line))) => format!(" at {}:{line}", file.display()),
                    Some((file, None)) => format!(" at {}", file.display()),
                    None => String::new(),
                };
                return Err(format!("Fluent message `{id}` in `{code}`{place}: {e}"));
            }
            return Ok(Some(text.into_owned()));
        }
        Ok(None)
    }

    /// The formatters of a language.
    pub fn formats(&self, lang: &LangCode) -> Option<&Formats> {
        self.langs.get(lang).map(|l| &l.formats)
    }

    /// Whether the language (or its chain) has message `id`.
    pub fn has(&self, lang: &LangCode, id: &str) -> bool {
        self.chains.get(lang).is_some_and(|chain| {
            chain
                .iter()
                .any(|c| self.langs.get(c).is_some_and(|l| l.own.contains(id)))
        })
    }

    /// Every message some language has and another lacks, with where the
    /// lacking language gets it from: what translators have left to do.
    pub fn gaps(&self) -> Vec<Gap> {
        let all: BTreeSet<&String> = self
            .langs
            .values()
            .flat_map(|l| l.own.iter())
            .filter(|id| !self.stray.contains(*id))
            .collect();
        let mut gaps = Vec::new();
        for (code, lang) in &self.langs {
            for id in &all {
                if !lang.own.contains(*id) {
                    let from = self.chains.get(code).and_then(|chain| {
                        chain
                            .iter()
                            .find(|c| self.langs.get(*c).is_some_and(|l| l.own.contains(*id)))
                            .cloned()
                    });
                    gaps.push(Gap {
                        lang: code.clone(),
                        id: (*id).clone(),
                        from,
                    });
                }
            }
        }
        gaps
    }

    /// Ids a language defines itself.
    pub fn own_ids(&self, lang: &LangCode) -> impl Iterator<Item = &String> {
        self.langs.get(lang).into_iter().flat_map(|l| l.own.iter())
    }
}

/// The `.ftl` file and line named in an error of [`Locales::message`], so
/// that a render error is reported at the message rather than the template.
pub(crate) fn message_error_location(error: &str) -> Option<(PathBuf, Option<usize>)> {
    let rest = &error[error.find("Fluent message `")?..];
    let place = rest.split_once("` at ")?.1;
    let place = place.split_once(": ")?.0;
    match place.rsplit_once(':') {
        Some((file, line)) if line.parse::<usize>().is_ok() => {
            Some((PathBuf::from(file), line.parse().ok()))
        }
        _ => Some((PathBuf::from(place), None)),
    }
}

/// Site messages for a language the site does not have are never used.
fn warn_foreign_languages(config: &Config, files: &[LocaleFile], diags: &mut Diagnostics) {
    for file in files {
        if !config.has_language(file.lang.as_str()) && file.layer == Layer::Site {
            diags.push(
                Diagnostic::warning(
                    file.file.clone(),
                    msg!("translation.not-a-language", lang = file.lang.as_str()),
                )
                .hint(msg!("translation.not-a-language.hint")),
            );
        }
    }
}

/// One file parsed; its syntax errors reported, what did parse kept.
fn parse(file: &LocaleFile, diags: &mut Diagnostics) -> FluentResource {
    match FluentResource::try_new(file.text.clone()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for e in errors {
                let (line, col) = line_col(&file.text, syntax_error_offset(&file.text, &e));
                diags.push(
                    Diagnostic::error(
                        file.file.clone(),
                        msg!("translation.syntax", error = e.kind.to_string()),
                    )
                    .at(line, col)
                    .with_source(&file.text)
                    .hint(syntax_hint(&e.kind)),
                );
            }
            resource
        }
    }
}

/// Where to point for a syntax error. The parser notices an unclosed `{`
/// only on the next line, and a missing default variant at the select's
/// closing `}`: these point at the `{` and at the select's `->` instead.
fn syntax_error_offset(text: &str, e: &fluent_syntax::parser::ParserError) -> usize {
    use fluent_syntax::parser::ErrorKind;
    let at = e.pos.start.min(text.len());
    let before = text.get(..at).unwrap_or(text);
    match e.kind {
        ErrorKind::ExpectedToken('}') => unclosed_brace(before).unwrap_or(at),
        ErrorKind::MissingDefaultVariant => before.rfind("->").unwrap_or(at),
        _ => at,
    }
}

/// The last `{` in `before` that no `}` closes.
fn unclosed_brace(before: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in before.char_indices().rev() {
        match c {
            '}' => depth += 1,
            '{' if depth == 0 => return Some(i),
            '{' => depth -= 1,
            _ => {}
        }
    }
    None
}

fn syntax_hint(kind: &fluent_syntax::parser::ErrorKind) -> Message {
    use fluent_syntax::parser::ErrorKind;
    match kind {
        ErrorKind::MissingDefaultVariant => msg!("translation.syntax.default-variant"),
        ErrorKind::ExpectedToken('}') => msg!("translation.syntax.close-brace"),
        _ => msg!("translation.syntax.hint"),
    }
}

/// The default language's messages, what every translation is checked against.
fn reference_of(config: &Config, parsed: &[(&LocaleFile, FluentResource)]) -> check::Reference {
    let default = &config.default_language;
    let theme_ids = parsed
        .iter()
        .filter(|(f, _)| f.layer == Layer::Theme)
        .flat_map(|(_, r)| r.entries())
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    let default_resources = parsed
        .iter()
        .filter(|(f, _)| f.lang == *default)
        .map(|(_, r)| r);
    check::Reference::new(default.as_str(), default_resources, theme_ids)
}

/// One language's bundle from its files (theme first, then site); an id
/// defined twice in one layer is an error naming both places.
fn bundle_of(
    code: &LangCode,
    files: Vec<(&LocaleFile, FluentResource)>,
    diags: &mut Diagnostics,
) -> Language {
    let langid: unic_langid::LanguageIdentifier = code.as_str().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(fluent_number));
    let mut own = BTreeSet::new();
    let mut origin = BTreeMap::new();
    let mut definitions = BTreeMap::new();
    // id -> where it was first defined, per layer, to name both places of a duplicate.
    let mut seen: BTreeMap<(Layer, String), (PathBuf, Option<usize>)> = BTreeMap::new();
    for (f, resource) in files {
        let mut lines = check::DefinitionLines::new(&f.text);
        for entry in resource.entries() {
            let id = match entry {
                fluent_syntax::ast::Entry::Message(m) => m.id.name.to_string(),
                fluent_syntax::ast::Entry::Term(t) => format!("-{}", t.id.name),
                _ => continue,
            };
            let line = lines.next_of(&id);
            if let Some((first_file, first_line)) = seen.get(&(f.layer, id.clone())) {
                let first = match first_line {
                    Some(l) => format!("{}:{l}", first_file.display()),
                    None => first_file.display().to_string(),
                };
                diags.push(
                    Diagnostic::error(
                        f.file.clone(),
                        msg!("translation.defined-twice", id = &id, first = first),
                    )
                    .at_line(line)
                    .with_source(&f.text)
                    .hint(msg!("translation.defined-twice.hint")),
                );
                continue;
            }
            seen.insert((f.layer, id.clone()), (f.file.clone(), line));
            definitions.insert(id.clone(), blake3::hash(format!("{entry:?}").as_bytes()));
            if !id.starts_with('-') {
                origin.insert(id.clone(), (f.file.clone(), line));
                own.insert(id);
            }
        }
        bundle.add_resource_overriding(resource);
    }
    Language {
        bundle,
        formats: Formats::new(code.as_str()),
        own,
        origin,
        definitions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn config() -> Config {
        Config::parse(
            Path::new("/s"),
            "default_language: vi\nlanguages:\n  - { code: vi, name: V }\n  - { code: en, name: E, fallback: [vi] }\n  - { code: lo, name: L, fallback: [en, vi] }\n  - { code: km, name: K, fallback: [en, vi] }\n",
        )
        .expect("valid config")
    }

    fn file(lang: &str, layer: Layer, text: &str) -> LocaleFile {
        LocaleFile {
            lang: LangCode(lang.into()),
            layer,
            file: PathBuf::from(format!("locales/{lang}/main.ftl")),
            text: text.into(),
        }
    }

    fn count_args(n: i64) -> FluentArgs<'static> {
        let mut a = FluentArgs::new();
        a.set("count", n);
        a
    }

    #[test]
    fn plurals_follow_each_language() {
        let plural =
            "n = { $count ->\n    [one] { $count } article\n   *[other] { $count } articles\n}\n";
        let other_only = |w: &str| format!("n = {{ $count ->\n   *[other] {{ $count }} {w}\n}}\n");
        let files = vec![
            file("en", Layer::Site, plural),
            file("vi", Layer::Site, &other_only("bài viết")),
            file("lo", Layer::Site, &other_only("ບົດ")),
            file("km", Layer::Site, &other_only("អត្ថបទ")),
        ];
        let (l, d) = Locales::build(&config(), files);
        assert!(d.is_empty(), "{d:?}");
        let m = |lang: &str, n| {
            l.message(&LangCode(lang.into()), "n", Some(&count_args(n)))
                .expect("ok")
                .expect("present")
        };
        assert_eq!(m("en", 1), "1 article");
        assert_eq!(m("en", 1234), "1,234 articles");
        assert_eq!(m("vi", 1234), "1.234 bài viết");
        assert_eq!(m("lo", 1), "1 ບົດ");
        assert_eq!(m("km", 2), "2 អត្ថបទ");
    }

    #[test]
    fn a_missing_message_falls_back_along_the_chain() {
        let files = vec![
            file("vi", Layer::Site, "a = A vi\nb = B vi\n"),
            file("en", Layer::Site, "a = A en\n"),
        ];
        let (l, _) = Locales::build(&config(), files);
        let lo = LangCode("lo".into());
        assert_eq!(
            l.message(&lo, "a", None).expect("ok").as_deref(),
            Some("A en")
        );
        assert_eq!(
            l.message(&lo, "b", None).expect("ok").as_deref(),
            Some("B vi")
        );
        assert_eq!(l.message(&lo, "c", None).expect("ok"), None);
        assert!(l.gaps().iter().any(|g| g.lang.as_str() == "lo"
            && g.id == "a"
            && g.from.as_ref().map(|c| c.as_str()) == Some("en")));
    }

    #[test]
    fn site_messages_override_theme_messages() {
        let files = vec![
            file("vi", Layer::Theme, "a = theme\nb = theme b\n"),
            file("vi", Layer::Site, "a = site\n"),
        ];
        let (l, d) = Locales::build(&config(), files);
        assert!(d.is_empty());
        let vi = LangCode("vi".into());
        assert_eq!(
            l.message(&vi, "a", None).expect("ok").as_deref(),
            Some("site")
        );
        assert_eq!(
            l.message(&vi, "b", None).expect("ok").as_deref(),
            Some("theme b")
        );
    }

    fn lines_and_messages(d: &Diagnostics) -> Vec<(Option<usize>, String)> {
        d.items()
            .iter()
            .map(|d| (d.line, d.message.clone()))
            .collect()
    }

    #[test]
    fn syntax_errors_and_duplicates_are_located() {
        let files = vec![file("vi", Layer::Site, "a = A\nb\nc = C\na = again\n")];
        let (_, d) = Locales::build(&config(), files);
        let lines = lines_and_messages(&d);
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == Some(2) && m.contains("syntax")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == Some(4) && m.contains("twice")),
            "{lines:?}"
        );
    }

    #[test]
    fn a_missing_variable_is_an_error() {
        let (l, _) = Locales::build(
            &config(),
            vec![file("vi", Layer::Site, "hi = Hello { $name }\n")],
        );
        let err = l
            .message(&LangCode("vi".into()), "hi", None)
            .expect_err("missing variable");
        assert!(err.contains("name"), "{err}");
    }

    #[test]
    fn an_unclosed_brace_and_a_select_without_default_point_at_their_own_line() {
        let text = "a = A\nb = { $x\nc = { $n ->\n    [one] x\n    [other] y\n}\n";
        let (_, d) = Locales::build(&config(), vec![file("vi", Layer::Site, text)]);
        let lines = lines_and_messages(&d);
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == Some(2) && m.contains("\"}\"")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|(l, m)| *l == Some(3) && m.contains("default variant")),
            "{lines:?}"
        );
    }

    #[test]
    fn a_render_error_names_the_messages_file_and_line() {
        let files = vec![file("vi", Layer::Site, "# c\nhi = Hello { $name }\n")];
        let (l, _) = Locales::build(&config(), files);
        let err = l
            .message(&LangCode("en".into()), "hi", None)
            .expect_err("no $name");
        assert_eq!(
            message_error_location(&format!("rendering: {err}\n --> page.html:1:2")),
            Some((PathBuf::from("locales/vi/main.ftl"), Some(2)))
        );
    }
}
