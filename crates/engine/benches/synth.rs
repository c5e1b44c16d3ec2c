//! The query mix and the synthetic corpus of the search benchmarks, shared
//! by the native bench (`benches/search.rs`) and the wasm one
//! (`bench/engine-wasm`, which includes this file with `#[path]`).

use xunyue_core::model::{Analysis, ArticleAnalysis};
use xunyue_core::segment::Segmenter;
use xunyue_core::{Article, BlockKind, Corpus};
use xunyue_format::bundle::Bundle;

/// A mix of what readers type: words, phrases, several terms, operators,
/// Latin, a miss, a partial match and a long pasted phrase.
pub const QUERIES: &[&str] = &[
    "基因",
    "青岛",
    "产业",
    "细胞",
    "青岛华大",
    "基因科技产业",
    "华大智造",
    "基因 细胞",
    "青岛 华大 基因",
    "\"基因 细胞\"",
    "细胞 -华大",
    "TIL OR 驿站",
    "BG136",
    "cop15",
    "区块链",
    "基因 区块链",
    "高新区",
    "的",
    "智慧驿站",
    "全国首个基因科技产业发展共同体正式揭牌",
];

/// Timed runs of each query per corpus (after one warm-up run).
pub const RUNS: usize = 15;

/// Deterministic xorshift.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A corpus `times` the size of `real`: new articles, each a real headline
/// and 3–20 real paragraphs drawn at random.
pub fn synthetic(real: &Bundle, times: usize) -> Bundle {
    let chars: usize = real.corpus.articles.iter().map(|a| a.text().chars().count()).sum();
    let heads: Vec<_> = real
        .corpus
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter().filter(|b| b.kind == BlockKind::Headline).cloned())
        .collect();
    let paras: Vec<_> = real
        .corpus
        .articles
        .iter()
        .flat_map(|a| a.blocks.iter().filter(|b| b.kind != BlockKind::Headline).cloned())
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut articles = Vec::new();
    let mut total = 0;
    while total < chars * times {
        let mut blocks = vec![heads[rng.below(heads.len())].clone()];
        for _ in 0..3 + rng.below(18) {
            blocks.push(paras[rng.below(paras.len())].clone());
        }
        let a = Article {
            id: format!("synthetic#{}", articles.len() + 1),
            page: "synthetic".into(),
            title: blocks[0].text.clone(),
            blocks,
            ..Article::default()
        };
        total += a.text().chars().count();
        articles.push(a);
    }
    let fold = real.folder();
    let docs: Vec<Vec<char>> = articles.iter().map(|a| fold.normalize(&a.text()).chars).collect();
    let seg = Segmenter::from_vocab(&real.analysis.vocab);
    Bundle {
        boundaries: docs.iter().flat_map(|d| seg.boundaries(d)).collect(),
        analysis: Analysis { vocab: real.analysis.vocab.clone(), articles: vec![ArticleAnalysis::default(); articles.len()] },
        corpus: Corpus { pages: Vec::new(), articles },
        fold: real.fold.clone(),
    }
}

/// Nearest-rank percentile of sorted samples.
pub fn pct<T: Copy>(sorted: &[T], p: f64) -> T {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}
