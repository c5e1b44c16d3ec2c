//! The embedded shape: the whole archive in memory, decoded from the bundle
//! (`xunyue_format::bundle`), with the pair table built at load from the
//! normalized texts. What the sharded archive stores precomputed (one-char
//! counts and weights) is computed here when asked, with the same
//! functions, so both shapes give the same figures.

use crate::index::PairTable;
use crate::source::{Got, Source};
use std::rc::Rc;
use xunyue_core::fields::{field_at, field_ranges, rank_len, weight20, Field};
use xunyue_core::fold::Fold;
use xunyue_core::model::{Analysis, Article, Corpus};
use xunyue_core::normalize::Normalized;
use xunyue_core::segment::{bit, Segmenter};
use xunyue_format::archive::postings::{entry_doc, entry_pos, CountEntry, CountList, PairEntry};
use xunyue_format::archive::root::{chars_by_date, Layout};
use xunyue_format::bundle::Bundle;

/// An archive held whole in memory.
pub struct Embedded {
    pub corpus: Corpus,
    pub analysis: Analysis,
    articles: Vec<Rc<Article>>,
    fold: Fold,
    seg: Rc<Segmenter>,
    pairs: PairTable,
    /// Per article: its normalized chars (what positions index into).
    pub(crate) folded: Vec<Normalized>,
    fields: Vec<Vec<(u32, u32, Field)>>,
    /// Word boundaries of every article, and where each one's start.
    boundaries: Vec<u8>,
    bound_at: Vec<usize>,
    has_bounds: bool,
    avg_len: f32,
    /// Pages, sources and dates, as a sharded archive's root has them:
    /// derived when first asked for (an app that never shows time does not
    /// carry the code).
    layout: std::cell::OnceCell<(Layout, Vec<u64>)>,
}

impl Embedded {
    fn time(&self) -> &(Layout, Vec<u64>) {
        self.layout.get_or_init(|| {
            let layout = Layout::of(&self.corpus);
            let chars = chars_by_date(&layout, self.folded.iter().map(|n| n.chars.len() as u32));
            (layout, chars)
        })
    }

    /// Loads a bundle and its normalized texts ([`Bundle::normalized`]).
    pub fn new(bundle: Bundle, folded: Vec<Normalized>) -> Embedded {
        let fold = bundle.folder();
        let seg = Rc::new(Segmenter::from_vocab(&bundle.analysis.vocab));
        let fields = bundle.corpus.articles.iter().zip(&folded).map(|(a, n)| field_ranges(a, n)).collect();
        let mut bound_at = Vec::with_capacity(folded.len() + 1);
        let mut at = 0usize;
        for n in &folded {
            bound_at.push(at);
            at += n.chars.len() / 8 + 1;
        }
        bound_at.push(at);
        let has_bounds = at == bundle.boundaries.len();
        let total: u64 = folded.iter().map(|n| u64::from(rank_len(n.chars.len() as u32))).sum();
        let avg_len = total as f32 / folded.len().max(1) as f32;
        let mut e = Embedded {
            layout: std::cell::OnceCell::new(),
            articles: bundle.corpus.articles.iter().cloned().map(Rc::new).collect(),
            corpus: bundle.corpus,
            analysis: bundle.analysis,
            fold,
            seg,
            pairs: PairTable::default(),
            folded,
            fields,
            boundaries: bundle.boundaries,
            bound_at,
            has_bounds,
            avg_len,
        };
        let refs: Vec<&[char]> = e.folded.iter().map(|n| n.chars.as_slice()).collect();
        e.pairs = PairTable::build(&refs, &|doc, i| e.boundary(doc, i), &|doc, p| field_at(&e.fields[doc], p));
        e
    }

    /// Word boundary `i` of article `doc` (every position is one when the
    /// archive has no analysis: the ranking's word bonus is off).
    fn boundary(&self, doc: usize, i: usize) -> bool {
        if !self.has_bounds {
            return true;
        }
        let (a, b) = (self.bound_at[doc], self.bound_at[doc + 1]);
        bit(self.boundaries.get(a..b).unwrap_or(&[]), i)
    }

    /// Every occurrence of `c`: the pairs it starts (the end of a doc too).
    fn positions_of(&self, c: char) -> Vec<(u32, u32)> {
        let out: Vec<(u32, u32)> =
            self.pairs.of_range(self.pairs.starting_with(c)).iter().map(|&e| (entry_doc(e), entry_pos(e))).collect();
        // Key by key, so not in order yet: one radix sort of (doc, pos).
        let mut keys: Vec<(u64, u32)> = out.iter().map(|&(d, p)| ((u64::from(d) << 32) | u64::from(p), 0)).collect();
        xunyue_core::sort::radix_sort(&mut keys);
        keys.into_iter().map(|(k, _)| ((k >> 32) as u32, k as u32)).collect()
    }
}

impl Source for Embedded {
    const COMPLETE: bool = true;

    fn articles(&self) -> u32 {
        self.folded.len() as u32
    }

    fn avg_len(&self) -> f32 {
        self.avg_len
    }

    fn doc_len(&self, doc: u32) -> u32 {
        self.folded.get(doc as usize).map_or(0, |n| rank_len(n.chars.len() as u32))
    }

    fn fold(&self) -> &Fold {
        &self.fold
    }

    fn segmenter(&self, _: &[char]) -> Got<Rc<Segmenter>> {
        Ok(self.seg.clone())
    }

    fn pair(&self, a: char, b: char) -> Got<Rc<[PairEntry]>> {
        Ok(match self.pairs.key_id(a, b) {
            Some(id) => Rc::from(self.pairs.of(id)),
            None => Rc::from(&[][..]),
        })
    }

    fn pair_summary(&self, _: char, _: char) -> Got<Option<Rc<CountList>>> {
        Ok(None)
    }

    fn char_counts(&self, c: char) -> Got<Rc<CountList>> {
        let mut list = CountList::default();
        for (d, _, f, aligned) in self.char_occurrences(c) {
            if list.entries.last().map(|e| e.doc) != Some(d) {
                list.entries.push(CountEntry { doc: d, ..CountEntry::default() });
            }
            if let Some(e) = list.entries.last_mut() {
                e.count += 1;
                e.wtf20 += weight20(f, aligned);
                e.in_headline |= f == Field::Headline;
            }
        }
        Ok(Rc::new(list))
    }

    fn char_positions(&self, c: char) -> Got<Vec<(u32, u32)>> {
        Ok(self.positions_of(c))
    }

    fn char_occurrences(&self, c: char) -> Vec<(u32, u32, Field, bool)> {
        let word = |d: u32, p: u32| self.boundary(d as usize, p as usize) && self.boundary(d as usize, p as usize + 1);
        self.positions_of(c).into_iter().map(|(d, p)| (d, p, field_at(&self.fields[d as usize], p), word(d, p))).collect()
    }

    fn article(&self, doc: u32) -> Got<Rc<Article>> {
        self.articles.get(doc as usize).cloned().ok_or_else(|| crate::Fault::Broken("no such article".into()))
    }

    fn normalized(&self, doc: u32) -> Option<Normalized> {
        self.folded.get(doc as usize).cloned()
    }

    fn layout(&self) -> &Layout {
        &self.time().0
    }

    fn date_chars(&self) -> &[u64] {
        &self.time().1
    }

    fn plan(&self, _: &[(char, char)], _: &[char]) -> Vec<String> {
        Vec::new()
    }
}
