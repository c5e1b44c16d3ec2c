//! How the app is hosted: the stand-alone page, or an explorer embedded by
//! `xunyue-widget.js` ([`crate::embed`]).
//!
//! An embedded explorer keeps its view state in memory instead of the page URL (unless asked
//! with `sync_url`), leaves the host document alone (no `<html lang>`, no title, no window key
//! handler), and reports what the reader does through a JS callback that the widget turns into
//! DOM events.

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
    pub notify: Notify,
    /// Where a sharded archive is (the widget's `archive` attribute, else
    /// `archive/` beside the widget's script).
    pub archive: Option<String>,
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

    /// The folder of a sharded archive: `archive/` beside the page, or
    /// what the widget says.
    #[cfg_attr(not(xunyue_sharded), allow(dead_code))]
    pub fn archive_base(&self) -> String {
        let mut base = self.embed.as_ref().and_then(|e| e.archive.clone()).unwrap_or_else(|| String::from("archive/"));
        if !base.ends_with('/') {
            base.push('/');
        }
        base
    }

    /// Whether the app owns the whole document (not embedded).
    pub fn owns_document(&self) -> bool {
        self.embed.is_none()
    }

    /// The route to start with.
    pub fn initial_route(&self) -> Route {
        match &self.embed {
            None => crate::nav::current(true),
            Some(e) if e.sync_url => {
                let now = crate::nav::current(false);
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
