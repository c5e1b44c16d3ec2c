//! The character fold: what one source character becomes in normalized text.
//!
//! Per character: Unicode compatibility decomposition and composition (NFKC,
//! so full width folds to half width), lowercase, then traditional →
//! simplified Chinese (`fast2s`, a one-to-one character table); white space
//! is handled by [`crate::normalize`].
//!
//! # Where the folding tables live
//!
//! The full Unicode tables (NFKC and trad→simp) cost about 100 KB gzip of
//! wasm. So the fold has two sources that cannot drift apart, both behind
//! one value, [`Fold`]: with the `unicode-tables` feature (build time, CLI,
//! native tests) it is computed by the Unicode crates ([`fold_full`]);
//! without it (the browser) it is read from a [`FoldTable`] that the build
//! computes *with that same function* for every character whose fold can
//! meet the corpus (all of the fold's output chars are ASCII or occur in the
//! normalized corpus), and ships with the archive. A character the table
//! leaves out folds to something that occurs nowhere in the corpus, so
//! leaving it unfolded cannot change a match. A test checks the table
//! against the full function over all of Unicode.
//!
//! There is no process-wide fold: each engine owns its [`Fold`], so two
//! engines over two archives in one process never share a table.

#[cfg(feature = "unicode-tables")]
use crate::chars::is_space;
use crate::varint;
use serde::{Deserialize, Serialize};

/// The fold an engine (or the build) normalizes with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fold {
    /// `None`: the full fold of the Unicode crates (only with the
    /// `unicode-tables` feature).
    table: Option<FoldTable>,
}

impl Fold {
    /// The full fold of the Unicode crates.
    #[cfg(feature = "unicode-tables")]
    pub fn full() -> Fold {
        Fold { table: None }
    }

    /// The fold for an archive that ships `table`: the table where the
    /// Unicode tables are not compiled in (the browser), the full fold where
    /// they are (the two agree on every char that can meet the archive).
    pub fn for_archive(table: FoldTable) -> Fold {
        #[cfg(feature = "unicode-tables")]
        {
            let _ = table;
            Fold::full()
        }
        #[cfg(not(feature = "unicode-tables"))]
        Fold { table: Some(table) }
    }

    /// Appends the fold of one non-ASCII, non-space char to `out`.
    pub(crate) fn fold_char(&self, c: char, out: &mut Vec<char>) {
        match &self.table {
            Some(t) => {
                if !t.fold(c, out) {
                    out.push(c);
                }
            }
            #[cfg(feature = "unicode-tables")]
            None => fold_full(c, out),
            #[cfg(not(feature = "unicode-tables"))]
            None => out.push(c),
        }
    }
}

/// The full fold of one non-ASCII, non-space char: NFKC, lowercase, then
/// traditional → simplified, char by char (no context, so that the fold of a
/// string is the concatenation of the folds of its chars).
#[cfg(feature = "unicode-tables")]
pub fn fold_full(c: char, out: &mut Vec<char>) {
    use unicode_normalization::UnicodeNormalization;
    let mut buf = [0u8; 4];
    for d in std::iter::once(c).nfkc() {
        if d.is_whitespace() {
            out.push(' ');
        } else if d.is_ascii() {
            out.push(d.to_ascii_lowercase());
        } else {
            for l in d.to_lowercase() {
                let simplified = fast2s::convert(l.encode_utf8(&mut buf));
                let mut it = simplified.chars();
                match (it.next(), it.next()) {
                    (Some(s), None) => out.push(s),
                    _ => out.push(l),
                }
            }
        }
    }
}

/// The fold of every char that differs from itself and can meet the corpus:
/// sorted keys, and for key `i` the output chars `outputs[ends[i-1]..ends[i]]`.
/// Serialized packed (see [`PackedFold`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(into = "PackedFold", try_from = "PackedFold")]
pub struct FoldTable {
    pub keys: Vec<char>,
    pub ends: Vec<u32>,
    pub outputs: Vec<char>,
}

