//! `mekong build`: the pipeline, then the write.

use super::{one, Outcome};
use crate::pipeline::{self, Options};
use std::path::PathBuf;
use std::time::Instant;

/// `build`'s own options.
#[derive(Debug, Clone, Default)]
pub struct BuildArgs {
    /// Pipeline options.
    pub pipeline: Options,
    /// Output folder; `public/` in the site by default.
    pub output: Option<PathBuf>,
    /// Replace a folder mekong did not write.
    pub force: bool,
}

/// Builds the site into the output folder.
pub fn run(args: &BuildArgs) -> Outcome {
    let start = Instant::now();
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| args.pipeline.root.join("public"));
    if let Err(d) = crate::write::check_output_dir(&args.pipeline.root, &out, args.force) {
        return Outcome::failed(one(d));
    }
    let staging = match crate::write::Staging::begin(&out) {
        Ok(s) => s,
        Err(d) => return Outcome::failed(one(d)),
    };
    let built = match pipeline::build(&args.pipeline, &staging) {
        Ok(b) => b,
        Err(diagnostics) => {
            staging.abort();
            return Outcome::failed(diagnostics);
        }
    };
    let mut diagnostics = built.diagnostics.clone();
    let stats = match staging.commit(&built.records) {
        Ok(s) => s,
        Err(d) => {
            diagnostics.push(d);
            return Outcome::failed(diagnostics);
        }
    };
    let per_lang: Vec<String> = built
        .pages_per_language
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    let summary = format!(
        "built {} pages ({}) and {} files in {:.2} s into {} ({} written, {} unchanged)",
        built.html_count(),
        per_lang.join(", "),
        built.records.len() - built.html_count(),
        start.elapsed().as_secs_f64(),
        out.display(),
        stats.written,
        stats.unchanged,
    );
    Outcome {
        diagnostics,
        summary: Some(summary),
        ..Outcome::default()
    }
}
