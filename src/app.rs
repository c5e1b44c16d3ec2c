//! The explorer: one Yew component owning the state of one instance (its
//! route, archive, search, typing and URL writer), the keyboard, and the
//! layout of the views (`crate::views`).

use crate::ctx::{Ctx, Go, Ui};
use crate::data::Data;
#[cfg(not(xunyue_sharded))]
use crate::explore::{explore, Searched};
use crate::explore::Explored;
use crate::host::{report, AppProps};
use crate::keys::{key, At, Key};
use crate::links::link_click;
use crate::nav::Nav;
use crate::route::{Action, Route};
use crate::views::panel::use_facet_panel;
use crate::views::reader::{focus, focus_after, reader, scroll_to_current};
use crate::views::results::results_view;
use crate::views::search_box::{search_box, Typing};
use gloo::events::{EventListener, EventListenerOptions};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// What the last update saw: the route, the view, whether the archive was shown.
type Seen = Option<(Rc<Route>, Rc<Explored>, bool)>;

/// What one explorer keeps between renders, besides its route.
struct Kept {
    /// The archive, or `None` when it does not load.
    #[cfg(not(xunyue_sharded))]
    data: Option<Rc<Data>>,
    /// The route as of the latest render (see [`Go`]).
    latest: Rc<RefCell<Rc<Route>>>,
    nav: Nav,
    typing: Rc<Typing>,
    /// Hits of the open article (for `n`/`N`).
    hits: Cell<usize>,
    seen: RefCell<Seen>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let route = use_state(|| Rc::new(props.initial_route()));
    let sync_url = props.syncs_url();
    let owns_document = props.owns_document();
    let root = use_node_ref();
    // The archive loads before the first render (in this first task, so the
    // page's service worker registers after it and its precache does not
    // compete with the first result). The first render is the header and
    // search box only; the next task shows the results of whatever was
    // typed meanwhile, never a browse list that typing replaces at once.
    let kept = use_memo((), |_| Kept {
        #[cfg(not(xunyue_sharded))]
        data: Data::load().map(Rc::new),
        latest: Rc::new(RefCell::new((*route).clone())),
        nav: Nav::default(),
        typing: Rc::default(),
        hits: Cell::new(0),
        seen: RefCell::new(None),
    });
    let latest = kept.latest.clone();
    *latest.borrow_mut() = (*route).clone();
    #[cfg(not(xunyue_sharded))]
    let data = kept.data.clone();
    let draft = use_state(|| route.q.clone());
    let ui = use_state(Ui::default);
    let ready = ui.stage > 0;

    let go = {
        let route = route.clone();
        let kept = kept.clone();
        Callback::from(move |(r, push): (Route, bool)| {
            if sync_url {
                // Typing (only the query changes) writes the URL after a pause.
                let typing = !push && r.q != route.q && r == Route { q: r.q.clone(), ..(**route).clone() };
                if typing {
                    kept.nav.write_later(&r);
                } else {
                    kept.nav.write(&r, push);
                }
            }
            if owns_document && r.lang != route.lang {
                crate::nav::remember(r.lang);
            }
            route.set(Rc::new(r));
        })
    };
    let steer = Go { to: go.clone(), latest: latest.clone() };

    // A sharded archive: opened from its root, each view computed once what it needs is loaded.
    #[cfg(xunyue_sharded)]
    let crate::shard::Shown { data, explored, fetching } = {
        let more = |m: &(String, usize)| if m.0 == route.q.trim() { m.1 } else { 0 };
        let results = crate::views::results::PAGE + more(&ui.more);
        let rows = crate::views::concordance::PAGE_ROWS + more(&ui.more_rows);
        crate::shard::use_sharded(props.archive_base(), (*route).clone(), ready, results, rows)
    };
    // The search runs once per query; the facets, order and open article only filter and sort its matches.
    #[cfg(not(xunyue_sharded))]
    let searched = {
        let data = data.clone();
        use_memo((route.q.clone(), ready), move |(q, ready)| match (&data, *ready) {
            (Some(d), true) => Searched::new(d, q),
            _ => Searched::default(),
        })
    };
    #[cfg(not(xunyue_sharded))]
    let explored = {
        let data = data.clone();
        let r = (*route).clone();
        #[cfg(xunyue_time)]
        let time = (r.from.clone(), r.to.clone(), r.terms.clone(), r.pg.clone(), r.day.clone());
        #[cfg(not(xunyue_time))]
        let time = ();
        use_memo((searched, r.facets.clone(), r.all, r.exact, r.sort, r.open.clone(), time), move |(s, ..)| match &data {
            #[cfg(xunyue_time)]
            // The embedded archive has every file: nothing is ever missing.
            Some(d) => explore(d, s.clone(), &r).with_time(Rc::new(crate::time::extras(d, &r).unwrap_or_default())),
            #[cfg(not(xunyue_time))]
            Some(d) => explore(d, s.clone(), &r),
            None => Default::default(),
        })
    };
    kept.hits.set(explored.open_hits());

