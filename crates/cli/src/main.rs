//! `xunyue`: search the corpus from the command line.
//!
//! JSON contract (stable; see README):
//! - `xunyue search --json QUERY` →
//!   `{"query", "total", "results": [{"id", "page", "title", "exact", "hits", "spans", "snippet"}]}`
//! - `xunyue articles --json` → `[{"id", "page", "title", "byline", "source", "date", "text"}]`
//! - `--seeds DIR` builds the corpus from another folder instead of the embedded one.

use clap::{Parser, Subcommand};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;
use xunyue_engine::{Blob, Engine};

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
}

#[derive(Serialize)]
struct SearchOut<'a> {
    query: &'a str,
    total: usize,
    results: Vec<ResultOut<'a>>,
}

#[derive(Serialize)]
struct ResultOut<'a> {
    id: &'a str,
    page: &'a str,
    title: &'a str,
    exact: bool,
    hits: usize,
    spans: &'a [(u32, u32)],
    snippet: &'a str,
    /// Highlight spans inside `snippet` (char offsets).
    snippet_spans: &'a [(u32, u32)],
    score: f32,
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

fn load(seeds: Option<&PathBuf>) -> Result<Engine, String> {
    let blob = match seeds {
        Some(dir) => xunyue_analyze::build_blob(dir).map_err(|e| e.to_string())?,
        None => Blob::from_bytes(xunyue_corpus::BLOB).map_err(|e| e.to_string())?,
    };
    Engine::from_blob(blob).map_err(|e| e.to_string())
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
    let engine = load(cli.seeds.as_ref())?;
    match cli.command {
        Command::Search { json, query } => {
            let resp = engine.search(&query);
            let results: Vec<ResultOut> = resp
                .hits
                .iter()
                .filter_map(|h| {
                    let a = engine.article(h.doc)?;
                    Some(ResultOut {
                        id: &a.id,
                        page: &a.page,
                        title: &a.title,
                        exact: h.exact,
                        hits: h.spans.len(),
                        spans: &h.spans,
                        snippet: &h.snippet.text,
                        snippet_spans: &h.snippet.highlights,
                        score: h.score,
                    })
                })
                .collect();
            let out = SearchOut { query: &query, total: results.len(), results };
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

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xunyue: {e}");
            ExitCode::FAILURE
        }
    }
}
