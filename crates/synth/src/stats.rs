//! What a text holds: characters, distinct characters and distinct pairs of
//! adjacent characters, and the share of the most frequent characters.
//!
//! White space is deleted before counting (so an OCR line break inside a
//! word does not cut a pair); pairs are counted within one text (an article,
//! a seed page), never across two.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for the packed pairs: one multiply-xorshift (splitmix64's
/// finalizer), enough for keys that are already two code points.
#[derive(Default)]
pub struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(self.0 ^ b as u64);
        }
    }

    fn write_u64(&mut self, x: u64) {
        let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        self.0 = z ^ (z >> 31);
    }
}

#[derive(Debug, Clone)]
pub struct TextStats {
    /// Non-white-space chars.
    pub chars: u64,
    /// UTF-8 bytes of the texts as given (white space included).
    pub bytes: u64,
    counts: Vec<u32>,
    pairs: HashSet<u64, BuildHasherDefault<PairHasher>>,
}

impl Default for TextStats {
    fn default() -> Self {
        TextStats { chars: 0, bytes: 0, counts: vec![0; 0x11_0000], pairs: HashSet::default() }
    }
}

impl TextStats {
    pub fn new() -> TextStats {
        TextStats::default()
    }

    /// Adds one text.
    pub fn add(&mut self, text: &str) {
        self.bytes += text.len() as u64;
        let mut prev: Option<char> = None;
        for c in text.chars() {
            if c.is_whitespace() {
                continue;
            }
            self.chars += 1;
            let n = &mut self.counts[c as usize];
            *n = n.saturating_add(1);
            if let Some(p) = prev {
                self.pairs.insert(((p as u64) << 32) | c as u64);
            }
            prev = Some(c);
        }
    }

    pub fn distinct_chars(&self) -> usize {
        self.counts.iter().filter(|&&n| n > 0).count()
    }

    pub fn distinct_pairs(&self) -> usize {
        self.pairs.len()
    }

    /// The `k` most frequent chars with their counts, most frequent first
    /// (ties by code point).
    pub fn top(&self, k: usize) -> Vec<(char, u64)> {
        let mut all: Vec<(char, u64)> = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .filter_map(|(c, &n)| char::from_u32(c as u32).map(|c| (c, n as u64)))
            .collect();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        all.truncate(k);
        all
    }

    /// Share of all chars taken by the `k` most frequent (0..=1).
    pub fn top_share(&self, k: usize) -> f64 {
        let top: u64 = self.top(k).iter().map(|t| t.1).sum();
        if self.chars == 0 {
            0.0
        } else {
            top as f64 / self.chars as f64
        }
    }

    /// Count of one char.
    pub fn count(&self, c: char) -> u64 {
        self.counts[c as usize] as u64
    }
}
