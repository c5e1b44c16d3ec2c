//! The postings shards: one-char counts (`u/`), pair positions (`p/`) and
//! pair summaries (`s/`), each a run of keys in key order.
//!
//! # Layout
//!
//! ```text
//! CountShard := Header(Unigrams | Summaries)
//!               n:varint
//!               keys: n × varint     delta from the previous key (the first from 0);
//!                                    a char's code point, or a pair key (first char << 21 | second)
//!               lens: n × varint     byte length of each key's list below
//!               lists: per key: docs:varint, then three columns, one value per doc:
//!                      doc:varint (delta from the previous doc + 1 … the first from 0)
//!                      flags:varint (count << 1 | 1 when one occurrence is in the headline)
//!                      wtf:varint   the occurrences' weights summed, in twentieths
//!                                   (xunyue_core::fields::weight20), less 20 × count,
//!                                   zigzag
//!
//! PairShard  := Header(Pairs)
//!               n:varint
//!               keys: n × varint     pair keys, deltas as above
//!               lens: n × varint     byte length of each key's positions list
//!               wlens: n × varint    byte length of each key's word list
//!               lists: per key: occurrences k:varint, gaps:varint (bytes), then
//!                      k × gap:rice(r) padded to a byte, then k × (field, before:bit,
//!                      after:bit) padded to a byte (two runs, so that gzip finds
//!                      the regularities of the bits) — the occurrences'
//!                      places in the archive's text as one run (article d's char p is
//!                      at starts[d] + p, starts the sums of the articles' slots:
//!                      Root::doc_starts), each as the gap from the previous place
//!                      minus one (the first from 0), in the Golomb–Rice code of
//!                      parameter r = ⌊log2(total / k)⌋ (archive::bits); before, after:
//!                      word boundaries of the build's segmentation at the pair's start
//!                      and two chars on; field (of the first char): 0 body, 10
//!                      headline, 11 kicker. Each article's last char c is an
//!                      occurrence of the pair (c, U+0000) (see END).
//!               words: per key: words:varint, then per word
//!                      rest:varint (its chars after the pair), rest × char:varint,
//!                      freq:u8 (xunyue_core::segment::freq_code)
//! ```
//!
//! Counts are of occurrences that do not overlap (`哈哈` in `哈哈哈` once), as
//! Ctrl+F counts; positions list every occurrence (a needle of three chars
//! may need the overlapping ones). A shard decodes its key table at once and
//! each list when a query asks for it.

use super::bits::{rice_param, BitReader, BitWriter};
use xunyue_core::fields::{entry_code, field_of_code, Field, BODY20};
use super::{Header, Kind, Reader, HEADER_LEN};
use crate::FormatError;
use xunyue_core::varint;

/// The key of a pair of chars: the first char in the high bits, so that
/// the pairs starting with one char are one range of keys.
pub fn pair_key(a: char, b: char) -> u64 {
    ((a as u64) << 21) | b as u64
}

/// One article in a count list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CountEntry {
    pub doc: u32,
    /// Occurrences, not overlapping.
    pub count: u32,
    /// Their weights in `tf'`, summed, in twentieths.
    pub wtf20: u32,
    /// One of them is in the headline.
    pub in_headline: bool,
}

/// The decoded count list of one key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CountList {
    pub entries: Vec<CountEntry>,
}

/// One occurrence of a pair: `doc << 32 | pos << 4 | field << 2 | before
/// << 1 | after`, ordered by doc then position (field: the code of the
/// field of its first char, [`xunyue_core::fields::entry_code`]).
pub type PairEntry = u64;

pub fn pair_entry(doc: u32, pos: u32, field: Field, before: bool, after: bool) -> PairEntry {
    (u64::from(doc) << 32) | (u64::from(pos) << 4) | (entry_code(field) << 2) | (u64::from(before) << 1) | u64::from(after)
}

pub fn entry_doc(e: PairEntry) -> u32 {
    (e >> 32) as u32
}

pub fn entry_pos(e: PairEntry) -> u32 {
    ((e & 0xFFFF_FFFF) >> 4) as u32
}

/// The field of the pair's first char.
pub fn entry_field(e: PairEntry) -> Field {
    field_of_code((e >> 2) & 3)
}

pub fn entry_before(e: PairEntry) -> bool {
    e & 2 != 0
}

pub fn entry_after(e: PairEntry) -> bool {
    e & 1 != 0
}

