//! Saving a sharded archive for offline use, by choice: every file of the
//! archive put into the cache the service worker reads the archive from
//! (`static/sw.js`, cache `xunyue:<scope>:archive`), with progress in bytes
//! against the size the root lists, the space the site takes
//! (`navigator.storage.estimate`), a request for persistent storage, and an
//! undo that empties that cache.
//!
//! The service worker caches each file the app fetches anyway; saving
//! fetches the rest. Files of an older build (another folder name) are
//! dropped from the cache when the app opens a newer root.
//!
//! Only in the sharded build (`cfg(xunyue_sharded)`).

use crate::fetch::{said, Source};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, Response};

/// Files fetched at once while saving.
const PARALLEL: usize = 6;

/// What saving has done so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Bytes in the cache (as served, gzip), of `total`.
    pub done: u64,
    pub total: u64,
    /// Files in the cache, of `files`.
    pub saved: usize,
    pub files: usize,
    pub running: bool,
    /// Space the site takes on this device, and what it may take
    /// (`navigator.storage.estimate`), when the browser tells.
    pub usage: Option<f64>,
    pub quota: Option<f64>,
    /// Whether the browser granted persistent storage.
    pub persisted: Option<bool>,
    /// Why the last save stopped, naming the file.
    pub error: Option<String>,
}

impl Progress {
    /// True when every file of the archive is in the cache.
    pub fn complete(&self) -> bool {
        self.files > 0 && self.saved == self.files
    }
}

/// The name of the service worker's archive cache for this page's scope.
fn cache_name() -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let scope = web_sys::Url::new_with_base("./", &href).ok()?.href();
    Some(format!("xunyue:{scope}:archive"))
}

async fn open_cache() -> Result<Cache, String> {
    let window = web_sys::window().ok_or("no window")?;
    let caches = window.caches().map_err(|e| format!("this browser keeps no caches here ({})", said(&e)))?;
    let name = cache_name().ok_or("the page has no address to name its cache after")?;
    let c = JsFuture::from(caches.open(&name)).await.map_err(|e| format!("the cache does not open ({})", said(&e)))?;
    c.dyn_into::<Cache>().map_err(|_| String::from("the cache does not open"))
}

/// The URLs of the archive's files in the cache.
async fn cached_urls(cache: &Cache) -> Result<Vec<String>, String> {
    let keys = JsFuture::from(cache.keys()).await.map_err(|e| said(&e))?;
    let keys: js_sys::Array = keys.unchecked_into();
    Ok(keys.iter().filter_map(|r| r.dyn_into::<web_sys::Request>().ok()).map(|r| r.url()).collect())
}

/// A response's size as served: its Content-Length, else its body read.
async fn body_len(resp: &Response) -> u64 {
    if let Ok(Some(n)) = resp.headers().get("content-length") {
        if let Ok(n) = n.parse() {
            return n;
        }
    }
    match resp.clone().ok().map(|r| r.array_buffer()) {
        Some(Ok(p)) => JsFuture::from(p).await.map(|b| js_sys::ArrayBuffer::from(b).byte_length() as u64).unwrap_or(0),
        _ => 0,
    }
}

/// Saves, measures and forgets the archive on this device.
pub struct Saver {
    /// Absolute URL of the archive's folder, ending in `/`.
    base: String,
    src: Rc<Source>,
    progress: RefCell<Progress>,
    stop: Cell<bool>,
    on_change: RefCell<Option<Rc<dyn Fn()>>>,
}

impl Saver {
    pub fn new(base: &str, src: Rc<Source>) -> Rc<Saver> {
        let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
        let base = web_sys::Url::new_with_base(base, &href).map(|u| u.href()).unwrap_or_else(|_| base.to_string());
        let files = src.all_files().len();
        let total = src.root.stored;
        Rc::new(Saver {
            base,
            src,
            progress: RefCell::new(Progress { files, total, ..Progress::default() }),
            stop: Cell::new(false),
            on_change: RefCell::default(),
        })
    }

    pub fn progress(&self) -> Progress {
        self.progress.borrow().clone()
    }

    pub fn on_change(&self, f: Rc<dyn Fn()>) {
        *self.on_change.borrow_mut() = Some(f);
    }

