//! Query → ranked results with hit spans and snippets.

use crate::blob::{Blob, BlobError};
use crate::index::Index;
use crate::model::{Analysis, Article, Corpus};
use crate::normalize::{normalize, Normalized};
use crate::snippet::{snippet, Snippet};
use serde::{Deserialize, Serialize};

/// One article that matches a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Position of the article in [`Corpus::articles`].
    pub doc: u32,
    /// True when the article contains the query exactly.
    pub exact: bool,
    /// Hit spans: char offsets into [`Article::text`], sorted.
    pub spans: Vec<(u32, u32)>,
    pub score: f32,
    pub snippet: Snippet,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SearchResponse {
    pub query: String,
    pub hits: Vec<SearchHit>,
}

impl SearchResponse {
    pub fn total_hits(&self) -> usize {
        self.hits.iter().map(|h| h.spans.len()).sum()
    }
}

/// A loaded corpus, ready to answer queries.
pub struct Engine {
    pub corpus: Corpus,
    pub analysis: Analysis,
    index: Index,
    /// Per article: its text as chars, and that text normalized.
    texts: Vec<Vec<char>>,
    norm: Vec<NormDoc>,
}

struct NormDoc {
    n: Normalized,
    s: String,
}

impl Engine {
    pub fn from_bytes(bytes: &[u8]) -> Result<Engine, BlobError> {
        Engine::from_blob(Blob::from_bytes(bytes)?)
    }

    pub fn from_blob(blob: Blob) -> Result<Engine, BlobError> {
        let index = Index::load(blob.index).ok_or(BlobError::Index)?;
        let mut texts = Vec::with_capacity(blob.corpus.articles.len());
        let mut norm = Vec::with_capacity(blob.corpus.articles.len());
        for a in &blob.corpus.articles {
            let t = a.text();
            let n = normalize(&t);
            texts.push(t.chars().collect());
            norm.push(NormDoc { s: n.as_string(), n });
        }
        Ok(Engine { corpus: blob.corpus, analysis: blob.analysis, index, texts, norm })
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

    /// Every occurrence of `needle` (normalized) in doc, as spans of the
    /// article text, left to right, not overlapping.
    pub fn occurrences(&self, doc: u32, needle: &str) -> Vec<(u32, u32)> {
        let Some(d) = self.norm.get(doc as usize) else {
            return Vec::new();
        };
        let needle_chars = needle.chars().count();
        let mut out = Vec::new();
        let mut char_at = 0usize;
        let mut byte_at = 0usize;
        for (b, _) in d.s.match_indices(needle) {
            char_at += d.s[byte_at..b].chars().count();
            byte_at = b;
            out.push(d.n.source_span(char_at, char_at + needle_chars));
        }
        out
    }

    /// Exact substring search for the whole query.
    pub fn search(&self, query: &str) -> SearchResponse {
        let q = normalize(query).as_string().trim().to_string();
        let mut resp = SearchResponse { query: query.to_string(), hits: Vec::new() };
        if q.is_empty() {
            return resp;
        }
        let qc: Vec<char> = q.chars().collect();
        let candidates: Vec<u32> = match self.index.candidates(&qc) {
            Some(c) => c,
            None => (0..self.norm.len() as u32).collect(),
        };
        for doc in candidates {
            let spans = self.occurrences(doc, &q);
            if spans.is_empty() {
                continue;
            }
            let snippet = snippet(self.text(doc), &spans);
            resp.hits.push(SearchHit { doc, exact: true, score: spans.len() as f32, spans, snippet });
        }
        resp.hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc)));
        resp
    }
}
