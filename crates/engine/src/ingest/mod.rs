//! Ingest: seed files → pages and articles.

use crate::model::{Article, Block, BlockKind, Corpus, Page};
use crate::reflow::reflow;
use std::fmt;

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

/// Ingests one page: every paragraph of the page becomes a block of one article.
pub fn ingest_page(seed: &SeedFile) -> Result<(Page, Vec<Article>), IngestError> {
    let blocks: Vec<Block> = reflow(&seed.text)
        .into_iter()
        .map(|p| Block { kind: BlockKind::Paragraph, text: p.text, line: p.line })
        .collect();
    let mut page = Page { stem: seed.stem.clone(), ..Page::default() };
    if blocks.is_empty() {
        return Ok((page, Vec::new()));
    }
    let id = format!("{}#1", seed.stem);
    let article = Article {
        id: id.clone(),
        page: seed.stem.clone(),
        title: title_from(&blocks[0].text),
        title_inferred: true,
        blocks,
        ..Article::default()
    };
    page.articles.push(id);
    Ok((page, vec![article]))
}

/// Ingests every seed file, in the order given.
pub fn ingest(seeds: &[SeedFile]) -> Result<Corpus, IngestError> {
    let mut corpus = Corpus::default();
    for seed in seeds {
        let (page, articles) = ingest_page(seed)?;
        corpus.pages.push(page);
        corpus.articles.extend(articles);
    }
    Ok(corpus)
}
