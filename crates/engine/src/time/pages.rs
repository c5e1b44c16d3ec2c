//! The page as printed, from the layout: a page's articles in reading
//! order, the previous and next page of its issue, the same page of the
//! previous and next issue of its paper, and a date's pages.
//!
//! An issue is a paper's pages of one date. Its pages run in page number
//! order (pages without a number after, in archive order). "The same page"
//! of another issue is the page of the same number, else the page at the
//! same place, else that issue's last page.

use crate::source::{Got, Source};
use crate::Engine;
use std::ops::Range;
use xunyue_core::date::Day;
use xunyue_format::archive::root::Layout;

/// A page and the pages around it (indices into the layout's pages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageView {
    pub page: u32,
    pub stem: String,
    pub label: Option<String>,
    pub number: Option<u32>,
    pub source: Option<String>,
    /// ISO.
    pub date: Option<String>,
    /// Its articles, in reading order.
    pub docs: Range<u32>,
    /// The previous and next page of the same issue.
    pub prev: Option<u32>,
    pub next: Option<u32>,
    /// The same page of the previous and next issue of the same paper.
    pub prev_issue: Option<u32>,
    pub next_issue: Option<u32>,
}

/// The pages of the issue of page `p` (same source, same date), in page
/// order.
fn issue_pages(layout: &Layout, source: Option<u32>, date: Option<u32>) -> Vec<u32> {
    let mut keys: Vec<(u64, u32)> = layout
        .pages
        .iter()
        .enumerate()
        .filter(|(_, q)| q.source == source && q.date == date)
        .map(|(i, q)| ((u64::from(q.number.unwrap_or(u32::MAX)) << 32) | i as u64, i as u32))
        .collect();
    xunyue_core::sort::radix_sort(&mut keys);
    keys.into_iter().map(|(_, i)| i).collect()
}

/// The page of `others` (an issue's pages) that is "the same page" as the
/// one of `number` at `place`.
fn same_page(layout: &Layout, others: &[u32], number: Option<u32>, place: usize) -> Option<u32> {
    let by_number = number.and_then(|n| others.iter().copied().find(|&q| layout.pages[q as usize].number == Some(n)));
    by_number.or_else(|| others.get(place).or(others.last()).copied())
}

/// Page `page` of `layout` and its neighbours.
pub fn page_view(layout: &Layout, page: u32) -> Option<PageView> {
    let p = layout.pages.get(page as usize)?;
    let pages = issue_pages(layout, p.source, p.date);
    let place = pages.iter().position(|&q| q == page)?;
    let mut view = PageView {
        page,
        stem: p.stem.clone(),
        label: p.label.clone(),
        number: p.number,
        source: p.source.and_then(|s| layout.sources.get(s as usize).cloned()),
        date: p.date.and_then(|d| layout.dates.get(d as usize).cloned()),
        docs: p.first_doc..p.first_doc + p.docs,
        prev: place.checked_sub(1).map(|i| pages[i]),
        next: pages.get(place + 1).copied(),
        prev_issue: None,
        next_issue: None,
    };
    // The paper's other issues: the nearest dates before and after with a
    // page of this source (dates are indexed in date order).
    if let Some(d) = p.date {
        let dates_with = |d: u32| layout.pages.iter().any(|q| q.source == p.source && q.date == Some(d));
        let neighbour = |mut ds: Box<dyn Iterator<Item = u32>>| {
            ds.find(|&d| dates_with(d)).and_then(|d| same_page(layout, &issue_pages(layout, p.source, Some(d)), p.number, place))
        };
        view.prev_issue = neighbour(Box::new((0..d).rev()));
        view.next_issue = neighbour(Box::new(d + 1..layout.dates.len() as u32));
    }
    Some(view)
}

/// The pages of day `day`, paper by paper (in the order of their names),
/// each issue in page order.
pub fn pages_on(layout: &Layout, day: Day) -> Vec<u32> {
    let Ok(d) = layout.days.binary_search(&day) else { return Vec::new() };
    let mut sources: Vec<Option<u32>> = layout.pages.iter().filter(|q| q.date == Some(d as u32)).map(|q| q.source).collect();
    xunyue_core::sort::sort_dedup(&mut sources);
    sources.into_iter().flat_map(|s| issue_pages(layout, s, Some(d as u32))).collect()
}

