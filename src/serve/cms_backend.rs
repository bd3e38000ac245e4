//! The editing app's backend in `mekong serve`: Decap CMS's local-backend
//! protocol (`POST /__mekong/cms/api/v1` with `{action, params}`, as
//! decap-server answers it), writing into `content/` and `static/` only.
//!
//! The app names a default-language file `x.vi.md`; mekong writes `x.md`
//! (or keeps `x.vi.md` where the site already has it). The app sends a file
//! for every language; a translation with no title and no text is not
//! written (decap-cms#6932). Front matter is written without empty values.
//! Every saved article is read again as the build reads it, and its errors
//! go back to the app; the watcher then rebuilds and the preview shows them.

use crate::config::Config;
use crate::content::front_matter::split;
use crate::content::load_file;
use crate::messages::Messages;
use crate::paths::normalize_inside;
use base64::Engine as _;
use serde_json::{json, Value};
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use tiny_http::{Header, Request, Response, StatusCode};

pub(super) use crate::cms::schema::API_PATH;

/// The largest request the app may send (an upload is base64 in JSON).
const MAX_BODY: u64 = 64 * 1024 * 1024;

/// The folders the app may read and write.
const WRITABLE: &[&str] = &["content", "static"];

/// The site the app edits.
pub(crate) struct Backend {
    /// The site's folder, canonical.
    root: PathBuf,
    /// Its configuration, as `serve` started with it.
    config: Config,
    /// What the build says about a saved article, in the editor's language.
    messages: Messages,
}

type Answer = Result<Value, (u16, String)>;

impl Backend {
    /// A backend for the site of `config`, reporting in `messages`' language.
    pub(crate) fn new(config: Config, messages: Messages) -> Backend {
        let root = config
            .root
            .canonicalize()
            .unwrap_or_else(|_| config.root.clone());
        Backend {
            root,
            config,
            messages,
        }
    }

    fn dispatch(&self, action: &str, params: &Value) -> Answer {
        let s = |key: &str| params[key].as_str().unwrap_or("").to_owned();
        match action {
            "info" => Ok(json!({
                "repo": self.root.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
                "publish_modes": ["simple"],
                "type": "local_fs",
            })),
            "entriesByFolder" => {
                let depth = params["depth"].as_u64().unwrap_or(1).max(1);
                self.entries_by_folder(&s("folder"), &s("extension"), depth)
            }
            "entriesByFiles" => {
                let files = params["files"].as_array().cloned().unwrap_or_default();
                let paths = files.iter().map(|f| f["path"].as_str().unwrap_or(""));
                paths.map(|p| self.entry(p)).collect::<Result<Vec<_>, _>>()
                    .map(Value::Array)
            }
            "getEntry" => self.entry(&s("path")),
            "persistEntry" => self.persist_entry(params),
            "getMedia" => self.media_list(&s("mediaFolder")),
            "getMediaFile" => self.media_file(&self.checked(&s("path"))?),
            "persistMedia" => {
                let asset = &params["asset"];
                let rel = self.write_asset(asset)?;
                self.media_file(&rel)
            }
            "deleteFile" => self.delete(&[s("path")]),
            "deleteFiles" => {
                let paths: Vec<String> = params["paths"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| p.as_str().map(str::to_owned))
                    .collect();
                self.delete(&paths)
            }
            "getDeployPreview" => Ok(Value::Null),
            other => Err((
                422,
                format!("mekong serve does not answer `{other}` (it saves directly: publish mode `simple`)"),
            )),
        }
    }

