//! The root file: what every visit reads first. It tells where every other
//! file is and holds what ranking and facets need for every article without
//! reading any text: the pages (date, source, label), each article's page,
//! date, source and length (in slots), the fold table and the vocabulary's
//! total frequency. (The field of each occurrence is in the postings.)
//!
//! # Layout
//!
//! ```text
//! Root := Header(Root)                 the build id is the archive's
//!         postcard(Wire):
//!           articles:u32  total_chars:u64  vocab_total:u64
//!           fold:PackedFold             xunyue_core::fold (no chars known ahead)
//!           sources:[str]  dates:[str]  distinct, sorted (ISO dates)
//!           pages: stems:[str]  labels:[str] ("" none)  numbers:[u32] (0 none)
//!                  source:[u32]  date:[u32]  (index + 1, 0 none)
//!                  articles:[u32]          how many articles, in order
//!           slots:[u32]                  each article's length in slots
//!                                        (xunyue_core::fields::slots)
//!           doc_source:[u32] doc_date:[u32]  each article's own (index + 1, 0 none)
//!           unigram_keys:[u64] unigram_kb:[u32]   first key of each shard (deltas),
//!                                        its payload in KiB (rounded up)
//!           pair_keys:[u64]    pair_kb:[u32]
//!           summary_keys:[u64] summary_kb:[u32]
//!           facets:[str]                 the facet kinds there are files of
//!           stored:u64                   bytes of every other file as stored (gzip):
//!                                        what saving the archive offline downloads
//!           date_chars:[u64]             per date: the normalized chars of its
//!                                        articles (what terms over time divide by)
//! ```
//!
//! Articles are numbered in page order: page `i` holds the next
//! `articles[i]` of them. Dates are distinct, sorted and in the calendar
//! ([`xunyue_core::date::parse`]), so their indices are in date order.
//!
//! The pages, sources and dates decode into a [`Layout`]: where every article
//! stands in print. The embedded shape derives the same [`Layout`] from its
//! corpus with the function the writer uses ([`Layout::of`]), so that both
//! shapes place every article alike.

use super::{Header, Kind, HEADER_LEN};
use crate::FormatError;
use serde::{Deserialize, Serialize};
use xunyue_core::date::Day;
use xunyue_core::fields::SLOT;
use xunyue_core::fold::{FoldTable, PackedFold};
use xunyue_core::model::Corpus;

/// One printed page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageRec {
    pub stem: String,
    pub label: Option<String>,
    pub number: Option<u32>,
    /// Index into [`Root::sources`].
    pub source: Option<u32>,
    /// Index into [`Root::dates`].
    pub date: Option<u32>,
    /// Its articles: `first_doc..first_doc + docs`.
    pub first_doc: u32,
    pub docs: u32,
}

/// In [`Layout::page_of`]: an article on no page (only in the embedded
/// shape of a corpus whose pages do not list its articles in order).
pub const NO_PAGE: u32 = u32::MAX;

/// Where every article stands in print: its page, source and date.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// Distinct, sorted.
    pub sources: Vec<String>,
    /// Distinct, sorted ISO dates (so in date order).
    pub dates: Vec<String>,
    /// `dates` as day numbers.
    pub days: Vec<Day>,
    pub pages: Vec<PageRec>,
    /// Per article: its page (index into `pages`, or [`NO_PAGE`]).
    pub page_of: Vec<u32>,
    /// Per article: its source and date (indices into `sources`, `dates`):
    /// its own, or else its page's.
    pub doc_source: Vec<Option<u32>>,
    pub doc_date: Vec<Option<u32>>,
}

