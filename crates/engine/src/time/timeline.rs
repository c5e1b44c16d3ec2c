//! The timeline: the archive's dates cut into buckets ([`Grain::choose`] by
//! the span shown, or a grain asked for), each with its issues (distinct
//! source and date), articles, chars printed and matching articles.
//!
//! The span is the archive's first to last date, narrowed to the range
//! asked for; buckets run over all of it, empty ones too (a chart needs its
//! gaps). Bucket bounds are whole periods (`2021-03` is 03-01 … 03-31) even
//! where the range cuts one: the counts are of the days inside the range.

use crate::source::{Got, Source};
use crate::Engine;
use xunyue_core::date::{iso, DateRange, Day, Grain};
use xunyue_format::archive::root::Layout;

/// One bucket of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bucket {
    /// Its key: `2021-03-04`, `2021-W09`, `2021-03` or `2021`
    /// ([`Grain::key`]), what `from=` / `to=` read back.
    pub key: String,
    /// Its first and last day, ISO.
    pub from: String,
    pub to: String,
    /// Issues (distinct source and date) with an article in the bucket.
    pub issues: u32,
    pub articles: u32,
    /// Normalized chars of its articles.
    pub chars: u64,
    /// Its articles that match the query (all of them without one).
    pub matching: u32,
}

/// Buckets over a span of the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub grain: Grain,
    /// In date order; none when the range misses every date.
    pub buckets: Vec<Bucket>,
    /// Articles (matching ones, with a query) that have no date: in no
    /// bucket.
    pub undated: u32,
}

impl Timeline {
    /// The bucket holding `day`.
    pub fn bucket_of(&self, day: Day) -> Option<usize> {
        let key = self.grain.key(day);
        self.buckets.iter().position(|b| b.key == key)
    }
}

/// Where each date of a layout falls: its bucket index, when inside the
/// span shown.
pub(crate) struct Cut {
    pub grain: Grain,
    pub starts: Vec<Day>,
    /// Per date of the layout.
    pub bucket: Vec<Option<u32>>,
}

impl Cut {
    /// The buckets of `layout` inside `range`, by `grain` or by the span.
    pub fn new(layout: &Layout, range: DateRange, grain: Option<Grain>) -> Cut {
        let inside: Vec<Day> = layout.days.iter().copied().filter(|&d| range.contains(d)).collect();
        let (Some(&lo), Some(&hi)) = (inside.first(), inside.last()) else {
            return Cut { grain: grain.unwrap_or(Grain::Day), starts: Vec::new(), bucket: vec![None; layout.days.len()] };
        };
        // A range wider than the archive shows the archive's span; a
        // narrower one shows itself.
        let lo = range.from.map_or(lo, |f| f.max(layout.days[0]).min(lo));
        let hi = range.to.map_or(hi, |t| t.min(layout.days[layout.days.len() - 1]).max(hi));
        let grain = grain.unwrap_or_else(|| Grain::choose(lo, hi));
        let mut starts = Vec::new();
        let mut s = grain.start(lo);
        while s <= hi {
            starts.push(s);
            s = grain.next(s);
        }
        let bucket = layout
            .days
            .iter()
            .map(|&d| {
                if !range.contains(d) {
                    return None;
                }
                // `starts` is sorted: the last start at or before d.
                let i = starts.partition_point(|&s| s <= d);
                (i > 0).then(|| (i - 1) as u32)
            })
            .collect();
        Cut { grain, starts, bucket }
    }

    /// The bucket of article `doc`.
    pub fn of(&self, layout: &Layout, doc: u32) -> Option<usize> {
        let d = (*layout.doc_date.get(doc as usize)?)?;
        self.bucket.get(d as usize).copied().flatten().map(|b| b as usize)
    }

    /// Empty buckets with their keys and bounds.
    pub fn buckets(&self) -> Vec<Bucket> {
        self.starts
            .iter()
            .map(|&s| Bucket { key: self.grain.key(s), from: iso(s), to: iso(self.grain.next(s) - 1), ..Bucket::default() })
            .collect()
    }
}

/// The timeline of `layout` (chars per date `date_chars`), with the
/// matching articles `docs` (sorted; `None`: no query).
pub fn timeline_of(layout: &Layout, date_chars: &[u64], docs: Option<&[u32]>, range: DateRange, grain: Option<Grain>) -> Timeline {
    let cut = Cut::new(layout, range, grain);
    let mut buckets = cut.buckets();
    // Issues: distinct (date, source) pairs, counted in their date's bucket.
    let mut issues: Vec<(u64, u32)> = layout
        .doc_date
        .iter()
        .zip(&layout.doc_source)
        .filter_map(|(d, s)| d.map(|d| ((u64::from(d) << 32) | u64::from(s.map_or(0, |s| s + 1)), 0)))
        .collect();
    xunyue_core::sort::radix_sort(&mut issues);
    issues.dedup();
    for (k, _) in issues {
        if let Some(Some(b)) = cut.bucket.get((k >> 32) as usize) {
            buckets[*b as usize].issues += 1;
        }
    }
    for (d, &c) in date_chars.iter().enumerate() {
        if let Some(Some(b)) = cut.bucket.get(d) {
            buckets[*b as usize].chars += c;
        }
    }
    for doc in 0..layout.doc_date.len() as u32 {
        if let Some(b) = cut.of(layout, doc) {
            buckets[b].articles += 1;
        }
    }
    let mut undated = 0;
    let mut count = |doc: u32| match cut.of(layout, doc) {
        Some(b) => buckets[b].matching += 1,
        None if layout.doc_date.get(doc as usize).is_some_and(Option::is_none) => undated += 1,
        None => {}
    };
    match docs {
        Some(docs) => docs.iter().for_each(|&d| count(d)),
        None => (0..layout.doc_date.len() as u32).for_each(&mut count),
    }
    Timeline { grain: cut.grain, buckets, undated }
}

