//! Query → ranked results with hit counts, spans and snippets, over any
//! [`Source`] (the embedded bundle or a sharded archive).
//!
//! Two phases. **Match and rank** reads postings only: every article the
//! query matches, its [`Tier`], its score and its exact hit count, from the
//! pairs and chars of the query's needles — so the total and the counts are
//! exact without reading any text. **Materialize** reads the texts of the
//! hits to be shown (all of them for the CLI, a page of them in the app):
//! their spans in text positions and their snippets. One concept per file:
//!
//! - [`doc`]: an article as the spans see it (folded text, shift map back to
//!   the text);
//! - [`found`]: every occurrence of one needle, from the postings;
//! - [`matching`]: which articles match, in which [`Tier`], and their score;
//! - [`spans`]: hit spans in text positions, and their count;
//! - [`order`]: the result order;
//! - [`response`]: what a search answers.
//!
//! With a source whose files are not all loaded, a search fails with
//! [`Fault::Missing`] naming every file it needs that is missing: load them
//! and search again. It never answers from a partial read.

mod doc;
mod found;
mod matching;
mod order;
mod response;
mod spans;

pub use matching::Tier;
pub use response::{SearchHit, SearchResponse, SNIPPET_HITS};

use crate::embedded::Embedded;
use crate::query::{Notice, Query};
use crate::snippet::{snippet_with_terms, Snippet};
use crate::source::{Fault, Faults, Got, Source};
use doc::Doc;
use matching::{score, Labels, List, Matched, Matcher};
use order::{in_rank_order, Ranked};
use spans::{count_spans, spans, Scratch, SpanList};
use std::cell::RefCell;
use std::rc::Rc;
use xunyue_core::fold::Fold;
use xunyue_core::model::{Analysis, Article, Corpus};
use xunyue_format::bundle::Bundle;
use xunyue_format::FormatError;

/// How many of the hits a search materializes (spans and snippets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// Every hit (the CLI, and the embedded app).
    All,
    /// The first `n` in result order.
    First(usize),
}

/// An article's text as spans and snippets need it.
pub(crate) struct DocText {
    /// The text as chars (what spans index into).
    text: Vec<char>,
    doc: Doc,
}

/// A loaded archive, ready to answer queries: over the embedded bundle (the
/// default), or over any [`Source`] (a sharded archive). Generic, not a
/// trait object: the app's wasm carries only the shape it is built for.
pub struct Engine<S: Source = Embedded> {
    src: Rc<S>,
    /// Texts read so far, by doc.
    texts: RefCell<Vec<Option<Rc<DocText>>>>,
}

impl Engine<Embedded> {
    /// The engine over an encoded bundle.
    pub fn from_bytes(bytes: &[u8]) -> Result<Engine, FormatError> {
        let (bundle, normalized) = Bundle::decode(bytes)?;
        Engine::from_parts(bundle, normalized)
    }

    /// The engine over a decoded (or just built) bundle.
    pub fn from_bundle(bundle: Bundle) -> Result<Engine, FormatError> {
        let normalized = bundle.normalized();
        Engine::from_parts(bundle, normalized)
    }

    fn from_parts(bundle: Bundle, normalized: Vec<xunyue_core::Normalized>) -> Result<Engine, FormatError> {
        if normalized.len() != bundle.corpus.articles.len() {
            return Err(FormatError::Inconsistent("normalized texts"));
        }
        Ok(Engine { src: Rc::new(Embedded::new(bundle, normalized)), texts: RefCell::default() })
    }

    /// The embedded archive.
    pub fn embedded(&self) -> &Embedded {
        &self.src
    }

    /// The archive's corpus.
    pub fn corpus(&self) -> &Corpus {
        &self.src.corpus
    }

    /// The archive's analysis (vocabulary, entities).
    pub fn analysis(&self) -> &Analysis {
        &self.src.analysis
    }

    /// The archive's articles.
    pub fn articles(&self) -> &[Article] {
        &self.src.corpus.articles
    }

