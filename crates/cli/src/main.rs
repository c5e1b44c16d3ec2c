//! `xunyue`: search the corpus from the command line.
//!
//! JSON contract (stable; see README):
//! - `xunyue search --json QUERY` →
//!   `{"query", "total", "results": [{"id", "page", "title", "exact", "hits", "spans", "snippet"}]}`
//!   (also `partial`, `notices`, `explain`, `terms`, and per result `exact_hits`,
//!   `snippet_spans`, `score`, `tier`, `span_terms`, `missing`)
//!   (also per result `date`, `source`; `--sort date|-date`, `--from`, `--to`)
//! - `xunyue timeline --json [QUERY]`, `terms --json A,B`, `page --json ID`,
//!   `page --json --date DAY`, `cite --json ID`, `export Q --csv|--jsonl|--concordance`
//!   (see `time.rs` and README)
//! - `xunyue articles --json` → `[{"id", "page", "title", "byline", "source", "date", "text"}]`
//! - `xunyue index-stats` → bytes of the corpus text and of the index, raw and gzipped
//! - `xunyue ingest-report DIR [--json]` → what ingest finds in a source folder (`xunyue_ingest::report`)
//! - `--seeds DIR` builds the corpus from another folder instead of the embedded one.
//! - `xunyue build SEEDS_DIR --out DIR` writes the archive (sharded, or the
//!   embedded bundle for a small one); `--archive DIR` answers from a sharded
//!   archive, reading only the files a query needs (`--stats`: what it read).

use clap::{Parser, Subcommand};
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Instant;
use xunyue_engine::sharded::Sharded;
use xunyue_engine::store::{DirStore, Storage};
use xunyue_engine::Engine;
use xunyue_format::bundle::Bundle;

mod build;
mod time;