impl Layout {
    /// The layout of a corpus: what the writer stores in the root and what
    /// the embedded shape derives at load. A date that is not in the
    /// calendar is left out (the writer refuses such a corpus before); pages
    /// that do not list the articles in order (the writer refuses those too)
    /// give a layout of no pages.
    pub fn of(corpus: &Corpus) -> Layout {
        let ok = |d: &&String| xunyue_core::date::parse(d).is_ok();
        let mut sources: Vec<String> = Vec::new();
        let mut dates: Vec<String> = Vec::new();
        for p in &corpus.pages {
            sources.extend(p.source.iter().cloned());
            dates.extend(p.date.iter().filter(ok).cloned());
        }
        for a in &corpus.articles {
            sources.extend(a.source.iter().cloned());
            dates.extend(a.date.iter().filter(ok).cloned());
        }
        xunyue_core::sort::sort_dedup(&mut sources);
        xunyue_core::sort::sort_dedup(&mut dates);
        let days = dates.iter().map(|d| xunyue_core::date::parse(d).unwrap_or_default()).collect();
        let find = |list: &[String], v: &Option<String>| v.as_ref().and_then(|v| list.binary_search(v).ok()).map(|i| i as u32);
        let n = corpus.articles.len();
        let mut pages = Vec::with_capacity(corpus.pages.len());
        let mut page_of = Vec::with_capacity(n);
        let mut in_order = true;
        'pages: for (pi, p) in corpus.pages.iter().enumerate() {
            let first = page_of.len();
            for id in &p.articles {
                if corpus.articles.get(page_of.len()).is_none_or(|a| a.id != *id) {
                    in_order = false;
                    break 'pages;
                }
                page_of.push(pi as u32);
            }
            pages.push(PageRec {
                stem: p.stem.clone(),
                label: p.label.clone(),
                number: p.number,
                source: find(&sources, &p.source),
                date: find(&dates, &p.date),
                first_doc: first as u32,
                docs: (page_of.len() - first) as u32,
            });
        }
        if !in_order || page_of.len() != n {
            pages.clear();
            page_of = vec![NO_PAGE; n];
        }
        let page = |d: usize| pages.get(page_of[d] as usize);
        let doc_source = (0..n).map(|d| find(&sources, &corpus.articles[d].source).or_else(|| page(d).and_then(|p| p.source))).collect();
        let doc_date = (0..n).map(|d| find(&dates, &corpus.articles[d].date).or_else(|| page(d).and_then(|p| p.date))).collect();
        Layout { sources, dates, days, pages, page_of, doc_source, doc_date }
    }

    /// Article `doc`'s page, when it is on one.
    pub fn page(&self, doc: u32) -> Option<&PageRec> {
        self.pages.get(*self.page_of.get(doc as usize)? as usize)
    }

    /// Article `doc`'s day.
    pub fn day(&self, doc: u32) -> Option<Day> {
        let d = (*self.doc_date.get(doc as usize)?)?;
        self.days.get(d as usize).copied()
    }

    /// Article `doc`'s source.
    pub fn source(&self, doc: u32) -> Option<&str> {
        let s = (*self.doc_source.get(doc as usize)?)?;
        self.sources.get(s as usize).map(String::as_str)
    }
}

/// The decoded root.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Root {
    pub build: u64,
    pub total_chars: u64,
    pub vocab_total: u64,
    pub fold: FoldTable,
    /// The pages, sources and dates of every article.
    pub layout: Layout,
    /// Per article: its length in slots ([`xunyue_core::fields::slots`]).
    pub slots: Vec<u32>,
    /// `(first key, payload KiB)` of each shard, in key order.
    pub unigrams: Vec<(u64, u32)>,
    pub pairs: Vec<(u64, u32)>,
    pub summaries: Vec<(u64, u32)>,
    /// The facet kinds there are files of.
    pub facets: Vec<String>,
    /// Bytes of every file but the root, as stored (gzip).
    pub stored: u64,
    /// Per date of the layout: the normalized chars of the articles of that
    /// date ([`chars_by_date`]).
    pub date_chars: Vec<u64>,
}

/// Per date of `layout`: the sum of the normalized lengths (`lengths`, per
/// article) of the articles of that date. What both shapes divide hits by in
/// terms over time: one number a date in the root, no text read.
pub fn chars_by_date(layout: &Layout, lengths: impl Iterator<Item = u32>) -> Vec<u64> {
    let mut out = vec![0u64; layout.dates.len()];
    for (d, len) in lengths.enumerate() {
        if let Some(Some(i)) = layout.doc_date.get(d) {
            if let Some(c) = out.get_mut(*i as usize) {
                *c += u64::from(len);
            }
        }
    }
    out
}

