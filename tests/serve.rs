//! `mekong serve`: the preview server. It builds the site, serves the output
//! on 127.0.0.1 with a live-reload script injected into HTML, refuses paths
//! outside the output, answers misses with the language's 404 page, watches
//! the site and rebuilds on change, keeps running when a build fails (the
//! errors are shown over the page), and stops cleanly on Ctrl-C.
//!
//! Every test starts its own server on a copy of a fixture (`--port 0`), talks
//! to it with hand-written HTTP/1.1 requests, and kills it when it ends (the
//! [`Server`] guard). Every wait is bounded by [`DEADLINE`].
//!
//! Fixture: `tests/fixtures/i18n/` (see tests/build_i18n.rs for its pages);
//! most tests switch it to `untranslated: fallback` so that an English
//! article also appears, as a fallback, in Lao and Khmer.

mod common;

use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any change may take to show.
// Generous: only a failing test waits this long, and a loaded CI machine is slow.
const DEADLINE: Duration = Duration::from_secs(30);
/// The Lao tag page of the fixture (`ທ່ອງທ່ຽວ`, percent-encoded).
const LAO_TAG: &str =
    "/lo/tags/%E0%BA%97%E0%BB%88%E0%BA%AD%E0%BA%87%E0%BA%97%E0%BB%88%E0%BA%BD%E0%BA%A7/";
/// How often a wait looks again.
const POLL: Duration = Duration::from_millis(50);

// ---------------------------------------------------------------- harness

/// A running `mekong serve`; killed when dropped.
struct Server {
    child: Option<Child>,
    port: u16,
    stdout: Arc<Mutex<Vec<String>>>,
    stderr: Arc<Mutex<Vec<String>>>,
    /// The folder given as TMPDIR (where the default output folder goes).
    tmpdir: PathBuf,
}

