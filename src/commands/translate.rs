//! `mekong new SECTION/SLUG --lang L` for a translator: the article's
//! existing files in, the translation's file (named the way the source is:
//! `SLUG.L.md` beside `SLUG.md`, `SLUG/index.L.md` inside a folder article)
//! and its text out. The text is a copy of the source to translate over:
//! the same front matter (dates, image, the project, place and event data
//! kept, so `mekong i18n` can tell when the source changes after it), the
//! source's text as the body, and `draft: true` until it is translated.

use crate::config::Config;
use crate::diagnostics::{closest, Diagnostic, Diagnostics};
use std::path::{Path, PathBuf};

/// A file to write for `mekong new`, and what to tell the user.
pub(super) struct NewFile {
    /// Relative to the site root.
    pub rel: String,
    /// Its text.
    pub text: String,
    /// The line printed once it is written.
    pub said: String,
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
    let codes: Vec<&str> = config.languages.iter().map(|l| l.code.as_str()).collect();
    let lower = lang.to_lowercase();
    let guess = codes
        .iter()
        .find(|c| **c == lower || lower.starts_with(**c))
        .copied()
        .or_else(|| closest(lang, codes.iter().copied()));
    let mut hint = match guess {
        Some(c) => format!("did you mean `{c}`? "),
        None => String::new(),
    };
    hint.push_str(&format!(
        "The site's languages are {}; to add a language, list it under `languages:` in site.yaml \
         (`- code: {lang}`, its `name:` and a `fallback:`), then run `mekong i18n --init {lang}` for its messages",
        codes.join(", ")
    ));
    one(Diagnostic::error(
        PathBuf::from("site.yaml"),
        format!("`{lang}` is not a language of the site"),
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
        Some(s) => format!(
            "did you mean `{s}`? To start a new section, create content/{section}/_index.md first"
        ),
        None => format!("to start a new section, create content/{section}/_index.md first"),
    };
    Err(one(Diagnostic::error(
        None,
        format!("there is no section `{section}` (no folder content/{section}/)"),
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
) -> Result<Option<NewFile>, Diagnostics> {
    let rel = file_of(root, config, section, slug, lang);
    if root.join(&rel).exists() {
        return Err(one(Diagnostic::error(PathBuf::from(&rel), "the file already exists")
            .hint(format!("edit it; `mekong i18n --lang {lang}` lists what is left to translate, and a new article needs another slug"))));
    }
    let default = config.default_language.as_str();
    let source = std::iter::once(default)
        .chain(config.languages.iter().map(|l| l.code.as_str()))
        .map(|l| file_of(root, config, section, slug, l))
        .find(|f| root.join(f).is_file());
    let Some(source) = source else {
        return Ok(None);
    };
    let read = std::fs::read(root.join(&source)).map_err(|e| {
        one(Diagnostic::error(
            PathBuf::from(&source),
            format!("cannot read: {e}"),
        ))
    })?;
    let text = crate::source_text::decode_utf8(&read)
        .map_err(|d| one(d.located_in(PathBuf::from(&source))))?;
    let split = crate::content::front_matter::split(&text)
        .map_err(|d| one(d.located_in(PathBuf::from(&source))))?;
    let text = format!(
        "---\n# Translated from {source}: translate the title, the description and the text;\n\
         # dates, the image and the project, place and event data stay as they are.\n{}---\n{}",
        as_draft(split.yaml),
        split.body
    );
    Ok(Some(NewFile {
        said: format!(
            "wrote {rel}, a copy of {source} to translate; it is a draft until translated: \
             preview it with `mekong serve --drafts`, then remove `draft: true` to publish it\n"
        ),
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
