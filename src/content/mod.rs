//! Load: `content/` → [`Sources`]. Files are found, read, decoded and their
//! front matter parsed (in parallel); nothing here knows about URLs.
//!
//! A file's place in the tree says what it is:
//!
//! ```text
//! content/_index.LANG.md               the home page
//! content/SECTION/_index.LANG.md       a section
//! content/SECTION/SLUG.LANG.md         an article
//! content/SECTION/SLUG/index.LANG.md   an article with its files beside it
//! content/SLUG.LANG.md                 a page outside any section (about, contact)
//! ```
//!
//! `.LANG` is omitted for the default language.

mod blocks;
mod body;
mod date;
pub(crate) mod front_matter;
mod pasted;
mod reader;
pub(crate) mod slug;

use crate::config::{Config, LangCode};
use crate::diagnostics::{display_path, Diagnostic, Diagnostics};
use crate::msg;
use crate::plan::Plan;
use crate::source_text::decode_utf8;
pub(crate) use body::Bodies;
use front_matter::FrontMatter;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a source file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `content/_index.md`.
    Home,
    /// `content/SECTION/_index.md`.
    Section,
    /// Everything else.
    Article,
}

/// One Markdown file, read and parsed.
#[derive(Debug, Clone)]
pub struct SourcePage {
    /// Path relative to the site root (`content/tourism/nui-ba-ra.en.md`).
    pub file: PathBuf,
    /// The `@/` form: relative to `content/`, without the language
    /// (`tourism/nui-ba-ra.md`). Links and translation groups use it.
    pub content_path: String,
    /// Home, section or article.
    pub kind: Kind,
    /// The section's folder name; `None` for the home page and loose pages.
    pub section: Option<String>,
    /// The slug from the file name (`nui-ba-ra`).
    pub file_slug: String,
    /// The language.
    pub lang: LangCode,
    /// Parsed front matter.
    pub front: FrontMatter,
    /// Markdown body (`\r\n` turned into `\n`); `None` with [`Bodies::Reread`].
    pub body: Option<String>,
    /// The 1-based line in the file where the body starts.
    pub body_line: usize,
    /// Files beside a folder article (images), absolute paths.
    pub assets: Vec<PathBuf>,
    /// Hash of the file's bytes: what `serve` compares to skip work.
    pub hash: blake3::Hash,
}

impl SourcePage {
    /// The key that makes files translations of each other.
    pub fn group_key(&self) -> String {
        match &self.front.translation_key {
            Some(k) => format!("key:{k}"),
            None => self.content_path.clone(),
        }
    }
}

/// Everything `load` read.
#[derive(Debug, Default)]
pub(crate) struct Sources {
    /// Markdown files, sorted by path; shared so that `serve` can keep
    /// unchanged files between rebuilds without copying them.
    pub pages: Vec<Arc<SourcePage>>,
    /// Non-Markdown files in section folders, copied beside the section
    /// (absolute source, output path relative to the language root).
    pub section_assets: Vec<(PathBuf, String)>,
}

/// Whether a path component is hidden (`.git`, `.env`): never read, never published.
pub(crate) fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|s| s.starts_with('.'))
}

