//! The shared ground of 寻阅 Xunyue: what build time and runtime must agree
//! on, so it lives once.
//!
//! - [`model`]: pages, blocks, articles and their analysis, as ingest makes
//!   them and the engine serves them.
//! - [`normalize`] and [`fold`]: the one normalization, used on the texts at
//!   build time and on the query at query time.
//! - [`fields`]: headline, kicker, body, and what an occurrence in each
//!   weighs in the ranking.
//! - [`date`]: ISO dates as day numbers, timeline buckets (day, ISO week,
//!   month, year) and date ranges.
//! - [`chars`]: every character class (Han, spaces, Latin word chars,
//!   punctuation, family names).
//! - [`segment`]: the runtime word segmenter (jieba-rs over the archive's
//!   vocabulary), word-boundary bit sets and one-byte word frequencies.
//! - [`varint`] and [`sort`]: the codecs and the one sort the wasm carries.

pub mod chars;
pub mod date;
pub mod fields;
pub mod fold;
pub mod model;
pub mod normalize;
pub mod segment;
pub mod sort;
pub mod varint;

pub use fold::{Fold, FoldTable};
pub use model::{Article, Block, BlockKind, Corpus, Page};
pub use normalize::Normalized;