impl Server {
    /// `mekong serve --root SITE --port 0 EXTRA...`, with TMPDIR inside the
    /// test's temporary folder (so a default output folder never leaks).
    fn start(site: &Site, extra: &[&str]) -> Server {
        let tmpdir = site.outside("tmpdir");
        std::fs::create_dir_all(&tmpdir).expect("create TMPDIR");
        let mut child = Command::new(env!("CARGO_BIN_EXE_mekong"))
            .args(["serve", "--root", path_str(&site.root), "--port", "0"])
            .args(extra)
            .env("TMPDIR", &tmpdir)
            .env("MEKONG_LANG", "en")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start mekong serve");
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let pipe = child.stdout.take().expect("stdout pipe");
        let lines = stdout.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { break };
                lines.lock().unwrap().push(line);
            }
        });
        let pipe = child.stderr.take().expect("stderr pipe");
        let lines = stderr.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines() {
                let Ok(line) = line else { break };
                lines.lock().unwrap().push(line);
            }
        });
        let mut server = Server {
            child: Some(child),
            port: 0,
            stdout,
            stderr,
            tmpdir,
        };
        let start = Instant::now();
        loop {
            if let Some(port) = server.stdout().iter().find_map(|l| parse_port(l)) {
                server.port = port;
                return server;
            }
            if let Ok(Some(status)) = server.child.as_mut().unwrap().try_wait() {
                // Let the reader threads drain the pipes.
                std::thread::sleep(Duration::from_millis(100));
                panic!(
                    "mekong serve exited ({status}) before serving\n{}",
                    server.describe()
                );
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "mekong serve printed no `serving ... on http://127.0.0.1:PORT/` line\n{}",
                server.describe()
            );
            std::thread::sleep(POLL);
        }
    }

    fn pid(&self) -> u32 {
        self.child.as_ref().expect("running").id()
    }

    fn stdout(&self) -> Vec<String> {
        self.stdout.lock().unwrap().clone()
    }

    fn stderr(&self) -> Vec<String> {
        self.stderr.lock().unwrap().clone()
    }

    /// The server's output so far, for assertion messages.
    fn describe(&self) -> String {
        let tail = |v: Vec<String>| {
            let n = v.len();
            let skip = n.saturating_sub(12);
            let mut s = String::new();
            if skip > 0 {
                s.push_str(&format!("  ... ({skip} earlier lines)\n"));
            }
            for l in &v[skip..] {
                s.push_str("  ");
                s.push_str(l);
                s.push('\n');
            }
            s
        };
        format!(
            "server stdout:\n{}server stderr:\n{}",
            tail(self.stdout()),
            tail(self.stderr())
        )
    }

    fn get(&self, path: &str) -> Resp {
        http_get(self.port, path)
    }

    /// Fetches `path` until `ok` holds (or panics at the deadline with the
    /// last response and the server's output).
    fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&Resp) -> bool) -> Resp {
        let start = Instant::now();
        loop {
            let r = self.get(path);
            if ok(&r) {
                return r;
            }
            if start.elapsed() > DEADLINE {
                panic!(
                    "after {:?}, GET {path}: {what} still does not hold\nlast response: {} {}\n{}\n{}",
                    DEADLINE,
                    r.status,
                    r.header("content-type").unwrap_or(""),
                    excerpt(&r.body, 1500),
                    self.describe()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until `path` answers 200 with a body containing `text`.
    fn wait_contains(&self, path: &str, text: &str) -> Resp {
        self.wait_for(
            path,
            &format!("status 200 and body contains {text:?}"),
            |r| r.status == 200 && r.body.contains(text),
        )
    }

    /// Waits until `path` answers 200 without `text` in its body.
    fn wait_lacks(&self, path: &str, text: &str) -> Resp {
        self.wait_for(path, &format!("status 200 and body lacks {text:?}"), |r| {
            r.status == 200 && !r.body.contains(text)
        })
    }

    /// Waits until a stdout line satisfies `ok`.
    fn wait_stdout(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            if let Some(l) = self.stdout().into_iter().find(|l| ok(l)) {
                return l;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "after {DEADLINE:?}, no stdout line {what}\n{}",
                self.describe()
            );
            std::thread::sleep(POLL);
        }
    }

    /// How many stdout lines start with `prefix`.
    fn count_stdout(&self, prefix: &str) -> usize {
        self.stdout()
            .iter()
            .filter(|l| l.starts_with(prefix))
            .count()
    }

    /// Sends SIGINT (what Ctrl-C sends) and waits for the exit.
    fn interrupt(&mut self) -> std::process::ExitStatus {
        let pid = self.pid();
        let kill = Command::new("kill")
            .args(["-INT", &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(kill.success(), "kill -INT {pid} failed");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.as_mut().unwrap().try_wait().expect("wait") {
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "mekong serve did not stop within {DEADLINE:?} of SIGINT\n{}",
                self.describe()
            );
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// The port of `serving DIR on http://127.0.0.1:PORT/ (Ctrl-C to stop)`.
fn parse_port(line: &str) -> Option<u16> {
    if !line.starts_with("serving ") {
        return None;
    }
    let rest = &line[line.find("http://127.0.0.1:")? + "http://127.0.0.1:".len()..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// An HTTP response.
#[derive(Debug, Clone)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn excerpt(s: &str, n: usize) -> String {
    if s.len() <= n {
        return s.to_owned();
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &s[..end], s.len())
}

fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to mekong serve");
    stream
        .set_read_timeout(Some(DEADLINE))
        .expect("read timeout");
    stream
        .set_write_timeout(Some(DEADLINE))
        .expect("write timeout");
    stream
}

/// `GET PATH HTTP/1.1` with `Connection: close`; PATH goes on the wire as given.
fn http_get(port: u16, path: &str) -> Resp {
    let mut stream = connect(port);
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send request");
    let mut raw = Vec::new();
    stream
        .read_to_end(&mut raw)
        .unwrap_or_else(|e| panic!("GET {path}: reading the response failed: {e}"));
    parse_response(&raw).unwrap_or_else(|| {
        panic!(
            "GET {path}: not an HTTP response: {:?}",
            excerpt(&String::from_utf8_lossy(&raw), 500)
        )
    })
}

fn parse_response(raw: &[u8]) -> Option<Resp> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut body = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status_line = lines.next()?;
    let status: u16 = status_line.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            Some((k.trim().to_owned(), v.trim().to_owned()))
        })
        .collect();
    let chunked = headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.to_ascii_lowercase().contains("chunked")
    });
    if chunked {
        body = dechunk(&body)?;
    }
    Some(Resp {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = String::from_utf8_lossy(&data[..eol]);
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

/// An open `/__mekong/events` stream.
struct Events {
    stream: TcpStream,
    /// The response head.
    head: String,
    /// Everything read after the head.
    text: String,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut stream = connect(port);
        stream
            .write_all(
                format!("GET /__mekong/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n")
                    .as_bytes(),
            )
            .expect("send request");
        stream
            .set_read_timeout(Some(Duration::from_millis(100)))
            .expect("read timeout");
        let mut ev = Events {
            stream,
            head: String::new(),
            text: String::new(),
        };
        let start = Instant::now();
        let mut raw = Vec::new();
        loop {
            ev.read_some(&mut raw);
            if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
                ev.head = String::from_utf8_lossy(&raw[..i]).into_owned();
                ev.text = String::from_utf8_lossy(&raw[i + 4..]).into_owned();
                return ev;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "no response head on /__mekong/events within {DEADLINE:?}: {:?}",
                String::from_utf8_lossy(&raw)
            );
        }
    }

    /// Reads what is there (waits at most the socket's 100 ms timeout).
    fn read_some(&mut self, raw: &mut Vec<u8>) -> bool {
        let mut buf = [0u8; 4096];
        match self.stream.read(&mut buf) {
            Ok(0) => false,
            Ok(n) => {
                raw.extend_from_slice(&buf[..n]);
                true
            }
            Err(e)
                if e.kind() == std::io::ErrorKind::WouldBlock
                    || e.kind() == std::io::ErrorKind::TimedOut =>
            {
                true
            }
            Err(e) => panic!("reading /__mekong/events: {e}"),
        }
    }

    /// Reads for `time`, appending to `text`.
    fn read_for(&mut self, time: Duration) {
        let start = Instant::now();
        while start.elapsed() < time {
            let mut raw = Vec::new();
            let open = self.read_some(&mut raw);
            self.text.push_str(&String::from_utf8_lossy(&raw));
            if !open {
                break;
            }
        }
    }

    /// Reads until `text` holds `needle` (after byte `from`), up to the deadline.
    fn wait_for(&mut self, from: usize, needle: &str) -> bool {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if self.text[from..].contains(needle) {
                return true;
            }
            let mut raw = Vec::new();
            let open = self.read_some(&mut raw);
            self.text.push_str(&String::from_utf8_lossy(&raw));
            if !open {
                return self.text[from..].contains(needle);
            }
        }
        self.text[from..].contains(needle)
    }
}

/// The `event:` names in an SSE text.
fn event_names(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("event:"))
        .map(|e| e.trim().to_owned())
        .collect()
}

/// The i18n fixture, optionally with `untranslated: fallback`.
fn site(fallback: bool) -> Site {
    let site = Site::new("i18n");
    if fallback {
        site.edit_site_yaml("untranslated: hide", "untranslated: fallback");
    }
    site
}

/// Replaces text in a site file; the text must be there. Writes the file
/// in one go (as editors that save in place do).
fn edit(site: &Site, rel: &str, from: &str, to: &str) {
    let p = site.path(rel);
    let text = read(&p);
    assert!(text.contains(from), "{rel} has no `{from}`:\n{text}");
    std::fs::write(&p, text.replacen(from, to, 1)).expect("write");
}

/// The `<script>` the server injects, up to `</body>` (found by its
/// opening, so that a `<script>` quoted in an error message does not fool it).
fn injected_script(html: &str) -> &str {
    let end = html.rfind("</body>").unwrap_or(html.len());
    let start = html[..end]
        .rfind("<script>(function(){function show(")
        .unwrap_or(end);
    &html[start..end]
}

// ---------------------------------------------------------------- tests