/// Walks `root/dir` without leaving the site: hidden entries are skipped,
/// symlinks are followed only when they stay inside `root`, loops are reported.
/// Returns files in path order.
pub(crate) fn walk_files(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if !dir.exists() {
        return files;
    }
    let canonical_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut found: Vec<Diagnostic> = Vec::new();
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            if e.depth() > 0 && is_hidden(e.file_name()) {
                return false;
            }
            if e.path_is_symlink() {
                match e.path().canonicalize() {
                    Ok(target) if target.starts_with(&canonical_root) => true,
                    Ok(target) => {
                        found.push(
                            Diagnostic::error(
                                display_path(root, e.path()),
                                msg!("content.symlink-outside", target = &target),
                            )
                            .hint(msg!("content.symlink-outside.hint")),
                        );
                        false
                    }
                    Err(err) => {
                        found.push(
                            Diagnostic::error(
                                display_path(root, e.path()),
                                msg!("content.broken-symlink", error = err.to_string()),
                            )
                            .hint(msg!("content.broken-symlink.hint")),
                        );
                        false
                    }
                }
            } else {
                true
            }
        });
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => files.push(e.into_path()),
            Ok(_) => {}
            Err(err) => {
                let path = err.path().map(|p| display_path(root, p));
                let msg = if err.loop_ancestor().is_some() {
                    msg!("content.symlink-loop")
                } else {
                    msg!("content.cannot-read-folder", error = err.to_string())
                };
                diags.push(
                    Diagnostic::error(path, msg).hint(msg!("content.cannot-read-folder.hint")),
                );
            }
        }
    }
    diags.extend(found);
    files
}

/// A read page with its warnings, or the errors that stopped it.
type Loaded = Result<(SourcePage, Vec<Diagnostic>), Vec<Diagnostic>>;

/// Where a Markdown file sits, before it is read.
struct Located {
    abs: PathBuf,
    kind: Kind,
    section: Option<String>,
    file_slug: String,
    content_path: String,
    lang: LangCode,
    bundle_dir: Option<PathBuf>,
}

/// Reads `content/`. Drafts are kept (with `front.draft`); the resolver drops them.
pub(crate) fn load(config: &Config, bodies: Bodies) -> (Sources, Diagnostics) {
    let root = &config.root;
    let content_dir = root.join("content");
    let mut diags = Diagnostics::new();
    let files = walk_files(root, &content_dir, &mut diags);

    let mut markdown = Vec::new();
    let mut other = Vec::new();
    for abs in files {
        let rel = abs.strip_prefix(&content_dir).unwrap_or(&abs).to_path_buf();
        if rel.extension().is_some_and(|e| e == "md") {
            match locate(config, &abs, &rel) {
                Ok(Some(l)) => markdown.push(l),
                Ok(None) => {}
                Err(d) => diags.push(d.located_in(display_path(root, &abs))),
            }
        } else if let Some(d) = not_published_as_is(&abs, &rel) {
            diags.push(d.located_in(display_path(root, &abs)));
        } else {
            other.push((abs, rel));
        }
    }

    // Files beside a folder article belong to it; files in a section folder
    // are published beside the section.
    let bundle_dirs: BTreeMap<PathBuf, ()> = markdown
        .iter()
        .filter_map(|l| l.bundle_dir.clone())
        .map(|d| (d, ()))
        .collect();
    let mut bundle_assets: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    let mut section_assets = Vec::new();
    for (abs, rel) in other {
        if let Some(dir) = abs.ancestors().find(|a| bundle_dirs.contains_key(*a)) {
            bundle_assets
                .entry(dir.to_path_buf())
                .or_default()
                .push(abs);
        } else {
            let out = rel.to_string_lossy().replace('\\', "/");
            section_assets.push((abs, out));
        }
    }

    let (plan, plan_diags) = crate::plan::load(config);
    diags.extend(plan_diags);
    let results: Vec<Loaded> = markdown
        .into_par_iter()
        .map(|l| {
            let assets = l
                .bundle_dir
                .as_ref()
                .and_then(|d| bundle_assets.get(d))
                .cloned()
                .unwrap_or_default();
            read_page(config, &plan, l, assets, bodies)
        })
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok((page, diagnostics)) => {
                diags.extend(diagnostics);
                pages.push(Arc::new(page));
            }
            Err(errors) => diags.extend(errors),
        }
    }
    (
        Sources {
            pages,
            section_assets,
        },
        diags,
    )
}

