//! `mekong i18n`: what translators have left to do, per language: articles
//! not translated, translations older than their source (the source's
//! `updated`/`date` is later than the translation's), Fluent messages
//! missing (taken from a fallback) and messages no template uses. For a
//! translator: the file to create for each missing article, the source
//! text beside each missing message (`i18n_init.rs` writes them into a new
//! language's file).

use super::Outcome;
use crate::config::LangCode;
use crate::content::{Kind, SourcePage};
use crate::diagnostics::Diagnostics;
use crate::messages::Messages;
use crate::msg;
use crate::pipeline::Options;
use crate::pipeline::Session;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A summary table and the lists, for people.
    Table,
    /// One JSON object.
    Json,
    /// `language,kind,item,detail` rows.
    Csv,
}

/// A translation older than its source.
#[derive(Debug, Serialize)]
pub struct Stale {
    /// The translation's file.
    pub file: String,
    /// The source's file.
    pub source_file: String,
    /// When the source last changed.
    pub source_changed: String,
    /// When the translation last changed.
    pub translation_changed: String,
}

/// One language's status.
#[derive(Debug, Serialize)]
pub struct LanguageStatus {
    /// The language.
    pub lang: LangCode,
    /// Articles in the default language.
    pub articles: usize,
    /// Of those, translated into this language.
    pub translated: usize,
    /// `@/` paths of articles without a translation.
    pub missing: Vec<String>,
    /// The file to create for each of `missing`, in the same order.
    pub missing_files: Vec<String>,
    /// The source file of each of `missing`, in the same order.
    pub missing_sources: Vec<String>,
    /// Translations older than their source.
    pub stale: Vec<Stale>,
    /// Fluent messages this language takes from a fallback.
    pub missing_messages: Vec<String>,
    /// The default language's text of each missing message, by id.
    pub message_sources: BTreeMap<String, String>,
    /// Messages this language defines that no template uses.
    pub unused_messages: Vec<String>,
}

/// Messages mekong's code looks up itself (a test keeps the list complete),
/// and prefixes of ids built at run time.
const USED_BY_MEKONG: &[&str] = &["site-title", "redirect-notice", "screen-scan"];
const DYNAMIC_PREFIXES: &[&str] = &["nav-", "sector-", "status-"];

/// Computes the status of every language (or one).
pub fn status(session: &Session, only: Option<&str>) -> Vec<LanguageStatus> {
    let config = session.config();
    let default = &config.default_language;
    let mut groups: BTreeMap<String, BTreeMap<&LangCode, &SourcePage>> = BTreeMap::new();
    for s in session
        .sources()
        .filter(|s| s.kind == Kind::Article && !s.front.draft)
    {
        groups.entry(s.group_key()).or_default().insert(&s.lang, s);
    }
    let template_text: String = session
        .templates()
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let (assets, _) = crate::theme::load(config);
    // The built-in theme's messages are its vocabulary, offered to the
    // site's templates (`read-more`): never the site's to clean up.
    let built_in: BTreeSet<String> = assets
        .locales
        .iter()
        .filter(|f| f.file.starts_with(crate::theme::BUILT_IN))
        .flat_map(|f| crate::i18n::source::entries_of(std::slice::from_ref(f), &f.lang))
        .map(|e| e.id)
        .collect();
    let used = |id: &str| {
        USED_BY_MEKONG.contains(&id)
            || built_in.contains(id)
            // A screen's ticker line is the message site.yaml names.
            || config.screens.iter().any(|s| s.ticker.as_deref() == Some(id))
            || template_text.contains(&format!("'{id}'"))
            || template_text.contains(&format!("\"{id}\""))
            || DYNAMIC_PREFIXES.iter().any(|p| {
                // `nav-SECTION` titles sections and `sector-X` labels the open data: mekong builds those ids itself.
                let built_by_mekong = matches!(*p, "nav-" | "sector-");
                id.starts_with(p)
                    && (built_by_mekong
                        || template_text.contains(&format!("'{p}' ~"))
                        || template_text.contains(&format!("\"{p}\" ~")))
            })
    };
    let gaps = session.locales().gaps();
    let sources = crate::i18n::source::entries_of(&assets.locales, default);
    let mut out = Vec::new();
    for lang in &config.languages {
        if only.is_some_and(|o| o != lang.code.as_str()) {
            continue;
        }
        let mut st = LanguageStatus {
            lang: lang.code.clone(),
            articles: 0,
            translated: 0,
            missing: Vec::new(),
            missing_files: Vec::new(),
            missing_sources: Vec::new(),
            stale: Vec::new(),
            missing_messages: Vec::new(),
            message_sources: BTreeMap::new(),
            unused_messages: Vec::new(),
        };
        for members in groups.values() {
            // The default language's version is the source; an article
            // written in another language first (no default version yet)
            // is translated from that one, into the default language too.
            let Some(source) = members
                .get(default)
                .or_else(|| config.languages.iter().find_map(|l| members.get(&l.code)))
            else {
                continue;
            };
            st.articles += 1;
            match members.get(&lang.code) {
                None => {
                    st.missing.push(source.content_path.clone());
                    st.missing_sources.push(shown(&source.file));
                    st.missing_files.push(translation_file(
                        &source.file,
                        &source.lang,
                        &lang.code,
                        default,
                    ));
                }
                Some(t) => {
                    st.translated += 1;
                    let changed = |s: &SourcePage| s.front.updated.or(s.front.date);
                    if let (Some(src), Some(tr)) = (changed(source), changed(t)) {
                        if lang.code != source.lang && src > tr {
                            st.stale.push(Stale {
                                file: shown(&t.file),
                                source_file: shown(&source.file),
                                source_changed: src.to_string(),
                                translation_changed: tr.to_string(),
                            });
                        }
                    }
                }
            }
        }
        st.missing_messages = gaps
            .iter()
            .filter(|g| g.lang == lang.code)
            .map(|g| g.id.clone())
            .collect();
        st.message_sources = sources
            .iter()
            .filter(|e| st.missing_messages.contains(&e.id))
            .map(|e| (e.id.clone(), e.text.clone()))
            .collect();
        let own: BTreeSet<&String> = session.locales().own_ids(&lang.code).collect();
        st.unused_messages = own.into_iter().filter(|id| !used(id)).cloned().collect();
        out.push(st);
    }
    out
}

