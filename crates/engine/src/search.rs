//! Query → ranked results with hit spans and snippets.
//!
//! Matching is by substring on the folded text of each article, narrowed by
//! the gram index first, so every occurrence Ctrl+F would find is found. The
//! query language is in [`crate::query`], the ranking in [`crate::rank`].

use crate::blob::{Blob, BlobError};
use crate::index::{bigram, Index, Positions};
use crate::model::{Analysis, Article, BlockKind, Corpus};
use crate::normalize::{normalize, Normalized};
use crate::query::{Notice, Query, Term};
use crate::rank::{self, Field, Occ, TermInArticle};
use crate::segment::{self, Segmenter};
use crate::snippet::{snippet_with_terms, Snippet};
use serde::{Deserialize, Serialize};

/// One article that matches a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Position of the article in [`Corpus::articles`].
    pub doc: u32,
    /// True when the article contains the query exactly (see [`rank`]: tier 3).
    pub exact: bool,
    /// Hit spans: char offsets into [`Article::text`], sorted, not overlapping.
    pub spans: Vec<(u32, u32)>,
    pub score: f32,
    /// Made for the first [`SNIPPET_HITS`] hits; empty after them (make it
    /// with [`Engine::snippet_for`] when showing them).
    pub snippet: Snippet,
    /// `terms[i]` is the index in [`SearchResponse::terms`] of what `spans[i]` matched.
    pub terms: Vec<u16>,
    /// Ranking tier, 3 (exact) to 0 (partial); see [`rank`].
    pub tier: u8,
    /// Terms the article lacks (indices into [`SearchResponse::terms`]);
    /// only partial results lack any.
    pub missing: Vec<u16>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SearchResponse {
    pub query: String,
    pub hits: Vec<SearchHit>,
    /// True when no article contains every term and the hits are the
    /// articles containing the most of them.
    pub partial: bool,
    /// What the reader should be told (empty query, cut query, partial …).
    pub notices: Vec<Notice>,
    /// What spans can match: terms as typed, words of split terms, and the
    /// whole query when it is more than one term.
    pub terms: Vec<String>,
    /// The query read back (see [`Query::explain`]).
    pub explain: String,
}

impl SearchResponse {
    pub fn total_hits(&self) -> usize {
        self.hits.iter().map(|h| h.spans.len()).sum()
    }
}

/// How many hits of a response get their snippet made by the search itself.
pub const SNIPPET_HITS: usize = 50;

/// A loaded corpus, ready to answer queries.
pub struct Engine {
    pub corpus: Corpus,
    pub analysis: Analysis,
    index: Index,
    positions: Positions,
    seg: Segmenter,
    /// Per article: its text as chars (what spans index into).
    texts: Vec<Vec<char>>,
    docs: Vec<Doc>,
    avg_len: f32,
}

/// An article as the matcher sees it.
struct Doc {
    n: Normalized,
    s: String,
    /// Headline and kicker ranges, in folded chars.
    fields: Vec<(u32, u32, Field)>,
    /// Range of this doc's word boundaries in the index's bit sets.
    bounds: Option<(usize, usize)>,
}

impl Doc {
    fn field(&self, pos: u32) -> Field {
        self.fields
            .iter()
            .find(|&&(s, e, _)| pos >= s && pos < e)
            .map(|f| f.2)
            .unwrap_or(Field::Body)
    }
}

/// How a term matched in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    None = 0,
    Words = 1,
    Loose = 2,
    Exact = 3,
}

/// Occurrences of one needle in the whole corpus: the docs containing it,
/// each with the folded char positions of its occurrences (non-overlapping,
/// left to right).
struct Found {
    len: u32,
    docs: Vec<u32>,
    /// `pos[starts[i]..starts[i + 1]]` are the positions in `docs[i]`.
    starts: Vec<u32>,
    pos: Vec<u32>,
}

impl Found {
    fn get(&self, doc: u32) -> Option<&[u32]> {
        let i = self.docs.binary_search(&doc).ok()?;
        self.pos.get(self.starts[i] as usize..self.starts[i + 1] as usize)
    }