#[test]
fn serve_builds_and_serves_pages_with_their_content_types() {
    let site = site(false);
    let server = Server::start(&site, &[]);
    assert!(
        server.stdout().iter().any(|l| l.starts_with("built in ")),
        "no `built in N ms` line before `serving`\n{}",
        server.describe()
    );

    let home = server.get("/");
    assert_eq!(home.status, 200, "GET /\n{}", home.body);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(home.body.contains("<html lang=\"vi\""), "{}", home.body);
    assert!(
        home.body.contains("new EventSource('/__mekong/events')"),
        "the live-reload script is missing:\n{}",
        home.body
    );
    let script_at = home.body.find("EventSource").unwrap();
    let body_end = home.body.rfind("</body>").expect("</body>");
    assert!(script_at < body_end, "the script must come before </body>");
    assert_eq!(
        home.body.matches("/__mekong/events").count(),
        1,
        "the script is injected once"
    );
    // The preview links to itself, not to the production base_url.
    let expected_base = format!("http://127.0.0.1:{}/", server.port);
    assert_eq!(
        canonical(&home.body).as_deref(),
        Some(expected_base.as_str()),
        "canonical of the preview home"
    );

    let en = server.get("/en/");
    assert_eq!(en.status, 200);
    assert_eq!(en.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(html_lang(&en.body).as_deref(), Some("en"));
    assert!(en.body.contains("__mekong/events"));

    let sitemap = server.get("/sitemap.xml");
    assert_eq!(sitemap.status, 200);
    assert!(
        sitemap
            .header("content-type")
            .is_some_and(|c| c.starts_with("application/xml")),
        "sitemap content type: {:?}",
        sitemap.header("content-type")
    );
    assert!(sitemap.body.starts_with("<?xml"), "{}", sitemap.body);
    assert!(!sitemap.body.contains("__mekong"), "no script in XML");
    assert!(sitemap
        .body
        .contains(&format!("<loc>http://127.0.0.1:{}/en/</loc>", server.port)));

    let css = server.get("/css/site.css");
    assert_eq!(css.status, 200);
    assert!(
        css.header("content-type")
            .is_some_and(|c| c.starts_with("text/css")),
        "css content type: {:?}",
        css.header("content-type")
    );
    assert!(!css.body.contains("__mekong"));

    let robots = server.get("/robots.txt");
    assert_eq!(robots.status, 200);
    assert!(robots
        .header("content-type")
        .is_some_and(|c| c.starts_with("text/plain")));
    assert!(robots.body.contains("User-agent"), "{}", robots.body);

    let feed = server.get("/en/atom.xml");
    assert_eq!(feed.status, 200);
    assert!(!feed.body.contains("__mekong"));

    // A Lao URL travels percent-encoded.
    let lao = server.get(&format!("/lo/tourism/{}/", pct("ພູບາຣາ")));
    assert_eq!(lao.status, 200, "Lao article\n{}", lao.body);
    assert!(lao.body.contains("ພູບາຣາສູງ 723 ແມັດ."));

    // Query strings are ignored.
    let q = server.get("/en/?utm_source=x");
    assert_eq!(q.status, 200);

    // A folder without its trailing slash redirects to it.
    for (from, to) in [
        ("/en", "/en/"),
        ("/en/tourism", "/en/tourism/"),
        ("/tourism", "/tourism/"),
    ] {
        let r = server.get(from);
        assert_eq!(r.status, 301, "GET {from}");
        assert_eq!(r.header("location"), Some(to), "GET {from}");
    }
    // The stream's path is reserved: it is not a file.
    assert!(server.get("/__mekong/").status == 404);
}

#[test]
fn built_output_never_contains_the_live_reload_script() {
    let site = site(false);
    let out = site.outside("preview");
    {
        let server = Server::start(&site, &["--output", path_str(&out)]);
        // Served pages have it...
        assert!(server.get("/en/").body.contains("__mekong"));
    }
    // ...the files on disk that serve wrote do not,
    let files = html_files(&out);
    assert!(files.len() > 20, "serve wrote {} HTML files", files.len());
    for (path, html) in &files {
        assert!(
            !html.contains("__mekong"),
            "serve's output {path} holds the script"
        );
    }
    // ...and neither does `mekong build`.
    site.build_ok(&[]);
    let files = html_files(&site.public());
    assert!(files.len() > 20, "build wrote {} HTML files", files.len());
    for (path, html) in &files {
        assert!(!html.contains("__mekong"), "public/{path} holds the script");
        assert!(
            !html.contains("EventSource"),
            "public/{path} holds the script"
        );
    }
}

#[test]
fn a_missing_page_gets_the_languages_404_page_with_status_404() {
    let site = site(false);
    let server = Server::start(&site, &[]);

    let en = server.get("/en/does-not-exist/");
    assert_eq!(en.status, 404);
    assert_eq!(en.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(en.body.contains("Page not found"), "{}", en.body);
    assert_eq!(html_lang(&en.body).as_deref(), Some("en"));
    assert!(en.body.contains("__mekong/events"), "404 pages reload too");

    let deep = server.get("/en/tourism/nope/nope.html");
    assert_eq!(deep.status, 404);
    assert!(deep.body.contains("Page not found"));

    let km = server.get("/km/nope/");
    assert_eq!(km.status, 404);
    assert!(km.body.contains("រកមិនឃើញទំព័រ"), "{}", km.body);

    // Outside any language folder: the default language's (vi) 404 page.
    for path in ["/nope/", "/nope.html", "/tourism/nope/"] {
        let vi = server.get(path);
        assert_eq!(vi.status, 404, "GET {path}");
        assert!(
            vi.body.contains("Không tìm thấy trang"),
            "GET {path}:\n{}",
            vi.body
        );
        assert_eq!(html_lang(&vi.body).as_deref(), Some("vi"));
    }
}

#[test]
fn paths_outside_the_output_are_refused() {
    const MARKER: &str = "TOP-SECRET-7f3a9c";
    let site = site(false);
    // Next to the site root, and inside it (but outside the output).
    std::fs::write(site.outside("secret.txt"), MARKER).unwrap();
    site.write("secret.txt", MARKER);
    let out = site.outside("preview");
    let server = Server::start(&site, &["--output", path_str(&out)]);
    let check = |path: &str| {
        let r = server.get(path);
        assert!(
            r.status == 403 || r.status == 404 || r.status == 400,
            "GET {path}: status {} (want 403 or 404)\n{}",
            r.status,
            excerpt(&r.body, 500)
        );
        assert!(!r.body.contains(MARKER), "GET {path} leaked the secret");
        assert!(
            !r.body.contains("[package]"),
            "GET {path} leaked Cargo.toml"
        );
        assert!(!r.body.contains("root:"), "GET {path} leaked /etc/passwd");
        r
    };
    for path in [
        "/../Cargo.toml",
        "/../secret.txt",
        "/../site/secret.txt",
        "/../../secret.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e/secret.txt",
        "/en/%2E%2E/%2E%2E/secret.txt",
        "/en/%2E%2E/%2E%2E/secret",
        "/..%2f..%2fetc/passwd",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/secret.txt%00.html",
        "/%00",
        "/en/%00/../../secret.txt",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/.%2e/secret.txt",
        "../secret.txt",
        "/en/../../secret.txt",
    ] {
        check(path);
    }
    // Plain `..` forms are refused outright, not answered with a page.
    for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"] {
        assert_eq!(server.get(path).status, 403, "GET {path}");
    }

    // Symlinks inside the output that lead out of it.
    let out = out.canonicalize().unwrap();
    std::os::unix::fs::symlink(site.outside("secret.txt"), out.join("leak.txt")).unwrap();
    std::os::unix::fs::symlink(site.tmp.path(), out.join("leakdir")).unwrap();
    std::os::unix::fs::symlink(site.outside("secret.txt"), out.join("en").join("leak.html"))
        .unwrap();
    for path in [
        "/leak.txt",
        "/leakdir/secret.txt",
        "/leakdir/site/secret.txt",
        "/en/leak.html",
    ] {
        check(path);
    }
    assert_eq!(server.get("/leak.txt").status, 403);
    // The folder symlink: no listing, no index, no secret.
    let r = server.get("/leakdir/");
    assert!(
        r.status == 403 || r.status == 404,
        "GET /leakdir/: {}",
        r.status
    );
    assert!(!r.body.contains(MARKER));
    // The site still works.
    assert_eq!(server.get("/en/").status, 200);
}

#[test]
fn editing_an_article_updates_its_page_the_lists_and_the_other_languages() {
    let site = site(true);
    let server = Server::start(&site, &[]);
    let page = "/en/tourism/ho-suoi-lam/";
    // With `untranslated: fallback`, Lao and Khmer show the English text.
    for p in [page, "/lo/tourism/ho-suoi-lam/", "/km/tourism/ho-suoi-lam/"] {
        let r = server.get(p);
        assert_eq!(r.status, 200, "GET {p}");
        assert!(r.body.contains("A blue lake in the forest."), "GET {p}");
    }

    // The body.
    edit(
        &site,
        "content/tourism/ho-suoi-lam.en.md",
        "A blue lake in the forest.",
        "A green lake BODY-EDIT-1 in the forest.",
    );
    server.wait_contains(page, "BODY-EDIT-1");
    server.wait_contains("/lo/tourism/ho-suoi-lam/", "BODY-EDIT-1");
    server.wait_contains("/km/tourism/ho-suoi-lam/", "BODY-EDIT-1");
    assert!(!server.get(page).body.contains("A blue lake"));
    // Vietnamese is untouched.
    assert!(server
        .get("/tourism/ho-suoi-lam/")
        .body
        .contains("Hồ nước xanh giữa rừng."));

    // The title: the page, the section lists, the home pages (newest per
    // section), the feed, in English and in the languages that fall back to it.
    edit(
        &site,
        "content/tourism/ho-suoi-lam.en.md",
        "title: Suoi Lam Lake",
        "title: Suoi Lam TITLE-EDIT-2",
    );
    for p in [
        page,
        "/en/tourism/",
        "/en/",
        "/lo/tourism/ho-suoi-lam/",
        "/lo/tourism/",
        "/lo/",
        "/km/tourism/ho-suoi-lam/",
        "/km/tourism/",
        "/km/",
    ] {
        let r = server.wait_contains(p, "TITLE-EDIT-2");
        assert!(
            !r.body.contains(">Suoi Lam Lake<"),
            "GET {p} still shows the old title\n{}",
            r.body
        );
    }
    server.wait_contains("/en/tourism/atom.xml", "TITLE-EDIT-2");
    let h1 = server.get(page).body;
    assert!(h1.contains("<h1>Suoi Lam TITLE-EDIT-2</h1>"), "{h1}");
    assert!(!server.get("/tourism/").body.contains("TITLE-EDIT-2"));
    // The edit kept the body edit.
    assert!(server.get(page).body.contains("BODY-EDIT-1"));
}

#[test]
fn a_new_article_appears_and_a_deleted_one_disappears() {
    let site = site(true);
    let server = Server::start(&site, &[]);
    let page = "/news/tin-moi/";
    let r = server.get(page);
    assert_eq!(r.status, 404);

    site.write(
        "content/news/tin-moi.md",
        "---\ntitle: Tin mới NEW-ARTICLE\ndate: 2026-07-01\n---\n\nNội dung NEW-BODY.\n",
    );
    server.wait_contains(page, "NEW-BODY");
    server.wait_contains("/news/", "href=\"/news/tin-moi/\"");
    server.wait_contains("/", "href=\"/news/tin-moi/\"");
    server.wait_contains("/sitemap.xml", "/news/tin-moi/</loc>");
    server.wait_contains("/news/atom.xml", "NEW-ARTICLE");
    // The other languages get a fallback page.
    server.wait_contains("/en/news/tin-moi/", "NEW-BODY");
    server.wait_contains("/en/news/", "href=\"/en/news/tin-moi/\"");

    std::fs::remove_file(site.path("content/news/tin-moi.md")).unwrap();
    let gone = server.wait_for(page, "status 404", |r| r.status == 404);
    assert!(gone.body.contains("Không tìm thấy trang"), "{}", gone.body);
    let gone = server.wait_for("/en/news/tin-moi/", "status 404", |r| r.status == 404);
    assert!(gone.body.contains("Page not found"), "{}", gone.body);
    server.wait_lacks("/sitemap.xml", "tin-moi");
    server.wait_lacks("/news/", "tin-moi");
    server.wait_lacks("/", "tin-moi");
    server.wait_lacks("/en/news/", "tin-moi");
    server.wait_lacks("/news/atom.xml", "NEW-ARTICLE");
}

#[test]
fn removing_articles_removes_every_file_they_produced() {
    // Deleting an article can end a tag, a pagination page and an alias:
    // those files must go too, as `mekong build` would not write them.
    let site = site(false);
    // news/doan-khach-lao links to every tourism article: without it,
    // deleting them is not a broken link.
    for f in [
        "doan-khach-lao.md",
        "doan-khach-lao.en.md",
        "doan-khach-lao.lo.md",
        "doan-khach-lao.km.md",
    ] {
        std::fs::remove_file(site.path(&format!("content/news/{f}"))).unwrap();
    }
    let server = Server::start(&site, &[]);
    for p in [
        "/tags/nui/",
        "/en/tags/hiking/",
        LAO_TAG,
        "/tourism/page/2/",
        "/du-lich/ho-suoi-lam-cu/",
    ] {
        assert_eq!(server.get(p).status, 200, "GET {p} before");
    }
    for f in [
        "nui-ba-ra.md",
        "nui-ba-ra.en.md",
        "nui-ba-ra.lo.md",
        "nui-ba-ra.km.md",
    ] {
        std::fs::remove_file(site.path(&format!("content/tourism/{f}"))).unwrap();
    }
    server.wait_for("/tourism/nui-ba-ra/", "status 404", |r| r.status == 404);
    server.wait_for("/en/tourism/nui-ba-ra/", "status 404", |r| r.status == 404);
    // tourism (vi) went from 3 articles to 2: one list page at paginate_by 2.
    server.wait_lacks("/tourism/", "page/2");
    server.wait_lacks("/sitemap.xml", "nui-ba-ra");
    for p in [
        "/tags/nui/",
        "/en/tags/hiking/",
        LAO_TAG,
        "/tourism/page/2/",
    ] {
        server.wait_for(
            p,
            "status 404 (the tag or list page no longer exists)",
            |r| r.status == 404,
        );
    }
    std::fs::remove_file(site.path("content/tourism/ho-suoi-lam.md")).unwrap();
    server.wait_for("/tourism/ho-suoi-lam/", "status 404", |r| r.status == 404);
    server.wait_for(
        "/du-lich/ho-suoi-lam-cu/",
        "status 404 (the alias's page is gone)",
        |r| r.status == 404,
    );
    assert!(
        !server
            .stdout()
            .iter()
            .any(|l| l.starts_with("build failed")),
        "{}",
        server.describe()
    );
}

#[test]
fn a_fluent_message_change_re_renders_the_pages() {
    let site = site(false);
    let server = Server::start(&site, &[]);
    let before = server.get("/en/tourism/nui-ba-ra/");
    assert!(before.body.contains(">Home</a>"), "{}", before.body);

    // A site message overriding a theme message.
    let ftl = site.path("locales/en/site.ftl");
    let mut text = read(&ftl);
    text.push_str("nav-home = FLUENT-HOME-1\n");
    std::fs::write(&ftl, text).unwrap();
    server.wait_contains("/en/tourism/nui-ba-ra/", ">FLUENT-HOME-1</a>");
    server.wait_contains("/en/", ">FLUENT-HOME-1</a>");
    server.wait_for("/en/does-not-exist/", "404 page shows FLUENT-HOME-1", |r| {
        r.status == 404 && r.body.contains("FLUENT-HOME-1")
    });
    assert!(!server
        .get("/tourism/nui-ba-ra/")
        .body
        .contains("FLUENT-HOME-1"));
    // Lao falls back to English for messages it lacks... but the theme has
    // a Lao `nav-home`, which wins over the English site message.

    // A site message already there.
    edit(
        &site,
        "locales/en/site.ftl",
        "site-title = Test Portal",
        "site-title = FLUENT-TITLE-2",
    );
    server.wait_contains("/en/tourism/nui-ba-ra/", "FLUENT-TITLE-2");

    // A new message file in the folder.
    site.write("locales/en/extra.ftl", "back-home = FLUENT-BACK-3\n");
    let r = server.wait_for("/en/nope/", "404 page shows FLUENT-BACK-3", |r| {
        r.status == 404 && r.body.contains("FLUENT-BACK-3")
    });
    assert!(r.body.contains("FLUENT-HOME-1"));
}

#[test]
fn a_template_change_is_picked_up() {
    let site = site(false);
    // The site has its own templates folder (overriding the theme's 404).
    site.write(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block main %}<h1>SITE-404</h1>{% endblock %}\n",
    );
    let server = Server::start(&site, &[]);
    let page = "/en/tourism/nui-ba-ra/";
    assert!(!server.get(page).body.contains("TEMPLATE-"));
    assert!(server.get("/en/nope/").body.contains("SITE-404"));

    // A site template overriding the theme's.
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}<p>TEMPLATE-1 {{ page.title }}</p>{% endblock %}\n",
    );
    let r = server.wait_contains(page, "TEMPLATE-1 Ba Ra Mountain");
    assert!(r.body.contains("__mekong/events"));
    server.wait_contains("/tourism/nui-ba-ra/", "TEMPLATE-1 Núi Bà Rá");
    // Sections do not use page.html.
    assert!(!server.get("/en/tourism/").body.contains("TEMPLATE-1"));

    // Editing it.
    edit(&site, "templates/page.html", "TEMPLATE-1", "TEMPLATE-2");
    server.wait_contains(page, "TEMPLATE-2 Ba Ra Mountain");

    // Overriding a template that others include.
    site.write(
        "templates/list_items.html",
        "<ul>{% for p in items %}<li>TEMPLATE-ITEM {{ p.title }}</li>{% endfor %}</ul>\n",
    );
    server.wait_contains("/en/tourism/", "TEMPLATE-ITEM Ba Ra Mountain");
    server.wait_contains("/en/", "TEMPLATE-ITEM Ba Ra Mountain");

    // Removing the override brings the theme's template back.
    std::fs::remove_file(site.path("templates/page.html")).unwrap();
    let r = server.wait_lacks(page, "TEMPLATE-2");
    assert!(
        r.body.contains("Ba Ra Mountain is 723 metres high."),
        "{}",
        r.body
    );
    // The edited 404 template too.
    edit(&site, "templates/404.html", "SITE-404", "SITE-404-EDITED");
    server.wait_for("/en/nope/", "404 page shows SITE-404-EDITED", |r| {
        r.status == 404 && r.body.contains("SITE-404-EDITED")
    });
}

