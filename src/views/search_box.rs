//! The search box: searches on every input event. Only when the previous
//! search and render took longer than [`SLOW_MS`] (a slow machine, a huge
//! archive) does it wait for a pause in typing, so a fast page never lags a
//! keystroke and a slow one does not queue up work.

use crate::ctx::Go;
use crate::explore::Explored;
use crate::route::{Action, Route};
use gloo::timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A search and render slower than this debounces the next keystroke.
pub const SLOW_MS: f64 = 50.0;
/// Delay between the last keystroke and the search when debouncing, in milliseconds.
pub const DEBOUNCE_MS: u32 = 120;

/// What typing cost in one explorer (each instance has its own).
#[derive(Default)]
pub struct Typing {
    /// When the last query was sent (ms since navigation), until its view rendered.
    sent: Cell<Option<f64>>,
    /// How long the last query took from the keystroke to the rendered view.
    cost: Cell<f64>,
}

/// The typing state of the app instance, and its measure: once the view of
/// a typed query is in the DOM, records what the keystroke cost
/// (`xunyue:keystroke` measure).
#[hook]
pub fn use_typing(explored: &Rc<Explored>) -> Rc<Typing> {
    let typing = use_memo((), |_| Typing::default());
    let t = typing.clone();
    use_effect_with(explored.clone(), move |_| {
        if let Some(t0) = t.sent.take() {
            t.cost.set(crate::perf::now() - t0);
            crate::perf::measure("xunyue:keystroke", "xunyue:input");
        }
    });
    typing
}

fn send(go: &Go, typing: &Typing, value: String) {
    if go.latest().q == value {
        return;
    }
    crate::perf::mark("xunyue:input");
    typing.sent.set(Some(crate::perf::now()));
    go.act(Action::Search(value));
}

/// The search box, a hook of the app (its draft and debounce timer are hook state).
#[hook]
pub fn use_search_box(route: &Route, go: &Go, typing: &Rc<Typing>) -> Html {
    let t = route.lang.t();
    let draft = use_state(|| route.q.clone());
    let timer = use_mut_ref(|| None::<Timeout>);

    // Follow the route when it changes from elsewhere (back/forward, links).
    {
        let draft = draft.clone();
        let timer = timer.clone();
        use_effect_with(route.q.clone(), move |q| {
            if timer.borrow().is_none() && *draft != *q {
                draft.set(q.clone());
            }
        });
    }

    let oninput = {
        let draft = draft.clone();
        let timer = timer.clone();
        let go = go.clone();
        let typing = typing.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(value.clone());
            // Dropping a pending timeout cancels it.
            timer.borrow_mut().take();
            if typing.cost.get() <= SLOW_MS {
                send(&go, &typing, value);
                return;
            }
            let go = go.clone();
            let timer2 = timer.clone();
            let typing = typing.clone();
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                timer2.borrow_mut().take();
                send(&go, &typing, value);
            }));
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());

    html! {
        <form class="search" role="search" {onsubmit}>
            <label for="xunyue-q" class="visually-hidden">{ t.search_label }</label>
            <input id="xunyue-q" type="search" name="q" value={(*draft).clone()} {oninput}
                placeholder={t.search_placeholder} autocomplete="off" spellcheck="false"
                aria-describedby="xunyue-stats" />
        </form>
    }
}
