//! The ingest report: what ingest found in a source folder, page by page —
//! the articles (title, byline, length), the blocks that belong to no
//! article, and what looks wrong — so that a publisher sees what to fix
//! (a manifest move, a file-name pattern, a page to look at) before
//! publishing. `xunyue ingest-report DIR [--json]` prints it.

use crate::{ingest_all, Ingested};
use serde::Serialize;
use std::collections::BTreeMap;
use xunyue_core::model::{Article, BlockKind};
use xunyue_read::{Format, SeedError, Seeds};

/// An article without a headline longer than this (chars) is suspicious:
/// most likely several stories read as one.
pub const LONG_WITHOUT_HEADLINE: usize = 3000;

/// An article holding more than this share of a page's text (in percent), on
/// a page of at least [`MERGED_PAGE_CHARS`], may be several stories read as
/// one.
pub const MERGED_SHARE: usize = 80;

/// Pages shorter than this (chars) are not checked for merged stories: a
/// page with one short story is just that.
pub const MERGED_PAGE_CHARS: usize = 6000;

/// An article with less body text than this (chars) is suspicious: a
/// heading or a caption read as a story.
pub const SHORT_ARTICLE: usize = 20;

/// A headline longer than this (chars), or ending a sentence, may be a
/// sentence of the body read as a headline.
pub const LONG_HEADLINE: usize = 40;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub pages: Vec<PageReport>,
    pub summary: Summary,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageReport {
    /// The page's id (file stem).
    pub page: String,
    /// Its file in the source folder.
    pub file: String,
    /// `text`, `alto` or `jsonl`.
    pub format: &'static str,
    pub label: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub articles: Vec<ArticleReport>,
    /// Blocks that belong to no article (advertisement marks): not searched.
    pub unassigned: Vec<BlockNote>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleReport {
    pub id: String,
    pub title: String,
    /// No headline was found: the title is the first sentence.
    pub title_inferred: bool,
    pub byline: Option<String>,
    /// Chars of the article's text.
    pub chars: usize,
    pub paragraphs: usize,
    /// `file:line` where it starts.
    pub at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BlockNote {
    pub kind: &'static str,
    pub text: String,
    pub at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Warning {
    /// `no-headline`, `long-without-headline`, `merged`, `short`, `no-text`,
    /// `headline-like-a-sentence`.
    pub kind: &'static str,
    pub article: String,
    pub at: String,
    pub message: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Files read, by format.
    pub files: BTreeMap<&'static str, usize>,
    pub pages: usize,
    pub articles: usize,
    pub chars: usize,
    pub without_headline: usize,
    pub unassigned: usize,
    pub warnings: usize,
}

fn at(file: &str, format: Format, seeds: &Seeds, line: u32) -> String {
    if format == Format::Alto {
        if let Some(o) = seeds.origins.iter().find(|o| o.file == file) {
            return o.at(line);
        }
    }
    format!("{file}:{line}")
}

fn first_line(a: &Article) -> u32 {
    a.blocks.iter().map(|b| b.line).min().unwrap_or(0)
}

fn page_report(p: &Ingested, seeds: &Seeds) -> PageReport {
    let r = &p.result;
    let here = |line: u32| at(&p.file, p.format, seeds, line);
    let page_chars: usize = r.articles.iter().map(|a| a.text().chars().count()).sum();
    let mut warnings = Vec::new();
    let mut articles = Vec::new();
    for a in &r.articles {
        let chars = a.text().chars().count();
        let body: usize = a.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| b.text.chars().count()).sum();
        let paragraphs = a.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).count();
        let loc = here(first_line(a));
        let mut warn = |kind: &'static str, message: String| {
            warnings.push(Warning { kind, article: a.id.clone(), at: loc.clone(), message });
        };
        if a.title_inferred && a.continued_from.is_none() {
            if chars > LONG_WITHOUT_HEADLINE {
                warn("long-without-headline", format!("{chars} chars and no headline: several stories read as one?"));
            } else {
                warn("no-headline", "no headline found; the title is its first sentence".to_string());
            }
        }
        if page_chars >= MERGED_PAGE_CHARS && chars * 100 > page_chars * MERGED_SHARE && r.articles.len() > 1 {
            warn("merged", format!("holds {}% of the page's text: several stories read as one?", chars * 100 / page_chars.max(1)));
        }
        if paragraphs == 0 {
            warn("no-text", "no paragraph: a heading or captions read as a story?".to_string());
        } else if body < SHORT_ARTICLE {
            warn("short", format!("{body} chars of text: a heading or a caption read as a story?"));
        }
        if !a.title_inferred
            && (a.title.chars().count() > LONG_HEADLINE || crate::markers::ends_sentence(&a.title))
        {
            warn("headline-like-a-sentence", format!("headline {:?} reads like a sentence of the text", a.title));
        }
        articles.push(ArticleReport {
            id: a.id.clone(),
            title: a.title.clone(),
            title_inferred: a.title_inferred,
            byline: a.byline.clone(),
            chars,
            paragraphs,
            at: loc,
        });
    }
    let unassigned = r
        .page
        .loose
        .iter()
        .map(|b| BlockNote { kind: b.kind.name(), text: b.text.clone(), at: here(b.line) })
        .collect();
    PageReport {
        page: r.page.stem.clone(),
        file: p.file.clone(),
        format: p.format.name(),
        label: r.page.label.clone(),
        date: r.page.date.clone(),
        source: r.page.source.clone(),
        articles,
        unassigned,
        warnings,
    }
}

