//! The one normalization used at build time and at query time.
//!
//! Per source character: the character fold ([`crate::fold`]: NFKC, so full
//! width folds to half width; lowercase; traditional → simplified), and
//! every kind of white space folded to one ASCII space, except that white
//! space between two parts of a number is dropped (`2 0 2 2` → `2022`,
//! `5 .4` → `5.4`: OCR spaces digits out). The result keeps, for every
//! normalized character, the index of the source character it came from, so
//! that a match in normalized text maps back onto the original characters.
//!
//! [`Fold::normalize`] is the function; the build, whose fold is always the
//! full one, calls it through [`normalize`] and [`normalize_str`].

use crate::chars::is_space;
use crate::fold::Fold;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalized characters.
    pub chars: Vec<char>,
    /// `origin[i]` is the char index, in the source, of `chars[i]`.
    pub origin: Vec<u32>,
    /// Number of chars in the source.
    pub source_len: u32,
}

impl Normalized {
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// Maps a half-open range of normalized chars to the half-open range of
    /// source chars it covers.
    pub fn source_span(&self, start: usize, end: usize) -> (u32, u32) {
        if start >= end || start >= self.chars.len() {
            let at = self.origin.get(start).copied().unwrap_or(self.source_len);
            return (at, at);
        }
        let s = self.origin[start];
        let last = self.origin[end - 1];
        // The span ends after the last source char that produced the last
        // normalized char (one source char may expand to several).
        (s, last + 1)
    }
}


impl Fold {
    /// Normalizes `text`, keeping the map from normalized chars to source
    /// chars. Runs of white space collapse to one space.
    pub fn normalize(&self, text: &str) -> Normalized {
        let mut chars = Vec::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut buf = Vec::with_capacity(4);
        let mut n = 0u32;
        for c in text.chars() {
            buf.clear();
            if is_space(c) {
                buf.push(' ');
            } else if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                self.fold_char(c, &mut buf);
            }
            for &d in &buf {
                if d == ' ' && chars.last() == Some(&' ') {
                    continue;
                }
                if d != ' ' && chars.last() == Some(&' ') && chars.len() >= 2 {
                    if let Some(&before) = chars.get(chars.len() - 2) {
                        if joins_number(before, d) {
                            chars.pop();
                            origin.pop();
                        }
                    }
                }
                chars.push(d);
                origin.push(n);
            }
            n += 1;
        }
        Normalized { chars, origin, source_len: n }
    }

    /// Normalizes to a plain string (no map), e.g. for keys and facet values.
    pub fn normalize_str(&self, text: &str) -> String {
        self.normalize(text).as_string()
    }
}

/// True when a space between `a` and `b` splits a number: the space goes.
pub fn joins_number(a: char, b: char) -> bool {
    (a.is_ascii_digit() && (b.is_ascii_digit() || matches!(b, '.' | ',' | '%')))
        || (b.is_ascii_digit() && matches!(a, '.' | ','))
}

/// [`Fold::normalize`] with the full fold (build time, native tools).
#[cfg(feature = "unicode-tables")]
pub fn normalize(text: &str) -> Normalized {
    Fold::full().normalize(text)
}

/// [`Fold::normalize_str`] with the full fold (build time, native tools).
#[cfg(feature = "unicode-tables")]
pub fn normalize_str(text: &str) -> String {
    Fold::full().normalize_str(text)
}

#[cfg(all(test, feature = "unicode-tables"))]
mod tests {
    use super::*;

    #[test]
    fn folds_width_case_and_traditional() {
        let cases = [
            ("ＢＧ１３６", "bg136"),
            ("TIL", "til"),
            ("Ｈｅｌｌｏ　Ｗｏｒｌｄ", "hello world"),
            ("青島華大", "青岛华大"),
            ("原創", "原创"),
            ("基因與細胞", "基因与细胞"),
            ("（上接第一版）", "(上接第一版)"),
            ("a \t\n b", "a b"),
            ("ⅲ期", "iii期"),
            ("2 0 2 2年", "2022年"),
            ("８６． ２％", "86.2%"),
            ("1, 2", "1,2"),
            ("COP15 大会", "cop15 大会"),
            ("city brain", "city brain"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_str(input), want, "normalizing {input:?}");
        }
    }

    #[test]
    fn origin_points_at_source_chars() {
        let n = normalize("ａⅢｂ");
        assert_eq!(n.as_string(), "aiiib");
        assert_eq!(n.origin, vec![0, 1, 1, 1, 2]);
        assert_eq!(n.source_span(1, 4), (1, 2));
        assert_eq!(n.source_span(0, 5), (0, 3));
    }

    #[test]
    fn whitespace_runs_collapse() {
        let n = normalize("a  \u{3000} b");
        assert_eq!(n.as_string(), "a b");
        assert_eq!(n.origin, vec![0, 1, 5]);
    }
}