    fn changed(&self) {
        let f = self.on_change.borrow().clone();
        if let Some(f) = f {
            f();
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Reads what the cache holds of this build (and drops files of other
    /// builds), and what the browser says of storage.
    pub fn refresh(self: &Rc<Self>) {
        let me = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = me.measure().await {
                me.progress.borrow_mut().error = Some(e);
            }
            me.estimate().await;
            me.changed();
        });
    }

    async fn measure(&self) -> Result<(), String> {
        let cache = open_cache().await?;
        let wanted: std::collections::BTreeSet<String> = self.src.all_files().iter().map(|p| self.url(p)).collect();
        let mut saved = 0;
        let mut done = 0;
        for url in cached_urls(&cache).await? {
            if wanted.contains(&url) {
                saved += 1;
                if !url.ends_with(xunyue_engine::sharded::ROOT_FILE) {
                    if let Ok(r) = JsFuture::from(cache.match_with_str(&url)).await {
                        if let Ok(r) = r.dyn_into::<Response>() {
                            done += body_len(&r).await;
                        }
                    }
                }
            } else if url.starts_with(&self.base) {
                // A file of another build of this archive: no longer read.
                let _ = JsFuture::from(cache.delete_with_str(&url)).await;
            }
        }
        let mut p = self.progress.borrow_mut();
        p.saved = saved;
        p.done = done;
        Ok(())
    }

    async fn estimate(&self) {
        let Some(w) = web_sys::window() else { return };
        let storage = w.navigator().storage();
        if let Ok(p) = storage.estimate() {
            if let Ok(e) = JsFuture::from(p).await {
                let e: web_sys::StorageEstimate = e.unchecked_into();
                let mut pr = self.progress.borrow_mut();
                pr.usage = e.get_usage();
                pr.quota = e.get_quota();
            }
        }
        if let Ok(p) = storage.persisted() {
            if let Ok(v) = JsFuture::from(p).await {
                self.progress.borrow_mut().persisted = v.as_bool();
            }
        }
    }

    /// Downloads every file not in the cache yet, `PARALLEL` at a time,
    /// after asking for persistent storage.
    pub fn save(self: &Rc<Self>) {
        if self.progress.borrow().running {
            return;
        }
        self.stop.set(false);
        {
            let mut p = self.progress.borrow_mut();
            p.running = true;
            p.error = None;
        }
        self.changed();
        let me = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(w) = web_sys::window() {
                if let Ok(p) = w.navigator().storage().persist() {
                    if let Ok(v) = JsFuture::from(p).await {
                        me.progress.borrow_mut().persisted = v.as_bool();
                    }
                }
            }
            let cache = match open_cache().await {
                Ok(c) => c,
                Err(e) => return me.finish(Some(e)).await,
            };
            if let Err(e) = me.measure().await {
                return me.finish(Some(e)).await;
            }
            let have: std::collections::BTreeSet<String> = cached_urls(&cache).await.unwrap_or_default().into_iter().collect();
            let todo: Vec<String> = me.src.all_files().into_iter().filter(|p| !have.contains(&me.url(p))).collect();
            let queue = Rc::new(RefCell::new(todo));
            let workers = Rc::new(Cell::new(PARALLEL));
            for _ in 0..PARALLEL {
                let (me, cache, queue, workers) = (me.clone(), cache.clone(), queue.clone(), workers.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    loop {
                        let next = queue.borrow_mut().pop();
                        let Some(path) = next else { break };
                        if me.stop.get() || me.progress.borrow().error.is_some() {
                            break;
                        }
                        match me.put(&cache, &path).await {
                            Ok(bytes) => {
                                let mut p = me.progress.borrow_mut();
                                p.saved += 1;
                                if path != xunyue_engine::sharded::ROOT_FILE {
                                    p.done += bytes;
                                }
                            }
                            Err(e) => me.progress.borrow_mut().error = Some(e),
                        }
                        me.changed();
                    }
                    workers.set(workers.get() - 1);
                    if workers.get() == 0 {
                        me.finish(None).await;
                    }
                });
            }
        });
    }

    /// Fetches one file (from the network: the cache does not hold it) and
    /// puts it into the cache; its size as served.
    async fn put(&self, cache: &Cache, path: &str) -> Result<u64, String> {
        let url = self.url(path);
        let w = web_sys::window().ok_or("no window")?;
        let resp = JsFuture::from(w.fetch_with_str(&url)).await.map_err(|e| format!("{path}: could not be fetched ({}): offline?", said(&e)))?;
        let resp: Response = resp.dyn_into().map_err(|_| format!("{path}: no response"))?;
        if !resp.ok() {
            return Err(format!("{path}: the server answered HTTP {}", resp.status()));
        }
        let bytes = body_len(&resp).await;
        // The service worker may have put it already (it caches what passes through it).
        JsFuture::from(cache.put_with_str(&url, &resp)).await.map_err(|e| format!("{path}: not saved ({}): is the device full?", said(&e)))?;
        Ok(bytes)
    }

    async fn finish(&self, error: Option<String>) {
        {
            let mut p = self.progress.borrow_mut();
            p.running = false;
            if error.is_some() {
                p.error = error;
            }
        }
        self.estimate().await;
        self.changed();
    }

    /// Stops a save under way (what is saved stays saved).
    pub fn cancel(&self) {
        self.stop.set(true);
    }

    /// Forgets the saved archive: empties the archive cache.
    pub fn forget(self: &Rc<Self>) {
        self.stop.set(true);
        let me = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let (Some(w), Some(name)) = (web_sys::window(), cache_name()) {
                if let Ok(c) = w.caches() {
                    let _ = JsFuture::from(c.delete(&name)).await;
                }
            }
            {
                let mut p = me.progress.borrow_mut();
                p.saved = 0;
                p.done = 0;
                p.error = None;
            }
            me.estimate().await;
            me.changed();
        });
    }
}
