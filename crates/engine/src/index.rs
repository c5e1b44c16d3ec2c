//! The pair table of the embedded shape: for every pair of adjacent
//! characters of the normalized texts, where it occurs, in doc then position
//! order, with the word-boundary bits at both ends
//! ([`xunyue_format::archive::postings::PairEntry`], the entries a sharded
//! archive stores).
//!
//! Built at load from the normalized texts in one radix sort (the embedded
//! bundle ships no index). Every occurrence of a needle of two chars or more
//! is an occurrence of its pairs, so a needle is found by walking the
//! occurrences of its rarest pair and checking the text there: the table
//! narrows the search and can never hide a hit. One char is found through
//! the pairs it starts (one contiguous stretch of the table) and the docs it
//! ends.

use xunyue_core::fields::Field;
use xunyue_format::archive::postings::{pair_entry, pair_key, PairEntry, END};

/// Where every pair occurs.
#[derive(Debug, Clone, Default)]
pub struct PairTable {
    /// Sorted distinct keys.
    keys: Vec<u64>,
    /// `offsets[k]..offsets[k + 1]` is key `k`'s range in `entries`.
    offsets: Vec<u32>,
    /// Per key in doc then position order.
    entries: Vec<PairEntry>,
}

impl PairTable {
    /// The table over normalized docs; `boundary(doc, i)` tells whether a
    /// word starts or ends at position `i` of `doc`, `field(doc, i)` where
    /// char `i` is. Each doc's last char is the pair (last, [`END`]), as in
    /// a sharded archive.
    pub fn build(docs: &[&[char]], boundary: &dyn Fn(usize, usize) -> bool, field: &dyn Fn(usize, u32) -> Field) -> PairTable {
        let total: usize = docs.iter().map(|d| d.len()).sum();
        let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(total);
        let mut at: Vec<u64> = Vec::with_capacity(total);
        for (doc, d) in docs.iter().enumerate() {
            for (pos, w) in d.windows(2).enumerate() {
                pairs.push((pair_key(w[0], w[1]), at.len() as u32));
                at.push(pair_entry(doc as u32, pos as u32, field(doc, pos as u32), boundary(doc, pos), boundary(doc, pos + 2)));
            }
            if let Some(&c) = d.last() {
                let pos = d.len() - 1;
                pairs.push((pair_key(c, END), at.len() as u32));
                at.push(pair_entry(doc as u32, pos as u32, field(doc, pos as u32), boundary(doc, pos), true));
            }
        }
        // Stable: equal keys keep doc then position order.
        xunyue_core::sort::radix_sort(&mut pairs);
        let mut t = PairTable { entries: Vec::with_capacity(total), ..PairTable::default() };
        for (k, (key, i)) in pairs.into_iter().enumerate() {
            if t.keys.last() != Some(&key) {
                t.keys.push(key);
                t.offsets.push(k as u32);
            }
            t.entries.push(at[i as usize]);
        }
        t.offsets.push(t.entries.len() as u32);
        t
    }

    /// Position of the pair's key in the sorted key table.
    pub fn key_id(&self, a: char, b: char) -> Option<usize> {
        self.keys.binary_search(&pair_key(a, b)).ok()
    }

    /// Key ids of every pair starting with `c`: one contiguous range.
    pub fn starting_with(&self, c: char) -> std::ops::Range<usize> {
        let lo = pair_key(c, '\0');
        let hi = lo + (1 << 21);
        self.keys.partition_point(|&k| k < lo)..self.keys.partition_point(|&k| k < hi)
    }

    /// Number of distinct pairs.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The occurrences of a key id.
    pub fn of(&self, key_id: usize) -> &[PairEntry] {
        self.of_range(key_id..key_id + 1)
    }

    /// The pairs of a range of key ids: each key's list in turn (so sorted
    /// per key, not overall).
    pub fn of_range(&self, ids: std::ops::Range<usize>) -> &[PairEntry] {
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
    fn lists_every_pair() {
        let docs = [chars("青岛华大青岛"), chars("华大青岛")];
        let refs: Vec<&[char]> = docs.iter().map(Vec::as_slice).collect();
        let t = PairTable::build(&refs, &|_, i| i % 2 == 0, &|_, _| Field::Body);
        let k = t.key_id('青', '岛').unwrap();
        let e = |d, p| pair_entry(d, p, Field::Body, p % 2 == 0, p % 2 == 0);
        assert_eq!(t.of(k), [e(0, 0), e(0, 4), e(1, 2)]);
        // 华 is followed by 大 twice; 岛 by 华 once, and ends each text.
        assert_eq!(t.of_range(t.starting_with('华')), [e(0, 2), e(1, 0)]);
        let end = |d, p| pair_entry(d, p, Field::Body, p % 2 == 0, true);
        assert_eq!(t.of_range(t.starting_with('岛')), [end(0, 5), end(1, 3), e(0, 1)]);
        assert!(t.of_range(t.starting_with('区')).is_empty());
        assert_eq!(t.key_id('区', '块'), None);
        assert_eq!(t.len(), 5);
    }
}