/// Reads one Markdown file of `content/` again (for `serve`): `Ok(None)`
/// when the file is not a page (an attachment inside an article folder).
pub(crate) fn load_file(
    config: &Config,
    abs: &Path,
    assets: Vec<PathBuf>,
) -> Result<Option<(SourcePage, Vec<Diagnostic>)>, Vec<Diagnostic>> {
    let content_dir = config.root.join("content");
    let rel = abs.strip_prefix(&content_dir).unwrap_or(abs).to_path_buf();
    match locate(config, abs, &rel) {
        Ok(Some(l)) => {
            let plan = crate::plan::load(config).0;
            read_page(config, &plan, l, assets, Bodies::Kept).map(Some)
        }
        Ok(None) => Ok(None),
        Err(d) => Err(vec![d.located_in(display_path(&config.root, abs))]),
    }
}

/// A file of `content/` that is not a `.md` file but was meant as one: it
/// must not be copied into the output as it is, front matter and all.
/// `bai-moi.MD` (the extension in another case) is an error: file names are
/// URLs and link targets, and a rename is the whole fix. Any other file that
/// starts with front matter (`welcome2.md.txt`, `x.markdown`) is left out
/// with a warning.
fn not_published_as_is(abs: &Path, rel: &Path) -> Option<Diagnostic> {
    let name = rel.file_name()?.to_string_lossy().into_owned();
    let ext = rel.extension().map(|e| e.to_string_lossy().into_owned());
    if let Some(ext) = ext.as_deref().filter(|e| e.eq_ignore_ascii_case("md")) {
        let fixed = format!("{}.md", &name[..name.len() - ext.len() - 1]);
        return Some(
            Diagnostic::error(None, msg!("content.uppercase-md", name = &name, ext = ext))
                .hint(msg!("content.rename-to", name = fixed)),
        );
    }
    // A YAML file may begin with `---` as a document marker: that is data.
    let is_yaml = ext
        .as_deref()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    if is_yaml || !starts_with_front_matter(abs) {
        return None;
    }
    let stem = name.split('.').next().unwrap_or(&name);
    Some(
        Diagnostic::warning(None, msg!("content.front-matter-not-md", name = &name))
            .hint(msg!("content.front-matter-not-md.hint", stem = stem)),
    )
}

/// Whether a file begins with a `---` line (after a byte-order mark).
fn starts_with_front_matter(abs: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    let Ok(mut f) = std::fs::File::open(abs) else {
        return false;
    };
    let n = f.read(&mut head).unwrap_or(0);
    let head = &head[..n];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    head.starts_with(b"---\n") || head.starts_with(b"---\r\n")
}

/// Splits `name.LANG` into the name and the language. A suffix that looks
/// like a language code but is not one of the site's is an error: the
/// translator's work would otherwise be published as a separate article.
fn split_lang<'a>(config: &Config, stem: &'a str) -> Result<(&'a str, LangCode), Diagnostic> {
    if let Some((name, suffix)) = stem.rsplit_once('.') {
        if config.has_language(suffix) {
            return Ok((name, LangCode(suffix.to_owned())));
        }
        // `welcome.EN.md`: meant as English, but a suffix in another case is
        // no language, and the file would be published as a separate
        // default-language article (`/news/welcome-en/`).
        if let Some(lang) = config
            .languages
            .iter()
            .find(|l| l.code.as_str().eq_ignore_ascii_case(suffix))
        {
            let code = lang.code.as_str();
            return Err(Diagnostic::error(
                None,
                msg!("content.language-suffix-case", suffix = suffix, code = code),
            )
            .hint(msg!(
                "content.language-suffix-case.hint",
                name = name,
                code = code
            )));
        }
        if looks_like_lang(suffix) {
            let codes: Vec<_> = config.language_codes().collect();
            return Err(Diagnostic::error(
                None,
                msg!("content.unknown-language-suffix", suffix = suffix),
            )
            .hint(msg!(
                "content.unknown-language-suffix.hint",
                suffix = suffix,
                codes = codes.join(", ")
            )));
        }
    }
    Ok((stem, config.default_language.clone()))
}

