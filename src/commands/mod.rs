//! The commands: thin wrappers that run the pipeline and say how it went.
//! In: each command's arguments. Out: one [`Outcome`] per command (and per
//! rebuild of `serve`), which main prints one way, and [`Progress`] lines
//! for what a long-running command says while it runs. Nothing here prints.

pub mod build;
pub mod check;
pub mod i18n;
pub mod i18n_init;
pub mod report;
pub mod scaffold;
pub mod serve;
mod translate;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::Message;
use crate::msg;
use crate::pipeline::{Built, Options};
use std::path::{Path, PathBuf};

/// What a command ends with: the diagnostics to show, a summary line, and
/// what the command made for standard output.
#[derive(Default)]
pub struct Outcome {
    /// Everything found, errors and warnings.
    pub diagnostics: Diagnostics,
    /// One line for the terminal, when the command succeeded; said in the
    /// reader's language by `main`.
    pub summary: Option<Message>,
    /// Text for standard output, printed as is after the diagnostics:
    /// `i18n`'s report, `report`'s table.
    pub output: String,
    /// A line for standard output in the reader's language, after `output`:
    /// the file `new` wrote, a rebuild's `rebuilt in 12 ms`. A failed
    /// command that says here how it failed needs no error count.
    pub said: Option<Message>,
    /// Seconds per stage of a build (`build --timings`), in stage order.
    pub timings: Vec<(&'static str, f64)>,
}

impl Outcome {
    /// A command that stopped on `diagnostics`.
    pub fn failed(diagnostics: Diagnostics) -> Outcome {
        Outcome {
            diagnostics,
            ..Outcome::default()
        }
    }

    /// A command whose product is a text for standard output.
    pub fn text(result: Result<String, Diagnostics>) -> Outcome {
        match result {
            Ok(output) => Outcome {
                output,
                ..Outcome::default()
            },
            Err(diagnostics) => Outcome::failed(diagnostics),
        }
    }

    /// A command whose product is one line saying what it did.
    pub fn said(result: Result<Message, Diagnostics>) -> Outcome {
        match result {
            Ok(said) => Outcome {
                said: Some(said),
                ..Outcome::default()
            },
            Err(diagnostics) => Outcome::failed(diagnostics),
        }
    }
}

/// What a long-running command (`serve`) says while it runs;
/// main prints it as it comes.
pub enum Progress {
    /// A line for standard output (`serving … on …`, `stopped`).
    Line(Message),
    /// A line for standard error (a warning about the server or the watcher).
    Note(Message),
    /// One of `serve`'s rebuilds, printed like a command's outcome.
    Rebuilt(Outcome),
}

/// One diagnostic as a list.
pub(crate) fn one(d: Diagnostic) -> Diagnostics {
    Diagnostics::from_iter([d])
}

/// The site folder: `--root` when given, else the nearest folder holding a
/// `site.yaml`, from the current folder up (an editor working in
/// `content/news/` means the site around it). Without one, `.`, so that the
/// error names the missing `site.yaml`.
pub fn site_root(given: Option<PathBuf>) -> PathBuf {
    if let Some(root) = given {
        return root;
    }
    let here = PathBuf::from(".");
    if here.join("site.yaml").is_file() {
        return here;
    }
    let Ok(cwd) = std::env::current_dir() else {
        return here;
    };
    cwd.ancestors()
        .skip(1)
        .find(|dir| dir.join("site.yaml").is_file())
        .map_or(here, Path::to_path_buf)
}

/// Why `url` cannot be a `--base-url`, in plain words; `None` when it can.
pub fn base_url_problem(url: &str) -> Option<Message> {
    match crate::config::split_base_url(url) {
        Some(_) => None,
        None => Some(msg!("options.base-url-not-http", url = url)),
    }
}

/// A warning when the site has no origin (`base_url` missing, or a bare
/// path): canonical links and feed ids are then relative, and the sitemap
/// cannot be written (its `<loc>` must be absolute), so it is left out,
/// as are the open-data catalogues (`data/catalog.jsonld`,
/// `data/csv-metadata.json`).
pub(crate) fn no_origin_warning(opts: &Options) -> Option<Diagnostic> {
    let config = crate::pipeline::load_config(opts).ok()?;
    if !config.origin.is_empty() {
        return None;
    }
    let text = std::fs::read_to_string(opts.root.join("site.yaml")).unwrap_or_default();
    let line = crate::source_text::key_line(&text, &["base_url"]);
    let what = match line {
        Some(_) => msg!("config.no-origin.path-only"),
        None => msg!("config.no-origin.missing"),
    };
    Some(
        Diagnostic::warning(
            PathBuf::from("site.yaml"),
            msg!("config.no-origin", what = what),
        )
        .at_line(line)
        .with_source(&text)
        .hint(msg!("config.no-origin.hint")),
    )
}

/// What a build made, in numbers that add up: the pages (articles,
/// sections, home pages) per language, the other HTML files (list pages
/// after the first, tag pages, 404 pages, open-data pages, redirects, the
/// language picker), and every other file. `110 pages (vi 34, en 34, lo 21,
/// km 21), 96 list, tag, 404, open-data and redirect pages and 364 other
/// files`.
pub(crate) fn what_was_built(built: &Built) -> Message {
    let pages: usize = built.pages_per_language.iter().map(|(_, n)| n).sum();
    let per_lang: Vec<String> = built
        .pages_per_language
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    let html = built.html_count();
    msg!(
        "summary.what-was-built",
        pages = pages,
        per_language = per_lang.join(", "),
        more_pages = html.saturating_sub(pages),
        files = built.records.len() - html,
    )
}

/// The stages of a build and their seconds, one per line (`build
/// --timings`; the stage names are the pipeline's: `read`, `resolve`,
/// `markdown`, `render`, `outputs`, `search`, `commit`).
pub fn timings_table(stages: &[(&str, f64)]) -> String {
    stages
        .iter()
        .map(|(stage, seconds)| format!("{stage:<10} {seconds:>8.3} s\n"))
        .collect()
}

#[cfg(test)]
mod timings_tests {
    #[test]
    fn timings_are_one_stage_per_line() {
        let stages = [("read", 0.1234), ("search", 12.0)];
        assert_eq!(
            super::timings_table(&stages),
            "read          0.123 s\nsearch       12.000 s\n"
        );
    }
}

/// `word` as one shell word a user can paste: as it is when it holds only
/// letters, digits and `/._-`, else in double quotes (with `"`, `$`, `` ` ``
/// and `\` escaped). `Cổng tỉnh` → `"Cổng tỉnh"`.
pub(crate) fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | ':' | '@'));
    if plain {
        return word.to_owned();
    }
    let mut out = String::from("\"");
    for c in word.chars() {
        if matches!(c, '"' | '$' | '`' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn a_path_with_spaces_or_shell_characters_is_quoted_to_paste() {
        assert_eq!(shell_word("news/bai-moi"), "news/bai-moi");
        assert_eq!(shell_word("news/Bài_mới.md"), "news/Bài_mới.md");
        assert_eq!(shell_word("Cổng tỉnh"), "\"Cổng tỉnh\"");
        assert_eq!(shell_word("a \"b\" $c"), "\"a \\\"b\\\" \\$c\"");
        assert_eq!(shell_word(""), "\"\"");
    }
}
