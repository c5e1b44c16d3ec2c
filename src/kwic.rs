//! Keyword in context: every hit with its left and right context.

use std::cmp::Ordering;

/// Context width on each side, in chars.
pub const CONTEXT: usize = 24;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub doc: u32,
    /// Hit number inside the article (0-based).
    pub hit: usize,
    pub left: String,
    pub key: String,
    pub right: String,
}

fn flat(cs: &[char]) -> String {
    cs.iter().map(|&c| if c == '\n' { ' ' } else { c }).collect()
}

/// The concordance lines of one article.
pub fn lines(doc: u32, text: &[char], spans: &[(u32, u32)]) -> Vec<Line> {
    let len = text.len();
    spans
        .iter()
        .enumerate()
        .map(|(hit, &(s, e))| {
            let (s, e) = ((s as usize).min(len), (e as usize).min(len));
            let s = s.min(e);
            Line {
                doc,
                hit,
                left: flat(&text[s.saturating_sub(CONTEXT)..s]),
                key: flat(&text[s..e]),
                right: flat(&text[e..(e + CONTEXT).min(len)]),
            }
        })
        .collect()
}

/// Left sort compares the left contexts from the hit outwards.
pub fn cmp_left(a: &Line, b: &Line) -> Ordering {
    a.left.chars().rev().cmp(b.left.chars().rev()).then(a.doc.cmp(&b.doc)).then(a.hit.cmp(&b.hit))
}

pub fn cmp_right(a: &Line, b: &Line) -> Ordering {
    a.right.cmp(&b.right).then(a.doc.cmp(&b.doc)).then(a.hit.cmp(&b.hit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_and_sorts() {
        let t: Vec<char> = "乙甲华大丙\n丁华大甲".chars().collect();
        let mut l = lines(0, &t, &[(2, 4), (7, 9)]);
        assert_eq!(l[0].left, "乙甲");
        assert_eq!(l[0].key, "华大");
        assert_eq!(l[0].right, "丙 丁华大甲");
        assert_eq!(l[1].left, "乙甲华大丙 丁");
        assert_eq!(l[1].right, "甲");
        l.sort_by(cmp_right);
        assert_eq!(l[0].hit, 0); // 丙 < 甲 by code point
        l.sort_by(cmp_left);
        // Nearest left chars: 甲 (hit 0) vs 丁 (hit 1): 丁 < 甲.
        assert_eq!(l[0].hit, 1);
    }

    #[test]
    fn spans_past_the_end_are_clipped() {
        let t: Vec<char> = "abc".chars().collect();
        let l = lines(3, &t, &[(2, 9), (7, 9)]);
        assert_eq!(l[0].key, "c");
        assert_eq!(l[1].key, "");
    }
}
