//! The pipeline's driver: [`Options`] in, a [`Built`] out. A one-shot
//! [`build`] and the [`Session`] that `serve` keeps in memory between edits
//! run the same stages: config → content → site → render → sink; what an
//! edit re-reads and re-renders is in `incremental` (and, for messages,
//! templates and static files, `dependencies` and `same_site`).

mod build;
mod claims;
mod dependencies;
mod incremental;
mod inputs;
mod once;
mod options;
mod rerender;
mod same_site;
mod session;
mod structure;

pub use build::build;
pub use incremental::Change;
pub use options::{load_config, Options};
pub use session::{Built, Session};
