//! Occurrences of a needle in the whole archive: the docs holding it and,
//! per doc, how often (without overlaps, as Ctrl+F counts), what the
//! occurrences weigh in the ranking, and where they are when that is known —
//! read from the postings of its pairs ([`Source::pair`]) or, for one char,
//! from its counts ([`Source::char_counts`]); never by scanning texts.
//!
//! A needle of two chars or more is found where the pairs that cover it
//! (at offsets 0, 2, 4 … and the last) line up: walking the rarest of them
//! and looking the others up. Its weights come from the positions: the field
//! of each occurrence (the article's headline and kicker ranges) and whether
//! it starts and ends on word boundaries (the bits of its first and last
//! pair; the field is its first pair's).

use crate::docset::gallop;
use crate::source::{Fault, Faults, Got, Source};
use std::cell::Cell;
use xunyue_core::fields::{weight20, Field};
use xunyue_format::archive::postings::{entry_after, entry_before, entry_doc, entry_field, entry_pos, CountList, PairEntry};

/// One needle's occurrences, per doc.
pub(crate) struct Found {
    pub len: u32,
    pub docs: Vec<u32>,
    pub counts: Vec<u32>,
    pub wtf20: Vec<u32>,
    pub in_headline: Vec<bool>,
    /// Whether positions are known (`pos[starts[i]..starts[i + 1]]` for
    /// `docs[i]`, not overlapping).
    pub positions: bool,
    pub starts: Vec<u32>,
    pub pos: Vec<u32>,
    /// While adding: where the last kept occurrence ends.
    free: u32,
    /// Where the last lookup ended in `docs`: docs are mostly asked for in
    /// increasing order, so the next lookup gallops on from here.
    cursor: Cell<usize>,
}

/// What a needle has in one doc.
#[derive(Clone, Copy)]
pub(crate) struct InDoc<'f> {
    pub count: u32,
    pub wtf20: u32,
    pub in_headline: bool,
    /// Empty when positions are not known.
    pub starts: &'f [u32],
}

impl Found {
    pub fn empty(len: u32, positions: bool) -> Found {
        Found {
            len,
            docs: Vec::new(),
            counts: Vec::new(),
            wtf20: Vec::new(),
            in_headline: Vec::new(),
            positions,
            starts: vec![0],
            pos: Vec::new(),
            free: 0,
            cursor: Cell::new(0),
        }
    }

    /// Like `docs.binary_search(&doc)`, galloping on from the last lookup.
    fn locate(&self, doc: u32) -> Result<usize, usize> {
        let r = gallop(&self.docs, self.cursor.get(), doc);
        self.cursor.set(match r {
            Ok(i) | Err(i) => i,
        });
        r
    }

    pub fn has(&self, doc: u32) -> bool {
        self.locate(doc).is_ok()
    }

    pub fn get(&self, doc: u32) -> Option<InDoc<'_>> {
        let i = self.locate(doc).ok()?;
        let starts = if self.positions {
            self.pos.get(self.starts[i] as usize..self.starts[i + 1] as usize).unwrap_or(&[])
        } else {
            &[]
        };
        Some(InDoc { count: self.counts[i], wtf20: self.wtf20[i], in_headline: self.in_headline[i], starts })
    }

    /// Document frequency.
    pub fn df(&self) -> u32 {
        self.docs.len() as u32
    }

    /// Adds an occurrence; occurrences come in doc then position order, and
    /// one overlapping the previous kept one is dropped (Ctrl+F counts left
    /// to right, without overlaps).
    fn push(&mut self, d: u32, p: u32, field: Field, aligned: bool) {
        if self.docs.last() != Some(&d) {
            if !self.docs.is_empty() {
                self.starts.push(self.pos.len() as u32);
            }
            self.docs.push(d);
            self.counts.push(0);
            self.wtf20.push(0);
            self.in_headline.push(false);
        } else if p < self.free {
            return;
        }
        self.pos.push(p);
        self.free = p + self.len;
        let i = self.docs.len() - 1;
        self.counts[i] += 1;
        self.wtf20[i] += weight20(field, aligned);
        self.in_headline[i] |= field == Field::Headline;
    }

    fn finish(mut self) -> Found {
        if !self.docs.is_empty() {
            self.starts.push(self.pos.len() as u32);
        }
        self
    }

    /// Counts without positions (a char's counts, a pair's summary).
    fn from_counts(len: u32, list: &CountList) -> Found {
        let mut f = Found::empty(len, false);
        for e in &list.entries {
            f.docs.push(e.doc);
            f.counts.push(e.count);
            f.wtf20.push(e.wtf20);
            f.in_headline.push(e.in_headline);
            f.starts.push(0);
        }
        f
    }
}

/// The position part of an entry, ordered as entries are: `doc << 28 | pos`.
fn at(e: PairEntry) -> u64 {
    e >> 4
}

