//! The archive as an embedded bundle, built from the seeds at compile time
//! (see `build.rs`) — or nothing, when the archive is large enough to be
//! sharded: the app then fetches its root and shards.
#![no_std]

/// The encoded bundle (`xunyue_format::bundle`); empty when [`SHARDED`].
pub static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

// `pub const SHARDED: bool`: whether the archive is sharded (the app reads it
// from `./archive/root.bin` then).
include!(concat!(env!("OUT_DIR"), "/shape.rs"));
