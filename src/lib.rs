//! mekong: a static-site generator for multilingual promotional portals.
//!
//! A build is one pipeline that runs in one direction; each stage takes the
//! previous stage's data and returns new data plus
//! [`diagnostics::Diagnostics`], and no stage reaches back:
//!
//! ```text
//! site.yaml ─► config::Config
//! content/ ─► content::load ─► content::Sources      files read, front matter parsed
//! themes/, locales/, static/ ─► theme, i18n::Locales templates, messages, static files
//! Sources ─► site::resolve ─► site::Site              URLs, translations, sections, tags,
//!                                                      Markdown bodies, links and anchors checked
//! Site ─► render::render ─► output::Sink             pages in parallel, streamed one by one
//! Site ─► outputs::*     ─► output::Sink             sitemap, feeds, redirects, open data, search index
//! Sink = write::Staging                               a staging folder, then a swap into public/
//! ```
//!
//! [`pipeline`] drives the stages: the one-shot [`pipeline::build`] (`build`,
//! `check`), or the [`pipeline::Session`] that `serve` keeps in memory and
//! re-runs for only what a change touches (`pipeline/incremental.rs`). The
//! writer is the pipeline's: render is handed a sink and never opens files.
//! Leaves every stage may use: `diagnostics`, `html`, `urls`, `paths`,
//! `source_text`, `output`, `formats` (ICU numbers and dates), `messages`
//! (mekong's own texts). Each of [`commands`] returns one
//! [`commands::Outcome`] (and `Progress` lines while it runs) that `main`
//! prints one way; library code never prints.

// Diagnostics are the error type everywhere; they carry file, line, message and
// hint by value. They are the rare path, so boxing them would only add noise.
#![allow(clippy::result_large_err)]

mod cms;
mod collation;
pub mod commands;
mod config;
mod content;
pub mod diagnostics;
mod fonts;
mod formats;
pub mod fuzzing;
mod html;
mod i18n;
mod images;
mod markdown;
pub mod messages;
mod output;
mod output_lock;
mod outputs;
mod paths;
pub mod pipeline;
mod plan;
mod render;
mod report;
mod screens;
mod search;
mod serve;
mod site;
mod source_text;
mod theme;
mod urls;
mod write;
