//! The app is compiled for the shape of its archive: `cfg(xunyue_sharded)`
//! when `xunyue-corpus` built no bundle (the archive is sharded and fetched
//! from `archive/`), else the embedded bundle is compiled in.
//!
//! `cfg(xunyue_time)`: the views of time (timeline, terms over time, the
//! page as printed, citations and exports), compiled in when the archive
//! spans more than one date or is sharded. An archive of one date (the five
//! seed pages) has nothing to show through time, and every kilobyte of wasm
//! is paid by every reader of it. `XUNYUE_TIME=1` / `=0` overrides.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(xunyue_sharded)");
    println!("cargo::rustc-check-cfg=cfg(xunyue_time)");
    println!("cargo::rerun-if-env-changed=DEP_XUNYUE_CORPUS_SHAPE");
    println!("cargo::rerun-if-env-changed=DEP_XUNYUE_CORPUS_DATES");
    println!("cargo::rerun-if-env-changed=XUNYUE_TIME");
    let sharded = std::env::var("DEP_XUNYUE_CORPUS_SHAPE").as_deref() == Ok("sharded");
    if sharded {
        println!("cargo::rustc-cfg=xunyue_sharded");
    }
    let dates: u64 = std::env::var("DEP_XUNYUE_CORPUS_DATES").ok().and_then(|d| d.parse().ok()).unwrap_or(0);
    let time = match std::env::var("XUNYUE_TIME").as_deref() {
        Ok("1") => true,
        Ok("0") => false,
        _ => sharded || dates > 1,
    };
    if time {
        println!("cargo::rustc-cfg=xunyue_time");
    }
}
