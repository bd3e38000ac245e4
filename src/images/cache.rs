//! The cache and the outputs: planned pictures in; the variant files they
//! lack made once into `SITE/.mekong-cache/images/` (one decode per source,
//! sources in parallel), then [`Output`]s that copy them into the site with
//! the cache files they use, and entries no full build used pruned.

use super::codec::{decode_upright, encode, Source};
use super::picture::{Picture, Variant};
use super::Images;
use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::msg;
use crate::output::{FileSource, Output, OutputData};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Part of every cache key: change it when an encoder or its settings change,
/// so that old entries are not served for the new pipeline.
const PIPELINE_VERSION: &str = "mekong-images-1";

/// Images with this many sources to process get a progress bar on a terminal.
const PROGRESS_FROM: usize = 8;

/// Cache files a source lacks: the variant and where its file goes.
type Work<'p> = Vec<(&'p Arc<Source>, &'p Variant, PathBuf)>;

impl Images {
    fn cache_file(&self, source: &Source, v: &Variant) -> PathBuf {
        let mut h = blake3::Hasher::new();
        h.update(PIPELINE_VERSION.as_bytes());
        h.update(source.hash.as_bytes());
        h.update(
            format!(
                "{}x{} {} q{}",
                v.width,
                v.height,
                v.format.ext(),
                self.settings.quality
            )
            .as_bytes(),
        );
        let key = h.finalize().to_hex();
        self.cache_dir
            .join(format!("{}.{}", &key[..32], v.format.ext()))
    }

    /// One entry per output path, in path order.
    fn files(pictures: &[Arc<Picture>]) -> BTreeMap<&str, (&Arc<Source>, &Variant)> {
        let mut files = BTreeMap::new();
        for p in pictures {
            for v in p.files() {
                files.entry(v.path.as_str()).or_insert((&p.source, v));
            }
        }
        files
    }

    /// Makes the files of `pictures` that are not in the cache yet: one
    /// decode per source, sources in parallel, a progress bar on a terminal
    /// (`progress`) when there are many.
    pub(crate) fn prepare(&self, pictures: &[Arc<Picture>], progress: bool) -> Vec<Diagnostic> {
        let mut todo: BTreeMap<[u8; 32], Work<'_>> = BTreeMap::new();
        for (source, v) in Self::files(pictures).into_values() {
            let cached = self.cache_file(source, v);
            if !cached.is_file() {
                let work = todo.entry(*source.hash.as_bytes()).or_default();
                if !work.iter().any(|(_, _, c)| *c == cached) {
                    work.push((source, v, cached));
                }
            }
        }
        if todo.is_empty() {
            return Vec::new();
        }
        if let Err(e) = std::fs::create_dir_all(&self.cache_dir) {
            let d = Diagnostic::error(
                None,
                msg!(
                    "image.cannot-create-cache",
                    path = &self.cache_dir,
                    error = e.to_string()
                ),
            )
            .hint(msg!("image.cannot-create-cache.hint"));
            return vec![d];
        }
        let bar = (progress && todo.len() >= PROGRESS_FROM).then(|| {
            let bar = indicatif::ProgressBar::new(todo.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.set_message("images");
            bar
        });
        let diags: Vec<Diagnostic> = todo
            .into_par_iter()
            .filter_map(|(_, work)| {
                let result = self.make(&work);
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
                result.err()
            })
            .collect();
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        diags
    }

    /// The output files of `pictures`, copied from the cache ([`Images::prepare`]
    /// made them), and the cache files they copy: after a build of the whole
    /// site, the ones [`Images::prune`] keeps.
    pub(crate) fn outputs(&self, pictures: &[Arc<Picture>]) -> (Vec<Output>, HashSet<PathBuf>) {
        let files = Self::files(pictures);
        let mut used = HashSet::with_capacity(files.len());
        let outputs: Vec<Output> = files
            .into_iter()
            .map(|(path, (source, v))| {
                let cached = self.cache_file(source, v);
                used.insert(cached.clone());
                Output {
                    path: path.to_owned(),
                    data: OutputData::Copy(FileSource::Disk(cached)),
                }
            })
            .collect();
        (outputs, used)
    }

    /// Decodes one source and writes its missing variants into the cache.
    fn make(&self, work: &[(&Arc<Source>, &Variant, PathBuf)]) -> Result<(), Diagnostic> {
        let Some((source, _, _)) = work.first() else {
            return Ok(());
        };
        let fail = |what: Message| {
            Diagnostic::error(Some(source.abs.clone()), what).hint(msg!("image.cannot-make.hint"))
        };
        let bytes = std::fs::read(&source.abs)
            .map_err(|e| fail(msg!("image.cannot-read", error = e.to_string())))?;
        let image = decode_upright(&bytes, source.format)
            .map_err(|e| fail(msg!("image.cannot-decode", error = e.to_string())))?;
        work.par_iter().try_for_each(|(_, v, cached)| {
            let data = encode(&image, (v.width, v.height), v.format, self.settings.quality)
                .map_err(|e| {
                    fail(msg!(
                        "image.cannot-make",
                        path = &v.path,
                        error = e.to_string()
                    ))
                })?;
            write_atomic(cached, &data).map_err(|e| {
                Diagnostic::error(
                    None,
                    msg!("image.cannot-write", path = cached, error = e.to_string()),
                )
                .hint(msg!("image.cannot-write.hint"))
            })
        })
    }

    /// Removes the cache files not in `used` (what a full build's
    /// [`Images::outputs`] returned); returns how many.
    pub(crate) fn prune(&self, used: &HashSet<PathBuf>) -> usize {
        let Ok(entries) = std::fs::read_dir(&self.cache_dir) else {
            return 0;
        };
        let mut removed = 0;
        for e in entries.flatten() {
            let path = e.path();
            if path.is_file() && !used.contains(&path) && std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}

/// Writes through a temporary file and a rename: a build killed halfway
/// leaves no half-written entry that a later build would take as cached.
fn write_atomic(path: &Path, data: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, data)?;
    std::fs::rename(&tmp, path)
}
