//! ALTO XML pages (the OCR format of newspaper digitization, versions 1–4):
//! `TextBlock` / `TextLine` / `String`, turned into page text that ingest
//! reads exactly like a `.txt` page.
//!
//! - One line of page text per `TextLine`: its `String`s' `CONTENT` in order,
//!   a space for each `SP`, and the `CONTENT` of a `HYP` (the hyphen at a
//!   line end) kept where it stands — the text pages keep the hyphen the OCR
//!   read, and reflow then joins the lines the same way.
//! - A blank line between `TextBlock`s (as between the text pages' blocks).
//! - Blocks in reading order: the `ReadingOrder` element of ALTO 4.3+ when
//!   there is one (blocks in the order of their first reference), else the
//!   `IDNEXT` chains of the blocks, else document order. A block no order
//!   names comes after the ordered ones, in document order: none is lost.
//! - `TextBlock`s inside `ComposedBlock`s are read where they stand; layout
//!   without text (`Illustration`, `GraphicalElement`) is skipped.
//!
//! Errors name the file, line and column: XML that does not parse, a root
//! element other than `<alto>`, a `String` without `CONTENT`, a reading
//! order that names no block, a file without any text.
//!
//! Parsed with `roxmltree`: a read-only XML tree, no dependencies, the line
//! and column of every node and of every syntax error — what an error
//! message naming the line needs. (`quick-xml`, the other well-kept choice,
//! streams events and gives byte offsets; ALTO pages are a few MB at most, so
//! a tree costs nothing and the reading order needs one.)

use crate::seeds::SeedError;
use std::collections::HashMap;
use std::path::Path;

/// An ALTO page as text, with where each line came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AltoPage {
    pub text: String,
    /// For each line of `text`, the 1-based XML line of its `TextLine` (a
    /// blank line: that of the block after it).
    pub xml_lines: Vec<u32>,
}

fn error(path: &Path, pos: roxmltree::TextPos, message: String) -> SeedError {
    SeedError::Format { path: path.to_path_buf(), line: Some(pos.row as usize), column: Some(pos.col as usize), message }
}

fn is(node: &roxmltree::Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

/// Every `TextBlock` under `node`, in document order.
fn text_blocks<'a, 'i>(node: roxmltree::Node<'a, 'i>) -> Vec<roxmltree::Node<'a, 'i>> {
    node.descendants().filter(|n| is(n, "TextBlock")).collect()
}

/// Orders the blocks: `ReadingOrder`, else `IDNEXT`, else as given.
fn reading_order<'a, 'i>(
    path: &Path,
    doc: &'a roxmltree::Document<'i>,
    blocks: Vec<roxmltree::Node<'a, 'i>>,
) -> Result<Vec<roxmltree::Node<'a, 'i>>, SeedError> {
    let id_of = |n: &roxmltree::Node| n.attribute("ID").map(str::to_string);
    let index: HashMap<String, usize> = blocks.iter().enumerate().filter_map(|(i, b)| Some((id_of(b)?, i))).collect();
    // Any element with an ID → the block it lies in (refs may name lines).
    let mut owner: HashMap<&str, usize> = HashMap::new();
    for (i, b) in blocks.iter().enumerate() {
        for d in b.descendants().filter(|d| d.is_element()) {
            if let Some(id) = d.attribute("ID") {
                owner.insert(id, i);
            }
        }
    }
    let mut order: Vec<usize> = Vec::new();
    let mut placed = vec![false; blocks.len()];
    let place = |i: usize, order: &mut Vec<usize>, placed: &mut Vec<bool>| {
        if !placed[i] {
            placed[i] = true;
            order.push(i);
        }
    };
    if let Some(ro) = doc.root_element().children().find(|n| is(n, "ReadingOrder")) {
        for r in ro.descendants().filter(|n| is(n, "ElementRef")) {
            for id in r.attribute("REF").unwrap_or("").split_whitespace() {
                match owner.get(id) {
                    Some(&i) => place(i, &mut order, &mut placed),
                    None if doc.descendants().any(|n| n.attribute("ID") == Some(id)) => {}
                    None => {
                        return Err(error(path, doc.text_pos_at(r.range().start), format!("ElementRef REF=\"{id}\" names no element of the page")));
                    }
                }
            }
        }
    } else if blocks.iter().any(|b| b.attribute("IDNEXT").is_some()) {
        let pointed: Vec<bool> = {
            let mut p = vec![false; blocks.len()];
            for b in &blocks {
                if let Some(&j) = b.attribute("IDNEXT").and_then(|n| index.get(n)) {
                    p[j] = true;
                }
            }
            p
        };
        for (start, _) in pointed.iter().enumerate().filter(|(_, &p)| !p) {
            let mut at = Some(start);
            while let Some(i) = at.filter(|&i| !placed[i]) {
                place(i, &mut order, &mut placed);
                at = blocks[i].attribute("IDNEXT").and_then(|n| index.get(n)).copied();
            }
        }
    }
    for i in 0..blocks.len() {
        place(i, &mut order, &mut placed);
    }
    Ok(order.into_iter().map(|i| blocks[i]).collect())
}

/// Reads an ALTO document into page text.
pub fn read_alto(path: &Path, xml: &str) -> Result<AltoPage, SeedError> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| error(path, e.pos(), format!("XML: {e}")))?;
    let root = doc.root_element();
    if root.tag_name().name() != "alto" {
        return Err(error(
            path,
            doc.text_pos_at(root.range().start),
            format!("not ALTO XML: the root element is <{}>, not <alto>", root.tag_name().name()),
        ));
    }
    let mut page = AltoPage::default();
    let line_of = |n: &roxmltree::Node| doc.text_pos_at(n.range().start).row;
    let layout_pages: Vec<_> = root.descendants().filter(|n| is(n, "Page")).collect();
    let scopes = if layout_pages.is_empty() { vec![root] } else { layout_pages };
    for scope in scopes {
        let blocks = reading_order(path, &doc, text_blocks(scope))?;
        for block in blocks {
            let mut lines: Vec<(String, u32)> = Vec::new();
            for tl in block.children().filter(|n| is(n, "TextLine")) {
                let mut s = String::new();
                for item in tl.children().filter(|n| n.is_element()) {
                    match item.tag_name().name() {
                        "String" => match item.attribute("CONTENT") {
                            Some(c) => s.push_str(c),
                            None => return Err(error(path, doc.text_pos_at(item.range().start), "<String> without CONTENT".to_string())),
                        },
                        "SP" => s.push(' '),
                        "HYP" => s.push_str(item.attribute("CONTENT").unwrap_or("-")),
                        _ => {}
                    }
                }
                // A line's own line breaks (none in valid ALTO) stay inside it.
                let s = s.replace(['\n', '\r'], " ");
                lines.push((s, line_of(&tl)));
            }
            if lines.iter().all(|(l, _)| l.trim().is_empty()) {
                continue;
            }
            if !page.text.is_empty() {
                page.text.push('\n');
                page.xml_lines.push(line_of(&block));
            }
            for (l, n) in lines {
                page.text.push_str(&l);
                page.text.push('\n');
                page.xml_lines.push(n);
            }
        }
    }
    if page.text.trim().is_empty() {
        return Err(SeedError::Format { path: path.to_path_buf(), line: None, column: None, message: "the ALTO page holds no text (no String with CONTENT)".to_string() });
    }
    Ok(page)
}
