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
use std::cell::Cell;

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
    /// Per article: its last folded char (the one char no pair starts at).
    last: Vec<Option<char>>,
    avg_len: f32,
}

/// An article as the matcher sees it.
struct Doc {
    /// The folded text.
    chars: Vec<char>,
    /// Where the folded chars come from in the text: from `shifts[i].0` on
    /// (until the next entry), folded char `p` is text char `p + shifts[i].1`;
    /// before the first entry, char `p` is `p`. Folding keeps most chars one
    /// to one, so this is short: an entry where spaces collapse or a char
    /// expands.
    shifts: Vec<(u32, i32)>,
    /// Chars in the text.
    text_len: u32,
    /// Headline and kicker ranges, in folded chars.
    fields: Vec<(u32, u32, Field)>,
    /// Where the last field range ends: every char after it is body text.
    fields_end: u32,
    /// The field ranges come in order without overlapping (as blocks do).
    fields_ordered: bool,
    /// Range of this doc's word boundaries in the index's bit sets.
    bounds: Option<(usize, usize)>,
}

impl Doc {
    fn new(origin: &[u32], chars: Vec<char>, text_len: u32, fields: Vec<(u32, u32, Field)>) -> Doc {
        let mut shifts = Vec::new();
        let mut shift = 0i64;
        for (p, &o) in origin.iter().enumerate() {
            let d = o as i64 - p as i64;
            if d != shift {
                shifts.push((p as u32, d as i32));
                shift = d;
            }
        }
        let fields_end = fields.iter().map(|f| f.1).max().unwrap_or(0);
        let fields_ordered = fields.windows(2).all(|w| w[0].1 <= w[1].0);
        Doc { chars, shifts, text_len, fields, fields_end, fields_ordered, bounds: None }
    }

    /// The text position of folded char `p` (`p` < the folded length).
    fn origin(&self, p: u32) -> u32 {
        if self.shifts.first().is_none_or(|&(at, _)| p < at) {
            return p;
        }
        let k = self.shifts.partition_point(|&(at, _)| at <= p);
        match k.checked_sub(1).and_then(|k| self.shifts.get(k)) {
            Some(&(_, d)) => (p as i64 + d as i64) as u32,
            None => p,
        }
    }

    /// The text span of the folded chars `[p, p + len)`, as
    /// [`crate::normalize::Normalized::source_span`] gives it.
    fn span(&self, p: u32, len: u32) -> (u32, u32) {
        if len == 0 || p as usize >= self.chars.len() {
            let at = if (p as usize) < self.chars.len() { self.origin(p) } else { self.text_len };
            return (at, at);
        }
        let end = (p + len).min(self.chars.len() as u32);
        (self.origin(p), self.origin(end - 1) + 1)
    }

    /// The fields of positions asked for in increasing order.
    fn fields(&self) -> Fields<'_> {
        Fields { doc: self, at: 0 }
    }

    fn field(&self, pos: u32) -> Field {
        if pos >= self.fields_end {
            return Field::Body;
        }
        self.fields
            .iter()
            .find(|&&(s, e, _)| pos >= s && pos < e)
            .map(|f| f.2)
            .unwrap_or(Field::Body)
    }
}

/// Walks a doc's field ranges along increasing positions.
struct Fields<'d> {
    doc: &'d Doc,
    at: usize,
}

impl Fields<'_> {
    /// [`Doc::field`] of `pos`, for positions asked for in increasing order.
    fn at(&mut self, pos: u32) -> Field {
        if !self.doc.fields_ordered {
            return self.doc.field(pos);
        }
        let f = &self.doc.fields;
        while f.get(self.at).is_some_and(|&(_, e, _)| e <= pos) {
            self.at += 1;
        }
        match f.get(self.at) {
            Some(&(s, _, field)) if s <= pos => field,
            _ => Field::Body,
        }
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
    /// While adding: where the last kept occurrence ends.
    free: u32,
    /// Where the last lookup ended in `docs`: docs are mostly asked for in
    /// increasing order, so the next lookup gallops on from here.
    cursor: Cell<usize>,
}

