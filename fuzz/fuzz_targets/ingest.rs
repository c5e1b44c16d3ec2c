//! Bytes → one seed file → ingest; checks the lossless invariant.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xunyue_fuzz::invariants::{check_ingest, text_of};

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    if let Err(e) = check_ingest("fuzz", &text) {
        panic!("{e}\ninput: {text:?}");
    }
});
