//! The explorer: one Yew component owning the state of one instance (its
//! route, archive, search, typing and URL writer), the keyboard, and the
//! layout of the views (`crate::views`).

use crate::ctx::{Ctx, Go};
use crate::data::Data;
use crate::explore::{explore, Searched};
use crate::host::{use_report, AppProps};
use crate::keys::{key, At, Key};
use crate::links::link_click;
use crate::nav::Nav;
use crate::route::{Action, Route};
use crate::views::panel::use_facet_panel;
use crate::views::reader::{focus, reader, use_reader_focus};
use crate::views::results::{results_view, use_more};
use crate::views::search_box::{use_search_box, use_typing};
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let route = use_state_eq(|| Rc::new(props.initial_route()));
    use_report(props, &route);
    let sync_url = props.syncs_url();
    let owns_document = props.owns_document();
    let latest = use_mut_ref(|| (*route).clone());
    *latest.borrow_mut() = (*route).clone();
    let ready = use_state(|| false);
    let full = use_state(|| false);
    let root = use_node_ref();
    let nav = use_memo((), |_| Nav::default());

    // The archive loads before the first render (in this first task, so the
    // page's service worker registers after it and its precache does not
    // compete with the first result). The first render is the header and
    // search box only; the next task shows the results of whatever was
    // typed meanwhile, never a browse list that typing replaces at once.
    let data = use_memo((), |_| Data::load().map(Rc::new));

    let go = {
        let route = route.clone();
        let nav = nav.clone();
        Callback::from(move |(r, push): (Route, bool)| {
            if sync_url {
                // Typing (only the query changes) writes the URL after a pause.
                let typing = !push && r.q != route.q && r == Route { q: r.q.clone(), ..(**route).clone() };
                if typing {
                    nav.write_later(&r);
                } else {
                    nav.write(&r, push);
                }
            }
            route.set(Rc::new(r));
        })
    };

    // Back/forward and hand-edited hashes.
    {
        let route = route.clone();
        let nav = nav.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().filter(|_| sync_url).map(|w| {
                ["popstate", "hashchange"].map(|name| {
                    let route = route.clone();
                    let nav = nav.clone();
                    EventListener::new(&w, name, move |_| {
                        nav.cancel();
                        route.set(Rc::new(crate::nav::current()))
                    })
                })
            });
            move || drop(listeners)
        });
    }

    // The document language follows the UI language.
    {
        let lang = route.lang;
        use_effect_with(lang, move |lang| {
            if !owns_document {
                return;
            }
            if let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
                el.set_attribute("lang", lang.html_lang()).ok();
            }
        });
    }

    // The search runs once per query; the facets, order and open article only filter and sort its matches.
    let searched = {
        let data = data.clone();
        use_memo((route.q.clone(), *ready), move |(q, ready)| match (&*data, *ready) {
            (Some(d), true) => Searched::new(d, q),
            _ => Searched::default(),
        })
    };
    let explored = {
        let data = data.clone();
        let r = (*route).clone();
        use_memo((searched, r.facets.clone(), r.all, r.exact, r.sort, r.open.clone()), move |(s, ..)| match &*data {
            Some(d) => explore(d, s.clone(), &r),
            None => Default::default(),
        })
    };

    {
        let ready = ready.clone();
        use_effect_with((), move |_| {
            crate::perf::mark("xunyue:shell");
            gloo::timers::callback::Timeout::new(0, move || ready.set(true)).forget();
        });
    }
    {
        let full = full.clone();
        use_effect_with(*ready, move |shown| {
            if *shown {
                crate::perf::mark("xunyue:results");
                after_paint(move || full.set(true));
            }
        });
    }
    let typing = use_typing(&explored);

    // Keyboard (`crate::keys`): the stand-alone page listens on the window, an embedded explorer on its own root.
    {
        let latest = latest.clone();
        let go = go.clone();
        let root = root.clone();
        let hits = use_mut_ref(|| 0usize);
        *hits.borrow_mut() = explored.open_hits();
        let target: Option<web_sys::EventTarget> = match &props.embed {
            None => web_sys::window().map(Into::into),
            Some(e) => Some(e.root.clone().into()),
        };
        use_effect_with((), move |_| {
            let listener = target.map(|w| {
                EventListener::new_with_options(&w, "keydown", EventListenerOptions::enable_prevent_default(), move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                    let r = latest.borrow().clone();
                    let el = e.target().and_then(|t| t.dyn_into::<Element>().ok());
                    let tag = el.as_ref().map(|el| el.tag_name()).unwrap_or_default();
                    let at = At {
                        modifier: e.ctrl_key() || e.meta_key() || e.alt_key(),
                        in_input: matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT"),
                        in_search: el.as_ref().is_some_and(|el| el.get_attribute("type").as_deref() == Some("search")),
                        reading: r.open.is_some(),
                        hits: *hits.borrow(),
                    };
                    let act = |a: Action| go.emit((r.apply(&a), a.push(&r)));
                    match key(&e.key(), at) {
                        Some(Key::Search) => {
                            if let Some(r) = root.cast::<Element>() {
                                focus(&r, "input[type=search]");
                            }
                        }
                        Some(Key::LeaveSearch) => {
                            if let Some(el) = el.and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
                                el.blur().ok();
                            }
                        }
                        Some(Key::Close) => act(Action::Close),
                        Some(Key::Step(by)) => act(Action::Step(by, at.hits)),
                        Some(Key::Move(down)) => {
                            if !move_focus(&root, down) {
                                return;
                            }
                        }
                        None => return,
                    }
                    e.prevent_default();
                })
            });
            move || drop(listener)
        });
    }

    let t = route.lang.t();
    let body_of = |ctx: Option<&Ctx>, panel: Html, more| match ctx {
        _ if !*ready => html! {},
        None => html! { <p role="alert">{ t.load_error }</p> },
        Some(ctx) if route.open.is_some() => reader(ctx),
        Some(ctx) => html! {
            <div class="layout">
                { panel }
                { results_view(ctx, more) }
            </div>
        },
    };
    let steer = Go { to: go.clone(), latest: latest.clone() };
    let ctx = (*data).clone().map(|data| Ctx {
        data,
        route: (*route).clone(),
        go: steer.clone(),
        explored: explored.clone(),
        full: *full,
    });
    use_reader_focus(&explored, &route, &root);
    let facet_panel = use_facet_panel(ctx.as_ref());
    let more = use_more();
    let search_box = use_search_box(&route, &steer, &typing);
    let body = body_of(ctx.as_ref(), facet_panel, &more);
    let switch_lang = steer.on(|_: MouseEvent| Some(Action::Lang));
    html! {
            <div class="xunyue" ref={root} lang={route.lang.html_lang()} onclick={move |e: MouseEvent| link_click(&go, &e)}>
                <header class="top" role="banner">
                    <div class="brand">
                        <span class="logo" aria-hidden="true">{ "寻" }</span>
                        <span class="name">{ t.app_name }</span>
                        <span class="tagline">{ t.tagline }</span>
                    </div>
                    { search_box }
                    <button type="button" class="lang" onclick={switch_lang}
                        lang={route.lang.other().html_lang()}>{ t.switch_lang }</button>
                </header>
                <main id="main">{ body }</main>
                <footer class="keys">{ t.keys_hint }</footer>
            </div>
    }
}

