//! Themes, site templates and static files: where each comes from.
//!
//! Lookup order is the site's, then the theme's: `templates/` over
//! `themes/NAME/templates/`, `locales/` over `themes/NAME/locales/`,
//! `static/` over `themes/NAME/static/`. The default theme is also built
//! into the binary, so a site without a `themes/` folder (a benchmark
//! corpus, a new portal) still has every template and message it needs.

use crate::config::{Config, LangCode};
use crate::content::walk_files;
use crate::diagnostics::{display_path, Diagnostic, Diagnostics};
use crate::i18n::{Layer, LocaleFile};
use crate::msg;
use crate::output::FileSource;
use crate::source_text::decode_utf8;
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The default theme, as shipped with this binary.
pub(crate) static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// A template, with the path users see in errors.
#[derive(Debug, Clone)]
pub struct Template {
    /// Name Tera knows it by (`page.html`).
    pub name: String,
    /// Source text.
    pub text: String,
    /// Path shown in diagnostics.
    pub file: PathBuf,
    /// The site's own (`templates/`) or the theme's.
    pub layer: Layer,
}

struct StaticFile {
    source: FileSource,
    hash: OnceLock<String>,
}

/// Files published as they are, keyed by output path (`css/site.css`).
/// Their content hashes (for `asset()`) are computed once, on first use.
#[derive(Default)]
pub(crate) struct StaticFiles {
    files: BTreeMap<String, StaticFile>,
}

impl std::fmt::Debug for StaticFiles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StaticFiles")
            .field("count", &self.files.len())
            .finish()
    }
}

impl StaticFiles {
    /// The first 10 hex digits of the file's content hash.
    pub(crate) fn fingerprint(&self, path: &str) -> Option<String> {
        let f = self.files.get(path)?;
        Some(
            f.hash
                .get_or_init(|| match f.source.read() {
                    Ok(bytes) => blake3::hash(&bytes).to_hex()[..10].to_string(),
                    Err(_) => "0".into(),
                })
                .clone(),
        )
    }

    /// Where the file published at `path` comes from.
    pub(crate) fn source(&self, path: &str) -> Option<&FileSource> {
        self.files.get(path).map(|f| &f.source)
    }

    /// Every file: output path and source.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&String, &FileSource)> {
        self.files.iter().map(|(k, v)| (k, &v.source))
    }

    fn insert(&mut self, path: String, source: FileSource) {
        self.files.insert(
            path,
            StaticFile {
                source,
                hash: OnceLock::new(),
            },
        );
    }
}

/// What the theme and the site provide besides content.
pub(crate) struct Assets {
    /// Templates, site over theme by name.
    pub templates: Vec<Template>,
    /// Fluent files of both layers.
    pub locales: Vec<LocaleFile>,
    /// Static files, site over theme by path.
    pub statics: StaticFiles,
}

/// The folder the built-in theme's files are shown in (`(built-in theme)/templates/page.html`).
pub(crate) const BUILT_IN: &str = "(built-in theme)";

