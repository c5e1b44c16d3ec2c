//! The search box: searches on every input event. Only when the previous
//! search and render took longer than [`SLOW_MS`] (a slow machine, a huge
//! archive) does it wait for a pause in typing, so a fast page never lags a
//! keystroke and a slow one does not queue up work. Text being composed
//! with an input method (pinyin `huada` before 华大 is chosen) is not
//! searched: the committed text is, at `compositionend` (the app listens for
//! it and calls [`Typing::typed`]).

use crate::ctx::Go;
use crate::route::{Action, Route};
use gloo::timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A search and render slower than this debounces the next keystroke.
pub const SLOW_MS: f64 = 50.0;
/// Delay between the last keystroke and the search when debouncing, in milliseconds.
pub const DEBOUNCE_MS: u32 = 120;

/// What typing costs in one explorer, and its pending search (each instance has its own).
#[derive(Default)]
pub struct Typing {
    /// When the last query was sent (ms since navigation), until its view rendered.
    sent: Cell<Option<f64>>,
    /// How long the last query took from the keystroke to the rendered view.
    cost: Cell<f64>,
    /// A search waiting for a pause in typing.
    timer: RefCell<Option<Timeout>>,
}

impl Typing {
    /// Called once the view of a typed query is in the DOM: records what the
    /// keystroke cost (`xunyue:keystroke` measure).
    pub fn rendered(&self) {
        if let Some(t0) = self.sent.take() {
            self.cost.set(crate::perf::now() - t0);
            crate::perf::measure("xunyue:keystroke", "xunyue:input");
        }
    }

    /// A search is waiting (the box shows a draft the route does not hold yet).
    pub fn waiting(&self) -> bool {
        self.timer.borrow().is_some()
    }

    /// A value typed, or committed by an input method: searched at once, or
    /// after a pause when the last search was slow.
    pub fn typed(self: &Rc<Self>, go: &Go, draft: &UseStateHandle<String>, value: String) {
        draft.set(value.clone());
        // Dropping a pending timeout cancels it.
        self.timer.borrow_mut().take();
        if self.cost.get() <= SLOW_MS {
            self.send(go, value);
            return;
        }
        let (me, go) = (self.clone(), go.clone());
        *self.timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
            me.timer.borrow_mut().take();
            me.send(&go, value);
        }));
    }

    fn send(&self, go: &Go, value: String) {
        if go.latest().q == value {
            return;
        }
        crate::perf::mark("xunyue:input");
        self.sent.set(Some(crate::perf::now()));
        go.act(Action::Search(value));
    }
}

/// The search box: a plain function; its draft and typing state are the app's.
/// `described`: the stats line that describes the box is on the page.
pub fn search_box(route: &Route, go: &Go, typing: &Rc<Typing>, draft: &UseStateHandle<String>, described: bool) -> Html {
    let t = route.lang.t();
    let oninput = {
        let (go, typing, draft) = (go.clone(), typing.clone(), draft.clone());
        Callback::from(move |e: InputEvent| {
            if !e.is_composing() {
                typing.typed(&go, &draft, e.target_unchecked_into::<HtmlInputElement>().value())
            }
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="xunyue-q" class="visually-hidden">{ t.search_label }</label>
            <input id="xunyue-q" type="search" name="q" value={(**draft).clone()} {oninput}
                placeholder={t.search_placeholder} autocomplete="off" spellcheck="false"
                aria-describedby={described.then_some("xunyue-stats")} />
        </form>
    }
}
