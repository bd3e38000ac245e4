//! Render: the resolved [`Site`](crate::site::Site) and a
//! [`Sink`](crate::output::Sink) come in; the sink's
//! [`Record`](crate::output::Record)s and the diagnostics come back in
//! [`Rendered`]. Templates are compiled once ([`templates`]); which pages'
//! views changed since the last `serve` build is worked out ([`cache`]);
//! the lists template functions read are page ids, and a page's view is
//! made when a job or a list shows it ([`lists`]: each list asked for is
//! made once per render). Then the planned jobs ([`jobs`], narrowed by
//! [`scope`] in `serve`) render in parallel over that immutable data, each
//! streaming its output into the sink as soon as it is done ([`run`]), so
//! a big site never holds its pages, nor every page's view, in memory.

mod cache;
mod context;
mod data_page;
mod functions;
mod heads;
mod jobs;
mod links;
mod lists;
mod owed;
mod page;
mod run;
mod scope;
mod templates;
pub(crate) mod used;
pub(crate) mod views;

pub(crate) use cache::ValueCache;
pub(crate) use data_page::{DataFile, DataPage, DataPageSource, DataSet, Words};
pub(crate) use owed::Owed;
pub(crate) use run::{render, Rendered, Request};
pub(crate) use scope::{Affected, Scope};
pub(crate) use templates::check_templates;
pub(crate) use used::{Narrow, Read, Usage};
