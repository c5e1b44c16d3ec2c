//! The corpus manifest (`seeds/corpus.toml`): facts no text can give
//! (newspaper, date, page label and number), keyed by file stem or read off
//! file names by a pattern (`[[files]]`, see [`crate::pattern`]), the few
//! reading-order faults no heuristic can see, and how JSON Lines files are
//! read (`[jsonl]`).
//!
//! This module holds its shape and checks it; ingest applies the moves
//! (`xunyue_ingest::moves`). Every move points at text by quoting the start
//! of a line; an entry whose text is not there is an error naming the entry.

use crate::PageError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// File name used in errors about the manifest.
pub const MANIFEST_FILE: &str = "corpus.toml";

/// The whole manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Entries keyed by file stem.
    #[serde(default)]
    pub page: BTreeMap<String, PageManifest>,
    /// File-name patterns, tried in order (see [`crate::pattern`]).
    #[serde(default)]
    pub files: Vec<FileRule>,
    /// How JSON Lines article files are read.
    #[serde(default)]
    pub jsonl: JsonlOptions,
}

/// One `[[files]]` entry: a file-name pattern and the facts it gives every
/// file it matches.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileRule {
    /// E.g. `{source}/{date:%Y%m%d}/{page}.xml`.
    pub pattern: String,
    /// Newspaper of every file that matches (when the path does not say).
    pub source: Option<String>,
    /// Date of every file that matches (when the path does not say).
    pub date: Option<String>,
}

/// `[jsonl]`: fields of the article records that are read by nothing and
/// named here so that they are not an error (`ignore_fields = ["url", "id"]`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonlOptions {
    #[serde(default)]
    pub ignore_fields: Vec<String>,
}

/// What the manifest says about one page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageManifest {
    /// Newspaper name.
    pub source: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Page label as printed (e.g. `第一版`).
    pub label: Option<String>,
    /// Page number.
    pub number: Option<u32>,
    /// Runs of lines the OCR put in the wrong place.
    #[serde(default, rename = "move")]
    pub moves: Vec<Move>,
}

/// Moves the run of lines from the line starting with `first` to the line
/// starting with `last` (default: `first` alone) so that it comes right
/// before the line starting with `before`. Line starts are compared with
/// spaces removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Move {
    pub first: String,
    pub last: Option<String>,
    pub before: String,
    /// Why the heuristics cannot find this (documentation only).
    pub why: Option<String>,
}

/// An error about one entry of the manifest.
pub fn entry_error(stem: &str, what: &str, message: String) -> PageError {
    PageError {
        file: MANIFEST_FILE.to_string(),
        line: None,
        message: if what.is_empty() {
            format!("[page.\"{stem}\"]: {message}")
        } else {
            format!("page.\"{stem}\".{what}: {message}")
        },
    }
}

impl Manifest {
    /// Checks that every entry names a seed file and carries well-formed
    /// values.
    pub fn validate(&self, stems: &[&str]) -> Result<(), PageError> {
        for (stem, page) in &self.page {
            if !stems.contains(&stem.as_str()) {
                return Err(entry_error(stem, "", format!("no seed file {stem}.txt (nor {stem}.xml)")));
            }
            if let Some(d) = &page.date {
                if !is_iso_date(d) {
                    return Err(entry_error(stem, "date", format!("{d:?} is not YYYY-MM-DD")));
                }
            }
        }
        for (k, rule) in self.files.iter().enumerate() {
            crate::pattern::Pattern::parse(&rule.pattern).map_err(|e| files_error(k, "pattern", e))?;
            if let Some(d) = &rule.date {
                if !is_iso_date(d) {
                    return Err(files_error(k, "date", format!("{d:?} is not YYYY-MM-DD")));
                }
            }
        }
        Ok(())
    }

    pub fn get(&self, stem: &str) -> Option<&PageManifest> {
        self.page.get(stem)
    }
}

/// An error about one `[[files]]` entry.
pub fn files_error(k: usize, what: &str, message: String) -> PageError {
    PageError { file: MANIFEST_FILE.to_string(), line: None, message: format!("files[{k}].{what}: {message}") }
}

/// True for a `YYYY-MM-DD` date that is in the calendar (`2024-02-30` is
/// not): the one date check of build and runtime, [`xunyue_core::date::parse`].
pub fn is_iso_date(d: &str) -> bool {
    xunyue_core::date::parse(d).is_ok()
}