    /// A path the app names, made relative and checked: inside `content/`
    /// or `static/`, no `..`, no hidden file, and no symlink out of the site.
    fn checked(&self, path: &str) -> Result<PathBuf, (u16, String)> {
        let refuse = || {
            (
                403,
                format!("`{path}` is outside the site's content/ and static/ folders"),
            )
        };
        if path.contains('\0') || path.contains('\\') || path.starts_with('/') {
            return Err(refuse());
        }
        let rel = normalize_inside(Path::new(path)).ok_or_else(refuse)?;
        let mut parts = rel.components();
        let top = parts.next().and_then(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        });
        if !top.is_some_and(|t| WRITABLE.contains(&t))
            || rel
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
        {
            return Err(refuse());
        }
        // The nearest folder that exists must be inside the site.
        let mut existing = self.root.join(&rel);
        while !existing.exists() {
            if !existing.pop() {
                return Err(refuse());
            }
        }
        match existing.canonicalize() {
            Ok(c) if c.starts_with(&self.root) => Ok(rel),
            _ => Err(refuse()),
        }
    }

    /// The language of a Markdown file's name, and the name without it.
    fn lang_of<'a>(&self, file_name: &'a str) -> (Option<&'a str>, &'a str) {
        let stem = file_name.strip_suffix(".md").unwrap_or(file_name);
        match stem.rsplit_once('.') {
            Some((name, lang)) if self.config.has_language(lang) => (Some(lang), name),
            _ => (None, stem),
        }
    }

    /// `x.vi.md` as the app names it → the file mekong reads (`x.md`, unless
    /// the site already has `x.vi.md`).
    fn to_disk(&self, rel: &Path) -> PathBuf {
        let default = self.config.default_language.as_str();
        let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
        match self.lang_of(name) {
            (Some(lang), stem) if lang == default && !self.root.join(rel).exists() => {
                rel.with_file_name(format!("{stem}.md"))
            }
            _ => rel.to_path_buf(),
        }
    }

    /// A file of `content/` as the app names it: with its language.
    fn to_app(&self, rel: &Path) -> String {
        let text = rel.to_string_lossy().replace('\\', "/");
        let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
        match self.lang_of(name) {
            (None, stem) if name.ends_with(".md") && text.starts_with("content/") => {
                let parent = text.strip_suffix(name).unwrap_or("");
                format!(
                    "{parent}{stem}.{}.md",
                    self.config.default_language.as_str()
                )
            }
            _ => text,
        }
    }

    fn entry(&self, app_path: &str) -> Answer {
        let rel = self.checked(app_path)?;
        let disk = self.to_disk(&rel);
        Ok(match std::fs::read(self.root.join(&disk)) {
            Ok(bytes) => json!({
                "data": String::from_utf8_lossy(&bytes),
                "file": { "path": self.to_app(&disk), "id": blake3::hash(&bytes).to_hex().to_string() },
            }),
            Err(_) => json!({ "data": null, "file": { "path": app_path, "id": null } }),
        })
    }

    /// Articles of a section: `SLUG.md` files at depth 1, `SLUG/index.md`
    /// files deeper; never the section's `_index` files.
    fn entries_by_folder(&self, folder: &str, extension: &str, depth: u64) -> Answer {
        let dir = self.checked(folder)?;
        let ext = format!(".{}", extension.trim_start_matches('.'));
        let mut files = Vec::new();
        list(&self.root.join(&dir), depth, &mut files);
        let mut out = Vec::new();
        for abs in files {
            let Ok(rel) = abs.strip_prefix(&self.root) else {
                continue;
            };
            let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let level = rel.components().count() - dir.components().count();
            let wanted = name.ends_with(&ext)
                && !name.starts_with("_index")
                && (level == 1 && depth == 1
                    || level == depth as usize && self.lang_of(name).1 == "index");
            if wanted {
                out.push(self.entry(&self.to_app(rel))?);
            }
        }
        Ok(Value::Array(out))
    }

    fn persist_entry(&self, params: &Value) -> Answer {
        let files: Vec<Value> = match params["dataFiles"].as_array() {
            Some(list) => list.clone(),
            None => vec![params["entry"].clone()],
        };
        for asset in params["assets"].as_array().into_iter().flatten() {
            self.write_asset(asset)?;
        }
        let default = self.config.default_language.as_str();
        let mut written = Vec::new();
        for file in &files {
            let app_path = file["path"].as_str().unwrap_or("");
            let rel = self.checked(app_path)?;
            let new_rel = match file["newPath"].as_str() {
                Some(p) => Some(self.checked(p)?),
                None => None,
            };
            let raw = file["raw"].as_str().unwrap_or("");
            let name = rel.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let lang = self.lang_of(name).0.unwrap_or(default);
            let text = normalize(raw);
            if lang != default && is_untranslated(&text) {
                continue;
            }
            let target = self.to_disk(new_rel.as_ref().unwrap_or(&rel));
            self.write(&target, text.as_bytes())?;
            if let Some(_moved) = &new_rel {
                let old = self.to_disk(&rel);
                if old != target {
                    let _ = std::fs::remove_file(self.root.join(&old));
                }
            }
            written.push(target);
        }
        let problems: Vec<String> = written
            .iter()
            .flat_map(|rel| self.problems_of(rel))
            .collect();
        if problems.is_empty() {
            Ok(json!({ "message": "entry persisted" }))
        } else {
            let saved = self
                .messages
                .text(&crate::msg!("serve.saved-with-problems"));
            Err((422, format!("{saved}\n{}", problems.join("\n"))))
        }
    }

    /// The errors the build finds in one saved article.
    fn problems_of(&self, rel: &Path) -> Vec<String> {
        // The path as the build names it: under the site's root as given.
        let abs = self.config.root.join(rel);
        let diagnostics = match load_file(&self.config, &abs, Vec::new()) {
            Ok(Some((_, d))) => d,
            Ok(None) => Vec::new(),
            Err(d) => d,
        };
        diagnostics
            .into_iter()
            .filter(|d| d.is_error())
            .map(|d| d.located_in(rel.to_path_buf()).to_plain_in(&self.messages))
            .collect()
    }

    fn write(&self, rel: &Path, bytes: &[u8]) -> Result<(), (u16, String)> {
        let abs = self.root.join(rel);
        let fail = |e: std::io::Error| (500, format!("cannot write {}: {e}", rel.display()));
        if let Some(dir) = abs.parent() {
            std::fs::create_dir_all(dir).map_err(fail)?;
        }
        std::fs::write(&abs, bytes).map_err(fail)
    }

    fn write_asset(&self, asset: &Value) -> Result<PathBuf, (u16, String)> {
        let rel = self.checked(asset["path"].as_str().unwrap_or(""))?;
        let content = asset["content"].as_str().unwrap_or("");
        let bytes = match asset["encoding"].as_str() {
            Some("base64") => base64::engine::general_purpose::STANDARD
                .decode(content)
                .map_err(|e| (400, format!("{}: not base64: {e}", rel.display())))?,
            _ => content.as_bytes().to_vec(),
        };
        self.write(&rel, &bytes)?;
        Ok(rel)
    }

    fn media_file(&self, rel: &Path) -> Answer {
        let bytes = std::fs::read(self.root.join(rel))
            .map_err(|e| (404, format!("cannot read {}: {e}", rel.display())))?;
        Ok(json!({
            "id": blake3::hash(&bytes).to_hex().to_string(),
            "content": base64::engine::general_purpose::STANDARD.encode(&bytes),
            "encoding": "base64",
            "path": rel.to_string_lossy().replace('\\', "/"),
            "name": rel.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
        }))
    }

    fn media_list(&self, folder: &str) -> Answer {
        let dir = self.checked(folder)?;
        let mut files = Vec::new();
        list(&self.root.join(&dir), 1, &mut files);
        let mut out = Vec::new();
        for abs in files {
            if let Ok(rel) = abs.strip_prefix(&self.root) {
                out.push(self.media_file(rel)?);
            }
        }
        Ok(Value::Array(out))
    }

    fn delete(&self, paths: &[String]) -> Answer {
        for p in paths {
            let rel = self.to_disk(&self.checked(p)?);
            let abs = self.root.join(&rel);
            if abs.is_file() {
                std::fs::remove_file(&abs)
                    .map_err(|e| (500, format!("cannot delete {}: {e}", rel.display())))?;
            }
        }
        Ok(json!({ "message": format!("deleted {}", paths.join(", ")) }))
    }
}

