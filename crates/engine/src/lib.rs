//! The search engine of 寻阅 Xunyue (runtime; no web dependency).
//!
//! An archive ([`xunyue_format`]) loaded into an [`Engine`]: the pair table
//! ([`index`]) built from the normalized texts, then per query: [`query`]
//! (the query language) → [`search`] (match, rank by [`rank`], spans) →
//! [`snippet`] (windows and highlight spans). [`docset`] holds the sorted-set
//! operations they share.
//!
//! Everything that compares text goes through the archive's fold
//! ([`xunyue_core::fold::Fold`]), at build time and at query time alike.

pub mod docset;
pub mod index;
pub mod query;
pub mod rank;
pub mod search;
pub mod snippet;

pub use search::{Engine, SearchHit, SearchResponse, Tier};
pub use xunyue_format::FormatError;
