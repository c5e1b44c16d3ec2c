//! Text helpers for result items: title highlights, a second snippet, the
//! meta line.

use crate::data::Data;
use crate::i18n::Strings;
use xunyue_engine::snippet::Snippet;
use xunyue_core::{Article, BlockKind};

/// Width of the second snippet, in chars.
const WINDOW: usize = 64;

/// Hit spans inside the title, when the title is the article's first block.
pub fn title_spans(a: &Article, spans: &[(u32, u32)]) -> Option<Vec<(u32, u32)>> {
    let first = a.blocks.first()?;
    if first.kind != BlockKind::Headline || first.text != a.title {
        return None;
    }
    let len = first.text.chars().count() as u32;
    Some(spans.iter().filter(|&&(s, _)| s < len).map(|&(s, e)| (s, e.min(len))).collect())
}

/// The engine's snippet, and a second one around the first hit it leaves out.
pub fn snippets(text: &[char], spans: &[(u32, u32)], first: &Snippet) -> Vec<Snippet> {
    let mut out = vec![first.clone()];
    // A long snippet already shows several windows.
    if first.text.chars().count() > 2 * WINDOW {
        return out;
    }
    let shown = first.highlights.len();
    if let Some(&(s, e)) = spans.get(shown) {
        out.push(window(text, spans, s as usize, e as usize));
    }
    out
}

/// A window of `text` around chars `s..e`, with every span inside marked.
pub fn window(text: &[char], spans: &[(u32, u32)], s: usize, e: usize) -> Snippet {
    let len = text.len();
    let (s, e) = (s.min(len), e.min(len));
    let room = WINDOW.saturating_sub(e - s);
    let start = s.saturating_sub(room / 3);
    let end = (start + WINDOW).max(e).min(len);
    let mut out = String::new();
    let shift = if start > 0 {
        out.push('…');
        1
    } else {
        0
    };
    out.extend(text[start..end].iter().map(|&c| if c == '\n' { ' ' } else { c }));
    if end < len {
        out.push('…');
    }
    let highlights = spans
        .iter()
        .filter(|&&(hs, he)| hs as usize >= start && he as usize <= end)
        .map(|&(hs, he)| (hs - start as u32 + shift, he - start as u32 + shift))
        .collect();
    Snippet { text: out, highlights }
}

/// `source · date · page · author`, leaving out what is unknown.
pub fn meta_line(d: &Data, doc: u32, t: &Strings) -> String {
    let Some(a) = d.engine.article(doc) else { return String::new() };
    let page = d.engine.corpus().pages.iter().find(|p| p.stem == a.page);
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = a.source.clone().or_else(|| page.and_then(|p| p.source.clone())) {
        parts.push(s);
    }
    if let Some(s) = a.date.clone().or_else(|| page.and_then(|p| p.date.clone())) {
        parts.push(s);
    }
    let label = d.page_label(&a.page);
    if page.is_some_and(|p| p.label.is_some()) {
        parts.push(label.to_string());
    } else {
        let mut s = String::from(t.page);
        s.push(' ');
        s.push_str(label);
        parts.push(s);
    }
    if !a.authors.is_empty() {
        parts.push(a.authors.join("、"));
    } else if let Some(b) = &a.byline {
        parts.push(b.clone());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_window_marks_the_left_out_hit() {
        let text: Vec<char> = "甲".repeat(200).chars().chain("华大".chars()).chain("乙".repeat(50).chars()).collect();
        let spans = [(3, 5), (200, 202)];
        let first = Snippet { text: "…".into(), highlights: vec![(1, 3)] };
        let s = snippets(&text, &spans, &first);
        assert_eq!(s.len(), 2);
        let w = &s[1];
        let chars: Vec<char> = w.text.chars().collect();
        assert_eq!(w.highlights.len(), 1);
        let (a, b) = w.highlights[0];
        assert_eq!(chars[a as usize..b as usize].iter().collect::<String>(), "华大");
    }

    #[test]
    fn one_window_when_all_hits_shown() {
        let text: Vec<char> = "abc".chars().collect();
        let first = Snippet { text: "abc".into(), highlights: vec![(0, 1)] };
        assert_eq!(snippets(&text, &[(0, 1)], &first).len(), 1);
    }
}
