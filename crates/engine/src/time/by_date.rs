//! Results kept to a date range, results sorted by date, and the whole
//! archive browsed by date: from the layout's dates, no text read.
//!
//! Undated articles are in no range but the open one, and come last in
//! either date order. Ties (articles of one day) keep the order they had:
//! relevance for results, reading order for browsing.

use crate::search::SearchHit;
use crate::source::Source;
use crate::Engine;
use xunyue_core::date::{DateRange, Day};
use xunyue_format::archive::root::Layout;

/// Result order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Best first (the search's order); browsing: reading order.
    #[default]
    Relevance,
    /// Oldest first.
    Oldest,
    /// Newest first.
    Newest,
}

impl Order {
    /// `relevance`, `date` (oldest first) or `-date` (newest first).
    pub fn parse(s: &str) -> Option<Order> {
        match s {
            "relevance" => Some(Order::Relevance),
            "date" => Some(Order::Oldest),
            "-date" => Some(Order::Newest),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Order::Relevance => "relevance",
            Order::Oldest => "date",
            Order::Newest => "-date",
        }
    }
}

/// The day of article `doc`, when it has one.
fn day(layout: &Layout, doc: u32) -> Option<Day> {
    layout.day(doc)
}

/// True when article `doc` is inside `range` (every article is in the open
/// range, dated or not).
pub fn in_range(layout: &Layout, doc: u32, range: DateRange) -> bool {
    range.is_all() || day(layout, doc).is_some_and(|d| range.contains(d))
}

/// The positions of `docs` in `order` (stable: ties keep their places).
pub fn date_order(layout: &Layout, docs: &[u32], order: Order) -> Vec<u32> {
    if order == Order::Relevance {
        return (0..docs.len() as u32).collect();
    }
    let mut keys: Vec<(u64, u32)> = docs
        .iter()
        .enumerate()
        .map(|(i, &doc)| {
            // Days as u32 in their order; undated after every day.
            let d = day(layout, doc).map_or(u32::MAX, |d| (d as u32) ^ (1 << 31));
            let d = match (order, d) {
                (_, u32::MAX) => u32::MAX,
                (Order::Newest, d) => u32::MAX - 1 - d,
                _ => d,
            };
            ((u64::from(d) << 32) | i as u64, i as u32)
        })
        .collect();
    xunyue_core::sort::radix_sort(&mut keys);
    keys.into_iter().map(|(_, i)| i).collect()
}

impl<S: Source> Engine<S> {
    /// Keeps the hits inside `range`.
    pub fn keep_in_range(&self, hits: &mut Vec<SearchHit>, range: DateRange) {
        let layout = self.source().layout();
        hits.retain(|h| in_range(layout, h.doc, range));
    }

    /// Sorts hits by `order` (before materializing them: snippets are made
    /// for the first hits in result order).
    pub fn sort_hits(&self, hits: &mut Vec<SearchHit>, order: Order) {
        let docs: Vec<u32> = hits.iter().map(|h| h.doc).collect();
        let order = date_order(self.source().layout(), &docs, order);
        xunyue_core::sort::apply(hits, &order);
    }

    /// With no query: every article inside `range`, in `order`
    /// ([`Order::Relevance`]: reading order).
    pub fn browse(&self, range: DateRange, order: Order) -> Vec<u32> {
        let layout = self.source().layout();
        let docs: Vec<u32> = (0..self.article_count()).filter(|&d| in_range(layout, d, range)).collect();
        date_order(layout, &docs, order).into_iter().map(|i| docs[i as usize]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::timeline::tests::layout;

    #[test]
    fn dates_order_docs_stably_with_undated_last() {
        let l = layout();
        // Days: docs 0-2 on 2021-01-30, 3 on 2021-03-15, 4 undated.
        let docs = [4, 3, 1, 0, 2];
        let by = |o| date_order(&l, &docs, o).into_iter().map(|i| docs[i as usize]).collect::<Vec<_>>();
        assert_eq!(by(Order::Oldest), [1, 0, 2, 3, 4]);
        assert_eq!(by(Order::Newest), [3, 1, 0, 2, 4]);
        assert_eq!(by(Order::Relevance), docs);
        for o in [Order::Relevance, Order::Oldest, Order::Newest] {
            assert_eq!(Order::parse(o.code()), Some(o));
        }
        assert_eq!(Order::parse("newest"), None);
    }

    #[test]
    fn ranges_keep_dated_docs_inside_them() {
        let l = layout();
        let r = DateRange::parse("2021-03", "").unwrap_or_default();
        assert_eq!((0..5).filter(|&d| in_range(&l, d, r)).collect::<Vec<_>>(), [3]);
        assert_eq!((0..5).filter(|&d| in_range(&l, d, DateRange::ALL)).count(), 5);
    }
}