    /// Document frequency.
    fn df(&self) -> u32 {
        self.docs.len() as u32
    }
}

/// What one clause matched in one doc: its level and the occurrence lists
/// (one per needle, with the term id the spans get).
struct ClauseMatch {
    level: Level,
    lists: Vec<(u16, usize)>,
}

/// Per-query state: the needles looked up so far.
struct Matcher<'e> {
    e: &'e Engine,
    needles: Vec<(String, Found)>,
}

impl<'e> Matcher<'e> {
    fn new(e: &'e Engine) -> Matcher<'e> {
        Matcher { e, needles: Vec::new() }
    }

    /// Index of the needle's [`Found`], looking it up on first use.
    fn find(&mut self, needle: &str) -> usize {
        if let Some(i) = self.needles.iter().position(|(n, _)| n == needle) {
            return i;
        }
        let found = self.e.find(needle);
        self.needles.push((needle.to_string(), found));
        self.needles.len() - 1
    }

    fn has(&self, i: usize, doc: u32) -> bool {
        self.needles[i].1.docs.binary_search(&doc).is_ok()
    }

    fn docs(&self, i: usize) -> &[u32] {
        &self.needles[i].1.docs
    }

    /// The occurrences of needle `i` in doc, with the term id they count for.
    fn occs(&self, id: u16, i: usize, doc: u32) -> Hits {
        let f = &self.needles[i].1;
        let occs = match (f.get(doc), self.e.docs.get(doc as usize)) {
            (Some(pos), Some(d)) => pos
                .iter()
                .map(|&p| Occ { pos: p, len: f.len, field: d.field(p), aligned: self.e.aligned(doc, p, f.len) })
                .collect(),
            _ => Vec::new(),
        };
        Hits { id, df: f.df(), occs }
    }
}

/// The occurrences of one needle in one doc.
struct Hits {
    id: u16,
    df: u32,
    occs: Vec<Occ>,
}

/// Ids of the display terms of a query (see [`SearchResponse::terms`]).
struct Labels {
    labels: Vec<String>,
}

impl Labels {
    fn id(&mut self, label: &str) -> u16 {
        if let Some(i) = self.labels.iter().position(|l| l == label) {
            return i as u16;
        }
        self.labels.push(label.to_string());
        (self.labels.len() - 1) as u16
    }
}

/// The needles of one term, looked up.
struct TermNeedles {
    id: u16,
    phrase: usize,
    loose: Option<usize>,
    words: Vec<(u16, usize)>,
}

impl Engine {
    pub fn from_bytes(bytes: &[u8]) -> Result<Engine, BlobError> {
        Engine::from_blob(Blob::from_bytes(bytes)?)
    }

