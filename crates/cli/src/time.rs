//! The archive through time on the command line: `timeline`, `terms`,
//! `page`, `cite` and `export`, and what `search --sort/--from/--to` add.
//! Every JSON shape here is a contract like `search --json` (README).

use serde::Serialize;
use std::rc::Rc;
use xunyue_core::date::{DateRange, Grain};
use xunyue_core::Article;
use xunyue_engine::time::{Order, PageView};
use xunyue_engine::{Engine, SearchHit, Source};

/// `--from`, `--to`, `--grain` as the engine reads them.
pub fn when(from: &str, to: &str, grain: Option<&str>) -> Result<(DateRange, Option<Grain>), String> {
    let range = DateRange::parse(from, to).map_err(|e| format!("--from {from:?} / --to {to:?}: {}", e.message()))?;
    let grain = match grain {
        None | Some("auto") => None,
        Some(g) => Some(Grain::parse(g).ok_or_else(|| format!("--grain {g:?}: day, week, month, year or auto"))?),
    };
    Ok((range, grain))
}

pub fn order(sort: &str) -> Result<Order, String> {
    Order::parse(sort).ok_or_else(|| format!("--sort {sort:?}: relevance, date (oldest first) or -date (newest first)"))
}

#[derive(Serialize)]
struct BucketOut<'a> {
    key: &'a str,
    from: &'a str,
    to: &'a str,
    issues: u32,
    articles: u32,
    chars: u64,
    matching: u32,
}

#[derive(Serialize)]
struct TimelineOut<'a> {
    query: &'a str,
    grain: &'a str,
    buckets: Vec<BucketOut<'a>>,
    undated: u32,
}

/// `xunyue timeline [QUERY]`.
pub fn timeline<S: Source>(e: &Engine<S>, query: &str, range: DateRange, grain: Option<Grain>, json: bool) -> Result<(), String> {
    let t = e.try_timeline(query, range, grain).map_err(|e| e.to_string())?;
    let out = TimelineOut {
        query,
        grain: t.grain.code(),
        buckets: t
            .buckets
            .iter()
            .map(|b| BucketOut { key: &b.key, from: &b.from, to: &b.to, issues: b.issues, articles: b.articles, chars: b.chars, matching: b.matching })
            .collect(),
        undated: t.undated,
    };
    if json {
        return crate::print_json(&out);
    }
    println!("by {}: bucket, issues, articles, matching", out.grain);
    for b in &out.buckets {
        println!("{:<10}  {:>5}  {:>6}  {:>6}", b.key, b.issues, b.articles, b.matching);
    }
    if out.undated > 0 {
        println!("undated     {:>13}", out.undated);
    }
    Ok(())
}

#[derive(Serialize)]
struct TermsBucketOut<'a> {
    key: &'a str,
    from: &'a str,
    to: &'a str,
    chars: u64,
    /// Per term.
    hits: Vec<u64>,
    articles: Vec<u32>,
    per_10k: Vec<f64>,
}

#[derive(Serialize)]
struct TermsOut<'a> {
    terms: Vec<&'a str>,
    grain: &'a str,
    totals: Vec<u64>,
    buckets: Vec<TermsBucketOut<'a>>,
}

/// `xunyue terms "A,B"`.
pub fn terms<S: Source>(e: &Engine<S>, input: &str, range: DateRange, grain: Option<Grain>, json: bool) -> Result<(), String> {
    let terms = xunyue_engine::time::terms::split_terms(input);
    if terms.is_empty() {
        return Err("terms: give one to four comma-separated terms".into());
    }
    let t = e.try_terms_over_time(&terms, range, grain).map_err(|e| e.to_string())?;
    let per: Vec<Vec<f64>> = (0..t.series.len()).map(|i| t.per_10k(i)).collect();
    let out = TermsOut {
        terms: t.series.iter().map(|s| s.term.as_str()).collect(),
        grain: t.timeline.grain.code(),
        totals: t.series.iter().map(|s| s.total).collect(),
        buckets: t
            .timeline
            .buckets
            .iter()
            .enumerate()
            .map(|(i, b)| TermsBucketOut {
                key: &b.key,
                from: &b.from,
                to: &b.to,
                chars: b.chars,
                hits: t.series.iter().map(|s| s.hits[i]).collect(),
                articles: t.series.iter().map(|s| s.articles[i]).collect(),
                per_10k: per.iter().map(|p| (p[i] * 1000.0).round() / 1000.0).collect(),
            })
            .collect(),
    };
    if json {
        return crate::print_json(&out);
    }
    println!("by {}: bucket, chars, then hits (per 10,000 chars) of {}", out.grain, out.terms.join(", "));
    for b in &out.buckets {
        let cells: Vec<String> = b.hits.iter().zip(&b.per_10k).map(|(h, p)| format!("{h:>6} ({p:>7.2})")).collect();
        println!("{:<10}  {:>9}  {}", b.key, b.chars, cells.join("  "));
    }
    Ok(())
}

