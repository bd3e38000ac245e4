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
    /// Print the seconds of each stage (`--timings`).
    pub timings: bool,
}

/// Builds the site into the output folder.
pub fn run(args: &BuildArgs) -> Outcome {
    let start = Instant::now();
    let out = args
        .output
        .clone()
        .unwrap_or_else(|| args.pipeline.root.join("public"));
    let check = || crate::write::check_output_dir(&args.pipeline.root, &out, args.force);
    if let Err(d) = check() {
        return Outcome::failed(one(d));
    }
    // Held until the build has swapped its folder in (dropped at return).
    let _lock = match crate::output_lock::OutputLock::take(&out) {
        Ok(l) => l,
        Err(d) => return Outcome::failed(one(d)),
    };
    // Again, now that no other writer can be swapping the folder under the check.
    if let Err(d) = check() {
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
    diagnostics.extend(super::no_origin_warning(&args.pipeline));
    let committing = Instant::now();
    let stats = match staging.commit(&built.records) {
        Ok(s) => s,
        Err(d) => {
            diagnostics.push(d);
            return Outcome::failed(diagnostics);
        }
    };
    // Hundredths of a second: the figure a reader compares between builds.
    let seconds = (start.elapsed().as_secs_f64() * 100.0).round() / 100.0;
    let summary = crate::msg!(
        "summary.built",
        what = super::what_was_built(&built),
        seconds = seconds,
        folder = out.as_path(),
        written = stats.written,
        unchanged = stats.unchanged,
    );
    let mut timings = Vec::new();
    if args.timings {
        timings = built.timings.clone();
        timings.push(("commit", committing.elapsed().as_secs_f64()));
    }
    Outcome {
        diagnostics,
        summary: Some(summary),
        timings,
        ..Outcome::default()
    }
}
