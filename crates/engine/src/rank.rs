//! Ranking, weight by weight.
//!
//! Results are ordered first by **tier**, then by **score**, then by article
//! order (so equal scores list in page order).
//!
//! Tiers (a higher tier always comes first, whatever the scores):
//!
//! | tier | the article …                                                            |
//! |------|--------------------------------------------------------------------------|
//! | 3    | contains the query verbatim (after folding; quote marks dropped when the text has them nowhere): the exact results, `exact: true` |
//! | 2    | contains every term verbatim, or without its punctuation, but not the whole query |
//! | 1    | contains every term, some only as separate words (`青岛华大` → 青岛 … 华大)  |
//! | 0    | lacks some term: shown only when no article has them all (`partial`)    |
//!
//! Inside a tier, the score is a sum over the matched terms of BM25
//! (Robertson–Spärck Jones), computed on occurrences rather than tokens:
//!
//! `score = Σ_term [ idf · tf'·(K1+1) / (tf' + K1·(1 − B + B·len/avglen)) + title ] + proximity`
//!
//! - `idf = ln(1 + (N − df + 0.5)/(df + 0.5))`, `N` articles, `df` the
//!   articles whose grams contain the term (read off the index, no scan).
//! - `len` is the article's length in folded chars, `avglen` the mean.
//! - `tf'` is a weighted count of the term's occurrences in the article:
//!   each occurrence counts `1`, plus [`TITLE_WEIGHT`] in the headline or
//!   [`KICKER_WEIGHT`] in a kicker/subtitle, and is multiplied by
//!   [`UNALIGNED_WEIGHT`] when it does not start and end on word boundaries
//!   of the text as the runtime segmenter cuts it (`基因` inside `转基因`).
//! - [`K1`] = 1.2 and [`B`] = 0.75, the usual BM25 constants.
//! - `title`: [`TITLE_BONUS`] × idf for every term that occurs in the
//!   headline. BM25 saturates, so for a frequent term the extra headline
//!   weight in `tf'` alone hardly moves a long article; the bonus makes an
//!   article *about* the term (it is in its headline) outrank one that merely
//!   repeats it.
//! - `proximity` (queries of two or more terms): [`PROXIMITY_WEIGHT`] × the
//!   mean idf × `(Σ term lengths) / (shortest span holding every term)`,
//!   so 1× mean idf when the terms stand side by side, fading with distance.

/// BM25 saturation: how quickly extra occurrences stop adding.
pub const K1: f32 = 1.2;
/// BM25 length normalization: 0 ignores article length, 1 divides by it fully.
pub const B: f32 = 0.75;
/// Extra weight of an occurrence in the headline (1 + 4 = counts five times):
/// [`xunyue_core::fields::HEADLINE20`] in twentieths.
pub const TITLE_WEIGHT: f32 = 4.0;
/// Bonus, in units of the term's idf, when the term is in the headline.
pub const TITLE_BONUS: f32 = 1.0;
/// Extra weight of an occurrence in a kicker or subtitle
/// ([`xunyue_core::fields::KICKER20`]).
pub const KICKER_WEIGHT: f32 = 1.5;
/// Factor for an occurrence that cuts through a word of the text
/// ([`xunyue_core::fields::UNALIGNED_PERCENT`]).
pub const UNALIGNED_WEIGHT: f32 = 0.3;
/// Weight of the proximity bonus, in units of mean idf.
pub const PROXIMITY_WEIGHT: f32 = 1.0;

pub use xunyue_core::fields::Field;
use xunyue_core::fields::weight20;

/// One occurrence of a term, in folded chars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occ {
    pub pos: u32,
    pub len: u32,
    pub field: Field,
    /// Starts and ends on word boundaries of the text.
    pub aligned: bool,
}

impl Occ {
    /// Weight of this occurrence in `tf'`, in twentieths (exact integers).
    pub fn weight20(&self) -> u32 {
        weight20(self.field, self.aligned)
    }

    /// Weight of this occurrence in `tf'`.
    pub fn weight(&self) -> f32 {
        self.weight20() as f32 / 20.0
    }
}

