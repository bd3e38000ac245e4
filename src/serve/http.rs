//! The preview server's HTTP side. In: requests, and the [`State`] the
//! rebuilds update. Out: files from the output folder only, the language's
//! 404 page, live reload over Server-Sent Events, and the error overlay
//! injected into HTML.

use crate::diagnostics::Diagnostic;
use crate::messages::Messages;
use crate::msg;
use std::io::Write;
use std::net::IpAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;
use tiny_http::{Header, Request, Response, StatusCode};

/// What the server shows, shared with the rebuild loop.
pub(crate) struct State {
    /// The output folder (canonical).
    pub(crate) out: PathBuf,
    /// The site's base path (`/` or `/portal/`).
    pub(crate) base_path: String,
    /// Problems of the last build, as plain lines; empty when it succeeded.
    pub(crate) errors: RwLock<Vec<String>>,
    /// Open live-reload connections.
    clients: Mutex<Vec<Sender<(String, String)>>>,
    /// The editing app's backend, when the site has `cms:`.
    pub(crate) cms: Option<super::cms_backend::Backend>,
    /// mekong's own words in the browser: the error overlay, the bare 404.
    pub(crate) messages: Messages,
    /// The pages the browser asked for last (rebuilt first).
    pub(crate) viewed: super::viewed::Viewed,
}

impl State {
    /// A server state for an output folder.
    pub(crate) fn new(out: PathBuf, base_path: String, messages: Messages) -> State {
        State {
            out,
            base_path,
            errors: RwLock::new(Vec::new()),
            clients: Mutex::new(Vec::new()),
            cms: None,
            messages,
            viewed: Default::default(),
        }
    }

    /// The live-reload script and the current errors, in the page.
    fn inject(&self, html: &[u8]) -> Vec<u8> {
        let heading = self.messages.text(&msg!("serve.overlay-heading"));
        inject(html, &self.error_lines(), &heading)
    }

    /// Sends an event (`reload`, `css`, `errors`) to every open page.
    pub(crate) fn broadcast(&self, event: &str, data: &str) {
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send((event.to_owned(), data.to_owned())).is_ok());
        }
    }

    fn subscribe(&self) -> Receiver<(String, String)> {
        let (tx, rx) = mpsc::channel();
        if let Ok(mut clients) = self.clients.lock() {
            clients.push(tx);
        }
        rx
    }

    fn error_lines(&self) -> Vec<String> {
        self.errors.read().map(|e| e.clone()).unwrap_or_default()
    }
}

/// A bound server that does not answer yet (the first build comes first).
pub(crate) struct Listener {
    server: tiny_http::Server,
}

/// Binds the preview server to `bind`:`port` (0 picks a free port).
pub(crate) fn listen(bind: IpAddr, port: u16) -> Result<Listener, Diagnostic> {
    let server = tiny_http::Server::http((bind, port)).map_err(|e| {
        Diagnostic::error(
            None,
            crate::msg!(
                "serve.cannot-listen",
                address = format!("{bind}:{port}"),
                error = e.to_string()
            ),
        )
        .hint(crate::msg!("serve.cannot-listen.hint"))
    })?;
    Ok(Listener { server })
}

impl Listener {
    /// The port it listens on.
    pub(crate) fn port(&self) -> Option<u16> {
        self.server.server_addr().to_ip().map(|a| a.port())
    }

    /// Answers requests from now on, each on its own thread.
    pub(crate) fn answer(self, state: Arc<State>) {
        std::thread::spawn(move || {
            for request in self.server.incoming_requests() {
                let s = state.clone();
                std::thread::spawn(move || handle(request, s));
            }
        });
    }
}

/// The path of the live-reload event stream.
const EVENTS: &str = "/__mekong/events";

