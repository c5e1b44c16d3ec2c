//! Query latency and bundle size, for the five pages and for a synthetic
//! corpus 100× larger (real paragraphs recombined into new articles).
//!
//! `CARGO_TARGET_DIR=target/bench cargo bench -p xunyue-engine --bench search [-- --table]`
//!
//! First prints a table (p50/p95/max over a fixed mix of queries, index and
//! corpus bytes raw and gzipped), then runs the divan benchmarks (not with
//! `--table`). The same mix runs in headless Chromium: bench/engine-wasm.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::time::{Duration, Instant};
use xunyue_engine::Engine;
use xunyue_format::bundle::Bundle;

#[path = "synth.rs"]
mod synth;

use synth::{pct, synthetic, QUERIES, RUNS};

fn gz(bytes: &[u8]) -> usize {
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    let _ = e.write_all(bytes);
    e.finish().map(|v| v.len()).unwrap_or(0)
}

fn real_bundle() -> Bundle {
    Bundle::decode(xunyue_corpus::BLOB).expect("embedded bundle").0
}

struct Loaded {
    engine: Engine,
    /// The encoded bundle (what the app embeds; the index is rebuilt at load).
    bundle_raw: usize,
    bundle_gz: usize,
    text_raw: usize,
    text_gz: usize,
    chars: usize,
    load: Duration,
}

fn load(bundle: Bundle) -> Loaded {
    let text: String = bundle.corpus.articles.iter().map(|a| a.text() + "\n").collect();
    let bytes = bundle.encode();
    let t = Instant::now();
    let engine = Engine::from_bytes(&bytes).expect("bundle loads");
    let load = t.elapsed();
    Loaded {
        bundle_raw: bytes.len(),
        bundle_gz: gz(&bytes),
        text_raw: text.len(),
        text_gz: gz(text.as_bytes()),
        chars: text.chars().count(),
        engine,
        load,
    }
}

// The engine is single-threaded (Rc inside): each corpus is loaded once
// per thread and kept for the run.
thread_local! {
    static ONE_X: &'static Loaded = Box::leak(Box::new(load(real_bundle())));
    static HUNDRED_X: &'static Loaded = Box::leak(Box::new(load(synthetic(&real_bundle(), 100))));
}

fn one_x() -> &'static Loaded {
    ONE_X.with(|l| *l)
}

fn hundred_x() -> &'static Loaded {
    HUNDRED_X.with(|l| *l)
}

fn table() {
    println!("| corpus | articles | chars | text gz | bundle | bundle gz | bundle/text (gz) | load | p50 | p95 | max | slowest query |");
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (name, l) in [("5 pages", one_x()), ("100× synthetic", hundred_x())] {
        let mut all = Vec::new();
        let mut worst = (Duration::ZERO, "");
        for q in QUERIES {
            let _ = l.engine.search(q); // warm
            for _ in 0..RUNS {
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
            l.bundle_raw,
            l.bundle_gz,
            l.bundle_gz as f64 / l.text_gz as f64,
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

/// `XUNYUE_BENCH_LOOP=N` (optionally `XUNYUE_BENCH_QUERY=Q`): builds the
/// 100× corpus, then only runs each query of the mix (or Q) N times and
/// prints its fastest and median time; for a profiler (`perf record`,
/// `valgrind --tool=callgrind`) and for comparing changes on a busy machine.
fn profile_loop(n: usize) {
    let l = hundred_x();
    let only = std::env::var("XUNYUE_BENCH_QUERY").ok();
    let queries: Vec<&str> = match &only {
        Some(q) => vec![q.as_str()],
        None => QUERIES.to_vec(),
    };
    let t = Instant::now();
    let mut sum_min = Duration::ZERO;
    for q in &queries {
        let mut times = Vec::with_capacity(n);
        for _ in 0..n {
            let t = Instant::now();
            std::hint::black_box(l.engine.search(q));
            times.push(t.elapsed());
        }
        times.sort_unstable();
        if let (Some(&min), Some(&med)) = (times.first(), times.get(n / 2)) {
            sum_min += min;
            println!("{:>8.3} ms min {:>8.3} ms median  {q}", min.as_secs_f64() * 1e3, med.as_secs_f64() * 1e3);
        }
    }
    println!(
        "{} searches in {:.1} ms; sum of the fastest {:.3} ms",
        n * queries.len(),
        t.elapsed().as_secs_f64() * 1e3,
        sum_min.as_secs_f64() * 1e3
    );
}

/// `XUNYUE_BENCH_DUMP=FILE`: writes every response of the query mix (and
/// a few more queries) on both corpora to FILE, to compare two versions of
/// the engine result by result.
fn dump(path: &str) {
    let extra = ["基因 细胞 -华大", "华大·智造", "\"青岛 华大", "细胞 OR 干细胞 | 华大", "-", "b", "2021", "，"];
    let mut out = String::new();
    for (name, l) in [("5 pages", one_x()), ("100x", hundred_x())] {
        for q in QUERIES.iter().chain(extra.iter()) {
            let r = l.engine.search(q);
            out.push_str(&format!("== {name} {q}\n{r:?}\n{:?}\n", l.engine.search_docs(q)));
            for h in &r.hits {
                out.push_str(&format!("{:?}\n", l.engine.snippet_for(h)));
            }
        }
    }
    std::fs::write(path, out).expect("dump written");
}

fn main() {
    if let Ok(path) = std::env::var("XUNYUE_BENCH_DUMP") {
        dump(&path);
        return;
    }
    if let Some(n) = std::env::var("XUNYUE_BENCH_LOOP").ok().and_then(|v| v.parse().ok()) {
        profile_loop(n);
        return;
    }
    table();
    // `-- --table`: the table only, without the divan runs.
    if std::env::args().any(|a| a == "--table") {
        return;
    }
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

