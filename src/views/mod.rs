//! The views of the explorer: plain functions of [`crate::ctx::Ctx`] that
//! return `Html`, not Yew components.
//!
//! The explorer is one component (`crate::app::App`); every view below is a
//! function it calls. The little state a view needs that is no part of the
//! URL (the search box's draft, the "show more" counts, the expanded facets,
//! the filter panel open on a narrow screen) is the app's: the draft and
//! [`crate::ctx::Ui`], which a view changes through
//! [`crate::ctx::Ctx::on_ui`]. Each Yew component is a set of generic
//! instantiations (its lifecycle, properties, context subscriptions):
//! turning the seven views from components into functions took 10.2 KB gzip
//! off the first visit (see `docs/performance.md`). A view that changes the
//! route makes a callback with [`crate::ctx::Ctx::on`] that returns an
//! [`crate::route::Action`]; links go through [`crate::links`]; the archive
//! is reached only through [`crate::data::Data`]. No view imports the app.

#[cfg(xunyue_sharded)]
pub mod archive;
#[cfg(not(xunyue_sharded))]
pub mod chart;
#[cfg(xunyue_time)]
pub mod cite;
pub mod concordance;
#[cfg(xunyue_time)]
pub mod page;
pub mod panel;
pub mod reader;
pub mod results;
pub mod search_box;
#[cfg(xunyue_time)]
pub mod timeline;
#[cfg(xunyue_time)]
pub mod trends;