/// A site-relative path as the report shows it, with `/`.
fn shown(file: &std::path::Path) -> String {
    file.to_string_lossy().replace('\\', "/")
}

/// The file a translation of `source` (in `from`) into `lang` is:
/// `SLUG.LANG.md` beside `SLUG.md`, `index.LANG.md` beside a folder
/// article's `index.md`; `SLUG.md` for the default language.
fn translation_file(
    source: &std::path::Path,
    from: &LangCode,
    lang: &LangCode,
    default: &LangCode,
) -> String {
    let s = shown(source);
    let stem = s.strip_suffix(".md").unwrap_or(&s);
    let stem = if from == default {
        stem
    } else {
        stem.strip_suffix(&format!(".{from}")).unwrap_or(stem)
    };
    if lang == default {
        format!("{stem}.md")
    } else {
        format!("{stem}.{lang}.md")
    }
}

/// Runs the command: the report as its output, or the load problems. The
/// table's words are in `messages`' language; JSON and CSV keep English codes.
pub fn run(opts: &Options, lang: Option<&str>, format: Format, messages: &Messages) -> Outcome {
    Outcome::text(report(opts, lang, format, messages))
}

fn report(
    opts: &Options,
    lang: Option<&str>,
    format: Format,
    messages: &Messages,
) -> Result<String, Diagnostics> {
    let session = Session::load(opts)?;
    if let Some(l) = lang {
        if !session.config().has_language(l) {
            return Err(Diagnostics::from_iter([
                crate::diagnostics::Diagnostic::error(None, msg!("new.unknown-language", lang = l))
                    .hint(msg!("i18n.unknown-language.hint")),
            ]));
        }
    }
    let report = status(&session, lang);
    let default = &session.config().default_language;
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(&report).unwrap_or_default() + "\n",
        Format::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record(["language", "kind", "item", "detail"]);
            for st in &report {
                let l = st.lang.as_str();
                for (file, source) in st.missing_files.iter().zip(&st.missing_sources) {
                    let _ = w.write_record([l, "missing-article", file, source]);
                }
                for s in &st.stale {
                    let _ = w.write_record([
                        l,
                        "stale-article",
                        &s.file,
                        &format!(
                            "source {} changed {} > translation {}",
                            s.source_file, s.source_changed, s.translation_changed
                        ),
                    ]);
                }
                for m in &st.missing_messages {
                    let text = st.message_sources.get(m).map_or("", String::as_str);
                    let _ = w.write_record([l, "missing-message", m, text]);
                }
                for m in &st.unused_messages {
                    let _ = w.write_record([l, "unused-message", m, ""]);
                }
            }
            String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
        }
        Format::Table => table(&report, default.as_str(), messages),
    })
}