/// Reads templates, locale files and static files of the theme and the site.
pub(crate) fn load(config: &Config) -> (Assets, Diagnostics) {
    let mut diags = Diagnostics::new();
    let root = &config.root;
    let theme_dir = config.theme_dir();
    let mut templates: BTreeMap<String, Template> = BTreeMap::new();
    let mut locales = Vec::new();
    let mut statics = StaticFiles::default();

    let mut text_of = |file: PathBuf, bytes: &[u8], diags: &mut Diagnostics| -> Option<String> {
        match decode_utf8(bytes) {
            Ok(t) => Some(t),
            Err(d) => {
                diags.push(d.located_in(file));
                None
            }
        }
    };

    // Files of a folder on disk, as `PREFIX/relative/path`.
    let on_disk = |dir: &Path, prefix: &str, diags: &mut Diagnostics| -> Vec<(String, PathBuf)> {
        walk_files(root, dir, diags)
            .into_iter()
            .map(|abs| {
                (
                    format!(
                        "{prefix}{}",
                        abs.strip_prefix(dir)
                            .unwrap_or(&abs)
                            .to_string_lossy()
                            .replace('\\', "/")
                    ),
                    abs,
                )
            })
            .collect()
    };
    let mut disk_files: Vec<(Layer, String, PathBuf)> = Vec::new();
    if theme_dir.is_dir() {
        disk_files.extend(
            on_disk(&theme_dir, "", &mut diags)
                .into_iter()
                .map(|(rel, abs)| (Layer::Theme, rel, abs)),
        );
    } else if config.theme == "default" {
        let mut stack = vec![&DEFAULT_THEME];
        while let Some(dir) = stack.pop() {
            for f in dir.files() {
                let rel = f.path().to_string_lossy().replace('\\', "/");
                let file = PathBuf::from(format!("{BUILT_IN}/{rel}"));
                let bytes = f.contents();
                add_file(
                    &rel,
                    file,
                    Layer::Theme,
                    || Ok(bytes.to_vec()),
                    FileSource::Embedded(bytes),
                    &mut templates,
                    &mut locales,
                    &mut statics,
                    &mut text_of,
                    &mut diags,
                );
            }
            stack.extend(dir.dirs());
        }
    } else {
        diags.push(
            Diagnostic::error(
                PathBuf::from("site.yaml"),
                msg!(
                    "config.theme-not-found",
                    theme = &config.theme,
                    folder = &display_path(root, &theme_dir)
                ),
            )
            .hint(msg!("config.theme-not-found.hint")),
        );
    }

    for (sub, prefix) in [
        ("templates", "templates/"),
        ("locales", "locales/"),
        ("static", "static/"),
    ] {
        disk_files.extend(
            on_disk(&root.join(sub), prefix, &mut diags)
                .into_iter()
                .map(|(rel, abs)| (Layer::Site, rel, abs)),
        );
    }
    // Theme first: the site's files replace the theme's of the same name.
    for (layer, rel, abs) in disk_files {
        let file = display_path(root, &abs);
        add_file(
            &rel,
            file,
            layer,
            || std::fs::read(&abs),
            FileSource::Disk(abs.clone()),
            &mut templates,
            &mut locales,
            &mut statics,
            &mut text_of,
            &mut diags,
        );
    }
    (
        Assets {
            templates: templates.into_values().collect(),
            locales,
            statics,
        },
        diags,
    )
}

#[allow(clippy::too_many_arguments)]
fn add_file(
    rel: &str,
    file: PathBuf,
    layer: Layer,
    read: impl FnOnce() -> std::io::Result<Vec<u8>>,
    source: FileSource,
    templates: &mut BTreeMap<String, Template>,
    locales: &mut Vec<LocaleFile>,
    statics: &mut StaticFiles,
    text_of: &mut impl FnMut(PathBuf, &[u8], &mut Diagnostics) -> Option<String>,
    diags: &mut Diagnostics,
) {
    if let Some(name) = rel.strip_prefix("templates/") {
        let Ok(bytes) = read() else { return };
        if let Some(text) = text_of(file.clone(), &bytes, diags) {
            templates.insert(
                name.to_owned(),
                Template {
                    name: name.to_owned(),
                    text,
                    file,
                    layer,
                },
            );
        }
    } else if let Some(rest) = rel.strip_prefix("locales/") {
        let Some((lang, name)) = rest.split_once('/') else {
            return;
        };
        if !name.ends_with(".ftl") {
            return;
        }
        let Ok(bytes) = read() else { return };
        if let Some(text) = text_of(file.clone(), &bytes, diags) {
            locales.push(LocaleFile {
                lang: LangCode(lang.to_owned()),
                layer,
                file,
                text,
            });
        }
    } else if let Some(path) = rel.strip_prefix("static/") {
        statics.insert(path.to_owned(), source);
    }
}
