//! Ingest: page files → pages, blocks and articles (build time).
//!
//! Steps: lines (in reading order, after the manifest's [`moves`]) →
//! [`markers`] (bylines, captions, continuation marks … cut out of lines,
//! with [`reflow`]'s line rules) → [`blocks`] (paragraphs reflowed, headings,
//! head lines) → [`articles`] (heads paired with bodies). Every page is
//! checked by [`lossless::check_lossless`]: each non-whitespace character of
//! the page lands in exactly one block, in order within its block. A page
//! that would lose text is an error, so the build fails.
//!
//! [`ingest_dir`] takes a whole source folder: text pages and ALTO pages
//! (read into page text by `xunyue-read`) go through the steps above; JSON
//! Lines records keep their own segmentation ([`records`]). [`report`] says
//! what ingest found, page by page, for a publisher to check.

pub mod articles;
pub mod blocks;
pub mod lossless;
pub mod markers;
pub mod moves;
pub mod records;
pub mod reflow;
pub mod report;

use reflow::lines;
use xunyue_core::model::{Article, Block, BlockKind, Corpus, Page};
use xunyue_read::{Format, Manifest, PageManifest, SeedError, SeedFile, Seeds};

pub use lossless::{check_lossless, check_lossless_in};
pub use markers::Piece;
/// Errors of ingest name the page file (and the line).
pub use xunyue_read::PageError as IngestError;

/// Longest title made of a first sentence, in chars: enough to tell the
/// story in a result list, short of a paragraph.
pub const INFERRED_TITLE_CHARS: usize = 30;

/// A title made from the first sentence of a text.
pub fn title_from(text: &str) -> String {
    let end = text
        .char_indices()
        .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '；' | '，'))
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    let first: String = text[..end].chars().take(INFERRED_TITLE_CHARS).collect();
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

/// Ingests one page (with what the manifest says about it) and checks it.
pub fn ingest_page_with(seed: &SeedFile, manifest: Option<&PageManifest>) -> Result<PageResult, IngestError> {
    ingest_page_in(&format!("{}.txt", seed.stem), seed, manifest)
}

/// [`ingest_page_with`], naming `file` in errors about the page.
pub fn ingest_page_in(file: &str, seed: &SeedFile, manifest: Option<&PageManifest>) -> Result<PageResult, IngestError> {
    let src = lines(&seed.text);
    let moves = manifest.map_or(&[][..], |m| m.moves.as_slice());
    let (order, cut_before) = moves::apply_moves(&seed.stem, &src, moves)?;
    let segs = markers::segments(&src, &order, &cut_before);
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
    // A page label line (`第3版 要闻`) names the page when the manifest
    // does not.
    if page.label.is_none() {
        page.label = loose.iter().find(|(b, _)| b.kind == BlockKind::SectionHeading).map(|(b, _)| b.text.clone());
    }
    let (loose, loose_pieces): (Vec<Block>, Vec<Vec<Piece>>) = loose.into_iter().unzip();
    page.loose = loose;
    result.loose_pieces = loose_pieces;
    result.page = page;
    check_lossless_in(file, seed, &result)?;
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

/// One page of a source folder, ingested, with the file it came from.
#[derive(Debug, Clone)]
pub struct Ingested {
    /// Path of the file in the folder.
    pub file: String,
    pub format: Format,
    pub result: PageResult,
}

/// Ingests every file of a source folder read by `xunyue_read`: the pages in
/// the order of their files' paths (a JSON Lines file's pages where the file
/// stands, in the order of their records).
pub fn ingest_all(seeds: &Seeds) -> Result<Vec<Ingested>, IngestError> {
    let stems: Vec<&str> = seeds.files.iter().map(|s| s.stem.as_str()).collect();
    seeds.manifest.validate(&stems)?;
    let mut out: Vec<Ingested> = Vec::new();
    for (i, seed) in seeds.files.iter().enumerate() {
        let (file, format) = match seeds.origins.get(i) {
            Some(o) => (o.file.clone(), o.format),
            None => (format!("{}.txt", seed.stem), Format::Text),
        };
        let mut result = ingest_page_in(&file, seed, seeds.manifest.get(&seed.stem)).map_err(|mut e| {
            // ALTO: name the XML line, not the line of the page text.
            if let (Some(o), Some(l)) = (seeds.origins.get(i).filter(|o| o.format == Format::Alto), e.line) {
                e.line = o.xml_lines.get(l as usize - 1).copied();
            }
            e
        })?;
        result.page.stem = seed.stem.clone();
        out.push(Ingested { file, format, result });
    }
    for rf in &seeds.records {
        for result in records::ingest_records(rf)? {
            out.push(Ingested { file: rf.file.clone(), format: Format::Jsonl, result });
        }
    }
    // Stable: a JSON Lines file's pages keep their order.
    out.sort_by(|a, b| a.file.cmp(&b.file));
    let mut seen = std::collections::BTreeMap::new();
    for p in &out {
        if let Some(other) = seen.insert(p.result.page.stem.as_str(), p.file.as_str()) {
            return Err(IngestError {
                file: p.file.clone(),
                line: None,
                message: format!("makes page {:?}, which {other} makes too; rename one of the files", p.result.page.stem),
            });
        }
    }
    // Article ids are permalinks: one article each (JSON Lines records may
    // bring their own).
    let mut ids = std::collections::BTreeMap::new();
    for p in &out {
        for a in &p.result.articles {
            if let Some(other) = ids.insert(a.id.as_str(), p.file.as_str()) {
                return Err(IngestError {
                    file: p.file.clone(),
                    line: None,
                    message: format!("article id {:?} is given twice (also in {other}); ids must be unique", a.id),
                });
            }
        }
    }
    Ok(out)
}

/// The corpus of ingested pages.
pub fn corpus_of(pages: Vec<Ingested>) -> Corpus {
    let mut corpus = Corpus::default();
    for p in pages {
        corpus.pages.push(p.result.page);
        corpus.articles.extend(p.result.articles);
    }
    corpus
}

/// Ingests a source folder read by `xunyue_read`.
pub fn ingest_seeds(seeds: &Seeds) -> Result<Corpus, SeedError> {
    Ok(corpus_of(ingest_all(seeds).map_err(SeedError::Page)?))
}

/// Reads a source folder (`xunyue_read`) and ingests it: the corpus an
/// archive is made of. Every format in the folder is read (text pages, ALTO
/// pages, JSON Lines records).
pub fn ingest_dir(dir: &std::path::Path) -> Result<Corpus, SeedError> {
    ingest_seeds(&xunyue_read::read_seeds(dir)?)
}
