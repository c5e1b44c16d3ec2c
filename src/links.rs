//! Links between views: every internal link is a real `#…` hash link (it
//! can be opened in a new tab, copied, bookmarked), followed in place by one
//! click handler for the whole app.

use crate::ctx::Ctx;
use crate::route::{Action, Route};
use wasm_bindgen::JsCast;
use web_sys::{Element, MouseEvent};
use yew::prelude::*;

/// The hash of the route that opens `doc` in the reader at hit `hit`.
pub fn open_href(ctx: &Ctx, doc: u32, hit: usize) -> String {
    let id = ctx.data.article(doc).map(|a| a.id.clone()).unwrap_or_default();
    ctx.go.latest().apply(&Action::Open(id, hit)).to_hash()
}

/// Opens internal links (`a[href^="#"]`, and a click anywhere on a KWIC row)
/// as routes: the one handler for every link of the app.
pub fn link_click(go: &Callback<(Route, bool)>, e: &MouseEvent) {
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