/// The serialized form of a [`FoldTable`], in columns that gzip well.
///
/// The entries go in groups: a run of consecutive keys whose one-char
/// outputs also step by one (full-width forms, circled letters, the math
/// alphabets) is one group; any other entry is a group of its own. Per
/// group: `keys` the gap from the end of the previous group (varint), `runs`
/// the number of entries less one (varint), `lens` the output length of
/// each entry. The output chars (of a run, only the first) go to `narrow`
/// as the char itself if ASCII, else as `0x80` with the char in `wide`:
/// its rank in an alphabet, as the zigzag varint difference from the rank
/// of the previous char there. The alphabet is the sorted union of chars
/// the reader knows already (in a blob, those of the texts, which hold
/// almost every output) and of `extra` (delta varints). About 25% smaller in
/// gzip than keys, lengths and outputs as one UTF-8 string.
#[derive(Serialize, Deserialize)]
pub struct PackedFold {
    keys: Vec<u8>,
    runs: Vec<u8>,
    lens: Vec<u8>,
    narrow: Vec<u8>,
    wide: Vec<u8>,
    extra: Vec<u8>,
}

/// A set of non-ASCII chars, one bit each.
struct CharSet(Vec<u64>);

impl CharSet {
    fn of(chars: impl Iterator<Item = char>) -> CharSet {
        let mut set = CharSet(vec![0; 0x110000 / 64]);
        chars.for_each(|c| set.insert(c));
        set
    }

    fn insert(&mut self, c: char) {
        if let Some(w) = self.0.get_mut(c as usize / 64) {
            *w |= 1 << (c as u32 % 64);
        }
    }

    fn contains(&self, c: char) -> bool {
        self.0.get(c as usize / 64).is_some_and(|w| w & (1 << (c as u32 % 64)) != 0)
    }

    /// The non-ASCII members, in order.
    fn alphabet(&self) -> Vec<char> {
        let mut out = Vec::new();
        for (i, &w) in self.0.iter().enumerate().skip(2) {
            let mut w = w;
            while w != 0 {
                out.extend(char::from_u32(i as u32 * 64 + w.trailing_zeros()));
                w &= w - 1;
            }
        }
        out
    }
}

impl From<FoldTable> for PackedFold {
    fn from(t: FoldTable) -> PackedFold {
        PackedFold::pack(&t, std::iter::empty())
    }
}

impl PackedFold {
    /// Packs `t` for a reader that knows the chars `known` already.
    pub fn pack(t: &FoldTable, known: impl Iterator<Item = char>) -> PackedFold {
        let mut p = PackedFold { keys: Vec::new(), runs: Vec::new(), lens: Vec::new(), narrow: Vec::new(), wide: Vec::new(), extra: Vec::new() };
        let mut set = CharSet::of(known.filter(|c| !c.is_ascii()));
        let mut prev = 0u32;
        for &c in t.outputs.iter().filter(|c| !c.is_ascii() && !set.contains(**c)).collect::<std::collections::BTreeSet<_>>() {
            varint::put(&mut p.extra, u64::from(c as u32 - prev));
            prev = c as u32;
        }
        t.outputs.iter().for_each(|&c| set.insert(c));
        let alphabet = set.alphabet();
        let output = |i: usize| {
            let start = if i == 0 { 0 } else { t.ends[i - 1] as usize };
            t.outputs.get(start..t.ends[i] as usize).unwrap_or(&[])
        };
        let (mut next_key, mut prev_wide, mut i) = (0u32, 0u32, 0usize);
        while i < t.keys.len() {
            let out = output(i);
            let mut n = 1;
            if let [first] = out {
                while i + n < t.keys.len()
                    && t.keys[i + n] as u32 == t.keys[i] as u32 + n as u32
                    && char::from_u32(*first as u32 + n as u32).is_some_and(|c| output(i + n) == [c])
                {
                    n += 1;
                }
            }
            varint::put(&mut p.keys, u64::from(t.keys[i] as u32 - next_key));
            varint::put(&mut p.runs, u64::from(n as u32 - 1));
            p.lens.push(out.len().min(255) as u8);
            let out = if n > 1 { &out[..1] } else { out };
            for &c in out {
                if c.is_ascii() {
                    p.narrow.push(c as u8);
                } else {
                    p.narrow.push(0x80);
                    let rank = alphabet.binary_search(&c).unwrap_or(0) as u32;
                    let d = rank.wrapping_sub(prev_wide) as i32;
                    varint::put(&mut p.wide, u64::from(((d << 1) ^ (d >> 31)) as u32));
                    prev_wide = rank;
                }
            }
            next_key = t.keys[i] as u32 + n as u32;
            i += n;
        }
        p
    }
}

