//! The one-shot build (`build`, `check`, `init`'s test build): load a
//! [`Session`], render everything once into the sink, prune the image cache
//! and keep the search cache.

use super::options::Options;
use super::session::{Built, Session};
use crate::diagnostics::Diagnostics;
use crate::output::Sink;

/// Runs every stage; outputs go to `sink` as they are rendered.
pub fn build(opts: &Options, sink: &dyn Sink) -> Result<Built, Diagnostics> {
    let start = std::time::Instant::now();
    let mut session = Session::load_once(opts)?;
    let read = start.elapsed().as_secs_f64();
    let mut built = session.build(sink, false)?;
    built.timings.insert(0, ("read", read));
    if sink.keeps_files() {
        // Processed photos no page uses any more leave the cache.
        session.prune_image_cache();
        session.keep_search_cache();
    }
    Ok(built)
}
