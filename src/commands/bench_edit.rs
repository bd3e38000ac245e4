//! `mekong bench-edit` (hidden): the benchmark's measure of `serve`. Loads a
//! site as `serve` does, edits one article's body, then its title, and
//! says the time from each edit to its page being rewritten
//! (`body-edit 0.0123`, a [`Progress::Line`]; each edit's stages as a
//! [`Progress::Note`]). The file is restored afterwards. The watcher's
//! debounce (50 ms) is not included.

use super::{one, Outcome, Progress};
use crate::content::Kind;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::pipeline::Options;
use crate::pipeline::Session;
use crate::write::InPlace;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Runs the measurement; says `NAME SECONDS` lines.
pub fn run(opts: &Options, out: &Path, say: &dyn Fn(Progress)) -> Outcome {
    match measure(opts, out, say) {
        Ok(()) => Outcome::default(),
        Err(d) => Outcome::failed(d),
    }
}

fn measure(opts: &Options, out: &Path, say: &dyn Fn(Progress)) -> Result<(), Diagnostics> {
    crate::write::check_output_dir(&opts.root, out, false).map_err(one)?;
    let _lock = crate::output_lock::OutputLock::take(out).map_err(one)?;
    let mut session = Session::load(opts)?;
    let mut sink = InPlace::new(out).map_err(one)?;
    let start = Instant::now();
    let built = session.build(&sink, false)?;
    sink.settle(&built.records, true, &built.page_files);
    say(Progress::Line(format!(
        "full-build {:.4}",
        start.elapsed().as_secs_f64()
    )));

    let site = session
        .site()
        .ok_or_else(|| one(Diagnostic::error(None, "the site did not build")))?;
    let mut articles: Vec<(PathBuf, String)> = site
        .pages
        .iter()
        .filter(|p| {
            p.kind == Kind::Article && !p.is_fallback && p.lang == site.config.default_language
        })
        .filter_map(|p| {
            site.source(p)
                .map(|s| (site.config.root.join(&s.file), p.path.clone()))
        })
        .collect();
    articles.sort();
    let (file, url_path) = articles
        .get(articles.len() / 2)
        .cloned()
        .ok_or_else(|| one(Diagnostic::error(None, "the site has no article to edit")))?;
    let page_file = out.join(crate::urls::file_of(&url_path));
    let original = std::fs::read_to_string(&file)
        .map_err(|e| one(Diagnostic::error(file.clone(), format!("cannot read: {e}"))))?;

    let mut result = Ok(());
    // Each edit is made five times (a different text each time); the median is printed.
    'edits: for name in ["body-edit", "title-edit"] {
        let mut times = Vec::new();
        for round in 0..5 {
            let marker = format!("mekong-bench-{name}-{round}");
            let text = if name == "body-edit" {
                format!("{original}\n\n{marker} paragraph.\n")
            } else {
                original.replacen("title: ", &format!("title: {marker} "), 1)
            };
            if let Err(e) = std::fs::write(&file, &text) {
                result = Err(one(Diagnostic::error(
                    file.clone(),
                    format!("cannot write: {e}"),
                )));
                break 'edits;
            }
            let t = Instant::now();
            let step = session
                .reload(std::slice::from_ref(&file))
                .and_then(|_| session.build(&sink, true));
            match step {
                Ok(built) => {
                    if round == 0 {
                        let stages: Vec<String> = built
                            .timings
                            .iter()
                            .map(|(n, t)| format!("{n} {:.1} ms", t * 1000.0))
                            .collect();
                        say(Progress::Note(format!("{name}: {}", stages.join(", "))));
                    }
                    sink.settle(&built.records, false, &built.page_files)
                }
                Err(d) => {
                    result = Err(d);
                    break 'edits;
                }
            }
            times.push(t.elapsed().as_secs_f64());
            let rewritten = std::fs::read_to_string(&page_file)
                .map(|h| h.contains(&marker))
                .unwrap_or(false);
            if !rewritten {
                result = Err(one(Diagnostic::error(
                    page_file.clone(),
                    format!("{name}: the page was not rewritten"),
                )));
                break 'edits;
            }
        }
        times.sort_by(f64::total_cmp);
        say(Progress::Line(format!(
            "{name} {:.4}",
            times[times.len() / 2]
        )));
    }
    let _ = std::fs::write(&file, &original);
    sink.flush();
    result
}