impl TryFrom<PackedFold> for FoldTable {
    type Error = &'static str;

    fn try_from(p: PackedFold) -> Result<FoldTable, &'static str> {
        p.unpack(std::iter::empty())
    }
}

impl PackedFold {
    /// The table [`PackedFold::pack`] packed with the same `known` chars.
    pub fn unpack(self, known: impl Iterator<Item = char>) -> Result<FoldTable, &'static str> {
        const BAD: &str = "inconsistent fold table";
        let p = self;
        let mut set = CharSet::of(known);
        let (mut at, mut prev) = (0, 0u32);
        while at < p.extra.len() {
            prev = prev.checked_add(varint::get_u32(&p.extra, &mut at).ok_or(BAD)?).ok_or(BAD)?;
            set.insert(char::from_u32(prev).ok_or(BAD)?);
        }
        let alphabet = set.alphabet();
        let mut t = FoldTable::default();
        let (mut at_key, mut at_run, mut at_narrow, mut at_wide) = (0, 0, 0, 0);
        let (mut next_key, mut prev_wide) = (0u32, 0u32);
        for &len in &p.lens {
            let key = next_key.checked_add(varint::get_u32(&p.keys, &mut at_key).ok_or(BAD)?).ok_or(BAD)?;
            let n = varint::get_u32(&p.runs, &mut at_run).ok_or(BAD)?;
            if n > 0 && len != 1 {
                return Err(BAD);
            }
            let start = t.outputs.len();
            for _ in 0..len {
                let b = *p.narrow.get(at_narrow).ok_or(BAD)?;
                at_narrow += 1;
                let c = match b {
                    0..=0x7f => b as u32,
                    0x80 => {
                        let z = varint::get_u32(&p.wide, &mut at_wide).ok_or(BAD)?;
                        prev_wide = prev_wide.wrapping_add(((z >> 1) as i32 ^ -((z & 1) as i32)) as u32);
                        *alphabet.get(prev_wide as usize).ok_or(BAD)? as u32
                    }
                    _ => return Err(BAD),
                };
                t.outputs.push(char::from_u32(c).ok_or(BAD)?);
            }
            let first = t.outputs.get(start).map(|&c| c as u32).unwrap_or(0);
            for k in 0..=n {
                t.keys.push(char::from_u32(key.checked_add(k).ok_or(BAD)?).ok_or(BAD)?);
                if k > 0 {
                    t.outputs.push(char::from_u32(first.checked_add(k).ok_or(BAD)?).ok_or(BAD)?);
                }
                t.ends.push(t.outputs.len() as u32);
            }
            next_key = key + n + 1;
        }
        if at_key != p.keys.len() || at_run != p.runs.len() || at_narrow != p.narrow.len() || at_wide != p.wide.len() {
            return Err(BAD);
        }
        // The keys rise strictly: each group starts at or after the end of the last.
        Ok(t)
    }
}

