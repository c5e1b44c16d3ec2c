//! The search engine of 寻阅 Xunyue (runtime; no web dependency).
//!
//! An archive ([`xunyue_format`]) is read through one interface,
//! [`source::Source`]: the embedded bundle held in memory ([`embedded`], its
//! pair table built at load: [`index`]) or a sharded archive read file by
//! file ([`sharded`]) from a [`store::Storage`] (memory, a directory, or
//! HTTP through the memory store in the browser). Per query: [`query`] (the
//! query language) → [`search`] (match, rank by [`rank`], count, then spans)
//! → [`snippet`] (windows and highlight spans). [`docset`] holds the
//! sorted-set operations they share. [`time`]: the archive through time
//! (timeline, terms over time, date order, the page as printed).
//!
//! Everything that compares text goes through the archive's fold
//! ([`xunyue_core::fold::Fold`]), at build time and at query time alike.

pub mod docset;
pub mod embedded;
pub mod index;
pub mod query;
pub mod rank;
pub mod search;
pub mod sharded;
pub mod snippet;
pub mod source;
pub mod store;
pub mod time;

pub use search::{Engine, SearchHit, SearchResponse, Show, Tier};
pub use source::{Fault, Got, Source};
pub use xunyue_format::FormatError;