#[test]
fn a_templates_folder_created_while_serving_is_watched() {
    // The fixture has no templates/ (nor static/) folder: creating one
    // while the server runs must be seen like any other change.
    let site = site(false);
    assert!(!site.path("templates").exists() && !site.path("static").exists());
    let server = Server::start(&site, &[]);
    let page = "/en/tourism/nui-ba-ra/";
    site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}<p>NEW-FOLDER {{ page.title }}</p>{% endblock %}\n",
    );
    server.wait_contains(page, "NEW-FOLDER Ba Ra Mountain");
    site.write("static/hello.txt", "HELLO-STATIC");
    server.wait_contains("/hello.txt", "HELLO-STATIC");
}

#[test]
fn a_content_edit_saved_with_a_message_edit_shows_both() {
    // Two files saved within the same debounce window (a `git pull`, an
    // editor's "save all"): a theme-level change must not drop the
    // content change that came with it.
    let site = site(false);
    let server = Server::start(&site, &[]);
    let ftl = site.path("locales/en/site.ftl");
    let mut text = read(&ftl);
    text.push_str("nav-home = BOTH-FLUENT\n");
    std::fs::write(&ftl, text).unwrap();
    edit(
        &site,
        "content/tourism/nui-ba-ra.en.md",
        "723 metres",
        "723 metres (BOTH-CONTENT)",
    );
    let page = "/en/tourism/nui-ba-ra/";
    server.wait_contains(page, "BOTH-FLUENT");
    server.wait_contains(page, "BOTH-CONTENT");
}