impl<S: Source> Engine<S> {
    /// The timeline of the archive inside `range`, with the articles that
    /// match `query` per bucket (every article for a blank query). Reads
    /// the files of the query's postings only.
    pub fn try_timeline(&self, query: &str, range: DateRange, grain: Option<Grain>) -> Got<Timeline> {
        let src = self.source();
        let docs = if self.try_parse(query)?.is_empty() { None } else { Some(self.try_search_docs(query)?) };
        Ok(timeline_of(src.layout(), src.date_chars(), docs.as_deref(), range, grain))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use xunyue_core::date::parse;
    use xunyue_format::archive::root::PageRec;

    /// Three issues of two papers over two months, an undated article.
    pub fn layout() -> Layout {
        let dates = ["2021-01-30", "2021-02-01", "2021-03-15"];
        let page = |date: u32, source: u32, first: u32, docs: u32| PageRec {
            stem: format!("p{first}"),
            number: Some(1),
            source: Some(source),
            date: Some(date),
            first_doc: first,
            docs,
            ..PageRec::default()
        };
        Layout {
            sources: vec!["甲报".into(), "乙报".into()],
            dates: dates.iter().map(|s| s.to_string()).collect(),
            days: dates.iter().map(|s| parse(s).unwrap_or_default()).collect(),
            pages: vec![page(0, 0, 0, 2), page(0, 1, 2, 1), page(2, 0, 3, 2)],
            page_of: vec![0, 0, 1, 2, 2],
            doc_source: vec![Some(0), Some(0), Some(1), Some(0), Some(0)],
            doc_date: vec![Some(0), Some(0), Some(0), Some(2), None],
        }
    }

    #[test]
    fn buckets_count_issues_articles_chars_and_matches() {
        let l = layout();
        let t = timeline_of(&l, &[30, 0, 7], Some(&[1, 3, 4]), DateRange::ALL, None);
        assert_eq!((t.grain, t.buckets.len()), (Grain::Day, 45), "45 days: by day");
        let t = timeline_of(&l, &[30, 0, 7], Some(&[1, 3, 4]), DateRange::ALL, Some(Grain::Month));
        let got: Vec<(&str, &str, &str, u32, u32, u64, u32)> =
            t.buckets.iter().map(|b| (b.key.as_str(), b.from.as_str(), b.to.as_str(), b.issues, b.articles, b.chars, b.matching)).collect();
        assert_eq!(
            got,
            [
                ("2021-01", "2021-01-01", "2021-01-31", 2, 3, 30, 1),
                ("2021-02", "2021-02-01", "2021-02-28", 0, 0, 0, 0),
                ("2021-03", "2021-03-01", "2021-03-31", 1, 1, 7, 1)
            ]
        );
        assert_eq!(t.undated, 1);
        assert_eq!(t.bucket_of(parse("2021-03-31").unwrap_or_default()), Some(2));
        // No query: every article matches.
        let all = timeline_of(&l, &[30, 0, 7], None, DateRange::ALL, Some(Grain::Year));
        assert_eq!((all.buckets.len(), all.buckets[0].matching, all.buckets[0].articles, all.undated), (1, 4, 4, 1));
    }

    #[test]
    fn ranges_narrow_the_span_and_the_counts() {
        let l = layout();
        let r = DateRange::parse("2021-01-31", "2021-02").unwrap_or_default();
        let t = timeline_of(&l, &[30, 0, 7], None, r, None);
        assert_eq!(t.grain, Grain::Day);
        assert_eq!(t.buckets.first().map(|b| b.key.as_str()), Some("2021-01-31"));
        assert_eq!(t.buckets.len(), 29, "01-31 to 02-28");
        assert_eq!(t.buckets.iter().map(|b| b.articles).sum::<u32>(), 0, "2021-02-01 is the date of no article");
        // A range wider than the archive: the archive's span.
        let wide = timeline_of(&l, &[30, 0, 7], None, DateRange::parse("1900", "2100").unwrap_or_default(), Some(Grain::Month));
        assert_eq!(wide.buckets.len(), 3);
        // A range that misses every date: no buckets.
        let none = timeline_of(&l, &[30, 0, 7], None, DateRange::parse("1999", "1999").unwrap_or_default(), None);
        assert!(none.buckets.is_empty());
        assert_eq!(none.undated, 1, "an undated article is outside every range");
    }
}
