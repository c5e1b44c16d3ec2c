//! Bytes → one seed file: decoded as the build decodes seeds (BOM, UTF-16,
//! GB18030, refusals), then ingested; checks the lossless invariant.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use xunyue_fuzz::invariants::{check_ingest, text_of};

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz page.txt");
    match xunyue_read::seeds::decode(path, data) {
        Ok(text) => {
            // Valid UTF-8 without a BOM is taken exactly as it is.
            if let Ok(s) = std::str::from_utf8(data) {
                if !s.starts_with('\u{feff}') && text != s {
                    panic!("decoding changed valid UTF-8\ninput: {s:?}\ngot:   {text:?}");
                }
            }
            if let Err(e) = check_ingest("fuzz page", &text) {
                panic!("{e}\ninput: {text:?}");
            }
        }
        Err(e) => {
            // A refusal names the file, and never panics.
            let msg = e.to_string();
            if !msg.contains("fuzz page.txt") {
                panic!("refusal without the file name: {msg}");
            }
            // Ingest itself must still cope with any text.
            let text = text_of(data);
            if let Err(e) = check_ingest("fuzz page", &text) {
                panic!("{e}\ninput: {text:?}");
            }
        }
    }
});
