//! Query → ranked results with hit spans and snippets.
//!
//! Matching is by substring on the folded text of each article, found
//! through the pair table, so every occurrence Ctrl+F would find is found.
//! The query language is in [`crate::query`], the ranking in
//! [`crate::rank`]. One concept per file:
//!
//! - [`doc`]: an article as the matcher sees it (folded text, shift map back
//!   to the text, headline and kicker ranges);
//! - [`found`]: every occurrence of one needle, from the pair table;
//! - [`matching`]: which articles match, in which [`Tier`];
//! - [`spans`]: hit spans in text positions;
//! - [`order`]: the result order;
//! - [`response`]: what a search answers.

mod doc;
mod found;
mod matching;
mod order;
mod response;
mod spans;

pub use matching::Tier;
pub use response::{SearchHit, SearchResponse, SNIPPET_HITS};

use crate::index::PairTable;
use crate::query::{Notice, Query};
use crate::snippet::{snippet_with_terms, Snippet};
use doc::{field_ranges, Doc};
use matching::{Labels, Matched};
use order::{in_rank_order, Ranked};
use spans::Scratch;
use xunyue_core::fold::Fold;
use xunyue_core::model::{Analysis, Article, Corpus};
use xunyue_core::normalize::Normalized;
use xunyue_core::segment::Segmenter;
use xunyue_format::bundle::Bundle;
use xunyue_format::FormatError;

/// A loaded archive, ready to answer queries.
pub struct Engine {
    pub corpus: Corpus,
    pub analysis: Analysis,
    /// The fold queries are normalized with: the archive's own.
    fold: Fold,
    pairs: PairTable,
    /// Word boundaries of every article (see [`Doc::bounds`]).
    boundaries: Vec<u8>,
    seg: Segmenter,
    /// Per article: its text as chars (what spans index into).
    texts: Vec<Vec<char>>,
    docs: Vec<Doc>,
    /// Per article: its last folded char (the one char no pair starts at).
    last: Vec<Option<char>>,
    avg_len: f32,
}

impl Engine {
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

    /// The engine over a bundle and its normalized article texts
    /// ([`Bundle::normalized`], parallel to the articles).
    fn from_parts(bundle: Bundle, normalized: Vec<Normalized>) -> Result<Engine, FormatError> {
        if normalized.len() != bundle.corpus.articles.len() {
            return Err(FormatError::Inconsistent("normalized texts"));
        }
        let fold = bundle.folder();
        let seg = Segmenter::from_vocab(&bundle.analysis.vocab);
        let mut texts = Vec::with_capacity(bundle.corpus.articles.len());
        let mut docs = Vec::with_capacity(bundle.corpus.articles.len());
        let mut bound_at = 0usize;
        for (a, n) in bundle.corpus.articles.iter().zip(normalized) {
            let fields = field_ranges(a, &n);
            let bytes = n.chars.len() / 8 + 1;
            let mut doc = Doc::new(&n.origin, n.chars, n.source_len, fields);
            doc.bounds = Some((bound_at, bound_at + bytes));
            bound_at += bytes;
            texts.push(a.text().chars().collect());
            docs.push(doc);
        }
        if bound_at != bundle.boundaries.len() {
            // Built without word boundaries: the bonus is off for all.
            for d in &mut docs {
                d.bounds = None;
            }
        }
        let total: usize = docs.iter().map(|d| d.chars.len()).sum();
        let avg_len = total as f32 / docs.len().max(1) as f32;
        let refs: Vec<&[char]> = docs.iter().map(|d| d.chars.as_slice()).collect();
        let pairs = PairTable::build(&refs);
        let last = docs.iter().map(|d| d.chars.last().copied()).collect();
        Ok(Engine {
            corpus: bundle.corpus,
            analysis: bundle.analysis,
            fold,
            pairs,
            boundaries: bundle.boundaries,
            seg,
            texts,
            docs,
            last,
            avg_len,
        })
    }

    pub fn articles(&self) -> &[Article] {
        &self.corpus.articles
    }

    pub fn article(&self, doc: u32) -> Option<&Article> {
        self.corpus.articles.get(doc as usize)
    }

