//! One path, one file: every output of a build claims its path before the
//! sink sees it, whatever the sink is (the staging folder of `build`, the
//! preview folder of `serve`, nothing for `check`), so `check` finds every
//! clash `build` would hit.
//!
//! Comes in: the outputs, one at a time from many threads, on their way to
//! a [`Sink`]. Goes out: the outputs that clash with none claimed before
//! them are passed on; [`Claims::clashes`] then names every clash, once
//! and in path order. Two outputs clash when they have the same path, or
//! when one's path is a folder of the other's (an alias `/sitemap.xml`
//! wants `sitemap.xml/index.html`, but `sitemap.xml` is a file).

use crate::diagnostics::{display_path, Diagnostic};
use crate::messages::Message;
use crate::msg;
use crate::output::{AliasOrigin, FileSource, Output, OutputData, Record, Sink};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Who wants a path.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Claimant {
    /// An alias's redirect: the error goes to the alias's line.
    Alias(AliasOrigin),
    /// A file copied from disk (absolute path).
    Disk(PathBuf),
    /// A file of the built-in theme.
    Embedded,
    /// A page or file mekong makes (pages, lists, feeds, sitemap, data).
    Generated,
}

impl Claimant {
    fn of(output: &Output) -> Claimant {
        match &output.data {
            OutputData::Redirect { from, .. } => Claimant::Alias(from.clone()),
            OutputData::Copy(FileSource::Disk(p)) => Claimant::Disk(p.clone()),
            OutputData::Copy(FileSource::Embedded(_)) => Claimant::Embedded,
            OutputData::Bytes(_) => Claimant::Generated,
        }
    }
}

/// One output's claim.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Claim {
    path: String,
    claimant: Claimant,
}

impl Claim {
    /// What the message calls it: the article of an alias, the file copied,
    /// or the page or file mekong makes at the path.
    fn describe(&self, root: &Path) -> Message {
        match &self.claimant {
            Claimant::Alias(a) => {
                msg!("claims.alias-redirect", alias = &a.alias, file = &a.file)
            }
            Claimant::Disk(p) => msg!("claims.copied-file", file = &display_path(root, p)),
            Claimant::Embedded => msg!("claims.theme-file", path = &self.path),
            Claimant::Generated => match self.path.strip_suffix("index.html") {
                Some(url) => msg!("claims.generated-page", url = url),
                None => msg!("claims.generated-file", path = &self.path),
            },
        }
    }
}

/// The paths taken so far.
#[derive(Default)]
struct Taken {
    /// Every claim, refused ones too: the clashes are named from all of them.
    claims: Vec<Claim>,
    /// Paths of files passed on.
    files: HashSet<String>,
    /// Folders that files passed on are in (`a`, `a/b` for `a/b/c.html`).
    folders: HashSet<String>,
}

impl Taken {
    /// Whether `path` can be written beside what was passed on: not the same
    /// path, not a folder of one, not inside one.
    fn is_free(&self, path: &str) -> bool {
        !self.files.contains(path)
            && !self.folders.contains(path)
            && !folders_of(path).any(|f| self.files.contains(f))
    }
}

/// The folders a path is in, outermost first: `a/b/c.html` → `a`, `a/b`.
fn folders_of(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[..i])
}

/// A sink that passes each output on to `inner` unless its path is taken.
pub(super) struct Claims<'a> {
    inner: &'a dyn Sink,
    taken: Mutex<Taken>,
}

impl<'a> Claims<'a> {
    pub(super) fn new(inner: &'a dyn Sink) -> Claims<'a> {
        Claims {
            inner,
            taken: Mutex::new(Taken::default()),
        }
    }

    fn taken(&self) -> std::sync::MutexGuard<'_, Taken> {
        // A panic elsewhere while the lock was held leaves the sets whole.
        self.taken.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Every clash, once, in path order: on the alias's line when an alias
    /// is involved (`root` reads it), else naming both files.
    pub(super) fn clashes(&self, root: &Path) -> Vec<Diagnostic> {
        let mut claims = std::mem::take(&mut self.taken().claims);
        claims.sort();
        let mut by_path: HashMap<&str, &Claim> = HashMap::with_capacity(claims.len());
        let mut diags = Vec::new();
        for claim in &claims {
            match by_path.get(claim.path.as_str()) {
                Some(first) => diags.push(clash(root, first, claim)),
                None => {
                    by_path.insert(&claim.path, claim);
                }
            }
        }
        for claim in &claims {
            for folder in folders_of(&claim.path) {
                if let Some(file) = by_path.get(folder) {
                    diags.push(clash(root, file, claim));
                }
            }
        }
        diags
    }
}

impl Sink for Claims<'_> {
    fn put(&self, output: &Output) -> Result<Record, Diagnostic> {
        let free = {
            let mut taken = self.taken();
            let free = taken.is_free(&output.path);
            if free {
                for folder in folders_of(&output.path) {
                    if !taken.folders.contains(folder) {
                        taken.folders.insert(folder.to_owned());
                    }
                }
                taken.files.insert(output.path.clone());
            }
            taken.claims.push(Claim {
                path: output.path.clone(),
                claimant: Claimant::of(output),
            });
            free
        };
        if free {
            return self.inner.put(output);
        }
        // Not written: the clash is reported by `clashes`, and a build
        // with errors keeps nothing.
        Ok(Record {
            path: output.path.clone(),
            hash: None,
            fresh: false,
            origin: crate::output::origin_of(output),
        })
    }

