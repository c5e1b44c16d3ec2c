//! The application root: route state, search, keyboard, layout.

use crate::components::reader::{reader, use_reader_focus};
use crate::components::facets::use_facet_panel;
use crate::components::results::{results_view, use_more};
use crate::components::search_box::use_search_box;
use crate::data::data;
use crate::embed::{use_report, AppProps};
use crate::explore::{explore, Explored};
use crate::nav;
use crate::route::Route;
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

/// What every view reads: the current route and how to change it.
#[derive(Clone)]
pub struct Ctx {
    pub route: Rc<Route>,
    /// Go to a route: `(route, push)`; `push` adds a history entry.
    pub go: Callback<(Route, bool)>,
    pub explored: Rc<Explored>,
    /// False for the first view after the corpus loads: secondary views
    /// (facets, chart) follow in the next task, after the results are painted.
    pub full: bool,
    /// The route as of the latest render: handlers kept in memoized views
    /// start from it, never from the route they were made with.
    latest: Rc<RefCell<Rc<Route>>>,
}

impl Ctx {
    pub fn t(&self) -> &'static crate::i18n::Strings {
        self.route.lang.t()
    }
    /// A copy of the current route to modify and pass to `go`.
    pub fn next(&self) -> Route {
        (**self.latest.borrow()).clone()
    }
}

/// Opens internal links (`a[href^="#"]`, and a click anywhere on a KWIC row)
/// as routes: one handler for every link of the app.
fn link_click(go: &Callback<(Route, bool)>, e: &MouseEvent) {
    if e.default_prevented() || e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
        return;
    }
    let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let link = match el.closest("a[href^='#']").ok().flatten() {
        Some(a) => Some(a),
        None => el.closest("tr[data-doc]").ok().flatten().and_then(|tr| tr.query_selector("a[href^='#']").ok().flatten()),
    };
    let Some(href) = link.and_then(|a| a.get_attribute("href")) else { return };
    e.prevent_default();
    go.emit((Route::from_hash(&href), true));
}

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

    let go = {
        let route = route.clone();
        Callback::from(move |(r, push): (Route, bool)| {
            if sync_url {
                // Typing (only the query changes) writes the URL after a pause.
                let typing = !push && r.q != route.q && r == Route { q: r.q.clone(), ..(**route).clone() };
                if typing {
                    nav::write_later(&r);
                } else {
                    nav::write(&r, push);
                }
            }
            route.set(Rc::new(r));
        })
    };

    // Back/forward and hand-edited hashes.
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listeners = web_sys::window().filter(|_| sync_url).map(|w| {
                let r1 = route.clone();
                let r2 = route.clone();
                (
                    EventListener::new(&w, "popstate", move |_| {
                        nav::cancel();
                        r1.set(Rc::new(nav::current()))
                    }),
                    EventListener::new(&w, "hashchange", move |_| {
                        nav::cancel();
                        r2.set(Rc::new(nav::current()))
                    }),
                )
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

    // What the views show depends on these four only (not on the hit, view or language).
    let explored = use_memo(
        (route.q.clone(), route.facets.clone(), route.sort, route.open.clone(), *ready),
        |(q, facets, sort, open, ready)| if *ready { explore(q, facets, *sort, open.as_deref()) } else { Explored::default() },
    );

    // The corpus loads before the first render (in this first task, so the
    // page's service worker registers after it and its precache does not
    // compete with the first result). The first render is the header and
    // search box only; the next task shows the results of whatever was
    // typed meanwhile, never a browse list that typing replaces at once.
    data();
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
    crate::components::search_box::use_rendered(&explored);

    // Keyboard: `/` search, arrows through results, Esc back, n/N hits.
    {
        let latest = latest.clone();
        let go = go.clone();
        let root = root.clone();
        let explored = explored.clone();
        let total_ref = use_mut_ref(|| 0usize);
        *total_ref.borrow_mut() = explored.open_hits();
        // The stand-alone page listens on the window, an embedded explorer on its own root.
        let target: Option<web_sys::EventTarget> = match &props.embed {
            None => web_sys::window().map(Into::into),
            Some(e) => Some(e.root.clone().into()),
        };
        use_effect_with((), move |_| {
            let listener = target.map(|w| {
                EventListener::new_with_options(&w, "keydown", EventListenerOptions::enable_prevent_default(), move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                    if e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    let r = latest.borrow().as_ref().clone();
                    let in_input = e
                        .target()
                        .and_then(|t| t.dyn_into::<Element>().ok())
                        .map(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
                        .unwrap_or(false);
                    let key = e.key();
                    match key.as_str() {
                        "/" if !in_input => {
                            e.prevent_default();
                            focus(&root, "input[type=search]");
                        }
                        "Escape" if r.open.is_some() => {
                            e.prevent_default();
                            let id = r.open.clone().unwrap_or_default();
                            let mut n = r;
                            n.open = None;
                            n.hit = 0;
                            go.emit((n, true));
                            focus_result_later(&root, id);
                        }
                        "n" | "N" if !in_input && r.open.is_some() => {
                            let total = *total_ref.borrow();
                            if total > 0 {
                                e.prevent_default();
                                let mut n = r;
                                n.hit = if key == "n" { (n.hit + 1) % total } else { (n.hit + total - 1) % total };
                                go.emit((n, false));
                            }
                        }
                        "ArrowDown" | "ArrowUp" if r.open.is_none() => {
                            if move_focus(&root, key == "ArrowDown") {
                                e.prevent_default();
                            }
                        }
                        _ => {}
                    }
                })
            });
            move || drop(listener)
        });
    }

    let ctx = Ctx { route: (*route).clone(), go: go.clone(), explored: explored.clone(), full: *full, latest: latest.clone() };
    use_reader_focus(&ctx, &root);
    let facet_panel = use_facet_panel(&ctx);
    let more = use_more();
    let search_box = use_search_box(&ctx);
    let t = ctx.t();
    let body = if !*ready {
        html! {}
    } else if data().is_none() {
        html! { <p role="alert">{ t.load_error }</p> }
    } else if route.open.is_some() {
        reader(&ctx)
    } else {
        html! {
            <div class="layout">
                { facet_panel }
                { results_view(&ctx, &more) }
            </div>
        }
    };
    let switch_lang = {
        let ctx = ctx.clone();
        Callback::from(move |_| {
            let mut n = ctx.next();
            n.lang = n.lang.other();
            ctx.go.emit((n, false));
        })
    };
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
                        lang={ctx.route.lang.other().html_lang()}>{ t.switch_lang }</button>
                </header>
                <main id="main">{ body }</main>
                <footer class="keys"><p>{ t.keys_hint }</p></footer>
            </div>
    }
}

fn focus(root: &NodeRef, selector: &str) {
    if let Some(el) = root
        .cast::<Element>()
        .and_then(|r| r.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        el.focus().ok();
    }
}

/// After closing the reader, put focus back on the result it came from.
fn focus_result_later(root: &NodeRef, id: String) {
    let root = root.clone();
    gloo::timers::callback::Timeout::new(0, move || {
        let mut sel = String::from("[data-article-id=\"");
        sel.push_str(&id.replace('"', ""));
        sel.push_str("\"] a.open");
        focus(&root, &sel);
    })
    .forget();
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
        (Some(0), false) => {
            focus(root, "input[type=search]");
            return true;
        }
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
