//! Bytes → a small corpus and a query → ingest, index, blob, engine, search;
//! checks the lossless invariant and Ctrl+F recall on text the fuzzer chose.
//!
//! Layout: first byte = query length (bytes), then the query, then up to
//! three seed files separated by 0xFF bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xunyue_read::SeedFile;
use xunyue_fuzz::invariants::{check_corpus_lossless, check_search, engine_from_seeds, text_of, Oracle};

fuzz_target!(|data: &[u8]| {
    let Some((&qlen, rest)) = data.split_first() else { return };
    let qlen = (qlen as usize).min(rest.len());
    let query = text_of(&rest[..qlen]);
    let seeds: Vec<SeedFile> = rest[qlen..]
        .split(|&b| b == 0xFF)
        .take(3)
        .enumerate()
        .map(|(i, b)| SeedFile { stem: format!("p{i}"), text: text_of(b) })
        .collect();
    for s in &seeds {
        if let Ok(c) = xunyue_ingest::ingest(std::slice::from_ref(s)) {
            if let Err(e) = check_corpus_lossless(&s.text, &c) {
                panic!("{e}\nseed: {:?}", s.text);
            }
        }
    }
    let Ok(engine) = engine_from_seeds(&seeds) else { return };
    if let Err(e) = check_search(&engine, &Oracle::new(&engine), &query) {
        panic!("{e}\nquery: {query:?}\nseeds: {:?}", seeds.iter().map(|s| &s.text).collect::<Vec<_>>());
    }
});