/// Moves focus to the next/previous result link; from the search box,
/// ArrowDown goes to the first result.
fn move_focus(root: &NodeRef, down: bool) -> bool {
    let Some(r) = root.cast::<Element>() else { return false };
    let Ok(list) = r.query_selector_all("[data-article-id] a.open") else { return false };
    let n = list.length();
    if n == 0 {
        return false;
    }
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    let active = match active {
        // In a shadow root the document's active element is the host.
        Some(a) => a.shadow_root().and_then(|s| s.active_element()).or(Some(a)),
        None => None,
    };
    let mut at: Option<u32> = None;
    for i in 0..n {
        if let (Some(node), Some(a)) = (list.item(i), active.as_ref()) {
            let a: &web_sys::Node = a.as_ref();
            if node.is_same_node(Some(a)) {
                at = Some(i);
            }
        }
    }
    let is_search = active.as_ref().map(|a| a.tag_name() == "INPUT").unwrap_or(false);
    let next = match (at, down) {
        (None, true) if is_search => 0,
        (None, _) => return false,
        (Some(i), true) => (i + 1).min(n - 1),
        (Some(0), false) => return focus(&r, "input[type=search]"),
        (Some(i), false) => i - 1,
    };
    if let Some(el) = list.item(next).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        el.focus().ok();
        return true;
    }
    false
}

/// Runs `f` in a task after the next frame is painted.
fn after_paint(f: impl FnOnce() + 'static) {
    let next = wasm_bindgen::closure::Closure::once_into_js(move || gloo::timers::callback::Timeout::new(0, f).forget());
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(next.unchecked_ref());
    }
}
