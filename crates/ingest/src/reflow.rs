//! Reflow of OCR lines into paragraphs.
//!
//! Rules: lines inside a paragraph are joined with no space, except one space
//! between two Latin words; spaces inside a line are dropped unless both
//! neighbours are Latin letters or digits (`增 长 5.4 个` → `增长5.4个`);
//! paragraphs start at blank lines and at full-width indents (`　　`).
//!
//! Ingest uses the line rules here ([`lines`], [`squeeze_line`],
//! [`join_onto`], [`has_indent`]) and finds paragraphs itself
//! (`ingest::blocks`): there a blank line inside a sentence (a column break)
//! does not end a paragraph, a caption set inside a paragraph does not cut
//! it, and double-spaced pages get their paragraphs from sentence ends.
//! [`reflow`] is the plain blank-line/indent rule, for text that is not a
//! page.

/// A reflowed paragraph and the 1-based line of the seed where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub line: u32,
    pub text: String,
}

/// Splits text into lines, accepting `\n`, `\r\n` and `\r`.
pub fn lines(raw: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(i) = rest.find(['\n', '\r']) {
        out.push(&rest[..i]);
        let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[i + skip..];
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

use xunyue_core::chars::{is_latin_word_char as is_latin, is_space};

/// True when a line starts with a paragraph indent (a full-width space).
pub fn has_indent(line: &str) -> bool {
    line.trim_start_matches([' ', '\t']).starts_with('\u{3000}')
}

/// Removes the spaces of one line that are OCR noise: every run of spaces is
/// dropped unless it sits between two Latin letters or digits, where it
/// becomes one ASCII space. Leading and trailing spaces go.
pub fn squeeze_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_space(c) {
            let start = i;
            while i < chars.len() && is_space(chars[i]) {
                i += 1;
            }
            let before = if start > 0 { Some(chars[start - 1]) } else { None };
            let after = chars.get(i).copied();
            if let (Some(b), Some(a)) = (before, after) {
                if is_latin(b) && is_latin(a) {
                    out.push(' ');
                }
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Appends a line to a paragraph under construction.
pub fn join_onto(para: &mut String, line: &str) {
    if let (Some(b), Some(a)) = (para.chars().last(), line.chars().next()) {
        if b.is_ascii_alphabetic() && a.is_ascii_alphabetic() {
            para.push(' ');
        }
    }
    para.push_str(line);
}

/// Reflows a whole page into paragraphs.
pub fn reflow(raw: &str) -> Vec<Para> {
    let mut out: Vec<Para> = Vec::new();
    let mut cur: Option<Para> = None;
    for (i, line) in lines(raw).into_iter().enumerate() {
        let n = i as u32 + 1;
        let text = squeeze_line(line);
        if text.is_empty() {
            out.extend(cur.take());
            continue;
        }
        if has_indent(line) {
            out.extend(cur.take());
        }
        match cur.as_mut() {
            Some(p) => join_onto(&mut p.text, &text),
            None => cur = Some(Para { line: n, text }),
        }
    }
    out.extend(cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(raw: &str) -> Vec<String> {
        reflow(raw).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn joins_words_cut_by_line_breaks() {
        assert_eq!(texts("　　此次青\n岛华大联合"), ["此次青岛华大联合"]);
    }

    #[test]
    fn drops_spaces_between_cjk() {
        assert_eq!(texts("长 5.4 个 百 分 点 ，贡 献"), ["长5.4个百分点，贡献"]);
    }

    #[test]
    fn keeps_one_space_between_latin_words() {
        assert_eq!(texts("Hello   World"), ["Hello World"]);
        assert_eq!(texts("CIMOS city\nbrain"), ["CIMOS city brain"]);
        assert_eq!(texts("COP15 大会"), ["COP15大会"]);
    }

    #[test]
    fn paragraphs_start_at_blank_lines_and_indents() {
        assert_eq!(
            texts("　　一段\n文字\n　　二段\n\n三段\n文字"),
            ["一段文字", "二段", "三段文字"]
        );
    }

    #[test]
    fn line_endings() {
        assert_eq!(lines("a\r\nb\rc\nd"), ["a", "b", "c", "d"]);
        let p = reflow("x\r\n\r\ny");
        assert_eq!(p[1].line, 3);
    }
}
