//! `mekong new SECTION/SLUG --lang L` for a translator: the article's
//! existing files in, the translation's file (named the way the source is:
//! `SLUG.L.md` beside `SLUG.md`, `SLUG/index.L.md` inside a folder article)
//! and its text out. The text is a copy of the source to translate over:
//! the same front matter (dates, image, the project, place and event data
//! kept, so `mekong i18n` can tell when the source changes after it), the
//! source's text as the body, and `draft: true` until it is translated.

use crate::config::Config;
use crate::diagnostics::{closest, Diagnostic, Diagnostics};
use crate::messages::{Message, Messages};
use crate::msg;
use std::path::{Path, PathBuf};

/// A file to write for `mekong new`, and what to tell the user.
pub(super) struct NewFile {
    /// Relative to the site root.
    pub rel: String,
    /// Its text.
    pub text: String,
    /// The line printed once it is written.
    pub said: Message,
}

fn one(d: Diagnostic) -> Diagnostics {
    Diagnostics::from_iter([d])
}

fn suffix(config: &Config, lang: &str) -> String {
    if lang == config.default_language.as_str() {
        String::new()
    } else {
        format!(".{lang}")
    }
}

/// A language code that is not the site's: did you mean, and how to add one.
pub(super) fn unknown_language(config: &Config, lang: &str) -> Diagnostics {
    let codes: Vec<&str> = config.language_codes().collect();
    let lower = lang.to_lowercase();
    let guess = codes
        .iter()
        .find(|c| **c == lower || lower.starts_with(**c))
        .copied()
        .or_else(|| closest(lang, codes.iter().copied()));
    let codes = codes.join(", ");
    let hint = match guess {
        Some(c) => msg!(
            "new.unknown-language.did-you-mean",
            code = c,
            codes = codes,
            lang = lang
        ),
        None => msg!("new.unknown-language.hint", codes = codes, lang = lang),
    };
    one(Diagnostic::error(
        PathBuf::from("site.yaml"),
        msg!("new.unknown-language", lang = lang),
    )
    .hint(hint))
}

/// The section folder must exist: a misspelled one would start a new
/// section holding one article.
pub(super) fn check_section(root: &Path, section: &str) -> Result<(), Diagnostics> {
    let content = root.join("content");
    if content.join(section).is_dir() {
        return Ok(());
    }
    let sections: Vec<String> = std::fs::read_dir(&content)
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    let hint = match closest(section, sections.iter().map(String::as_str)) {
        Some(s) => msg!("new.no-section.did-you-mean", guess = s, section = section),
        None => msg!("new.no-section.hint", section = section),
    };
    Err(one(Diagnostic::error(
        None,
        msg!("new.no-section", section = section),
    )
    .hint(hint)))
}

/// The file of `SECTION/SLUG` in `lang`: inside the folder when the article
/// is a folder (`SLUG/index.md`), else beside the section's other files.
fn file_of(root: &Path, config: &Config, section: &str, slug: &str, lang: &str) -> String {
    let sfx = suffix(config, lang);
    if root.join("content").join(section).join(slug).is_dir() {
        format!("content/{section}/{slug}/index{sfx}.md")
    } else {
        format!("content/{section}/{slug}{sfx}.md")
    }
}

/// What `new` writes for `SECTION/SLUG` in `lang` when the article exists
/// in another language: its translation. `None` when it exists in none
/// (a new article); an error when the file exists already.
pub(super) fn translation(
    root: &Path,
    config: &Config,
    section: &str,
    slug: &str,
    lang: &str,
    messages: &Messages,
) -> Result<Option<NewFile>, Diagnostics> {
    let rel = file_of(root, config, section, slug, lang);
    if root.join(&rel).exists() {
        return Err(one(Diagnostic::error(
            PathBuf::from(&rel),
            msg!("new.exists"),
        )
        .hint(msg!("new.translation-exists.hint", lang = lang))));
    }
    let default = config.default_language.as_str();
    let source = std::iter::once(default)
        .chain(config.language_codes())
        .map(|l| file_of(root, config, section, slug, l))
        .find(|f| root.join(f).is_file());
    let Some(source) = source else {
        return Ok(None);
    };
    let read = std::fs::read(root.join(&source)).map_err(|e| {
        one(Diagnostic::error(
            PathBuf::from(&source),
            msg!("new.cannot-read", error = e.to_string()),
        ))
    })?;
    let text = crate::source_text::decode_utf8(&read)
        .map_err(|d| one(d.located_in(PathBuf::from(&source))))?;
    let split = crate::content::front_matter::split(&text)
        .map_err(|d| one(d.located_in(PathBuf::from(&source))))?;
    let note = messages.text(&msg!("new.translation-note", source = &source));
    let note: String = note.lines().map(|l| format!("# {l}\n")).collect();
    let text = format!("---\n{note}{}---\n{}", as_draft(split.yaml), split.body);
    Ok(Some(NewFile {
        said: msg!("new.wrote-translation", file = &rel, source = &source),
        rel,
        text,
    }))
}

/// The source's front matter for a translation: `draft: true`, and without
/// `aliases` (old URLs are the source's; two pages cannot share them).
fn as_draft(yaml: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in yaml.lines() {
        let top = !line.starts_with([' ', '\t', '-']) && !line.trim().is_empty();
        if top {
            skipping = line.starts_with("aliases:") || line.starts_with("draft:");
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("draft: true\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_is_a_draft_without_the_sources_aliases() {
        let yaml =
            "title: A\naliases:\n  - /old/\n  - /older/\ndraft: false\nplace:\n  lat: 11.3\n";
        assert_eq!(
            as_draft(yaml),
            "title: A\nplace:\n  lat: 11.3\ndraft: true\n"
        );
    }
}