impl FoldTable {
    /// Appends the fold of `c` to `out`; false when the table has no entry.
    pub fn fold(&self, c: char, out: &mut Vec<char>) -> bool {
        let Ok(i) = self.keys.binary_search(&c) else {
            return false;
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        let end = self.ends[i] as usize;
        match self.outputs.get(start..end) {
            Some(s) => {
                out.extend_from_slice(s);
                true
            }
            None => false,
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Builds the table for a corpus: every non-ASCII, non-space char whose
    /// full fold differs from itself and whose output chars are all ASCII or
    /// in `corpus_chars` (the chars of the normalized corpus).
    #[cfg(feature = "unicode-tables")]
    pub fn build(corpus_chars: &std::collections::BTreeSet<char>) -> FoldTable {
        let mut t = FoldTable::default();
        let mut buf = Vec::with_capacity(8);
        for c in (0x80u32..=0x10FFFF).filter_map(char::from_u32) {
            if is_space(c) {
                continue;
            }
            buf.clear();
            fold_full(c, &mut buf);
            if buf.as_slice() == [c] {
                continue;
            }
            if buf.iter().all(|d| d.is_ascii() || corpus_chars.contains(d)) {
                t.keys.push(c);
                t.outputs.extend_from_slice(&buf);
                t.ends.push(t.outputs.len() as u32);
            }
        }
        t
    }
}

#[cfg(all(test, feature = "unicode-tables"))]
mod table_tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Over all of Unicode: where the table has an entry it gives the full
    /// fold; where it has none, the full fold either is the char itself or
    /// holds a char that occurs nowhere in the corpus (so no match can differ).
    #[test]
    fn fold_table_agrees_with_the_full_fold() {
        let corpus: BTreeSet<char> = "青岛华大基因与细胞iii期bg原创".chars().collect();
        let table = FoldTable::build(&corpus);
        assert!(table.len() > 100, "full-width Latin alone gives {} entries", table.len());
        let (mut full, mut via) = (Vec::new(), Vec::new());
        for c in (0x80u32..=0x10FFFF).filter_map(char::from_u32) {
            if is_space(c) {
                continue;
            }
            full.clear();
            via.clear();
            fold_full(c, &mut full);
            if table.fold(c, &mut via) {
                assert_eq!(via, full, "table entry for {c:?}");
            } else {
                assert!(
                    full == [c] || full.iter().any(|d| !d.is_ascii() && !corpus.contains(d)),
                    "{c:?} folds to {full:?}, which can meet the corpus, but has no entry"
                );
            }
        }
        let bytes = postcard::to_allocvec(&table).unwrap_or_default();
        let back: FoldTable = postcard::from_bytes(&bytes).expect("packed table reads back");
        assert_eq!(back, table, "packed form round-trips");
        for (c, want) in [('島', "岛"), ('Ｂ', "b"), ('Ⅲ', "iii"), ('創', "创"), ('華', "华")] {
            via.clear();
            assert!(table.fold(c, &mut via), "{c:?} has an entry");
            assert_eq!(via.iter().collect::<String>(), want);
        }
    }

    /// Every char whose full fold differs from itself, with no corpus filter.
    fn table_of_all_unicode() -> FoldTable {
        let mut t = FoldTable::default();
        let mut buf = Vec::new();
        for c in (0x80u32..=0x10FFFF).filter_map(char::from_u32) {
            buf.clear();
            fold_full(c, &mut buf);
            if buf.as_slice() != [c] {
                t.keys.push(c);
                t.outputs.extend_from_slice(&buf);
                t.ends.push(t.outputs.len() as u32);
            }
        }
        t
    }

    fn round_trip(table: &FoldTable) -> Vec<u8> {
        let bytes = postcard::to_allocvec(table).unwrap_or_default();
        let back: FoldTable = postcard::from_bytes(&bytes).expect("packed table reads back");
        assert_eq!(&back, table, "packed form round-trips");
        bytes
    }

    #[test]
    fn packed_form_round_trips_and_runs_shrink_it() {
        let all = table_of_all_unicode();
        assert!(all.len() > 5000, "{} entries", all.len());
        round_trip(&all);
        // A run: the 26 bold math capitals cost a few bytes, not 26 entries' worth.
        let bold = FoldTable {
            keys: ('\u{1D400}'..='\u{1D419}').collect(),
            ends: (1..=26).collect(),
            outputs: ('a'..='z').collect(),
        };
        let bytes = round_trip(&bold);
        assert!(bytes.len() <= 12, "{bytes:?}");
        let corpus: BTreeSet<char> = "青岛华大基因与细胞iii期bg原创0123456789一二".chars().collect();
        round_trip(&FoldTable::build(&corpus));
        round_trip(&FoldTable::default());
        // A run next to a plain entry with the same step, and outputs of
        // several chars, ASCII and not, around a run.
        let t = FoldTable {
            keys: vec!['\u{100}', '\u{101}', '\u{102}', '\u{200}', '\u{201}', '\u{10FFFF}'],
            ends: vec![1, 2, 5, 6, 7, 9],
            outputs: vec!['a', 'b', '(', '一', ')', '\u{D7FF}', '\u{E000}', '岛', 'x'],
        };
        round_trip(&t);
    }

    #[test]
    fn outputs_pack_against_the_chars_the_reader_knows() {
        let corpus: BTreeSet<char> = "青岛华大基因与细胞原创".chars().collect();
        let table = FoldTable::build(&corpus);
        let known = || "青岛华大基因与细胞".chars();
        // 创 (from 創) is in no known char: it travels in `extra`.
        let p = PackedFold::pack(&table, known());
        assert_eq!(p.extra, [0x9b, 0xa4, 0x01], "U+521B 创");
        assert_eq!(p.unpack(known()), Ok(table.clone()));
        let p = PackedFold::pack(&table, table.outputs.clone().into_iter());
        assert!(p.extra.is_empty());
        assert_eq!(p.unpack(table.outputs.clone().into_iter()), Ok(table));
    }

    #[test]
    fn inconsistent_packed_tables_are_refused() {
        let corpus: BTreeSet<char> = "岛".chars().collect();
        let table = FoldTable::build(&corpus);
        let mut packed = PackedFold::from(table.clone());
        packed.lens.push(1);
        assert!(FoldTable::try_from(packed).is_err(), "one length too many");
        let bad = PackedFold { keys: vec![0x80], runs: vec![0], lens: vec![1], narrow: vec![b'a'], wide: vec![], extra: vec![] };
        assert!(FoldTable::try_from(bad).is_err(), "a truncated varint");
        let bad = PackedFold { keys: vec![0x7f], runs: vec![0xff, 0xff, 0xff, 0xff, 0x0f], lens: vec![1], narrow: vec![b'a'], wide: vec![], extra: vec![] };
        assert!(FoldTable::try_from(bad).is_err(), "a run past the end of Unicode");
        let bad = PackedFold { keys: vec![1], runs: vec![0], lens: vec![1], narrow: vec![0x80], wide: vec![0], extra: vec![0x80, 0xb0, 0x03] };
        assert!(FoldTable::try_from(bad).is_err(), "a surrogate in the alphabet");
        let bad = PackedFold { keys: vec![1], runs: vec![0], lens: vec![1], narrow: vec![0x80], wide: vec![2], extra: vec![0x80, 0x01] };
        assert!(FoldTable::try_from(bad).is_err(), "a rank past the alphabet");
        // Any byte changed or cut off: an error or some table, never a panic.
        let bytes = postcard::to_allocvec(&table).unwrap_or_default();
        for i in 0..bytes.len() {
            let _ = postcard::from_bytes::<FoldTable>(&bytes[..i]);
            for flip in [0x01, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] ^= flip;
                let _ = postcard::from_bytes::<FoldTable>(&b);
            }
        }
    }
}
