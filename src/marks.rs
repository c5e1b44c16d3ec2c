//! Highlighting without `inner_html`: text is split at hit spans into text
//! nodes and `<mark>` elements.

use xunyue_core::{Article, BlockKind};
use yew::prelude::*;

/// Hit spans inside the title, when the title is the article's first block.
pub fn title_spans(a: &Article, spans: &[(u32, u32)]) -> Option<Vec<(u32, u32)>> {
    let first = a.blocks.first()?;
    if first.kind != BlockKind::Headline || first.text != a.title {
        return None;
    }
    let len = first.text.chars().count() as u32;
    Some(spans.iter().filter(|&&(s, _)| s < len).map(|&(s, e)| (s, e.min(len))).collect())
}

/// One piece of a highlighted text: chars `start..end`, and the hit number
/// when the piece is (part of) a hit.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
    pub hit: Option<usize>,
}

/// Splits `0..len` at the spans (sorted char offsets, any may overlap or
/// reach past `len`). Spans are numbered from `first_hit` in order; a span
/// is clipped to `offset..offset+len` and given relative to `offset`.
pub fn pieces(len: usize, offset: usize, spans: &[(u32, u32)], first_hit: usize) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0usize;
    for (i, &(s, e)) in spans.iter().enumerate() {
        let (s, e) = (s as usize, e as usize);
        if e <= offset || s >= offset + len || e <= s {
            continue;
        }
        let s = s.saturating_sub(offset).max(at);
        let e = (e - offset).min(len);
        if s >= e {
            continue;
        }
        if s > at {
            out.push(Piece { start: at, end: s, hit: None });
        }
        out.push(Piece { start: s, end: e, hit: Some(first_hit + i) });
        at = e;
    }
    if at < len {
        out.push(Piece { start: at, end: len, hit: None });
    }
    out
}

/// Renders `text` with `spans` (char offsets relative to `text`) in `<mark>`.
pub fn marked(text: &str, spans: &[(u32, u32)]) -> Html {
    let chars: Vec<char> = text.chars().collect();
    marked_chars(&chars, 0, spans, None)
}

/// Renders `chars` (which start at char `offset` of a longer text) with every
/// span in `<mark data-hit=N>`; the mark of hit `current` gets class `current`.
pub fn marked_chars(chars: &[char], offset: usize, spans: &[(u32, u32)], current: Option<usize>) -> Html {
    pieces(chars.len(), offset, spans, 0)
        .into_iter()
        .map(|p| {
            let s: String = chars[p.start..p.end].iter().collect();
            match p.hit {
                None => html! { { s } },
                Some(h) if current == Some(h) => html! { <mark data-hit={h.to_string()} class="current">{ s }</mark> },
                Some(h) if current.is_some() => html! { <mark data-hit={h.to_string()}>{ s }</mark> },
                Some(_) => html! { <mark>{ s }</mark> },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_numbers() {
        let p = pieces(10, 0, &[(2, 4), (6, 7)], 0);
        assert_eq!(
            p,
            vec![
                Piece { start: 0, end: 2, hit: None },
                Piece { start: 2, end: 4, hit: Some(0) },
                Piece { start: 4, end: 6, hit: None },
                Piece { start: 6, end: 7, hit: Some(1) },
                Piece { start: 7, end: 10, hit: None },
            ]
        );
    }

    #[test]
    fn clips_to_a_block_and_keeps_global_numbers() {
        // Block covering chars 10..15 of the article; hit 1 spans the border.
        let p = pieces(5, 10, &[(2, 4), (8, 12), (14, 20)], 0);
        assert_eq!(
            p,
            vec![
                Piece { start: 0, end: 2, hit: Some(1) },
                Piece { start: 2, end: 4, hit: None },
                Piece { start: 4, end: 5, hit: Some(2) },
            ]
        );
    }

    #[test]
    fn overlapping_and_out_of_range_spans_are_safe() {
        let p = pieces(3, 0, &[(0, 2), (1, 3), (5, 9), (2, 1)], 0);
        let covered: usize = p.iter().map(|x| x.end - x.start).sum();
        assert_eq!(covered, 3);
        assert!(p.iter().all(|x| x.start < x.end && x.end <= 3));
    }
}
