//! A sharded archive over HTTP: the files the engine asks for, fetched in
//! parallel from the archive's folder, un-gzipped by the browser's
//! `DecompressionStream`, and put into the engine's memory store.
//!
//! The engine never waits: a read of a file that is not loaded fails with
//! `Fault::Missing(paths)`. The views hand those paths to the [`Loader`],
//! keep showing what they showed, and draw again when the files are in (the
//! loader's `on_change`). A file that cannot be had (offline, HTTP error,
//! damaged, from another build) is recorded in the store as failed: the
//! engine's next read of it fails with `Fault::Broken`, naming it, and the
//! views offer [`Loader::retry`]. Never fewer results in silence.
//!
//! Only in the sharded build (`cfg(xunyue_sharded)`).

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use js_sys::{Array, Function, Reflect};
use web_sys::Response;
use xunyue_engine::sharded::Sharded;
use xunyue_engine::store::{MemoryStore, Storage};

/// The sharded source the app reads.
pub type Source = Sharded<MemoryStore>;

/// A file as fetched: its payload (un-gzipped) and its size as served.
pub struct Fetched {
    pub payload: Vec<u8>,
    pub stored: u64,
}

/// What a JS error says, for a message.
pub fn said(e: &JsValue) -> String {
    if let Some(s) = e.as_string() {
        return s;
    }
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default()
}

/// Fetches one file of the archive (relative to `base`) and un-gzips it.
pub async fn fetch(base: &str, path: &str) -> Result<Fetched, String> {
    let window = web_sys::window().ok_or_else(|| format!("{path}: no window to fetch it from"))?;
    let url = format!("{base}{path}");
    let resp = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| format!("{path}: could not be fetched ({}): offline, or the server is down", said(&e)))?;
    let resp: Response = resp.dyn_into().map_err(|_| format!("{path}: the fetch gave no response"))?;
    if !resp.ok() {
        return Err(match resp.status() {
            404 => format!("{path}: not on the server (HTTP 404): the archive may have been rebuilt; reload the page"),
            s => format!("{path}: the server answered HTTP {s}"),
        });
    }
    let body = resp.array_buffer().map_err(|e| format!("{path}: unreadable response ({})", said(&e)))?;
    let body = JsFuture::from(body).await.map_err(|e| format!("{path}: the download broke off ({})", said(&e)))?;
    let mut gz = js_sys::Uint8Array::new(&body).to_vec();
    let stored = gz.len() as u64;
    let payload = gunzip(&mut gz).await.map_err(|e| format!("{path}: damaged: not a whole gzip file ({e})"))?;
    Ok(Fetched { payload, stored })
}

/// Un-gzips `gz` with the browser's `DecompressionStream` (reached through
/// `js_sys`: web-sys counts it among its unstable APIs); a file cut short
/// or corrupt fails.
async fn gunzip(gz: &mut [u8]) -> Result<Vec<u8>, String> {
    let ctor: Function = Reflect::get(&js_sys::global(), &"DecompressionStream".into())
        .ok()
        .and_then(|v| v.dyn_into().ok())
        .ok_or_else(|| String::from("this browser cannot un-gzip (no DecompressionStream)"))?;
    let ds = Reflect::construct(&ctor, &Array::of1(&"gzip".into())).map_err(|e| said(&e))?;
    let input = Response::new_with_opt_u8_array(Some(gz)).map_err(|e| said(&e))?;
    let stream = input.body().ok_or_else(|| String::from("no body"))?;
    let pipe: Function = Reflect::get(&stream, &"pipeThrough".into()).ok().and_then(|v| v.dyn_into().ok()).ok_or("no pipeThrough")?;
    let out = pipe.call1(&stream, &ds).map_err(|e| said(&e))?;
    let out = Response::new_with_opt_readable_stream(Some(out.unchecked_ref())).map_err(|e| said(&e))?;
    let buf = JsFuture::from(out.array_buffer().map_err(|e| said(&e))?).await.map_err(|e| said(&e))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Loads the files the engine asks for, each once, and tells the views
/// when some arrived or failed.
pub struct Loader {
    base: String,
    src: Rc<Source>,
    /// Paths being fetched.
    pending: RefCell<Vec<String>>,
    /// Paths that failed, for a retry.
    failed: RefCell<Vec<String>>,
    on_change: RefCell<Option<Rc<dyn Fn()>>>,
}

impl Loader {
    /// Fetches and opens the archive's root: every visit's first file.
    pub async fn open(base: String) -> Result<Rc<Loader>, String> {
        let root = xunyue_engine::sharded::ROOT_FILE;
        let f = fetch(&base, root).await?;
        let store = MemoryStore::new();
        store.insert(root, Rc::from(f.payload), f.stored);
        let src = Sharded::open(store).map_err(|e| e.to_string())?;
        Ok(Rc::new(Loader {
            base,
            src: Rc::new(src),
            pending: RefCell::default(),
            failed: RefCell::default(),
            on_change: RefCell::default(),
        }))
    }

    pub fn source(&self) -> Rc<Source> {
        self.src.clone()
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    /// What to call when files arrived or failed (the views draw again).
    pub fn on_change(&self, f: Rc<dyn Fn()>) {
        *self.on_change.borrow_mut() = Some(f);
    }

    /// Starts fetching every path not loaded, not failed and not on its way
    /// yet, all at once.
    pub fn request(self: &Rc<Self>, paths: &[String]) {
        let store = self.src.store();
        let new: Vec<String> = paths
            .iter()
            .filter(|p| !store.loaded(p) && !self.pending.borrow().contains(p) && !self.failed.borrow().contains(p))
            .cloned()
            .collect();
        if new.is_empty() {
            return;
        }
        self.pending.borrow_mut().extend(new.iter().cloned());
        for path in new {
            let me = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let got = fetch(&me.base, &path).await;
                me.pending.borrow_mut().retain(|p| *p != path);
                let store = me.src.store();
                match got {
                    Ok(f) => {
                        store.insert(&path, Rc::from(f.payload), f.stored);
                    }
                    Err(why) => {
                        store.fail(&path, why);
                        me.failed.borrow_mut().push(path);
                    }
                }
                // One redraw per batch: when the last file of it is in.
                if me.pending.borrow().is_empty() {
                    me.changed();
                }
            });
        }
    }

    /// Forgets every failure and fetches those files again.
    pub fn retry(self: &Rc<Self>) {
        let failed: Vec<String> = self.failed.borrow_mut().drain(..).collect();
        for p in &failed {
            self.src.store().unfail(p);
        }
        self.request(&failed);
        if failed.is_empty() {
            self.changed();
        }
    }

    fn changed(&self) {
        let f = self.on_change.borrow().clone();
        if let Some(f) = f {
            f();
        }
    }
}