#[test]
fn a_build_error_is_shown_in_the_page_and_the_server_keeps_running() {
    let site = site(false);
    let server = Server::start(&site, &[]);
    let page = "/en/tourism/ho-suoi-lam/";
    let file = "content/tourism/ho-suoi-lam.en.md";
    let r = server.get(page);
    assert!(
        injected_script(&r.body).contains("show([]);"),
        "no errors at first"
    );

    edit(&site, file, "date: 2026-02-01", "date: yesterday");
    server.wait_stdout("starting with `build failed`", |l| {
        l.starts_with("build failed in ")
    });
    // Every page is still served, with the errors in the injected script.
    for p in [page, "/", "/en/", "/en/tourism/nui-ba-ra/", "/en/nope/"] {
        let r = server.wait_for(p, "the error, with file and line, in the page", |r| {
            let s = injected_script(&r.body);
            s.contains("content/tourism/ho-suoi-lam.en.md:3") && s.contains("yesterday")
        });
        assert!(r.status == 200 || p == "/en/nope/", "GET {p}: {}", r.status);
        assert!(
            injected_script(&r.body).contains("YYYY-MM-DD"),
            "the hint is shown too:\n{}",
            injected_script(&r.body)
        );
    }
    // The last good page is still there.
    assert!(server.get(page).body.contains("A blue lake in the forest."));

    // A second edit that is still broken keeps the server going.
    let failures = server.count_stdout("build failed in ");
    edit(&site, file, "A blue lake", "A STILL-BROKEN lake");
    server.wait_stdout("starting with `build failed` (a second time)", |_| {
        server.count_stdout("build failed in ") > failures
    });
    assert_eq!(server.get("/").status, 200);

    // The fix clears the overlay and shows the edit. (The page may be
    // written a moment before the errors are cleared: wait for both.)
    edit(&site, file, "date: yesterday", "date: 2026-02-02");
    let r = server.wait_for(page, "the edit shown and the error gone", |r| {
        r.status == 200
            && r.body.contains("A STILL-BROKEN lake")
            && injected_script(&r.body).contains("show([]);")
    });
    assert!(r.body.contains("2026-02-02"), "the fixed date is shown");
    for p in ["/", "/en/"] {
        server.wait_for(p, "no error in the page", |r| {
            r.status == 200 && !r.body.contains("ho-suoi-lam.en.md:3")
        });
    }
}

