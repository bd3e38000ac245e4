//! Outputs and where they go: one [`Output`] per file of the built site,
//! handed one at a time to a [`Sink`] (the staging folder, the preview
//! folder of `serve`, or nothing for `check`), which answers with a
//! [`Record`]. The renderer streams into a sink and never holds the whole
//! site in memory.

use crate::diagnostics::Diagnostic;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Where a file's bytes are.
#[derive(Debug, Clone)]
pub enum FileSource {
    /// On disk, absolute path.
    Disk(PathBuf),
    /// Built into the binary.
    Embedded(&'static [u8]),
}

impl FileSource {
    /// Reads the bytes.
    pub fn read(&self) -> std::io::Result<std::borrow::Cow<'static, [u8]>> {
        match self {
            FileSource::Disk(p) => std::fs::read(p).map(std::borrow::Cow::Owned),
            FileSource::Embedded(b) => Ok(std::borrow::Cow::Borrowed(b)),
        }
    }
}

/// Where an output's bytes come from.
#[derive(Debug, Clone)]
pub enum OutputData {
    /// Rendered.
    Bytes(Vec<u8>),
    /// Copied from a file or the binary.
    Copy(FileSource),
    /// The redirect page of an alias, with the alias it comes from: when
    /// another file wants its path, the error points at the alias's line.
    Redirect {
        /// The redirect page.
        bytes: Vec<u8>,
        /// The alias and the article that lists it.
        from: AliasOrigin,
    },
}

/// An alias as its article's front matter spells it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct AliasOrigin {
    /// The article's file, relative to the site root (`content/news/x.md`).
    pub file: PathBuf,
    /// The alias as written (`/tin-cu/x/`).
    pub alias: String,
}

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct Output {
    /// Path below the output folder, `/`-separated, unencoded (`en/x/index.html`).
    pub path: String,
    /// Its contents.
    pub data: OutputData,
}

/// Validates without writing (`mekong check`).
pub(crate) struct Discard;

pub(crate) fn origin_of(o: &Output) -> String {
    match &o.data {
        OutputData::Bytes(_) => "a generated page".into(),
        OutputData::Redirect { from, .. } => format!(
            "the redirect of alias {} in {}",
            from.alias,
            from.file.display()
        ),
        OutputData::Copy(FileSource::Disk(p)) => p.display().to_string(),
        OutputData::Copy(FileSource::Embedded(_)) => "a built-in theme file".into(),
    }
}

/// Where rendered outputs go, one at a time, from many threads: the
/// renderer never holds the whole site in memory.
pub trait Sink: Sync {
    /// Takes one output.
    fn put(&self, output: &Output) -> Result<Record, Diagnostic>;

    /// Whether outputs end up as files: `mekong check` only validates, so
    /// photos need not be processed for it.
    fn keeps_files(&self) -> bool {
        true
    }

    /// The files a reader is looking at now, to render and write before
    /// the others (`serve`: the pages open in a browser); none for a build.
    fn wanted_first(&self) -> Option<&WantedFirst> {
        None
    }

    /// Removes files of pages the site no longer has, as soon as that is
    /// known (`serve`: a deleted article is gone before the rest of the
    /// build is done); a build's sink leaves them to its end.
    fn remove_gone(&self, _files: &[&str]) {}
}

/// Files a reader waits for: rendered first, and `written` is called once
/// they are on disk (before the rest of the build), so the reader's page
/// can show the change while the other pages are still being rendered.
pub struct WantedFirst {
    /// Paths of the files, as [`Output::path`] has them
    /// (`culture/x/index.html`).
    pub files: Vec<String>,
    /// Called once, when those of `files` the build renders are written
    /// without error.
    pub written: Box<dyn Fn() + Send + Sync>,
    /// Set when a newer edit is waiting: the pages not begun yet and the
    /// site-wide files are left for the next build, which renders them
    /// with its own (see `render::Owed`).
    pub newer_edit: Option<Arc<AtomicBool>>,
}

impl WantedFirst {
    /// Whether a newer edit waits.
    pub fn overtaken(&self) -> bool {
        self.newer_edit
            .as_ref()
            .is_some_and(|f| f.load(Ordering::SeqCst))
    }
}

impl Sink for Discard {
    fn keeps_files(&self) -> bool {
        false
    }

    fn put(&self, output: &Output) -> Result<Record, Diagnostic> {
        Ok(Record {
            path: output.path.clone(),
            hash: None,
            fresh: false,
            origin: origin_of(output),
        })
    }
}

/// What became of one output.
#[derive(Debug, Clone)]
pub struct Record {
    /// Its path below the output folder.
    pub path: String,
    /// Content hash (none when nothing was written, as in `check`).
    pub hash: Option<String>,
    /// Written now (false: unchanged since the last build, or not written).
    pub fresh: bool,
    /// Where it came from, to name both sides of a clash.
    pub origin: String,
}
