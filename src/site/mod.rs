//! The site: [`Sources`](crate::content::Sources) → [`Site`], the model
//! every output is rendered from. Files become pages in languages, with
//! URLs, translation groups, sections, tags, fallbacks and rendered
//! Markdown; duplicate URLs and aliases, broken links and anchors are found
//! here.
//!
//! Comes in: config, sources, locales, static files and the image pipeline.
//! Goes out: a [`Site`] and diagnostics. In order:
//!
//! - [`resolve`] (`resolve.rs`, URL checks in `urls.rs`): pages, URLs,
//!   groups and lists;
//! - [`render_markdown`] (`bodies.rs`, images in `assets.rs`): each page's
//!   body, and anchor checks;
//! - [`with_edits`] (`update.rs`): `serve`'s next site after an edit that
//!   keeps every page's URL; [`relist`] (`relist.rs`) re-sorts the lists
//!   such an edit moved its pages in; [`splice`] (`insert.rs`) puts a
//!   new article file's page in, or a deleted one's out, where resolve
//!   would have it, and [`render_spliced`] (`splice_bodies.rs`) renders
//!   only the Markdown that splice changed.
//!
//! Pages and sources are indexed by typed ids ([`PageId`], [`SourceId`])
//! into vectors: the renderer reads the site from many threads without a
//! lock.

mod assets;
mod bodies;
mod insert;
mod model;
mod relist;
mod resolve;
mod splice_bodies;
mod update;
mod urls;

pub(crate) use bodies::{render_markdown, BodyHtml, Files, KeepHtml, MarkdownCache};
pub(crate) use insert::{can_splice, splice, Splice};
pub(crate) use model::{Page, PageId, Site, Term};
pub(crate) use relist::{relist, Relisted};
pub(crate) use resolve::{resolve, ResolveOptions};
pub(crate) use splice_bodies::{file_link_keys, render_spliced};
pub(crate) use update::{fit, title_sorts, with_edits, Fit};
pub(crate) use urls::alias_line;
