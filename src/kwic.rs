//! Keyword in context: every hit with its left and right context.

use xunyue_core::chars::{is_punct, is_space};

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

/// What a context sorts by: its letters and digits (punctuation and spaces
/// say nothing about order), from the hit outwards: reversed for a left
/// context. The concordance compares these in the reader's collation (pinyin
/// for Chinese).
pub fn sort_key(context: &str, left: bool) -> String {
    let keep = |c: &char| !is_punct(*c) && !is_space(*c);
    if left {
        context.chars().rev().filter(keep).collect()
    } else {
        context.chars().filter(keep).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_and_sorts() {
        let t: Vec<char> = "乙甲华大丙\n丁华大甲".chars().collect();
        let l = lines(0, &t, &[(2, 4), (7, 9)]);
        assert_eq!(l[0].left, "乙甲");
        assert_eq!(l[0].key, "华大");
        assert_eq!(l[0].right, "丙 丁华大甲");
        assert_eq!(l[1].left, "乙甲华大丙 丁");
        assert_eq!(l[1].right, "甲");
    }

    #[test]
    fn sort_keys_leave_out_punctuation_and_read_from_the_hit() {
        assert_eq!(sort_key("，“青岛 华大”。", false), "青岛华大");
        assert_eq!(sort_key("位于青岛。", true), "岛青于位");
        assert_eq!(sort_key(" R&D 投入", false), "RD投入");
    }

    #[test]
    fn spans_past_the_end_are_clipped() {
        let t: Vec<char> = "abc".chars().collect();
        let l = lines(3, &t, &[(2, 9), (7, 9)]);
        assert_eq!(l[0].key, "c");
        assert_eq!(l[1].key, "");
    }
}
