//! The search engine of 寻阅 Xunyue.
//!
//! Pipeline: raw OCR page → [`reflow`] → [`ingest`] (pages, blocks, articles) →
//! [`index`] (built at compile time, serialized in a [`blob`]) → [`search`]
//! (query, match, rank) → [`snippet`] (windows and highlight spans).
//!
//! Everything that compares text goes through [`normalize`], at build time and
//! at query time alike.

pub mod blob;
pub mod index;
pub mod ingest;
pub mod model;
pub mod normalize;
pub mod query;
pub mod rank;
pub mod reflow;
pub mod search;
pub mod segment;
pub mod snippet;
pub mod sort;
mod varint;

pub use blob::{Blob, BlobError};
pub use model::{Article, Block, BlockKind, Corpus, Page};
pub use search::{Engine, SearchHit, SearchResponse};