/// Every article of `docs`, read.
fn records<S: Source>(e: &Engine<S>, docs: impl Iterator<Item = u32>) -> Result<Vec<Rc<Article>>, String> {
    docs.map(|d| e.try_article(d)).collect::<Result<_, _>>().map_err(|e| e.to_string())
}

/// The article of id `id`.
pub fn doc_of<S: Source>(e: &Engine<S>, id: &str) -> Result<u32, String> {
    e.try_find_article(id).map_err(|e| e.to_string())?.ok_or_else(|| format!("no article {id:?} in the archive"))
}

#[derive(Serialize)]
struct PageArticleOut<'a> {
    id: &'a str,
    title: &'a str,
    byline: &'a str,
    current: bool,
}

#[derive(Serialize)]
struct PageOut<'a> {
    stem: &'a str,
    label: &'a str,
    number: Option<u32>,
    source: &'a str,
    date: &'a str,
    articles: Vec<PageArticleOut<'a>>,
    prev: Option<&'a str>,
    next: Option<&'a str>,
    prev_issue: Option<&'a str>,
    next_issue: Option<&'a str>,
}

/// `xunyue page ID-OR-STEM` and `xunyue page --date DAY`.
pub fn page<S: Source>(e: &Engine<S>, what: Option<&str>, date: Option<&str>, json: bool) -> Result<(), String> {
    let layout = e.source().layout();
    let stem = |p: Option<u32>| p.and_then(|p| layout.pages.get(p as usize)).map(|p| p.stem.as_str());
    if let Some(d) = date {
        let day = xunyue_core::date::parse(d).map_err(|e| format!("--date {d:?}: {}", e.message()))?;
        let stems: Vec<&str> = e.pages_on(day).into_iter().filter_map(|p| stem(Some(p))).collect();
        if json {
            return crate::print_json(&stems);
        }
        for s in stems {
            println!("{s}");
        }
        return Ok(());
    }
    let what = what.ok_or("page: give an article id or a page stem, or --date YYYY-MM-DD")?;
    let (page, current) = match e.page_by_stem(what) {
        Some(p) => (p, None),
        None => {
            let d = doc_of(e, what)?;
            (e.page_of(d).ok_or_else(|| format!("article {what:?} is on no page"))?, Some(d))
        }
    };
    let v: PageView = e.page_view(page).ok_or_else(|| format!("no page {page}"))?;
    let arts = records(e, v.docs.clone())?;
    let out = PageOut {
        stem: &v.stem,
        label: v.label.as_deref().unwrap_or(""),
        number: v.number,
        source: v.source.as_deref().unwrap_or(""),
        date: v.date.as_deref().unwrap_or(""),
        articles: v
            .docs
            .clone()
            .zip(&arts)
            .map(|(d, a)| PageArticleOut { id: &a.id, title: &a.title, byline: a.byline.as_deref().unwrap_or(""), current: Some(d) == current })
            .collect(),
        prev: stem(v.prev),
        next: stem(v.next),
        prev_issue: stem(v.prev_issue),
        next_issue: stem(v.next_issue),
    };
    if json {
        return crate::print_json(&out);
    }
    println!("{}  {}  {}  {}", out.stem, out.source, out.date, out.label);
    for a in &out.articles {
        println!("{} {}  {}", if a.current { "▶" } else { " " }, a.id, a.title);
    }
    let or = |s: Option<&str>| s.unwrap_or("-").to_string();
    println!("page: prev {}  next {}   issue: prev {}  next {}", or(out.prev), or(out.next), or(out.prev_issue), or(out.next_issue));
    Ok(())
}

/// The citation parts of an article.
fn reference<'a>(a: &'a Article, page: Option<u32>, url: Option<&'a str>) -> xunyue_cite::Ref<'a> {
    xunyue_cite::Ref { title: &a.title, authors: &a.authors, paper: a.source.as_deref(), date: a.date.as_deref(), page, url }
}

