//! An article as the spans see it: its folded text and the map from folded
//! positions back to text positions.

/// An article's folded text and where each folded char comes from.
pub(crate) struct Doc {
    /// The folded text.
    pub(crate) chars: Vec<char>,
    /// Where the folded chars come from in the text: from `shifts[i].0` on
    /// (until the next entry), folded char `p` is text char `p + shifts[i].1`;
    /// before the first entry, char `p` is `p`. Folding keeps most chars one
    /// to one, so this is short: an entry where spaces collapse or a char
    /// expands.
    shifts: Vec<(u32, i32)>,
    /// Chars in the text.
    text_len: u32,
}

impl Doc {
    pub(crate) fn new(origin: &[u32], chars: Vec<char>, text_len: u32) -> Doc {
        let mut shifts = Vec::new();
        let mut shift = 0i64;
        for (p, &o) in origin.iter().enumerate() {
            let d = o as i64 - p as i64;
            if d != shift {
                shifts.push((p as u32, d as i32));
                shift = d;
            }
        }
        Doc { chars, shifts, text_len }
    }

    /// The text position of folded char `p` (`p` < the folded length).
    pub(crate) fn origin(&self, p: u32) -> u32 {
        if self.shifts.first().is_none_or(|&(at, _)| p < at) {
            return p;
        }
        let k = self.shifts.partition_point(|&(at, _)| at <= p);
        match k.checked_sub(1).and_then(|k| self.shifts.get(k)) {
            Some(&(_, d)) => (p as i64 + d as i64) as u32,
            None => p,
        }
    }

    /// The text span of the folded chars `[p, p + len)`, as
    /// [`crate::normalize::Normalized::source_span`] gives it.
    pub(crate) fn span(&self, p: u32, len: u32) -> (u32, u32) {
        if len == 0 || p as usize >= self.chars.len() {
            let at = if (p as usize) < self.chars.len() { self.origin(p) } else { self.text_len };
            return (at, at);
        }
        let end = (p + len).min(self.chars.len() as u32);
        (self.origin(p), self.origin(end - 1) + 1)
    }
}

#[cfg(all(test, feature = "unicode-tables"))]
mod tests {
    use super::*;
    use xunyue_core::normalize::normalize;

    #[test]
    fn doc_spans_equal_the_fold_source_spans() {
        for text in ["青岛  华大\n\n基因", "  a ㈱ b ﬁx ＢＧ１３６   ", "2 0 2 1 年", "", "全角　空格", "①②③ ⅷ"] {
            let n = normalize(text);
            let d = Doc::new(&n.origin, n.chars.clone(), n.source_len);
            for p in 0..=n.chars.len() {
                for len in 0..=n.chars.len() - p {
                    assert_eq!(d.span(p as u32, len as u32), n.source_span(p, p + len), "{text:?} {p} {len}");
                }
            }
        }
    }
}
