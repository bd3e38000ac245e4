//! mekong: a static-site generator for multilingual promotional portals.
//!
//! A build is one pipeline, one direction:
//! `site.yaml` → [`config::Config`]; `content/`, `locales/` and the theme →
//! [`content::load`] → [`content::Sources`] (files read, front matter
//! parsed); Sources → [`site::resolve`] → [`site::Site`] (URLs, translation
//! groups, sections, tags, Markdown rendered, links checked); Site →
//! [`render::render`] → outputs (in parallel, over immutable data); outputs →
//! [`write::write`] → `public/` (a staging folder, then a swap). Every stage
//! returns [`diagnostics::Diagnostics`] instead of printing or stopping.
//!
//! [`pipeline`] drives the stages: a one-shot build, or the `Session` that
//! `serve` keeps in memory and rebuilds incrementally. Each of [`commands`]
//! returns one `Outcome` (and `Progress` lines while it runs) that `main`
//! prints one way; library code never prints.

// Diagnostics are the error type everywhere; they carry file, line, message and
// hint by value. They are the rare path, so boxing them would only add noise.
#![allow(clippy::result_large_err)]

pub mod commands;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod fuzzing;
mod html;
pub mod i18n;
pub mod images;
pub mod markdown;
mod output;
pub mod outputs;
pub(crate) mod paths;
pub mod pipeline;
pub mod render;
pub mod search;
pub(crate) mod serve;
pub mod site;
mod source_text;
pub mod theme;
mod urls;
pub mod write;
