//! The archive as an embedded bundle, built from the seeds at compile time
//! (see `build.rs`).
#![no_std]

/// The encoded bundle (`xunyue_format::bundle`).
pub static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