#[derive(Serialize, Deserialize, Default)]
struct Wire {
    articles: u32,
    total_chars: u64,
    vocab_total: u64,
    fold: Option<PackedFold>,
    sources: Vec<String>,
    dates: Vec<String>,
    stems: Vec<String>,
    labels: Vec<String>,
    numbers: Vec<u32>,
    source: Vec<u32>,
    date: Vec<u32>,
    page_articles: Vec<u32>,
    slots: Vec<u32>,
    doc_source: Vec<u32>,
    doc_date: Vec<u32>,
    unigram_keys: Vec<u64>,
    unigram_kb: Vec<u32>,
    pair_keys: Vec<u64>,
    pair_kb: Vec<u32>,
    summary_keys: Vec<u64>,
    summary_kb: Vec<u32>,
    facets: Vec<String>,
    stored: u64,
    date_chars: Vec<u64>,
}

mod erased {
    /// Serialize one value of any type to postcard bytes.
    pub trait Ser {
        fn bytes(&self) -> Vec<u8>;
    }
    impl<T: serde::Serialize> Ser for T {
        fn bytes(&self) -> Vec<u8> {
            postcard::to_allocvec(self).unwrap_or_default()
        }
    }
}

fn deltas(v: impl Iterator<Item = u64>) -> Vec<u64> {
    let mut prev = 0;
    v.map(|k| {
        let d = k - prev;
        prev = k;
        d
    })
    .collect()
}

fn undeltas(v: &[u64], what: &'static str) -> Result<Vec<u64>, FormatError> {
    let mut at = 0u64;
    let mut out = Vec::with_capacity(v.len());
    for (i, &d) in v.iter().enumerate() {
        if i > 0 && d == 0 {
            return Err(FormatError::Inconsistent(what));
        }
        at = at.checked_add(d).ok_or(FormatError::Inconsistent(what))?;
        out.push(at);
    }
    Ok(out)
}

impl Root {
    /// Encodes the root (its `page_of` and `first_doc`s follow from the
    /// pages' article counts and are not stored).
    pub fn encode(&self) -> Vec<u8> {
        let l = &self.layout;
        let wire = Wire {
            articles: self.slots.len() as u32,
            total_chars: self.total_chars,
            vocab_total: self.vocab_total,
            fold: Some(PackedFold::pack(&self.fold, std::iter::empty())),
            sources: l.sources.clone(),
            dates: l.dates.clone(),
            stems: l.pages.iter().map(|p| p.stem.clone()).collect(),
            labels: l.pages.iter().map(|p| p.label.clone().unwrap_or_default()).collect(),
            numbers: l.pages.iter().map(|p| p.number.unwrap_or(0)).collect(),
            source: l.pages.iter().map(|p| p.source.map_or(0, |s| s + 1)).collect(),
            date: l.pages.iter().map(|p| p.date.map_or(0, |s| s + 1)).collect(),
            page_articles: l.pages.iter().map(|p| p.docs).collect(),
            slots: self.slots.clone(),
            doc_source: l.doc_source.iter().map(|s| s.map_or(0, |s| s + 1)).collect(),
            doc_date: l.doc_date.iter().map(|s| s.map_or(0, |s| s + 1)).collect(),
            unigram_keys: deltas(self.unigrams.iter().map(|s| s.0)),
            unigram_kb: self.unigrams.iter().map(|s| s.1).collect(),
            pair_keys: deltas(self.pairs.iter().map(|s| s.0)),
            pair_kb: self.pairs.iter().map(|s| s.1).collect(),
            summary_keys: deltas(self.summaries.iter().map(|s| s.0)),
            summary_kb: self.summaries.iter().map(|s| s.1).collect(),
            facets: self.facets.clone(),
            stored: self.stored,
            date_chars: self.date_chars.clone(),
        };
        let mut out = Vec::new();
        Header { kind: Kind::Root, build: self.build }.write(&mut out);
        out.extend(postcard::to_allocvec(&wire).unwrap_or_default());
        out
    }

