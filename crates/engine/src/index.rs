//! The gram index: for every character and every pair of adjacent characters
//! of the normalized text, the sorted list of articles containing it.
//!
//! A query is looked up by intersecting the lists of its grams; the candidate
//! articles are then verified by substring search on their normalized text,
//! so the index narrows the search but can never hide a hit.
//!
//! Next to the postings, the index keeps the word boundaries of every
//! article (one bit per normalized char, found at build time by the runtime
//! [`Segmenter`]) for the ranking's word-boundary bonus.

use crate::model::VocabWord;
use crate::segment::Segmenter;
use crate::varint;
use serde::{Deserialize, Serialize};

/// Key of a gram: a single char, or a pair of chars (top bit set).
pub fn unigram(c: char) -> u64 {
    c as u64
}

pub fn bigram(a: char, b: char) -> u64 {
    (1 << 63) | ((a as u64) << 21) | b as u64
}

/// The serialized form: sorted keys and postings, both as delta varints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct IndexData {
    /// Number of keys.
    pub keys: u32,
    /// Per key: the delta from the previous key (varint).
    pub key_bytes: Vec<u8>,
    /// Per key: the number of docs, then the doc ids as deltas (varints).
    pub posting_bytes: Vec<u8>,
    /// Per doc, in doc order: its word boundaries, `len / 8 + 1` bytes (see
    /// [`Segmenter::boundaries`]). Empty when built without a vocabulary.
    pub boundaries: Vec<u8>,
}

impl IndexData {
    /// Builds the index over normalized documents.
    pub fn build<D: AsRef<[char]>>(docs: &[D]) -> IndexData {
        // Every gram of every doc, by gram then doc (a stable sort of pairs
        // made in doc order), each (gram, doc) once.
        let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(docs.iter().map(|d| 2 * d.as_ref().len()).sum());
        for (d, chars) in docs.iter().map(AsRef::as_ref).enumerate() {
            pairs.extend(chars.iter().map(|&c| (unigram(c), d as u32)));
            pairs.extend(chars.windows(2).map(|w| (bigram(w[0], w[1]), d as u32)));
        }
        crate::sort::radix_sort(&mut pairs);
        pairs.dedup();
        let mut data = IndexData::default();
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

    /// Builds the index and the word boundaries of every doc, segmented with
    /// the runtime segmenter loaded from `vocab`.
    pub fn build_with(docs: &[Vec<char>], vocab: &[VocabWord]) -> IndexData {
        let mut data = IndexData::build(docs);
        let seg = Segmenter::from_vocab(vocab);
        for d in docs {
            data.boundaries.extend(seg.boundaries(d));
        }
        data
    }

    /// Bytes of the serialized index (postcard).
    pub fn encoded_len(&self) -> usize {
        postcard::to_allocvec(self).map(|v| v.len()).unwrap_or(0)
    }
}

/// The index as loaded: keys in a sorted vector, postings decoded lazily.
#[derive(Debug, Clone, Default)]
pub struct Index {
    keys: Vec<u64>,
    /// Offset of each key's postings in `postings`.
    offsets: Vec<u32>,
    postings: Vec<u8>,
    boundaries: Vec<u8>,
}

impl Index {
    /// Loads serialized index data; `None` when the bytes are inconsistent.
    pub fn load(data: IndexData) -> Option<Index> {
        let n = data.keys as usize;
        let mut keys = Vec::with_capacity(n);
        let mut offsets = Vec::with_capacity(n);
        let (mut ka, mut pa) = (0usize, 0usize);
        let mut key = 0u64;
        for _ in 0..n {
            key = key.checked_add(varint::get(&data.key_bytes, &mut ka)?)?;
            keys.push(key);
            offsets.push(pa as u32);
            let count = varint::get(&data.posting_bytes, &mut pa)?;
            for _ in 0..count {
                varint::get(&data.posting_bytes, &mut pa)?;
            }
        }
        Some(Index { keys, offsets, postings: data.posting_bytes, boundaries: data.boundaries })
    }

    /// The word boundaries of all docs, concatenated (see [`IndexData`]).
    pub fn boundaries(&self) -> &[u8] {
        &self.boundaries
    }

    /// Position of `key` in the sorted key table.
    pub fn key_id(&self, key: u64) -> Option<usize> {
        self.keys.binary_search(&key).ok()
    }