    pub fn from_blob(blob: Blob) -> Result<Engine, BlobError> {
        crate::normalize::install_table(&blob.fold);
        let index = Index::load(blob.index).ok_or(BlobError::Index)?;
        let seg = Segmenter::from_vocab(&blob.analysis.vocab);
        let mut texts = Vec::with_capacity(blob.corpus.articles.len());
        let mut docs = Vec::with_capacity(blob.corpus.articles.len());
        let mut bound_at = 0usize;
        for a in &blob.corpus.articles {
            let t = a.text();
            let n = normalize(&t);
            let fields = field_ranges(a, &n);
            let bytes = n.chars.len() / 8 + 1;
            let bounds = Some((bound_at, bound_at + bytes));
            bound_at += bytes;
            texts.push(t.chars().collect());
            docs.push(Doc { s: n.as_string(), n, fields, bounds });
        }
        if bound_at != index.boundaries().len() {
            // Built without word boundaries: the bonus is off for all.
            for d in &mut docs {
                d.bounds = None;
            }
        }
        let total: usize = docs.iter().map(|d| d.n.chars.len()).sum();
        let avg_len = total as f32 / docs.len().max(1) as f32;
        let refs: Vec<&[char]> = docs.iter().map(|d| d.n.chars.as_slice()).collect();
        let positions = Positions::build(&index, &refs);
        Ok(Engine { corpus: blob.corpus, analysis: blob.analysis, index, positions, seg, texts, docs, avg_len })
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

    /// Parses a query as [`Engine::search`] would; [`Query::explain`] reads
    /// it back.
    pub fn parse(&self, query: &str) -> Query {
        Query::parse(query, &self.seg)
    }

    /// Every occurrence of the folded `needle` in the corpus.
    fn find(&self, needle: &str) -> Found {
        let n: Vec<char> = needle.chars().collect();
        let mut hits: Vec<(u32, u32)> = Vec::new();
        match n.len() {
            0 => {}
            1 => {
                let cands = self.index.candidates(&n).unwrap_or_default();
                for d in cands {
                    if let Some(doc) = self.docs.get(d as usize) {
                        hits.extend(
                            doc.n.chars.iter().enumerate().filter(|&(_, &c)| c == n[0]).map(|(p, _)| (d, p as u32)),
                        );
                    }
                }
            }
            _ if self.positions.complete => {
                // Walk the occurrences of the needle's rarest pair.
                let mut best: Option<(usize, &[u64])> = None;
                for k in 0..n.len() - 1 {
                    let list = match self.index.key_id(bigram(n[k], n[k + 1])) {
                        Some(id) => self.positions.of(id),
                        None => &[],
                    };
                    if best.is_none_or(|(_, b)| list.len() < b.len()) {
                        best = Some((k, list));
                    }
                }
                if let Some((k, list)) = best {
                    for &e in list {
                        let (d, p) = ((e >> 32) as u32, (e & 0xFFFF_FFFF) as usize);
                        let Some(start) = p.checked_sub(k) else { continue };
                        let Some(doc) = self.docs.get(d as usize) else { continue };
                        if doc.n.chars.get(start..start + n.len()) == Some(n.as_slice()) {
                            hits.push((d, start as u32));
                        }
                    }
                }
            }
            _ => {
                // No position table for this blob: verify index candidates by scanning.
                for d in self.index.candidates(&n).unwrap_or_default() {
                    if let Some(doc) = self.docs.get(d as usize) {
                        let mut char_at = 0usize;
                        let mut byte_at = 0usize;
                        for (b, _) in doc.s.match_indices(needle) {
                            char_at += doc.s[byte_at..b].chars().count();
                            byte_at = b;
                            hits.push((d, char_at as u32));
                        }
                    }
                }
            }
        }
        // Left to right, not overlapping, as Ctrl+F counts them.
        let len = n.len() as u32;
        let mut f = Found { len, docs: Vec::new(), starts: vec![0], pos: Vec::new() };
        let mut end = 0u32;
        for (d, p) in hits {
            if f.docs.last() != Some(&d) {
                if !f.docs.is_empty() {
                    f.starts.push(f.pos.len() as u32);
                }
                f.docs.push(d);
                end = 0;
            }
            if p >= end {
                f.pos.push(p);
                end = p + len;
            }
        }
        if !f.docs.is_empty() {
            f.starts.push(f.pos.len() as u32);
        }
        f
    }

    /// True when `[pos, pos+len)` starts and ends on word boundaries.
    fn aligned(&self, doc: u32, pos: u32, len: u32) -> bool {
        let Some((a, b)) = self.docs.get(doc as usize).and_then(|d| d.bounds) else {
            return true;
        };
        let bits = self.index.boundaries().get(a..b).unwrap_or(&[]);
        segment::bit(bits, pos as usize) && segment::bit(bits, (pos + len) as usize)
    }

    /// Every occurrence of `needle` (folded as a query is) in doc, as spans of
    /// the article text, left to right, not overlapping.
    pub fn occurrences(&self, doc: u32, needle: &str) -> Vec<(u32, u32)> {
        let n = normalize(needle).as_string();
        let len = n.chars().count();
        let Some(d) = self.docs.get(doc as usize) else { return Vec::new() };
        let found = self.find(&n);
        found
            .get(doc)
            .unwrap_or(&[])
            .iter()
            .map(|&p| d.n.source_span(p as usize, p as usize + len))
            .collect()
    }

    /// Searches: parse, match, rank, snippets.
    pub fn search(&self, query: &str) -> SearchResponse {
        self.run(query, true)
    }

    /// The matching articles only (sorted doc ids), without ranking or
    /// snippets: for counting facets.
    pub fn search_docs(&self, query: &str) -> Vec<u32> {
        let mut docs: Vec<u32> = self.run(query, false).hits.iter().map(|h| h.doc).collect();
        crate::sort::sort(&mut docs);
        docs
    }

    fn run(&self, query: &str, snippets: bool) -> SearchResponse {
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
        let mut hits = self.match_all(&q, &mut labels);
        if hits.is_empty() {
            hits = self.match_partial(&q, &mut labels);
            if hits.is_empty() {
                resp.notices.push(Notice::NoMatch);
            } else {
                resp.partial = true;
                let of = hits[0].missing.len() as u16 + hits[0].matched;
                resp.notices.push(Notice::Partial { best: hits[0].matched, of });
            }
        }
        crate::sort::sort_by(&mut hits, |a, b| {
            b.tier.cmp(&a.tier).then(b.score.total_cmp(&a.score)).then(a.doc.cmp(&b.doc))
        });
        resp.hits = hits
            .into_iter()
            .enumerate()
            .map(|(rank, h)| {
                let snippet = if snippets && rank < SNIPPET_HITS {
                    snippet_with_terms(self.text(h.doc), &h.spans, &h.terms)
                } else {
                    Snippet::default()
                };
                SearchHit {
                    doc: h.doc,
                    exact: h.tier == 3,
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

    /// The snippet of a hit (the same as the search makes for the first
    /// [`SNIPPET_HITS`]).
    pub fn snippet_for(&self, hit: &SearchHit) -> Snippet {
        snippet_with_terms(self.text(hit.doc), &hit.spans, &hit.terms)
    }

    /// Docs where a term matches (verbatim, loose or all words).
    fn term_docs(m: &Matcher, t: &TermNeedles) -> Vec<u32> {
        let mut out = m.docs(t.phrase).to_vec();
        if let Some(l) = t.loose {
            out = union(&out, m.docs(l));
        }
        if let Some((&(_, first), rest)) = t.words.split_first() {
            let all = rest.iter().fold(m.docs(first).to_vec(), |acc, &(_, w)| intersect(&acc, m.docs(w)));
            out = union(&out, &all);
        }
        out
    }

    fn term_needles(m: &mut Matcher, t: &Term, labels: &mut Labels) -> TermNeedles {
        let id = labels.id(&t.label);
        let phrase = m.find(&t.phrase);
        let loose = t.loose.as_ref().map(|l| m.find(l));
        let words = t.words.iter().map(|w| (labels.id(w), m.find(w))).collect();
        TermNeedles { id, phrase, loose, words }
    }

    fn match_term(m: &Matcher, t: &TermNeedles, doc: u32) -> ClauseMatch {
        if m.has(t.phrase, doc) {
            return ClauseMatch { level: Level::Exact, lists: vec![(t.id, t.phrase)] };
        }
        if let Some(l) = t.loose.filter(|&l| m.has(l, doc)) {
            return ClauseMatch { level: Level::Loose, lists: vec![(t.id, l)] };
        }
        if !t.words.is_empty() && t.words.iter().all(|&(_, w)| m.has(w, doc)) {
            return ClauseMatch { level: Level::Words, lists: t.words.clone() };
        }
        ClauseMatch { level: Level::None, lists: Vec::new() }
    }

    /// Articles with every term, ranked by tier then score.
    fn match_all(&self, q: &Query, labels: &mut Labels) -> Vec<Ranked> {
        let mut m = Matcher::new(self);
        let clauses: Vec<Vec<TermNeedles>> = q
            .clauses
            .iter()
            .map(|c| c.alts.iter().map(|t| Self::term_needles(&mut m, t, labels)).collect())
            .collect();
        let single = q.clauses.len() == 1 && q.clauses[0].alts.len() == 1 && !q.operators;
        let (whole, whole_id) = if single {
            (clauses[0][0].phrase, clauses[0][0].id)
        } else {
            let mut i = m.find(&q.whole);
            if m.docs(i).is_empty() && q.whole.contains('"') {
                // `"…"` asks for text without the quote marks.
                let unquoted = q.whole.replace('"', "");
                let unquoted = unquoted.trim();
                if !unquoted.is_empty() {
                    i = m.find(unquoted);
                }
            }
            let id = if m.docs(i).is_empty() { 0 } else { labels.id(q.raw.trim()) };
            (i, id)
        };
        let mut pool: Option<Vec<u32>> = None;
        for alts in &clauses {
            let docs = alts.iter().fold(Vec::new(), |acc, t| union(&acc, &Self::term_docs(&m, t)));
            pool = Some(match pool {
                None => docs,
                Some(p) => intersect(&p, &docs),
            });
        }
        let pool = union(&pool.unwrap_or_default(), m.docs(whole));
        let excludes: Vec<usize> = q
            .excludes
            .iter()
            .flat_map(|t| std::iter::once(&t.phrase).chain(t.loose.iter()))
            .map(|n| m.find(n))
            .collect();
        let mut out = Vec::new();
        for &doc in &pool {
            let verbatim = m.has(whole, doc);
            let matches: Vec<ClauseMatch> = clauses
                .iter()
                .map(|alts| {
                    alts.iter()
                        .map(|t| Self::match_term(&m, t, doc))
                        .max_by_key(|cm| cm.level)
                        .unwrap_or(ClauseMatch { level: Level::None, lists: Vec::new() })
                })
                .collect();
            let worst = matches.iter().map(|cm| cm.level).min().unwrap_or(Level::None);
            let excluded = excludes.iter().any(|&x| m.has(x, doc));
            // Exact means the text holds what was typed (Ctrl+F), so operators
            // alone never make a hit exact.
            let tier = if verbatim {
                3
            } else if worst == Level::None || excluded {
                continue;
            } else if worst >= Level::Loose {
                2
            } else {
                1
            };
            let lists: Vec<Hits> = matches
                .iter()
                .flat_map(|cm| cm.lists.iter())
                .map(|&(id, i)| m.occs(id, i, doc))
                .collect();
            let score = self.score(doc, &lists);
            let spans_of = if verbatim && !single { vec![m.occs(whole_id, whole, doc)] } else { lists };
            let (spans, terms) = self.spans(doc, &spans_of);
            out.push(Ranked { doc, tier, score, spans, terms, missing: Vec::new(), matched: 0 });
        }
        out
    }

    /// When no article has every term: the articles with the most of them.
    /// A term split into words counts word by word; an `OR` group counts once.
    fn match_partial(&self, q: &Query, labels: &mut Labels) -> Vec<Ranked> {
        let mut m = Matcher::new(self);
        // Each atom: its id, and the alternatives (needle lists, all required).
        let mut atoms: Vec<(u16, Vec<Vec<usize>>)> = Vec::new();
        for c in &q.clauses {
            match c.alts.as_slice() {
                [t] if !t.quoted && !t.words.is_empty() => {
                    for w in &t.words {
                        let id = labels.id(w);
                        let n = m.find(w);
                        atoms.push((id, vec![vec![n]]));
                    }
                }
                alts => {
                    let id = labels.id(&alts.iter().map(|t| t.label.as_str()).collect::<Vec<_>>().join(" OR "));
                    let mut ways = Vec::new();
                    for t in alts {
                        ways.push(vec![m.find(&t.phrase)]);
                        if let Some(l) = &t.loose {
                            ways.push(vec![m.find(l)]);
                        }
                        if !t.words.is_empty() {
                            ways.push(t.words.iter().map(|w| m.find(w)).collect());
                        }
                    }
                    atoms.push((id, ways));
                }
            }
        }
        if atoms.len() < 2 {
            return Vec::new();
        }
        let excludes: Vec<usize> = q.excludes.iter().map(|t| m.find(&t.phrase)).collect();
        let mut docs: Vec<u32> = m.needles.iter().flat_map(|(_, f)| f.docs.iter().copied()).collect();
        crate::sort::sort_dedup(&mut docs);
        let mut rows = Vec::new();
        let mut best = 0usize;
        for doc in docs {
            if excludes.iter().any(|&x| m.has(x, doc)) {
                continue;
            }
            let mut lists = Vec::new();
            let mut missing = Vec::new();
            for (id, ways) in &atoms {
                match ways.iter().find(|w| w.iter().all(|&n| m.has(n, doc))) {
                    Some(w) => lists.extend(w.iter().map(|&n| m.occs(*id, n, doc))),
                    None => missing.push(*id),
                }
            }
            let matched = atoms.len() - missing.len();
            best = best.max(matched);
            rows.push((doc, matched, lists, missing));
        }
        rows.into_iter()
            .filter(|r| r.1 == best && best > 0)
            .map(|(doc, matched, lists, missing)| {
                let score = self.score(doc, &lists);
                let (spans, terms) = self.spans(doc, &lists);
                Ranked { doc, tier: 0, score, spans, terms, missing, matched: matched as u16 }
            })
            .collect()
    }

    fn score(&self, doc: u32, lists: &[Hits]) -> f32 {
        let len = self.docs.get(doc as usize).map_or(0, |d| d.n.chars.len() as u32);
        let terms: Vec<TermInArticle> =
            lists.iter().map(|h| TermInArticle { df: h.df, occs: &h.occs }).collect();
        rank::score(&terms, len, self.avg_len, self.docs.len() as u32)
    }

    /// Spans in the article text, sorted and not overlapping, with their ids.
    fn spans(&self, doc: u32, lists: &[Hits]) -> (Vec<(u32, u32)>, Vec<u16>) {
        let Some(d) = self.docs.get(doc as usize) else { return (Vec::new(), Vec::new()) };
        let mut all: Vec<(u32, u32, u16)> = lists
            .iter()
            .flat_map(|h| {
                h.occs.iter().map(move |o| {
                    let (s, e) = d.n.source_span(o.pos as usize, (o.pos + o.len) as usize);
                    (s, e, h.id)
                })
            })
            .collect();
        // Sorted by start, longer first; a span overlapping a kept one goes.
        if lists.len() > 1 {
            crate::sort::sort_by(&mut all, |a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        }
        let mut spans = Vec::with_capacity(all.len());
        let mut ids = Vec::with_capacity(all.len());
        let mut end = 0u32;
        for (s, e, id) in all {
            if s < end || s >= e {
                continue;
            }
            spans.push((s, e));
            ids.push(id);
            end = e;
        }
        (spans, ids)
    }
}

/// A hit before its snippet is made.
struct Ranked {
    doc: u32,
    tier: u8,
    score: f32,
    spans: Vec<(u32, u32)>,
    terms: Vec<u16>,
    missing: Vec<u16>,
    matched: u16,
}

/// Headline and kicker/subtitle blocks of an article, in folded chars.
fn field_ranges(a: &Article, n: &Normalized) -> Vec<(u32, u32, Field)> {
    let mut out = Vec::new();
    for (b, off) in a.blocks.iter().zip(a.block_offsets()) {
        let field = match b.kind {
            BlockKind::Headline => Field::Headline,
            BlockKind::Kicker => Field::Kicker,
            _ => continue,
        };
        let end = off + b.text.chars().count();
        let s = n.origin.partition_point(|&o| (o as usize) < off) as u32;
        let e = n.origin.partition_point(|&o| (o as usize) < end) as u32;
        if s < e {
            out.push((s, e, field));
        }
    }
    out
}

fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}
