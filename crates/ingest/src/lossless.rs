//! The lossless guarantee of ingest: every character of a page is in one
//! block, so whatever the segmentation decides, all of the page stays
//! searchable.

use crate::reflow::lines;
use crate::{IngestError, PageResult, Piece};
use xunyue_core::model::Block;
use xunyue_read::SeedFile;

fn non_ws(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !c.is_whitespace())
}

/// The lossless guarantee: every non-whitespace character of the seed is in
/// exactly one block (article blocks and the page's loose blocks), and the
/// text of each block is exactly its source ranges, in order, whitespace
/// aside.
pub fn check_lossless(seed: &SeedFile, page: &PageResult) -> Result<(), IngestError> {
    check_lossless_in(&format!("{}.txt", seed.stem), seed, page)
}

/// [`check_lossless`], naming `file` in its errors (the page text of an
/// ALTO file or of JSON Lines records is not a `.txt` file).
pub fn check_lossless_in(file: &str, seed: &SeedFile, page: &PageResult) -> Result<(), IngestError> {
    let src = lines(&seed.text);
    let err = |line: Option<u32>, message: String| IngestError { file: file.to_string(), line, message };
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

