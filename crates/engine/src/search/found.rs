//! Occurrences of a needle: the docs holding it and, per doc, where — found
//! in the pair table, never by scanning every text.

use super::Engine;
use crate::docset::gallop;
use std::cell::Cell;

/// Occurrences of one needle in the whole corpus: the docs containing it,
/// each with the folded char positions of its occurrences (non-overlapping,
/// left to right).
pub(crate) struct Found {
    pub(crate) len: u32,
    pub(crate) docs: Vec<u32>,
    /// `pos[starts[i]..starts[i + 1]]` are the positions in `docs[i]`.
    pub(crate) starts: Vec<u32>,
    pub(crate) pos: Vec<u32>,
    /// While adding: where the last kept occurrence ends.
    free: u32,
    /// Where the last lookup ended in `docs`: docs are mostly asked for in
    /// increasing order, so the next lookup gallops on from here.
    cursor: Cell<usize>,
}

impl Found {
    /// Like `docs.binary_search(&doc)`, galloping on from the last lookup.
    fn locate(&self, doc: u32) -> Result<usize, usize> {
        let r = gallop(&self.docs, self.cursor.get(), doc);
        self.cursor.set(match r {
            Ok(i) | Err(i) => i,
        });
        r
    }

    pub(crate) fn has(&self, doc: u32) -> bool {
        self.locate(doc).is_ok()
    }

    pub(crate) fn get(&self, doc: u32) -> Option<&[u32]> {
        let i = self.locate(doc).ok()?;
        self.pos.get(self.starts[i] as usize..self.starts[i + 1] as usize)
    }

    /// Document frequency.
    pub(crate) fn df(&self) -> u32 {
        self.docs.len() as u32
    }
}

impl Found {
    pub(crate) fn empty(len: u32) -> Found {
        Found { len, docs: Vec::new(), starts: vec![0], pos: Vec::new(), free: 0, cursor: Cell::new(0) }
    }

    /// Adds an occurrence; occurrences come in doc then position order, and
    /// one overlapping the previous kept one is dropped (Ctrl+F counts left
    /// to right, without overlaps).
    pub(crate) fn push(&mut self, d: u32, p: u32) {
        if self.docs.last() != Some(&d) {
            if !self.docs.is_empty() {
                self.starts.push(self.pos.len() as u32);
            }
            self.docs.push(d);
        } else if p < self.free {
            return;
        }
        self.pos.push(p);
        self.free = p + self.len;
    }

    /// Room for `occs` occurrences in at most `docs` docs.
    pub(crate) fn reserve(&mut self, occs: usize, docs: usize) {
        self.pos.reserve(occs);
        self.docs.reserve(occs.min(docs));
        self.starts.reserve(occs.min(docs));
    }

    pub(crate) fn finish(mut self) -> Found {
        if !self.docs.is_empty() {
            self.starts.push(self.pos.len() as u32);
        }
        self
    }
}

impl Engine {
    /// Every occurrence of the folded `needle` in the corpus.
    pub(crate) fn find(&self, needle: &str) -> Found {
        let n: Vec<char> = needle.chars().collect();
        let mut f = Found::empty(n.len() as u32);
        match n.len() {
            0 => {}
            1 => return self.find_char(n[0]),
            2 => {
                // A pair's positions are its occurrences.
                if let Some(id) = self.pairs.key_id(n[0], n[1]) {
                    f.reserve(self.pairs.of(id).len(), self.docs.len());
                    for &e in self.pairs.of(id) {
                        f.push((e >> 32) as u32, e as u32);
                    }
                }
            }
            _ => {
                // Walk the occurrences of the needle's rarest pair.
                let mut best: Option<(usize, &[u64])> = None;
                for k in 0..n.len() - 1 {
                    let list = match self.pairs.key_id(n[k], n[k + 1]) {
                        Some(id) => self.pairs.of(id),
                        None => &[],
                    };
                    if best.is_none_or(|(_, b)| list.len() < b.len()) {
                        best = Some((k, list));
                    }
                }
                if let Some((k, list)) = best {
                    f.reserve(list.len(), self.docs.len());
                    for &e in list {
                        let (d, p) = ((e >> 32) as u32, (e & 0xFFFF_FFFF) as usize);
                        let Some(start) = p.checked_sub(k) else { continue };
                        let Some(doc) = self.docs.get(d as usize) else { continue };
                        let here = doc.chars.get(start..start + n.len());
                        if here.is_some_and(|w| w.iter().zip(&n).all(|(a, b)| a == b)) {
                            f.push(d, start as u32);
                        }
                    }
                }
            }
        }
        f.finish()
    }

    /// Every occurrence of one char: the positions of the pairs it starts
    /// (one contiguous stretch of the position table), plus the docs it
    /// ends, put in doc order by a counting sort.
    fn find_char(&self, c: char) -> Found {
        let entries = self.pairs.of_range(self.pairs.starting_with(c));
        let n_docs = self.docs.len();
        let mut count = vec![0u32; n_docs];
        for &e in entries {
            if let Some(x) = count.get_mut((e >> 32) as usize) {
                *x += 1;
            }
        }
        for (x, &l) in count.iter_mut().zip(&self.last) {
            if l == Some(c) {
                *x += 1;
            }
        }
        let mut f = Found::empty(1);
        let mut slot = vec![0u32; n_docs];
        let mut at = 0u32;
        for (d, &k) in count.iter().enumerate() {
            if k > 0 {
                f.docs.push(d as u32);
                slot[d] = at;
                at += k;
                f.starts.push(at);
            }
        }
        f.pos = vec![0u32; at as usize];
        for &e in entries {
            if let Some(s) = slot.get_mut((e >> 32) as usize) {
                f.pos[*s as usize] = e as u32;
                *s += 1;
            }
        }
        for ((s, &l), d) in slot.iter_mut().zip(&self.last).zip(&self.docs) {
            if l == Some(c) {
                f.pos[*s as usize] = d.chars.len() as u32 - 1;
                *s += 1;
            }
        }
        // Each doc's positions came key by key: put them in order.
        for w in f.starts.windows(2) {
            xunyue_core::sort::sort_u32(&mut f.pos[w[0] as usize..w[1] as usize]);
        }
        f
    }
}
