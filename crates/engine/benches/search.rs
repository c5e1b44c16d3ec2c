//! Query latency and index size, for the five pages and for a synthetic
//! corpus 100× larger (real paragraphs recombined into new articles).
//!
//! `CARGO_TARGET_DIR=target/bench cargo bench -p xunyue-engine --bench search`
//!
//! First prints a table (p50/p95/max over a fixed mix of queries, index and
//! corpus bytes raw and gzipped), then runs the divan benchmarks.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::sync::OnceLock;
use std::time::{Duration, Instant};
use xunyue_engine::index::IndexData;
use xunyue_engine::model::Analysis;
use xunyue_engine::normalize::normalize;
use xunyue_engine::{Article, Blob, BlockKind, Corpus, Engine};

/// A mix of what readers type: words, phrases, several terms, operators,
/// Latin, a miss, a partial match and a long pasted phrase.
const QUERIES: &[&str] = &[
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

fn gz(bytes: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    let _ = e.write_all(bytes);
    e.finish().map(|v| v.len()).unwrap_or(0)
}

fn real_blob() -> Blob {
    Blob::from_bytes(xunyue_corpus::BLOB).expect("embedded blob")
}

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

/// A corpus `times` the size of the real one: new articles, each a real
/// headline and 3–20 real paragraphs drawn at random.
fn synthetic(times: usize) -> Blob {
    let real = real_blob();
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
    let docs: Vec<Vec<char>> = articles.iter().map(|a| normalize(&a.text()).chars).collect();
    let index = IndexData::build_with(&docs, &real.analysis.vocab);
    Blob {
        version: real.version,
        corpus: Corpus { pages: Vec::new(), articles },
        analysis: Analysis { vocab: real.analysis.vocab, articles: Vec::new() },
        index,
        fold: real.fold,
        words: Default::default(),
    }
}

struct Loaded {
    engine: Engine,
    index_raw: usize,
    index_gz: usize,
    text_raw: usize,
    text_gz: usize,
    chars: usize,
    load: Duration,
}

fn load(blob: Blob) -> Loaded {
    let index_bytes = postcard::to_allocvec(&blob.index).unwrap_or_default();
    let text: String = blob.corpus.articles.iter().map(|a| a.text() + "\n").collect();
    let bytes = blob.to_bytes();
    let t = Instant::now();
    let engine = Engine::from_bytes(&bytes).expect("blob loads");
    let load = t.elapsed();
    Loaded {
        index_raw: index_bytes.len(),
        index_gz: gz(&index_bytes),
        text_raw: text.len(),
        text_gz: gz(text.as_bytes()),
        chars: text.chars().count(),
        engine,
        load,
    }
}

fn one_x() -> &'static Loaded {
    static L: OnceLock<Loaded> = OnceLock::new();
    L.get_or_init(|| load(real_blob()))
}

fn hundred_x() -> &'static Loaded {
    static L: OnceLock<Loaded> = OnceLock::new();
    L.get_or_init(|| load(synthetic(100)))
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn table() {
    println!("| corpus | articles | chars | text gz | index | index gz | index/text (gz) | load | p50 | p95 | max | slowest query |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (name, l) in [("5 pages", one_x()), ("100× synthetic", hundred_x())] {
        let mut all = Vec::new();
        let mut worst = (Duration::ZERO, "");
        for q in QUERIES {
            let _ = l.engine.search(q); // warm
            for _ in 0..15 {
                let t = Instant::now();
                let r = l.engine.search(q);
                let d = t.elapsed();
                std::hint::black_box(r);
                all.push(d);
                if d > worst.0 {
                    worst = (d, q);
                }
            }
        }
        all.sort_unstable();
        println!(
            "| {name} | {} | {} | {} B | {} B | {} B | {:.2} | {:.1} ms | {:.3} ms | {:.3} ms | {:.3} ms | {} |",
            l.engine.articles().len(),
            l.chars,
            l.text_gz,
            l.index_raw,
            l.index_gz,
            l.index_gz as f64 / l.text_gz as f64,
            l.load.as_secs_f64() * 1e3,
            pct(&all, 0.5).as_secs_f64() * 1e3,
            pct(&all, 0.95).as_secs_f64() * 1e3,
            all[all.len() - 1].as_secs_f64() * 1e3,
            worst.1,
        );
        let _ = l.text_raw;
    }
    println!();
}

fn main() {
    table();
    divan::main();
}

#[divan::bench(args = QUERIES)]
fn search_5_pages(q: &str) {
    divan::black_box(one_x().engine.search(divan::black_box(q)));
}

#[divan::bench(args = QUERIES)]
fn search_100x(q: &str) {
    divan::black_box(hundred_x().engine.search(divan::black_box(q)));
}

