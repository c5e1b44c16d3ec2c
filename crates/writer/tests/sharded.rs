//! The sharded archive answers every query exactly as the embedded bundle
//! does (same hits, counts, spans, scores, snippets), whatever the shard
//! sizes, reading only what it asks for; and both equal a naive scan.

mod support;

use proptest::prelude::*;
use std::collections::BTreeMap;
use support::*;
use xunyue_core::normalize::normalize_str;
use xunyue_engine::{Engine, SearchResponse, Show};
use xunyue_writer::archive::ShardSizes;

/// The queries both shapes are compared on: the CLI mix and the kinds of
/// the benchmark mix.
const QUERIES: &[&str] = &[
    "青岛华大", "华大", "基因", "细胞 OR 干细胞", "\"基因 细胞\"", "-转基因", "华大 -华大智造", "BG136", "ＢＧ１３６",
    "華大", "2021", "R&D", "量子计算机", "青岛的基因", "TIL细胞", "5.4个百分点", "刘腾", "a", "的", "，", "DNA",
    "基因 细胞", "华大·智造", "-马铃薯", "马铃薯", "青岛 | 上海", "2 0 2 1", "\"青岛", "OR", "本报记者", "哈哈",
    "基因 因", "因 基因组", "国 中国", "发展", "科技 发展", "中国 的", "海洋", "产业", "年",
];

fn same(a: &SearchResponse, b: &SearchResponse, q: &str) {
    assert_eq!(a.notices, b.notices, "{q}: notices");
    assert_eq!(a.partial, b.partial, "{q}: partial");
    assert_eq!(a.terms, b.terms, "{q}: terms");
    assert_eq!(a.explain, b.explain, "{q}: explain");
    assert_eq!(a.hits.len(), b.hits.len(), "{q}: results");
    for (x, y) in a.hits.iter().zip(&b.hits) {
        assert_eq!((x.doc, x.tier, x.hits, x.exact_hits, x.exact), (y.doc, y.tier, y.hits, y.exact_hits, y.exact), "{q}");
        assert_eq!(x.score.to_bits(), y.score.to_bits(), "{q}: score of {}", x.doc);
        assert_eq!((&x.spans, &x.terms, &x.missing), (&y.spans, &y.terms, &y.missing), "{q}: spans of {}", x.doc);
        assert_eq!(x.snippet, y.snippet, "{q}: snippet of {}", x.doc);
    }
}

/// Ctrl+F over the folded articles: doc → non-overlapping occurrences.
fn naive(folded: &[String], folded_q: &str) -> BTreeMap<u32, u32> {
    let mut out = BTreeMap::new();
    if folded_q.is_empty() {
        return out;
    }
    for (d, t) in folded.iter().enumerate() {
        let n = t.matches(folded_q).count() as u32;
        if n > 0 {
            out.insert(d as u32, n);
        }
    }
    out
}

fn folded_texts(e: &Engine) -> Vec<String> {
    (0..e.article_count()).map(|d| normalize_str(&e.text(d).iter().collect::<String>())).collect()
}

fn exact(r: &SearchResponse) -> BTreeMap<u32, u32> {
    r.hits.iter().filter(|h| h.exact).map(|h| (h.doc, h.hits)).collect()
}

thread_local! {
    static SEEDS: (Engine, ShardedEngine, ShardedEngine, Vec<String>) = {
        let b = seeds_bundle();
        let embedded = Engine::from_bundle(b.clone()).expect("loads");
        let s1 = sharded_engine(&files(&b, ShardSizes::default())).0;
        let s2 = sharded_engine(&files(&b, tiny())).0;
        let f = folded_texts(&embedded);
        (embedded, s1, s2, f)
    };
    static SYNTH: (Engine, ShardedEngine, Vec<xunyue_writer::archive::File>, Vec<String>) = {
        let b = synth_bundle(240);
        let embedded = Engine::from_bundle(b.clone()).expect("loads");
        let f = files(&b, tiny());
        let s = sharded_engine(&f).0;
        let t = folded_texts(&embedded);
        (embedded, s, f, t)
    };
}

#[test]
fn seeds_answer_alike_in_both_shapes() {
    SEEDS.with(|(e, s1, s2, _)| {
        for q in QUERIES {
            let want = e.search(q);
            same(&want, &s1.search(q), q);
            same(&want, &s2.search(q), q);
            assert_eq!(e.search_docs(q), s2.search_docs(q), "{q}: facet docs");
        }
    });
}

#[test]
fn a_synthetic_archive_answers_alike_in_both_shapes() {
    SYNTH.with(|(e, s, _, _)| {
        let mut qs: Vec<String> = QUERIES.iter().map(|q| q.to_string()).collect();
        // Words and phrases of its own texts, of every length.
        for d in (0..e.article_count()).step_by(7) {
            let t = e.text(d);
            for (start, len) in [(5usize, 1usize), (20, 2), (40, 3), (60, 4), (80, 6), (100, 9)] {
                if start + len <= t.len() {
                    qs.push(t[start..start + len].iter().collect());
                }
            }
        }
        for q in &qs {
            same(&e.search(q), &s.search(q), q);
        }
    });
}

