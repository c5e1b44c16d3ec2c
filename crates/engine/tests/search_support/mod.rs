//! Shared by the search tests: the real corpus (the blob embedded by
//! `xunyue-corpus`) and a naive scan to compare the engine with.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::OnceLock;
use xunyue_core::normalize::normalize_str;
use xunyue_engine::{Engine, SearchResponse};

thread_local! {
    /// The engine (single-threaded: it caches what it reads) over the
    /// embedded corpus, loaded once per test thread.
    static E: &'static Engine = Box::leak(Box::new(Engine::from_bytes(xunyue_corpus::BLOB).expect("embedded blob loads")));
}

/// The engine over the embedded corpus.
pub fn engine() -> &'static Engine {
    E.with(|e| *e)
}

/// Folded text of every article, loaded once.
pub fn folded() -> &'static [String] {
    static F: OnceLock<Vec<String>> = OnceLock::new();
    F.get_or_init(|| {
        let e = Engine::from_bytes(xunyue_corpus::BLOB).expect("embedded blob loads");
        e.articles().iter().map(|a| normalize_str(&a.text())).collect()
    })
}

/// Ctrl+F over the folded articles: doc → number of non-overlapping occurrences.
pub fn naive(folded_query: &str) -> BTreeMap<u32, usize> {
    if folded_query.is_empty() {
        return BTreeMap::new();
    }
    folded()
        .iter()
        .enumerate()
        .filter_map(|(d, t)| {
            let n = t.matches(folded_query).count();
            (n > 0).then_some((d as u32, n))
        })
        .collect()
}

/// Docs containing the needle (folded here).
pub fn docs_with(needle: &str) -> Vec<u32> {
    naive(&normalize_str(needle)).into_keys().collect()
}

/// The engine's exact results: doc → hits.
pub fn exact(resp: &SearchResponse) -> BTreeMap<u32, usize> {
    resp.hits.iter().filter(|h| h.exact).map(|h| (h.doc, h.spans.len())).collect()
}

/// Doc ids of all hits, sorted.
pub fn hit_docs(resp: &SearchResponse) -> Vec<u32> {
    let mut d: Vec<u32> = resp.hits.iter().map(|h| h.doc).collect();
    d.sort_unstable();
    d
}

/// Checks what must hold for any response: spans inside the text, sorted,
/// not overlapping, one term id each; snippet highlights inside the snippet.
pub fn check_invariants(e: &Engine, resp: &SearchResponse) {
    for h in &resp.hits {
        let len = e.text(h.doc).len() as u32;
        assert_eq!(h.spans.len(), h.terms.len(), "one term id per span");
        assert!(h.materialized, "the search materializes every hit");
        assert_eq!(h.hits as usize, h.spans.len(), "the count from the postings is the spans' count");
        let mut end = 0;
        for &(s, t) in &h.spans {
            assert!(s < t && t <= len, "span {s}..{t} outside text of {len} chars");
            assert!(s >= end, "spans overlap or are unsorted");
            end = t;
        }
        for &t in h.terms.iter().chain(&h.missing) {
            assert!((t as usize) < resp.terms.len(), "term id {t} has no label");
        }
        let n = h.snippet.text.chars().count() as u32;
        for &(s, t) in &h.snippet.highlights {
            assert!(s < t && t <= n, "highlight {s}..{t} outside snippet of {n} chars");
        }
        assert!(h.score.is_finite());
    }
}