/// Files under `dir`, `depth` levels deep, sorted, hidden ones left out.
fn list(dir: &Path, depth: u64, out: &mut Vec<PathBuf>) {
    if depth == 0 {
        return;
    }
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = read
        .flatten()
        .filter(|e| !crate::content::is_hidden(&e.file_name()))
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            list(&path, depth - 1, out);
        } else {
            out.push(path);
        }
    }
}

/// The file as mekong writes it: front matter without empty values
/// (`""`, `null`, `[]`, `{}`: an untouched field of the app), then the text.
fn normalize(raw: &str) -> String {
    let Ok(parts) = split(raw) else {
        return raw.to_owned();
    };
    let Ok(serde_yaml::Value::Mapping(mut map)) = serde_yaml::from_str(parts.yaml) else {
        return raw.to_owned();
    };
    prune(&mut map);
    let body = parts.body.trim_start_matches('\n');
    let yaml = if map.is_empty() {
        String::new()
    } else {
        serde_yaml::to_string(&map).unwrap_or_default()
    };
    let mut text = format!("---\n{yaml}---\n{body}");
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

fn prune(map: &mut serde_yaml::Mapping) {
    use serde_yaml::Value as Y;
    for (_, v) in map.iter_mut() {
        if let Y::Mapping(m) = v {
            prune(m);
        }
        if let Y::Sequence(items) = v {
            items.retain(|i| !matches!(i, Y::Null) && i.as_str() != Some(""));
        }
    }
    map.retain(|_, v| match v {
        Y::Null => false,
        Y::String(s) => !s.trim().is_empty(),
        Y::Sequence(s) => !s.is_empty(),
        Y::Mapping(m) => !m.is_empty(),
        _ => true,
    });
}

/// A translation the editor has not written: no title and no text.
fn is_untranslated(text: &str) -> bool {
    let Ok(parts) = split(text) else {
        return false;
    };
    let title = serde_yaml::from_str::<serde_yaml::Mapping>(parts.yaml)
        .ok()
        .and_then(|m| m.get("title").and_then(|t| t.as_str()).map(str::to_owned))
        .unwrap_or_default();
    title.trim().is_empty() && parts.body.trim().is_empty()
}

/// Whether a request may come from the editing app: a JSON POST from a
/// page on this machine (a page of another site cannot send JSON here
/// without a CORS preflight, which this server never grants).
fn allowed(request: &Request) -> Result<(), (u16, String)> {
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_owned())
    };
    if request.method() != &tiny_http::Method::Post {
        return Err((405, "the editing app's backend takes POST requests".into()));
    }
    if !header("Content-Type").is_some_and(|c| c.starts_with("application/json")) {
        return Err((415, "the editing app's backend takes JSON".into()));
    }
    let local = |o: &str| {
        ["http://127.0.0.1", "http://localhost", "http://[::1]"]
            .iter()
            .any(|p| o == *p || o.strip_prefix(p).is_some_and(|r| r.starts_with(':')))
    };
    match header("Origin") {
        Some(o) if !local(&o) => Err((403, format!("requests from {o} are refused"))),
        _ => Ok(()),
    }
}

