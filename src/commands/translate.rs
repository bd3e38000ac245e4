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

/// An article as its files name it: `content/news/Bài mới có dấu.md` and
/// its translations, or the folder `content/news/thac-mo/` with `index.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Article {
    /// `content/SECTION`, or `content` for a page outside any section.
    dir: String,
    /// The file name without language and `.md`, or the folder's name.
    name: String,
    /// Whether the article is a folder (`NAME/index.LANG.md`).
    folder: bool,
}

impl Article {
    /// Its file in `lang`, which may not exist yet.
    fn file(&self, config: &Config, lang: &str) -> String {
        let (dir, name, sfx) = (&self.dir, &self.name, suffix(config, lang));
        if self.folder {
            format!("{dir}/{name}/index{sfx}.md")
        } else {
            format!("{dir}/{name}{sfx}.md")
        }
    }

    /// Its file in the first language it has, the default language first.
    fn source(&self, root: &Path, config: &Config) -> Option<String> {
        std::iter::once(config.default_language.as_str())
            .chain(config.language_codes())
            .map(|l| self.file(config, l))
            .find(|f| root.join(f).is_file())
    }

    /// `SECTION/NAME` (or `NAME`), as `mekong new` takes it.
    fn path(&self) -> String {
        match self.dir.strip_prefix("content/") {
            Some(section) => format!("{section}/{}", self.name),
            None => self.name.clone(),
        }
    }
}

/// The articles of `root/dir`, each once, in file-name order.
fn articles_in(root: &Path, config: &Config, dir: &str) -> Vec<Article> {
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
        return Vec::new();
    };
    let mut names: Vec<(String, bool)> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name.starts_with('_') {
                return None;
            }
            let path = e.path();
            if path.is_dir() {
                let indexed = config.language_codes().any(|l| {
                    path.join(format!("index{}.md", suffix(config, l)))
                        .is_file()
                });
                return indexed.then_some((name, true));
            }
            let stem = name.strip_suffix(".md")?;
            let stem = match stem.rsplit_once('.') {
                Some((n, l)) if config.has_language(l) => n,
                _ => stem,
            };
            Some((stem.to_owned(), false))
        })
        .collect();
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|(name, folder)| Article {
            dir: dir.to_owned(),
            name,
            folder,
        })
        .collect()
}

/// The front matter `slug:`s of an article's files: the URL segments it is
/// published under in each language.
fn front_slugs(root: &Path, config: &Config, article: &Article) -> Vec<String> {
    config
        .language_codes()
        .filter_map(|l| {
            let file = PathBuf::from(article.file(config, l));
            let bytes = std::fs::read(root.join(&file)).ok()?;
            let text = crate::source_text::decode_utf8(&bytes).ok()?;
            let split = crate::content::front_matter::split(&text).ok()?;
            let parsed = crate::content::front_matter::parse(
                &file,
                &text,
                &split,
                false,
                &[],
                &config.timezone,
            );
            parsed.front.slug
        })
        .collect()
}

/// The article `wanted` names in `dir`: by its file name (`Bài mới có dấu`),
/// or by the slug it is published under (`bai-moi-co-dau`, or its front
/// matter's `slug:`). `Err` holds the closest article, for "did you mean".
fn find(root: &Path, config: &Config, dir: &str, wanted: &str) -> Result<Article, Option<Article>> {
    use crate::content::slug::slugify;
    let articles = articles_in(root, config, dir);
    let wanted_slug = slugify(wanted);
    let found = articles
        .iter()
        .find(|a| a.name == wanted)
        .or_else(|| articles.iter().find(|a| slugify(&a.name) == wanted_slug))
        .or_else(|| {
            articles
                .iter()
                .find(|a| front_slugs(root, config, a).iter().any(|s| *s == wanted))
        });
    if let Some(a) = found {
        return Ok(a.clone());
    }
    let slugs: Vec<String> = articles.iter().map(|a| slugify(&a.name)).collect();
    let guess = closest(&wanted_slug, slugs.iter().map(String::as_str))
        .and_then(|g| articles.iter().find(|a| slugify(&a.name) == g));
    Err(guess.cloned())
}

/// `mekong new PATH --lang L` as a user can paste it: the path in double
/// quotes when a shell would split or change it.
pub(crate) fn new_command(path: &str, lang: &str) -> String {
    format!("mekong new {} --lang {lang}", super::shell_word(path))
}

/// The `mekong new` path of an article from its `@/` path
/// (`news/Bài mới.md`, `tourism/thac-mo/index.md`, `about.md`).
pub(crate) fn new_path(content_path: &str) -> &str {
    let p = content_path.strip_suffix(".md").unwrap_or(content_path);
    p.strip_suffix("/index").unwrap_or(p)
}

/// What `new` writes for `SECTION/NAME` (or a page's `NAME`, `section`
/// `None`) in `lang` when the article exists in another language: its
/// translation, named like the source's file. `Ok(None)` when it exists in
/// none and `lang` is the default language (a new article); an error when
/// the translation exists already, or when a translation is asked of an
/// article that exists in no language.
pub(super) fn translation(
    root: &Path,
    config: &Config,
    section: Option<&str>,
    wanted: &str,
    lang: &str,
    messages: &Messages,
) -> Result<Option<NewFile>, Diagnostics> {
    let dir = section.map_or_else(|| "content".to_owned(), |s| format!("content/{s}"));
    let default = config.default_language.as_str();
    let (article, source) = match find(root, config, &dir, wanted) {
        Ok(a) => match a.source(root, config) {
            Some(s) => (a, s),
            None => return Ok(None),
        },
        Err(_) if lang == default || section.is_none() => return Ok(None),
        Err(guess) => {
            let path = section.map_or_else(|| wanted.to_owned(), |s| format!("{s}/{wanted}"));
            let start = format!("mekong new {}", super::shell_word(&path));
            let hint = match guess {
                Some(g) => msg!(
                    "new.no-article.did-you-mean",
                    command = new_command(&g.path(), lang),
                    start = start,
                    default = default
                ),
                None => msg!("new.no-article.hint", start = start, default = default),
            };
            return Err(one(Diagnostic::error(
                None,
                msg!("new.no-article", path = path, lang = lang),
            )
            .hint(hint)));
        }
    };
    let rel = article.file(config, lang);
    if root.join(&rel).exists() {
        return Err(one(Diagnostic::error(
            PathBuf::from(&rel),
            msg!("new.exists"),
        )
        .hint(msg!("new.translation-exists.hint", lang = lang))));
    }
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
