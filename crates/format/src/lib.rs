//! The archive formats of 寻阅 Xunyue: the contract between the build
//! (`xunyue-writer`, which encodes) and the engine (`xunyue-engine`, which
//! decodes).
//!
//! - [`bundle`]: the embedded bundle, one blob in the app's wasm: the
//!   articles, their analysis, the word boundaries, the fold table; the
//!   index is rebuilt from the texts at load. For small archives.
//! - [`archive`]: the sharded archive, a root file and content-named
//!   shards read as queries need them. For large archives.
//!
//! Each format documents its byte layout in one schema comment next to its
//! decoder. Decoders never panic on bad bytes: they return a
//! [`FormatError`] that says what is wrong.

pub mod archive;
pub mod bundle;

use std::fmt;

/// What is wrong with bytes that do not decode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The bytes do not follow the layout (truncated, corrupt).
    Decode(String),
    /// Another version of the format than this engine reads.
    Version { found: u32, expected: u32 },
    /// The parts decode but do not fit together.
    Inconsistent(&'static str),
    /// A file of a sharded archive is wrong: which file, where, what.
    File { file: String, offset: usize, message: String },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Decode(e) => write!(f, "corpus blob does not decode: {e}"),
            FormatError::Version { found, expected } => {
                write!(f, "corpus blob version {found}, this engine reads {expected}")
            }
            FormatError::Inconsistent(what) => write!(f, "corpus blob holds an inconsistent {what}"),
            FormatError::File { file, offset, message } => write!(f, "{file}: offset {offset}: {message}"),
        }
    }
}

impl std::error::Error for FormatError {}