#[test]
fn files_load_as_the_search_asks_in_a_few_rounds() {
    SYNTH.with(|(e, _, files, _)| {
        for q in ["海洋", "发展 科技", "的", "中国人民", "量子计算机", "a", "2021年", "-的"] {
            let want = e.try_search(q, Show::First(10)).expect("embedded");
            let (got, rounds) = search_loading(files, q, Show::First(10));
            same(&want, &got, q);
            assert!(rounds <= 4, "{q}: {rounds} rounds (root, segmentation, postings, texts)");
        }
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn substrings_are_found_exactly_in_both_shapes(doc_pick in 0.0f64..1.0, start_pick in 0.0f64..1.0, len in 1usize..16, synth in any::<bool>()) {
        let check = |e: &Engine, s: &ShardedEngine, folded: &[String]| {
            let n = e.article_count();
            let doc = ((doc_pick * n as f64) as u32).min(n - 1);
            let t = e.text(doc);
            if t.is_empty() {
                return;
            }
            let start = ((start_pick * t.len() as f64) as usize).min(t.len() - 1);
            let q: String = t[start..(start + len).min(t.len())].iter().collect();
            let folded_all = folded;
            let folded = normalize_str(&q);
            let folded = folded.trim();
            if folded.is_empty() {
                return;
            }
            let a = e.search(&q);
            let b = s.search(&q);
            same(&a, &b, &q);
            assert_eq!(exact(&b), naive(folded_all, folded), "{q:?}: exact results are Ctrl+F's");
        };
        if synth {
            SYNTH.with(|(e, s, _, f)| check(e, s, f));
        } else {
            SEEDS.with(|(e, _, s, f)| check(e, s, f));
        }
    }
}

/// What saving the archive for offline use downloads is every file the
/// build wrote, and the root says how many bytes that is.
#[test]
fn the_root_lists_every_file_and_their_bytes() {
    let files = files(&seeds_bundle(), tiny());
    let (_, s) = sharded_engine(&files);
    let mut listed = s.all_files();
    let mut written: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    listed.sort();
    written.sort();
    assert_eq!(listed, written);
    let stored: u64 = files.iter().filter(|f| f.path != "root.bin").map(|f| f.gz.len() as u64).sum();
    assert_eq!(s.root.stored, stored);
    assert!(stored > 0);
}

#[test]
fn facet_files_give_each_article_its_values_ids_and_authors_among_them() {
    let bundle = seeds_bundle();
    let files = files(&bundle, tiny());
    let (_, s) = sharded_engine(&files);
    let engine = Engine::from_bundle(bundle).expect("bundle");
    let values = |kind: &str| {
        let f = s.facet(kind).expect("loaded").expect("the archive has it");
        f.docs.iter().map(|ids| ids.iter().map(|&v| f.values[v as usize].clone()).collect::<Vec<_>>()).collect::<Vec<_>>()
    };
    let ids = values("id");
    let authors = values("author");
    let orgs = values("org");
    assert_eq!(ids.len(), engine.articles().len());
    for (d, a) in engine.articles().iter().enumerate() {
        assert_eq!(ids[d], vec![a.id.clone()], "article {d}");
        let want: Vec<String> = a.authors.iter().filter(|s| !s.is_empty()).cloned().collect();
        assert_eq!(authors[d], want, "article {d}");
        assert_eq!(orgs[d], engine.analysis().articles[d].organizations, "article {d}");
    }
    assert!(authors.iter().any(|a| !a.is_empty()), "the seeds have bylines");
}

#[test]
fn hits_materialized_by_article_equal_the_full_search() {
    SYNTH.with(|(e, s, _, _)| {
        for q in ["海洋", "发展 科技", "的", "中国人民"] {
            let full = e.search(q);
            let mut r = s.try_rank(q).expect("loaded");
            // The articles a view shows, in its own order (e.g. by date): every third hit, last first.
            let docs: Vec<u32> = full.hits.iter().step_by(3).map(|h| h.doc).rev().collect();
            s.materialize_docs(&mut r, &docs).expect("loaded");
            for h in &r.hits {
                let want = full.hits.iter().find(|w| w.doc == h.doc).expect("same articles");
                assert_eq!(h.materialized, docs.contains(&h.doc), "{q}: doc {}", h.doc);
                if h.materialized {
                    assert_eq!((&h.spans, h.hits, &h.terms), (&want.spans, want.hits, &want.terms), "{q}: doc {}", h.doc);
                    // A view's page has a snippet for every hit; the full search for its first ones.
                    assert!(!h.snippet.text.is_empty(), "{q}: doc {}", h.doc);
                    if !want.snippet.text.is_empty() {
                        assert_eq!(h.snippet, want.snippet, "{q}: doc {}", h.doc);
                    }
                }
            }
        }
    });
}