/// Answers one request of the editing app.
pub(crate) fn answer(mut request: Request, backend: &Backend) {
    let result = allowed(&request).and_then(|()| {
        let mut body = Vec::new();
        request
            .as_reader()
            .take(MAX_BODY)
            .read_to_end(&mut body)
            .map_err(|e| (400, format!("cannot read the request: {e}")))?;
        let v: Value = serde_json::from_slice(&body)
            .map_err(|e| (400, format!("the request is not JSON: {e}")))?;
        backend.dispatch(v["action"].as_str().unwrap_or(""), &v["params"])
    });
    let (status, value) = match result {
        Ok(v) => (200, v),
        Err((status, message)) => (status, json!({ "error": message })),
    };
    let content_type = Header::from_bytes(&b"Content-Type"[..], &b"application/json"[..]);
    let mut response =
        Response::from_data(value.to_string().into_bytes()).with_status_code(StatusCode(status));
    if let Ok(h) = content_type {
        response = response.with_header(h);
    }
    let _ = request.respond(response);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, Backend) {
        let dir = tempfile::tempdir().expect("tempdir");
        let yaml = "base_url: http://127.0.0.1:1111/\nlanguages:\n  - { code: vi, name: Tiếng Việt }\n  - { code: en, name: English }\n  - { code: lo, name: Lao }\ncms: {}\n";
        std::fs::write(dir.path().join("site.yaml"), yaml).expect("write");
        std::fs::create_dir_all(dir.path().join("content/news")).expect("mkdir");
        std::fs::write(
            dir.path().join("content/news/_index.md"),
            "---\ntitle: Tin\n---\n",
        )
        .expect("write");
        std::fs::write(
            dir.path().join("content/news/a.md"),
            "---\ntitle: A\n---\nx\n",
        )
        .expect("write");
        let config = Config::load(dir.path()).expect("config");
        (dir, Backend::new(config, Messages::new("en")))
    }

    #[test]
    fn paths_outside_content_and_static_are_refused() {
        let (_d, b) = site();
        for p in [
            "../x.md",
            "/etc/passwd",
            "site.yaml",
            "content/../site.yaml",
            "content/.git/x",
            "static\\x",
        ] {
            assert_eq!(b.checked(p).map_err(|e| e.0), Err(403), "{p}");
        }
        assert!(b.checked("content/news/new.vi.md").is_ok());
    }

    #[test]
    fn the_default_language_is_named_for_the_app_and_written_without_it() {
        let (_d, b) = site();
        let list = b
            .entries_by_folder("content/news", "md", 1)
            .expect("entries");
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
        assert_eq!(list[0]["file"]["path"], json!("content/news/a.vi.md"));
        let params = json!({ "dataFiles": [
            { "path": "content/news/b.vi.md", "raw": "---\ntitle: Bài\ndate: '2026-12-02'\nimage: ''\nproject:\n  sector: ''\n---\nNội dung\n" },
            { "path": "content/news/b.en.md", "raw": "---\ntitle: Post\n---\nText\n" },
            { "path": "content/news/b.lo.md", "raw": "---\ndate: '2026-12-02'\n---\n" },
        ], "assets": [] });
        b.persist_entry(&params).expect("persisted");
        let vi = std::fs::read_to_string(b.root.join("content/news/b.md")).expect("vi");
        assert_eq!(vi, "---\ntitle: Bài\ndate: 2026-12-02\n---\nNội dung\n");
        assert!(b.root.join("content/news/b.en.md").is_file());
        assert!(!b.root.join("content/news/b.lo.md").exists());
        assert!(!b.root.join("content/news/b.vi.md").exists());
    }

    #[test]
    fn a_mistake_is_saved_and_reported() {
        let (_d, b) = site();
        let params = json!({ "dataFiles": [
            { "path": "content/news/c.vi.md", "raw": "---\ntitle: C\ndate: hôm qua\n---\nx\n" },
        ], "assets": [] });
        let (status, message) = b.persist_entry(&params).expect_err("reported");
        assert_eq!(status, 422);
        assert!(message.contains("content/news/c.md"), "{message}");
        assert!(b.root.join("content/news/c.md").is_file());
    }
}
