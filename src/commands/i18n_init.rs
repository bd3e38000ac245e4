//! `mekong i18n --init LANG`: a starting `.ftl` file for a language the
//! site has just added. Every message of the default language, the
//! theme's included (a site made with `init` has none of them on disk), is
//! written commented out with its source text: the translator uncomments
//! and translates one at a time, and the file is valid Fluent at every
//! step (a message still commented out is taken from the fallback).

use super::{one, Outcome};
use crate::diagnostics::{count, Diagnostic, Diagnostics};
use crate::i18n::{source, Layer};
use crate::pipeline::Options;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Writes `locales/LANG/site.ftl`.
pub fn run(opts: &Options, lang: &str) -> Outcome {
    Outcome::text(write(opts, lang))
}

fn write(opts: &Options, lang: &str) -> Result<String, Diagnostics> {
    let config = crate::pipeline::load_config(opts)?;
    let Some(language) = config.language(lang) else {
        return Err(super::translate::unknown_language(&config, lang));
    };
    let rel = format!("locales/{lang}/site.ftl");
    let file = opts.root.join(&rel);
    if file.exists() {
        return Err(one(Diagnostic::error(
            PathBuf::from(&rel),
            "the file already exists",
        )
        .hint(format!(
            "`mekong i18n --lang {lang}` lists the messages it lacks, each with its source text"
        ))));
    }
    let default = &config.default_language;
    let (assets, _) = crate::theme::load(&config);
    let entries = source::entries_of(&assets.locales, default);
    let fallback = config
        .fallback_chain(&language.code)
        .iter()
        .find(|c| *c != &language.code)
        .map_or_else(|| "nothing".to_owned(), |c| format!("`{c}`"));
    let mut text = format!(
        "# Messages in {} ({lang}), from the {default} messages of the site and its theme.\n\
         # Each is commented out with its {default} text: remove the `# ` of its lines,\n\
         # translate the text after `=`, and keep `{{ $variables }}` and ids as they are.\n\
         # A message still commented out is shown in {fallback} instead.\n",
        language.name
    );
    for (layer, heading) in [
        (Layer::Theme, "From the theme"),
        (Layer::Site, "From the site"),
    ] {
        let mine: Vec<_> = entries.iter().filter(|e| e.layer == layer).collect();
        if mine.is_empty() {
            continue;
        }
        let _ = write!(text, "\n## {heading}\n");
        for e in mine {
            text.push('\n');
            for line in e.text.lines() {
                let _ = writeln!(text, "# {line}");
            }
        }
    }
    let io = |e: std::io::Error| {
        one(Diagnostic::error(
            PathBuf::from(&rel),
            format!("cannot write: {e}"),
        ))
    };
    std::fs::create_dir_all(file.parent().unwrap_or(&opts.root)).map_err(io)?;
    std::fs::write(&file, text).map_err(io)?;
    Ok(format!(
        "wrote {rel} with {} to translate, commented out with their {default} text\n",
        count(entries.len(), "message", "messages")
    ))
}
