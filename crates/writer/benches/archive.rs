//! The archive at scale: synthetic archives of 1, 10 and 40 MB of text
//! (xunyue-synth), built into sharded archives, then a fixed mix of queries
//! answered from the files on disk, cold and warm. Not a test: it prints.
//!
//! `cargo bench -p xunyue-writer --bench archive [-- 1,10,40] [--keep]`
//! (`./dev bench` runs it). Each size builds in a process of its own, so that
//! its peak memory is its own. Archives go to `target/bench-archive/<MB>/`.

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::Instant;
use xunyue_core::model::Corpus;
use xunyue_engine::sharded::Sharded;
use xunyue_engine::store::{DirStore, Storage};
use xunyue_engine::source::Source;
use xunyue_engine::Engine;
use xunyue_writer::archive::ShardSizes;

/// Results shown per query, with snippets: what the app's first page reads.
const PAGE: usize = 10;

fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

fn gz_len(bytes: &[u8]) -> usize {
    xunyue_writer::gzip(bytes).len()
}

/// Builds the archive of `mb` MB into `dir`; prints one line of figures.
fn build(mb: u64, dir: &Path) {
    // Pagefind first (its peak memory is its own process's); then Xunyue's
    // build, in this process, whose peak is read after it.
    let t = Instant::now();
    let corpus = xunyue_synth::corpus(xunyue_synth::Target::Bytes(mb * 1_000_000)).expect("a plan");
    let gen = t.elapsed().as_secs_f64();
    let text: String = corpus.articles.iter().map(|a| a.text() + "\n").collect();
    let text_gz = gz_len(text.as_bytes());
    if std::env::var("XUNYUE_BENCH_PAGEFIND").as_deref() != Ok("0") {
        pagefind(mb, &corpus, &dir.with_extension("pagefind"));
    }
    let t = Instant::now();
    let bundle = xunyue_writer::bundle_of(corpus, &Default::default(), &mut xunyue_writer::Quiet);
    let analysis = t.elapsed().as_secs_f64();
    // XUNYUE_BENCH_SHARDS="pairs,unigrams,summaries,summary_min" (bytes) tries other sizes.
    let mut sizes = ShardSizes::default();
    if let Ok(v) = std::env::var("XUNYUE_BENCH_SHARDS") {
        let n: Vec<usize> = v.split(',').filter_map(|x| x.parse().ok()).collect();
        if let [p, u, s, m] = n[..] {
            sizes = ShardSizes { pairs: p, unigrams: u, summaries: s, summary_min: m };
        }
    }
    let files = xunyue_writer::sharded_files(&bundle, sizes, &mut xunyue_writer::Quiet).expect("builds");
    let w = xunyue_writer::write_archive(dir, &files).expect("writes");
    let build = t.elapsed().as_secs_f64();
    let kinds: Vec<String> = w.by_kind.iter().map(|(k, n, b)| format!("{k} {n} files {:.2} MB", *b as f64 / 1e6)).collect();
    println!(
        "BUILD {mb} MB | {} articles | {} B text, {} B gzip | generate {gen:.1} s, analysis {analysis:.1} s, build total {build:.1} s | peak {:.0} MiB | {} files, {} B on disk ({:.2}× the text's gzip) | {}",
        bundle.corpus.articles.len(),
        text.len(),
        text_gz,
        peak_mib(),
        w.files,
        w.bytes,
        w.bytes as f64 / text_gz as f64,
        kinds.join(", ")
    );
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Bytes and files under `dir`.
fn du(dir: &Path) -> (u64, u64) {
    let (mut b, mut n) = (0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                b += e.metadata().map(|m| m.len()).unwrap_or(0);
                n += 1;
            }
        }
    }
    (b, n)
}

/// Pagefind 1.6 (npm's binary, bench/node_modules) over the same articles,
/// one HTML page each (as bench/pagefind-fixture.mjs makes them): build
/// time, peak memory, bytes and files of its index.
fn pagefind(mb: u64, corpus: &Corpus, site: &Path) {
    let bin = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../bench/node_modules/@pagefind/linux-x64/bin/pagefind_extended");
    if !bin.exists() {
        println!("PAGEFIND {mb} MB | not run: {} missing (npm ci in bench/)", bin.display());
        return;
    }
    let _ = std::fs::remove_dir_all(site);
    let _ = std::fs::create_dir_all(site.join("a"));
    for (i, a) in corpus.articles.iter().enumerate() {
        let meta: Vec<String> = [&a.source, &a.date, &a.byline].iter().filter_map(|x| x.as_deref()).map(esc).collect();
        let paras: String = a.blocks.iter().skip(1).map(|b| format!("<p>{}</p>\n", esc(&b.text))).collect();
        let html = format!(
            "<!doctype html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>{t}</title></head>\n<body>\n<main data-pagefind-body>\n<h1>{t}</h1>\n<p>{}</p>\n{paras}</main>\n</body>\n</html>\n",
            meta.join(" · "),
            t = esc(&a.title)
        );
        let _ = std::fs::write(site.join("a").join(format!("{}.html", i + 1)), html);
    }
    let t = Instant::now();
    let mut child = match std::process::Command::new(&bin).arg("--site").arg(site).stdout(std::process::Stdio::null()).spawn() {
        Ok(c) => c,
        Err(e) => {
            println!("PAGEFIND {mb} MB | not run: {e}");
            return;
        }
    };
    let mut peak = 0f64;
    loop {
        let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap_or_default();
        if let Some(kb) = status.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()) {
            peak = peak.max(kb / 1024.0);
        }
        match child.try_wait() {
            Ok(Some(_)) | Err(_) => break,
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(50)),
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let (bytes, files) = du(&site.join("pagefind"));
    println!("PAGEFIND {mb} MB | {} pages | build {secs:.1} s | peak {peak:.0} MiB | index {files} files, {bytes} B on disk", corpus.articles.len());
}

