//! The preview server's parts, driven by `mekong serve`
//! (`commands::serve`): [`http`] serves the output folder and tells open
//! pages to reload, [`watch`] turns file-system events into batches of
//! changed source files, and [`Preview`] keeps the site in memory and
//! rebuilds what a batch touches into the live folder, the pages open in a
//! browser first ([`viewed`]). Nothing here prints:
//! a rebuild returns what happened and the command reports it.

mod cms_backend;
mod http;
mod rebuild;
mod viewed;
mod watch;

pub(crate) use cms_backend::Backend as CmsBackend;
pub(crate) use http::{listen, State};
pub(crate) use rebuild::{Preview, Rebuilt};
pub(crate) use watch::SourceWatcher;
