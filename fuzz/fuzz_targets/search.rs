//! Query bytes → search over the embedded corpus; checks spans, snippets and
//! Ctrl+F recall.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use xunyue_engine::Engine;
use xunyue_fuzz::invariants::{check_search, text_of, Oracle};

static ENGINE: OnceLock<(Engine, Oracle)> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let (engine, oracle) = ENGINE.get_or_init(|| match Engine::from_bytes(xunyue_corpus::BLOB) {
        Ok(e) => {
            let o = Oracle::new(&e);
            (e, o)
        }
        Err(e) => panic!("the embedded corpus does not load: {e}"),
    });
    let query = text_of(data);
    if let Err(e) = check_search(engine, oracle, &query) {
        panic!("{e}\nquery: {query:?}");
    }
});