impl Found {
    /// Like `docs.binary_search(&doc)`.
    fn locate(&self, doc: u32) -> Result<usize, usize> {
        let d = &self.docs;
        let c = self.cursor.get().min(d.len());
        let r = if c > 0 && d[c - 1] >= doc {
            d.binary_search(&doc)
        } else {
            // Everything before `lo` is before doc.
            let mut lo = c;
            let mut step = 1;
            while lo + step - 1 < d.len() && d[lo + step - 1] < doc {
                lo += step;
                step *= 2;
            }
            let hi = (lo + step).min(d.len());
            match d[lo..hi].binary_search(&doc) {
                Ok(i) => Ok(lo + i),
                Err(i) => Err(lo + i),
            }
        };
        self.cursor.set(match r {
            Ok(i) | Err(i) => i,
        });
        r
    }

    fn has(&self, doc: u32) -> bool {
        self.locate(doc).is_ok()
    }

    fn get(&self, doc: u32) -> Option<&[u32]> {
        let i = self.locate(doc).ok()?;
        self.pos.get(self.starts[i] as usize..self.starts[i + 1] as usize)
    }

    /// Document frequency.
    fn df(&self) -> u32 {
        self.docs.len() as u32
    }
}

impl Found {
    fn empty(len: u32) -> Found {
        Found { len, docs: Vec::new(), starts: vec![0], pos: Vec::new(), free: 0, cursor: Cell::new(0) }
    }

    /// Adds an occurrence; occurrences come in doc then position order, and
    /// one overlapping the previous kept one is dropped (Ctrl+F counts left
    /// to right, without overlaps).
    fn push(&mut self, d: u32, p: u32) {
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
    fn reserve(&mut self, occs: usize, docs: usize) {
        self.pos.reserve(occs);
        self.docs.reserve(occs.min(docs));
        self.starts.reserve(occs.min(docs));
    }

    fn finish(mut self) -> Found {
        if !self.docs.is_empty() {
            self.starts.push(self.pos.len() as u32);
        }
        self
    }
}

/// What one clause matched in one doc: its level and the occurrence lists
/// (needles, with the term id the spans get).
struct ClauseMatch<'t> {
    level: Level,
    lists: Lists<'t>,
}

#[derive(Clone, Copy)]
enum Lists<'t> {
    None,
    One(u16, usize),
    Many(&'t [(u16, usize)]),
}

impl Lists<'_> {
    fn add_to(self, out: &mut Vec<(u16, usize)>) {
        match self {
            Lists::None => {}
            Lists::One(id, i) => out.push((id, i)),
            Lists::Many(l) => out.extend_from_slice(l),
        }
    }
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
        self.needles[i].1.has(doc)
    }

    fn docs(&self, i: usize) -> &[u32] {
        &self.needles[i].1.docs
    }

    /// The occurrences of needle `i` in doc, with the term id they count for.
    fn list(&self, (id, i): (u16, usize), doc: u32) -> List<'_> {
        let f = &self.needles[i].1;
        List { id, df: f.df(), len: f.len, starts: f.get(doc).unwrap_or(&[]) }
    }
}