    /// Each part of the encoded root, on its own (for measuring what the
    /// root's bytes are spent on).
    pub fn parts(&self) -> Vec<(&'static str, Vec<u8>)> {
        let payload = self.encode();
        let Ok(w) = postcard::from_bytes::<Wire>(&payload[HEADER_LEN..]) else { return Vec::new() };
        let enc = |v: &dyn erased::Ser| v.bytes();
        vec![
            ("fold table", enc(&w.fold)),
            ("sources, dates", [enc(&w.sources), enc(&w.dates)].concat()),
            ("page stems", enc(&w.stems)),
            ("page labels, numbers, sources, dates, counts", [enc(&w.labels), enc(&w.numbers), enc(&w.source), enc(&w.date), enc(&w.page_articles)].concat()),
            ("article lengths", enc(&w.slots)),
            ("article sources, dates", [enc(&w.doc_source), enc(&w.doc_date)].concat()),
            ("shard tables", [enc(&w.unigram_keys), enc(&w.unigram_kb), enc(&w.pair_keys), enc(&w.pair_kb), enc(&w.summary_keys), enc(&w.summary_kb)].concat()),
            ("facets", enc(&w.facets)),
            ("chars per date", enc(&w.date_chars)),
        ]
    }

    /// Decodes the root file `file`.
    pub fn decode(file: &str, payload: &[u8]) -> Result<Root, FormatError> {
        let body = Header::check(file, payload, Kind::Root, None)?;
        let build = Header::build_of(payload).unwrap_or(0);
        let bad = |message: String| FormatError::File { file: file.to_string(), offset: HEADER_LEN, message };
        let w: Wire = postcard::from_bytes(body).map_err(|e| bad(format!("does not decode: {e}")))?;
        let n = w.articles as usize;
        let np = w.stems.len();
        if [w.labels.len(), w.numbers.len(), w.source.len(), w.date.len(), w.page_articles.len()].iter().any(|&l| l != np) {
            return Err(bad("page columns of different lengths".into()));
        }
        if w.slots.len() != n || w.doc_source.len() != n || w.doc_date.len() != n || w.page_articles.iter().map(|&k| k as u64).sum::<u64>() != n as u64 {
            return Err(bad("article counts do not add up".into()));
        }
        let fold = match w.fold {
            Some(p) => p.unpack(std::iter::empty()).map_err(|e| bad(e.to_string()))?,
            None => FoldTable::default(),
        };
        let idx = |v: u32, len: usize, what: &str| -> Result<Option<u32>, FormatError> {
            match v {
                0 => Ok(None),
                v if (v as usize) <= len => Ok(Some(v - 1)),
                v => Err(bad(format!("{what} index {v} past the {len} listed"))),
            }
        };
        let mut pages = Vec::with_capacity(np);
        let mut page_of = Vec::with_capacity(n);
        let mut first = 0u32;
        for i in 0..np {
            let docs = w.page_articles[i];
            pages.push(PageRec {
                stem: w.stems[i].clone(),
                label: Some(w.labels[i].clone()).filter(|l| !l.is_empty()),
                number: Some(w.numbers[i]).filter(|&n| n > 0),
                source: idx(w.source[i], w.sources.len(), "source")?,
                date: idx(w.date[i], w.dates.len(), "date")?,
                first_doc: first,
                docs,
            });
            page_of.extend(std::iter::repeat_n(i as u32, docs as usize));
            first += docs;
        }
        let doc_source = w.doc_source.iter().map(|&v| idx(v, w.sources.len(), "source")).collect::<Result<Vec<_>, _>>()?;
        let doc_date = w.doc_date.iter().map(|&v| idx(v, w.dates.len(), "date")).collect::<Result<Vec<_>, _>>()?;
        let mut days = Vec::with_capacity(w.dates.len());
        for d in &w.dates {
            let day = xunyue_core::date::parse(d).map_err(|e| bad(format!("date {d:?}: {}", e.message())))?;
            if days.last().is_some_and(|&last| last >= day) {
                return Err(bad(format!("date {d:?} out of order")));
            }
            days.push(day);
        }
        if w.date_chars.len() != w.dates.len() || w.date_chars.iter().try_fold(0u64, |a, &c| a.checked_add(c)).is_none_or(|t| t > w.total_chars) {
            return Err(bad("chars per date do not add up".into()));
        }
        if w.slots.contains(&0) {
            return Err(bad("an article of no slots".into()));
        }
        let shards = |keys: &[u64], kb: &[u32], what: &'static str| -> Result<Vec<(u64, u32)>, FormatError> {
            if keys.len() != kb.len() {
                return Err(bad(format!("{what}: keys and sizes of different lengths")));
            }
            let keys = undeltas(keys, what).map_err(|_| bad(format!("{what}: keys not increasing")))?;
            Ok(keys.into_iter().zip(kb.iter().copied()).collect())
        };
        Ok(Root {
            build,
            total_chars: w.total_chars,
            vocab_total: w.vocab_total,
            fold,
            unigrams: shards(&w.unigram_keys, &w.unigram_kb, "one-char shards")?,
            pairs: shards(&w.pair_keys, &w.pair_kb, "pair shards")?,
            summaries: shards(&w.summary_keys, &w.summary_kb, "summary shards")?,
            layout: Layout { sources: w.sources, dates: w.dates, days, pages, page_of, doc_source, doc_date },
            slots: w.slots,
            facets: w.facets,
            stored: w.stored,
            date_chars: w.date_chars,
        })
    }

    pub fn articles(&self) -> u32 {
        self.slots.len() as u32
    }

    /// Where each article starts in the archive's text as one run (each
    /// followed by one char of gap), and its end: `n + 1` values.
    pub fn doc_starts(&self) -> Vec<u64> {
        doc_starts(&self.slots)
    }

    /// The index in `shards` of the shard that holds `key`: the last one
    /// starting at or before it.
    pub fn shard_for(shards: &[(u64, u32)], key: u64) -> Option<usize> {
        shards.partition_point(|s| s.0 <= key).checked_sub(1)
    }

    /// The indices of the shards of `shards` holding any key in `lo..hi`.
    pub fn shards_in(shards: &[(u64, u32)], lo: u64, hi: u64) -> std::ops::Range<usize> {
        let a = shards.partition_point(|s| s.0 <= lo).saturating_sub(1);
        let b = shards.partition_point(|s| s.0 < hi);
        a..b.max(a)
    }
}