#[test]
fn the_event_stream_announces_a_rebuild() {
    let site = site(false);
    let server = Server::start(&site, &[]);
    let mut events = Events::open(server.port);
    assert!(events.head.starts_with("HTTP/1.1 200"), "{}", events.head);
    assert!(
        events
            .head
            .to_ascii_lowercase()
            .contains("content-type: text/event-stream"),
        "{}",
        events.head
    );
    // Before the edit.
    events.read_for(Duration::from_millis(200));
    let from = events.text.len();

    edit(
        &site,
        "content/tourism/nui-ba-ra.en.md",
        "723 metres",
        "723 metres (SSE-EDIT)",
    );
    assert!(
        events.wait_for(from, "event: reload"),
        "no `event: reload` within {DEADLINE:?}; the stream said:\n{}\n{}",
        events.text,
        server.describe()
    );
    server.wait_contains("/en/tourism/nui-ba-ra/", "SSE-EDIT");

    // A broken file: an `errors` event with the message as JSON data.
    let from = events.text.len();
    edit(
        &site,
        "content/tourism/nui-ba-ra.en.md",
        "date: 2026-03-10",
        "date: soon",
    );
    assert!(
        events.wait_for(from, "event: errors"),
        "no `event: errors`; the stream said:\n{}\n{}",
        &events.text[from..],
        server.describe()
    );
    assert!(
        events.wait_for(from, "nui-ba-ra.en.md:3"),
        "{}",
        &events.text[from..]
    );
    let data = events.text[from..]
        .split("event: errors\n")
        .nth(1)
        .and_then(|t| t.lines().next())
        .and_then(|l| l.strip_prefix("data: "))
        .expect("a data line after `event: errors`");
    let list: Vec<String> = serde_json::from_str(data).expect("errors data is a JSON array");
    assert!(
        list.iter().any(|e| e.contains("nui-ba-ra.en.md:3")),
        "{list:?}"
    );

    // The fix: a reload.
    let from = events.text.len();
    edit(
        &site,
        "content/tourism/nui-ba-ra.en.md",
        "date: soon",
        "date: 2026-03-10",
    );
    assert!(
        events.wait_for(from, "event: reload"),
        "{}",
        &events.text[from..]
    );
}

