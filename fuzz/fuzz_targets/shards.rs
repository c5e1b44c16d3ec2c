//! Any bytes as a file of a sharded archive (the first byte picks which
//! kind): every decoder returns an error that names the file, or data,
//! never a panic; the lists of every key of a shard decode or fail alike.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xunyue_format::archive::postings::{CountShard, PairShard};
use xunyue_format::archive::records::{decode_article, FacetFile};
use xunyue_format::archive::root::Root;
use xunyue_format::archive::Kind;

fn named<T>(r: Result<T, xunyue_format::FormatError>, file: &str) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            assert!(e.to_string().starts_with(file), "an error that does not name {file}: {e}");
            None
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    // The build id the payload claims, so that the header check passes and
    // the fuzzer reaches the body.
    let build = xunyue_format::archive::Header::build_of(bytes).unwrap_or(0);
    // Article starts for pair lists: from the last byte, 1 to 64 articles of 2..=1024 slots.
    let n = 1 + (data.last().copied().unwrap_or(0) as usize % 64);
    let starts: Vec<u64> = (0..=n as u64).map(|i| i * 16 * 64).collect();
    match pick % 6 {
        0 => {
            let _ = named(Root::decode("root.bin", bytes), "root.bin");
        }
        1 => {
            if let Some(s) = named(PairShard::decode("p/x/0.bin", bytes, build), "p/x/0.bin") {
                for &k in s.keys().to_vec().iter() {
                    let _ = named(s.list(k, &starts), "p/x/0.bin");
                    let _ = named(s.words(k), "p/x/0.bin");
                }
            }
        }
        2 | 3 => {
            let kind = if pick % 6 == 2 { Kind::Unigrams } else { Kind::Summaries };
            if let Some(s) = named(CountShard::decode("u/x/0.bin", bytes, kind, build), "u/x/0.bin") {
                for &k in s.keys().to_vec().iter() {
                    let _ = named(s.list(k), "u/x/0.bin");
                }
            }
        }
        4 => {
            let _ = named(decode_article("a/x/0.bin", bytes, build, 0), "a/x/0.bin");
        }
        _ => {
            let _ = named(FacetFile::decode("f/x/org.bin", bytes, build, "org", n as u32), "f/x/org.bin");
        }
    }
});
