//! What a build is asked to do ([`Options`], from the command line) and the
//! configuration it runs with (`site.yaml` with `--base-url` applied).

use crate::config::Config;
use crate::diagnostics::Diagnostics;
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
                crate::msg!("options.base-url-not-url", url = url),
            )
            .hint(crate::msg!("options.base-url-not-url.hint"))])
        })?;
        config.origin = origin;
        config.base_path = base_path;
    }
    Ok(config)
}
