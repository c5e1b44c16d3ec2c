//! `xunyue`: search the corpus from the command line.
//!
//! JSON contract (stable; see README):
//! - `xunyue search --json QUERY` →
//!   `{"query", "total", "results": [{"id", "page", "title", "exact", "hits", "spans", "snippet"}]}`
//!   (also `partial`, `notices`, `explain`, `terms`, and per result `exact_hits`,
//!   `snippet_spans`, `score`, `tier`, `span_terms`, `missing`)
//! - `xunyue articles --json` → `[{"id", "page", "title", "byline", "source", "date", "text"}]`
//! - `xunyue index-stats` → bytes of the corpus text and of the index, raw and gzipped
//! - `xunyue ingest-report DIR [--json]` → what ingest finds in a source folder (`xunyue_ingest::report`)
//! - `--seeds DIR` builds the corpus from another folder instead of the embedded one.

use clap::{Parser, Subcommand};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;
use xunyue_engine::Engine;
use xunyue_format::bundle::Bundle;

#[derive(Parser)]
#[command(name = "xunyue", about = "寻阅 Xunyue: search a Chinese news archive")]
struct Cli {
    /// Build the corpus from this seed folder instead of the embedded one.
    #[arg(long, global = true)]
    seeds: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Search the articles.
    Search {
        /// Print JSON (the stable contract).
        #[arg(long)]
        json: bool,
        /// The query.
        query: String,
    },
    /// List every article.
    Articles {
        #[arg(long)]
        json: bool,
    },
    /// Sizes of the corpus text and of its index, raw and gzipped.
    IndexStats {
        #[arg(long)]
        json: bool,
    },
    /// What ingest finds in a source folder, page by page (articles,
    /// unassigned blocks, warnings), and a summary.
    IngestReport {
        /// The source folder (page files and corpus.toml).
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Serialize)]
struct SearchOut<'a> {
    query: &'a str,
    total: usize,
    results: Vec<ResultOut<'a>>,
    /// No article has every term; the results have the most of them.
    partial: bool,
    /// Notes for the reader (`"Empty"`, `{"Truncated":{"kept":1000}}`, `{"Partial":{"best":1,"of":2}}` …).
    notices: &'a [xunyue_engine::query::Notice],
    /// The query read back.
    explain: &'a str,
    /// What spans matched; `span_terms` index into this.
    terms: &'a [String],
}

#[derive(Serialize)]
struct ResultOut<'a> {
    id: &'a str,
    page: &'a str,
    title: &'a str,
    exact: bool,
    hits: usize,
    /// Of `hits`, those that are the query as typed (the rest are its words
    /// or terms found apart).
    exact_hits: u32,
    spans: &'a [(u32, u32)],
    snippet: String,
    /// Highlight spans inside `snippet` (char offsets).
    snippet_spans: Vec<(u32, u32)>,
    score: f32,
    /// Ranking tier: 3 exact, 2 every term, 1 some terms as words only, 0 partial.
    tier: u8,
    /// For each span, the index in `terms` of what it matched.
    span_terms: &'a [u16],
    /// Terms the article lacks (partial results), as indices in `terms`.
    missing: &'a [u16],
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    page: &'a str,
    title: &'a str,
    byline: &'a str,
    source: &'a str,
    date: &'a str,
    text: String,
}

/// The bundle of `--seeds DIR`, built now, or the embedded one.
fn bundle(seeds: Option<&PathBuf>) -> Result<Bundle, String> {
    match seeds {
        Some(dir) => xunyue_writer::build_bundle(dir).map_err(|e| e.to_string()),
        None => Bundle::decode(xunyue_corpus::BLOB).map(|(b, _)| b).map_err(|e| e.to_string()),
    }
}

fn load(seeds: Option<&PathBuf>) -> Result<Engine, String> {
    Engine::from_bundle(bundle(seeds)?).map_err(|e| e.to_string())
}

/// Prints one line of JSON. A closed pipe (`| head`) is not an error.
fn print_json<T: Serialize>(value: &T) -> Result<(), String> {
    use std::io::Write;
    let s = serde_json::to_string(value).map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{s}").and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(()),
    }
}

