//! Every occurrence of every short substring, on small texts where folding
//! changes lengths (spaces collapse, `㈱` and `ﬁ` expand, full-width folds)
//! and a character repeats (overlaps): the engine's occurrences and exact
//! hits equal a naive left-to-right scan of the folded text, mapped back to
//! the text by the fold's own `source_span`.

use std::collections::BTreeMap;
use xunyue_core::model::{Analysis, ArticleAnalysis, VocabWord};
use xunyue_core::normalize::{normalize, Normalized};
use xunyue_core::segment::Segmenter;
use xunyue_core::{Article, Block, BlockKind, Corpus};
use xunyue_engine::Engine;
use xunyue_format::bundle::Bundle;

const TEXTS: &[&str] = &[
    "哈哈哈哈 ㈱华大 ﬁnal 哈",
    "2 0 2 1 年  青岛\n\n华大哈哈",
    "ＢＧ１３６  bg136 华大",
    "哈",
    "a  a  aa aaa",
    "华大",
];

fn engine() -> (Engine, Vec<Normalized>) {
    let articles: Vec<Article> = TEXTS
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let block = |kind, text: &str| Block { kind, text: text.to_string(), line: 1 };
            Article {
                id: format!("t#{i}"),
                page: "t".into(),
                title: "标题华大".into(),
                blocks: vec![block(BlockKind::Headline, "标题华大"), block(BlockKind::Paragraph, t)],
                ..Article::default()
            }
        })
        .collect();
    let folded: Vec<Normalized> = articles.iter().map(|a| normalize(&a.text())).collect();
    let docs: Vec<Vec<char>> = folded.iter().map(|n| n.chars.clone()).collect();
    let vocab = vec![VocabWord { word: "华大".into(), freq: 1000 }, VocabWord { word: "青岛".into(), freq: 1000 }];
    let seg = Segmenter::from_vocab(&vocab);
    let bundle = Bundle {
        analysis: Analysis { vocab: vocab.clone(), articles: vec![ArticleAnalysis::default(); articles.len()] },
        corpus: Corpus { pages: Vec::new(), articles },
        boundaries: docs.iter().flat_map(|d| seg.boundaries(d)).collect(),
        fold: Default::default(),
    };
    (Engine::from_bytes(&bundle.encode()).expect("test bundle loads"), folded)
}

/// Non-overlapping occurrences of `q` in the folded text, left to right, as
/// text spans.
fn naive(n: &Normalized, q: &[char]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let mut p = 0;
    while p + q.len() <= n.chars.len() {
        if n.chars[p..p + q.len()] == *q {
            out.push(n.source_span(p, p + q.len()));
            p += q.len();
        } else {
            p += 1;
        }
    }
    out
}

#[test]
fn every_short_substring_is_found_everywhere() {
    let (e, folded) = engine();
    let mut tried = 0;
    for n in &folded {
        for len in 1..=4 {
            for start in 0..=n.chars.len().saturating_sub(len) {
                let q = &n.chars[start..start + len];
                if q.iter().any(|c| c.is_whitespace() || matches!(c, '"' | '-' | '|')) {
                    continue;
                }
                let text: String = q.iter().collect();
                let want: BTreeMap<u32, Vec<(u32, u32)>> = folded
                    .iter()
                    .enumerate()
                    .map(|(d, n)| (d as u32, naive(n, q)))
                    .filter(|(_, s)| !s.is_empty())
                    .collect();
                for d in 0..folded.len() as u32 {
                    let got = e.occurrences(d, &text);
                    assert_eq!(got, want.get(&d).cloned().unwrap_or_default(), "{text:?} in doc {d}");
                }
                let exact: BTreeMap<u32, Vec<(u32, u32)>> =
                    e.search(&text).hits.into_iter().filter(|h| h.exact).map(|h| (h.doc, h.spans)).collect();
                assert_eq!(exact, want, "exact hits of {text:?}");
                tried += 1;
            }
        }
    }
    assert!(tried > 100, "{tried}");
}

#[test]
fn facet_docs_are_the_hit_docs() {
    let (e, _) = engine();
    for q in ["哈", "华大", "哈哈", "a", "aa", "2021", "bg136", "华大 -哈", "青岛 OR a", "青岛华大", "区块链 华大"] {
        let mut docs: Vec<u32> = e.search(q).hits.iter().map(|h| h.doc).collect();
        docs.sort_unstable();
        assert_eq!(e.search_docs(q), docs, "{q}");
    }
}
