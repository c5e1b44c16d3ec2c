//! The app over a sharded archive (only in the sharded build,
//! `cfg(xunyue_sharded)`): the archive opened from its root, the facet
//! files read in the background, and every view's answer computed in full
//! before it is shown.
//!
//! The engine never waits for the network: a read of a file not loaded
//! yet fails with `Fault::Missing(paths)`. [`answer`] computes what the
//! route shows — the query's matches, the hits of the results on screen
//! with their spans and snippets, the records of the articles shown, the
//! open article — and fails as soon as one file is missing, naming them
//! all. The app then asks the [`Loader`] for them, keeps the previous view
//! (with a quiet progress indicator) and asks again when they are in. So a
//! view is never made from a partial read, and an older query's answer is
//! never shown over a newer one's: each answer is for the route of the
//! moment it completes.

use crate::data::Data;
use crate::explore::{explore, Explored, Searched};
use crate::facets::{FacetKind, KINDS};
use crate::fetch::{Loader, Source};
use crate::offline::Saver;
use crate::route::{Route, View};
use std::rc::Rc;
use xunyue_engine::source::{Fault, Faults, Got, Source as _};
use xunyue_format::archive::records::FacetFile;

/// A sharded archive as the app holds it: what fetches its files, and what
/// saves them for offline use.
pub struct Archive {
    pub loader: Rc<Loader>,
    pub saver: Rc<Saver>,
    /// Set once a view has been answered in full (then the facet files are asked for).
    pub answered: Rc<std::cell::Cell<bool>>,
}

/// What the views show of the archive's files while a view is computed.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Fetching {
    /// Everything the view needs is loaded.
    #[default]
    Idle,
    /// Files are on their way; the previous view stays.
    Loading,
    /// A file cannot be had: why, naming it (offer a retry).
    Failed(Rc<str>),
}

/// The facet files the app reads (in the background, after the first view).
pub const FACET_FILES: [(&str, Option<FacetKind>); 6] = [
    ("org", Some(FacetKind::Org)),
    ("person", Some(FacetKind::Person)),
    ("place", Some(FacetKind::Place)),
    ("kw", Some(FacetKind::Keyword)),
    ("author", Some(FacetKind::Author)),
    ("id", None),
];

/// Per article, the values of each facet: source, year, date and page from
/// the root's layout, the others from the facet files given.
pub fn facet_values(src: &Source, files: &[(Option<FacetKind>, FacetFile)]) -> Vec<[Vec<String>; KINDS]> {
    let layout = src.layout();
    (0..src.articles() as usize)
        .map(|d| {
            let mut v: [Vec<String>; KINDS] = Default::default();
            if let Some(Some(s)) = layout.doc_source.get(d) {
                v[FacetKind::Source.slot()].extend(layout.sources.get(*s as usize).cloned());
            }
            if let Some(Some(i)) = layout.doc_date.get(d) {
                if let Some(date) = layout.dates.get(*i as usize) {
                    if date.len() >= 4 && date.is_char_boundary(4) {
                        v[FacetKind::Year.slot()].push(date[..4].to_string());
                    }
                    v[FacetKind::Date.slot()].push(date.clone());
                }
            }
            if let Some(p) = layout.page_of.get(d).and_then(|&p| layout.pages.get(p as usize)) {
                v[FacetKind::Page.slot()].push(p.stem.clone());
            }
            for (kind, f) in files {
                let Some(kind) = kind else { continue };
                if let Some(ids) = f.docs.get(d) {
                    v[kind.slot()] = ids.iter().filter_map(|&i| f.values.get(i as usize).cloned()).collect();
                }
            }
            v
        })
        .collect()
}

/// Every article's id with its number, sorted by id (from the `id` facet
/// file), for deep links.
pub fn ids(files: &[(Option<FacetKind>, FacetFile)]) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = Vec::new();
    for (kind, f) in files {
        if kind.is_none() && f.kind == "id" {
            for (d, ids) in f.docs.iter().enumerate() {
                out.extend(ids.iter().filter_map(|&i| f.values.get(i as usize)).map(|id| (id.clone(), d as u32)));
            }
        }
    }
    xunyue_core::sort::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
    out
}

/// The articles a view of `ex` shows (their records and, with a query, their
/// hits' spans and snippets are read for it): the results on screen, the
/// articles of the concordance rows on screen, and the open article.
fn shown(ex: &Explored, r: &Route, results: usize, rows: usize) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    match r.view {
        View::Kwic if !ex.browsing() => {
            let mut n = 0usize;
            for &doc in &ex.docs {
                if n >= rows {
                    break;
                }
                n += ex.hit(doc).map_or(0, |h| h.hits as usize);
                out.push(doc);
            }
        }
        _ => out.extend(ex.docs.iter().take(results)),
    }
    out.extend(ex.open);
    out
}

