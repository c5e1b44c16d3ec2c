//! The browser side of routing: read the hash, write it, remember the
//! reader's language. The typed query waiting to be written is owned by each
//! app instance ([`Nav`]).

use crate::i18n::Lang;
use crate::route::Route;
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// Typing replaces the URL this long after the last keystroke: writing the
/// history on every keystroke costs a millisecond or two each.
const TYPING_MS: u32 = 300;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Where the stand-alone page remembers the reader's language.
const LANG_KEY: &str = "xunyue-lang";

/// The route in the current URL hash. With `remembered`, a hash that names
/// no language takes the one the reader chose last (the stand-alone page).
pub fn current(remembered: bool) -> Route {
    let hash = window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let stored = remembered.then(|| storage().and_then(|s| s.get_item(LANG_KEY).ok().flatten())).flatten();
    Route::from_hash_in(&hash, Lang::parse(stored.as_deref().unwrap_or_default()))
}

fn storage() -> Option<web_sys::Storage> {
    // Throws where storage is denied (some file:// and sandboxed pages): then nothing is remembered.
    window().and_then(|w| w.local_storage().ok().flatten())
}

/// Remembers the language the reader chose.
pub fn remember(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
}

/// The URL writer of one app instance.
#[derive(Default)]
pub struct Nav {
    /// A typed query waiting for a pause in typing.
    pending: Rc<RefCell<Option<(Route, Timeout)>>>,
}

impl Nav {
    /// Replaces the URL with `route` after a pause in typing.
    pub fn write_later(&self, route: &Route) {
        let pending: Weak<_> = Rc::downgrade(&self.pending);
        let t = Timeout::new(TYPING_MS, move || {
            if let Some(p) = pending.upgrade() {
                flush(&p)
            }
        });
        *self.pending.borrow_mut() = Some((route.clone(), t));
    }

    /// Drops a pending [`Nav::write_later`] (the URL changed under it: back/forward).
    pub fn cancel(&self) {
        self.pending.borrow_mut().take();
    }

    /// Writes the route into the URL: a new history entry when `push`, else
    /// replacing the current one. A pending typed query is written first.
    pub fn write(&self, route: &Route, push: bool) {
        flush(&self.pending);
        write_now(route, push);
    }
}

/// Writes a pending [`Nav::write_later`] now.
fn flush(pending: &RefCell<Option<(Route, Timeout)>>) {
    let r = pending.borrow_mut().take();
    if let Some((r, _)) = r {
        write_now(&r, false);
    }
}

fn write_now(route: &Route, push: bool) {
    let Some(w) = window() else { return };
    let hash = route.to_hash();
    let now = w.location().hash().unwrap_or_default();
    if now == hash || (now.is_empty() && hash == "#") {
        return;
    }
    if let Ok(h) = w.history() {
        let url = if hash == "#" {
            // An empty hash: keep path and query, drop the fragment.
            let loc = w.location();
            let mut u = loc.pathname().unwrap_or_default();
            u.push_str(&loc.search().unwrap_or_default());
            u
        } else {
            hash
        };
        let r = if push {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
        if r.is_err() {
            w.location().set_hash(&route.to_hash()).ok();
        }
    }
}
