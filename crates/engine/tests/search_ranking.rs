//! Ranking with judged expectations: on small hand-made corpora where the
//! right order is clear, and on the real corpus where a reader would judge
//! the articles with the term in their headline to be the ones about it.

mod search_support;

use search_support::engine;
use xunyue_core::model::{Analysis, ArticleAnalysis, VocabWord};
use xunyue_core::normalize::normalize;
use xunyue_core::segment::Segmenter;
use xunyue_core::{Article, Block, BlockKind, Corpus};
use xunyue_engine::Engine;
use xunyue_format::bundle::Bundle;

fn article(n: usize, headline: &str, body: &str) -> Article {
    let block = |kind, text: &str| Block { kind, text: text.to_string(), line: 1 };
    Article {
        id: format!("t#{n}"),
        page: "t".into(),
        title: headline.into(),
        blocks: vec![block(BlockKind::Headline, headline), block(BlockKind::Paragraph, body)],
        ..Article::default()
    }
}

const VOCAB: &[&str] = &[
    "转基因", "基因", "作物", "品种", "检测", "服务", "青岛", "华大", "公司", "产业", "发展", "新闻", "城市", "今天", "天气",
];

fn build(articles: Vec<Article>, with_words: bool) -> Engine {
    let vocab: Vec<VocabWord> = VOCAB.iter().map(|w| VocabWord { word: w.to_string(), freq: 1000 }).collect();
    let docs: Vec<Vec<char>> = articles.iter().map(|a| normalize(&a.text()).chars).collect();
    let seg = Segmenter::from_vocab(&vocab);
    let boundaries = if with_words { docs.iter().flat_map(|d| seg.boundaries(d)).collect() } else { Vec::new() };
    let bundle = Bundle {
        analysis: Analysis { vocab, articles: vec![ArticleAnalysis::default(); articles.len()] },
        corpus: Corpus { pages: Vec::new(), articles },
        boundaries,
        fold: Default::default(),
    };
    Engine::from_bundle(bundle).expect("test bundle loads")
}

fn order(e: &Engine, q: &str) -> Vec<String> {
    e.search(q).hits.iter().map(|h| e.article(h.doc).map(|a| a.id.clone()).unwrap_or_default()).collect()
}

/// Filler so that the articles have equal length and no other term.
fn pad(s: &str, to: usize) -> String {
    let mut s = s.to_string();
    while s.chars().count() < to {
        s.push_str("今天天气。");
    }
    s
}

#[test]
fn a_word_ranks_above_the_same_characters_inside_another_word() {
    let about = article(1, "新闻", &pad("基因检测服务。", 60));
    let inside = article(2, "新闻", &pad("转基因作物。转基因品种。转基因作物。", 60));
    let e = build(vec![inside.clone(), about.clone()], true);
    assert_eq!(order(&e, "基因"), ["t#1", "t#2"], "the article about 基因 first");
    // Measured, not assumed: without word boundaries the order flips,
    // because the other article has three occurrences to one.
    let e = build(vec![inside, about], false);
    assert_eq!(order(&e, "基因"), ["t#2", "t#1"]);
}

#[test]
fn headline_ranks_above_body() {
    let head = article(1, "基因", &pad("城市新闻。", 60));
    let body = article(2, "新闻", &pad("基因。城市基因。", 60));
    let e = build(vec![body, head], true);
    assert_eq!(order(&e, "基因"), ["t#1", "t#2"]);
}

#[test]
fn exact_phrase_ranks_above_all_words() {
    let phrase = article(1, "新闻", &pad("青岛华大。", 80));
    let words = article(2, "新闻", &pad("青岛公司，华大公司。青岛产业，华大发展。青岛，华大。", 80));
    let e = build(vec![words, phrase], true);
    let resp = e.search("青岛华大");
    assert_eq!(order(&e, "青岛华大"), ["t#1", "t#2"]);
    assert!(resp.hits[0].exact && !resp.hits[1].exact);
    assert!(resp.hits[1].spans.len() > resp.hits[0].spans.len(), "more hits, still second");
}

#[test]
fn close_terms_rank_above_distant_ones() {
    let near = article(1, "新闻", &pad("青岛的华大公司。", 100));
    let far = article(2, "新闻", &pad(&format!("青岛公司。{}华大发展。", "今天天气。".repeat(12)), 100));
    let e = build(vec![far, near], true);
    assert_eq!(order(&e, "青岛 华大"), ["t#1", "t#2"]);
}

#[test]
fn more_occurrences_rank_higher_with_diminishing_returns() {
    let one = article(1, "新闻", &pad("产业。", 60));
    let three = article(2, "新闻", &pad("产业。产业发展。产业。", 60));
    let e = build(vec![one, three], true);
    assert_eq!(order(&e, "产业"), ["t#2", "t#1"]);
    let r = e.search("产业");
    assert!(r.hits[0].score < 3.0 * r.hits[1].score, "BM25 saturates");
}

/// Real corpus: for a term some headlines carry, a reader judges those
/// articles to be about it; they rank above articles that only mention it.
#[test]
fn real_corpus_articles_about_a_term_rank_first() {
    let e = engine();
    let mut checked = 0;
    for q in ["基因", "细胞", "高新区", "驿站", "自贸片区", "华大"] {
        let about: Vec<u32> = (0..e.articles().len() as u32)
            .filter(|&d| e.article(d).is_some_and(|a| a.title.contains(q) && !a.title_inferred))
            .collect();
        let resp = e.search(q);
        if about.is_empty() || about.len() == resp.hits.len() {
            continue;
        }
        checked += 1;
        let mut top: Vec<u32> = resp.hits[..about.len()].iter().map(|h| h.doc).collect();
        top.sort_unstable();
        assert_eq!(top, about, "{q}: the articles with {q} in the headline first");
    }
    assert!(checked >= 2, "the corpus has terms in some headlines and not others");
}