    // Once: back/forward and hand-edited hashes, the keyboard (`crate::keys`; the stand-alone page
    // listens on the window, an embedded explorer on its own root), input methods committing
    // text; then the results in the next task.
    {
        let (route, kept, root, steer, draft, ui) =
            (route.clone(), kept.clone(), root.clone(), steer.clone(), draft.clone(), ui.clone());
        let target: Option<web_sys::EventTarget> = match &props.embed {
            None => web_sys::window().map(Into::into),
            Some(e) => Some(e.root.clone().into()),
        };
        use_effect_with((), move |_| {
            #[cfg(xunyue_time)]
            if let Some(el) = root.cast::<Element>() {
                crate::time::adopt_styles(&el);
            }
            let mut listeners = Vec::new();
            if let Some(w) = web_sys::window().filter(|_| sync_url) {
                for name in ["popstate", "hashchange"] {
                    let (route, kept) = (route.clone(), kept.clone());
                    listeners.push(EventListener::new(&w, name, move |_| {
                        kept.nav.cancel();
                        route.set(Rc::new(crate::nav::current(owns_document)))
                    }));
                }
            }
            if let Some(target) = target {
                let k = kept.clone();
                let s = steer.clone();
                listeners.push(EventListener::new(&target, "compositionend", move |e| {
                    // The search box is the explorer's one text field.
                    if let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                        k.typing.typed(&s, &draft, input.value());
                    }
                }));
                let opts = EventListenerOptions::enable_prevent_default();
                listeners.push(EventListener::new_with_options(&target, "keydown", opts, move |e| {
                    if let Some(e) = e.dyn_ref::<KeyboardEvent>() {
                        keydown(e, &steer, &root, kept.hits.get());
                    }
                }));
            }
            crate::perf::mark("xunyue:shell");
            gloo::timers::callback::Timeout::new(0, move || ui.set(Ui { stage: 1, ..(*ui).clone() })).forget();
            move || drop(listeners)
        });
    }

    // After each render that changed the route or the view: tell the host, follow the route in
    // the box, the document's language and title, focus and scroll in the reader, measures.
    {
        let (kept, root, draft, ui, data_now) = (kept.clone(), root.clone(), draft.clone(), ui.clone(), data.clone());
        let props = props.clone();
        use_effect_with(((*route).clone(), explored.clone(), ready), move |(r, ex, ready)| {
            let was = kept.seen.replace(Some((r.clone(), ex.clone(), *ready)));
            let (old_r, old_ex, was_ready) = match &was {
                Some((a, b, c)) => (Some(&**a), Some(b), *c),
                None => (None, None, false),
            };
            if let Some(old) = old_r {
                report(&props, old, r);
            }
            if old_r.is_none_or(|o| o.q != r.q) && !kept.typing.waiting() && **draft != r.q {
                draft.set(r.q.clone());
            }
            if old_ex.is_none_or(|o| !Rc::ptr_eq(o, ex)) {
                kept.typing.rendered();
            }
            if *ready && !was_ready {
                crate::perf::mark("xunyue:results");
                after_paint(move || ui.set(Ui { stage: 2, ..(*ui).clone() }));
            }
            if props.owns_document() {
                if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                    if let Some(el) = doc.document_element() {
                        el.set_attribute("lang", r.lang.html_lang()).ok();
                    }
                    doc.set_title(&title(data_now.as_deref(), r, ex));
                }
            }
            let Some(el) = root.cast::<Element>() else { return };
            let shown = *ready && !was_ready;
            let opened = shown || old_r.map(|o| o.open.as_deref()) != Some(r.open.as_deref());
            if opened && old_r.is_some() {
                focus_after(&el, old_r.and_then(|o| o.open.as_deref()), r.open.as_deref());
            }
            // Opened at its first hit, the article shows its headline; a hit asked for (a deep
            // link, a concordance row, n/N) is scrolled into view.
            let moved = old_r.is_some_and(|o| o.hit != r.hit) || old_ex.is_some_and(|o| o.open != ex.open);
            if ex.open.is_some() && (r.hit > 0 || (moved && !opened)) {
                scroll_to_current(&el);
            }
        });
    }

    let t = route.lang.t();
    let ctx = data.map(|data| Ctx {
        data,
        route: (*route).clone(),
        go: steer.clone(),
        explored: explored.clone(),
        ui: ui.clone(),
        full: ui.stage > 1,
        #[cfg(xunyue_sharded)]
        fetching: fetching.clone(),
    });
    let facet_panel = use_facet_panel(ctx.as_ref());
    let reading = route.open.is_some();
    // The page as printed or a day's pages.
    #[cfg(xunyue_time)]
    let paging = route.pg.is_some() || route.day.is_some();
    let search = search_box(&route, &steer, &kept.typing, &draft, ready && !reading && ctx.is_some());
    let body = match &ctx {
        _ if !ready => html! {},
        #[cfg(not(xunyue_sharded))]
        None => html! { <p role="alert">{ t.load_error }</p> },
        #[cfg(xunyue_sharded)]
        None => match &fetching {
            crate::shard::Fetching::Failed(why) => crate::views::archive::unopened(route.lang, why),
            _ => crate::views::archive::opening(route.lang),
        },
        Some(ctx) if reading => reader(ctx),
        #[cfg(xunyue_time)]
        Some(ctx) if paging => crate::views::page::pages(ctx),
        Some(ctx) => html! {
            <div class="layout">
                { facet_panel }
                { results_view(ctx) }
            </div>
        },
    };
    // A sharded archive can be saved for offline use (the stand-alone page: its service worker).
    #[cfg(xunyue_sharded)]
    let offline = match &ctx {
        Some(c) if ready && !reading && props.owns_document() => crate::views::archive::offline(c),
        _ => Html::default(),
    };
    #[cfg(not(xunyue_sharded))]
    let offline = Html::default();
    let switch_lang = steer.on(|_: MouseEvent| Some(Action::Lang));
    // Past the search box and the filters, to the first result.
    let skip = {
        let root = root.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(r) = root.cast::<Element>() {
                focus(&r, "[data-article-id] a.open");
            }
        })
    };
    let toggle_filters = {
        let ui = ui.clone();
        Callback::from(move |_: MouseEvent| ui.set(Ui { filters: !ui.filters, ..(*ui).clone() }))
    };
    html! {
            <div class="xunyue" ref={root} lang={route.lang.html_lang()} onclick={move |e: MouseEvent| link_click(&go, &e)}>
                if ready && !reading {
                    <button type="button" class="skip" onclick={skip}>{ t.skip }</button>
                }
                <header class="top" role="banner">
                    <div class="brand">
                        <span class="logo" aria-hidden="true">{ "寻" }</span>
                        <h1 class="name">{ t.app_name }</h1>
                        <span class="tagline">{ t.tagline }</span>
                    </div>
                    { search }
                    if ready && !reading {
                        <button type="button" class="filters-toggle" aria-controls="xunyue-facets"
                            aria-expanded={if ui.filters { "true" } else { "false" }} onclick={toggle_filters}>
                            { t.filters }
                            if !route.facets.is_empty() { <span class="n">{ route.facets.len() }</span> }
                        </button>
                    }
                    <button type="button" class="lang" onclick={switch_lang}
                        lang={route.lang.other().html_lang()}>{ t.switch_lang }</button>
                </header>
                <main id="main">{ body }</main>
                { offline }
                <footer class="keys">{ t.keys_hint }</footer>
            </div>
    }
}

