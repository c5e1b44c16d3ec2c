//! Embedding: the entry point `xunyue-widget.js` calls to render an explorer into any element
//! (the `<xunyue-explorer>` custom element renders into a container inside its shadow root).
//! Each explorer is one app instance owning all of its state; see [`crate::host`].

use crate::app::App;
use crate::host::{AppProps, Embed, Notify};
use crate::route::Route;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;
use yew::prelude::*;

/// True when `xunyue-widget.js` loaded this module: the page then has no app to start,
/// only widgets to mount.
pub fn widget_page() -> bool {
    web_sys::window().and_then(|w| w.get("Xunyue")).is_some()
}

/// One mounted explorer; `destroy()` removes it.
#[wasm_bindgen]
pub struct Mounted {
    handle: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl Mounted {
    pub fn destroy(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
    }
}

/// Renders an explorer into `root`. `state` is the initial view in the URL-hash syntax
/// (`q=…&f=org:…&lang=en`); `notify(kind, value)` receives `search`/`open` reports.
#[wasm_bindgen]
pub fn mount(root: Element, state: &str, sync_url: bool, notify: Notify, archive: Option<String>) -> Mounted {
    let embed = Embed { initial: Route::from_hash(state), sync_url, root: root.clone(), notify, archive };
    let props = AppProps { embed: Some(Rc::new(embed)) };
    Mounted { handle: Some(yew::Renderer::<App>::with_root_and_props(root, props).render()) }
}