/// Largest position a pair entry holds (28 bits).
pub const MAX_POS: u32 = (1 << 28) - 1;

/// The second char of the pair that marks an article's last char (no
/// needle holds it): so the pairs starting with a char hold every one of
/// its occurrences.
pub const END: char = '\0';

/// A vocabulary word and its frequency (rounded: [`xunyue_core::segment::round_freq`]).
pub type Word = (String, u32);

/// A decoded count shard (one-char counts or pair summaries).
#[derive(Debug, Clone)]
pub struct CountShard {
    file: String,
    keys: Vec<u64>,
    /// `offs[i]..offs[i + 1]`: key `i`'s list in `data`.
    offs: Vec<usize>,
    data: Vec<u8>,
    data_at: usize,
}

/// A decoded pair shard.
#[derive(Debug, Clone)]
pub struct PairShard {
    file: String,
    keys: Vec<u64>,
    offs: Vec<usize>,
    woffs: Vec<usize>,
    data: Vec<u8>,
    data_at: usize,
    words_at: usize,
}

fn key_table(r: &mut Reader, n: usize, columns: usize) -> Result<(Vec<u64>, Vec<Vec<usize>>), FormatError> {
    let mut keys = Vec::with_capacity(n);
    let mut key = 0u64;
    for i in 0..n {
        let d = r.u64()?;
        if i > 0 && d == 0 {
            return Err(r.error("keys not in increasing order"));
        }
        key = key.checked_add(d).ok_or_else(|| r.error("key overflows"))?;
        keys.push(key);
    }
    let mut cols = Vec::with_capacity(columns);
    for _ in 0..columns {
        let mut offs = Vec::with_capacity(n + 1);
        let mut at = 0usize;
        offs.push(0);
        for _ in 0..n {
            at = at.checked_add(r.count()?).ok_or_else(|| r.error("length overflows"))?;
            offs.push(at);
        }
        cols.push(offs);
    }
    Ok((keys, cols))
}

