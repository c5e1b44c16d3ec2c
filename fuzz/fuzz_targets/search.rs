//! Query bytes → search over the seeds, in both shapes: the embedded bundle
//! (spans, snippets and Ctrl+F recall checked) and the same archive sharded
//! in memory, which must answer exactly alike.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::rc::Rc;
use xunyue_engine::sharded::Sharded;
use xunyue_engine::store::MemoryStore;
use xunyue_engine::Engine;
use xunyue_fuzz::invariants::{check_search, text_of, Oracle};

thread_local! {
    static ENGINES: &'static (Engine, Oracle, Engine<Sharded<MemoryStore>>) = Box::leak(Box::new({
        let e = Engine::from_bytes(xunyue_corpus::BLOB).unwrap_or_else(|e| panic!("the embedded corpus does not load: {e}"));
        let o = Oracle::new(&e);
        let (bundle, _) = xunyue_format::bundle::Bundle::decode(xunyue_corpus::BLOB).unwrap_or_else(|e| panic!("{e}"));
        let files = xunyue_writer::sharded_files(&bundle, Default::default(), &mut xunyue_writer::Quiet).unwrap_or_else(|e| panic!("{e}"));
        let store = MemoryStore::new();
        for f in &files {
            store.insert(&f.path, Rc::from(f.payload.as_slice()), f.payload.len() as u64);
        }
        let s = Engine::over(Rc::new(Sharded::open(store).unwrap_or_else(|e| panic!("{e}"))));
        (e, o, s)
    }));
}

fuzz_target!(|data: &[u8]| {
    let (engine, oracle, sharded) = ENGINES.with(|e| *e);
    let query = text_of(data);
    if let Err(e) = check_search(engine, oracle, &query) {
        panic!("{e}\nquery: {query:?}");
    }
    let (a, b) = (engine.search(&query), sharded.search(&query));
    assert_eq!(a.hits.len(), b.hits.len(), "results of {query:?}");
    for (x, y) in a.hits.iter().zip(&b.hits) {
        assert_eq!((x.doc, x.tier, x.hits, &x.spans, x.score.to_bits()), (y.doc, y.tier, y.hits, &y.spans, y.score.to_bits()), "{query:?}");
    }
    assert_eq!((a.terms, a.notices, a.explain), (b.terms, b.notices, b.explain), "{query:?}");
});
