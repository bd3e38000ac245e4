//! The fast path of an edit that adds or removes one article file (a new
//! article, a translation, a deleted article): the page is put into, or
//! taken out of, the last site where a full resolve would have it
//! ([`site::splice`]); Markdown renders the new page and the pages whose
//! links name a URL that came or went; then only the page, its
//! translations, the lists it is in from where it goes in, and the
//! site-wide files are rendered again.

use super::session::{Built, Rerender, Session, Stopwatch};
use crate::diagnostics::Diagnostics;
use crate::output::Sink;
use crate::site::{self, Splice};
use std::path::PathBuf;
use std::time::Instant;

impl Session {
    /// `None` when the change is not one article file come or gone, or
    /// [`site::can_splice`] declines it: the site is resolved again.
    pub(super) fn try_splice(
        &mut self,
        fresh: &[PathBuf],
        sink: &dyn Sink,
        mut diags: Diagnostics,
        watch: &mut Stopwatch,
    ) -> Result<Option<Built>, Diagnostics> {
        let clock = Instant::now();
        let ([file], Some(site)) = (fresh, self.last.site.as_ref()) else {
            return Ok(None);
        };
        // Sources name their files from the root.
        let rel = file.strip_prefix(&self.config.root).unwrap_or(file);
        let known = site.source_index(rel).is_some();
        let change = match (known, self.sources.pages.get(file)) {
            (false, Some(new)) => Splice::Added(new.clone()),
            (true, None) => Splice::Removed(rel.to_path_buf()),
            _ => return Ok(None),
        };
        if !site::can_splice(site, &change, self.opts.drafts) {
            return Ok(None);
        }
        let Some(old_site) = self.last.site.take() else {
            return Ok(None);
        };
        let photos_before = crate::outputs::photo_files(&old_site, &self.theme.statics);
        self.refresh_images(&photos_before);
        let went = site::file_link_keys(&old_site, rel);
        let (mut site, before) = site::splice(old_site, change);
        let came = site::file_link_keys(&site, rel);
        watch.lap_since("splice", clock);
        // Only the keys of the file's page changed: the Markdown cache is
        // updated in place (`serve` keeps bodies; a one-shot build never
        // splices).
        let files = site::Files {
            statics: &self.theme.statics,
            images: &self.caches.images,
        };
        let mut markdown = std::mem::take(&mut self.caches.markdown);
        diags.extend(site::render_spliced(
            &mut site,
            files,
            &mut markdown,
            &came,
            &went,
        ));
        watch.lap("markdown");
        // The cache holds the keys of the spliced site and bodies rendered
        // for it: a resolve after errors compares its keys with them.
        self.caches.markdown = markdown;
        if diags.has_errors() {
            // The last good site is gone: the next build starts clean.
            return Err(diags);
        }
        let photos = crate::outputs::photo_files(&site, &self.theme.statics);
        if photos != photos_before {
            self.refresh_images(&photos);
        }
        self.render_and_write(
            site,
            &photos,
            Rerender::Relisted(before),
            sink,
            diags,
            watch,
        )
        .map(Some)
    }
}