fn run(cli: Cli) -> Result<(), String> {
    if let Command::IngestReport { dir, json } = &cli.command {
        let r = xunyue_ingest::report::report_dir(dir).map_err(|e| e.to_string())?;
        let out = if *json { xunyue_ingest::report::to_json(&r) } else { xunyue_ingest::report::to_text(&r) };
        println!("{}", out.trim_end());
        return Ok(());
    }
    let engine = load(cli.seeds.as_ref())?;
    match cli.command {
        Command::Search { json, query } => {
            let resp = engine.search(&query);
            let results: Vec<ResultOut> = resp
                .hits
                .iter()
                .filter_map(|h| {
                    let a = engine.article(h.doc)?;
                    let snippet = if h.snippet.text.is_empty() { engine.snippet_for(h) } else { h.snippet.clone() };
                    Some(ResultOut {
                        id: &a.id,
                        page: &a.page,
                        title: &a.title,
                        exact: h.exact,
                        hits: h.spans.len(),
                        exact_hits: h.exact_hits,
                        spans: &h.spans,
                        snippet: snippet.text,
                        snippet_spans: snippet.highlights,
                        score: h.score,
                        tier: h.tier as u8,
                        span_terms: &h.terms,
                        missing: &h.missing,
                    })
                })
                .collect();
            let out = SearchOut {
                query: &query,
                total: results.len(),
                results,
                partial: resp.partial,
                notices: &resp.notices,
                explain: &resp.explain,
                terms: &resp.terms,
            };
            if json {
                print_json(&out)
            } else {
                println!("{} articles", out.total);
                for r in &out.results {
                    println!("{}  {}  ({} hits)\n    {}", r.id, r.title, r.hits, r.snippet);
                }
                Ok(())
            }
        }
        Command::IndexStats { json } => index_stats(&engine, cli.seeds.as_ref(), json),
        Command::IngestReport { .. } => Ok(()),
        Command::Articles { json } => {
            let out: Vec<ArticleOut> = engine
                .articles()
                .iter()
                .map(|a| ArticleOut {
                    id: &a.id,
                    page: &a.page,
                    title: &a.title,
                    byline: a.byline.as_deref().unwrap_or(""),
                    source: a.source.as_deref().unwrap_or(""),
                    date: a.date.as_deref().unwrap_or(""),
                    text: a.text(),
                })
                .collect();
            if json {
                print_json(&out)
            } else {
                for a in &out {
                    println!("{}  {}  {}", a.id, a.title, a.byline);
                }
                Ok(())
            }
        }
    }
}

fn gzip_len(bytes: &[u8]) -> usize {
    use flate2::{write::GzEncoder, Compression};
    use std::io::Write;
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    let _ = e.write_all(bytes);
    e.finish().map(|v| v.len()).unwrap_or(0)
}

#[derive(Serialize)]
struct Stats {
    articles: usize,
    text_chars: usize,
    text_bytes: usize,
    text_gzip: usize,
    index_bytes: usize,
    index_gzip: usize,
    blob_bytes: usize,
    blob_gzip: usize,
}

/// Corpus text (the articles' texts) against the index (postings and word
/// boundaries), both as shipped and gzipped.
fn index_stats(engine: &Engine, seeds: Option<&PathBuf>, json: bool) -> Result<(), String> {
    let bundle = bundle(seeds)?;
    let text: String = engine.articles().iter().map(|a| a.text() + "\n").collect();
    let docs: Vec<Vec<char>> = bundle.normalized().into_iter().map(|n| n.chars).collect();
    let index = xunyue_writer::stats::GramIndex::build(&docs, bundle.boundaries.clone()).encoded();
    // As embedded: the gram index is left out and rebuilt at load.
    let bytes = bundle.encode();
    let s = Stats {
        articles: engine.articles().len(),
        text_chars: text.chars().count(),
        text_bytes: text.len(),
        text_gzip: gzip_len(text.as_bytes()),
        index_bytes: index.len(),
        index_gzip: gzip_len(&index),
        blob_bytes: bytes.len(),
        blob_gzip: gzip_len(&bytes),
    };
    if json {
        return print_json(&s);
    }
    println!("articles      {}", s.articles);
    println!("text          {} chars, {} B, {} B gzip", s.text_chars, s.text_bytes, s.text_gzip);
    println!("index         {} B, {} B gzip", s.index_bytes, s.index_gzip);
    println!("index / text  {:.2} (gzip)", s.index_gzip as f64 / s.text_gzip.max(1) as f64);
    println!("embedded blob {} B, {} B gzip (index rebuilt at load)", s.blob_bytes, s.blob_gzip);
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xunyue: {e}");
            ExitCode::FAILURE
        }
    }
}
