//! The browser side of routing: read the hash, write it, follow back/forward.

use crate::route::Route;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The route in the current URL hash.
pub fn current() -> Route {
    let hash = window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::from_hash(&hash)
}

/// Writes the route into the URL: a new history entry when `push`, else
/// replacing the current one (typing in the search box).
pub fn write(route: &Route, push: bool) {
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