/// Inverse document frequency.
pub fn idf(df: u32, n_docs: u32) -> f32 {
    let (df, n) = (df as f32, n_docs as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(0.0)
}

/// The BM25 part of one term.
pub fn bm25(tf: f32, idf: f32, len: f32, avg_len: f32) -> f32 {
    if tf <= 0.0 {
        return 0.0;
    }
    let norm = 1.0 - B + B * len / avg_len.max(1.0);
    idf * tf * (K1 + 1.0) / (tf + K1 * norm)
}

/// Shortest window (in chars) holding one occurrence of every list; `None`
/// when a list is empty. Each list is the sorted start positions of
/// occurrences of one length: `(starts, len)`.
pub fn min_window(lists: &[(&[u32], u32)]) -> Option<u32> {
    min_window_with(lists, &mut Scratch::default())
}

/// Buffers reused from one article to the next.
#[derive(Debug, Default)]
pub struct Scratch {
    all: Vec<(u32, u32, usize)>,
    head: Vec<usize>,
    count: Vec<u32>,
}

fn min_window_with(lists: &[(&[u32], u32)], scratch: &mut Scratch) -> Option<u32> {
    if lists.iter().any(|l| l.0.is_empty()) || lists.is_empty() {
        return None;
    }
    // Merge all occurrences in (start, end, list) order, then slide a
    // window over them.
    let k = lists.len();
    let Scratch { all, head, count } = scratch;
    all.clear();
    head.clear();
    head.resize(k, 0);
    count.clear();
    count.resize(k, 0);
    if let [(a, la), (b, lb)] = lists {
        // Two lists: a plain merge.
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            let x = (a[i], a[i] + la, 0);
            let y = (b[j], b[j] + lb, 1);
            if x < y {
                all.push(x);
                i += 1;
            } else {
                all.push(y);
                j += 1;
            }
        }
        all.extend(a[i..].iter().map(|&p| (p, p + la, 0)));
        all.extend(b[j..].iter().map(|&p| (p, p + lb, 1)));
    } else {
        merge_lists(lists, all, head);
    }
    let mut have = 0;
    let mut best = u32::MAX;
    let mut lo = 0;
    for hi in 0..all.len() {
        let t = all[hi].2;
        if count[t] == 0 {
            have += 1;
        }
        count[t] += 1;
        while have == k {
            // Occurrences of one term share a length, so the window ends
            // at the end of its last or its first occurrence.
            let end = all[hi].1.max(all[lo].1);
            best = best.min(end.saturating_sub(all[lo].0));
            let tl = all[lo].2;
            count[tl] -= 1;
            if count[tl] == 0 {
                have -= 1;
            }
            lo += 1;
        }
    }
    (best != u32::MAX).then_some(best)
}

/// Merges sorted lists of starts into (start, end, list) order.
fn merge_lists(lists: &[(&[u32], u32)], all: &mut Vec<(u32, u32, usize)>, head: &mut [usize]) {
    loop {
        let mut next: Option<(u32, u32, usize)> = None;
        for (i, &(starts, len)) in lists.iter().enumerate() {
            if let Some(&p) = starts.get(head[i]) {
                let c = (p, p + len, i);
                if next.is_none_or(|n| c < n) {
                    next = Some(c);
                }
            }
        }
        let Some(n) = next else { break };
        head[n.2] += 1;
        all.push(n);
    }
}

/// What the ranking needs to know about one term in one article.
pub struct TermInArticle<'a> {
    pub df: u32,
    /// `tf'`: the weights ([`Occ::weight`]) of its occurrences, summed in
    /// position order.
    pub tf: f32,
    /// True when an occurrence is in the headline.
    pub in_headline: bool,
    /// Start positions of the occurrences, sorted.
    pub starts: &'a [u32],
    /// Length of each occurrence, in folded chars.
    pub len: u32,
}