    /// An article.
    pub fn article(&self, doc: u32) -> Option<&Article> {
        self.src.corpus.articles.get(doc as usize)
    }
}

impl<S: Source> Engine<S> {
    /// The engine over any source (a sharded archive).
    pub fn over(src: Rc<S>) -> Engine<S> {
        Engine { src, texts: RefCell::default() }
    }

    pub fn source(&self) -> &S {
        &self.src
    }

    /// Number of articles.
    pub fn article_count(&self) -> u32 {
        self.src.articles()
    }

    /// An article, in either shape.
    pub fn try_article(&self, doc: u32) -> Got<Rc<Article>> {
        self.src.article(doc)
    }

    /// The article's text as chars (what spans index into); empty when it is
    /// not loaded.
    pub fn text(&self, doc: u32) -> Rc<[char]> {
        self.try_text(doc).unwrap_or_else(|_| Rc::from(&[][..]))
    }

    /// The article's text as chars, in either shape.
    pub fn try_text(&self, doc: u32) -> Got<Rc<[char]>> {
        Ok(Rc::from(self.doc_text(doc)?.text.as_slice()))
    }

    fn doc_text(&self, doc: u32) -> Got<Rc<DocText>> {
        if let Some(Some(t)) = self.texts.borrow().get(doc as usize) {
            return Ok(t.clone());
        }
        let a = self.src.article(doc)?;
        let text = a.text();
        let n = match self.src.normalized(doc) {
            Some(n) => n,
            None => self.src.fold().normalize(&text),
        };
        let t = Rc::new(DocText { text: text.chars().collect(), doc: Doc::new(&n.origin, n.chars, n.source_len) });
        let mut texts = self.texts.borrow_mut();
        if texts.len() <= doc as usize {
            texts.resize(doc as usize + 1, None);
        }
        texts[doc as usize] = Some(t.clone());
        Ok(t)
    }

    /// The fold this engine normalizes queries with.
    pub fn fold(&self) -> &Fold {
        self.src.fold()
    }

    /// Parses a query as [`Engine::search`] would; [`Query::explain`] reads
    /// it back. (A sharded archive's parse may need files: see
    /// [`Engine::try_parse`].)
    pub fn parse(&self, query: &str) -> Query {
        self.try_parse(query).unwrap_or_else(|_| Query::parse_with(query, &mut |t: &str| vec![(0, t.chars().count())], self.fold()))
    }

    /// Parses a query, reading the vocabulary words its terms need.
    pub fn try_parse(&self, query: &str) -> Got<Query> {
        let mut faults = Faults::default();
        let src = &*self.src;
        let q = Query::parse_with(
            query,
            &mut |t: &str| {
                let chars: Vec<char> = t.chars().collect();
                match faults.take(src.segmenter(&chars)) {
                    Some(seg) => seg.cut(t),
                    None => vec![(0, chars.len())],
                }
            },
            src.fold(),
        );
        faults.done()?;
        Ok(q)
    }

    /// Every occurrence of `needle` (folded as a query is) in doc, as spans of
    /// the article text, left to right, not overlapping.
    pub fn occurrences(&self, doc: u32, needle: &str) -> Vec<(u32, u32)> {
        let n: Vec<char> = self.fold().normalize_str(needle).chars().collect();
        let Ok(t) = self.doc_text(doc) else { return Vec::new() };
        scan(&t.doc.chars, &n).into_iter().map(|p| t.doc.span(p, n.len() as u32)).collect()
    }

    /// Searches: parse, match, rank, spans and snippets of every hit. A
    /// source that cannot answer (files missing or damaged) gives a response
    /// with no hits and a [`Notice::Unavailable`].
    pub fn search(&self, query: &str) -> SearchResponse {
        match self.try_search(query, Show::All) {
            Ok(r) => r,
            Err(f) => SearchResponse {
                query: query.to_string(),
                notices: vec![Notice::Unavailable],
                explain: f.to_string(),
                ..SearchResponse::default()
            },
        }
    }