/// The occurrences of one needle in one doc: their folded start positions,
/// sorted and not overlapping.
struct List<'m> {
    id: u16,
    df: u32,
    len: u32,
    starts: &'m [u32],
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
        let (blob, normalized) = Blob::load(bytes)?;
        Engine::from_parts(blob, normalized)
    }

    pub fn from_blob(blob: Blob) -> Result<Engine, BlobError> {
        crate::normalize::install_table(&blob.fold);
        let normalized = blob.normalized();
        Engine::from_parts(blob, normalized)
    }

    /// The engine over a loaded blob and its normalized article texts
    /// ([`Blob::normalized`], parallel to the articles).
    fn from_parts(blob: Blob, normalized: Vec<Normalized>) -> Result<Engine, BlobError> {
        if normalized.len() != blob.corpus.articles.len() {
            return Err(BlobError::Index);
        }
        let index = Index::load(blob.index).ok_or(BlobError::Index)?;
        let seg = Segmenter::from_vocab(&blob.analysis.vocab);
        let mut texts = Vec::with_capacity(blob.corpus.articles.len());
        let mut docs = Vec::with_capacity(blob.corpus.articles.len());
        let mut bound_at = 0usize;
        for (a, n) in blob.corpus.articles.iter().zip(normalized) {
            let t = a.text();
            let fields = field_ranges(a, &n);
            let bytes = n.chars.len() / 8 + 1;
            let mut doc = Doc::new(&n.origin, n.chars, n.source_len, fields);
            doc.bounds = Some((bound_at, bound_at + bytes));
            bound_at += bytes;
            texts.push(t.chars().collect());
            docs.push(doc);
        }
        if bound_at != index.boundaries().len() {
            // Built without word boundaries: the bonus is off for all.
            for d in &mut docs {
                d.bounds = None;
            }
        }
        let total: usize = docs.iter().map(|d| d.chars.len()).sum();
        let avg_len = total as f32 / docs.len().max(1) as f32;
        let refs: Vec<&[char]> = docs.iter().map(|d| d.chars.as_slice()).collect();
        let positions = Positions::build(&index, &refs);
        let last = docs.iter().map(|d| d.chars.last().copied()).collect();
        Ok(Engine { corpus: blob.corpus, analysis: blob.analysis, index, positions, seg, texts, docs, last, avg_len })
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
        let complete = self.positions.complete;
        let mut f = Found::empty(n.len() as u32);
        match n.len() {
            0 => {}
            1 if complete => return self.find_char(n[0]),
            2 if complete => {
                // A pair's positions are its occurrences.
                if let Some(id) = self.index.key_id(bigram(n[0], n[1])) {
                    f.reserve(self.positions.of(id).len(), self.docs.len());
                    for &e in self.positions.of(id) {
                        f.push((e >> 32) as u32, e as u32);
                    }
                }
            }
            _ if complete => {
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
            _ => {
                // No position table for this blob: verify index candidates by scanning.
                for d in self.index.candidates(&n).unwrap_or_default() {
                    if let Some(doc) = self.docs.get(d as usize) {
                        for (p, w) in doc.chars.windows(n.len()).enumerate() {
                            if w == n.as_slice() {
                                f.push(d, p as u32);
                            }
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
        let entries = self.positions.of_range(self.index.pairs_starting_with(c));
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
            crate::sort::sort_u32(&mut f.pos[w[0] as usize..w[1] as usize]);
        }
        f
    }

    /// The doc's word boundaries; `None` when the index has none.
    fn bounds(&self, doc: u32) -> Option<&[u8]> {
        let (a, b) = self.docs.get(doc as usize)?.bounds?;
        Some(self.index.boundaries().get(a..b).unwrap_or(&[]))
    }

    /// Every occurrence of `needle` (folded as a query is) in doc, as spans of
    /// the article text, left to right, not overlapping.
    pub fn occurrences(&self, doc: u32, needle: &str) -> Vec<(u32, u32)> {
        let n = normalize(needle).as_string();
        let Some(d) = self.docs.get(doc as usize) else { return Vec::new() };
        let found = self.find(&n);
        found.get(doc).unwrap_or(&[]).iter().map(|&p| d.span(p, found.len)).collect()
    }

    /// Searches: parse, match, rank, snippets.
    pub fn search(&self, query: &str) -> SearchResponse {
        self.run(query, true)
    }

    /// The matching articles only (sorted doc ids), without ranking, spans or
    /// snippets: for counting facets.
    pub fn search_docs(&self, query: &str) -> Vec<u32> {
        let q = self.parse(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut labels = Labels { labels: Vec::new() };
        let mut hits = self.match_all(&q, &mut labels, false);
        if hits.is_empty() {
            hits = self.match_partial(&q, &mut labels, false);
        }
        let mut docs: Vec<u32> = hits.iter().map(|h| h.doc).collect();
        if !docs.is_sorted() {
            crate::sort::sort(&mut docs);
        }
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
        let mut hits = self.match_all(&q, &mut labels, true);
        if hits.is_empty() {
            hits = self.match_partial(&q, &mut labels, true);
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

    fn match_term<'t>(m: &Matcher, t: &'t TermNeedles, doc: u32) -> ClauseMatch<'t> {
        if m.has(t.phrase, doc) {
            return ClauseMatch { level: Level::Exact, lists: Lists::One(t.id, t.phrase) };
        }
        if let Some(l) = t.loose.filter(|&l| m.has(l, doc)) {
            return ClauseMatch { level: Level::Loose, lists: Lists::One(t.id, l) };
        }
        if !t.words.is_empty() && t.words.iter().all(|&(_, w)| m.has(w, doc)) {
            return ClauseMatch { level: Level::Words, lists: Lists::Many(&t.words) };
        }
        ClauseMatch { level: Level::None, lists: Lists::None }
    }

    /// Articles with every term, ranked by tier then score (`full`: with
    /// scores and spans; otherwise only which articles, in doc order).
    fn match_all(&self, q: &Query, labels: &mut Labels, full: bool) -> Vec<Ranked> {
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
        let m = m;
        let mut out = Vec::new();
        let mut matches: Vec<ClauseMatch> = Vec::with_capacity(clauses.len());
        let mut ids: Vec<(u16, usize)> = Vec::new();
        let mut lists: Vec<List> = Vec::new();
        let mut sc = Scratch::default();
        for &doc in &pool {
            let verbatim = m.has(whole, doc);
            matches.clear();
            matches.extend(clauses.iter().map(|alts| {
                alts.iter()
                    .map(|t| Self::match_term(&m, t, doc))
                    .max_by_key(|cm| cm.level)
                    .unwrap_or(ClauseMatch { level: Level::None, lists: Lists::None })
            }));
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
            if !full {
                out.push(Ranked { doc, tier, ..Ranked::default() });
                continue;
            }
            ids.clear();
            for cm in &matches {
                cm.lists.add_to(&mut ids);
            }
            lists.clear();
            lists.extend(ids.iter().map(|&x| m.list(x, doc)));
            let score = self.score(doc, &lists, &mut sc);
            let (spans, terms) = if verbatim && !single {
                self.spans(doc, &[m.list((whole_id, whole), doc)], &mut sc)
            } else {
                self.spans(doc, &lists, &mut sc)
            };
            out.push(Ranked { doc, tier, score, spans, terms, missing: Vec::new(), matched: 0 });
        }
        out
    }

    /// When no article has every term: the articles with the most of them.
    /// A term split into words counts word by word; an `OR` group counts once.
    fn match_partial(&self, q: &Query, labels: &mut Labels, full: bool) -> Vec<Ranked> {
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
        let m = m;
        let way_in = |ways: &[Vec<usize>], doc: u32| ways.iter().position(|w| w.iter().all(|&n| m.has(n, doc)));
        // First how many atoms each article has; then the rest for the best.
        let mut rows = Vec::new();
        let mut best = 0usize;
        for doc in docs {
            if excludes.iter().any(|&x| m.has(x, doc)) {
                continue;
            }
            let matched = atoms.iter().filter(|(_, ways)| way_in(ways, doc).is_some()).count();
            best = best.max(matched);
            rows.push((doc, matched));
        }
        let mut out = Vec::new();
        let mut lists: Vec<List> = Vec::new();
        let mut sc = Scratch::default();
        for (doc, matched) in rows {
            if matched != best || best == 0 {
                continue;
            }
            let mut missing = Vec::new();
            lists.clear();
            for (id, ways) in &atoms {
                match way_in(ways, doc) {
                    Some(w) => lists.extend(ways[w].iter().map(|&n| m.list((*id, n), doc))),
                    None => missing.push(*id),
                }
            }
            let matched = matched as u16;
            if !full {
                out.push(Ranked { doc, missing, matched, ..Ranked::default() });
                continue;
            }
            let score = self.score(doc, &lists, &mut sc);
            let (spans, terms) = self.spans(doc, &lists, &mut sc);
            out.push(Ranked { doc, tier: 0, score, spans, terms, missing, matched });
        }
        out
    }

    fn score(&self, doc: u32, lists: &[List], sc: &mut Scratch) -> f32 {
        let Some(d) = self.docs.get(doc as usize) else { return 0.0 };
        let bits = self.bounds(doc);
        let terms: Vec<TermInArticle> = lists
            .iter()
            .map(|l| {
                let mut fields = d.fields();
                let occs = l.starts.iter().map(move |&p| Occ {
                    pos: p,
                    len: l.len,
                    field: fields.at(p),
                    // Starts and ends on word boundaries of the text.
                    aligned: bits.is_none_or(|b| segment::bit(b, p as usize) && segment::bit(b, (p + l.len) as usize)),
                });
                TermInArticle::new(l.df, occs, l.starts, l.len)
            })
            .collect();
        rank::score_with(&terms, d.chars.len() as u32, self.avg_len, self.docs.len() as u32, &mut sc.rank)
    }

    /// Spans in the article text, sorted and not overlapping, with their ids.
    fn spans(&self, doc: u32, lists: &[List], sc: &mut Scratch) -> (Vec<(u32, u32)>, Vec<u16>) {
        let Some(d) = self.docs.get(doc as usize) else { return (Vec::new(), Vec::new()) };
        let total = lists.iter().map(|l| l.starts.len()).sum();
        let mut spans = Vec::with_capacity(total);
        let mut ids = Vec::with_capacity(total);
        let mut end = 0u32;
        // In order of start, longer first, ties in list order (a stable
        // sort); a span overlapping a kept one goes.
        let mut keep = |(s, e, id): (u32, u32, u16)| {
            if s < end || s >= e {
                return;
            }
            spans.push((s, e));
            ids.push(id);
            end = e;
        };
        if let [l] = lists {
            for &p in l.starts {
                let (s, e) = d.span(p, l.len);
                keep((s, e, l.id));
            }
            return (spans, ids);
        }
        // Each list's spans in turn: runs, each in text order.
        let Scratch { all, runs, head, .. } = sc;
        all.clear();
        runs.clear();
        for l in lists {
            runs.push(all.len());
            all.extend(l.starts.iter().map(|&p| {
                let (s, e) = d.span(p, l.len);
                (span_key(s, e), l.id)
            }));
        }
        runs.push(all.len());
        merge_runs(all, runs, head, &mut keep);
        (spans, ids)
    }
}

/// Buffers reused from one article to the next.
#[derive(Default)]
struct Scratch {
    rank: rank::Scratch,
    all: Vec<(u64, u16)>,
    runs: Vec<usize>,
    head: Vec<usize>,
}

/// A span as one number that orders by start, then longer first.
fn span_key(s: u32, e: u32) -> u64 {
    ((s as u64) << 32) | !e as u64
}

/// Gives the spans of `all` (as [`span_key`]s with their term ids) ordered by
/// start, longer first, ties by their place in `all` (what a stable sort
/// gives), where `all` is made of runs (`all[runs[i]..runs[i + 1]]`) that are
/// each in that order already: merged run against run.
fn merge_runs(all: &[(u64, u16)], runs: &[usize], head: &mut Vec<usize>, emit: &mut dyn FnMut((u32, u32, u16))) {
    let span = |&(k, id): &(u64, u16)| ((k >> 32) as u32, !(k as u32), id);
    let ordered = runs.windows(2).all(|r| all[r[0]..r[1]].windows(2).all(|w| w[0].0 <= w[1].0));
    if !ordered {
        // Only where folding expands a char inside a hit: sort.
        let mut sorted = all.to_vec();
        crate::sort::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
        sorted.iter().map(span).for_each(emit);
        return;
    }
    head.clear();
    head.extend_from_slice(&runs[..runs.len() - 1]);
    loop {
        let mut next = usize::MAX;
        let mut key = 0u64;
        for (r, &h) in head.iter().enumerate() {
            if let Some(&(k, _)) = all.get(h).filter(|_| h < runs[r + 1]) {
                if next == usize::MAX || k < key {
                    next = r;
                    key = k;
                }
            }
        }
        let Some(h) = head.get_mut(next) else { break };
        emit(span(&all[*h]));
        *h += 1;
    }
}

/// Hits in result order: tier down, then score down, then doc up.
fn in_rank_order(mut hits: Vec<Ranked>) -> Vec<Ranked> {
    if hits.iter().any(|h| h.doc >= 1 << 30 || h.tier > 3) {
        crate::sort::sort_by(&mut hits, |a, b| {
            b.tier.cmp(&a.tier).then(b.score.total_cmp(&a.score)).then(a.doc.cmp(&b.doc))
        });
        return hits;
    }
    // The same order as one number per hit: 2 bits of tier, 32 of score (its
    // bits mapped to their total order), 30 of doc; sorted by radix.
    let mut keys: Vec<(u64, u32)> = hits
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let bits = h.score.to_bits();
            let up = if bits >> 31 == 1 { !bits } else { bits | 1 << 31 };
            let key = ((3 - h.tier) as u64) << 62 | ((!up) as u64) << 30 | h.doc as u64;
            (key, i as u32)
        })
        .collect();
    crate::sort::radix_sort(&mut keys);
    let order: Vec<u32> = keys.iter().map(|&(_, i)| i).collect();
    crate::sort::apply(&mut hits, &order);
    hits
}

/// A hit before its snippet is made.
#[derive(Default)]
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
fn field_ranges(a: &Article, n: &crate::normalize::Normalized) -> Vec<(u32, u32, Field)> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_spans_equal_the_fold_source_spans() {
        for text in ["青岛  华大\n\n基因", "  a ㈱ b ﬁx ＢＧ１３６   ", "2 0 2 1 年", "", "全角　空格", "①②③ ⅷ"] {
            let n = normalize(text);
            let d = Doc::new(&n.origin, n.chars.clone(), n.source_len, Vec::new());
            for p in 0..=n.chars.len() {
                for len in 0..=n.chars.len() - p {
                    assert_eq!(d.span(p as u32, len as u32), n.source_span(p, p + len), "{text:?} {p} {len}");
                }
            }
        }
    }

    #[test]
    fn lookups_in_any_order_equal_a_binary_search() {
        let mut f = Found::empty(1);
        for d in (0..200).map(|d| d * 3 + 1) {
            f.push(d, 0);
        }
        let f = f.finish();
        let mut x = 99u32;
        let mut asks: Vec<u32> = (0..700).collect();
        asks.extend((0..700).rev());
        asks.extend((0..700).map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x % 700
        }));
        for doc in asks {
            assert_eq!(f.locate(doc), f.docs.binary_search(&doc), "{doc}");
        }
    }

    #[test]
    fn rank_order_is_tier_then_score_then_doc() {
        let scores = [1.5f32, -0.0, 0.0, -2.0, 1.5, f32::INFINITY, 7.25, 1e-30, 3.0, 3.0];
        let hits: Vec<Ranked> = scores
            .iter()
            .enumerate()
            .map(|(i, &score)| Ranked { doc: (i * 7919 % 1000) as u32, tier: (i % 4) as u8, score, ..Ranked::default() })
            .collect();
        let mut want: Vec<(u32, u8, f32)> = hits.iter().map(|h| (h.doc, h.tier, h.score)).collect();
        want.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)).then(a.0.cmp(&b.0)));
        let got: Vec<(u32, u8, f32)> = in_rank_order(hits).iter().map(|h| (h.doc, h.tier, h.score)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn walking_the_fields_equals_looking_each_up() {
        for fields in [
            vec![(0, 4, Field::Headline), (4, 9, Field::Kicker), (30, 33, Field::Kicker)],
            vec![(5, 8, Field::Headline), (2, 6, Field::Kicker)],
            vec![],
        ] {
            let d = Doc::new(&[], Vec::new(), 0, fields);
            let mut walk = d.fields();
            for p in [0, 1, 3, 4, 5, 8, 9, 10, 29, 30, 32, 33, 40] {
                assert_eq!(walk.at(p), d.field(p), "{p}");
            }
        }
    }


    #[test]
    fn merged_runs_equal_a_stable_sort() {
        let merged = |all: &[(u32, u32, u16)], runs: &[usize]| {
            let keys: Vec<(u64, u16)> = all.iter().map(|&(s, e, id)| (span_key(s, e), id)).collect();
            let mut out = Vec::new();
            merge_runs(&keys, runs, &mut Vec::new(), &mut |x| out.push(x));
            out
        };
        let all = vec![(0, 2, 0), (5, 7, 0), (9, 10, 0), (0, 4, 1), (5, 7, 1), (8, 9, 1), (5, 6, 2)];
        let mut want = all.clone();
        want.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        assert_eq!(merged(&all, &[0, 3, 6, 7]), want);
        // A run out of order falls back to the sort.
        let odd = vec![(3, 4, 0), (1, 2, 0), (0, 9, 1)];
        let mut want = odd.clone();
        want.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        assert_eq!(merged(&odd, &[0, 2, 3]), want);
    }
}