#[test]
fn an_idle_server_neither_rebuilds_nor_reloads_the_browser() {
    // Nothing changed: the watcher must not start a rebuild, and open pages
    // must not be told to reload (an endless reload loop makes the preview
    // unusable and burns a CPU core).
    let site = site(false);
    let server = Server::start(&site, &[]);
    let mut events = Events::open(server.port);
    // Let start-up settle.
    events.read_for(Duration::from_millis(500));
    let lines_before = server.stdout().len();
    let from = events.text.len();
    events.read_for(Duration::from_millis(1500));
    let rebuilt: Vec<String> = server.stdout()[lines_before..]
        .iter()
        .filter(|l| l.starts_with("rebuilt") || l.starts_with("build failed"))
        .cloned()
        .collect();
    let names = event_names(&events.text[from..]);
    assert!(
        rebuilt.is_empty() && names.is_empty(),
        "in 1.5 s without any change the server rebuilt {} times and sent events {:?}\n{}",
        rebuilt.len(),
        names.iter().take(10).collect::<Vec<_>>(),
        server.describe()
    );
}

#[test]
fn ctrl_c_stops_the_server_and_removes_its_temporary_folder() {
    let site = site(false);
    let mut server = Server::start(&site, &[]);
    let folder = server.tmpdir.join(format!("mekong-serve-{}", server.pid()));
    assert!(
        folder.join("index.html").is_file(),
        "the default output folder {} is not where expected",
        folder.display()
    );
    assert_eq!(server.get("/").status, 200);
    let status = server.interrupt();
    assert!(
        status.success(),
        "exit status {status}\n{}",
        server.describe()
    );
    assert!(
        server.stdout().iter().any(|l| l == "stopped"),
        "no `stopped` line\n{}",
        server.describe()
    );
    assert!(
        !folder.exists(),
        "the temporary output folder {} is still there",
        folder.display()
    );
}

#[test]
fn ctrl_c_keeps_an_output_folder_that_was_given() {
    let site = site(false);
    let out = site.outside("preview");
    let mut server = Server::start(&site, &["--output", path_str(&out)]);
    assert_eq!(server.get("/").status, 200);
    let status = server.interrupt();
    assert!(
        status.success(),
        "exit status {status}\n{}",
        server.describe()
    );
    assert!(
        out.join("index.html").is_file(),
        "--output folder was removed"
    );
    assert!(out.join("en/index.html").is_file());
}

#[test]
fn a_build_error_that_quotes_html_cannot_break_the_page() {
    // The overlay's data sits inside a <script>: text from the site
    // (`<!--<script>` here) must not change where that script ends.
    let site = site(false);
    let server = Server::start(&site, &[]);
    edit(
        &site,
        "content/tourism/ho-suoi-lam.en.md",
        "date: 2026-02-01",
        "date: \"<!--<script></script>HTML-IN-ERROR\"",
    );
    let r = server.wait_for("/en/", "the error in the page", |r| {
        r.body.contains("HTML-IN-ERROR")
    });
    let script = injected_script(&r.body);
    let inner = &script["<script>".len()..];
    let inner = &inner[..inner.rfind("</script>").unwrap_or(inner.len())];
    assert!(inner.contains("HTML-IN-ERROR"), "{script}");
    for bad in ["<!--", "<script", "</script"] {
        assert!(
            !inner.to_ascii_lowercase().contains(bad),
            "the injected script holds a raw `{bad}`, which changes how the HTML parser ends it:\n{inner}"
        );
    }
    // The page still ends with the script's end and the body's.
    assert!(
        r.body.trim_end().ends_with("</script></body>\n</html>")
            || r.body.trim_end().ends_with("</script></body></html>"),
        "{}",
        excerpt(&r.body[r.body.len().saturating_sub(300)..], 300)
    );
}

#[test]
fn a_site_yaml_change_rebuilds_everything() {
    let site = site(false);
    let server = Server::start(&site, &[]);
    let page = "/en/tourism/nui-ba-ra/";
    // In place.
    edit(&site, "site.yaml", "name: English", "name: YAML-EDIT-1");
    server.wait_contains(page, ">YAML-EDIT-1<");
    server.wait_contains("/", ">YAML-EDIT-1<");
    // As editors that write a new file and rename it over the old one.
    let p = site.path("site.yaml");
    let text = read(&p).replace("name: YAML-EDIT-1", "name: YAML-EDIT-2");
    let tmp = site.outside("site.yaml.new");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, &p).unwrap();
    server.wait_contains(page, ">YAML-EDIT-2<");
    // And once more: the watch must survive the rename.
    let text = read(&p).replace("name: YAML-EDIT-2", "name: YAML-EDIT-3");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, &p).unwrap();
    server.wait_contains(page, ">YAML-EDIT-3<");
}

#[test]
fn a_broken_site_yaml_keeps_the_server_running() {
    let site = site(false);
    let server = Server::start(&site, &[]);
    edit(&site, "site.yaml", "paginate_by: 2", "paginate_bye: 2");
    server.wait_stdout("starting with `build failed`", |l| {
        l.starts_with("build failed in ")
    });
    let r = server.wait_for("/en/", "the site.yaml error in the page", |r| {
        r.status == 200 && injected_script(&r.body).contains("paginate_bye")
    });
    assert!(
        injected_script(&r.body).contains("site.yaml"),
        "{}",
        injected_script(&r.body)
    );
    edit(&site, "site.yaml", "paginate_bye: 2", "paginate_by: 2");
    server.wait_for("/en/", "the error gone", |r| {
        r.status == 200 && !injected_script(&r.body).contains("paginate_bye")
    });
    edit(&site, "site.yaml", "name: English", "name: YAML-FIXED");
    server.wait_contains("/en/", ">YAML-FIXED<");
}

