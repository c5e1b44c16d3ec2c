//! What an archive's parts cost, for `xunyue index-stats`: the texts against
//! a gram index (every char and char pair of the normalized texts → the
//! sorted list of articles holding it, delta varints), the index the
//! embedded bundle does not ship but rebuilds at load.

use serde::Serialize;
use xunyue_core::varint;

/// The gram index in the form it would be shipped in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct GramIndex {
    /// Number of keys.
    pub keys: u32,
    /// Per key: the delta from the previous key (varint).
    pub key_bytes: Vec<u8>,
    /// Per key: the number of docs, then the doc ids as deltas (varints).
    pub posting_bytes: Vec<u8>,
    /// Per doc, in doc order: its word boundaries.
    pub boundaries: Vec<u8>,
}

fn unigram(c: char) -> u64 {
    c as u64
}

fn bigram(a: char, b: char) -> u64 {
    (1 << 63) | ((a as u64) << 21) | b as u64
}

impl GramIndex {
    /// The index over normalized documents, with their word boundaries.
    pub fn build<D: AsRef<[char]>>(docs: &[D], boundaries: Vec<u8>) -> GramIndex {
        let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(docs.iter().map(|d| 2 * d.as_ref().len()).sum());
        for (d, chars) in docs.iter().map(AsRef::as_ref).enumerate() {
            pairs.extend(chars.iter().map(|&c| (unigram(c), d as u32)));
            pairs.extend(chars.windows(2).map(|w| (bigram(w[0], w[1]), d as u32)));
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut data = GramIndex { boundaries, ..GramIndex::default() };
        let mut prev_key = 0u64;
        let mut i = 0;
        while i < pairs.len() {
            let key = pairs[i].0;
            let mut j = i;
            while j < pairs.len() && pairs[j].0 == key {
                j += 1;
            }
            varint::put(&mut data.key_bytes, key - prev_key);
            prev_key = key;
            varint::put(&mut data.posting_bytes, (j - i) as u64);
            let mut prev_doc = 0u32;
            for &(_, d) in &pairs[i..j] {
                varint::put(&mut data.posting_bytes, (d - prev_doc) as u64);
                prev_doc = d;
            }
            data.keys += 1;
            i = j;
        }
        data
    }

    /// Bytes of the serialized index (postcard).
    pub fn encoded(&self) -> Vec<u8> {
        postcard::to_allocvec(self).unwrap_or_default()
    }
}
