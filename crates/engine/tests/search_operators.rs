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

/// A query of exclusions only lists every article without them, with no
/// hits marked (regression: `-马铃薯` once listed the articles about 马铃薯).
#[test]
fn exclusions_alone_list_every_article_without_them() {
    let e = engine();
    let all: Vec<u32> = (0..e.articles().len() as u32).collect();
    for (q, excluded) in [("-马铃薯", vec!["马铃薯"]), ("-华大", vec!["华大"]), ("-\"华大\"", vec!["华大"]), ("-华大 -基因", vec!["华大", "基因"])] {
        let mut want = all.clone();
        for x in &excluded {
            let with = docs_with(x);
            assert!(!with.is_empty(), "the corpus has {x}");
            want = not(&want, &with);
        }
        assert!(docs_with(q).is_empty(), "no article holds {q} as typed");
        let resp = e.search(q);
        check_invariants(e, &resp);
        assert_eq!(hit_docs(&resp), want, "{q}");
        assert!(resp.hits.iter().all(|h| h.spans.is_empty() && !h.exact), "{q}: nothing to mark");
        assert!(resp.notices.contains(&Notice::OnlyExcluded), "{q}: {:?}", resp.notices);
        assert_eq!(e.search_docs(q), want, "{q}: facet counts see the same articles");
    }
}

/// One or two Latin letters split out of a query do not match inside words:
/// `R&D` marks only `R&D` (regression: it marked the D of DNA, the R of RNA).
#[test]
fn short_latin_fragments_do_not_match_inside_words() {
    let e = engine();
    for q in ["R&D", "r&d", "5G网络", "A股"] {
        let folded = xunyue_core::normalize::normalize_str(q);
        let resp = e.search(q);
        check_invariants(e, &resp);
        assert_eq!(hit_docs(&resp), docs_with(q), "{q}: only where it is verbatim");
        for h in &resp.hits {
            let text = e.text(h.doc);
            for &(s, t) in &h.spans {
                let piece: String = text[s as usize..t as usize].iter().collect();
                assert_eq!(xunyue_core::normalize::normalize_str(&piece), folded, "{q}: span {piece:?}");
            }
        }
    }
}

/// Exact hits and hits found apart are counted apart: the exact ones are
/// Ctrl+F's count of the query, over every result.
#[test]
fn exact_hits_are_counted_apart() {
    let e = engine();
    for q in ["青岛华大", "基因 细胞", "华大基因"] {
        let resp = e.search(q);
        let folded = xunyue_core::normalize::normalize_str(q);
        let want: usize = search_support::naive(folded.trim()).values().sum();
        assert_eq!(resp.exact_hits(), want, "{q}");
        for h in &resp.hits {
            assert_eq!(h.exact_hits as usize, if h.exact { h.spans.len() } else { 0 }, "{q}");
        }
    }
    let resp = e.search("青岛华大");
    assert!(resp.total_hits() > resp.exact_hits(), "青岛华大 is also found as 青岛 … 华大");
}

/// An exclusion-only query whose text, dash and all, is in an article (a list
/// item `-提升…`): that article is an exact hit, first, as Ctrl+F finds it;
/// the articles without the excluded term follow.
#[test]
fn exclusion_text_typed_verbatim_is_still_found() {
    let e = engine();
    let t: Vec<(u32, usize)> = (0..e.articles().len() as u32)
        .flat_map(|d| e.text(d).iter().enumerate().filter(|&(_, &c)| c == '-').map(move |(i, _)| (d, i)).collect::<Vec<_>>())
        .collect();
    let Some(&(d, i)) = t.iter().find(|&&(d, i)| e.text(d).get(i + 1).is_some_and(|c| !c.is_whitespace() && *c != '-')) else {
        panic!("the corpus has a dash before text");
    };
    let q: String = e.text(d)[i..(i + 5).min(e.text(d).len())].iter().collect();
    let resp = e.search(&q);
    check_invariants(e, &resp);
    let exact: Vec<u32> = sorted(resp.hits.iter().filter(|h| h.exact).map(|h| h.doc).collect());
    assert_eq!(exact, docs_with(&q), "{q}");
    assert!(resp.hits[0].exact, "{q}: the verbatim hit comes first");
    let rest: Vec<u32> = sorted(resp.hits.iter().filter(|h| !h.exact).map(|h| h.doc).collect());
    let without = not(&(0..e.articles().len() as u32).collect::<Vec<_>>(), &docs_with(&q[1..]));
    assert_eq!(rest, without, "{q}");
}