impl<S: Source> Engine<S> {
    /// The page article `doc` is printed on.
    pub fn page_of(&self, doc: u32) -> Option<u32> {
        let layout = self.source().layout();
        let p = *layout.page_of.get(doc as usize)?;
        ((p as usize) < layout.pages.len()).then_some(p)
    }

    /// Page `page` as printed: its articles and the pages around it. (Their
    /// titles are in the article records: a sharded archive fetches
    /// `a/<build>/<doc>.bin` for each of `docs`.)
    pub fn page_view(&self, page: u32) -> Option<PageView> {
        page_view(self.source().layout(), page)
    }

    /// The page whose stem is `stem`.
    pub fn page_by_stem(&self, stem: &str) -> Option<u32> {
        self.source().layout().pages.iter().position(|p| p.stem == stem).map(|p| p as u32)
    }

    /// The article of id `id`: among the articles of the page its id names
    /// (`<stem>#<n>`, what ingest makes: a sharded archive fetches that
    /// page's records only), else among every article.
    pub fn try_find_article(&self, id: &str) -> Got<Option<u32>> {
        let layout = self.source().layout();
        let on_page = id.rsplit_once('#').and_then(|(stem, _)| self.page_by_stem(stem)).and_then(|p| layout.pages.get(p as usize));
        if let Some(p) = on_page {
            for d in p.first_doc..p.first_doc + p.docs {
                if self.try_article(d)?.id == id {
                    return Ok(Some(d));
                }
            }
        }
        for d in 0..self.article_count() {
            if self.try_article(d)?.id == id {
                return Ok(Some(d));
            }
        }
        Ok(None)
    }

    /// The pages printed on `day`.
    pub fn pages_on(&self, day: Day) -> Vec<u32> {
        pages_on(self.source().layout(), day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xunyue_core::date::parse;
    use xunyue_format::archive::root::PageRec;

    /// 甲报 on three dates (two pages, then three, then one), 乙报 on the
    /// second date.
    fn layout() -> Layout {
        let dates = ["2021-01-01", "2021-01-02", "2021-01-05"];
        let mut pages = Vec::new();
        let mut first = 0;
        for (date, source, number) in [(0, 0, 1), (0, 0, 2), (1, 0, 3), (1, 0, 1), (1, 0, 2), (1, 1, 1), (2, 0, 1)] {
            pages.push(PageRec {
                stem: format!("{source}-{date}-{number}"),
                number: Some(number),
                source: Some(source),
                date: Some(date),
                first_doc: first,
                docs: 2,
                ..PageRec::default()
            });
            first += 2;
        }
        Layout {
            sources: vec!["甲报".into(), "乙报".into()],
            dates: dates.iter().map(|s| s.to_string()).collect(),
            days: dates.iter().map(|s| parse(s).unwrap_or_default()).collect(),
            page_of: (0..first).map(|d| d / 2).collect(),
            doc_source: vec![None; first as usize],
            doc_date: vec![None; first as usize],
            pages,
        }
    }

    #[test]
    fn pages_know_their_neighbours_in_the_issue_and_across_issues() {
        let l = layout();
        let v = page_view(&l, 4).expect("page 4");
        assert_eq!((v.number, v.docs.clone(), v.source.as_deref(), v.date.as_deref()), (Some(2), 8..10, Some("甲报"), Some("2021-01-02")));
        assert_eq!((v.prev, v.next), (Some(3), Some(2)), "numbers 1, 2, 3 in page order");
        assert_eq!((v.prev_issue, v.next_issue), (Some(1), Some(6)), "page 2 before; the next issue has one page");
        let first = page_view(&l, 0).expect("page 0");
        assert_eq!((first.prev, first.next, first.prev_issue, first.next_issue), (None, Some(1), None, Some(3)));
        let other = page_view(&l, 5).expect("乙报");
        assert_eq!((other.prev, other.next, other.prev_issue, other.next_issue), (None, None, None, None));
        assert!(page_view(&l, 7).is_none());
    }

    #[test]
    fn a_date_has_its_pages_paper_by_paper() {
        let l = layout();
        assert_eq!(pages_on(&l, parse("2021-01-02").unwrap_or_default()), [3, 4, 2, 5]);
        assert!(pages_on(&l, parse("2021-01-03").unwrap_or_default()).is_empty());
    }
}
