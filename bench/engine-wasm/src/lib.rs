//! The engine in the browser: loads the five pages or builds the synthetic
//! corpus (the native bench's generator), then answers the query mix one
//! query at a time; the page times each call with `performance.now()`.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use xunyue_engine::{Engine, SearchResponse};
use xunyue_format::bundle::Bundle;

#[path = "../../../crates/engine/benches/synth.rs"]
#[allow(dead_code)]
mod synth;

// The app's allocator (src/main.rs), so that allocations cost what they do there.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
    static LAST: RefCell<Option<SearchResponse>> = const { RefCell::new(None) };
}

/// Loads the corpus `times` the size of the five pages (1: the pages
/// themselves) and returns `[articles, chars]`.
#[wasm_bindgen]
pub fn load(times: u32) -> Result<Vec<u32>, JsError> {
    ENGINE.with(|e| e.borrow_mut().take());
    let real = Bundle::decode(xunyue_corpus::BLOB).map_err(|e| JsError::new(&e.to_string()))?.0;
    let bundle = if times <= 1 { real } else { synth::synthetic(&real, times as usize) };
    let engine = Engine::from_bytes(&bundle.encode()).map_err(|e| JsError::new(&e.to_string()))?;
    // Text chars plus one line break per article, as the native bench counts.
    let chars = (0..engine.articles().len() as u32).map(|d| engine.text(d).len() as u32 + 1).sum();
    let out = vec![engine.articles().len() as u32, chars];
    ENGINE.with(|e| *e.borrow_mut() = Some(engine));
    Ok(out)
}

/// The query mix.
#[wasm_bindgen]
pub fn queries() -> Vec<String> {
    synth::QUERIES.iter().map(|q| q.to_string()).collect()
}

/// Timed runs per query after one warm-up run.
#[wasm_bindgen]
pub fn runs() -> u32 {
    synth::RUNS as u32
}

/// Searches query `i` of the mix; returns the number of results. The
/// response is kept until [`release`], so freeing it is not timed (as in the
/// native bench).
#[wasm_bindgen]
pub fn search(i: usize) -> u32 {
    let Some(q) = synth::QUERIES.get(i) else { return 0 };
    let r = ENGINE.with(|e| e.borrow().as_ref().map(|e| e.search(q)));
    let n = r.as_ref().map_or(0, |r| r.hits.len() as u32);
    LAST.with(|l| *l.borrow_mut() = r);
    n
}

/// Frees the last response.
#[wasm_bindgen]
pub fn release() {
    LAST.with(|l| l.borrow_mut().take());
}