/// [`Root::doc_starts`] of articles of these slots.
pub fn doc_starts(slots: &[u32]) -> Vec<u64> {
    let mut out = Vec::with_capacity(slots.len() + 1);
    let mut at = 0u64;
    out.push(0);
    for &s in slots {
        at += u64::from(s) * u64::from(SLOT);
        out.push(at);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Root {
        let d = |s: &str| xunyue_core::date::parse(s).unwrap_or_default();
        Root {
            build: 0x1234,
            total_chars: 30,
            vocab_total: 999,
            layout: Layout {
                sources: vec!["海滨日报".into()],
                dates: vec!["2021-03-04".into(), "2021-03-05".into()],
                days: vec![d("2021-03-04"), d("2021-03-05")],
                pages: vec![
                    PageRec { stem: "a-1".into(), label: Some("第一版".into()), number: Some(1), source: Some(0), date: Some(1), first_doc: 0, docs: 2 },
                    PageRec { stem: "a-2".into(), first_doc: 2, docs: 1, ..PageRec::default() },
                ],
                page_of: vec![0, 0, 1],
                doc_source: vec![Some(0), Some(0), None],
                doc_date: vec![Some(1), Some(0), None],
            },
            slots: vec![1, 2, 1],
            unigrams: vec![(0, 11), (0x5000, 12)],
            pairs: vec![(0, 21)],
            summaries: vec![],
            facets: vec!["org".into()],
            date_chars: vec![10, 16],
            ..Root::default()
        }
    }

    #[test]
    fn chars_per_date_add_up_the_articles_of_each_date() {
        let r = sample();
        assert_eq!(chars_by_date(&r.layout, [7u32, 10, 13].into_iter()), [10, 7], "article 2 has no date");
        for bad in [vec![10], vec![10, 16, 0], vec![20, 11], vec![u64::MAX, 2]] {
            let mut r = sample();
            r.date_chars = bad.clone();
            let e = Root::decode("root.bin", &r.encode()).expect_err("chars that do not add up").to_string();
            assert!(e.starts_with("root.bin") && e.contains("chars per date"), "{bad:?}: {e}");
        }
    }

    #[test]
    fn round_trips() {
        let r = sample();
        assert_eq!(Root::decode("root.bin", &r.encode()), Ok(r.clone()));
        assert_eq!(r.doc_starts(), [0, 16, 48, 64]);
        assert_eq!(Root::shard_for(&r.unigrams, 0x4fff), Some(0));
        assert_eq!(Root::shard_for(&r.unigrams, 0x5000), Some(1));
        assert_eq!(Root::shards_in(&r.unigrams, 0x10, 0x6000), 0..2);
        assert_eq!(Root::shards_in(&r.unigrams, 0x10, 0x20), 0..1);
    }

    #[test]
    fn layouts_of_corpora_place_every_article() {
        use xunyue_core::model::{Article, Page};
        let art = |id: &str, date: Option<&str>| Article { id: id.into(), date: date.map(String::from), ..Article::default() };
        let page = |stem: &str, date: &str, ids: &[&str]| Page {
            stem: stem.into(),
            date: Some(date.into()),
            source: Some("海滨日报".into()),
            articles: ids.iter().map(|s| s.to_string()).collect(),
            ..Page::default()
        };
        let mut c = Corpus {
            pages: vec![page("b", "2021-03-05", &["b#1", "b#2"]), page("a", "2021-03-04", &["a#1"])],
            articles: vec![art("b#1", None), art("b#2", Some("2021-02-30")), art("a#1", Some("2020-01-01"))],
        };
        let l = Layout::of(&c);
        assert_eq!(l.dates, ["2020-01-01", "2021-03-04", "2021-03-05"], "sorted; 2021-02-30 is no date");
        assert_eq!(l.page_of, [0, 0, 1]);
        assert_eq!(l.doc_date, [Some(2), Some(2), Some(0)], "an article's own date, else its page's");
        assert_eq!((l.day(2), l.source(0), l.page(1).map(|p| p.stem.as_str())), (Some(xunyue_core::date::from_civil(2020, 1, 1)), Some("海滨日报"), Some("b")));
        assert_eq!((l.pages[1].first_doc, l.pages[1].docs), (2, 1));
        // Pages that skip an article: no pages, but every article keeps its date.
        c.pages[0].articles.remove(0);
        let l = Layout::of(&c);
        assert!(l.pages.is_empty() && l.page_of == [NO_PAGE; 3] && l.page(0).is_none());
        assert_eq!(l.doc_date, [None, None, Some(0)]);
    }

    #[test]
    fn roots_with_dates_out_of_the_calendar_or_out_of_order_are_refused() {
        for dates in [["2021-03-04", "2021-02-30"], ["2021-03-05", "2021-03-04"], ["2021-03-04", "2021-03-04"]] {
            let mut r = sample();
            r.layout.dates = dates.iter().map(|s| s.to_string()).collect();
            let e = Root::decode("root.bin", &r.encode()).expect_err("a bad date").to_string();
            assert!(e.starts_with("root.bin") && e.contains(dates[1]), "{e}");
        }
    }

    #[test]
    fn damaged_roots_are_errors_naming_the_file() {
        let bytes = sample().encode();
        for cut in 0..bytes.len() {
            let e = Root::decode("root.bin", &bytes[..cut]);
            assert!(e.is_err(), "cut at {cut}");
            assert!(e.unwrap_err().to_string().starts_with("root.bin"));
        }
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x41;
            let _ = Root::decode("root.bin", &b);
        }
    }
}
