//! The whole build, stage after stage: Config → load → resolve → render.
//! Each stage's diagnostics are collected; the pipeline goes as far as it
//! can so that one run reports every problem, and stops before writing if
//! any is an error.

use crate::config::{Config, LangCode};
use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::render::{self, Output, OutputData};
use crate::site::{self, ResolveOptions, Site};
use crate::theme;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// What a build is asked to do.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The site folder.
    pub root: PathBuf,
    /// Overrides `base_url`.
    pub base_url: Option<String>,
    /// Publish drafts.
    pub drafts: bool,
    /// Show a progress bar on a terminal.
    pub progress: bool,
}

/// A rendered site, ready to write.
pub struct Built {
    /// The model.
    pub site: Site,
    /// The files.
    pub outputs: Vec<Output>,
    /// Fluent data, for `check`'s report of gaps.
    pub locales: Arc<Locales>,
    /// Warnings (errors stop the pipeline).
    pub diagnostics: Diagnostics,
    /// Time per stage, for `--timings` and the benchmark notes.
    pub timings: Vec<(&'static str, f64)>,
}

impl Built {
    /// Pages per language, in the site's language order.
    pub fn pages_per_language(&self) -> Vec<(LangCode, usize)> {
        let mut counts: BTreeMap<&LangCode, usize> = BTreeMap::new();
        for p in &self.site.pages {
            *counts.entry(&p.lang).or_default() += 1;
        }
        self.site
            .config
            .languages
            .iter()
            .map(|l| (l.code.clone(), counts.get(&l.code).copied().unwrap_or(0)))
            .collect()
    }

    /// Number of HTML files.
    pub fn html_count(&self) -> usize {
        self.outputs
            .iter()
            .filter(|o| o.path.ends_with(".html"))
            .count()
    }
}

/// Loads and validates the configuration, with `--base-url` applied.
pub fn load_config(opts: &Options) -> Result<Config, Diagnostics> {
    let mut config = Config::load(&opts.root)?;
    if let Some(url) = &opts.base_url {
        let text = format!("base_url: {url:?}\nlanguages: [{{ code: x, name: x }}]\n");
        let parsed = Config::parse(&opts.root, &text)?;
        config.origin = parsed.origin;
        config.base_path = parsed.base_path;
    }
    Ok(config)
}

/// Runs every stage up to rendered outputs.
pub fn build(opts: &Options) -> Result<Built, Diagnostics> {
    let mut timings = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |name: &'static str, timings: &mut Vec<(&'static str, f64)>| {
        timings.push((name, clock.elapsed().as_secs_f64()));
        clock = Instant::now();
    };
    let config = load_config(opts)?;
    let mut diags = Diagnostics::new();

    let (assets, d) = theme::load(&config);
    diags.extend(d);
    let (locales, d) = Locales::build(&config, assets.locales.clone());
    diags.extend(d);
    let locales = Arc::new(locales);
    diags.extend(render::check_templates(&assets.templates));
    lap("theme", &mut timings);

    let (sources, d) = content::load(&config);
    diags.extend(d);
    lap("load", &mut timings);

    let (mut site, d) = site::resolve(
        config,
        sources,
        &locales,
        ResolveOptions {
            drafts: opts.drafts,
        },
    );
    diags.extend(d);
    for required in [
        "page.html",
        "section.html",
        "index.html",
        "404.html",
        "term.html",
        "terms.html",
    ] {
        if !assets.templates.iter().any(|t| t.name == required) {
            diags.push(Diagnostic::error(PathBuf::from(format!("templates/{required}")), format!("the template `{required}` is missing"))
                .hint("add it to templates/ or to the theme, or use the built-in theme (`theme: default`)"));
        }
    }
    let statics = Arc::new(assets.statics);
    diags.extend(site::render_markdown(&mut site, &statics));
    lap("markdown", &mut timings);
    if diags.has_errors() {
        return Err(diags);
    }

    let (mut outputs, d) = render::render(
        &site,
        &assets.templates,
        locales.clone(),
        statics.clone(),
        opts.progress,
    );
    diags.extend(d);
    outputs.extend(crate::outputs::build(&site, &locales, &statics));
    if site.config.default_language_in_subdir {
        // Servers look for /404.html: serve the default language's.
        let default_404 = format!(
            "{}404.html",
            site.config
                .lang_prefix(&site.config.default_language)
                .trim_start_matches('/')
        );
        if let Some(o) = outputs.iter().find(|o| o.path == default_404) {
            let copy = Output {
                path: "404.html".into(),
                data: o.data.clone(),
            };
            outputs.push(copy);
        }
    }
    diags.extend(duplicate_outputs(&site.config.root, &outputs));
    lap("render", &mut timings);
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Built {
        site,
        outputs,
        locales,
        diagnostics: diags,
        timings,
    })
}

/// Two outputs at one path (a static file and a page, an alias and a file):
/// one would silently replace the other.
fn duplicate_outputs(root: &Path, outputs: &[Output]) -> Vec<Diagnostic> {
    let mut seen: HashMap<&str, &Output> = HashMap::with_capacity(outputs.len());
    let mut diags = Vec::new();
    for o in outputs {
        if let Some(first) = seen.insert(&o.path, o) {
            let what = |o: &Output| match &o.data {
                OutputData::Copy(theme::FileSource::Disk(p)) => {
                    crate::diagnostics::display_path(root, p)
                        .display()
                        .to_string()
                }
                OutputData::Copy(theme::FileSource::Embedded(_)) => {
                    "a built-in theme file".to_string()
                }
                OutputData::Bytes(_) => "a generated page".to_string(),
            };
            diags.push(
                Diagnostic::error(
                    None,
                    format!(
                        "two files would be written to /{}: {} and {}",
                        o.path,
                        what(first),
                        what(o)
                    ),
                )
                .hint("rename one of them, or change the page's `slug` or `aliases`"),
            );
        }
    }
    diags
}
