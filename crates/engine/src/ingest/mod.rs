//! Ingest: seed files → pages, blocks and articles.
//!
//! Steps: lines (in reading order, after the manifest's moves) →
//! [`segment`] (markers cut out of lines) → [`blocks`] (paragraphs reflowed,
//! headings, head lines) → [`articles`] (heads paired with bodies). Every
//! page is checked by [`check_lossless`]: each non-whitespace character of
//! the seed lands in exactly one block, in order within its block. A page
//! that would lose text is an error, so the build fails.

pub mod articles;
pub mod blocks;
pub mod manifest;
pub mod segment;

use crate::model::{Article, Block, Corpus, Page};
use crate::reflow::lines;
use std::fmt;

pub use manifest::{Manifest, Move, PageManifest};
pub use segment::Piece;

/// One seed file, already decoded to text.
#[derive(Debug, Clone)]
pub struct SeedFile {
    /// File stem, e.g. `000_4f4c079eaddbb646`.
    pub stem: String,
    pub text: String,
}

/// An ingest error that names the file (and line, where there is one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for IngestError {}

/// A title made from the first sentence of a text.
pub fn title_from(text: &str) -> String {
    let end = text
        .char_indices()
        .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '；' | '，'))
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let first: String = text[..end].chars().take(30).collect();
    first
}

/// One ingested page, with where every block came from.
#[derive(Debug, Clone, Default)]
pub struct PageResult {
    pub page: Page,
    pub articles: Vec<Article>,
    /// Source ranges of each block of each article (parallel to `articles`).
    pub article_pieces: Vec<Vec<Vec<Piece>>>,
    /// Source ranges of each of `page.loose`.
    pub loose_pieces: Vec<Vec<Piece>>,
}

fn non_ws(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !c.is_whitespace())
}

/// The lossless guarantee: every non-whitespace character of the seed is in
/// exactly one block (article blocks and the page's loose blocks), and the
/// text of each block is exactly its source ranges, in order, whitespace
/// aside.
pub fn check_lossless(seed: &SeedFile, page: &PageResult) -> Result<(), IngestError> {
    let src = lines(&seed.text);
    let err = |line: Option<u32>, message: String| IngestError { file: format!("{}.txt", seed.stem), line, message };
    let mut seen: Vec<Vec<u8>> = src.iter().map(|l| vec![0u8; l.len()]).collect();
    let mut blocks: Vec<(&Block, &Vec<Piece>, String)> = Vec::new();
    if page.articles.len() != page.article_pieces.len() || page.page.loose.len() != page.loose_pieces.len() {
        return Err(err(None, "lossless check: block sources do not match the blocks".into()));
    }
    for (a, ps) in page.articles.iter().zip(&page.article_pieces) {
        if a.blocks.len() != ps.len() {
            return Err(err(None, format!("lossless check: {} has blocks without source", a.id)));
        }
        for (b, p) in a.blocks.iter().zip(ps) {
            blocks.push((b, p, a.id.clone()));
        }
    }
    for (b, p) in page.page.loose.iter().zip(&page.loose_pieces) {
        blocks.push((b, p, "the page".to_string()));
    }
    for (b, pieces, owner) in blocks {
        let mut from_src = String::new();
        for p in pieces {
            let line = (p.line as usize)
                .checked_sub(1)
                .and_then(|i| src.get(i))
                .filter(|l| p.start <= p.end && p.end <= l.len());
            let Some(text) = line.and_then(|l| l.get(p.start..p.end)) else {
                return Err(err(Some(p.line), format!("lossless check: a block of {owner} points outside the line")));
            };
            from_src.extend(non_ws(text));
            for (i, c) in text.char_indices() {
                if !c.is_whitespace() {
                    let n = &mut seen[p.line as usize - 1][p.start + i];
                    *n += 1;
                    if *n > 1 {
                        return Err(err(Some(p.line), format!("lossless check: {c:?} is in two blocks")));
                    }
                }
            }
        }
        if !non_ws(&b.text).eq(non_ws(&from_src)) {
            return Err(err(
                Some(b.line),
                format!("lossless check: a {} block of {owner} does not hold its source text", b.kind.name()),
            ));
        }
    }
    for (li, l) in src.iter().enumerate() {
        for (i, c) in l.char_indices() {
            if !c.is_whitespace() && seen[li][i] == 0 {
                return Err(err(
                    Some(li as u32 + 1),
                    format!("lossless check: {c:?} (byte {i} of the line) is in no block"),
                ));
            }
        }
    }
    Ok(())
}

/// Ingests one page (with what the manifest says about it) and checks it.
pub fn ingest_page_with(seed: &SeedFile, manifest: Option<&PageManifest>) -> Result<PageResult, IngestError> {
    let src = lines(&seed.text);
    let moves = manifest.map_or(&[][..], |m| m.moves.as_slice());
    let (order, cut_before) = manifest::apply_moves(&seed.stem, &src, moves)?;
    let segs = segment::segments(&src, &order, &cut_before);
    let drafts = blocks::build(&segs);
    let (drafts, loose) = articles::group(drafts, &seed.stem);
    let mut page = Page { stem: seed.stem.clone(), ..Page::default() };
    if let Some(m) = manifest {
        page.label = m.label.clone();
        page.number = m.number;
        page.source = m.source.clone();
        page.date = m.date.clone();
    }
    let mut result = PageResult::default();
    for (n, d) in drafts.into_iter().enumerate() {
        let mut a = d.article;
        a.id = format!("{}#{}", seed.stem, n + 1);
        if page.source.is_some() {
            a.source = page.source.clone();
        }
        a.date = page.date.clone();
        page.articles.push(a.id.clone());
        result.articles.push(a);
        result.article_pieces.push(d.pieces);
    }
    let (loose, loose_pieces): (Vec<Block>, Vec<Vec<Piece>>) = loose.into_iter().unzip();
    page.loose = loose;
    result.loose_pieces = loose_pieces;
    result.page = page;
    check_lossless(seed, &result)?;
    Ok(result)
}

/// Ingests one page without a manifest.
pub fn ingest_page(seed: &SeedFile) -> Result<(Page, Vec<Article>), IngestError> {
    let r = ingest_page_with(seed, None)?;
    Ok((r.page, r.articles))
}

/// Ingests every seed file, in the order given, with the manifest.
pub fn ingest_with(seeds: &[SeedFile], manifest: &Manifest) -> Result<Corpus, IngestError> {
    let stems: Vec<&str> = seeds.iter().map(|s| s.stem.as_str()).collect();
    manifest.validate(&stems)?;
    let mut corpus = Corpus::default();
    for seed in seeds {
        let r = ingest_page_with(seed, manifest.get(&seed.stem))?;
        corpus.pages.push(r.page);
        corpus.articles.extend(r.articles);
    }
    Ok(corpus)
}

/// Ingests every seed file, in the order given (no manifest).
pub fn ingest(seeds: &[SeedFile]) -> Result<Corpus, IngestError> {
    ingest_with(seeds, &Manifest::default())
}
