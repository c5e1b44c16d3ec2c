//! The serialized corpus + index embedded in the app and the CLI.

use crate::index::IndexData;
use crate::model::{Analysis, Corpus};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Bumped whenever the layout of [`Blob`] changes.
pub const BLOB_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Blob {
    pub version: u32,
    pub corpus: Corpus,
    pub analysis: Analysis,
    pub index: IndexData,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlobError {
    Decode(String),
    Version { found: u32, expected: u32 },
    Index,
}

impl fmt::Display for BlobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlobError::Decode(e) => write!(f, "corpus blob does not decode: {e}"),
            BlobError::Version { found, expected } => {
                write!(f, "corpus blob version {found}, this engine reads {expected}")
            }
            BlobError::Index => write!(f, "corpus blob holds an inconsistent index"),
        }
    }
}

impl std::error::Error for BlobError {}

impl Blob {
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serializing plain structs into a Vec cannot fail.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Blob, BlobError> {
        let blob: Blob =
            postcard::from_bytes(bytes).map_err(|e| BlobError::Decode(e.to_string()))?;
        if blob.version != BLOB_VERSION {
            return Err(BlobError::Version { found: blob.version, expected: BLOB_VERSION });
        }
        Ok(blob)
    }
}
