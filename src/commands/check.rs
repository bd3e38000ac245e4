//! `mekong check`: everything `build` validates, without writing, plus the
//! Fluent messages each language takes from its fallbacks.

use super::Outcome;
use crate::diagnostics::Diagnostic;
use crate::pipeline::{self, Options};
use std::path::PathBuf;

/// Validates the site.
pub fn run(opts: &Options) -> Outcome {
    let built = pipeline::Session::load(opts)
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
    for gap in built.gaps.clone() {
        let file = PathBuf::from(format!("locales/{}", gap.lang));
        let message = match &gap.from {
            Some(from) => format!(
                "message `{}` is missing in `{}`; `{from}` is shown instead",
                gap.id, gap.lang
            ),
            None => format!(
                "message `{}` is missing in `{}` and in its fallbacks",
                gap.id, gap.lang
            ),
        };
        diagnostics.push(Diagnostic::warning(file, message).hint(format!(
            "add `{} = ...` to a .ftl file in locales/{}/",
            gap.id, gap.lang
        )));
    }
    let summary = format!("checked {}: no errors", super::what_was_built(&built));
    Outcome {
        diagnostics,
        summary: Some(summary),
        ..Outcome::default()
    }
}