    /// Searches, materializing the hits `show` asks for.
    pub fn try_search(&self, query: &str, show: Show) -> Got<SearchResponse> {
        let mut resp = self.try_rank(query)?;
        let n = match show {
            Show::All => resp.hits.len(),
            Show::First(n) => n.min(resp.hits.len()),
        };
        self.materialize(&mut resp, 0..n)?;
        Ok(resp)
    }

    /// Match and rank: every hit with its tier, score and counts, none
    /// materialized.
    pub fn try_rank(&self, query: &str) -> Got<SearchResponse> {
        let q = self.try_parse(query);
        let q = match q {
            Ok(q) => q,
            Err(Fault::Missing(files)) if !S::COMPLETE => {
                // Name the files of the query's phrases too, so that the next
                // try finds (nearly) everything loaded.
                let probe = Query::parse_with(query, &mut |t: &str| vec![(0, t.chars().count())], self.fold());
                let mut m = Matcher::new(&*self.src, !single(&probe));
                let mut labels = Labels { labels: Vec::new() };
                Matcher::match_all(&mut m, &probe, &mut labels, &mut |_| {});
                let more = m.faults.done().err();
                return Err(match more {
                    Some(f) => Fault::Missing(files).and(f),
                    None => Fault::Missing(files),
                });
            }
            Err(f) => return Err(f),
        };
        let mut resp = SearchResponse {
            query: query.to_string(),
            explain: q.explain(),
            notices: q.notices.clone(),
            ..SearchResponse::default()
        };
        if q.is_empty() {
            return Ok(resp);
        }
        let mut m = Matcher::new(&*self.src, !single(&q));
        let mut labels = Labels { labels: Vec::new() };
        let mut sc = Scratch::default();
        let mut hits = Vec::new();
        let mut more = Faults::default();
        let src = &*self.src;
        Matcher::match_all(&mut m, &q, &mut labels, &mut |x| hits.push(rank(src, x, &mut sc)));
        if hits.is_empty() && m.faults_clear() {
            Matcher::match_partial(&mut m, &q, &mut labels, &mut |x| hits.push(rank(src, x, &mut sc)));
            if !hits.is_empty() {
                resp.partial = true;
                let of = hits[0].missing.len() as u16 + hits[0].matched;
                resp.notices.push(Notice::Partial { best: hits[0].matched, of });
            }
        }
        std::mem::take(&mut m.faults).done()?;
        // Counts of hits whose lists need positions no posting gave (a one-char
        // term that can overlap another of the hit's needles).
        for h in hits.iter_mut().filter(|h| !S::COMPLETE && h.hits == u32::MAX) {
            if let Some(n) = more.take(self.count_with_positions(&m, h, &mut sc)) {
                h.hits = n;
            }
        }
        more.done()?;
        if hits.is_empty() {
            resp.notices.push(Notice::NoMatch);
        }
        resp.needles = m.needles.iter().map(|(n, _)| n.chars().collect()).collect();
        resp.hits = in_rank_order(hits)
            .into_iter()
            .map(|h| {
                let exact = h.tier == Tier::Exact;
                SearchHit {
                    doc: h.doc,
                    exact,
                    hits: h.hits,
                    exact_hits: if exact { h.hits } else { 0 },
                    spans: Vec::new(),
                    score: h.score,
                    snippet: Snippet::default(),
                    terms: Vec::new(),
                    tier: h.tier,
                    missing: h.missing,
                    lists: h.lists,
                    materialized: false,
                }
            })
            .collect();
        resp.terms = labels.labels;
        Ok(resp)
    }

    /// Spans and snippets of the hits `range` (in result order) of a
    /// response: reads their texts. Fails, naming every text not loaded,
    /// before changing anything.
    pub fn materialize(&self, resp: &mut SearchResponse, range: std::ops::Range<usize>) -> Got<()> {
        let range = range.start.min(resp.hits.len())..range.end.min(resp.hits.len());
        // Snippets for the first SNIPPET_HITS of all hits, or for every hit of a page.
        let page = range.len() < resp.hits.len();
        self.materialize_at(resp, range, page)
    }