impl CountShard {
    /// Decodes the key table of a count shard `file` (`kind` Unigrams or
    /// Summaries) of build `build`.
    pub fn decode(file: &str, payload: &[u8], kind: Kind, build: u64) -> Result<CountShard, FormatError> {
        let body = Header::check(file, payload, kind, Some(build))?;
        let mut r = Reader::new(file, body, HEADER_LEN);
        let n = r.count()?;
        let (keys, mut cols) = key_table(&mut r, n, 1)?;
        let offs = cols.pop().unwrap_or_default();
        let data_at = HEADER_LEN + r.at();
        let data = r.bytes(*offs.last().unwrap_or(&0))?.to_vec();
        if !r.is_empty() {
            return Err(r.error("bytes after the last list"));
        }
        Ok(CountShard { file: file.to_string(), keys, offs, data, data_at })
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    /// The keys this shard holds.
    pub fn keys(&self) -> &[u64] {
        &self.keys
    }

    /// The list of `key`; `Ok(None)` when the shard does not hold it.
    pub fn list(&self, key: u64) -> Result<Option<CountList>, FormatError> {
        let Ok(i) = self.keys.binary_search(&key) else { return Ok(None) };
        let bytes = &self.data[self.offs[i]..self.offs[i + 1]];
        let mut r = Reader::new(&self.file, bytes, self.data_at + self.offs[i]);
        let n = r.count()?;
        let mut entries = vec![CountEntry::default(); n];
        let mut doc = 0u64;
        for (k, e) in entries.iter_mut().enumerate() {
            let d = r.u64()?;
            doc = if k == 0 { d } else { doc + d + 1 };
            e.doc = u32::try_from(doc).map_err(|_| r.error("doc id out of range"))?;
        }
        for e in entries.iter_mut() {
            let flags = r.u32()?;
            e.count = flags >> 1;
            e.in_headline = flags & 1 == 1;
        }
        for e in entries.iter_mut() {
            let z = r.u64()?;
            let d = ((z >> 1) as i64) ^ -((z & 1) as i64);
            let w = i64::from(e.count) * i64::from(BODY20) + d;
            e.wtf20 = u32::try_from(w).map_err(|_| r.error("weight out of range"))?;
        }
        if !r.is_empty() {
            return Err(r.error("bytes after the list"));
        }
        Ok(Some(CountList { entries }))
    }
}

/// Encodes a count shard of `kind` for build `build`: `(key, entries)` in
/// increasing key order, each list's entries in increasing doc order.
pub fn encode_counts(kind: Kind, build: u64, lists: &[(u64, &[CountEntry])]) -> Vec<u8> {
    let mut out = Vec::new();
    Header { kind, build }.write(&mut out);
    varint::put(&mut out, lists.len() as u64);
    let mut prev = 0u64;
    for &(key, _) in lists {
        varint::put(&mut out, key - prev);
        prev = key;
    }
    let mut data = Vec::new();
    let mut lens = Vec::with_capacity(lists.len());
    for &(_, entries) in lists {
        let start = data.len();
        varint::put(&mut data, entries.len() as u64);
        let mut prev: Option<u32> = None;
        for e in entries {
            varint::put(&mut data, u64::from(prev.map_or(e.doc, |p| e.doc - p - 1)));
            prev = Some(e.doc);
        }
        for e in entries {
            varint::put(&mut data, (u64::from(e.count) << 1) | u64::from(e.in_headline));
        }
        for e in entries {
            let d = i64::from(e.wtf20) - i64::from(e.count) * i64::from(BODY20);
            varint::put(&mut data, ((d << 1) ^ (d >> 63)) as u64);
        }
        lens.push(data.len() - start);
    }
    for l in lens {
        varint::put(&mut out, l as u64);
    }
    out.extend_from_slice(&data);
    out
}

impl PairShard {
    /// Decodes the key table of pair shard `file` of build `build`.
    pub fn decode(file: &str, payload: &[u8], build: u64) -> Result<PairShard, FormatError> {
        let body = Header::check(file, payload, Kind::Pairs, Some(build))?;
        let mut r = Reader::new(file, body, HEADER_LEN);
        let n = r.count()?;
        let (keys, mut cols) = key_table(&mut r, n, 2)?;
        let woffs = cols.pop().unwrap_or_default();
        let offs = cols.pop().unwrap_or_default();
        let data_at = HEADER_LEN + r.at();
        let lists_len = *offs.last().unwrap_or(&0);
        let words_len = *woffs.last().unwrap_or(&0);
        let data = r.bytes(lists_len.checked_add(words_len).ok_or_else(|| r.error("length overflows"))?)?.to_vec();
        if !r.is_empty() {
            return Err(r.error("bytes after the last word list"));
        }
        Ok(PairShard { file: file.to_string(), keys, offs, woffs, data, data_at, words_at: lists_len })
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    pub fn keys(&self) -> &[u64] {
        &self.keys
    }

    fn index(&self, key: u64) -> Option<usize> {
        self.keys.binary_search(&key).ok()
    }

    /// Every occurrence of the pair `key`, in doc then position order;
    /// `Ok(None)` when the shard does not hold the key. `starts` are the
    /// articles' starts in the archive's text ([`super::root::Root::doc_starts`]).
    pub fn list(&self, key: u64, starts: &[u64]) -> Result<Option<Vec<PairEntry>>, FormatError> {
        let Some(i) = self.index(key) else { return Ok(None) };
        self.list_at(i, starts).map(Some)
    }

    /// The list of the `i`-th key.
    pub fn list_at(&self, i: usize, starts: &[u64]) -> Result<Vec<PairEntry>, FormatError> {
        let bytes = self.data.get(self.offs[i]..self.offs[i + 1]).unwrap_or(&[]);
        let mut r = Reader::new(&self.file, bytes, self.data_at + self.offs[i]);
        let k = r.u64()?;
        let total = starts.last().copied().unwrap_or(0);
        if k > total {
            return Err(r.error(format!("{k} occurrences in an archive of {total} chars")));
        }
        let param = rice_param(total, k);
        let gap_len = r.count()?;
        let gaps = r.bytes(gap_len)?;
        let rest = &bytes[r.at()..];
        let mut bits = BitReader::new(gaps);
        let mut flag_bits = BitReader::new(rest);
        let mut out = Vec::with_capacity(k as usize);
        let (mut g, mut doc) = (0u64, 0usize);
        for j in 0..k {
            let gap = bits.rice(param).ok_or_else(|| r.error("truncated positions"))?;
            g = if j == 0 { gap } else { g.checked_add(gap + 1).ok_or_else(|| r.error("position overflows"))? };
            let field = match flag_bits.get(1).ok_or_else(|| r.error("truncated positions"))? {
                0 => 0,
                _ => 1 + flag_bits.get(1).ok_or_else(|| r.error("truncated positions"))?,
            };
            let flags = (field << 2) | flag_bits.get(2).ok_or_else(|| r.error("truncated positions"))?;
            while doc + 1 < starts.len() && starts[doc + 1] <= g {
                doc += 1;
            }
            // A pair starts at least one char before its article's slots end.
            if doc + 1 >= starts.len() || g + 1 >= starts[doc + 1] || g - starts[doc] > u64::from(MAX_POS) {
                return Err(r.error(format!("position {g} is in no article")));
            }
            let pos = g - starts[doc];
            out.push((u64::from(doc as u32) << 32) | (pos << 4) | flags);
        }
        if bits.bytes_used() != gaps.len() {
            return Err(r.error("bytes after the positions"));
        }
        if flag_bits.bytes_used() != rest.len() {
            return Err(r.error("bytes after the list"));
        }
        Ok(out)
    }

    /// The vocabulary words that start with the pair `key` (whole words,
    /// with their frequencies); empty when the shard does not hold the key.
    pub fn words(&self, key: u64) -> Result<Vec<Word>, FormatError> {
        let Some(i) = self.index(key) else { return Ok(Vec::new()) };
        let (a, b) = (self.words_at + self.woffs[i], self.words_at + self.woffs[i + 1]);
        let mut r = Reader::new(&self.file, self.data.get(a..b).unwrap_or(&[]), self.data_at + a);
        let head: String = [(key >> 21) as u32, (key & 0x1F_FFFF) as u32].iter().filter_map(|&c| char::from_u32(c)).collect();
        let n = r.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            let rest = r.count()?;
            let mut w = head.clone();
            for _ in 0..rest {
                w.push(r.char()?);
            }
            let freq = xunyue_core::segment::freq_of_code(r.byte()?);
            out.push((w, freq));
        }
        if !r.is_empty() {
            return Err(r.error("bytes after the word list"));
        }
        Ok(out)
    }
}

/// One key of a pair shard being written.
pub struct PairKey<'a> {
    pub key: u64,
    /// Its occurrences in doc then position order (see [`pair_entry`]).
    pub entries: &'a [PairEntry],
    /// Vocabulary words starting with the pair: their chars after the pair,
    /// and the freq code.
    pub words: &'a [(Vec<char>, u8)],
}