#[derive(Parser)]
#[command(name = "xunyue", about = "寻阅 Xunyue: search a Chinese news archive")]
struct Cli {
    /// Build the corpus from this seed folder instead of the embedded one.
    #[arg(long, global = true)]
    seeds: Option<PathBuf>,
    /// Answer from this sharded archive (made by `xunyue build`).
    #[arg(long, global = true, conflicts_with = "seeds")]
    archive: Option<PathBuf>,
    /// Print to stderr the files and bytes read and the time of each phase.
    #[arg(long, global = true)]
    stats: bool,
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
        /// The query (with `--sort date|-date`, a blank one lists every article).
        query: String,
        #[command(flatten)]
        when: When,
    },
    /// Articles (and issues) per day, week, month or year; with a query,
    /// the matching articles per bucket too.
    Timeline {
        #[arg(long)]
        json: bool,
        /// The query (none: every article).
        query: Vec<String>,
        #[command(flatten)]
        when: When,
    },
    /// Hits of one to four comma-separated terms per bucket, beside the
    /// chars printed in each (and hits per 10,000 of them).
    Terms {
        #[arg(long)]
        json: bool,
        /// `term,term,…`
        terms: String,
        #[command(flatten)]
        when: When,
    },
    /// The page an article (or a page stem) is printed on: its articles in
    /// reading order, the pages around it in its issue, the same page of
    /// the issues before and after; or `--date`'s pages.
    Page {
        #[arg(long)]
        json: bool,
        /// An article id or a page stem.
        what: Option<String>,
        /// The pages of this day (YYYY-MM-DD).
        #[arg(long)]
        date: Option<String>,
    },
    /// An article's citation: GB/T 7714-2015 and Chicago.
    Cite {
        #[arg(long)]
        json: bool,
        /// The article id.
        id: String,
        /// `gbt`, `chicago` or `all`.
        #[arg(long, default_value = "gbt")]
        style: String,
        /// The app's address, for permalinks (`BASE#a=ID`).
        #[arg(long, default_value = "")]
        base: String,
    },
    /// The results of a query as a file: CSV, JSON Lines, or its
    /// concordance as CSV.
    Export {
        /// The query (with `--sort date|-date`, a blank one exports every article).
        query: String,
        #[arg(long, group = "format")]
        csv: bool,
        #[arg(long, group = "format")]
        jsonl: bool,
        #[arg(long, group = "format")]
        concordance: bool,
        /// The app's address, for permalinks (`BASE#a=ID`).
        #[arg(long, default_value = "")]
        base: String,
        #[command(flatten)]
        when: When,
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
    /// Build the archive of a source folder.
    Build {
        /// The source folder (pages, manifest, gazetteer).
        seeds: PathBuf,
        /// Where to write it.
        #[arg(long)]
        out: PathBuf,
        /// `sharded` (root and shards), `embedded` (one bundle.bin, what the app
        /// compiles in) or `auto` (by size; see XUNYUE_EMBED_MAX_TEXT).
        #[arg(long, default_value = "auto")]
        shape: String,
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

/// Date range, bucket grain and order.
#[derive(clap::Args, Clone, Default)]
struct When {
    /// First day, week, month or year (`2021-03-04`, `2021-W09`, `2021-03`, `2021`).
    #[arg(long, default_value = "")]
    from: String,
    /// Last day, week, month or year.
    #[arg(long, default_value = "")]
    to: String,
    /// Timeline buckets: day, week, month, year or auto (by the span).
    #[arg(long)]
    grain: Option<String>,
    /// `relevance`, `date` (oldest first) or `-date` (newest first).
    #[arg(long, default_value = "relevance", allow_hyphen_values = true)]
    sort: String,
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
    /// Its date (its own, else its page's; "" none) and source.
    date: &'a str,
    source: &'a str,
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

/// The store behind a sharded archive's engine, for `--stats`.
type Store = Option<Rc<Sharded<DirStore>>>;

/// Opens what the CLI answers from and runs the command over it.
fn open_and_run(cli: &Cli, t0: Instant) -> Result<(), String> {
    match &cli.archive {
        Some(dir) => {
            if !dir.join(xunyue_format::archive::ROOT_FILE).is_file() {
                return Err(format!("{}: no {} (not a sharded archive made by `xunyue build`)", dir.display(), xunyue_format::archive::ROOT_FILE));
            }
            let s = Rc::new(Sharded::open(DirStore::new(dir)).map_err(|e| e.to_string())?);
            let store = Some(s.clone());
            report(cli.stats, "open", t0, &store);
            answer(cli, &Engine::over(s), &store, t0)
        }
        None => {
            let e = load(cli.seeds.as_ref())?;
            report(cli.stats, "open", t0, &None);
            answer(cli, &e, &None, t0)
        }
    }
}

/// `--stats`: one line on stderr.
fn report(stats: bool, what: &str, t: Instant, store: &Store) {
    if !stats {
        return;
    }
    let ms = t.elapsed().as_secs_f64() * 1e3;
    match store {
        Some(s) => {
            let r = s.store().stats();
            eprintln!("{what:<12} {ms:>9.2} ms   files read {:>5}   bytes read {:>9} (gzip)   {:>9} unpacked", r.files, r.bytes, r.payload_bytes);
        }
        None => eprintln!("{what:<12} {ms:>9.2} ms"),
    }
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
    if let Command::Build { seeds, out, shape } = &cli.command {
        return build::build(seeds, out, shape);
    }
    open_and_run(&cli, Instant::now())
}

/// Runs a command over an engine of either shape.
fn answer<S: xunyue_engine::Source>(cli: &Cli, engine: &Engine<S>, store: &Store, t0: Instant) -> Result<(), String> {
    match &cli.command {
        Command::Build { .. } => Ok(()),
        Command::Search { json, query, when } => {
            let (json, query) = (*json, query.as_str());
            let t = Instant::now();
            let resp = ranked(engine, query, when)?;
            report(cli.stats, "match+rank", t, store);
            let t = Instant::now();
            let mut resp = resp;
            let n = resp.hits.len();
            engine.materialize(&mut resp, 0..n).map_err(|e| e.to_string())?;
            report(cli.stats, "texts", t, store);
            let layout = engine.source().layout();
            let articles: Vec<Rc<xunyue_core::Article>> =
                resp.hits.iter().map(|h| engine.try_article(h.doc)).collect::<Result<_, _>>().map_err(|e| e.to_string())?;
            let results: Vec<ResultOut> = resp
                .hits
                .iter()
                .zip(&articles)
                .map(|(h, a)| {
                    let snippet = if h.snippet.text.is_empty() { engine.snippet_for(h) } else { h.snippet.clone() };
                    ResultOut {
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
                        date: time::date_of(layout, h.doc),
                        source: time::source_of(layout, h.doc),
                    }
                })
                .collect();
            let out = SearchOut {
                query,
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
        Command::IndexStats { json } => {
            if cli.archive.is_some() {
                return Err("index-stats reads a source folder (--seeds) or the embedded corpus; `xunyue build` prints an archive's sizes".into());
            }
            index_stats(cli.seeds.as_ref(), *json)
        }
        Command::IngestReport { .. } => Ok(()),
        Command::Timeline { json, query, when } => {
            let (range, grain) = time::when(&when.from, &when.to, when.grain.as_deref())?;
            time::timeline(engine, &query.join(" "), range, grain, *json)
        }
        Command::Terms { json, terms, when } => {
            let (range, grain) = time::when(&when.from, &when.to, when.grain.as_deref())?;
            time::terms(engine, terms, range, grain, *json)
        }
        Command::Page { json, what, date } => time::page(engine, what.as_deref(), date.as_deref(), *json),
        Command::Cite { json, id, style, base } => time::cite(engine, id, base, style, *json),
        Command::Export { query, csv: _, jsonl, concordance, base, when } => {
            let mut resp = ranked(engine, query, when)?;
            let n = resp.hits.len();
            engine.materialize(&mut resp, 0..n).map_err(|e| e.to_string())?;
            let format = if *jsonl { "jsonl" } else if *concordance { "concordance" } else { "csv" };
            let out = time::export(engine, &resp.hits, base, format)?;
            use std::io::Write;
            let mut o = std::io::stdout().lock();
            match o.write_all(out.as_bytes()).and_then(|_| o.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
                _ => Ok(()),
            }
        }
        Command::Articles { json } => {
            let all: Vec<Rc<xunyue_core::Article>> =
                (0..engine.article_count()).map(|d| engine.try_article(d)).collect::<Result<_, _>>().map_err(|e| e.to_string())?;
            report(cli.stats, "articles", t0, store);
            let out: Vec<ArticleOut> = all
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
            if *json {
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

/// Match and rank, kept to `--from`/`--to` and sorted by `--sort`; a blank
/// query sorted by date lists every article in the range (hits of no
/// count).
fn ranked<S: xunyue_engine::Source>(engine: &Engine<S>, query: &str, when: &When) -> Result<xunyue_engine::SearchResponse, String> {
    let (range, _) = time::when(&when.from, &when.to, None)?;
    let order = time::order(&when.sort)?;
    let mut resp = engine.try_rank(query).map_err(|e| e.to_string())?;
    if order != xunyue_engine::time::Order::Relevance && query.trim().is_empty() {
        resp.hits = engine.browse(range, order).into_iter().map(browsed).collect();
        return Ok(resp);
    }
    engine.keep_in_range(&mut resp.hits, range);
    engine.sort_hits(&mut resp.hits, order);
    Ok(resp)
}

/// An article listed by browsing: a hit of no span.
fn browsed(doc: u32) -> xunyue_engine::SearchHit {
    xunyue_engine::SearchHit {
        doc,
        exact: false,
        hits: 0,
        exact_hits: 0,
        spans: Vec::new(),
        score: 0.0,
        snippet: Default::default(),
        terms: Vec::new(),
        tier: xunyue_engine::Tier::Partial,
        missing: Vec::new(),
        lists: Vec::new(),
        materialized: false,
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
fn index_stats(seeds: Option<&PathBuf>, json: bool) -> Result<(), String> {
    let bundle = bundle(seeds)?;
    let text: String = bundle.corpus.articles.iter().map(|a| a.text() + "\n").collect();
    let docs: Vec<Vec<char>> = bundle.normalized().into_iter().map(|n| n.chars).collect();
    let index = xunyue_writer::stats::GramIndex::build(&docs, bundle.boundaries.clone()).encoded();
    // As embedded: the gram index is left out and rebuilt at load.
    let bytes = bundle.encode();
    let s = Stats {
        articles: bundle.corpus.articles.len(),
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
