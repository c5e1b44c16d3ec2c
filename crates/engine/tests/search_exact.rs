//! Exact recall: for substrings of the reflowed corpus, the engine's exact
//! results are what a naive scan (Ctrl+F over the folded text) finds, with
//! the same number of hits, and the substring's own article is among them.

mod search_support;

use proptest::prelude::*;
use search_support::{check_invariants, engine, exact, naive};
use std::path::PathBuf;
use xunyue_core::normalize::normalize_str;
use xunyue_ingest::reflow::{has_indent, join_onto, lines, squeeze_line};

/// Searches `q` and compares with the naive scan; returns whether it was found.
fn same_as_naive(q: &str) -> bool {
    let e = engine();
    let folded = normalize_str(q);
    let folded = folded.trim();
    let resp = e.search(q);
    check_invariants(e, &resp);
    let want = naive(folded);
    assert_eq!(exact(&resp), want, "exact results for {q:?} (folded {folded:?})");
    // Exact results come first.
    let first_inexact = resp.hits.iter().position(|h| !h.exact).unwrap_or(resp.hits.len());
    assert!(resp.hits[first_inexact..].iter().all(|h| !h.exact), "exact results first for {q:?}");
    !want.is_empty()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn substrings_of_articles_are_found_exactly(
        doc_pick in 0.0f64..1.0,
        start_pick in 0.0f64..1.0,
        len in 1usize..24,
    ) {
        let e = engine();
        let n = e.articles().len();
        prop_assume!(n > 0);
        let doc = ((doc_pick * n as f64) as usize).min(n - 1) as u32;
        let text = e.text(doc);
        prop_assume!(!text.is_empty());
        let start = ((start_pick * text.len() as f64) as usize).min(text.len() - 1);
        let q: String = text[start..(start + len).min(text.len())].iter().collect();
        prop_assume!(!normalize_str(&q).trim().is_empty());
        let found = same_as_naive(&q);
        prop_assert!(found, "{q:?} is in article {doc} but was not found");
        let resp = e.search(&q);
        prop_assert!(resp.hits.iter().any(|h| h.doc == doc && h.exact));
    }
}

fn seed_pages() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

/// Queries made of the end of one raw line and the start of the next, where
/// the OCR broke a paragraph: found like any other text.
#[test]
fn text_across_raw_line_breaks_is_found() {
    let mut tried = 0;
    let mut found = 0;
    for page in seed_pages() {
        let ls = lines(&page);
        for w in ls.windows(2) {
            let (a, b) = (squeeze_line(w[0]), squeeze_line(w[1]));
            if a.is_empty() || b.is_empty() || has_indent(w[1]) {
                continue;
            }
            let ac: Vec<char> = a.chars().collect();
            let bc: Vec<char> = b.chars().collect();
            let k = 3.min(ac.len());
            let j = 3.min(bc.len());
            let mut q: String = ac[ac.len() - k..].iter().collect();
            join_onto(&mut q, &bc[..j].iter().collect::<String>());
            tried += 1;
            if same_as_naive(&q) {
                found += 1;
            }
        }
    }
    eprintln!("straddling queries: {found} of {tried} found");
    assert!(tried > 100, "the seeds have line breaks inside paragraphs ({tried})");
    // Breaks next to headlines and captions end a block; the rest must be found.
    assert!(found * 10 >= tried * 8, "only {found} of {tried} straddling queries found");
}

#[test]
fn every_exact_hit_is_the_query_folded() {
    let e = engine();
    for q in ["基因", "青岛华大", "BG136", "COP15", "，", "2021", "TIL细胞"] {
        let resp = e.search(q);
        let folded = normalize_str(q);
        for h in resp.hits.iter().filter(|h| h.exact) {
            let text = e.text(h.doc);
            for &(s, t) in &h.spans {
                let piece: String = text[s as usize..t as usize].iter().collect();
                assert_eq!(normalize_str(&piece), folded, "span of {q:?} in doc {}", h.doc);
            }
        }
    }
}

/// Corpus text that looks like operators (`-` after a break, as in a list
/// item) is still found exactly, and operators never add exact results
/// (regression: `10项\n-成功引进…` once marked an article without it exact).
#[test]
fn text_that_looks_like_operators_is_found_exactly() {
    let e = engine();
    let mut tried = 0;
    for d in 0..e.articles().len() as u32 {
        let t = e.text(d);
        for (i, &c) in t.iter().enumerate() {
            if matches!(c, '-' | '|' | '"') && i >= 4 {
                let q: String = t[i - 4..(i + 6).min(t.len())].iter().collect();
                tried += 1;
                assert!(same_as_naive(&q), "{q:?}");
            }
        }
    }
    assert!(tried > 0, "the corpus has a `-`");
    assert!(same_as_naive("10项\n-成功引进和培育创新型企业") || naive(&normalize_str("10项\n-成功引进")).is_empty());
}

/// A lone `-` after a phrase is no operator, but it is part of what was
/// typed: the exact hits are the phrase followed by it (regression: every
/// occurrence of the phrase counted as exact).
#[test]
fn a_dropped_dash_still_counts_for_exactness() {
    let phrase = "提升创新策源能力是基础环节";
    let q = format!("{phrase}\n-");
    let with_dash = naive(normalize_str(&q).trim()).values().sum::<usize>();
    let without = naive(phrase).values().sum::<usize>();
    assert!(with_dash >= 1 && without > with_dash, "the seeds hold the phrase with and without the dash");
    assert!(same_as_naive(&q), "{q:?} is found");
}