/// Encodes a pair shard for build `build`, keys in increasing order;
/// `starts`: the articles' starts in the archive's text.
pub fn encode_pairs(build: u64, keys: &[PairKey], starts: &[u64]) -> Vec<u8> {
    let mut out = Vec::new();
    Header { kind: Kind::Pairs, build }.write(&mut out);
    varint::put(&mut out, keys.len() as u64);
    let mut prev = 0u64;
    for k in keys {
        varint::put(&mut out, k.key - prev);
        prev = k.key;
    }
    let (mut lists, mut words) = (Vec::new(), Vec::new());
    let (mut lens, mut wlens) = (Vec::with_capacity(keys.len()), Vec::with_capacity(keys.len()));
    for k in keys {
        let start = lists.len();
        encode_positions(&mut lists, k.entries, starts);
        lens.push(lists.len() - start);
        let start = words.len();
        varint::put(&mut words, k.words.len() as u64);
        for (rest, code) in k.words {
            varint::put(&mut words, rest.len() as u64);
            for &c in rest {
                varint::put(&mut words, u64::from(c as u32));
            }
            words.push(*code);
        }
        wlens.push(words.len() - start);
    }
    for l in lens {
        varint::put(&mut out, l as u64);
    }
    for l in wlens {
        varint::put(&mut out, l as u64);
    }
    out.extend_from_slice(&lists);
    out.extend_from_slice(&words);
    out
}

/// One key's positions list (see the layout).
pub fn encode_positions(out: &mut Vec<u8>, entries: &[PairEntry], starts: &[u64]) {
    let total = starts.last().copied().unwrap_or(0);
    varint::put(out, entries.len() as u64);
    let param = rice_param(total, entries.len() as u64);
    let mut w = BitWriter::default();
    let mut f = BitWriter::default();
    let mut prev: Option<u64> = None;
    for &e in entries {
        let g = starts[entry_doc(e) as usize] + u64::from(entry_pos(e));
        w.rice(prev.map_or(g, |p| g - p - 1), param);
        match (e >> 2) & 3 {
            0 => f.put(0, 1),
            c => f.put(1 | ((c - 1) << 1), 2),
        }
        f.put(e & 3, 2);
        prev = Some(g);
    }
    let gaps = w.finish();
    varint::put(out, gaps.len() as u64);
    out.extend(gaps);
    out.extend(f.finish());
}

