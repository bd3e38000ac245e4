//! The fast path of a narrowed edit of templates, messages or photos
//! (see [`super::dependencies`]): the last site renders again where it
//! read what changed. In: the [`Narrow`] the reload made. Out: the build,
//! or `None` when the edit changes what a resolve reads.

use super::rerender::Rerender;
use super::session::{Built, Session, Stopwatch};
use crate::diagnostics::Diagnostics;
use crate::output::Sink;
use crate::render::Narrow;
use std::collections::BTreeSet;

impl Session {
    /// The fast path of a narrowed edit of templates, messages or photos:
    /// when no resolve reads what changed (not `site-title`, a menu's
    /// `nav-`, a term), the last site is the site the edit makes but for
    /// the Markdown of the pages showing a replaced photo, rendered again.
    /// The pages that read the change then render on it, without reading,
    /// resolving and rendering the Markdown of every article again. `None`
    /// when it does not apply. Called when no article was read again.
    pub(super) fn try_same_site(
        &mut self,
        sink: &dyn Sink,
        mut diags: Diagnostics,
        watch: &mut Stopwatch,
    ) -> Result<Option<Built>, Diagnostics> {
        let keeps_site = |n: &Narrow| n.langs.is_empty();
        if !self.edits.narrow.as_ref().is_some_and(keeps_site) {
            return Ok(None);
        }
        let (Some(mut site), Some(narrow)) = (self.last.site.take(), self.edits.narrow.take())
        else {
            return Ok(None);
        };
        self.edits.message_langs = None;
        let photos = crate::outputs::photo_files(&site, &self.theme.statics);
        if !narrow.replaced.is_empty() {
            // The photo's size and variants are read again, then the
            // Markdown showing it renders with them.
            self.refresh_images(&photos);
            let showing: BTreeSet<_> = site
                .pages
                .iter()
                .filter(|p| {
                    p.rendered
                        .pictures()
                        .any(|pic| narrow.replaced.contains(&pic.fallback.path))
                })
                .filter_map(|p| p.source)
                .collect();
            let edited = showing
                .into_iter()
                .map(|s| site.sources[s].clone())
                .collect();
            let files = crate::site::Files {
                statics: &self.theme.statics,
                images: &self.caches.images,
            };
            let (updated, d) =
                crate::site::with_edits(site, edited, files, &mut self.caches.markdown);
            diags.extend(d);
            if diags.has_errors() {
                return Err(diags);
            }
            site = updated;
        }
        let rerender = Rerender::SameSite(narrow);
        self.render_and_write(site, &photos, rerender, sink, diags, watch)
            .map(Some)
    }
}