    /// The article's text as chars (what spans index into).
    pub fn text(&self, doc: u32) -> &[char] {
        self.texts.get(doc as usize).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The runtime segmenter (corpus vocabulary, no HMM).
    pub fn segmenter(&self) -> &Segmenter {
        &self.seg
    }

    /// The fold this engine normalizes queries with.
    pub fn fold(&self) -> &Fold {
        &self.fold
    }

    /// Parses a query as [`Engine::search`] would; [`Query::explain`] reads
    /// it back.
    pub fn parse(&self, query: &str) -> Query {
        Query::parse(query, &self.seg, &self.fold)
    }

    /// The doc's word boundaries; `None` when the archive has none.
    fn bounds(&self, doc: u32) -> Option<&[u8]> {
        let (a, b) = self.docs.get(doc as usize)?.bounds?;
        Some(self.boundaries.get(a..b).unwrap_or(&[]))
    }

    /// Every occurrence of `needle` (folded as a query is) in doc, as spans of
    /// the article text, left to right, not overlapping.
    pub fn occurrences(&self, doc: u32, needle: &str) -> Vec<(u32, u32)> {
        let n = self.fold.normalize_str(needle);
        let Some(d) = self.docs.get(doc as usize) else { return Vec::new() };
        let found = self.find(&n);
        found.get(doc).unwrap_or(&[]).iter().map(|&p| d.span(p, found.len)).collect()
    }

    /// Searches: parse, match, rank, snippets.
    pub fn search(&self, query: &str) -> SearchResponse {
        let q = self.parse(query);
        let mut resp = SearchResponse {
            query: query.to_string(),
            explain: q.explain(),
            notices: q.notices.clone(),
            ..SearchResponse::default()
        };
        if q.is_empty() {
            return resp;
        }
        let mut labels = Labels { labels: Vec::new() };
        let mut sc = Scratch::default();
        let mut hits = Vec::new();
        self.match_all(&q, &mut labels, &mut |m| hits.push(self.rank(m, &mut sc)));
        if hits.is_empty() {
            self.match_partial(&q, &mut labels, &mut |m| hits.push(self.rank(m, &mut sc)));
            if hits.is_empty() {
                resp.notices.push(Notice::NoMatch);
            } else {
                resp.partial = true;
                let of = hits[0].missing.len() as u16 + hits[0].matched;
                resp.notices.push(Notice::Partial { best: hits[0].matched, of });
            }
        }
        resp.hits = in_rank_order(hits)
            .into_iter()
            .enumerate()
            .map(|(rank, h)| {
                let snippet = if rank < SNIPPET_HITS {
                    snippet_with_terms(self.text(h.doc), &h.spans, &h.terms)
                } else {
                    Snippet::default()
                };
                let exact = h.tier == Tier::Exact;
                SearchHit {
                    doc: h.doc,
                    exact,
                    exact_hits: if exact { h.spans.len() as u32 } else { 0 },
                    spans: h.spans,
                    score: h.score,
                    snippet,
                    terms: h.terms,
                    tier: h.tier,
                    missing: h.missing,
                }
            })
            .collect();
        resp.terms = labels.labels;
        resp
    }

    /// The matching articles only (sorted doc ids), without ranking, spans or
    /// snippets: for counting facets.
    pub fn search_docs(&self, query: &str) -> Vec<u32> {
        let q = self.parse(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut labels = Labels { labels: Vec::new() };
        let mut docs = Vec::new();
        self.match_all(&q, &mut labels, &mut |m| docs.push(m.doc));
        if docs.is_empty() {
            self.match_partial(&q, &mut labels, &mut |m| docs.push(m.doc));
        }
        docs
    }

    /// Scores a matched article and makes its spans.
    fn rank(&self, m: &Matched, sc: &mut Scratch) -> Ranked {
        let score = self.score(m.doc, m.lists, sc);
        let (spans, terms) = self.spans(m.doc, m.span_lists, sc);
        Ranked { doc: m.doc, tier: m.tier, score, spans, terms, missing: m.missing.to_vec(), matched: m.matched }
    }

    /// The snippet of a hit (the same as the search makes for the first
    /// [`SNIPPET_HITS`]).
    pub fn snippet_for(&self, hit: &SearchHit) -> Snippet {
        snippet_with_terms(self.text(hit.doc), &hit.spans, &hit.terms)
    }
}