/// Handles one request (on its own thread).
fn handle(request: Request, state: Arc<State>) {
    let url = request.url().to_owned();
    let path = url.split(['?', '#']).next().unwrap_or("/").to_owned();
    if path == EVENTS {
        events(request, &state);
        return;
    }
    if let Some(cms) = state
        .cms
        .as_ref()
        .filter(|_| path == super::cms_backend::API_PATH)
    {
        super::cms_backend::answer(request, cms);
        return;
    }
    let response = match resolve(&state, &path) {
        Resolved::File(file) => {
            if file.extension().is_some_and(|e| e == "html") {
                if let Ok(rel) = file.strip_prefix(&state.out) {
                    state.viewed.saw(&rel.to_string_lossy().replace('\\', "/"));
                }
            }
            file_response(&state, &file, StatusCode(200))
        }
        Resolved::Redirect(to) => redirect(&to),
        Resolved::Forbidden => text(403, &state.messages.text(&msg!("serve.forbidden"))),
        Resolved::NotFound => not_found(&state, &path),
    };
    let _ = request.respond(response);
}

enum Resolved {
    File(PathBuf),
    Redirect(String),
    Forbidden,
    NotFound,
}

/// Maps a URL path to a file of the output folder, refusing anything that
/// could reach outside it: `..` (raw or percent-encoded), absolute paths,
/// backslashes, NUL, and symlinks that lead out.
fn resolve(state: &State, raw_path: &str) -> Resolved {
    let Ok(decoded) = percent_encoding::percent_decode_str(raw_path).decode_utf8() else {
        return Resolved::Forbidden;
    };
    if decoded.contains('\0') || decoded.contains('\\') {
        return Resolved::Forbidden;
    }
    let base = state.base_path.as_str();
    let Some(rest) = decoded
        .strip_prefix(base)
        .or_else(|| (decoded.as_ref() == base.trim_end_matches('/')).then_some(""))
    else {
        if decoded == "/" {
            return Resolved::Redirect(base.to_owned());
        }
        return Resolved::NotFound;
    };
    let rel = Path::new(rest);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Resolved::Forbidden;
    }
    let mut file = state.out.join(rel);
    if file.is_dir() {
        if !decoded.ends_with('/') {
            return Resolved::Redirect(format!("{raw_path}/"));
        }
        file = file.join("index.html");
    }
    match file.canonicalize() {
        Ok(c) if c.starts_with(&state.out) && c.is_file() => Resolved::File(c),
        Ok(c) if !c.starts_with(&state.out) => Resolved::Forbidden,
        _ => Resolved::NotFound,
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "yml" | "yaml" => "text/yaml; charset=utf-8",
        "wasm" => "application/wasm",
        "xml" => "application/xml; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "gif" => "image/gif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|_| Header::from_bytes(&b"X-Mekong"[..], &b"1"[..]).expect("static header"))
}

fn text(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body.as_bytes().to_vec())
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

fn redirect(to: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(Vec::new())
        .with_status_code(StatusCode(301))
        .with_header(header("Location", to))
}

fn file_response(
    state: &State,
    file: &Path,
    status: StatusCode,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let Ok(mut bytes) = std::fs::read(file) else {
        return text(404, &state.messages.text(&msg!("serve.not-found")));
    };
    let kind = content_type(file);
    if kind.starts_with("text/html") {
        bytes = state.inject(&bytes);
    }
    Response::from_data(bytes)
        .with_status_code(status)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
}

fn not_found(state: &State, path: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    // The language's own 404 page: /en/... misses get /en/404.html.
    let rest = path.strip_prefix(state.base_path.as_str()).unwrap_or("");
    let first = rest.split('/').next().unwrap_or("");
    let candidates = [
        state.out.join(first).join("404.html"),
        state.out.join("404.html"),
    ];
    for c in candidates
        .iter()
        .filter(|c| !first.is_empty() || c.parent() == Some(state.out.as_path()))
    {
        if c.is_file() {
            return file_response(state, c, StatusCode(404));
        }
    }
    let page = format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>{}</h1><p>{}</p></body></html>",
        state.messages.lang(),
        crate::html::escape(&state.messages.text(&msg!("serve.not-found"))),
        crate::html::escape(path)
    );
    Response::from_data(state.inject(page.as_bytes()))
        .with_status_code(StatusCode(404))
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
}