fn looks_like_lang(s: &str) -> bool {
    let (base, region) = s.split_once('-').unwrap_or((s, ""));
    (2..=3).contains(&base.len())
        && base.chars().all(|c| c.is_ascii_lowercase())
        && region.chars().all(|c| c.is_ascii_alphanumeric())
}

fn locate(config: &Config, abs: &Path, rel: &Path) -> Result<Option<Located>, Diagnostic> {
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let file_name = parts.last().cloned().unwrap_or_default();
    let stem = file_name.strip_suffix(".md").unwrap_or(&file_name);
    let (name, lang) = split_lang(config, stem)?;
    let dirs = &parts[..parts.len() - 1];
    let mk = |kind,
              section: Option<&String>,
              file_slug: &str,
              content_path: String,
              bundle: Option<PathBuf>| {
        Ok(Some(Located {
            abs: abs.to_path_buf(),
            kind,
            section: section.cloned(),
            file_slug: file_slug.to_owned(),
            content_path,
            lang: lang.clone(),
            bundle_dir: bundle,
        }))
    };
    match (dirs, name) {
        ([], "_index") => mk(Kind::Home, None, "", "_index.md".into(), None),
        ([], slug) => mk(Kind::Article, None, slug, format!("{slug}.md"), None),
        ([sec], "_index") => mk(
            Kind::Section,
            Some(sec),
            "",
            format!("{sec}/_index.md"),
            None,
        ),
        ([sec], "index") => Err(Diagnostic::error(None, msg!("content.index-in-section"))
            .hint(msg!("content.index-in-section.hint", section = sec))),
        ([sec], slug) => mk(
            Kind::Article,
            Some(sec),
            slug,
            format!("{sec}/{slug}.md"),
            None,
        ),
        ([sec, slug], "index") => {
            let dir = abs.parent().map(Path::to_path_buf);
            mk(
                Kind::Article,
                Some(sec),
                slug,
                format!("{sec}/{slug}/index.md"),
                dir,
            )
        }
        _ => {
            if dirs.len() >= 2 && abs.ancestors().skip(1).any(has_index) {
                // A Markdown file inside an article folder: an attachment, not a page.
                return Ok(None);
            }
            Err(Diagnostic::error(None, msg!("content.nested-too-deep"))
                .hint(msg!("content.nested-too-deep.hint")))
        }
    }
}

fn has_index(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|rd| {
        rd.flatten().any(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n == "index.md" || (n.starts_with("index.") && n.ends_with(".md"))
        })
    })
}

/// A `unit:` that names no unit of `units:` in site.yaml: an error at its
/// line, with the id it most likely means.
fn unknown_unit(
    config: &Config,
    file: &Path,
    text: &str,
    yaml: &str,
    front: &FrontMatter,
) -> Option<Diagnostic> {
    let value = front.unit.as_deref()?;
    let hint = config.units.check(value, "unit")?;
    Some(
        Diagnostic::error(
            file.to_path_buf(),
            msg!("content.unknown-unit", value = value),
        )
        .at_line(crate::source_text::key_line(yaml, &["unit"]).map(|l| l + 1))
        .with_source(text)
        .hint(hint),
    )
}

/// `plan:` ids that name no task of the plan: an error each, at the line of
/// the id (or of `plan:` when the list is on one line).
fn unknown_tasks(
    plan: &Plan,
    file: &Path,
    text: &str,
    yaml: &str,
    front: &FrontMatter,
) -> Vec<Diagnostic> {
    let key = crate::source_text::key_line(yaml, &["plan"]).map(|l| l + 1);
    front
        .plan
        .iter()
        .filter_map(|id| {
            let hint = plan.check(id)?;
            let line = key.map(|k| {
                text.lines()
                    .enumerate()
                    .skip(k - 1)
                    .take_while(|(i, l)| *i == k - 1 || l.trim_start().starts_with('-'))
                    .find(|(_, l)| l.contains(id.as_str()))
                    .map_or(k, |(i, _)| i + 1)
            });
            Some(
                Diagnostic::error(file.to_path_buf(), msg!("content.unknown-task", id = id))
                    .at_line(line)
                    .with_source(text)
                    .hint(hint),
            )
        })
        .collect()
}

