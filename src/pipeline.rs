//! The build's options and its one-shot form: [`build`] loads a
//! [`Session`] and renders everything once.

use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::session::{Built, Session};
use crate::write::Sink;
use std::path::PathBuf;

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

/// Loads and validates the configuration, with `--base-url` applied.
pub fn load_config(opts: &Options) -> Result<Config, Diagnostics> {
    let mut config = Config::load(&opts.root)?;
    if let Some(url) = &opts.base_url {
        let (origin, base_path) = crate::config::split_base_url(url).ok_or_else(|| {
            Diagnostics::from_iter([crate::diagnostics::Diagnostic::error(
                None,
                format!("--base-url {url} is not a URL"),
            )
            .hint("write a full URL such as https://example.org/portal/")])
        })?;
        config.origin = origin;
        config.base_path = base_path;
    }
    Ok(config)
}

/// Runs every stage; outputs go to `sink` as they are rendered.
pub fn build(opts: &Options, sink: &dyn Sink) -> Result<Built, Diagnostics> {
    let mut session = Session::load(opts)?;
    let built = session.build(sink, false)?;
    if sink.keeps_files() {
        // Processed photos no page uses any more leave the cache.
        session.prune_image_cache();
    }
    Ok(built)
}
