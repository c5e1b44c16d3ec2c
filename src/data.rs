//! The archive as the views see it: the one interface between the UI and
//! the engine. Views ask it for articles, texts, searches, snippets, facet
//! values and counts, page names; none reaches into the engine's corpus.
//!
//! Two shapes behind one interface: the embedded bundle, loaded whole
//! before the first view, and (in the sharded build, `cfg(xunyue_sharded)`)
//! an archive read file by file: its root first, then what each view needs
//! (`crate::shard` computes a view only once all of it is loaded, so the
//! views here read loaded files only). Each explorer owns its `Rc<Data>`
//! (no global) and swaps in a newer one when the facet files arrive.

use crate::facets::{FacetIndex, FacetKind, Modes};
use crate::i18n::Strings;
use std::rc::Rc;
#[cfg(not(xunyue_sharded))]
use xunyue_core::model::Page;
use xunyue_core::Article;
use xunyue_engine::snippet::Snippet;
use xunyue_engine::{Engine, SearchHit, SearchResponse};

/// What the engine reads: the embedded bundle, or the archive's files.
#[cfg(not(xunyue_sharded))]
type Src = xunyue_engine::embedded::Embedded;
#[cfg(xunyue_sharded)]
type Src = crate::fetch::Source;
#[cfg(any(xunyue_sharded, xunyue_time))]
use xunyue_engine::Source as _;

/// Related articles listed in the reader.
const RELATED: usize = 5;

pub struct Data {
    engine: Engine<Src>,
    facets: FacetIndex,
    #[cfg(xunyue_sharded)]
    archive: Rc<crate::shard::Archive>,
    /// Every article's id and number, by id; empty until the `id` file is in.
    #[cfg(xunyue_sharded)]
    ids: Vec<(String, u32)>,
    /// Whether the facet files are in (else the facets are the root's only).
    #[cfg(xunyue_sharded)]
    has_facets: bool,
}

impl Data {
    /// The embedded archive, or `None` when its bundle does not decode.
    #[cfg(not(xunyue_sharded))]
    pub fn load() -> Option<Data> {
        let engine = Engine::from_bytes(xunyue_corpus::BLOB).ok()?;
        crate::perf::mark("xunyue:engine");
        let pages = &engine.corpus().pages;
        let facets = FacetIndex::build(engine.articles(), &engine.analysis().articles, |a| {
            let p = pages.iter().find(|p| p.stem == a.page);
            (p.and_then(|p| p.source.as_ref()), p.and_then(|p| p.date.as_ref()))
        });
        crate::perf::mark("xunyue:facets");
        Some(Data { engine, facets })
    }

    /// The sharded archive, with the facet files read so far (none: the
    /// facets of the root's layout only).
    #[cfg(xunyue_sharded)]
    pub fn sharded(
        archive: Rc<crate::shard::Archive>,
        files: &[(Option<FacetKind>, xunyue_format::archive::records::FacetFile)],
    ) -> Data {
        let src = archive.loader.source();
        let facets = FacetIndex::from_values(crate::shard::facet_values(&src, files));
        Data { engine: Engine::over(src), facets, ids: crate::shard::ids(files), has_facets: !files.is_empty(), archive }
    }

    #[cfg(xunyue_sharded)]
    pub fn has_facets(&self) -> bool {
        self.has_facets
    }

    #[cfg(xunyue_sharded)]
    pub fn answered(&self) -> bool {
        self.archive.answered.get()
    }

    #[cfg(xunyue_sharded)]
    pub fn archive(&self) -> &Rc<crate::shard::Archive> {
        &self.archive
    }

    /// True once deep links by id can be resolved.
    #[cfg(xunyue_sharded)]
    pub fn has_ids(&self) -> bool {
        !self.ids.is_empty() || self.len() == 0
    }

