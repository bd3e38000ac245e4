//! The one-shot build (`build`, `check`, `init`'s test build): load a
//! [`Session`], render everything once into the sink, prune the image cache.

use super::options::Options;
use super::session::{Built, Session};
use crate::diagnostics::Diagnostics;
use crate::output::Sink;

/// Runs every stage; outputs go to `sink` as they are rendered.
pub fn build(opts: &Options, sink: &dyn Sink) -> Result<Built, Diagnostics> {
    let mut session = Session::load_once(opts)?;
    let built = session.build(sink, false)?;
    if sink.keeps_files() {
        // Processed photos no page uses any more leave the cache.
        session.prune_image_cache();
    }
    Ok(built)
}
