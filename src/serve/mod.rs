//! `mekong serve`: build, serve the output on 127.0.0.1, watch the site,
//! rebuild what a change touches, and reload the browser. A failed build
//! keeps the server running and shows its errors over the page.

mod http;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::pipeline::Options;
use crate::pipeline::{Change, Session};
use crate::write::InPlace;
use http::State;
use notify::{EventKind, RecursiveMode, Watcher};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub use http::inject;

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
}

/// How a rebuild is reported.
type Report = Box<dyn Fn(&Diagnostics) + Send>;

/// Runs the preview server until Ctrl-C.
pub fn run(args: ServeArgs, report: Report) -> Result<(), Diagnostics> {
    let one = |d: Diagnostic| Diagnostics::from_iter([d]);
    let config = crate::pipeline::load_config(&args.pipeline)?;
    let (temporary, out) = match &args.output {
        Some(o) => {
            crate::write::check_output_dir(&args.pipeline.root, o, false).map_err(one)?;
            (false, o.clone())
        }
        None => (
            true,
            std::env::temp_dir().join(format!("mekong-serve-{}", std::process::id())),
        ),
    };
    let server = tiny_http::Server::http((args.bind, args.port)).map_err(|e| {
        one(Diagnostic::error(
            None,
            format!("cannot listen on {}:{}: {e}", args.bind, args.port),
        )
        .hint("choose another port with --port N"))
    })?;
    let port = server.server_addr().to_ip().map_or(args.port, |a| a.port());
    let host = if args.bind.is_ipv6() {
        format!("[{}]", args.bind)
    } else {
        args.bind.to_string()
    };
    let base_url = format!("http://{host}:{port}{}", config.base_path);
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: serving on {} makes the preview (drafts included) visible to your network",
            args.bind
        );
    }
    let mut opts = args.pipeline.clone();
    opts.base_url = Some(base_url.clone());

    let mut sink = InPlace::new(&out).map_err(one)?;
    let canonical_out = out.canonicalize().unwrap_or_else(|_| out.clone());
    let state = Arc::new(State::new(canonical_out, config.base_path.clone()));
    let mut session = Session::load(&opts);
    rebuild(&mut session, &opts, &mut sink, &state, &[], &report);

    let http_state = state.clone();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let s = http_state.clone();
            std::thread::spawn(move || http::handle(request, s));
        }
    });
    println!(
        "serving {} on {base_url} (Ctrl-C to stop)",
        args.pipeline.root.display()
    );
    if args.open {
        let _ = std::process::Command::new("xdg-open")
            .arg(&base_url)
            .spawn();
    }

    let (tx, rx) = mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(tx).map_err(|e| {
        one(Diagnostic::error(
            None,
            format!("cannot watch the site: {e}"),
        ))
    })?;
    let root = args
        .pipeline
        .root
        .canonicalize()
        .unwrap_or_else(|_| args.pipeline.root.clone());
    // The root itself (not recursively: it holds public/ and maybe target/)
    // catches site.yaml being replaced and source folders being created;
    // each source folder is watched recursively once it exists.
    let _ = watcher.watch(&root, RecursiveMode::NonRecursive);
    let mut watched = std::collections::HashSet::new();
    let watch_sources = |watcher: &mut notify::RecommendedWatcher,
                         watched: &mut std::collections::HashSet<PathBuf>| {
        for name in SOURCE_DIRS {
            let p = root.join(name);
            if p.is_dir()
                && !watched.contains(&p)
                && watcher.watch(&p, RecursiveMode::Recursive).is_ok()
            {
                watched.insert(p);
            }
        }
    };
    watch_sources(&mut watcher, &mut watched);
    let stop = Arc::new(AtomicBool::new(false));
    let stop_handler = stop.clone();
    let _ = ctrlc::set_handler(move || stop_handler.store(true, Ordering::SeqCst));
    let canonical_out = out.canonicalize().unwrap_or_else(|_| out.clone());
    let relevant = |event: notify::Result<notify::Event>| -> Vec<PathBuf> {
        match event {
            // Opening and reading files (our own rebuild does) changes nothing.
            Ok(e) if is_change(&e.kind) => e
                .paths
                .into_iter()
                .filter(|p| !is_noise(p, &canonical_out))
                .collect(),
            Ok(_) => Vec::new(),
            Err(e) => {
                eprintln!("warning: file watching: {e}");
                Vec::new()
            }
        }
    };
    while !stop.load(Ordering::SeqCst) {
        let mut paths = match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(event) => relevant(event),
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        if paths.is_empty() {
            continue;
        }
        // Debounce: an editor's save is several events; wait for 50 ms of quiet.
        while let Ok(event) = rx.recv_timeout(Duration::from_millis(50)) {
            paths.extend(relevant(event));
        }
        paths.sort();
        paths.dedup();
        // Watcher paths are canonical; the session's are under the root as given.
        let paths: Vec<PathBuf> = paths
            .iter()
            .map(|p| {
                p.strip_prefix(&root)
                    .map(|r| args.pipeline.root.join(r))
                    .unwrap_or_else(|_| p.clone())
            })
            .collect();
        watch_sources(&mut watcher, &mut watched);
        rebuild(&mut session, &opts, &mut sink, &state, &paths, &report);
    }
    if temporary {
        let _ = std::fs::remove_dir_all(&out);
    } else {
        sink.flush();
    }
    println!("stopped");
    Ok(())
}

