//! Deterministic synthetic archives of Chinese newspaper pages.
//!
//! Made for the archive-scale work (sharded index, benchmarks) and as CI
//! fixtures: any number of articles, from a few hundred to hundreds of
//! thousands, with the long tail of characters, character pairs and words of
//! real newspaper text (words are drawn from jieba's dictionary by frequency
//! within their part of speech), names of people, places and organizations
//! that recur with a Zipf-like head and tail, numbers, dates and Latin tokens
//! in newspaper shapes, and the page furniture of an e-paper (kickers,
//! headlines, subtitles, bylines, captions, signatures).
//!
//! The output is a function of the seed, the span of years and the target
//! size, byte for byte: the random numbers are a xoshiro256** written out in
//! [`rng`], every draw is an integer draw, and the word list is the one of
//! the jieba-rs version in `Cargo.lock`.
//!
//! ```no_run
//! use xunyue_synth::{Archive, Target, DEFAULT_SEED};
//! let archive = Archive::new(DEFAULT_SEED, (2019, 2024));
//! let plan = archive.plan(Target::Articles(300), |_, _| {}).unwrap();
//! let issue = archive.issue(plan.issues[0].0);
//! println!("{}", issue.pages[0].articles[0].title);
//! ```

pub mod archive;
pub mod corpus;
pub mod date;
pub mod dict;
pub mod names;
pub mod output;
pub mod rng;
pub mod stats;
pub mod text;

pub use archive::{Archive, Article, Issue, Page, Plan, Source, Target, DEFAULT_SEED};
pub use corpus::corpus;
pub use output::{page_text, write, Format, Summary};
pub use stats::TextStats;