/// The summary table and the lists of every language.
fn table(report: &[LanguageStatus], default: &str, messages: &Messages) -> String {
    let number = |n: usize| messages.formats().number(n as f64, Some(0));
    let headings = [
        msg!("i18n.column.language"),
        msg!("i18n.column.translated"),
        msg!("i18n.column.missing"),
        msg!("i18n.column.stale"),
        msg!("i18n.column.missing-messages"),
        msg!("i18n.column.unused"),
    ]
    .map(|m| messages.text(&m));
    let rows: Vec<[String; 6]> = report
        .iter()
        .map(|st| {
            [
                st.lang.to_string(),
                format!("{}/{}", number(st.translated), number(st.articles)),
                number(st.missing.len()),
                number(st.stale.len()),
                number(st.missing_messages.len()),
                number(st.unused_messages.len()),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..6)
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([headings[i].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| -> String {
        let mut out = format!("{:<w$}", cells[0], w = widths[0]);
        for (cell, w) in cells.iter().zip(&widths).skip(1) {
            let _ = write!(out, " {cell:>w$}");
        }
        out.trim_end().to_owned() + "\n"
    };
    let mut s = line(&headings);
    for row in &rows {
        s.push_str(&line(row));
    }
    for st in report {
        let lists = lists(st, default, messages);
        if lists.is_empty() {
            continue;
        }
        let _ = writeln!(s, "\n{}:", st.lang);
        let w = lists
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        for (kind, detail) in &lists {
            let _ = writeln!(s, "  {kind:<w$}  {detail}");
        }
        if let Some(first) = st.missing.first() {
            let path = super::translate::new_path(first);
            let command = super::translate::new_command(path, st.lang.as_str());
            let hint = msg!("i18n.new-hint", command = command);
            let _ = writeln!(s, "  ({})", messages.text(&hint));
        }
    }
    s
}

/// A language's lines: (kind, what), in the reader's language.
fn lists(st: &LanguageStatus, default: &str, messages: &Messages) -> Vec<(String, String)> {
    let say = |m| messages.text(&m);
    let mut lines = Vec::new();
    for (file, source) in st.missing_files.iter().zip(&st.missing_sources) {
        lines.push((
            say(msg!("i18n.kind.missing-article")),
            say(msg!("i18n.missing-article", file = file, source = source)),
        ));
    }
    for x in &st.stale {
        lines.push((
            say(msg!("i18n.kind.stale")),
            say(msg!(
                "i18n.stale",
                file = &x.file,
                source = &x.source_file,
                source_changed = &x.source_changed,
                changed = &x.translation_changed
            )),
        ));
    }
    for m in &st.missing_messages {
        let text = st
            .message_sources
            .get(m)
            .map(|t| crate::i18n::source::first_line(t))
            .unwrap_or_default();
        lines.push((
            say(msg!("i18n.kind.missing-message")),
            format!("{m:<24} {default}: {text}"),
        ));
    }
    for m in &st.unused_messages {
        lines.push((say(msg!("i18n.kind.unused-message")), m.clone()));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `.message(lang, "id", …)` in mekong's code, so that `i18n`
    /// never calls a message mekong looks up itself unused.
    #[test]
    fn every_message_mekong_looks_up_itself_is_counted_as_used() {
        fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let path = e.path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|x| x == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    for (_, rest) in text
                        .match_indices(".message(")
                        .map(|(i, _)| text.split_at(i))
                    {
                        let call = rest.split(')').next().unwrap_or_default();
                        let literal = call.split(',').nth(1).unwrap_or_default().trim();
                        if let Some(id) =
                            literal.strip_prefix('"').and_then(|l| l.strip_suffix('"'))
                        {
                            // The lookup itself, and this test's own doc comment.
                            let here =
                                path.ends_with("i18n/mod.rs") || path.ends_with("commands/i18n.rs");
                            if !here {
                                found.push(id.to_owned());
                            }
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(found.iter().any(|id| id == "screen-scan"), "{found:?}");
        for id in found {
            assert!(
                USED_BY_MEKONG.contains(&id.as_str()),
                "`{id}` is looked up by mekong"
            );
        }
    }

    #[test]
    fn a_translation_file_is_named_after_its_source_in_any_language() {
        let vi = LangCode("vi".into());
        let en = LangCode("en".into());
        let km = LangCode("km".into());
        let file = |s: &str, from, to| translation_file(std::path::Path::new(s), from, to, &vi);
        assert_eq!(file("content/news/a.md", &vi, &km), "content/news/a.km.md");
        assert_eq!(file("content/news/a.en.md", &en, &vi), "content/news/a.md");
        assert_eq!(
            file("content/news/a.en.md", &en, &km),
            "content/news/a.km.md"
        );
        assert_eq!(
            file("content/news/b/index.en.md", &en, &vi),
            "content/news/b/index.md"
        );
    }
}