impl<'a> TermInArticle<'a> {
    /// The term's figures from its occurrences (`starts` their positions).
    pub fn new(df: u32, occs: impl Iterator<Item = Occ>, starts: &'a [u32], len: u32) -> TermInArticle<'a> {
        let mut in_headline = false;
        let wtf20: u32 = occs
            .map(|o| {
                in_headline |= o.field == Field::Headline;
                o.weight20()
            })
            .sum();
        TermInArticle::summed(df, wtf20, in_headline, starts, len)
    }

    /// The term's figures from its occurrences summed already: `wtf20` is
    /// `tf'` in twentieths.
    pub fn summed(df: u32, wtf20: u32, in_headline: bool, starts: &'a [u32], len: u32) -> TermInArticle<'a> {
        TermInArticle { df, tf: wtf20 as f32 / 20.0, in_headline, starts, len }
    }
}

/// Longest list of occurrences per term the proximity looks at.
const PROXIMITY_CAP: usize = 256;

/// Score of one article (see the module docs).
pub fn score(terms: &[TermInArticle], len: u32, avg_len: f32, n_docs: u32) -> f32 {
    score_with(terms, len, avg_len, n_docs, &mut Scratch::default())
}

/// [`score`], with buffers kept from the previous article.
pub fn score_with(terms: &[TermInArticle], len: u32, avg_len: f32, n_docs: u32, scratch: &mut Scratch) -> f32 {
    let mut s = 0.0;
    let mut idf_sum = 0.0;
    for t in terms {
        let i = idf(t.df, n_docs);
        idf_sum += i;
        s += bm25(t.tf, i, len as f32, avg_len);
        if t.in_headline {
            s += TITLE_BONUS * i;
        }
    }
    let present: Vec<(&[u32], u32)> = terms
        .iter()
        .filter(|t| !t.starts.is_empty())
        .map(|t| (&t.starts[..t.starts.len().min(PROXIMITY_CAP)], t.len))
        .collect();
    if present.len() >= 2 {
        if let Some(w) = min_window_with(&present, scratch) {
            let need: u32 = present.iter().map(|l| l.1).sum();
            let closeness = (need as f32 / w.max(1) as f32).min(1.0);
            s += PROXIMITY_WEIGHT * (idf_sum / terms.len() as f32) * closeness;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occ(pos: u32, len: u32) -> Occ {
        Occ { pos, len, field: Field::Body, aligned: true }
    }

    #[test]
    fn rarer_terms_weigh_more() {
        assert!(idf(1, 100) > idf(50, 100));
        assert!(idf(100, 100) >= 0.0);
    }

    #[test]
    fn bm25_saturates_and_prefers_short_articles() {
        let a = bm25(1.0, 1.0, 100.0, 100.0);
        let b = bm25(2.0, 1.0, 100.0, 100.0);
        let c = bm25(20.0, 1.0, 100.0, 100.0);
        assert!(a < b && b < c && c < 1.0 * (K1 + 1.0));
        assert!(bm25(1.0, 1.0, 50.0, 100.0) > bm25(1.0, 1.0, 200.0, 100.0));
    }

    #[test]
    fn headline_and_alignment_weights() {
        let body = occ(0, 2);
        let head = Occ { field: Field::Headline, ..body };
        let cut = Occ { aligned: false, ..body };
        assert_eq!(body.weight(), 1.0);
        assert_eq!(head.weight(), 1.0 + TITLE_WEIGHT);
        assert!(cut.weight() < body.weight());
    }

    #[test]
    fn window_is_the_tightest_cover() {
        let a: &[u32] = &[0, 50];
        let b: &[u32] = &[10, 53];
        assert_eq!(min_window(&[(a, 2), (b, 2)]), Some(5));
        assert_eq!(min_window(&[(a, 2), (&[], 2)]), None);
        // Lists of different lengths: the later start may end first.
        assert_eq!(min_window(&[(&[7], 6), (&[9], 1)]), Some(6));
    }

    fn term(df: u32, starts: &[u32]) -> TermInArticle<'_> {
        TermInArticle::new(df, starts.iter().map(|&p| occ(p, 2)), starts, 2)
    }

    #[test]
    fn close_terms_score_higher() {
        let s_near = score(&[term(3, &[0]), term(3, &[2])], 1000, 1000.0, 10);
        let s_far = score(&[term(3, &[0]), term(3, &[500])], 1000, 1000.0, 10);
        assert!(s_near > s_far);
    }

    #[test]
    fn term_figures_come_from_its_occurrences() {
        let head = Occ { field: Field::Headline, ..occ(0, 2) };
        let cut = Occ { aligned: false, ..occ(9, 2) };
        let t = TermInArticle::new(3, [head, cut].into_iter(), &[0, 9], 2);
        assert_eq!(t.tf, head.weight() + cut.weight());
        assert!(t.in_headline);
        assert!(!term(3, &[4]).in_headline);
    }
}
