//! The catalog: the site's photos read once, before anything renders.
//!
//! Comes in: every photo the site publishes (its output path and file) and
//! the catalog of the previous build. Goes out: a new, immutable [`Images`]
//! (each file's header as read, and which file each output path publishes)
//! plus the files read again (new or changed since the previous catalog).
//! Entries whose file has the same length and modification time are taken
//! over from the previous catalog; the others are read in parallel.
//!
//! Markdown and `image()` then plan pictures from it without locks: the
//! catalog never changes once built. A file it does not hold (an image
//! beside an article that is not published, say) is read on demand and
//! not remembered.

use super::codec::{probe, stamp, Source};
use super::picture::Picture;
use super::{plan, ImageError};
use crate::config::ImagesConfig;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A source as read, or why it cannot be used.
type Probed = Result<Arc<Source>, ImageError>;

/// The image pipeline of one build: settings, where the cache lives, and
/// the site's photos as read. Immutable; `serve` keeps the last one so that
/// the next build reads only changed files (see [`Images::refreshed`]).
pub(crate) struct Images {
    pub(super) settings: ImagesConfig,
    pub(super) cache_dir: PathBuf,
    /// Source file → its header as read.
    sources: HashMap<PathBuf, Probed>,
    /// Output path → source file, for `image()` to find what a page shows.
    published: HashMap<String, PathBuf>,
}

impl Images {
    /// An empty catalog for a site with these settings; the cache lives in `root`.
    pub(crate) fn new(settings: &ImagesConfig, root: &Path) -> Images {
        Images {
            settings: settings.clone(),
            cache_dir: root.join(super::CACHE_DIR),
            sources: HashMap::new(),
            published: HashMap::new(),
        }
    }

    /// The catalog of `photos` (output path, source file), taking over this
    /// catalog's entries whose files did not change and reading the others
    /// in parallel; with the files read (new or changed ones).
    pub(crate) fn refreshed(&self, photos: &[(String, PathBuf)]) -> (Images, HashSet<PathBuf>) {
        let files: HashSet<&PathBuf> = photos.iter().map(|(_, abs)| abs).collect();
        let read: Vec<(PathBuf, Probed, bool)> = files
            .into_par_iter()
            .map(|abs| match self.unchanged(abs) {
                Some(kept) => (abs.clone(), kept, false),
                None => (abs.clone(), read_source(abs), true),
            })
            .collect();
        let fresh = read
            .iter()
            .filter(|(_, _, is_fresh)| *is_fresh)
            .map(|(abs, _, _)| abs.clone())
            .collect();
        let catalog = Images {
            settings: self.settings.clone(),
            cache_dir: self.cache_dir.clone(),
            sources: read.into_iter().map(|(abs, p, _)| (abs, p)).collect(),
            published: photos.iter().cloned().collect(),
        };
        (catalog, fresh)
    }

    /// This catalog's entry for `abs` if the file is still the one read:
    /// the same stamp, or still missing when it could not be read.
    fn unchanged(&self, abs: &Path) -> Option<Probed> {
        let now = stamp(abs);
        match self.sources.get(abs)? {
            Ok(s) if s.stamp == now => Some(Ok(s.clone())),
            Err(e) if now.is_none() => Some(Err(e.clone())),
            _ => None,
        }
    }

    /// The source `abs` as read: from the catalog, else from the disk.
    fn source(&self, abs: &Path) -> Probed {
        match self.sources.get(abs) {
            Some(probed) => probed.clone(),
            None => read_source(abs),
        }
    }

    /// Plans the picture of `abs`, published at `out` (the original's output
    /// path, `images/hero.jpg`), in the configured widths or in `widths`.
    pub(crate) fn picture(
        &self,
        abs: &Path,
        out: &str,
        widths: Option<&[u32]>,
    ) -> Result<Arc<Picture>, ImageError> {
        self.plan(abs, out, Some(widths.unwrap_or(&self.settings.widths)))
    }

