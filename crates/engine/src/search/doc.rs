//! An article as the matcher sees it: its folded text, the map from folded
//! positions back to text positions, and where its headline and kickers are.

use crate::rank::Field;
use xunyue_core::model::{Article, BlockKind};
use xunyue_core::normalize::Normalized;

/// An article as the matcher sees it.
pub(crate) struct Doc {
    /// The folded text.
    pub(crate) chars: Vec<char>,
    /// Where the folded chars come from in the text: from `shifts[i].0` on
    /// (until the next entry), folded char `p` is text char `p + shifts[i].1`;
    /// before the first entry, char `p` is `p`. Folding keeps most chars one
    /// to one, so this is short: an entry where spaces collapse or a char
    /// expands.
    pub(crate) shifts: Vec<(u32, i32)>,
    /// Chars in the text.
    pub(crate) text_len: u32,
    /// Headline and kicker ranges, in folded chars.
    pub(crate) fields: Vec<(u32, u32, Field)>,
    /// Where the last field range ends: every char after it is body text.
    pub(crate) fields_end: u32,
    /// The field ranges come in order without overlapping (as blocks do).
    pub(crate) fields_ordered: bool,
    /// Range of this doc's word boundaries in the index's bit sets.
    pub(crate) bounds: Option<(usize, usize)>,
}

impl Doc {
    pub(crate) fn new(origin: &[u32], chars: Vec<char>, text_len: u32, fields: Vec<(u32, u32, Field)>) -> Doc {
        let mut shifts = Vec::new();
        let mut shift = 0i64;
        for (p, &o) in origin.iter().enumerate() {
            let d = o as i64 - p as i64;
            if d != shift {
                shifts.push((p as u32, d as i32));
                shift = d;
            }
        }
        let fields_end = fields.iter().map(|f| f.1).max().unwrap_or(0);
        let fields_ordered = fields.windows(2).all(|w| w[0].1 <= w[1].0);
        Doc { chars, shifts, text_len, fields, fields_end, fields_ordered, bounds: None }
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

    /// The fields of positions asked for in increasing order.
    pub(crate) fn fields(&self) -> Fields<'_> {
        Fields { doc: self, at: 0 }
    }

    pub(crate) fn field(&self, pos: u32) -> Field {
        if pos >= self.fields_end {
            return Field::Body;
        }
        self.fields
            .iter()
            .find(|&&(s, e, _)| pos >= s && pos < e)
            .map(|f| f.2)
            .unwrap_or(Field::Body)
    }
}

/// Walks a doc's field ranges along increasing positions.
pub(crate) struct Fields<'d> {
    doc: &'d Doc,
    at: usize,
}

impl Fields<'_> {
    /// [`Doc::field`] of `pos`, for positions asked for in increasing order.
    pub(crate) fn at(&mut self, pos: u32) -> Field {
        if !self.doc.fields_ordered {
            return self.doc.field(pos);
        }
        let f = &self.doc.fields;
        while f.get(self.at).is_some_and(|&(_, e, _)| e <= pos) {
            self.at += 1;
        }
        match f.get(self.at) {
            Some(&(s, _, field)) if s <= pos => field,
            _ => Field::Body,
        }
    }
}

/// Headline and kicker/subtitle blocks of an article, in folded chars.
pub(crate) fn field_ranges(a: &Article, n: &Normalized) -> Vec<(u32, u32, Field)> {
    let mut out = Vec::new();
    for (b, off) in a.blocks.iter().zip(a.block_offsets()) {
        let field = match b.kind {
            BlockKind::Headline => Field::Headline,
            BlockKind::Kicker => Field::Kicker,
            _ => continue,
        };
        let end = off + b.text.chars().count();
        let s = n.origin.partition_point(|&o| (o as usize) < off) as u32;
        let e = n.origin.partition_point(|&o| (o as usize) < end) as u32;
        if s < e {
            out.push((s, e, field));
        }
    }
    out
}

#[cfg(all(test, feature = "unicode-tables"))]
mod tests {
    use super::*;
    use xunyue_core::normalize::normalize;

    #[test]
    fn doc_spans_equal_the_fold_source_spans() {
        for text in ["青岛  华大\n\n基因", "  a ㈱ b ﬁx ＢＧ１３６   ", "2 0 2 1 年", "", "全角　空格", "①②③ ⅷ"] {
            let n = normalize(text);
            let d = Doc::new(&n.origin, n.chars.clone(), n.source_len, Vec::new());
            for p in 0..=n.chars.len() {
                for len in 0..=n.chars.len() - p {
                    assert_eq!(d.span(p as u32, len as u32), n.source_span(p, p + len), "{text:?} {p} {len}");
                }
            }
        }
    }


    #[test]
    fn walking_the_fields_equals_looking_each_up() {
        for fields in [
            vec![(0, 4, Field::Headline), (4, 9, Field::Kicker), (30, 33, Field::Kicker)],
            vec![(5, 8, Field::Headline), (2, 6, Field::Kicker)],
            vec![],
        ] {
            let d = Doc::new(&[], Vec::new(), 0, fields);
            let mut walk = d.fields();
            for p in [0, 1, 3, 4, 5, 8, 9, 10, 29, 30, 32, 33, 40] {
                assert_eq!(walk.at(p), d.field(p), "{p}");
            }
        }
    }


}
