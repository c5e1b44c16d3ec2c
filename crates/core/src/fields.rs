//! Where an occurrence stands in its article (headline, kicker, body) and
//! what it weighs in the ranking's `tf'`: shared by the engine, which ranks,
//! and the archive writer, which stores the sums precomputed for one-char
//! and frequent pairs in the sharded archive. Weights are in twentieths so
//! that every sum is an exact integer in both shapes of an archive.

use crate::model::{Article, BlockKind};
use crate::normalize::Normalized;

/// Which part of the article an occurrence is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Headline,
    /// Kicker, deck or subtitle.
    Kicker,
    Body,
}

impl Field {
    /// The field's code in archive files.
    pub fn code(self) -> u8 {
        match self {
            Field::Headline => 0,
            Field::Kicker => 1,
            Field::Body => 2,
        }
    }

    pub fn from_code(c: u8) -> Option<Field> {
        match c {
            0 => Some(Field::Headline),
            1 => Some(Field::Kicker),
            2 => Some(Field::Body),
            _ => None,
        }
    }
}

/// Weight of an occurrence in the body, in twentieths: 1.
pub const BODY20: u32 = 20;
/// In the headline: 1 + 4 (counts five times).
pub const HEADLINE20: u32 = 100;
/// In a kicker or subtitle: 1 + 1.5.
pub const KICKER20: u32 = 50;
/// An occurrence that cuts through a word of the text counts this share, in
/// percent (`基因` inside `转基因`).
pub const UNALIGNED_PERCENT: u32 = 30;

/// Weight of one occurrence in `tf'`, in twentieths.
pub fn weight20(field: Field, aligned: bool) -> u32 {
    let w = match field {
        Field::Headline => HEADLINE20,
        Field::Kicker => KICKER20,
        Field::Body => BODY20,
    };
    if aligned {
        w
    } else {
        w * UNALIGNED_PERCENT / 100
    }
}

/// Articles are measured in slots of this many chars: the ranking's length
/// of an article ([`rank_len`]) and its place in a sharded archive's text
/// run are in whole slots, so that the root stores one small number per
/// article.
pub const SLOT: u32 = 16;

/// The slots an article of `len` normalized chars takes (one char of gap
/// after it included).
pub fn slots(len: u32) -> u32 {
    (len + 1).div_ceil(SLOT)
}

/// The length BM25 sees: the article's slots, in chars (within 16 of its
/// length).
pub fn rank_len(len: u32) -> u32 {
    slots(len) * SLOT
}

/// The code of a field in a pair entry: body 0, headline 1, kicker 2.
pub fn entry_code(f: Field) -> u64 {
    match f {
        Field::Body => 0,
        Field::Headline => 1,
        Field::Kicker => 2,
    }
}

pub fn field_of_code(c: u64) -> Field {
    match c {
        1 => Field::Headline,
        2 => Field::Kicker,
        _ => Field::Body,
    }
}

/// Headline and kicker/subtitle blocks of an article, in folded chars of its
/// normalized text `n`: `(start, end, field)`, in block order.
pub fn field_ranges(a: &Article, n: &Normalized) -> Vec<(u32, u32, Field)> {
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

/// The field of a position among ranges made by [`field_ranges`].
pub fn field_at(ranges: &[(u32, u32, Field)], pos: u32) -> Field {
    ranges.iter().find(|&&(s, e, _)| pos >= s && pos < e).map(|f| f.2).unwrap_or(Field::Body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_are_exact_twentieths() {
        assert_eq!(weight20(Field::Body, true), 20);
        assert_eq!(weight20(Field::Body, false), 6);
        assert_eq!(weight20(Field::Kicker, false), 15);
        assert_eq!(weight20(Field::Headline, false), 30);
        for f in [Field::Headline, Field::Kicker, Field::Body] {
            assert_eq!(Field::from_code(f.code()), Some(f));
        }
        assert_eq!(Field::from_code(3), None);
    }

    #[test]
    fn ranges_and_lookup() {
        let r = [(0, 4, Field::Headline), (4, 9, Field::Kicker)];
        assert_eq!(field_at(&r, 0), Field::Headline);
        assert_eq!(field_at(&r, 4), Field::Kicker);
        assert_eq!(field_at(&r, 9), Field::Body);
    }
}