    /// The same for the hits of the articles `docs` (those a view shows,
    /// in any order), each with its snippet.
    pub fn materialize_docs(&self, resp: &mut SearchResponse, docs: &[u32]) -> Got<()> {
        let mut want = docs.to_vec();
        want.sort_unstable();
        let at: Vec<usize> =
            resp.hits.iter().enumerate().filter(|(_, h)| !h.materialized && want.binary_search(&h.doc).is_ok()).map(|(i, _)| i).collect();
        self.materialize_at(resp, at, true)
    }

    fn materialize_at(&self, resp: &mut SearchResponse, at: impl IntoIterator<Item = usize> + Clone, page: bool) -> Got<()> {
        let mut faults = Faults::default();
        let texts: Vec<Option<Rc<DocText>>> = at
            .clone()
            .into_iter()
            .map(|i| match resp.hits.get(i) {
                Some(h) if !h.materialized => faults.take(self.doc_text(h.doc)),
                _ => None,
            })
            .collect();
        faults.done()?;
        let mut sc = Scratch::default();
        for (i, t) in at.into_iter().zip(texts) {
            let Some(t) = t else { continue };
            let h = &mut resp.hits[i];
            let found: Vec<(u16, u32, Vec<u32>)> = h
                .lists
                .iter()
                .map(|&(id, n)| {
                    let needle = resp.needles.get(n as usize).map(Vec::as_slice).unwrap_or(&[]);
                    (id, needle.len() as u32, scan(&t.doc.chars, needle))
                })
                .collect();
            let lists: Vec<SpanList> = found.iter().map(|(id, len, s)| SpanList { id: *id, len: *len, starts: s }).collect();
            let (sp, terms) = spans(&t.doc, &lists, &mut sc);
            h.hits = sp.len() as u32;
            if h.exact {
                h.exact_hits = h.hits;
            }
            h.spans = sp;
            h.terms = terms;
            h.snippet = if i < SNIPPET_HITS || page {
                snippet_with_terms(&t.text, &h.spans, &h.terms)
            } else {
                Snippet::default()
            };
            h.materialized = true;
        }
        Ok(())
    }

    /// A hit's count when one of its lists has no positions and may overlap
    /// another: the one-char lists read with their positions.
    fn count_with_positions(&self, m: &Matcher<S>, h: &Ranked, sc: &mut Scratch) -> Got<u32> {
        let mut owned: Vec<(u16, u32, Vec<u32>)> = Vec::new();
        for &(id, n) in &h.lists {
            let (needle, f) = &m.needles[n as usize];
            let starts = if f.positions {
                f.get(h.doc).map(|x| x.starts.to_vec()).unwrap_or_default()
            } else {
                let c = needle.chars().next().unwrap_or('\0');
                let p = found::with_char_positions(&*self.src, c, f)?;
                p.get(h.doc).map(|x| x.starts.to_vec()).unwrap_or_default()
            };
            owned.push((id, f.len, starts));
        }
        let lists: Vec<SpanList> = owned.iter().map(|(id, len, s)| SpanList { id: *id, len: *len, starts: s }).collect();
        Ok(count_spans(&lists, sc))
    }

    /// The matching articles only (sorted doc ids), without ranking, spans or
    /// snippets: for counting facets.
    pub fn search_docs(&self, query: &str) -> Vec<u32> {
        self.try_search_docs(query).unwrap_or_default()
    }

    pub fn try_search_docs(&self, query: &str) -> Got<Vec<u32>> {
        let q = self.try_parse(query)?;
        if q.is_empty() {
            return Ok(Vec::new());
        }
        let mut m = Matcher::new(&*self.src, false);
        let mut labels = Labels { labels: Vec::new() };
        let mut docs = Vec::new();
        Matcher::match_all(&mut m, &q, &mut labels, &mut |x| docs.push(x.doc));
        if docs.is_empty() {
            Matcher::match_partial(&mut m, &q, &mut labels, &mut |x| docs.push(x.doc));
        }
        m.faults.done()?;
        Ok(docs)
    }