/// The folders of a site whose files mekong reads.
const SOURCE_DIRS: [&str; 5] = ["content", "locales", "templates", "themes", "static"];

/// Whether a watcher event means a file's content or presence changed.
fn is_change(kind: &EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    matches!(
        kind,
        EventKind::Create(_)
            | EventKind::Modify(_)
            | EventKind::Remove(_)
            | EventKind::Access(AccessKind::Close(AccessMode::Write))
    )
}

/// Editor swap files, the output folder itself, hidden files.
fn is_noise(path: &Path, out: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    path.starts_with(out)
        || name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

fn rebuild(
    session: &mut Result<Session, Diagnostics>,
    opts: &Options,
    sink: &mut InPlace,
    state: &State,
    paths: &[PathBuf],
    report: &Report,
) {
    let start = Instant::now();
    let before = session.as_ref().map(|s| s.page_paths()).unwrap_or_default();
    // Classify before reloading: a configuration that failed to load has no session.
    let change = match session.as_mut() {
        Ok(s) if !paths.is_empty() => match s.reload(paths) {
            Ok(c) => c,
            Err(d) => {
                *session = Err(d);
                Change::Config
            }
        },
        Ok(_) => Change::Config,
        Err(_) => {
            *session = Session::load(opts);
            Change::Config
        }
    };
    if change == Change::None {
        return;
    }
    let result = match session.as_mut() {
        Ok(s) => {
            let partial = matches!(change, Change::Content | Change::Messages);
            s.build(sink, partial).inspect(|built| {
                sink.settle(&built.records, !partial, &built.page_files);
                for gone in s.vanished_pages(&before) {
                    sink.remove(&crate::urls::file_of(&gone));
                }
            })
        }
        Err(d) => Err(d.clone()),
    };
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    match result {
        Ok(built) => {
            report(&built.diagnostics);
            let written = built.records.iter().filter(|r| r.fresh).count();
            println!(
                "{} in {ms:.0} ms: {written} files written",
                if paths.is_empty() { "built" } else { "rebuilt" }
            );
            let had_errors = state.errors.read().map(|e| !e.is_empty()).unwrap_or(false);
            if let Ok(mut e) = state.errors.write() {
                e.clear();
            }
            let css_only = !paths.is_empty()
                && !had_errors
                && paths
                    .iter()
                    .all(|p| p.extension().is_some_and(|e| e == "css"));
            state.broadcast(if css_only { "css" } else { "reload" }, "");
        }
        Err(diags) => {
            report(&diags);
            println!(
                "build failed in {ms:.0} ms: {} errors (the server keeps running; fix and save)",
                diags.error_count()
            );
            let lines: Vec<String> = diags
                .clone()
                .into_report()
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.to_plain())
                .collect();
            if let Ok(mut e) = state.errors.write() {
                *e = lines.clone();
            }
            state.broadcast(
                "errors",
                &serde_json::to_string(&lines).unwrap_or_else(|_| "[]".into()),
            );
        }
    }
}