/// The whole view of route `r` (showing `results` results or `rows`
/// concordance rows), from `prev` (the last search, kept while only
/// facets, order or the open article change), or the files it needs.
pub fn answer(d: &Data, prev: Option<&Rc<Searched>>, r: &Route, results: usize, rows: usize) -> Got<Rc<Explored>> {
    if r.open.is_some() && !d.has_ids() {
        return Err(Fault::Missing(d.facet_paths()));
    }
    let q = r.q.trim();
    let searched = match prev {
        Some(s) if s.query == q => s.clone(),
        _ => Rc::new(Searched::try_new(d, q)?),
    };
    let ex = explore(d, searched.clone(), r);
    let mut docs = shown(&ex, r, results, rows);
    let mut faults = Faults::default();
    for &doc in &docs {
        faults.take(d.try_article(doc));
    }
    faults.done()?;
    // The reader lists related articles and links a continuation: their records too.
    if let Some(open) = ex.open {
        let a = d.try_article(open)?;
        let mut more = d.related(open);
        more.extend(d.continuation_docs(&a, true));
        more.extend(d.continuation_docs(&a, false));
        let mut faults = Faults::default();
        for doc in more {
            faults.take(d.try_article(doc));
        }
        faults.done()?;
    }
    if r.view == View::Kwic && r.kwic_sort != crate::route::KwicSort::Position {
        // Sorted by context, every row is needed: every matching article's text.
        docs = ex.docs.clone();
        docs.extend(ex.open);
    }
    // Through time: the terms' postings, the records of the pages shown.
    #[cfg(xunyue_time)]
    let time = Rc::new(crate::time::extras(d, r)?);
    let ex = if docs.iter().any(|&doc| ex.hit(doc).is_some_and(|h| !h.materialized)) {
        let more = searched.materialized(d, &docs)?;
        explore(d, Rc::new(more), r)
    } else {
        ex
    };
    #[cfg(xunyue_time)]
    let ex = ex.with_time(time);
    Ok(Rc::new(ex))
}

/// What a render of the app gets from its sharded archive.
pub struct Shown {
    /// `None` until the root is in.
    pub data: Option<Rc<Data>>,
    /// The latest complete view.
    pub explored: Rc<Explored>,
    pub fetching: Fetching,
}

/// Opens the archive at `base` once, then computes the view of each route
/// (see [`answer`]), fetching what it needs; draws again as files arrive.
#[yew::hook]
pub fn use_sharded(base: String, route: Rc<Route>, ready: bool, results: usize, rows: usize) -> Shown {
    use std::cell::Cell;
    use yew::prelude::*;
    let data = use_state(|| None::<Rc<Data>>);
    let failed = use_state(|| None::<Rc<str>>);
    let redraw = use_force_update();
    // Bumped when files arrive or fail: the view is computed again.
    let arrivals = use_memo((), |_| Cell::new(0u32));
    let last = use_mut_ref(|| (None::<Rc<Searched>>, Rc::<Explored>::default()));
    {
        let (data, failed, arrivals) = (data.clone(), failed.clone(), arrivals.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let loader = match Loader::open(base).await {
                    Ok(l) => l,
                    Err(why) => return failed.set(Some(Rc::from(why))),
                };
                crate::perf::mark("xunyue:root");
                let on_change: Rc<dyn Fn()> = Rc::new(move || {
                    arrivals.set(arrivals.get() + 1);
                    redraw.force_update();
                });
                loader.on_change(on_change.clone());
                let saver = Saver::new(loader.base(), loader.source());
                saver.on_change(on_change);
                saver.refresh();
                let archive = Rc::new(Archive { loader: loader.clone(), saver, answered: Rc::default() });
                data.set(Some(Rc::new(Data::sharded(archive, &[]))));
            });
        });
    }
    // The facet files (facet counts, authors, deep links by id): asked for once the first view is
    // answered, so that they never compete with it (a deep link asks for them at once, see `answer`);
    // once all are in, the archive's facets are rebuilt with them.
    let facets_asked = use_mut_ref(|| false);
    let answered = (*data).as_ref().is_some_and(|d| d.answered());
    {
        let data = data.clone();
        use_effect_with((arrivals.get(), answered), move |_| {
            let Some(d) = (*data).clone() else { return };
            if d.has_facets() {
                return;
            }
            let paths = d.facet_paths();
            let loader = d.archive().loader.clone();
            let src = loader.source();
            if paths.iter().all(|p| xunyue_engine::store::Storage::loaded(src.store(), p)) {
                let files: Vec<(Option<FacetKind>, FacetFile)> = FACET_FILES
                    .iter()
                    .filter_map(|&(code, kind)| src.facet(code).ok().flatten().map(|f| (kind, f)))
                    .collect();
                data.set(Some(Rc::new(Data::sharded(d.archive().clone(), &files))));
            } else if !*facets_asked.borrow() && d.answered() {
                *facets_asked.borrow_mut() = true;
                loader.request(&paths);
            }
        });
    }
    let key = ((*route).clone(), ready, results, rows, arrivals.get(), (*data).clone().map(|d| Rc::as_ptr(&d) as usize));
    let d = (*data).clone();
    let answered = use_memo(key, move |(r, ready, results, rows, ..)| {
        let Some(d) = d.filter(|_| *ready) else { return (Rc::<Explored>::default(), Fetching::Loading) };
        let mut last = last.borrow_mut();
        match answer(&d, last.0.as_ref(), r, *results, *rows) {
            Ok(ex) => {
                d.archive().answered.set(true);
                *last = (Some(ex.searched.clone()), ex.clone());
                (ex, Fetching::Idle)
            }
            Err(Fault::Missing(paths)) => {
                d.archive().loader.request(&paths);
                (last.1.clone(), Fetching::Loading)
            }
            Err(Fault::Broken(why)) => (last.1.clone(), Fetching::Failed(Rc::from(why))),
        }
    });
    let (explored, mut fetching) = (*answered).clone();
    if let Some(why) = &*failed {
        fetching = Fetching::Failed(why.clone());
    }
    Shown { data: (*data).clone(), explored, fetching }
}