fn read_page(
    config: &Config,
    plan: &Plan,
    l: Located,
    assets: Vec<PathBuf>,
    bodies: Bodies,
) -> Result<(SourcePage, Vec<Diagnostic>), Vec<Diagnostic>> {
    let file = display_path(&config.root, &l.abs);
    let bytes = std::fs::read(&l.abs).map_err(|e| {
        vec![Diagnostic::error(
            file.clone(),
            msg!("content.cannot-read", error = e.to_string()),
        )]
    })?;
    let hash = blake3::hash(&bytes);
    let text = decode_utf8(&bytes).map_err(|d| vec![d.located_in(file.clone())])?;
    if text.trim().is_empty() {
        let mut d = Diagnostic::error(file.clone(), msg!("content.empty-file"));
        d = d.hint(match l.kind {
            Kind::Article => msg!("content.empty-file.article-hint"),
            _ => msg!("content.empty-file.hint"),
        });
        return Err(vec![d]);
    }
    let split = front_matter::split(&text).map_err(|d| vec![d.located_in(file.clone())])?;
    let parsed = front_matter::parse(
        &file,
        &text,
        &split,
        l.kind == Kind::Section,
        &config.sectors,
        &config.timezone,
    );
    let mut diagnostics = parsed.diagnostics;
    if let Some(d) = unknown_unit(config, &file, &text, split.yaml, &parsed.front) {
        diagnostics.push(d);
    }
    diagnostics.extend(unknown_tasks(plan, &file, &text, split.yaml, &parsed.front));
    if l.kind == Kind::Article
        && parsed.front.title.is_none()
        && !diagnostics.iter().any(Diagnostic::is_error)
    {
        // `title: "  "` is read as no title: the error is at its line.
        let line = crate::source_text::key_line(split.yaml, &["title"]).map(|l| l + 1);
        let hint = match line {
            _ if split.yaml.is_empty() => msg!("content.no-title.no-front-matter-hint"),
            Some(_) => msg!("content.no-title.blank-hint"),
            None => msg!("content.no-title.hint"),
        };
        let d = Diagnostic::error(file.clone(), msg!("content.no-title"));
        diagnostics.push(d.at(line.unwrap_or(1), 1).with_source(&text).hint(hint));
    }
    // A page whose front matter has errors stays in the site, without the
    // values in error: its body is still checked, and links to it still
    // resolve, so the build reports every mistake of the edit at once and
    // no false "there is no such article" elsewhere. The errors fail the
    // build all the same.
    let page = SourcePage {
        file,
        content_path: l.content_path,
        kind: l.kind,
        section: l.section,
        file_slug: l.file_slug,
        lang: l.lang,
        front: parsed.front,
        body: (bodies == Bodies::Kept).then(|| split.body.to_owned()),
        body_line: split.body_line,
        assets,
        hash,
    };
    Ok((page, diagnostics))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_and_windows_line_endings_are_accepted() {
        let text = decode_utf8(b"\xEF\xBB\xBF---\r\ntitle: A\r\n---\r\nBody\r\n").expect("valid");
        assert_eq!(text, "---\ntitle: A\n---\nBody\n");
    }

    #[test]
    fn invalid_utf8_is_located() {
        let d = decode_utf8(b"---\ntitle: caf\xE9\n").expect_err("invalid");
        assert_eq!((d.line, d.col), (Some(2), Some(11)));
    }

    #[test]
    fn language_like_suffixes_are_recognised() {
        assert!(looks_like_lang("fr"));
        assert!(looks_like_lang("zh-hans"));
        assert!(!looks_like_lang("v2"));
        assert!(!looks_like_lang("final"));
    }
}