    fn keeps_files(&self) -> bool {
        self.inner.keeps_files()
    }

    fn wanted_first(&self) -> Option<&crate::output::WantedFirst> {
        self.inner.wanted_first()
    }

    fn remove_gone(&self, files: &[&str]) {
        self.inner.remove_gone(files);
    }
}

/// The error for two claims that cannot both be written: `first` at a path,
/// `second` at the same path or inside it.
fn clash(root: &Path, first: &Claim, second: &Claim) -> Diagnostic {
    // With an alias involved, the alias yields: the error goes to its line.
    // With two, to the later one, so the message is the same on every run.
    let (alias, other) = match (&first.claimant, &second.claimant) {
        (_, Claimant::Alias(a)) => (Some(a), first),
        (Claimant::Alias(a), _) => (Some(a), second),
        _ => (None, first),
    };
    if let Some(a) = alias {
        let line = crate::site::alias_line(root, &a.file, &a.alias, 0);
        return Diagnostic::error(
            a.file.clone(),
            msg!(
                "claims.alias-taken",
                alias = &a.alias,
                owner = other.describe(root)
            ),
        )
        .at_line(line)
        .hint(msg!("claims.alias-taken.hint"));
    }
    let message = if first.path == second.path {
        msg!(
            "claims.same-path",
            path = &first.path,
            first = first.describe(root),
            second = second.describe(root)
        )
    } else {
        msg!(
            "claims.file-and-folder",
            path = &first.path,
            first = first.describe(root),
            second = second.describe(root)
        )
    };
    Diagnostic::error(None, message).hint(msg!("claims.clash.hint"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Discard;

    fn generated(path: &str) -> Output {
        Output {
            path: path.into(),
            data: OutputData::Bytes(Vec::new()),
        }
    }

    fn redirect(path: &str, alias: &str) -> Output {
        Output {
            path: path.into(),
            data: OutputData::Redirect {
                bytes: Vec::new(),
                from: AliasOrigin {
                    file: PathBuf::from("content/news/bad.md"),
                    alias: alias.into(),
                },
            },
        }
    }

    fn clashes_of(outputs: &[Output]) -> Vec<Diagnostic> {
        let claims = Claims::new(&Discard);
        for o in outputs {
            claims.put(o).expect("discard takes everything");
        }
        claims.clashes(Path::new("/nowhere"))
    }

    #[test]
    fn an_alias_inside_a_generated_file_is_named_on_the_alias_in_either_order() {
        let sitemap = generated("sitemap.xml");
        let alias = redirect("sitemap.xml/index.html", "/sitemap.xml");
        for outputs in [
            [sitemap.clone(), alias.clone()],
            [alias.clone(), sitemap.clone()],
        ] {
            let d = clashes_of(&outputs);
            assert_eq!(d.len(), 1, "{d:?}");
            assert_eq!(d[0].file.as_deref(), Some(Path::new("content/news/bad.md")));
            assert!(
                d[0].message.contains("alias /sitemap.xml"),
                "{}",
                d[0].message
            );
            assert!(d[0].message.contains("/sitemap.xml that mekong generates"));
        }
    }

    #[test]
    fn an_alias_at_a_generated_page_is_named_on_the_alias() {
        let d = clashes_of(&[
            generated("news/page/2/index.html"),
            redirect("news/page/2/index.html", "/news/page/2/"),
        ]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("the page /news/page/2/"));
    }

    #[test]
    fn two_generated_files_at_one_path_are_named_both() {
        let d = clashes_of(&[generated("a.txt"), generated("a.txt")]);
        assert_eq!(d.len(), 1);
        assert!(d[0]
            .message
            .starts_with("two files would be written to /a.txt"));
    }

    #[test]
    fn files_side_by_side_do_not_clash() {
        let d = clashes_of(&[
            generated("a/index.html"),
            generated("a/b/index.html"),
            generated("ab"),
        ]);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn a_refused_output_is_not_passed_on() {
        let claims = Claims::new(&Discard);
        let first = claims.put(&generated("x")).expect("taken");
        let second = claims.put(&generated("x/index.html")).expect("refused");
        assert_eq!(first.path, "x");
        assert_eq!(second.hash, None);
        assert!(!claims.taken().files.contains("x/index.html"));
    }
}
