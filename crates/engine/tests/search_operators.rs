//! Each operator of the query language, checked against naive scans of the
//! real corpus (so the expectations follow the corpus, not hard-coded ids).

mod search_support;

use search_support::{check_invariants, docs_with, engine, hit_docs};
use xunyue_engine::query::Notice;

fn sorted(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v.dedup();
    v
}

fn and(a: &[u32], b: &[u32]) -> Vec<u32> {
    a.iter().copied().filter(|d| b.contains(d)).collect()
}

fn not(a: &[u32], b: &[u32]) -> Vec<u32> {
    a.iter().copied().filter(|d| !b.contains(d)).collect()
}

#[test]
fn space_means_and() {
    let e = engine();
    let (a, b) = (docs_with("基因"), docs_with("细胞"));
    let both = and(&a, &b);
    assert!(!both.is_empty() && both.len() < a.len(), "corpus has 基因 with and without 细胞");
    let resp = e.search("基因 细胞");
    check_invariants(e, &resp);
    assert_eq!(hit_docs(&resp), both);
    assert!(!resp.partial);
    // Hits are the occurrences of both terms.
    let ids: Vec<&str> = resp.terms.iter().map(String::as_str).collect();
    assert!(ids.contains(&"基因") && ids.contains(&"细胞"));
    for h in &resp.hits {
        let labels: Vec<&str> = h.terms.iter().map(|&t| resp.terms[t as usize].as_str()).collect();
        assert!(labels.contains(&"基因") && labels.contains(&"细胞"), "doc {} shows both terms", h.doc);
    }
}

#[test]
fn quotes_force_the_phrase() {
    let e = engine();
    // A phrase with a space that occurs in the corpus, and its two words.
    let resp = e.search("\"CIMOS城市\"");
    check_invariants(e, &resp);
    assert_eq!(hit_docs(&resp), docs_with("cimos城市"));
    assert!(resp.hits.iter().all(|h| h.exact));
    // Quoted, a phrase is never split into words: only verbatim matches.
    let resp = e.search("\"青岛基因\"");
    assert_eq!(hit_docs(&resp), docs_with("青岛基因"));
    let loose = e.search("青岛基因");
    assert!(loose.hits.len() > resp.hits.len(), "unquoted, the words match too");
}

#[test]
fn minus_excludes() {
    let e = engine();
    let (a, b) = (docs_with("青岛"), docs_with("基因"));
    let want = not(&a, &b);
    assert!(!want.is_empty() && want.len() < a.len());
    let resp = e.search("青岛 -基因");
    check_invariants(e, &resp);
    assert_eq!(hit_docs(&resp), want);
    // Every positive term verbatim, none excluded: tier 2; not `exact`,
    // which is kept for the query as typed (Ctrl+F).
    assert!(resp.hits.iter().all(|h| !h.exact && h.tier == xunyue_engine::Tier::Terms));
}

#[test]
fn or_and_bar_accept_either() {
    let e = engine();
    let want = sorted([docs_with("til"), docs_with("驿站")].concat());
    for q in ["TIL OR 驿站", "TIL | 驿站", "TIL|驿站", "TIL ｜ 驿站"] {
        let resp = e.search(q);
        check_invariants(e, &resp);
        assert_eq!(hit_docs(&resp), want, "{q}");
    }
    // Lower-case `or` is a word to find, not an operator.
    assert_eq!(e.parse("TIL or 驿站").clauses.len(), 3);
}

#[test]
fn a_long_run_falls_back_to_its_words() {
    let e = engine();
    let q = "青岛华大";
    let phrase = docs_with("青岛华大");
    let words = and(&docs_with("青岛"), &docs_with("华大"));
    assert!(words.len() > phrase.len(), "some articles have 青岛 and 华大 apart");
    let resp = e.search(q);
    check_invariants(e, &resp);
    assert_eq!(hit_docs(&resp), words);
    let n_exact = resp.hits.iter().filter(|h| h.exact).count();
    assert_eq!(n_exact, phrase.len());
    assert!(resp.hits[..n_exact].iter().all(|h| h.exact), "phrase matches first");
    for h in &resp.hits[n_exact..] {
        let labels: Vec<&str> = h.terms.iter().map(|&t| resp.terms[t as usize].as_str()).collect();
        assert!(labels.contains(&"青岛") && labels.contains(&"华大"), "words are the hits");
    }
}

#[test]
fn punctuation_is_ignored_where_the_text_has_none() {
    let e = engine();
    let plain = docs_with("华大智造");
    assert!(!plain.is_empty() && docs_with("华大·智造").is_empty());
    let resp = e.search("华大·智造");
    check_invariants(e, &resp);
    assert_eq!(hit_docs(&resp), plain);
    assert!(resp.hits.iter().all(|h| !h.exact), "not verbatim, so not exact");
    // Where the text has the punctuation, it is matched verbatim, and those
    // articles come first, exact.
    let resp = e.search("华大，");
    let verbatim = docs_with("华大，");
    assert!(!verbatim.is_empty() && verbatim.len() < docs_with("华大").len());
    let exact: Vec<u32> = sorted(resp.hits.iter().filter(|h| h.exact).map(|h| h.doc).collect());
    assert_eq!(exact, verbatim);
    assert_eq!(hit_docs(&resp), docs_with("华大"));
}

#[test]
fn partial_results_when_nothing_has_every_term() {
    let e = engine();
    assert!(docs_with("区块链").is_empty());
    let resp = e.search("基因 区块链");
    check_invariants(e, &resp);
    assert!(resp.partial);
    assert!(resp.notices.contains(&Notice::Partial { best: 1, of: 2 }));
    assert_eq!(hit_docs(&resp), docs_with("基因"));
    let missing = resp.terms.iter().position(|t| t == "区块链").expect("label") as u16;
    assert!(resp.hits.iter().all(|h| h.missing == [missing] && !h.exact && h.tier == xunyue_engine::Tier::Partial));
    // A lone term that occurs nowhere: nothing, and a notice.
    let resp = e.search("区块链");
    assert!(resp.hits.is_empty() && !resp.partial);
    assert!(resp.notices.contains(&Notice::NoMatch));
}

#[test]
fn search_docs_is_the_hit_set() {
    let e = engine();
    for q in ["基因", "青岛华大", "青岛 -基因", "TIL OR 驿站", "基因 区块链", ""] {
        assert_eq!(e.search_docs(q), hit_docs(&e.search(q)), "{q}");
    }
}

#[test]
fn explain_reads_the_query_back() {
    let e = engine();
    let q = e.parse("青岛华大 -基因 TIL OR 驿站");
    assert_eq!(q.explain(), "“青岛华大” (or 青岛 · 华大) AND (“til” OR “驿站”) NOT “基因”");
    assert_eq!(e.search("青岛华大 -基因 TIL OR 驿站").explain, q.explain());
}
