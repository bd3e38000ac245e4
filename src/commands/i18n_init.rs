//! `mekong i18n --init LANG`: a starting `.ftl` file for a language the
//! site has just added. Every message of the default language, the
//! theme's included (a site made with `init` has none of them on disk), is
//! written commented out with its source text: the translator uncomments
//! and translates one at a time, and the file is valid Fluent at every
//! step (a message still commented out is taken from the fallback).

use super::{one, Outcome};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::{source, Layer};
use crate::messages::{Message, Messages};
use crate::msg;
use crate::pipeline::Options;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Writes `locales/LANG/site.ftl`; its comments for the translator are in
/// `messages`' language.
pub fn run(opts: &Options, lang: &str, messages: &Messages) -> Outcome {
    Outcome::said(write(opts, lang, messages))
}

fn write(opts: &Options, lang: &str, messages: &Messages) -> Result<Message, Diagnostics> {
    let config = crate::pipeline::load_config(opts)?;
    let Some(language) = config.language(lang) else {
        return Err(super::translate::unknown_language(&config, lang));
    };
    let rel = format!("locales/{lang}/site.ftl");
    let file = opts.root.join(&rel);
    if file.exists() {
        return Err(one(Diagnostic::error(
            PathBuf::from(&rel),
            msg!("new.exists"),
        )
        .hint(msg!("i18n.init-exists.hint", lang = lang))));
    }
    let default = &config.default_language;
    let (assets, _) = crate::theme::load(&config);
    let entries = source::entries_of(&assets.locales, default);
    let fallback = config
        .fallback_chain(&language.code)
        .iter()
        .find(|c| *c != &language.code)
        .map_or_else(
            || msg!("i18n.init.no-fallback"),
            |c| msg!("i18n.init.fallback", lang = c.as_str()),
        );
    let header = messages.text(&msg!(
        "i18n.init.header",
        name = &language.name,
        lang = lang,
        default = default.as_str(),
        fallback = fallback
    ));
    let mut text: String = header.lines().map(|l| format!("# {l}\n")).collect();
    for (layer, heading) in [
        (Layer::Theme, msg!("i18n.init.from-theme")),
        (Layer::Site, msg!("i18n.init.from-site")),
    ] {
        let heading = messages.text(&heading);
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
            msg!("new.cannot-write", error = e.to_string()),
        ))
    };
    std::fs::create_dir_all(file.parent().unwrap_or(&opts.root)).map_err(io)?;
    std::fs::write(&file, text).map_err(io)?;
    Ok(msg!(
        "i18n.init.wrote",
        file = &rel,
        count = entries.len(),
        default = default.as_str()
    ))
}