    /// The facet files the app reads.
    #[cfg(xunyue_sharded)]
    pub fn facet_paths(&self) -> Vec<String> {
        let src = self.engine.source();
        crate::shard::FACET_FILES.iter().filter_map(|(code, _)| src.facet_path(code)).collect()
    }

    /// Number of articles; docs are `0..len`.
    pub fn len(&self) -> u32 {
        self.engine.article_count()
    }

    /// An article's record (in the sharded build: when it is loaded).
    pub fn article(&self, doc: u32) -> Option<Rc<Article>> {
        self.engine.try_article(doc).ok()
    }

    #[cfg(any(xunyue_sharded, xunyue_time))]
    pub fn try_article(&self, doc: u32) -> xunyue_engine::Got<Rc<Article>> {
        self.engine.try_article(doc)
    }

    #[cfg(xunyue_sharded)]
    pub fn try_rank(&self, q: &str) -> xunyue_engine::Got<SearchResponse> {
        self.engine.try_rank(q)
    }

    #[cfg(xunyue_sharded)]
    pub fn materialize_docs(&self, resp: &mut SearchResponse, docs: &[u32]) -> xunyue_engine::Got<()> {
        self.engine.materialize_docs(resp, docs)
    }

    /// The article's text as chars (what hit spans index into).
    pub fn text(&self, doc: u32) -> Rc<[char]> {
        self.engine.text(doc)
    }

    /// Position of the article with this id.
    #[cfg(not(xunyue_sharded))]
    pub fn doc_of(&self, id: &str) -> Option<u32> {
        self.engine.articles().iter().position(|a| a.id == id).map(|i| i as u32)
    }

    #[cfg(xunyue_sharded)]
    pub fn doc_of(&self, id: &str) -> Option<u32> {
        let i = self.ids.binary_search_by(|(x, _)| x.as_str().cmp(id)).ok()?;
        self.ids.get(i).map(|&(_, d)| d)
    }

    /// The engine's answer to a query.
    #[cfg(not(xunyue_sharded))]
    pub fn search(&self, q: &str) -> SearchResponse {
        self.engine.search(q)
    }

    /// True when the query has several terms that must all occur: their
    /// hits side by side are the query, apart they are "apart".
    pub fn several_terms(&self, q: &str) -> bool {
        self.engine.parse(q).clauses.len() > 1
    }

    /// The engine's snippet of a hit (the CLI shows the same).
    pub fn snippet(&self, hit: &SearchHit) -> Snippet {
        if hit.snippet.text.is_empty() {
            self.engine.snippet_for(hit)
        } else {
            hit.snippet.clone()
        }
    }

    #[cfg(not(xunyue_sharded))]
    pub fn page(&self, stem: &str) -> Option<&Page> {
        self.engine.corpus().pages.iter().find(|p| p.stem == stem)
    }

    /// What a page is called: its printed label (第一版), its printed number
    /// (第 2 版 / Page 2), else its place in the archive (扫描页 3 / Scan 3).
    pub fn page_name(&self, stem: &str, t: &Strings) -> String {
        #[cfg(not(xunyue_sharded))]
        let pages = &self.engine.corpus().pages;
        #[cfg(xunyue_sharded)]
        let pages = &self.engine.source().layout().pages;
        let Some(i) = pages.iter().position(|p| p.stem == stem) else { return stem.to_string() };
        let p = &pages[i];
        if let Some(l) = &p.label {
            return l.clone();
        }
        let ([pre, post], n) = match p.number {
            Some(n) => (t.page_no, n as usize),
            None => (t.scan_no, i + 1),
        };
        let mut s = String::from(pre);
        s.push_str(&n.to_string());
        s.push_str(post);
        s
    }

    /// What readers see for a facet value (pages by name).
    pub fn label(&self, kind: FacetKind, value: &str, t: &Strings) -> String {
        if kind == FacetKind::Page {
            self.page_name(value, t)
        } else {
            value.to_string()
        }
    }

