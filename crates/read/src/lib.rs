//! Reading an archive's source folder at build time: the page files, as
//! text, and what the publisher says about them (the manifest).
//!
//! - [`seeds`]: the folder's page files (`*.txt` OCR pages, `*.xml` ALTO
//!   pages, `*.jsonl` article records, in subfolders too), decoded (UTF-8,
//!   UTF-16, GB18030), refused with a message naming file, line and byte
//!   offset when they are not text.
//! - [`alto`]: an ALTO XML page → page text, lines in reading order.
//! - [`jsonl`]: JSON Lines article records, checked field by field.
//! - [`manifest`]: `corpus.toml`, facts no text can give (newspaper, date,
//!   page label and number), the file-name patterns that give them for many
//!   files at once ([`pattern`]), and the moves that fix the OCR's reading
//!   order where no heuristic can.
//!
//! Nothing here interprets the text: that is ingest's work
//! (`xunyue-ingest`).

pub mod alto;
pub mod jsonl;
pub mod manifest;
pub mod pattern;
pub mod seeds;

use std::fmt;

pub use jsonl::{PageRef, Record, RecordFile};
pub use manifest::{FileRule, JsonlOptions, Manifest, Move, PageManifest};
pub use seeds::{read_seeds, Format, Origin, SeedError, Seeds};

/// One page file, decoded to text.
#[derive(Debug, Clone)]
pub struct SeedFile {
    /// File stem, e.g. `000_4f4c079eaddbb646`: the page's id.
    pub stem: String,
    pub text: String,
}

/// An error about one page file or one manifest entry, naming the file (and
/// the line, where there is one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageError {
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for PageError {}