fn at_of(doc: u32, pos: u32) -> u64 {
    (u64::from(doc) << 28) | u64::from(pos)
}

/// The entry of `list` at `(doc, pos)`, if the pair is there.
fn lookup(list: &[PairEntry], doc: u32, pos: u32) -> Option<PairEntry> {
    let want = at_of(doc, pos);
    list.binary_search_by(|&e| at(e).cmp(&want)).ok().map(|i| list[i])
}

/// Offsets of the pairs that cover a needle of `len` chars: 0, 2, 4 … and
/// the last (`len − 2`).
pub(crate) fn covering(len: usize) -> Vec<usize> {
    let mut out: Vec<usize> = (0..len.saturating_sub(1)).step_by(2).collect();
    if len >= 2 && out.last() != Some(&(len - 2)) {
        out.push(len - 2);
    }
    out
}

/// Every occurrence of the normalized `needle`. With `positions`, where they
/// are too (else a one-char needle, or a pair the archive summarizes, comes
/// with counts only).
pub(crate) fn find<S: Source + ?Sized>(src: &S, needle: &[char], positions: bool) -> Got<Found> {
    let len = needle.len() as u32;
    match needle.len() {
        0 => Ok(Found::empty(0, positions)),
        // All in memory: the positions too (so a hit's count never needs a
        // second read).
        1 if S::COMPLETE => {
            let mut f = Found::empty(1, true);
            for (d, p, field, aligned) in src.char_occurrences(needle[0]) {
                f.push(d, p, field, aligned);
            }
            Ok(f.finish())
        }
        1 => Ok(Found::from_counts(1, &*src.char_counts(needle[0])?)),
        2 if !positions && !S::COMPLETE => match src.pair_summary(needle[0], needle[1])? {
            Some(list) => Ok(Found::from_counts(2, &list)),
            None => find(src, needle, true),
        },
        n => {
            let offsets = covering(n);
            let mut faults = Faults::default();
            let lists: Vec<Option<std::rc::Rc<[PairEntry]>>> =
                offsets.iter().map(|&k| faults.take(src.pair(needle[k], needle[k + 1]))).collect();
            faults.done()?;
            let lists: Vec<std::rc::Rc<[PairEntry]>> = lists.into_iter().map(Option::unwrap_or_default).collect();
            let Some(drive) = (0..lists.len()).min_by_key(|&i| lists[i].len()) else {
                return Ok(Found::empty(len, true));
            };
            let first = 0;
            let last = lists.len() - 1;
            let mut f = Found::empty(len, true);
            for &e in lists[drive].iter() {
                let (d, p) = (entry_doc(e), entry_pos(e));
                let Some(s) = p.checked_sub(offsets[drive] as u32) else { continue };
                let mut ends = (None, None);
                let mut all = true;
                for (i, list) in lists.iter().enumerate() {
                    let got = if i == drive { Some(e) } else { lookup(list, d, s + offsets[i] as u32) };
                    match got {
                        Some(g) => {
                            if i == first {
                                ends.0 = Some(g);
                            }
                            if i == last {
                                ends.1 = Some(g);
                            }
                        }
                        None => {
                            all = false;
                            break;
                        }
                    }
                }
                if !all {
                    continue;
                }
                let aligned = ends.0.is_some_and(entry_before) && ends.1.is_some_and(entry_after);
                f.push(d, s, ends.0.map_or(Field::Body, entry_field), aligned);
            }
            Ok(f.finish())
        }
    }
}

/// A one-char needle's positions (its counts and weights as before).
pub(crate) fn with_char_positions<S: Source + ?Sized>(src: &S, c: char, counted: &Found) -> Got<Found> {
    let occ = src.char_positions(c)?;
    let mut f = Found::empty(1, true);
    f.docs = counted.docs.clone();
    f.counts = counted.counts.clone();
    f.wtf20 = counted.wtf20.clone();
    f.in_headline = counted.in_headline.clone();
    f.starts = vec![0];
    let mut j = 0;
    for (i, &d) in counted.docs.iter().enumerate() {
        while j < occ.len() && occ[j].0 < d {
            j += 1;
        }
        while j < occ.len() && occ[j].0 == d {
            f.pos.push(occ[j].1);
            j += 1;
        }
        if f.pos.len() - f.starts[i] as usize != counted.counts[i] as usize {
            let _ = (c, d);
            return Err(Fault::Broken(String::from("the positions of a char do not match its count (a damaged shard)")));
        }
        f.starts.push(f.pos.len() as u32);
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covering_pairs() {
        assert_eq!(covering(2), [0]);
        assert_eq!(covering(3), [0, 1]);
        assert_eq!(covering(4), [0, 2]);
        assert_eq!(covering(5), [0, 2, 3]);
        assert_eq!(covering(6), [0, 2, 4]);
        assert!(covering(1).is_empty());
    }
}
