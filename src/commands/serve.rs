//! `mekong serve`: build, serve the output on 127.0.0.1, watch the site,
//! rebuild what a change touches, and reload the browser. A failed build
//! keeps the server running and shows its errors over the page. What it
//! says while it runs goes to `say`; it returns when Ctrl-C stops it.

use super::{one, Outcome, Progress};
use crate::messages::{Message, Messages};
use crate::msg;
use crate::pipeline::Options;
use crate::serve::{self, Preview, Rebuilt, SourceWatcher, State};
use crate::write::InPlace;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// `serve`'s options.
#[derive(Debug, Clone)]
pub struct ServeArgs {
    /// Pipeline options (base_url is set by the server).
    pub pipeline: Options,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Address to bind.
    pub bind: IpAddr,
    /// Open the browser.
    pub open: bool,
    /// Output folder; a temporary folder by default.
    pub output: Option<PathBuf>,
    /// The language of mekong's messages, for the error overlay in the browser.
    pub lang: String,
}

/// Runs the preview server until Ctrl-C.
pub fn run(args: ServeArgs, say: &dyn Fn(Progress)) -> Outcome {
    match serve_until_stopped(args, say) {
        Ok(()) => Outcome::default(),
        Err(d) => Outcome::failed(d),
    }
}

fn serve_until_stopped(
    args: ServeArgs,
    say: &dyn Fn(Progress),
) -> Result<(), crate::diagnostics::Diagnostics> {
    let config = crate::pipeline::load_config(&args.pipeline)?;
    // A folder given with --output is locked while the server runs (no
    // build writes into it meanwhile), and never one that holds a build.
    let (temporary, out, _lock) = match &args.output {
        Some(o) => {
            crate::write::check_output_dir(&args.pipeline.root, o, false).map_err(one)?;
            let lock = crate::output_lock::OutputLock::take(o).map_err(one)?;
            if crate::write::holds_a_build(o) {
                return Err(one(crate::write::preview_over_build(o)));
            }
            (false, o.clone(), Some(lock))
        }
        None => (
            true,
            std::env::temp_dir().join(format!("mekong-serve-{}", std::process::id())),
            None,
        ),
    };
    let listener = serve::listen(args.bind, args.port).map_err(one)?;
    let port = listener.port().unwrap_or(args.port);
    let host = if args.bind.is_ipv6() {
        format!("[{}]", args.bind)
    } else {
        args.bind.to_string()
    };
    let base_url = format!("http://{host}:{port}{}", config.base_path);
    if !args.bind.is_loopback() {
        say(Progress::Note(msg!(
            "serve.visible-to-network",
            address = args.bind.to_string()
        )));
    }
    let mut opts = args.pipeline.clone();
    opts.base_url = Some(base_url.clone());

    let sink = InPlace::new(&out).map_err(one)?;
    let messages = Messages::new(&args.lang);
    let note = messages.text(&msg!("serve.preview-note", url = &base_url));
    crate::write::mark_preview(&out, &note).map_err(one)?;
    let canonical_out = out.canonicalize().unwrap_or_else(|_| out.clone());
    let mut state = State::new(canonical_out, config.base_path.clone(), messages);
    if config.cms.is_some() {
        state.cms = Some(serve::CmsBackend::new(
            config.clone(),
            Messages::new(&args.lang),
        ));
    }
    let state = Arc::new(state);
    let mut preview = Preview::new(opts, sink, state.clone());
    // Watch before the first build: a file saved while it runs, or just
    // after the server starts answering, is seen and rebuilt, never lost.
    let mut watcher = SourceWatcher::new(&args.pipeline.root, &out).map_err(one)?;
    preview.overtaken_by(watcher.newer_edit());
    rebuild(&mut preview, &[], say);

    listener.answer(state);
    say(Progress::Line(msg!(
        "serve.serving",
        root = &args.pipeline.root,
        url = &base_url
    )));
    if args.open {
        let _ = std::process::Command::new("xdg-open")
            .arg(&base_url)
            .spawn();
    }

    let stop = Arc::new(AtomicBool::new(false));
    let stop_handler = stop.clone();
    let _ = ctrlc::set_handler(move || stop_handler.store(true, Ordering::SeqCst));
    let warn = |line: Message| say(Progress::Note(line));
    // A rebuild overtaken by a newer edit left pages for later: the next
    // one renders them, or, when no edit comes in, a catch-up.
    while let Some(paths) = watcher.next_batch(&stop, &warn, preview.owes().then_some(CATCH_UP)) {
        if paths.is_empty() {
            if let Some(rebuilt) = preview.catch_up() {
                report(&preview, &rebuilt, &paths, false, say);
            }
        } else {
            rebuild(&mut preview, &paths, say);
        }
    }
    if temporary {
        drop(preview);
        let _ = std::fs::remove_dir_all(&out);
    } else {
        preview.finish();
    }
    say(Progress::Line(msg!("serve.stopped")));
    Ok(())
}

/// How long `serve` waits for another edit before it writes what an
/// overtaken rebuild left for later.
const CATCH_UP: std::time::Duration = std::time::Duration::from_millis(10);

/// Rebuilds, reports, then tells open pages (so the report comes first).
fn rebuild(preview: &mut Preview, paths: &[PathBuf], say: &dyn Fn(Progress)) {
    if let Some(rebuilt) = preview.rebuild(paths) {
        report(preview, &rebuilt, paths, paths.is_empty(), say);
    }
}

/// Reports a rebuild and tells open pages. One that left pages for later
/// says nothing: the build that finishes them does (so `rebuilt` means
/// the folder is up to date).
fn report(
    preview: &Preview,
    rebuilt: &Rebuilt,
    paths: &[PathBuf],
    first: bool,
    say: &dyn Fn(Progress),
) {
    if rebuilt.cut_short && rebuilt.written.is_some() {
        return;
    }
    say(Progress::Rebuilt(outcome_of(rebuilt, first)));
    preview.tell_pages(rebuilt, paths);
}

/// A rebuild as main prints it: its diagnostics, and one line on stdout.
fn outcome_of(rebuilt: &Rebuilt, first: bool) -> Outcome {
    let ms = rebuilt.millis.round();
    let line = match rebuilt.written {
        Some(written) if first => msg!("serve.built", ms = ms, files = written),
        Some(written) => msg!("serve.rebuilt", ms = ms, files = written),
        None => msg!(
            "serve.failed",
            ms = ms,
            errors = rebuilt.diagnostics.error_count()
        ),
    };
    Outcome {
        said: Some(line),
        diagnostics: rebuilt.diagnostics.clone(),
        ..Outcome::default()
    }
}
