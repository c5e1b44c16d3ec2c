//! What a search answers: the hits in result order with their spans and
//! snippets, and what the reader should be told.

use super::matching::Tier;
use crate::query::Notice;
use crate::snippet::Snippet;
use serde::{Deserialize, Serialize};

/// One article that matches a query.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Position of the article in [`xunyue_core::Corpus::articles`].
    pub doc: u32,
    /// True when the article contains the query exactly (tier [`Tier::Exact`]).
    pub exact: bool,
    /// Hit spans: char offsets into [`xunyue_core::Article::text`], sorted, not overlapping.
    pub spans: Vec<(u32, u32)>,
    /// How many of the spans are the query as typed (Ctrl+F's hits): all of
    /// them in an exact hit, none otherwise (words or terms apart, partial).
    pub exact_hits: u32,
    pub score: f32,
    /// Made for the first [`SNIPPET_HITS`] hits; empty after them (make it
    /// with [`Engine::snippet_for`] when showing them).
    pub snippet: Snippet,
    /// `terms[i]` is the index in [`SearchResponse::terms`] of what `spans[i]` matched.
    pub terms: Vec<u16>,
    /// Ranking tier (see [`crate::rank`]).
    pub tier: Tier,
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

    /// Hits that are the query as typed, over every result.
    pub fn exact_hits(&self) -> usize {
        self.hits.iter().map(|h| h.exact_hits as usize).sum()
    }
}

/// How many hits of a response get their snippet made by the search itself.
pub const SNIPPET_HITS: usize = 50;
