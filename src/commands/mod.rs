//! The commands: thin wrappers that run the pipeline and report.

pub mod bench_edit;
pub mod build;
pub mod check;
pub mod i18n;
pub mod scaffold;

use crate::diagnostics::Diagnostics;

/// What a command ends with: the diagnostics to show, and a summary line.
pub struct Outcome {
    /// Everything found, errors and warnings.
    pub diagnostics: Diagnostics,
    /// One line for the terminal, when the command succeeded.
    pub summary: Option<String>,
}
