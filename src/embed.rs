//! Embedding: the entry point `xunyue-widget.js` calls to render the explorer into any element
//! (the `<xunyue-explorer>` custom element renders into a container inside its shadow root).
//!
//! An embedded explorer keeps its view state in memory instead of the page URL (unless asked
//! with `sync_url`), leaves the host document alone (no `<html lang>`, no window key handler),
//! and reports what the reader does through a JS callback that the widget turns into DOM events.

use crate::app::App;
use crate::route::Route;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A JS function `(kind: string, value: string) => void`.
    pub type Notify;
    #[wasm_bindgen(method, js_name = call, catch)]
    fn call2(this: &Notify, this_arg: &JsValue, kind: &str, value: &str) -> Result<JsValue, JsValue>;
}

/// How the app is embedded; `None` in [`AppProps`] is the stand-alone page.
pub struct Embed {
    /// The view to start with (from the widget's attributes).
    pub initial: Route,
    /// Keep the view in the page URL hash, as the stand-alone page does.
    pub sync_url: bool,
    /// The element the app renders into (key handling is scoped to it).
    pub root: Element,
    notify: Notify,
}

impl PartialEq for Embed {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Embed {
    fn emit(&self, kind: &str, value: &str) {
        // A throwing host listener must not break the app.
        let _ = self.notify.call2(&JsValue::NULL, kind, value);
    }
}

#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub embed: Option<Rc<Embed>>,
}

impl AppProps {
    /// Whether the view lives in the page URL (the stand-alone page, or a widget with `sync-url`).
    pub fn syncs_url(&self) -> bool {
        self.embed.as_ref().map(|e| e.sync_url).unwrap_or(true)
    }

    /// Whether the app owns the whole document (not embedded).
    pub fn owns_document(&self) -> bool {
        self.embed.is_none()
    }

    /// The route to start with.
    pub fn initial_route(&self) -> Route {
        match &self.embed {
            None => crate::nav::current(),
            Some(e) if e.sync_url => {
                let now = crate::nav::current();
                if now == Route::default() {
                    e.initial.clone()
                } else {
                    now
                }
            }
            Some(e) => e.initial.clone(),
        }
    }
}

/// Tells the host what changed between two views: `search` with the new query,
/// `open` with the id of the article opened in the reader.
pub fn report(props: &AppProps, old: &Route, new: &Route) {
    let Some(e) = &props.embed else { return };
    if old.q != new.q {
        e.emit("search", &new.q);
    }
    if new.open != old.open {
        if let Some(id) = &new.open {
            e.emit("open", id);
        }
    }
}

/// Calls [`report`] after every change of the route (not for the initial one).
#[hook]
pub fn use_report(props: &AppProps, route: &Rc<Route>) {
    let prev = use_mut_ref(|| (**route).clone());
    let props = props.clone();
    use_effect_with(route.clone(), move |r| {
        let old = prev.replace((**r).clone());
        report(&props, &old, r);
    });
}

/// True when `xunyue-widget.js` loaded this module: the page then has no app to start,
/// only widgets to mount.
pub fn widget_page() -> bool {
    web_sys::window().and_then(|w| w.get("Xunyue")).is_some()
}

thread_local! {
    /// The elements live explorers render into (for the panic message).
    static ROOTS: std::cell::RefCell<Vec<Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Where an embedded page shows a panic message: inside each live explorer, never in the host's
/// body. Empty on the stand-alone page (or if the list is busy).
#[cfg_attr(not(debug_assertions), allow(dead_code))]
pub fn live_roots() -> Vec<Element> {
    ROOTS.with(|r| r.try_borrow().map(|r| r.clone()).unwrap_or_default())
}

/// One mounted explorer; `destroy()` removes it.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<AppHandle<App>>,
    root: Element,
}

#[wasm_bindgen]
impl Mounted {
    pub fn destroy(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
            let root = &self.root;
            ROOTS.with(|r| {
                if let Ok(mut r) = r.try_borrow_mut() {
                    r.retain(|e| !e.is_same_node(Some(root)));
                }
            });
        }
    }
}

/// Renders an explorer into `root`. `state` is the initial view in the URL-hash syntax
/// (`q=…&f=org:…&lang=en`); `notify(kind, value)` receives `search`/`open` reports.
#[wasm_bindgen]
pub fn mount(root: Element, state: &str, sync_url: bool, notify: Notify) -> Mounted {
    let embed = Embed { initial: Route::from_hash(state), sync_url, root: root.clone(), notify };
    let props = AppProps { embed: Some(Rc::new(embed)) };
    ROOTS.with(|r| {
        if let Ok(mut r) = r.try_borrow_mut() {
            r.push(root.clone());
        }
    });
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    Mounted { handle: Some(handle), root }
}