    pub fn values(&self, doc: u32, kind: FacetKind) -> &[String] {
        self.facets.values(doc, kind)
    }

    /// The docs of `docs` that satisfy the selection.
    pub fn filter(&self, docs: &[u32], selected: &[(FacetKind, String)], all: Modes) -> Vec<u32> {
        self.facets.filter(docs, selected, all)
    }

    /// The values of a facet with their live counts (see [`crate::facets`]).
    pub fn counts(&self, docs: &[u32], selected: &[(FacetKind, String)], all: Modes, kind: FacetKind) -> Vec<(String, usize)> {
        self.facets.counts(docs, selected, all, kind)
    }

    /// True when some article has a date (else sorting by date means nothing).
    pub fn has_dates(&self) -> bool {
        self.facets.has_dates()
    }

    /// `source · date · page`, then the authors unless `bylined` (the reader
    /// shows the byline itself), leaving out what is unknown.
    pub fn meta(&self, doc: u32, t: &Strings, bylined: bool) -> String {
        let Some(a) = self.article(doc) else { return String::new() };
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.values(doc, FacetKind::Source).iter().cloned());
        parts.extend(self.values(doc, FacetKind::Date).iter().cloned());
        parts.push(self.page_name(&a.page, t));
        if !bylined {
            if !a.authors.is_empty() {
                parts.push(a.authors.join("、"));
            } else if let Some(b) = &a.byline {
                parts.push(b.clone());
            }
        }
        parts.join(" · ")
    }

    /// Articles sharing the most entities and keywords with `doc`, most first.
    pub fn related(&self, doc: u32) -> Vec<u32> {
        let kinds = [FacetKind::Org, FacetKind::Person, FacetKind::Place, FacetKind::Keyword];
        let mut out: Vec<(u32, usize)> = (0..self.len())
            .filter(|&o| o != doc)
            .map(|o| {
                let shared = kinds
                    .iter()
                    .map(|&k| {
                        let mine = self.values(doc, k);
                        self.values(o, k).iter().filter(|v| mine.contains(v)).count()
                    })
                    .sum();
                (o, shared)
            })
            .filter(|&(_, n)| n > 0)
            .collect();
        xunyue_core::sort::sort_by(&mut out, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out.into_iter().take(RELATED).map(|(o, _)| o).collect()
    }

    /// The article `a` continues from (`from`) or on, when the archive holds it.
    #[cfg(not(xunyue_sharded))]
    pub fn continuation(&self, a: &Article, from: bool) -> Option<u32> {
        let label = if from { a.continued_from.as_ref() } else { a.continued_to.as_ref() }?;
        let here = self.page(&a.page).and_then(|p| p.label.clone());
        self.engine
            .corpus()
            .pages
            .iter()
            .filter(|p| p.label.as_deref() == Some(label.as_str()) || p.stem == *label)
            .flat_map(|p| p.articles.iter())
            .filter_map(|id| self.doc_of(id))
            .find(|&doc| {
                self.article(doc).is_some_and(|x| {
                    let back = if from { &x.continued_to } else { &x.continued_from };
                    back.is_some() && (here.is_none() || back.as_ref() == here.as_ref())
                })
            })
    }

    /// The same in a sharded archive, among the articles loaded (the view
    /// loads those of the pages it names: [`Data::continuation_docs`]).
    #[cfg(xunyue_sharded)]
    pub fn continuation(&self, a: &Article, from: bool) -> Option<u32> {
        let here = self.page_label(&a.page);
        self.continuation_docs(a, from).into_iter().find(|&doc| {
            self.article(doc).is_some_and(|x| {
                let back = if from { &x.continued_to } else { &x.continued_from };
                back.is_some() && (here.is_none() || back.as_ref() == here.as_ref())
            })
        })
    }

    /// The articles of the pages an article's continuation mark names.
    #[cfg(xunyue_sharded)]
    pub fn continuation_docs(&self, a: &Article, from: bool) -> Vec<u32> {
        let Some(label) = (if from { a.continued_from.as_ref() } else { a.continued_to.as_ref() }) else { return Vec::new() };
        self.engine
            .source()
            .layout()
            .pages
            .iter()
            .filter(|p| p.label.as_deref() == Some(label.as_str()) || p.stem == *label)
            .flat_map(|p| p.first_doc..p.first_doc + p.docs)
            .collect()
    }

    #[cfg(xunyue_sharded)]
    fn page_label(&self, stem: &str) -> Option<String> {
        self.engine.source().layout().pages.iter().find(|p| p.stem == stem).and_then(|p| p.label.clone())
    }

    /// "source · date" of a page, when known.
    pub fn page_source(&self, stem: &str) -> Option<String> {
        #[cfg(not(xunyue_sharded))]
        let (source, date) = {
            let p = self.page(stem)?;
            (p.source.clone(), p.date.clone())
        };
        #[cfg(xunyue_sharded)]
        let (source, date) = {
            let l = self.engine.source().layout();
            let p = l.pages.iter().find(|p| p.stem == stem)?;
            (p.source.and_then(|i| l.sources.get(i as usize).cloned()), p.date.and_then(|i| l.dates.get(i as usize).cloned()))
        };
        let mut s = source?;
        if let Some(d) = date {
            s.push_str(" · ");
            s.push_str(&d);
        }
        Some(s)
    }
}

