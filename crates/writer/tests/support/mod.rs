//! Archives for the tests: the seeds and synthetic corpora, in both shapes.
#![allow(dead_code)]

use std::path::PathBuf;
use std::rc::Rc;
use xunyue_core::model::Corpus;
use xunyue_engine::sharded::Sharded;
use xunyue_engine::store::MemoryStore;
use xunyue_engine::{Engine, Fault, Show};
use xunyue_format::bundle::Bundle;
use xunyue_writer::archive::{File, ShardSizes};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed pages, read, ingested and analyzed.
pub fn seeds_bundle() -> Bundle {
    xunyue_writer::build_bundle(&root().join("seeds")).expect("the seeds build")
}

/// A synthetic archive of `n` articles (xunyue-synth, fixed seed), as
/// ingest would give it (blocks as printed, pages with dates and sources),
/// analyzed.
pub fn synth_bundle(n: u64) -> Bundle {
    xunyue_writer::bundle_of(synth_corpus(n), &Default::default(), &mut xunyue_writer::Quiet)
}

pub fn synth_corpus(n: u64) -> Corpus {
    xunyue_synth::corpus(xunyue_synth::Target::Articles(n)).expect("a plan")
}

/// The sharded archive of a bundle: its files.
pub fn files(bundle: &Bundle, sizes: ShardSizes) -> Vec<File> {
    xunyue_writer::sharded_files(bundle, sizes, &mut xunyue_writer::Quiet).expect("the archive builds")
}

/// Every file put in a memory store.
pub fn store_of(files: &[File]) -> MemoryStore {
    let m = MemoryStore::new();
    for f in files {
        m.insert(&f.path, Rc::from(f.payload.as_slice()), f.payload.len() as u64);
    }
    m
}

/// An engine over a sharded archive in memory.
pub type ShardedEngine = Engine<Sharded<MemoryStore>>;

/// The engine over a sharded archive held whole in memory.
pub fn sharded_engine(files: &[File]) -> (ShardedEngine, Rc<Sharded<MemoryStore>>) {
    let s = Rc::new(Sharded::open(store_of(files)).expect("the root opens"));
    (Engine::over(s.clone()), s)
}

/// Tiny shards: many of them, so that keys and lists cross shard edges.
pub fn tiny() -> ShardSizes {
    ShardSizes { pairs: 600, unigrams: 300, summaries: 300, summary_min: 3 }
}

/// Searches an archive whose files load only when the search asks for
/// them (as in the browser): returns the response and the rounds it took.
pub fn search_loading(files: &[File], query: &str, show: Show) -> (xunyue_engine::SearchResponse, usize) {
    let by_path: std::collections::BTreeMap<&str, &File> = files.iter().map(|f| (f.path.as_str(), f)).collect();
    let store = MemoryStore::new();
    let root = by_path["root.bin"];
    store.insert(&root.path, Rc::from(root.payload.as_slice()), root.payload.len() as u64);
    let s = Rc::new(Sharded::open(store).expect("the root opens"));
    let e = Engine::over(s.clone());
    for round in 1..20 {
        match e.try_search(query, show) {
            Ok(r) => return (r, round),
            Err(Fault::Missing(paths)) => {
                for p in paths {
                    let f = by_path.get(p.as_str()).unwrap_or_else(|| panic!("{query}: asks for {p}, which the archive does not have"));
                    s.store().insert(&p, Rc::from(f.payload.as_slice()), f.payload.len() as u64);
                }
            }
            Err(f) => panic!("{query}: {f}"),
        }
    }
    panic!("{query}: still missing files after 20 rounds")
}