    /// The snippet of a hit (the same as the search makes for the first
    /// [`SNIPPET_HITS`]).
    pub fn snippet_for(&self, hit: &SearchHit) -> Snippet {
        snippet_with_terms(&self.text(hit.doc), &hit.spans, &hit.terms)
    }
}

/// One term, no words to find apart: one list per hit, so neither the
/// proximity nor the hit count needs positions.
fn single(q: &Query) -> bool {
    q.clauses.len() == 1 && q.clauses[0].alts.len() == 1 && q.clauses[0].alts[0].words.is_empty()
}

/// Scores a matched article and counts its hits (`u32::MAX` when that needs
/// positions the lists do not have).
fn rank<S: Source>(src: &S, m: &Matched, sc: &mut Scratch) -> Ranked {
    let s = score(src, m.doc, m.lists, &mut sc.rank);
    let hits = hit_count::<S>(m.span_lists, &|i| m.needles.get(i).map_or("", |n| n.0.as_str()), sc);
    Ranked {
        doc: m.doc,
        tier: m.tier,
        score: s,
        hits,
        missing: m.missing.to_vec(),
        matched: m.matched,
        lists: m.span_lists.iter().map(|l| (l.id, l.needle as u16)).collect(),
    }
}

/// The hit count of lists: their spans, overlaps dropped.
fn hit_count<'n, S: Source>(lists: &[List], needle: &dyn Fn(usize) -> &'n str, sc: &mut Scratch) -> u32 {
    match lists {
        [] => 0,
        [l] => l.count,
        _ if S::COMPLETE || lists.iter().all(|l| l.starts.len() == l.count as usize) => {
            let sl: Vec<SpanList> = lists.iter().map(|l| SpanList { id: l.id, len: l.len, starts: l.starts }).collect();
            count_spans(&sl, sc)
        }
        _ => {
            // Some list has counts only: without positions, overlaps can be
            // ruled out by the needles alone.
            let apart = lists.iter().enumerate().all(|(i, a)| {
                lists.iter().enumerate().all(|(j, b)| i == j || !can_overlap(needle(a.needle), needle(b.needle)))
            });
            if apart {
                lists.iter().map(|l| l.count).sum()
            } else {
                u32::MAX
            }
        }
    }
}

/// True when occurrences of `a` and `b` can overlap in some text: one holds
/// the other, or an end of one is a start of the other.
fn can_overlap(a: &str, b: &str) -> bool {
    let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let holds = |x: &[char], y: &[char]| !y.is_empty() && x.windows(y.len()).any(|w| w == y);
    if ac.is_empty() || bc.is_empty() {
        return false;
    }
    if holds(&ac, &bc) || holds(&bc, &ac) {
        return true;
    }
    (1..ac.len().min(bc.len())).any(|k| ac[ac.len() - k..] == bc[..k] || bc[bc.len() - k..] == ac[..k])
}

/// The non-overlapping occurrences of `needle` in `chars`, left to right.
fn scan(chars: &[char], needle: &[char]) -> Vec<u32> {
    let mut out = Vec::new();
    if needle.is_empty() || needle.len() > chars.len() {
        return out;
    }
    let mut p = 0;
    while p + needle.len() <= chars.len() {
        if chars[p] == needle[0] && chars[p..p + needle.len()] == *needle {
            out.push(p as u32);
            p += needle.len();
        } else {
            p += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlaps_are_told_from_the_needles() {
        assert!(can_overlap("基因", "因子"));
        assert!(can_overlap("基因组", "因"));
        assert!(can_overlap("哈", "哈"));
        assert!(!can_overlap("基因", "细胞"));
        assert!(!can_overlap("的", "基因"));
    }

    #[test]
    fn scans_left_to_right_without_overlaps() {
        let c: Vec<char> = "哈哈哈哈哈".chars().collect();
        assert_eq!(scan(&c, &['哈', '哈']), [0, 2]);
        assert_eq!(scan(&c, &[]), Vec::<u32>::new());
        assert_eq!(scan(&['a'], &['a', 'b']), Vec::<u32>::new());
    }
}
