//! Everything the views show, derived from the route: the query's matches
//! (searched once per query, [`Searched`]), filtered by the selected facets
//! and sorted ([`Explored`]).

use crate::data::Data;
#[cfg(not(xunyue_time))]
use crate::facets::FacetKind;
use crate::route::{Route, Sort};
use std::rc::Rc;
use xunyue_core::sort::sort;
#[cfg(not(xunyue_time))]
use xunyue_core::sort::sort_by;
use xunyue_engine::query::Notice;
use xunyue_engine::{SearchHit, SearchResponse, Tier};

/// The engine's answer to one query, and what it took. Kept by the app
/// while only the facets, order or open article change.
#[derive(Default)]
pub struct Searched {
    /// The query as searched (trimmed); empty in browse mode.
    pub query: String,
    pub response: SearchResponse,
    /// Time the search took, in milliseconds.
    pub took_ms: f64,
    /// The query has several terms that must all occur.
    several: bool,
}

/// The same when it is the same search (compared by identity).
impl PartialEq for Searched {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Searched {
    #[cfg(not(xunyue_sharded))]
    pub fn new(d: &Data, q: &str) -> Searched {
        let query = q.trim().to_string();
        if query.is_empty() {
            return Searched::default();
        }
        let t0 = crate::perf::now();
        let response = d.search(&query);
        let took_ms = crate::perf::now() - t0;
        Searched { several: d.several_terms(&query), query, response, took_ms }
    }

    /// The same over an archive read in parts: matched and ranked, no hit
    /// materialized yet ([`Searched::materialized`] does that for the hits
    /// a view shows), or the files it needs.
    #[cfg(xunyue_sharded)]
    pub fn try_new(d: &Data, q: &str) -> xunyue_engine::source::Got<Searched> {
        let query = q.trim().to_string();
        if query.is_empty() {
            return Ok(Searched::default());
        }
        let t0 = crate::perf::now();
        let response = d.try_rank(&query)?;
        let took_ms = crate::perf::now() - t0;
        Ok(Searched { several: d.several_terms(&query), query, response, took_ms })
    }

    /// This search with the hits of `docs` materialized too.
    #[cfg(xunyue_sharded)]
    pub fn materialized(&self, d: &Data, docs: &[u32]) -> xunyue_engine::source::Got<Searched> {
        let mut response = self.response.clone();
        d.materialize_docs(&mut response, docs)?;
        Ok(Searched { query: self.query.clone(), response, took_ms: self.took_ms, several: self.several })
    }
}

#[derive(Default)]
pub struct Explored {
    pub searched: Rc<Searched>,
    /// Every article matching the query, before facets (all in browse mode).
    pub matched_docs: Vec<u32>,
    /// The articles shown: matched, filtered by facets, sorted.
    pub docs: Vec<u32>,
    /// Total hits over `docs`, and how many of them are the query as typed.
    pub hits: usize,
    pub exact_hits: usize,
    /// Hits over every match before "exact only" and facets: whether the
    /// exact-only switch means anything.
    pub all_exact: usize,
    pub all_hits: usize,
    /// The article open in the reader.
    pub open: Option<u32>,
    /// Per doc: the index of its hit in the response (`u32::MAX`: none).
    at: Vec<u32>,
    /// The matches filtered by facets through time, inside the route's range.
    #[cfg(xunyue_time)]
    pub timeline: Option<xunyue_engine::time::Timeline>,
    /// Terms over time and the page views of the route (`crate::time::extras`).
    #[cfg(xunyue_time)]
    pub time: Rc<crate::time::Extras>,
}

/// The same when it is the same search (views compare it by identity).
impl PartialEq for Explored {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Explored {
    pub fn browsing(&self) -> bool {
        self.searched.query.is_empty()
    }

    pub fn query(&self) -> &str {
        &self.searched.query
    }

    fn response(&self) -> &SearchResponse {
        &self.searched.response
    }

    /// No article holds every term: the matches hold the most of them.
    pub fn partial(&self) -> bool {
        self.response().partial
    }

    /// The query only excludes: the results are every article without it, with no hits.
    pub fn only_excluded(&self) -> bool {
        self.response().notices.contains(&Notice::OnlyExcluded)
    }

    /// A lowercase `or` between terms was searched as a word.
    pub fn lowercase_or(&self) -> bool {
        self.response().notices.contains(&Notice::LowercaseOr)
    }

    /// The search hit of an article, when it matches the query.
    pub fn hit(&self, doc: u32) -> Option<&SearchHit> {
        self.at.get(doc as usize).and_then(|&i| self.response().hits.get(i as usize))
    }

    /// True when the article matches with the query's words apart: the
    /// words of a split phrase, or several terms that all occur but not
    /// side by side as typed. An article holding one alternative of
    /// `A OR B`, the phrase with other punctuation, or lacking a term
    /// (partial) is not apart.
    pub fn apart(&self, doc: u32) -> bool {
        self.hit(doc).is_some_and(|h| h.tier == Tier::Words || (h.tier == Tier::Terms && self.searched.several))
    }

