//! The test bed of ingest: known articles laid out as OCR'd newspaper pages
//! in many plausible ways, each page with its ground truth (which article
//! every line belongs to, and each article's headline), and the scores of
//! ingest against it.
//!
//! - [`known`]: the articles to lay out — any list of [`known::Known`]; made
//!   from a corpus ingest produced (the seeds' articles as ingest finds
//!   them) and from `xunyue-synth`'s synthetic articles.
//! - [`page`]: the generator. Deterministic: a page is a function of its
//!   seed and the articles. What it varies is listed in [`page::Features`].
//! - [`score`]: article-boundary F1 and headline exact match, per feature.
//!
//! Build time and tests only: nothing here ships.

pub mod known;
pub mod page;
pub mod score;

pub use known::Known;
pub use page::{generate, Features, Generated};

/// A small deterministic random source (SplitMix64): the generator's only
/// randomness, so that a page is a function of its seed on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`; the tiny modulo bias does not matter here).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `per_cent` / 100.
    pub fn chance(&mut self, per_cent: usize) -> bool {
        self.below(100) < per_cent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}