/// Adds the live-reload script (and the current errors, under `heading`)
/// before `</body>`. Only served pages get it: `mekong build` output never does.
pub(super) fn inject(html: &[u8], errors: &[String], heading: &str) -> Vec<u8> {
    // Every `<` escaped: error text quoting `<!--<script>` must not end the script.
    let json = |v: serde_json::Value| v.to_string().replace('<', "\\u003c");
    let errors_json = json(serde_json::json!(errors));
    let heading_json = json(serde_json::json!(heading));
    let script = format!(
        "<script>(function(){{\
function show(list){{var o=document.getElementById('mekong-overlay');if(o)o.remove();if(!list.length)return;\
o=document.createElement('div');o.id='mekong-overlay';o.setAttribute('role','alert');\
o.style.cssText='position:fixed;inset:0;background:rgba(20,22,30,.94);color:#fff;font:14px/1.5 monospace;padding:2rem;overflow:auto;z-index:2147483647';\
var h=document.createElement('h2');h.textContent={heading_json};o.appendChild(h);\
list.forEach(function(d){{var p=document.createElement('pre');p.style.whiteSpace='pre-wrap';p.textContent=d;o.appendChild(p);}});\
document.body.appendChild(o);}}\
show({errors_json});\
if(!window.EventSource)return;var es=new EventSource('{EVENTS}');\
es.addEventListener('reload',function(){{location.reload();}});\
es.addEventListener('errors',function(e){{show(JSON.parse(e.data));}});\
es.addEventListener('css',function(){{document.querySelectorAll('link[rel=stylesheet]').forEach(function(l){{var u=new URL(l.href,location.href);u.searchParams.set('mekong-reload',Date.now());l.href=u.href;}});}});\
}})();</script>"
    );
    let text = String::from_utf8_lossy(html);
    let mut out = match text.rfind("</body>") {
        Some(i) => format!("{}{script}{}", &text[..i], &text[i..]),
        None => format!("{text}{script}"),
    };
    out.shrink_to_fit();
    out.into_bytes()
}

fn events(request: Request, state: &State) {
    let rx = state.subscribe();
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|_| writer.flush())
        .is_err()
    {
        return;
    }
    loop {
        let chunk = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok((event, data)) => format!(
                "event: {event}\ndata: {}\n\n",
                data.replace('\n', "\ndata: ")
            ),
            Err(mpsc::RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_owned(),
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(chunk.as_bytes())
            .and_then(|_| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> (tempfile::TempDir, State) {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("en")).expect("mkdir");
        std::fs::write(
            dir.path().join("index.html"),
            "<html><body>home</body></html>",
        )
        .expect("write");
        let out = dir.path().canonicalize().expect("canonical");
        (dir, State::new(out, "/".into(), Messages::new("vi")))
    }

    #[test]
    fn traversal_is_refused_raw_and_encoded() {
        let (_d, s) = state();
        for p in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/en/%2E%2E/%2e%2e/x",
            "/a%5c..%5cb",
            "/%00",
        ] {
            assert!(matches!(resolve(&s, p), Resolved::Forbidden), "{p}");
        }
        assert!(matches!(resolve(&s, "/"), Resolved::File(_)));
        assert!(matches!(resolve(&s, "/en"), Resolved::Redirect(_)));
        assert!(matches!(resolve(&s, "/missing/"), Resolved::NotFound));
    }

    #[test]
    fn the_reload_script_goes_before_the_end_of_body() {
        let html = inject(
            b"<html><body><p>x</p></body></html>",
            &["a.md:1: error: bad".into()],
            "mekong: </script> failed",
        );
        let text = String::from_utf8(html).expect("utf8");
        assert!(text.contains("EventSource") && text.ends_with("</script></body></html>"));
        assert!(text.contains("a.md:1: error: bad"));
        assert!(
            text.contains(r#""mekong: \u003c/script> failed""#),
            "{text}"
        );
    }

    #[test]
    fn the_overlay_and_the_bare_404_speak_the_readers_language() {
        let (_d, s) = state();
        let page = String::from_utf8(s.inject(b"<body></body>")).expect("utf8");
        assert!(page.contains("mekong: không tạo được trang web"), "{page}");
        assert_eq!(
            s.messages.text(&msg!("serve.not-found")),
            "404: không tìm thấy trang"
        );
    }
}