    /// The query's terms an article lacks (partial matches).
    pub fn missing(&self, doc: u32) -> Vec<&str> {
        let terms = &self.response().terms;
        self.hit(doc).map(|h| h.missing.iter().filter_map(|&i| terms.get(i as usize).map(String::as_str)).collect()).unwrap_or_default()
    }

    pub fn spans(&self, doc: u32) -> &[(u32, u32)] {
        self.hit(doc).map(|h| h.spans.as_slice()).unwrap_or(&[])
    }

    /// Every hit of the article is the query as typed.
    pub fn exact(&self, doc: u32) -> bool {
        self.hit(doc).is_some_and(|h| h.exact)
    }

    /// Number of hits in an article (known before its spans are).
    #[cfg_attr(xunyue_sharded, allow(dead_code))]
    pub fn count(&self, doc: u32) -> usize {
        self.hit(doc).map_or(0, |h| h.hits as usize)
    }

    /// Number of hits in the open article.
    pub fn open_hits(&self) -> usize {
        self.open.map(|d| self.spans(d).len()).unwrap_or(0)
    }

    /// This view with the extras of time.
    #[cfg(xunyue_time)]
    pub fn with_time(mut self, time: Rc<crate::time::Extras>) -> Explored {
        self.time = time;
        self
    }

    /// The exact/apart split means something: some hits are the query as
    /// typed and some are not.
    pub fn split(&self) -> bool {
        self.all_exact > 0 && self.all_exact < self.all_hits
    }
}

/// Filters and sorts the matches of a search for a route.
pub fn explore(d: &Data, searched: Rc<Searched>, r: &Route) -> Explored {
    let hits = &searched.response.hits;
    let count = |f: fn(&SearchHit) -> usize| hits.iter().map(f).sum();
    // Counts, not spans: a sharded archive gives spans only to the hits on screen.
    let (all_hits, all_exact) = (count(|h| h.hits as usize), count(|h| h.exact_hits as usize));
    let matched_docs: Vec<u32> = if searched.query.is_empty() {
        (0..d.len()).collect()
    } else {
        // "Exact only" needs something exact to show.
        let exact = r.exact && all_exact > 0;
        hits.iter().filter(|h| !exact || h.exact).map(|h| h.doc).collect()
    };
    // A date range keeps the matches inside it, before the facets count them.
    #[cfg(xunyue_time)]
    let matched_docs = {
        let range = r.range();
        let mut m = matched_docs;
        if !range.is_all() {
            m.retain(|&doc| d.in_range(doc, range));
        }
        m
    };
    let mut docs = d.filter(&matched_docs, &r.facets, r.all);
    // The timeline of the range: the filtered matches per bucket.
    #[cfg(xunyue_time)]
    let timeline = Some(d.timeline(&docs, r.range()));
    match r.sort {
        Sort::Relevance => {}
        Sort::Page => sort(&mut docs),
        // Through time, by the engine's date order (as `xunyue search --sort`): newest or oldest first,
        // undated last, ties in the order they had (relevance; browsing: reading order).
        #[cfg(xunyue_time)]
        Sort::Date => d.sort_by_date(&mut docs, true),
        #[cfg(xunyue_time)]
        Sort::Oldest => d.sort_by_date(&mut docs, false),
        // Newest first; undated last; page order within a date.
        #[cfg(not(xunyue_time))]
        Sort::Date => {
            let date = |doc: u32| d.values(doc, FacetKind::Date).first();
            sort_by(&mut docs, |&a, &b| match (date(a), date(b)) {
                (Some(x), Some(y)) => y.cmp(x).then(a.cmp(&b)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.cmp(&b),
            });
        }
    }
    let (mut shown, mut shown_exact) = (0, 0);
    // Where each article's hit is, by doc: lookups in constant time (an archive has thousands of hits).
    let mut at = vec![u32::MAX; if hits.is_empty() { 0 } else { d.len() as usize }];
    for (i, h) in hits.iter().enumerate() {
        if let Some(x) = at.get_mut(h.doc as usize) {
            *x = i as u32;
        }
    }
    for h in docs.iter().filter_map(|&doc| at.get(doc as usize).and_then(|&i| hits.get(i as usize))) {
        shown += h.hits as usize;
        shown_exact += h.exact_hits as usize;
    }
    let open = r.open.as_deref().and_then(|id| d.doc_of(id));
    Explored {
        searched,
        matched_docs,
        docs,
        hits: shown,
        exact_hits: shown_exact,
        all_exact,
        all_hits,
        open,
        at,
        #[cfg(xunyue_time)]
        timeline,
        #[cfg(xunyue_time)]
        time: Rc::default(),
    }
}
