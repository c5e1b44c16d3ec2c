//! Writing an archive: `jsonl` (the ground truth, one article a line) or
//! `txt` (one e-paper text page a file, with a manifest and the ground truth).

use crate::archive::{Archive, Article, Issue, Page, Plan};
use crate::stats::TextStats;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Txt,
    Jsonl,
}

/// One line of `articles.jsonl` / `truth.jsonl`.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    /// `<page stem>#<n>`, n counting from 1 in page order (as ingest does).
    pub id: String,
    /// The page file stem (in `truth.jsonl` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stem: Option<&'a str>,
    pub source: &'a str,
    pub date: String,
    pub page: u32,
    pub page_label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kicker: Option<&'a str>,
    pub title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<&'a str>,
    pub byline: &'a str,
    pub text: String,
}

/// What was written.
#[derive(Debug, Default)]
pub struct Summary {
    pub issues: u64,
    pub pages: u64,
    pub articles: u64,
    /// Bytes of article text (what `--mb` counts).
    pub text_bytes: u64,
    /// Bytes of the files written.
    pub file_bytes: u64,
    pub files: u64,
    pub sources: BTreeSet<String>,
    pub years: BTreeSet<i32>,
    pub stats: TextStats,
}

/// Page text in the e-paper layout: per article the kicker line (if any),
/// the headline, the subtitle (if any), a blank line, the byline, then one
/// line per paragraph opening with two ideographic spaces; a blank line
/// between articles.
pub fn page_text(page: &Page) -> String {
    let mut s = String::new();
    for (i, a) in page.articles.iter().enumerate() {
        if i > 0 {
            s.push('\n');
        }
        if let Some(k) = &a.kicker {
            s.push_str(k);
            s.push('\n');
        }
        s.push_str(&a.title);
        s.push('\n');
        if let Some(t) = &a.subtitle {
            s.push_str(t);
            s.push('\n');
        }
        s.push('\n');
        s.push_str(&a.byline);
        s.push('\n');
        for p in &a.paragraphs {
            s.push_str("\u{3000}\u{3000}");
            s.push_str(p);
            s.push('\n');
        }
    }
    s
}

fn record<'a>(archive: &'a Archive, issue: &Issue, page: &'a Page, n: usize, a: &'a Article, stem: &'a str) -> Record<'a> {
    Record {
        id: format!("{stem}#{}", n + 1),
        stem: None,
        source: archive.sources[issue.source].name,
        date: issue.date.iso(),
        page: page.number,
        page_label: &page.label,
        kicker: a.kicker.as_deref(),
        title: &a.title,
        subtitle: a.subtitle.as_deref(),
        byline: &a.byline,
        text: a.text(),
    }
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Is this a file an earlier run of this archive's generator wrote?
fn ours(archive: &Archive, name: &str) -> bool {
    if matches!(name, "articles.jsonl" | "truth.jsonl" | "corpus.toml") {
        return true;
    }
    let Some(stem) = name.strip_suffix(".txt") else { return false };
    archive.sources.iter().any(|s| {
        stem.strip_prefix(s.slug).and_then(|r| r.strip_prefix('-')).is_some_and(|r| {
            let b = r.as_bytes();
            b.len() == 11 && b[8] == b'-' && b.iter().enumerate().all(|(i, c)| i == 8 || c.is_ascii_digit())
        })
    })
}

/// Writes the planned archive into `dir` (made if missing). Files an earlier
/// run left there (`articles.jsonl`, `truth.jsonl`, `corpus.toml`, page
/// files named like ours) are removed first; nothing else is touched.
/// `progress` is told the articles written so far.
pub fn write(
    archive: &Archive,
    plan: &Plan,
    format: Format,
    dir: &Path,
    mut progress: impl FnMut(u64),
) -> io::Result<Summary> {
    fs::create_dir_all(dir)?;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_str().is_some_and(|n| ours(archive, n)) && entry.file_type()?.is_file() {
            fs::remove_file(entry.path())?;
        }
    }
    let mut sum = Summary::default();
    let jsonl_name = if format == Format::Jsonl { "articles.jsonl" } else { "truth.jsonl" };
    let mut jsonl = BufWriter::new(File::create(dir.join(jsonl_name))?);
    let mut toml = String::new();
    if format == Format::Txt {
        toml.push_str(&format!(
            "# Manifest of a synthetic archive (xunyue-synth, seed {}): one entry per page file.\n",
            archive.seed
        ));
    }
    for &(idx, keep) in &plan.issues {
        let mut issue = archive.issue(idx);
        issue.truncate(keep);
        let source = &archive.sources[issue.source];
        sum.issues += 1;
        sum.sources.insert(source.name.to_string());
        sum.years.insert(issue.date.year);
        for page in &issue.pages {
            let stem = archive.stem(&issue, page);
            sum.pages += 1;
            for (n, a) in page.articles.iter().enumerate() {
                let mut r = record(archive, &issue, page, n, a, &stem);
                if format == Format::Txt {
                    r.stem = Some(&stem);
                }
                serde_json::to_writer(&mut jsonl, &r)?;
                jsonl.write_all(b"\n")?;
                sum.articles += 1;
                sum.text_bytes += a.bytes();
                let mut unit = String::with_capacity(a.bytes() as usize + 8);
                for f in [a.kicker.as_deref(), Some(&a.title), a.subtitle.as_deref(), Some(&a.byline)].into_iter().flatten()
                {
                    unit.push_str(f);
                    unit.push('\n');
                }
                unit.push_str(&r.text);
                sum.stats.add(&unit);
            }
            if format == Format::Txt {
                let text = page_text(page);
                let path = dir.join(format!("{stem}.txt"));
                fs::write(&path, text.as_bytes())?;
                sum.file_bytes += text.len() as u64;
                sum.files += 1;
                toml.push_str(&format!(
                    "\n[page.{}]\nsource = {}\ndate = \"{}\"\nlabel = {}\nnumber = {}\n",
                    toml_string(&stem),
                    toml_string(source.name),
                    issue.date.iso(),
                    toml_string(&page.label),
                    page.number
                ));
            }
            progress(sum.articles);
        }
    }
    jsonl.flush()?;
    drop(jsonl);
    sum.file_bytes += fs::metadata(dir.join(jsonl_name))?.len();
    sum.files += 1;
    if format == Format::Txt {
        fs::write(dir.join("corpus.toml"), toml.as_bytes())?;
        sum.file_bytes += toml.len() as u64;
        sum.files += 1;
    }
    Ok(sum)
}
