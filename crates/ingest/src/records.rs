//! JSON Lines article records → pages and articles, keeping the records'
//! own segmentation: one record is one article, whatever its text looks
//! like.
//!
//! Records are grouped into pages by (newspaper, date, page), in the order
//! of their first record. A file whose records make one page names it after
//! the file's stem (`2024-01-31.jsonl` → `2024-01-31`); else the pages are
//! `<stem>/1`, `<stem>/2` … in that order. Each article's blocks are its
//! kicker, headline, subtitle, byline and one paragraph per line of its
//! text, with the line rules of the text pages (spaces between Han
//! characters dropped, one space between Latin words).
//!
//! The lossless check runs here too, on a page text made of the records'
//! fields, one line each: every character a record holds is in a block.

use crate::lossless::check_lossless_in;
use crate::markers::{collapse_spaces, heading_text, Piece};
use crate::reflow::squeeze_line;
use crate::{IngestError, PageResult};
use xunyue_core::model::{Article, Block, BlockKind, Page};
use xunyue_read::{PageRef, Record, RecordFile, SeedFile};

/// The page key of a record: newspaper, date, page.
type Key = (Option<String>, Option<String>, Option<PageRef>, Option<String>);

fn key(file: &RecordFile, r: &Record) -> Key {
    (r.source.clone().or_else(|| file.source.clone()), r.date.clone().or_else(|| file.date.clone()), r.page.clone(), r.page_label.clone())
}

/// The stem of one page of a records file: the file's stem, then what tells
/// the page (source, date, page), e.g. `articles/海滨日报/2024-01-31/3`.
fn page_stem(file: &RecordFile, k: &Key, g: usize, taken: &mut Vec<String>) -> String {
    let mut parts: Vec<String> = Vec::new();
    // What the file's own path says already is not said again.
    let said = |x: &String| file.stem.split('/').any(|c| c == x);
    parts.extend(k.0.clone().filter(|x| !said(x)));
    parts.extend(k.1.clone().filter(|x| !said(x)));
    match &k.2 {
        Some(PageRef::Number(n)) => parts.push(n.to_string()),
        Some(PageRef::Label(l)) => parts.push(l.clone()),
        None => parts.extend(k.3.clone()),
    }
    let mut stem = if parts.is_empty() { format!("{}/{}", file.stem, g + 1) } else { format!("{}/{}", file.stem, parts.join("/")) };
    stem = stem.replace('#', "-");
    if taken.contains(&stem) {
        stem = format!("{stem}-{}", g + 1);
    }
    taken.push(stem.clone());
    stem
}

/// A page text being made of record fields, with pieces pointing into it.
#[derive(Default)]
struct Text {
    text: String,
    lines: u32,
    /// JSON Lines line of each line of `text`.
    origin: Vec<u32>,
}

impl Text {
    /// Adds one line; the piece covering it.
    fn line(&mut self, s: &str, from: u32) -> Piece {
        // A field's own line breaks were split before; tabs and other
        // whitespace stay as they are.
        self.text.push_str(s);
        self.text.push('\n');
        self.lines += 1;
        self.origin.push(from);
        Piece { line: self.lines, start: 0, end: s.len() }
    }
}

/// Every page of one JSON Lines file, ingested and checked.
pub fn ingest_records(file: &RecordFile) -> Result<Vec<PageResult>, IngestError> {
    let mut keys: Vec<Key> = Vec::new();
    let mut groups: Vec<Vec<&Record>> = Vec::new();
    for r in &file.records {
        let k = key(file, r);
        match keys.iter().position(|x| *x == k) {
            Some(i) => groups[i].push(r),
            None => {
                keys.push(k);
                groups.push(vec![r]);
            }
        }
    }
    let one = groups.len() == 1;
    let mut out = Vec::with_capacity(groups.len());
    let mut taken = Vec::new();
    for (g, (records, k)) in groups.into_iter().zip(keys).enumerate() {
        let stem = if one { file.stem.clone() } else { page_stem(file, &k, g, &mut taken) };
        let (source, date, page_ref, label) = k;
        let mut page = Page { stem: stem.clone(), source: source.clone(), date: date.clone(), label, ..Page::default() };
        match page_ref {
            Some(PageRef::Number(n)) => page.number = Some(n),
            Some(PageRef::Label(l)) => page.label = Some(l),
            None => {}
        }
        let mut text = Text::default();
        let mut result = PageResult::default();
        for (n, r) in records.into_iter().enumerate() {
            let (a, pieces) = article(r, &stem, n + 1, &source, &date, &mut text);
            page.articles.push(a.id.clone());
            result.articles.push(a);
            result.article_pieces.push(pieces);
            text.line("", r.line);
        }
        result.page = page;
        let seed = SeedFile { stem, text: text.text };
        check_lossless_in(&file.file, &seed, &result).map_err(|mut e| {
            e.line = e.line.and_then(|l| text.origin.get(l as usize - 1).copied());
            e
        })?;
        out.push(result);
    }
    Ok(out)
}

fn article(
    r: &Record,
    stem: &str,
    n: usize,
    source: &Option<String>,
    date: &Option<String>,
    text: &mut Text,
) -> (Article, Vec<Vec<Piece>>) {
    let mut a = Article {
        id: r.id.clone().unwrap_or_else(|| format!("{stem}#{n}")),
        page: stem.to_string(),
        source: source.clone(),
        date: date.clone(),
        ..Article::default()
    };
    let mut blocks: Vec<(Block, Vec<Piece>)> = Vec::new();
    let mut add = |kind: BlockKind, raw: &str, shown: String, text: &mut Text| -> Option<String> {
        if shown.is_empty() {
            // Whitespace only: nothing to keep, nothing lost.
            return None;
        }
        let piece = text.line(raw, r.line);
        blocks.push((Block { kind, text: shown.clone(), line: r.line }, vec![piece]));
        Some(shown)
    };
    let one_line = |s: &str| s.replace(['\n', '\r'], " ");
    if let Some(k) = &r.kicker {
        let k = one_line(k);
        a.kicker = add(BlockKind::Kicker, &k, heading_text(&k), text);
    }
    if let Some(t) = &r.title {
        let t = one_line(t);
        if let Some(t) = add(BlockKind::Headline, &t, heading_text(&t), text) {
            a.title = t;
        }
    }
    if let Some(s) = &r.subtitle {
        let s = one_line(s);
        a.subtitle = add(BlockKind::Kicker, &s, heading_text(&s), text);
    }
    let byline = match (&r.byline, r.authors.is_empty()) {
        (Some(b), _) => Some(one_line(b)),
        (None, false) => Some(r.authors.iter().map(|x| one_line(x)).collect::<Vec<_>>().join(" ")),
        (None, true) => None,
    };
    if let Some(b) = byline {
        if let Some(shown) = add(BlockKind::Byline, &b, collapse_spaces(&b), text) {
            let (t, authors) = crate::articles::parse_byline(&shown);
            a.byline = Some(t);
            a.authors = if r.authors.is_empty() { authors } else { r.authors.iter().map(|x| collapse_spaces(x)).collect() };
        }
    }
    for line in &r.text {
        add(BlockKind::Paragraph, line, squeeze_line(line), text);
    }
    if a.title.is_empty() {
        let first = blocks.iter().find(|(b, _)| b.kind == BlockKind::Paragraph).map_or("", |(b, _)| b.text.as_str());
        a.title = crate::title_from(first);
        a.title_inferred = true;
    }
    let (blocks, pieces): (Vec<Block>, Vec<Vec<Piece>>) = blocks.into_iter().unzip();
    a.blocks = blocks;
    (a, pieces)
}
