//! Everything the views show, derived from the route: the query's matches,
//! filtered by the selected facets and sorted.

use crate::data::data;
use crate::facets::FacetKind;
use crate::route::Sort;
use std::cell::RefCell;
use std::rc::Rc;
use xunyue_core::sort::{sort, sort_by};
use xunyue_engine::{SearchHit, SearchResponse};

#[derive(Default)]
pub struct Explored {
    /// The query as searched (trimmed); empty in browse mode.
    pub query: String,
    /// Every article matching the query, before facets (all in browse mode).
    pub matched_docs: Vec<u32>,
    /// The articles shown: matched, filtered by facets, sorted.
    pub docs: Vec<u32>,
    /// Total hits over `docs`.
    pub hits: usize,
    /// No article holds every term: the matches hold the most of them.
    pub partial: bool,
    /// Time the search took, in milliseconds.
    pub took_ms: f64,
    /// The article open in the reader.
    pub open: Option<u32>,
    response: Rc<SearchResponse>,
}

/// The same when it is the same search (views compare it by identity).
impl PartialEq for Explored {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Explored {
    pub fn browsing(&self) -> bool {
        self.query.is_empty()
    }

    /// The search hit of an article, when it matches the query.
    pub fn hit(&self, doc: u32) -> Option<&SearchHit> {
        self.response.hits.iter().find(|h| h.doc == doc)
    }

    /// True when the article matches with the query's words apart: the
    /// words of a split phrase, or several terms that all occur but not
    /// side by side as typed. An article holding one alternative of
    /// `A OR B`, or the phrase with other punctuation, is not apart.
    pub fn apart(&self, doc: u32) -> bool {
        self.hit(doc).is_some_and(|h| !h.exact && (h.tier <= xunyue_engine::Tier::Words || self.several_terms()))
    }

    /// The query has more than one term that must occur (AND).
    fn several_terms(&self) -> bool {
        data().is_some_and(|d| d.engine.parse(&self.query).clauses.len() > 1)
    }

    pub fn spans(&self, doc: u32) -> &[(u32, u32)] {
        self.hit(doc).map(|h| h.spans.as_slice()).unwrap_or(&[])
    }

    /// Number of hits in the open article.
    pub fn open_hits(&self) -> usize {
        self.open.map(|d| self.spans(d).len()).unwrap_or(0)
    }
}

thread_local! {
    static LAST: RefCell<Option<(String, Rc<SearchResponse>, f64)>> = const { RefCell::new(None) };
}

/// Searches (memoized on the query), filters and sorts.
pub fn explore(q: &str, facets: &[(FacetKind, String)], order: Sort, open: Option<&str>) -> Explored {
    let Some(d) = data() else { return Explored::default() };
    let query = q.trim().to_string();
    let (response, took_ms) = LAST.with(|last| {
        if let Some((q, r, t)) = last.borrow().as_ref() {
            if *q == query {
                return (r.clone(), *t);
            }
        }
        let t0 = crate::perf::now();
        let r = Rc::new(if query.is_empty() { SearchResponse::default() } else { d.engine.search(&query) });
        let took = crate::perf::now() - t0;
        *last.borrow_mut() = Some((query.clone(), r.clone(), took));
        (r, took)
    });
    let matched_docs: Vec<u32> = if query.is_empty() {
        (0..d.engine.articles().len() as u32).collect()
    } else {
        response.hits.iter().map(|h| h.doc).collect()
    };
    let mut docs = d.facets.filter(&matched_docs, facets);
    match order {
        Sort::Relevance => {}
        Sort::Page => sort(&mut docs),
        Sort::Date => {
            let date = |doc: u32| d.facets.values(doc, FacetKind::Date).first();
            // Newest first; undated last; page order within a date.
            sort_by(&mut docs, |&a, &b| match (date(a), date(b)) {
                (Some(x), Some(y)) => y.cmp(x).then(a.cmp(&b)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.cmp(&b),
            });
        }
    }
    let hits = docs
        .iter()
        .filter_map(|&doc| response.hits.iter().find(|h| h.doc == doc))
        .map(|h| h.spans.len())
        .sum();
    let open = open.and_then(|id| d.doc_of(id));
    let partial = response.partial;
    Explored { query, matched_docs, docs, hits, partial, took_ms, open, response }
}
