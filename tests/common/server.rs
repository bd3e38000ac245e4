//! A running `mekong serve` for the tests that edit a site under it, and
//! the two ways editors save a file.

use super::{path_str, read, Site};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any change may take to show (only a failing test waits this long).
pub const DEADLINE: Duration = Duration::from_secs(30);
pub const POLL: Duration = Duration::from_millis(20);

/// How a file is saved.
#[derive(Clone, Copy, Debug)]
pub enum Save {
    /// Truncated and written (vim, VS Code).
    InPlace,
    /// Written to a hidden temporary file, renamed over (gedit, Emacs, many IDEs).
    Rename,
}

pub const BOTH: [Save; 2] = [Save::InPlace, Save::Rename];

pub fn save(site: &Site, rel: &str, text: &str, how: Save) {
    let p = site.path(rel);
    match how {
        Save::InPlace => std::fs::write(&p, text).expect("write"),
        Save::Rename => {
            let name = p.file_name().and_then(|n| n.to_str()).expect("file name");
            let tmp = p.with_file_name(format!(".goutputstream-{name}"));
            std::fs::write(&tmp, text).expect("write the temporary file");
            std::fs::rename(&tmp, &p).expect("rename over the file");
        }
    }
}

/// Replaces `from` (which must be there) in a site file, saved `how`.
pub fn edit(site: &Site, rel: &str, from: &str, to: &str, how: Save) {
    let text = read(&site.path(rel));
    assert!(text.contains(from), "{rel} has no `{from}`:\n{text}");
    save(site, rel, &text.replacen(from, to, 1), how);
}

/// A running `mekong serve --port 0` on a site; killed when dropped.
pub struct Server {
    child: Child,
    /// The port it serves on.
    pub port: u16,
    /// What the server printed on stdout so far.
    lines: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub fn start(site: &Site) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mekong"))
            .args(["serve", "--root", path_str(&site.root), "--port", "0"])
            .arg("--output")
            .arg(site.outside("out"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start mekong serve");
        let out = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        let lines = Arc::new(Mutex::new(Vec::new()));
        let seen = lines.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                    let _ = tx.send(digits.parse::<u16>().unwrap_or(0));
                }
                seen.lock().expect("lines").push(line);
            }
        });
        let port = rx
            .recv_timeout(DEADLINE)
            .expect("mekong serve printed no `serving … on http://127.0.0.1:PORT/` line");
        Server { child, port, lines }
    }

    /// Waits until a stdout line after the first `skip` contains `text`.
    pub fn wait_line(&self, skip: usize, text: &str) {
        let start = Instant::now();
        loop {
            let lines = self.lines.lock().expect("lines").clone();
            if lines.iter().skip(skip).any(|l| l.contains(text)) {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "no stdout line with {text:?} after {DEADLINE:?}:\n{}",
                lines.join("\n")
            );
            std::thread::sleep(POLL);
        }
    }

    pub fn line_count(&self) -> usize {
        self.lines.lock().expect("lines").len()
    }

    /// (status, body) of `GET path`.
    pub fn get(&self, path: &str) -> (u16, String) {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        s.set_read_timeout(Some(DEADLINE)).expect("timeout");
        let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        s.write_all(req.as_bytes()).expect("send");
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).expect("read the response");
        let text = String::from_utf8_lossy(&raw).into_owned();
        let status = text
            .split(' ')
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0);
        let body = text.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
        (status, body.to_owned())
    }

    /// Polls `path` until `ok(status, body)` holds; panics at the deadline.
    pub fn wait(&self, path: &str, what: &str, ok: impl Fn(u16, &str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (status, body) = self.get(path);
            if ok(status, &body) {
                return body;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "GET {path}: {what} still does not hold after {DEADLINE:?}\nlast: {status}\n{body}"
            );
            std::thread::sleep(POLL);
        }
    }

    pub fn wait_contains(&self, path: &str, text: &str) -> String {
        self.wait(path, &format!("contains {text:?}"), |s, b| {
            s == 200 && b.contains(text)
        })
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The article links of a list page, in order.
pub fn article_links(body: &str, section: &str) -> Vec<String> {
    let needle = format!("href=\"/{section}/");
    let mut links: Vec<String> = Vec::new();
    for (at, _) in body.match_indices(&needle) {
        let rest = &body[at + "href=\"".len()..];
        let link = &rest[..rest.find('"').unwrap_or(rest.len())];
        let depth = link.trim_matches('/').split('/').count();
        if depth == 2 && !link.contains("/page/") && !links.iter().any(|l| l == link) {
            links.push(link.to_owned());
        }
    }
    links
}
