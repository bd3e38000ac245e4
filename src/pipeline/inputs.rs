//! What a build reads before it resolves anything: the theme (templates,
//! static files, messages) and the content folder, each with the problems
//! found in it. A [`super::Session`] keeps both and reads again only what an
//! edit touched.

use crate::config::Config;
use crate::content::{self, Bodies, SourcePage};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::i18n::Locales;
use crate::render;
use crate::theme::{self, StaticFiles, Template};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Templates, static files and messages, read and checked.
pub(super) struct ThemeData {
    pub(super) templates: Vec<Template>,
    pub(super) statics: Arc<StaticFiles>,
    pub(super) locales: Arc<Locales>,
    pub(super) diagnostics: Diagnostics,
}

impl ThemeData {
    pub(super) fn load(config: &Config) -> ThemeData {
        let mut diagnostics = Diagnostics::new();
        let (assets, d) = theme::load(config);
        diagnostics.extend(d);
        let (locales, d) = Locales::build(config, assets.locales);
        diagnostics.extend(d);
        diagnostics.extend(render::check_templates(&assets.templates));
        ThemeData {
            templates: assets.templates,
            statics: Arc::new(assets.statics),
            locales: Arc::new(locales),
            diagnostics,
        }
    }
}

/// The content folder as read, with the problems found in it.
pub(super) struct SourceFiles {
    /// Every page read, by its path under the root as given.
    pub(super) pages: BTreeMap<PathBuf, Arc<SourcePage>>,
    /// Problems per Markdown file: a file with errors has no page.
    pub(super) diagnostics: BTreeMap<PathBuf, Vec<Diagnostic>>,
    /// Problems of other files (attachments, folders).
    pub(super) walk_diagnostics: Diagnostics,
    /// Files in section folders, with the section they belong to.
    pub(super) section_assets: Vec<(PathBuf, String)>,
}

impl SourceFiles {
    pub(super) fn load(config: &Config, bodies: Bodies) -> SourceFiles {
        let (sources, d) = content::load(config, bodies);
        let pages = sources
            .pages
            .into_iter()
            .map(|p| (config.root.join(&p.file), p))
            .collect();
        let mut diagnostics: BTreeMap<PathBuf, Vec<Diagnostic>> = BTreeMap::new();
        let mut walk_diagnostics = Diagnostics::new();
        for diag in d {
            match &diag.file {
                // Kept per file, so that reading one file again replaces its problems.
                Some(f) if f.extension().is_some_and(|e| e == "md") => diagnostics
                    .entry(config.root.join(f))
                    .or_default()
                    .push(diag),
                _ => walk_diagnostics.push(diag),
            }
        }
        SourceFiles {
            pages,
            diagnostics,
            walk_diagnostics,
            section_assets: sources.section_assets,
        }
    }
}