#[derive(Serialize)]
struct CiteOut<'a> {
    id: &'a str,
    permalink: &'a str,
    gbt7714: String,
    chicago: String,
}

/// `xunyue cite ID`.
pub fn cite<S: Source>(e: &Engine<S>, id: &str, base: &str, style: &str, json: bool) -> Result<(), String> {
    let d = doc_of(e, id)?;
    let a = e.try_article(d).map_err(|e| e.to_string())?;
    let number = e.page_of(d).and_then(|p| e.source().layout().pages.get(p as usize)).and_then(|p| p.number);
    let link = xunyue_cite::permalink(base, &a.id);
    let url = (!base.is_empty()).then_some(link.as_str());
    let r = reference(&a, number, url);
    let out = CiteOut { id: &a.id, permalink: &link, gbt7714: xunyue_cite::gbt7714(&r), chicago: xunyue_cite::chicago(&r) };
    if json {
        return crate::print_json(&out);
    }
    match style {
        "gbt" | "gb" | "gbt7714" => println!("{}", out.gbt7714),
        "chicago" => println!("{}", out.chicago),
        "all" => println!("{}\n{}", out.gbt7714, out.chicago),
        s => return Err(format!("--style {s:?}: gbt, chicago or all")),
    }
    Ok(())
}

/// Context chars each side of a concordance line.
const CONTEXT: usize = 20;

/// `xunyue export QUERY --csv|--jsonl|--concordance`: the results as
/// `search` finds them (with its range and order).
pub fn export<S: Source>(e: &Engine<S>, hits: &[SearchHit], base: &str, format: &str) -> Result<String, String> {
    let arts = records(e, hits.iter().map(|h| h.doc))?;
    let layout = e.source().layout();
    if format == "concordance" {
        let mut owned: Vec<(usize, String, String, String)> = Vec::new();
        for (i, h) in hits.iter().enumerate() {
            let text = e.try_text(h.doc).map_err(|e| e.to_string())?;
            for &(s, t) in &h.spans {
                let (s, t) = (s as usize, (t as usize).min(text.len()));
                let flat = |c: &[char]| c.iter().map(|&c| if c.is_whitespace() { ' ' } else { c }).collect::<String>();
                owned.push((i, flat(&text[s.saturating_sub(CONTEXT)..s]), flat(&text[s..t]), flat(&text[t..(t + CONTEXT).min(text.len())])));
            }
        }
        let lines: Vec<xunyue_cite::Line> = owned
            .iter()
            .map(|(i, l, h, r)| {
                let a = &arts[*i];
                xunyue_cite::Line { id: &a.id, date: date_of(layout, hits[*i].doc), source: source_of(layout, hits[*i].doc), left: l, hit: h, right: r }
            })
            .collect();
        return Ok(xunyue_cite::concordance_csv(&lines));
    }
    let links: Vec<String> = arts.iter().map(|a| xunyue_cite::permalink(base, &a.id)).collect();
    let snippets: Vec<String> = hits.iter().map(|h| if h.snippet.text.is_empty() { e.snippet_for(h).text } else { h.snippet.text.clone() }).collect();
    let rows: Vec<xunyue_cite::Row> = hits
        .iter()
        .zip(&arts)
        .enumerate()
        .map(|(i, (h, a))| xunyue_cite::Row {
            id: &a.id,
            date: date_of(layout, h.doc),
            source: source_of(layout, h.doc),
            page: &a.page,
            title: &a.title,
            byline: a.byline.as_deref().unwrap_or(""),
            hits: h.spans.len() as u32,
            permalink: &links[i],
            snippet: &snippets[i],
        })
        .collect();
    Ok(if format == "jsonl" { xunyue_cite::results_jsonl(&rows) } else { xunyue_cite::results_csv(&rows) })
}

/// An article's date as the layout has it (its own, else its page's).
pub fn date_of(layout: &xunyue_format::archive::root::Layout, doc: u32) -> &str {
    layout.doc_date.get(doc as usize).copied().flatten().and_then(|d| layout.dates.get(d as usize)).map_or("", String::as_str)
}

pub fn source_of(layout: &xunyue_format::archive::root::Layout, doc: u32) -> &str {
    layout.source(doc).unwrap_or("")
}
