//! What every view reads: the archive, the current route and what it
//! shows ([`Ctx`]), and how to change the route ([`Go`]). Made by the app on
//! each render.

use crate::data::Data;
use crate::explore::Explored;
use crate::i18n::Strings;
use crate::route::{Action, Route};
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

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

#[derive(Clone)]
pub struct Ctx {
    pub data: Rc<Data>,
    pub route: Rc<Route>,
    pub go: Go,
    pub explored: Rc<Explored>,
    /// False for the first view after the archive loads: secondary views
    /// (facets, chart) follow in the next task, after the results are painted.
    pub full: bool,
}

impl Ctx {
    pub fn t(&self) -> &'static Strings {
        self.route.lang.t()
    }

    pub fn act(&self, a: Action) {
        self.go.act(a)
    }

    pub fn on<E: 'static>(&self, f: impl Fn(E) -> Option<Action> + 'static) -> Callback<E> {
        self.go.on(f)
    }
}
