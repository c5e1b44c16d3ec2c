//! The views of the explorer: plain functions of [`crate::ctx::Ctx`] that
//! return `Html`, not Yew components.
//!
//! The explorer is one component (`crate::app::App`); every view below is a
//! function it calls, and the little state a view needs (a draft query, the
//! "show more" counts, the expanded facets) is a hook of the app. Each Yew
//! component is a set of generic instantiations (its lifecycle, properties,
//! context subscriptions): turning the seven views from components into
//! functions took 10.2 KB gzip off the first visit (see
//! `docs/performance.md`). A view that needs to change the route calls
//! [`crate::ctx::Ctx::act`] with an [`crate::route::Action`]; links go
//! through [`crate::links`]. No view imports the app.

pub mod chart;
pub mod concordance;
pub mod panel;
pub mod reader;
pub mod results;
pub mod search_box;
