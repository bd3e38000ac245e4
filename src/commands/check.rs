//! `mekong check`: everything `build` validates, without writing, plus the
//! Fluent messages each language takes from its fallbacks.

use super::Outcome;
use crate::diagnostics::Diagnostic;
use crate::pipeline::{self, Options};
use std::path::PathBuf;

/// Validates the site.
pub fn run(opts: &Options) -> Outcome {
    let built = match pipeline::build(opts, &crate::output::Discard) {
        Ok(b) => b,
        Err(diagnostics) => return Outcome::failed(diagnostics),
    };
    let mut diagnostics = built.diagnostics.clone();
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