/// Bytes of one key's positions list, encoded (for cutting shards).
pub fn positions_len(entries: &[PairEntry], starts: &[u64]) -> usize {
    let mut v = Vec::new();
    encode_positions(&mut v, entries, starts);
    v.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(doc: u32, count: u32, wtf20: u32, in_headline: bool) -> CountEntry {
        CountEntry { doc, count, wtf20, in_headline }
    }

    #[test]
    fn count_shards_round_trip() {
        let a = [e(0, 3, 60, false), e(1, 1, 100, true), e(9, 2, 12, false)];
        let b = [e(4, 1, 6, false)];
        let bytes = encode_counts(Kind::Unigrams, 5, &[(0x534E, &a), (0x5927, &b)]);
        let s = CountShard::decode("u/x.bin", &bytes, Kind::Unigrams, 5).expect("decodes");
        assert_eq!(s.keys(), [0x534E, 0x5927]);
        assert_eq!(s.list(0x534E).unwrap().unwrap().entries, a);
        assert_eq!(s.list(0x5927).unwrap().unwrap().entries, b);
        assert_eq!(s.list(0x41).unwrap(), None);
        assert!(CountShard::decode("u/x.bin", &bytes, Kind::Summaries, 5).is_err(), "another kind");
        assert!(CountShard::decode("u/x.bin", &bytes, Kind::Unigrams, 6).is_err(), "another build");
    }

    #[test]
    fn pair_shards_round_trip() {
        let l1 = [pair_entry(0, 0, Field::Headline, true, false), pair_entry(0, 7, Field::Body, false, true), pair_entry(3, 2, Field::Kicker, true, true)];
        let l2 = [pair_entry(2, 1_000_000, Field::Body, false, false)];
        let w1 = [(vec!['大', '基', '因'], 40u8), (vec![], 33)];
        let keys = [
            PairKey { key: (0x534E << 21) | 0x5927, entries: &l1, words: &w1 },
            PairKey { key: (0x5927 << 21) | 0x5B66, entries: &l2, words: &[] },
        ];
        let starts = [0u64, 10, 20, 2_000_000, 2_000_010];
        let bytes = encode_pairs(9, &keys, &starts);
        let s = PairShard::decode("p/x.bin", &bytes, 9).expect("decodes");
        assert_eq!(s.list(keys[0].key, &starts).unwrap().unwrap(), l1);
        assert_eq!(s.list(keys[1].key, &starts).unwrap().unwrap(), l2);
        assert_eq!(s.list(1, &starts).unwrap(), None);
        let words = s.words(keys[0].key).unwrap();
        assert_eq!(words[0].0, "华大大基因");
        assert_eq!(words[1].0, "华大");
        assert_eq!(words[0].1, xunyue_core::segment::freq_of_code(40));
        assert!(s.words(keys[1].key).unwrap().is_empty());
        for (i, &x) in l1.iter().enumerate() {
            assert_eq!((entry_doc(x), entry_pos(x)), [(0, 0), (0, 7), (3, 2)][i]);
        }
        assert!(entry_before(l1[0]) && !entry_after(l1[0]) && entry_after(l1[1]));
        assert_eq!([entry_field(l1[0]), entry_field(l1[1]), entry_field(l1[2])], [Field::Headline, Field::Body, Field::Kicker]);
    }

    #[test]
    fn damaged_shards_are_errors_naming_the_file() {
        let l1 = [pair_entry(0, 0, Field::Body, true, false), pair_entry(0, 7, Field::Headline, false, true)];
        let starts = [0u64, 16];
        let bytes = encode_pairs(1, &[PairKey { key: 42, entries: &l1, words: &[] }], &starts);
        for cut in HEADER_LEN..bytes.len() {
            let r = PairShard::decode("p/cut.bin", &bytes[..cut], 1).and_then(|s| s.list(42, &starts).map(|_| ()));
            assert!(r.is_err(), "cut at {cut}");
            assert!(r.unwrap_err().to_string().starts_with("p/cut.bin"));
        }
        // Any flipped byte: an error or some list, never a panic.
        for i in 0..bytes.len() {
            for f in [1u8, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[i] ^= f;
                if let Ok(s) = PairShard::decode("p/f.bin", &b, 1) {
                    for &k in s.keys().to_vec().iter() {
                        let _ = s.list(k, &starts);
                        let _ = s.words(k);
                    }
                }
            }
        }
    }
}
