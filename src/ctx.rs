//! What every view reads: the archive, the current route and what it
//! shows ([`Ctx`]), and how to change the route ([`Go`]). Made by the app on
//! each render.

use crate::data::Data;
use crate::explore::Explored;
use crate::i18n::Strings;
use crate::route::{Action, Route};
use std::cell::RefCell;
use std::rc::Rc;
use yew::{Callback, UseStateHandle};

/// Changes the route of one app instance.
#[derive(Clone)]
pub struct Go {
    /// Go to a route: `(route, push)`; `push` adds a history entry.
    pub to: Callback<(Route, bool)>,
    /// The route as of the latest render: handlers kept in memoized views
    /// start from it, never from the route they were made with.
    pub latest: Rc<RefCell<Rc<Route>>>,
}

impl Go {
    pub fn latest(&self) -> Rc<Route> {
        self.latest.borrow().clone()
    }

    /// Carries out a reader's action on the latest route.
    pub fn act(&self, a: Action) {
        let from = self.latest();
        self.to.emit((from.apply(&a), a.push(&from)));
    }

    /// A callback that carries out the action `f` makes of an event (none: nothing).
    pub fn on<E: 'static>(&self, f: impl Fn(E) -> Option<Action> + 'static) -> Callback<E> {
        let go = self.clone();
        Callback::from(move |e| {
            if let Some(a) = f(e) {
                go.act(a)
            }
        })
    }
}

/// What an explorer shows that is no part of the route (not in the URL):
/// how much of long lists, which facets in full, whether the filter panel
/// is open on a narrow screen.
#[derive(Clone, Default, PartialEq)]
pub struct Ui {
    /// Extra results shown, for the query they were asked for.
    pub more: (String, usize),
    /// Extra concordance rows shown, for the query they were asked for.
    pub more_rows: (String, usize),
    /// Facets listing all their values ([`crate::facets::FacetKind::bit`]s).
    pub expanded: u16,
    /// The filter panel is open (narrow screens; wide ones always show it).
    pub filters: bool,
    /// 0: the first render (header and search box); 1: the results; 2: the
    /// secondary views too (facets, chart), after the results were painted.
    pub stage: u8,
    /// The bar a drag across the timeline started on.
    #[cfg(xunyue_time)]
    pub brush: Option<String>,
    /// Terms over time in raw counts, not per 10,000 chars.
    #[cfg(xunyue_time)]
    pub raw: bool,
    /// The facet whose long list is searched ([`crate::facets::FacetKind::bit`]), and for what.
    #[cfg(xunyue_time)]
    pub find: (u16, String),
    /// The terms box as typed, until it is sent (a render meanwhile keeps it).
    #[cfg(xunyue_time)]
    pub terms: Option<String>,
}

#[derive(Clone)]
pub struct Ctx {
    pub data: Rc<Data>,
    pub route: Rc<Route>,
    pub go: Go,
    pub explored: Rc<Explored>,
    pub ui: UseStateHandle<Ui>,
    /// False for the first view after the archive loads: secondary views
    /// (facets, chart) follow in the next task, after the results are painted.
    pub full: bool,
    /// Whether files of a sharded archive are on their way or failed.
    #[cfg(xunyue_sharded)]
    pub fetching: crate::shard::Fetching,
}

impl Ctx {
    pub fn t(&self) -> &'static Strings {
        self.route.lang.t()
    }

    pub fn on<E: 'static>(&self, f: impl Fn(E) -> Option<Action> + 'static) -> Callback<E> {
        self.go.on(f)
    }

    /// A callback that changes the [`Ui`] state.
    pub fn on_ui<E: 'static>(&self, f: impl Fn(&mut Ui) + 'static) -> Callback<E> {
        let ui = self.ui.clone();
        Callback::from(move |_| {
            let mut u = (*ui).clone();
            f(&mut u);
            ui.set(u);
        })
    }
}