/// The document title: the open article, the query, the app.
fn title(d: Option<&Data>, r: &Route, ex: &Explored) -> String {
    let mut s = String::new();
    let open = ex.open.and_then(|doc| d?.article(doc));
    for part in [open.as_ref().map(|a| a.title.as_str()), Some(r.q.trim())].into_iter().flatten() {
        if !part.is_empty() {
            s.push_str(part);
            s.push_str(" — ");
        }
    }
    s.push_str("寻阅 Xunyue");
    s
}

/// True when the route shows the page as printed or a day's pages (Esc leaves them).
#[cfg(xunyue_time)]
fn paged(r: &Route) -> bool {
    r.pg.is_some() || r.day.is_some()
}
#[cfg(not(xunyue_time))]
fn paged(_: &Route) -> bool {
    false
}

/// Carries out a key press (`crate::keys`).
fn keydown(e: &KeyboardEvent, go: &Go, root: &NodeRef, hits: usize) {
    let r = go.latest();
    let el = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    let tag = el.as_ref().map(|el| el.tag_name()).unwrap_or_default();
    let at = At {
        modifier: e.ctrl_key() || e.meta_key() || e.alt_key(),
        in_input: matches!(tag.as_str(), "INPUT" | "TEXTAREA" | "SELECT"),
        in_search: el.as_ref().is_some_and(|el| el.get_attribute("type").as_deref() == Some("search")),
        reading: r.open.is_some() || paged(&r),
        hits,
    };
    let Some(root) = root.cast::<Element>() else { return };
    match key(&e.key(), at) {
        Some(Key::Search) => {
            focus(&root, "input[type=search]");
        }
        Some(Key::LeaveSearch) => {
            if let Some(el) = el.and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
                el.blur().ok();
            }
        }
        Some(Key::Close) => go.act(Action::Close),
        Some(Key::Step(by)) => go.act(Action::Step(by, hits)),
        Some(Key::Move(down)) => {
            if !move_focus(&root, down) {
                return;
            }
        }
        None => return,
    }
    e.prevent_default();
}

/// Moves focus to the next/previous result link; from the search box,
/// ArrowDown goes to the first result.
fn move_focus(r: &Element, down: bool) -> bool {
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
        (Some(0), false) => return focus(r, "input[type=search]"),
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
