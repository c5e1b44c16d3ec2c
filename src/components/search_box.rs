//! The search box: searches as you type, debounced.

use crate::app::Ctx;
use gloo::timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Delay between the last keystroke and the search, in milliseconds.
pub const DEBOUNCE_MS: u32 = 120;

#[function_component(SearchBox)]
pub fn search_box() -> Html {
    let Some(ctx) = use_context::<Ctx>() else { return Html::default() };
    let t = ctx.t();
    let draft = use_state(|| ctx.route.q.clone());
    let timer = use_mut_ref(|| None::<Timeout>);
    let latest = use_mut_ref(|| ctx.clone());
    *latest.borrow_mut() = ctx.clone();

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
        let latest = latest.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(value.clone());
            let latest = latest.clone();
            let timer2 = timer.clone();
            let t = Timeout::new(DEBOUNCE_MS, move || {
                timer2.borrow_mut().take();
                let ctx = latest.borrow().clone();
                if ctx.route.q != value {
                    let mut n = ctx.next();
                    // A new query starts from the result list.
                    let push = n.open.is_some();
                    n.q = value;
                    n.open = None;
                    n.hit = 0;
                    ctx.go.emit((n, push));
                }
            });
            // Dropping the previous timeout cancels it.
            *timer.borrow_mut() = Some(t);
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