/// The query mix, drawn from the archive's own text so that it means the
/// same at every size: (kind, query).
fn mix<S: Source>(e: &Engine<S>) -> Vec<(&'static str, String)> {
    let text = |d: u32| -> String { e.try_text(d).map(|t| t.iter().collect()).unwrap_or_default() };
    let word = |d: u32, at: usize, n: usize| -> String {
        let t: Vec<char> = text(d).chars().filter(|c| xunyue_core::chars::is_han(*c)).collect();
        t.get(at..at + n).map(|w| w.iter().collect()).unwrap_or_default()
    };
    vec![
        ("1 char, common", "的".into()),
        ("1 char, rare", "鲸".into()),
        ("2 chars, common", "发展".into()),
        ("2 chars", "海洋".into()),
        ("2 chars, rare", word(3, 40, 2)),
        ("3 chars", "中国人".into()),
        ("3 chars, text", word(11, 100, 3)),
        ("4 chars", "科技创新".into()),
        ("4 chars, text", word(17, 200, 4)),
        ("6+ chars, text", word(23, 60, 7)),
        ("phrase of words", "高质量发展".into()),
        ("Latin", "DNA".into()),
        ("Latin, short", "5G".into()),
        ("number", "2021年".into()),
        ("miss", "量子计算机纠缠".into()),
        ("AND", "海洋 经济".into()),
        ("AND, 3 terms", "城市 建设 项目".into()),
        ("OR", "医院 OR 学校".into()),
        ("quoted phrase", "\"发展 经济\"".into()),
        ("exclusion", "海洋 -经济".into()),
    ]
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(((v.len() - 1) as f64 * p).round() as usize).copied().unwrap_or(0.0)
}

/// Cold and warm figures of the query mix on the archive in `dir`.
fn queries(mb: u64, dir: &Path) {
    let root_gz = std::fs::metadata(dir.join("root.bin")).map(|m| m.len()).unwrap_or(0);
    let probe_src = Rc::new(Sharded::open(DirStore::new(dir)).expect("opens"));
    let parts: Vec<String> =
        probe_src.root.parts().iter().map(|(name, b)| format!("{name} {:.1} KB", gz_len(b) as f64 / 1024.0)).collect();
    println!("ROOT {mb} MB | {} (each part gzipped alone)", parts.join(", "));
    let probe = Engine::over(probe_src);
    let qs = mix(&probe);
    println!("QUERIES {mb} MB | root {root_gz} B gzip");
    println!("| {mb} MB: query | kind | results | hits | cold files | cold KB (gzip) | warm KB | p50 ms | p95 ms |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    let mut colds = Vec::new();
    let mut p95s = Vec::new();
    for (kind, q) in &qs {
        // Cold: a fresh store with the root read; everything else from disk.
        let s = Rc::new(Sharded::open(DirStore::new(dir)).expect("opens"));
        let e = Engine::over(s.clone());
        let before = s.store().stats();
        let mut r = e.try_rank(q).expect("answers");
        let n = r.hits.len().min(PAGE);
        e.materialize(&mut r, 0..n).expect("texts");
        let cold = s.store().stats().since(before);
        // Warm: the same query again, and its latency over runs.
        let before = s.store().stats();
        let mut times = Vec::new();
        for _ in 0..15 {
            let t = Instant::now();
            let mut r = e.try_rank(q).expect("answers");
            let n = r.hits.len().min(PAGE);
            e.materialize(&mut r, 0..n).expect("texts");
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let warm = s.store().stats().since(before);
        let hits: u64 = r.hits.iter().map(|h| u64::from(h.hits)).sum();
        let (p50, p95) = (pct(&mut times.clone(), 0.5), pct(&mut times, 0.95));
        colds.push(cold.bytes as f64 / 1024.0);
        p95s.push(p95);
        println!(
            "| {q} | {kind} | {} | {hits} | {} | {:.1} | {:.1} | {p50:.2} | {p95:.2} |",
            r.hits.len(),
            cold.files,
            cold.bytes as f64 / 1024.0,
            warm.bytes as f64 / 1024.0
        );
    }
    let mut c = colds.clone();
    println!(
        "SUMMARY {mb} MB | root {:.1} KB | cold median {:.1} KB, p95 {:.1} KB | latency p95 of the per-query p95 {:.2} ms",
        root_gz as f64 / 1024.0,
        pct(&mut c.clone(), 0.5),
        pct(&mut c, 0.95),
        pct(&mut p95s, 0.95)
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-archive");
    // A child: `--one MB` builds and measures one size.
    if let Some(i) = args.iter().position(|a| a == "--one") {
        let mb: u64 = args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or(1);
        let dir = out.join(mb.to_string());
        if !args.iter().any(|a| a == "--queries-only") {
            build(mb, &dir);
        }
        queries(mb, &dir);
        return;
    }
    let sizes: Vec<u64> = args
        .iter()
        .find(|a| a.chars().all(|c| c.is_ascii_digit() || c == ','))
        .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
        .unwrap_or_else(|| vec![1, 10, 40]);
    let exe = std::env::current_exe().expect("own path");
    for mb in sizes {
        let mut cmd = std::process::Command::new(&exe);
        cmd.args(["--one", &mb.to_string()]);
        if args.iter().any(|a| a == "--queries-only") {
            cmd.arg("--queries-only");
        }
        let status = cmd.status().expect("runs");
        assert!(status.success(), "the {mb} MB run failed");
    }
}
