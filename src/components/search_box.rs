//! The search box: searches on every input event. Only when the previous
//! search and render took longer than [`SLOW_MS`] (a slow machine, a huge
//! corpus) does it wait for a pause in typing, so a fast page never lags a
//! keystroke and a slow one does not queue up work.

use crate::app::Ctx;
use crate::explore::Explored;
use gloo::timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// A search and render slower than this debounces the next keystroke.
pub const SLOW_MS: f64 = 50.0;
/// Delay between the last keystroke and the search when debouncing, in milliseconds.
pub const DEBOUNCE_MS: u32 = 120;

thread_local! {
    /// When the last query was sent (ms since navigation), until its view rendered.
    static SENT: Cell<Option<f64>> = const { Cell::new(None) };
    /// How long the last query took from the keystroke to the rendered view.
    static COST: Cell<f64> = const { Cell::new(0.0) };
}

/// Called by the app on every render: once the view of a typed query is in
/// the DOM, records what the keystroke cost (`xunyue:keystroke` measure).
#[hook]
pub fn use_rendered(explored: &Rc<Explored>) {
    use_effect_with(explored.clone(), |_| {
        if let Some(t0) = SENT.take() {
            COST.set(crate::perf::now() - t0);
            crate::perf::measure("xunyue:keystroke", "xunyue:input");
        }
    });
}

fn send(ctx: &Ctx, value: String) {
    let mut n = ctx.next();
    if n.q == value {
        return;
    }
    // A new query starts from the result list.
    let push = n.open.is_some();
    n.q = value;
    n.open = None;
    n.hit = 0;
    crate::perf::mark("xunyue:input");
    SENT.set(Some(crate::perf::now()));
    ctx.go.emit((n, push));
}

/// The search box, a hook of the app (its draft and debounce timer are hook state).
#[hook]
pub fn use_search_box(ctx: &Ctx) -> Html {
    let ctx = ctx.clone();
    let t = ctx.t();
    let draft = use_state(|| ctx.route.q.clone());
    let timer = use_mut_ref(|| None::<Timeout>);

    // Follow the route when it changes from elsewhere (back/forward, links).
    {
        let draft = draft.clone();
        let timer = timer.clone();
        use_effect_with(ctx.route.q.clone(), move |q| {
            if timer.borrow().is_none() && *draft != *q {
                draft.set(q.clone());
            }
        });
    }

    let oninput = {
        let draft = draft.clone();
        let timer = timer.clone();
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(value.clone());
            // Dropping a pending timeout cancels it.
            timer.borrow_mut().take();
            if COST.get() <= SLOW_MS {
                send(&ctx, value);
                return;
            }
            let ctx = ctx.clone();
            let timer2 = timer.clone();
            *timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || {
                timer2.borrow_mut().take();
                send(&ctx, value);
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
