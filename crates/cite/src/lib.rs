//! Citations, permalinks and exports of articles and result lists: pure
//! functions of plain values, no dependency, so that the app pays for them
//! only where it calls them (and the CLI prints the very same text).
//!
//! - [`cite`]: GB/T 7714-2015 for newspaper articles and Chicago;
//! - [`export`]: result lists as CSV (RFC 4180) and JSON Lines, a
//!   concordance as CSV, and permalinks.

pub mod cite;
pub mod export;

pub use cite::{chicago, gbt7714, Ref};
pub use export::{concordance_csv, permalink, results_csv, results_jsonl, Line, Row};