#[test]
fn a_site_that_is_broken_at_start_is_served_and_recovers() {
    let site = site(false);
    edit(
        &site,
        "content/tourism/nui-ba-ra.en.md",
        "date: 2026-03-10",
        "date: tomorrow",
    );
    let server = Server::start(&site, &[]);
    assert!(
        server
            .stdout()
            .iter()
            .any(|l| l.starts_with("build failed in ")),
        "{}",
        server.describe()
    );
    // Nothing was built: any path shows the error.
    let r = server.get("/en/");
    assert!(r.status == 200 || r.status == 404, "{}", r.status);
    assert!(
        injected_script(&r.body).contains("nui-ba-ra.en.md:3"),
        "{}",
        r.body
    );
    edit(
        &site,
        "content/tourism/nui-ba-ra.en.md",
        "date: tomorrow",
        "date: 2026-03-10",
    );
    // (The page may be written a moment before the errors are cleared.)
    server.wait_for(
        "/en/tourism/nui-ba-ra/",
        "the page, without the error",
        |r| {
            r.status == 200
                && r.body.contains("Ba Ra Mountain is 723 metres high.")
                && injected_script(&r.body).contains("show([]);")
        },
    );
    server.wait_contains("/", "Núi Bà Rá");
}

#[test]
fn a_stylesheet_edit_swaps_the_css_without_a_reload() {
    let site = site(false);
    site.write("static/css/extra.css", "body { color: red; }\n");
    let server = Server::start(&site, &[]);
    assert!(server.get("/css/extra.css").body.contains("red"));
    let mut events = Events::open(server.port);
    events.read_for(Duration::from_millis(200));
    let from = events.text.len();
    edit(&site, "static/css/extra.css", "red", "blue");
    server.wait_contains("/css/extra.css", "blue");
    assert!(
        events.wait_for(from, "event: css"),
        "no `event: css`; the stream said {:?}\n{}",
        event_names(&events.text[from..]),
        server.describe()
    );
    events.read_for(Duration::from_millis(300));
    assert!(
        !event_names(&events.text[from..]).contains(&"reload".to_owned()),
        "a stylesheet edit reloaded the page: {:?}",
        event_names(&events.text[from..])
    );
}

#[test]
fn serve_can_use_its_output_folder_again() {
    // `mekong serve --output DIR` twice, then `mekong build --output DIR`:
    // the folder is mekong's own and must not be refused.
    let site = site(false);
    let out = site.outside("preview");
    {
        let mut server = Server::start(&site, &["--output", path_str(&out)]);
        assert_eq!(server.get("/en/").status, 200);
        assert!(server.interrupt().success());
    }
    {
        let mut server = Server::start(&site, &["--output", path_str(&out)]);
        assert_eq!(server.get("/en/").status, 200);
        assert!(server.interrupt().success());
    }
    site.build_ok(&["--output", path_str(&out)]);
}

#[test]
fn a_photo_added_or_replaced_while_serving_is_processed_and_shown_at_its_size() {
    let site = site(false);
    let photos = fixtures_dir().join("images");
    let photo = |name: &str| std::fs::read(photos.join(name)).expect("read fixture photo");
    site.write("static/images/p.jpg", photo("large.jpg"));
    let server = Server::start(&site, &[]);
    let page = "/en/tourism/nui-ba-ra/";

    // A photo added to an article: the page gets its variants.
    edit(
        &site,
        "content/tourism/nui-ba-ra.en.md",
        "Walk or take the cable car.",
        "Walk or take the cable car.\n\n![The summit](/images/p.jpg)",
    );
    server.wait_contains(page, "width=\"1600\" height=\"800\" alt=\"The summit\"");
    // Photos are written after the pages of a rebuild.
    server.wait_for("/images/p.480w.webp", "the variant exists", |r| {
        r.status == 200
    });

    // The same file replaced by another photo (200 × 100): processed
    // again, and the page shows the new size.
    site.write("static/images/p.jpg", photo("gps.jpg"));
    server.wait_contains(page, "width=\"200\" height=\"100\" alt=\"The summit\"");
    server.wait_for("/images/p.200w.webp", "the variant exists", |r| {
        r.status == 200
    });
}

#[test]
fn preview_output_is_marked_locked_while_served_and_never_written_over_a_build() {
    let site = site(false);
    let out = site.outside("preview");
    let mut server = Server::start(&site, &["--output", path_str(&out)]);
    assert_eq!(server.get("/en/").status, 200);
    let mark = std::fs::read_to_string(out.join(".mekong-preview")).expect("preview mark");
    assert!(mark.contains("Do not deploy"), "{mark}");
    // A build into the folder the server writes is refused, naming the server.
    let run = site.build(&["--output", path_str(&out)]);
    run.assert_code(1);
    let pid = server
        .child
        .as_ref()
        .map(|c| c.id().to_string())
        .unwrap_or_default();
    run.expect(&Expect {
        severity: "error",
        message: &[
            "is being written by",
            "serve",
            &format!("pid {pid}"),
            "since",
        ],
        hint: &["Ctrl-C", &format!("kill {pid}")],
        ..Default::default()
    });
    assert!(server.interrupt().success());
    // Once stopped, a build replaces the preview whole: no mark is left.
    site.build_ok(&["--output", path_str(&out)]);
    assert!(!out.join(".mekong-preview").exists());
    // And serve never writes into a folder holding a build.
    let refused = run_mekong(&[
        "serve",
        "--root",
        path_str(&site.root),
        "--port",
        "0",
        "--output",
        path_str(&out),
    ]);
    refused.assert_code(1);
    refused.expect(&Expect {
        severity: "error",
        message: &["refusing to serve into", "holds a build"],
        hint: &["--output preview"],
        ..Default::default()
    });
    assert!(!out.join(".mekong-preview").exists());
}