    /// Only the re-encoded original, for a photo no page shows.
    pub(crate) fn original(&self, abs: &Path, out: &str) -> Result<Arc<Picture>, ImageError> {
        self.plan(abs, out, None)
    }

    fn plan(
        &self,
        abs: &Path,
        out: &str,
        widths: Option<&[u32]>,
    ) -> Result<Arc<Picture>, ImageError> {
        let source = self.source(abs)?;
        Ok(Arc::new(plan::plan_picture(
            source,
            out,
            widths,
            &self.settings,
        )))
    }

    /// One file of `abs` at most `width` pixels wide, in `dir` (`screens/x/assets/`)
    /// under a name made of the source's content hash: a JPEG (a PNG for an
    /// image with transparency) for a player that caches by name.
    pub(crate) fn sized(
        &self,
        abs: &Path,
        dir: &str,
        width: u32,
    ) -> Result<Arc<Picture>, ImageError> {
        let source = self.source(abs)?;
        Ok(Arc::new(plan::plan_single(source, dir, width)))
    }

    /// A picture for `image()`: `out` is an output path the site publishes
    /// a photo at, or a static or content file (`lookup` finds those).
    pub(crate) fn request(
        &self,
        out: &str,
        widths: Option<&[u32]>,
        lookup: &dyn Fn(&str) -> Option<PathBuf>,
    ) -> Result<Arc<Picture>, ImageError> {
        let abs = self
            .published
            .get(out)
            .cloned()
            .or_else(|| lookup(out))
            .ok_or_else(|| ImageError::NotFound(out.to_owned()))?;
        self.picture(&abs, out, widths)
    }
}

/// Reads a source's header, stamped with the version of the file read.
fn read_source(abs: &Path) -> Probed {
    probe(abs, stamp(abs)).map(Arc::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `width`×`height` PNG at `dir/name`.
    fn png(dir: &Path, name: &str, width: u32, height: u32) -> PathBuf {
        let abs = dir.join(name);
        image::RgbImage::new(width, height)
            .save(&abs)
            .expect("writes the test image");
        abs
    }

    #[test]
    fn unchanged_files_are_taken_over_and_changed_ones_read_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = png(dir.path(), "a.png", 40, 20);
        let b = png(dir.path(), "b.png", 30, 30);
        let photos = vec![
            ("a.png".to_owned(), a.clone()),
            ("b.png".to_owned(), b.clone()),
        ];
        let empty = Images::new(&ImagesConfig::default(), dir.path());
        let (first, fresh) = empty.refreshed(&photos);
        assert_eq!(fresh, HashSet::from([a.clone(), b.clone()]));

        // A different size changes the file's length, so its stamp.
        png(dir.path(), "b.png", 60, 10);
        let (second, fresh) = first.refreshed(&photos);
        assert_eq!(fresh, HashSet::from([b.clone()]));
        let (Ok(kept), Ok(before)) = (second.source(&a), first.source(&a)) else {
            panic!("a.png reads");
        };
        assert!(Arc::ptr_eq(&kept, &before), "a.png was not read again");
        let picture = second.original(&b, "b.png").expect("b.png plans");
        assert_eq!((picture.fallback.width, picture.fallback.height), (60, 10));
    }

    #[test]
    fn image_finds_a_published_photo_by_its_output_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let a = png(dir.path(), "a.png", 40, 20);
        let photos = vec![("vi/news/x/a.png".to_owned(), a)];
        let (images, _) = Images::new(&ImagesConfig::default(), dir.path()).refreshed(&photos);
        let nowhere = |_: &str| None;
        let picture = images
            .request("vi/news/x/a.png", Some(&[20]), &nowhere)
            .expect("published");
        assert_eq!(picture.fallback.path, "vi/news/x/a.png");
        assert_eq!(
            images.request("other.png", None, &nowhere).err(),
            Some(ImageError::NotFound("other.png".into()))
        );
    }
}
