//! The pair table: for every pair of adjacent characters of the normalized
//! texts, where it occurs, as (doc, position) in doc then position order.
//!
//! Built at load from the normalized texts in one radix sort (the embedded
//! bundle ships no index). Every occurrence of a needle of two chars or more
//! is an occurrence of its pairs, so a needle is found by walking the
//! occurrences of its rarest pair and checking the text there: the table
//! narrows the search and can never hide a hit. One char is found through
//! the pairs it starts (one contiguous stretch of the table) and the docs it
//! ends.

/// Key of a pair of chars: the first char in the high bits, so that the
/// pairs starting with one char are one range of keys.
pub fn pair_key(a: char, b: char) -> u64 {
    ((a as u64) << 21) | b as u64
}

/// Where every pair occurs.
#[derive(Debug, Clone, Default)]
pub struct PairTable {
    /// Sorted distinct keys.
    keys: Vec<u64>,
    /// `offsets[k]..offsets[k + 1]` is key `k`'s range in `entries`.
    offsets: Vec<u32>,
    /// `(doc << 32) | pos`, per key in doc then position order.
    entries: Vec<u64>,
}

impl PairTable {
    /// The table over normalized docs.
    pub fn build(docs: &[&[char]]) -> PairTable {
        let total: usize = docs.iter().map(|d| d.len().saturating_sub(1)).sum();
        let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(total);
        let mut at: Vec<u64> = Vec::with_capacity(total);
        for (doc, d) in docs.iter().enumerate() {
            for (pos, w) in d.windows(2).enumerate() {
                pairs.push((pair_key(w[0], w[1]), at.len() as u32));
                at.push(((doc as u64) << 32) | pos as u64);
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
    fn lists_every_pair() {
        let docs = [chars("青岛华大青岛"), chars("华大青岛")];
        let refs: Vec<&[char]> = docs.iter().map(Vec::as_slice).collect();
        let t = PairTable::build(&refs);
        let k = t.key_id('青', '岛').unwrap();
        assert_eq!(t.of(k), [0, 4, (1 << 32) | 2]);
        // 华 is followed by 大 twice; 岛 by 华 once (each text ends in a 岛).
        assert_eq!(t.of_range(t.starting_with('华')), [2, 1 << 32]);
        assert_eq!(t.of_range(t.starting_with('岛')), [1]);
        assert!(t.of_range(t.starting_with('区')).is_empty());
        assert_eq!(t.key_id('区', '块'), None);
        assert_eq!(t.len(), 4);
    }
}