/// What the views of time read (`crate::time`): the layout's dates and
/// pages, and the engine's answers through time.
#[cfg(xunyue_time)]
impl Data {
    /// The layout: dates, sources and pages of every article.
    pub fn layout(&self) -> &xunyue_format::archive::root::Layout {
        self.engine.source().layout()
    }

    /// The timeline inside `range` of `docs` (the matches, filtered by facets).
    pub fn timeline(&self, docs: &[u32], range: xunyue_core::date::DateRange) -> xunyue_engine::time::Timeline {
        let src = self.engine.source();
        xunyue_engine::time::timeline::timeline_of(src.layout(), src.date_chars(), Some(docs), range, None)
    }

    /// True when article `doc` is inside `range`.
    pub fn in_range(&self, doc: u32, range: xunyue_core::date::DateRange) -> bool {
        xunyue_engine::time::by_date::in_range(self.layout(), doc, range)
    }

    /// Sorts `docs` newest (or oldest) first, undated last, ties kept in place.
    pub fn sort_by_date(&self, docs: &mut Vec<u32>, newest: bool) {
        use xunyue_engine::time::{by_date::date_order, Order};
        let order = date_order(self.layout(), docs, if newest { Order::Newest } else { Order::Oldest });
        xunyue_core::sort::apply(docs, &order);
    }

    /// Hits of each term per bucket inside `range` (or the files it needs).
    pub fn terms_over_time(&self, terms: &[String], range: xunyue_core::date::DateRange) -> xunyue_engine::Got<xunyue_engine::time::TermsOverTime> {
        self.engine.try_terms_over_time(terms, range, None)
    }

    /// The page of stem `stem` as printed, with the pages around it.
    pub fn page_view(&self, stem: &str) -> Option<xunyue_engine::time::PageView> {
        self.engine.page_view(self.engine.page_by_stem(stem)?)
    }

    /// Page number `page` of the layout as printed.
    pub fn page_view_at(&self, page: u32) -> Option<xunyue_engine::time::PageView> {
        self.engine.page_view(page)
    }

    /// The pages printed on `day`.
    pub fn pages_on(&self, day: xunyue_core::date::Day) -> Vec<u32> {
        self.engine.pages_on(day)
    }

    /// The stem of page number `page` of the layout.
    pub fn stem(&self, page: u32) -> Option<&str> {
        self.layout().pages.get(page as usize).map(|p| p.stem.as_str())
    }
}