    /// Key ids of every pair starting with `c`: one contiguous range of the
    /// sorted key table (a pair's key orders by its first char first).
    pub fn pairs_starting_with(&self, c: char) -> std::ops::Range<usize> {
        let lo = bigram(c, '\0');
        let hi = lo + (1 << 21);
        self.keys.partition_point(|&k| k < lo)..self.keys.partition_point(|&k| k < hi)
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Sorted doc ids containing the gram; empty when none does.
    pub fn docs(&self, key: u64) -> Vec<u32> {
        let Ok(k) = self.keys.binary_search(&key) else {
            return Vec::new();
        };
        let mut at = self.offsets[k] as usize;
        let count = varint::get(&self.postings, &mut at).unwrap_or(0);
        let mut out = Vec::with_capacity(count as usize);
        let mut doc = 0u64;
        for _ in 0..count {
            doc += varint::get(&self.postings, &mut at).unwrap_or(0);
            out.push(doc as u32);
        }
        out
    }

    /// Docs that may contain `needle` (normalized chars): every doc that does
    /// contain it is in the answer. `None` means "all docs" (empty needle).
    pub fn candidates(&self, needle: &[char]) -> Option<Vec<u32>> {
        match needle.len() {
            0 => None,
            1 => Some(self.docs(unigram(needle[0]))),
            _ => {
                let mut lists: Vec<Vec<u32>> =
                    needle.windows(2).map(|w| self.docs(bigram(w[0], w[1]))).collect();
                crate::sort::sort_by_key(&mut lists, |l| l.len());
                let mut acc = lists.first().cloned().unwrap_or_default();
                for l in &lists[1..] {
                    if acc.is_empty() {
                        break;
                    }
                    acc.retain(|d| l.binary_search(d).is_ok());
                }
                Some(acc)
            }
        }
    }
}

/// Where every pair of adjacent chars occurs: for each key of the index,
/// its (doc, position) pairs in doc then position order. Expanded at load
/// from the folded texts the engine holds anyway, with a counting sort over
/// the index's key table, so a phrase is found by walking the occurrences
/// of its rarest pair instead of scanning the articles.
#[derive(Debug, Clone, Default)]
pub struct Positions {
    /// `offsets[k]..offsets[k + 1]` is key `k`'s range in `entries`.
    offsets: Vec<u32>,
    /// `(doc << 32) | pos`.
    entries: Vec<u64>,
    /// False when a pair of the texts is missing from the index (a blob
    /// that does not belong to these texts): callers then scan instead.
    pub complete: bool,
}

impl Positions {
    pub fn build(index: &Index, docs: &[&[char]]) -> Positions {
        let n_keys = index.len();
        let mut counts = vec![0u32; n_keys + 1];
        let total: usize = docs.iter().map(|d| d.len().saturating_sub(1)).sum();
        let mut ids: Vec<u32> = Vec::with_capacity(total);
        let mut complete = true;
        for d in docs {
            for w in d.windows(2) {
                match index.key_id(bigram(w[0], w[1])) {
                    Some(k) => {
                        counts[k] += 1;
                        ids.push(k as u32);
                    }
                    None => {
                        complete = false;
                        ids.push(u32::MAX);
                    }
                }
            }
        }
        let mut offsets = vec![0u32; n_keys + 1];
        let mut at = 0u32;
        for k in 0..n_keys {
            offsets[k] = at;
            at += counts[k];
        }
        offsets[n_keys] = at;
        let mut cursor = offsets.clone();
        let mut entries = vec![0u64; at as usize];
        let mut i = 0;
        for (doc, d) in docs.iter().enumerate() {
            for pos in 0..d.len().saturating_sub(1) {
                let k = ids[i];
                i += 1;
                if let Some(c) = cursor.get_mut(k as usize) {
                    entries[*c as usize] = ((doc as u64) << 32) | pos as u64;
                    *c += 1;
                }
            }
        }
        Positions { offsets, entries, complete }
    }

    /// The (doc, position) pairs of a key id, packed as `(doc << 32) | pos`.
    pub fn of(&self, key_id: usize) -> &[u64] {
        self.of_range(key_id..key_id + 1)
    }

    /// The pairs of a range of key ids: each key's list in turn (so sorted
    /// per key, not overall).
    pub fn of_range(&self, ids: std::ops::Range<usize>) -> &[u64] {
        match (self.offsets.get(ids.start), self.offsets.get(ids.end)) {
            (Some(&a), Some(&b)) if a <= b => self.entries.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn round_trip_and_lookup() {
        let docs = vec![chars("青岛华大"), chars("华大智造"), chars("青岛")];
        let idx = Index::load(IndexData::build(&docs)).unwrap();
        assert_eq!(idx.candidates(&chars("华大")), Some(vec![0, 1]));
        assert_eq!(idx.candidates(&chars("青岛")), Some(vec![0, 2]));
        assert_eq!(idx.candidates(&chars("青岛华大")), Some(vec![0]));
        assert_eq!(idx.candidates(&chars("岛")), Some(vec![0, 2]));
        assert_eq!(idx.candidates(&chars("区块链")), Some(vec![]));
        assert_eq!(idx.candidates(&[]), None);
    }

    #[test]
    fn positions_list_every_pair() {
        let docs = vec![chars("青岛华大青岛"), chars("华大青岛")];
        let idx = Index::load(IndexData::build(&docs)).unwrap();
        let refs: Vec<&[char]> = docs.iter().map(Vec::as_slice).collect();
        let pos = Positions::build(&idx, &refs);
        assert!(pos.complete);
        let k = idx.key_id(bigram('青', '岛')).unwrap();
        assert_eq!(pos.of(k), [0, 4, (1 << 32) | 2]);
        // 华 is followed by 大 twice; 岛 by 华 once (each text ends in a 岛).
        assert_eq!(pos.of_range(idx.pairs_starting_with('华')), [2, 1 << 32]);
        assert_eq!(pos.of_range(idx.pairs_starting_with('岛')), [1]);
        assert!(pos.of_range(idx.pairs_starting_with('区')).is_empty());
        let other = Index::load(IndexData::build(&[chars("ab")])).unwrap();
        assert!(!Positions::build(&other, &refs).complete);
    }

    #[test]
    fn corrupt_data_is_rejected() {
        let mut data = IndexData::build(&[chars("abc")]);
        data.posting_bytes.truncate(1);
        assert!(Index::load(data).is_none());
    }
}
