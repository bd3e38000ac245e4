//! The commands: thin wrappers that run the pipeline and say how it went.
//! In: each command's arguments. Out: one [`Outcome`] per command (and per
//! rebuild of `serve`), which main prints one way, and [`Progress`] lines
//! for what a long-running command says while it runs. Nothing here prints.

pub mod bench_edit;
pub mod build;
pub mod check;
pub mod i18n;
pub mod scaffold;
pub mod serve;

use crate::diagnostics::{Diagnostic, Diagnostics};

/// What a command ends with: the diagnostics to show, a summary line, and
/// what the command made for standard output.
#[derive(Default)]
pub struct Outcome {
    /// Everything found, errors and warnings.
    pub diagnostics: Diagnostics,
    /// One line for the terminal, when the command succeeded.
    pub summary: Option<String>,
    /// Text for standard output, printed as is after the diagnostics:
    /// `i18n`'s report, the file `new` wrote, a rebuild's `rebuilt in 12 ms`.
    /// A failed command that says here how it failed needs no error count.
    pub output: String,
}

impl Outcome {
    /// A command that stopped on `diagnostics`.
    pub fn failed(diagnostics: Diagnostics) -> Outcome {
        Outcome {
            diagnostics,
            ..Outcome::default()
        }
    }

    /// A command whose product is a text for standard output.
    pub fn text(result: Result<String, Diagnostics>) -> Outcome {
        match result {
            Ok(output) => Outcome {
                output,
                ..Outcome::default()
            },
            Err(diagnostics) => Outcome::failed(diagnostics),
        }
    }
}

/// What a long-running command (`serve`, `bench-edit`) says while it runs;
/// main prints it as it comes.
pub enum Progress {
    /// A line for standard output (`serving … on …`, `stopped`).
    Line(String),
    /// A line for standard error (a warning about the server, timings).
    Note(String),
    /// One of `serve`'s rebuilds, printed like a command's outcome.
    Rebuilt(Outcome),
}

/// One diagnostic as a list.
pub(crate) fn one(d: Diagnostic) -> Diagnostics {
    Diagnostics::from_iter([d])
}
