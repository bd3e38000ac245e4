//! `mekong check`: everything `build` validates, without writing, plus the
//! Fluent messages each language takes from its fallbacks.

use super::Outcome;
use crate::diagnostics::Diagnostic;
use crate::i18n::Gap;
use crate::msg;
use crate::pipeline::{self, Options};
use std::path::PathBuf;

/// Validates the site.
pub fn run(opts: &Options) -> Outcome {
    let built = pipeline::Session::load_once(opts)
        .and_then(|mut session| Ok((session.build(&crate::output::Discard, false)?, session)));
    let (built, session) = match built {
        Ok(b) => b,
        Err(diagnostics) => return Outcome::failed(diagnostics),
    };
    let mut diagnostics = built.diagnostics.clone();
    if session.config().cms.is_some() {
        let sources = session.sources().map(|s| s.as_ref());
        diagnostics.extend(crate::cms::check::check(session.root(), sources));
    }
    diagnostics.extend(super::no_origin_warning(opts));
    diagnostics.extend(gap_warnings(&built.gaps));
    let summary = crate::msg!("summary.checked", what = super::what_was_built(&built));
    Outcome {
        diagnostics,
        summary: Some(summary),
        ..Outcome::default()
    }
}

/// More gaps than this in one language (a language just added) are one
/// warning, not one per message.
const GAPS_LISTED: usize = 3;

/// The Fluent messages each language takes from its fallbacks: one warning
/// per message, or one per language when it lacks many.
fn gap_warnings(gaps: &[Gap]) -> Vec<Diagnostic> {
    let mut by_lang: std::collections::BTreeMap<&str, Vec<&Gap>> = Default::default();
    for gap in gaps {
        by_lang.entry(gap.lang.as_str()).or_default().push(gap);
    }
    let mut out = Vec::new();
    for (lang, gaps) in by_lang {
        let file = PathBuf::from(format!("locales/{lang}"));
        if gaps.len() > GAPS_LISTED {
            let ids: Vec<&str> = gaps
                .iter()
                .take(GAPS_LISTED)
                .map(|g| g.id.as_str())
                .collect();
            let shown_instead: std::collections::BTreeSet<String> = gaps
                .iter()
                .filter_map(|g| g.from.as_ref())
                .map(|f| format!("`{f}`"))
                .collect();
            let instead = if shown_instead.is_empty() {
                msg!("i18n.gaps.no-fallback")
            } else {
                msg!(
                    "i18n.gaps.shown-instead",
                    langs = shown_instead.into_iter().collect::<Vec<_>>().join(" / ")
                )
            };
            out.push(
                Diagnostic::warning(
                    file,
                    msg!(
                        "i18n.gaps",
                        lang = lang,
                        count = gaps.len(),
                        ids = ids.join(", "),
                        instead = instead
                    ),
                )
                .hint(msg!("i18n.gaps.hint", lang = lang)),
            );
            continue;
        }
        for gap in gaps {
            let message = match &gap.from {
                Some(from) => msg!(
                    "i18n.gap.shown-instead",
                    id = &gap.id,
                    lang = lang,
                    from = from.as_str()
                ),
                None => msg!("i18n.gap", id = &gap.id, lang = lang),
            };
            out.push(Diagnostic::warning(file.clone(), message).hint(msg!(
                "i18n.gap.hint",
                id = &gap.id,
                lang = lang
            )));
        }
    }
    out
}