/// The report of a source folder read by `xunyue_read`.
pub fn report_seeds(seeds: &Seeds) -> Result<Report, SeedError> {
    let pages = ingest_all(seeds).map_err(SeedError::Page)?;
    let mut summary = Summary::default();
    for f in &seeds.origins {
        *summary.files.entry(f.format.name()).or_default() += 1;
    }
    if !seeds.records.is_empty() {
        summary.files.insert(Format::Jsonl.name(), seeds.records.len());
    }
    let pages: Vec<PageReport> = pages.iter().map(|p| page_report(p, seeds)).collect();
    for p in &pages {
        summary.pages += 1;
        summary.articles += p.articles.len();
        summary.chars += p.articles.iter().map(|a| a.chars).sum::<usize>();
        summary.without_headline += p.articles.iter().filter(|a| a.title_inferred).count();
        summary.unassigned += p.unassigned.len();
        summary.warnings += p.warnings.len();
    }
    Ok(Report { pages, summary })
}

/// Reads a source folder and reports on it.
pub fn report_dir(dir: &std::path::Path) -> Result<Report, SeedError> {
    report_seeds(&xunyue_read::read_seeds(dir)?)
}

/// The report as JSON (one line).
pub fn to_json(r: &Report) -> String {
    serde_json::to_string(r).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
}

/// The report as text for a reader.
pub fn to_text(r: &Report) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    for p in &r.pages {
        let facts: Vec<String> = [p.source.clone(), p.date.clone(), p.label.clone()].into_iter().flatten().collect();
        let facts = if facts.is_empty() { String::new() } else { format!(" [{}]", facts.join(", ")) };
        let _ = writeln!(s, "{} ({}){facts}: {} article{}", p.file, p.format, p.articles.len(), if p.articles.len() == 1 { "" } else { "s" });
        for a in &p.articles {
            let n = a.id.rsplit('#').next().unwrap_or("");
            let title = if a.title_inferred { format!("({}…)", a.title) } else { a.title.clone() };
            let byline = a.byline.as_deref().map(|b| format!(" · {b}")).unwrap_or_default();
            let _ = writeln!(s, "  #{n:<3} {title}{byline} · {} chars · {}", a.chars, a.at);
        }
        for b in &p.unassigned {
            let _ = writeln!(s, "  unassigned {} {:?} · {}", b.kind, b.text, b.at);
        }
        for w in &p.warnings {
            let _ = writeln!(s, "  ! {}: {} ({}): {}", w.at, w.article, w.kind, w.message);
        }
    }
    let files: Vec<String> = r.summary.files.iter().map(|(k, v)| format!("{v} {k}")).collect();
    let _ = writeln!(
        s,
        "summary: {} files ({}), {} pages, {} articles, {} chars; {} without a headline, {} unassigned blocks, {} warnings",
        r.summary.files.values().sum::<usize>(),
        files.join(", "),
        r.summary.pages,
        r.summary.articles,
        r.summary.chars,
        r.summary.without_headline,
        r.summary.unassigned,
        r.summary.warnings
    );
    s
}
