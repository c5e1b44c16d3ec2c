//! The corpus blob, built from the seeds at compile time (see `build.rs`).
#![no_std]

/// Serialized [`xunyue_engine::Blob`](../xunyue_engine/blob/struct.Blob.html).
pub static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
