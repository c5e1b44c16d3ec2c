//! The corpus manifest (`seeds/corpus.toml`): facts no text can give
//! (newspaper, date, page label and number) and the few boundaries the
//! heuristics get wrong, keyed by file stem.
//!
//! The manifest is parsed at build time (by `xunyue-analyze`); this module
//! only holds its shape and applies it, so the engine needs no TOML parser.
//! Every entry points at text by quoting the start of a line; an entry whose
//! text is not there is an error naming the entry.

use super::IngestError;
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

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn entry_error(stem: &str, what: &str, message: String) -> IngestError {
    IngestError {
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
    pub fn validate(&self, stems: &[&str]) -> Result<(), IngestError> {
        for (stem, page) in &self.page {
            if !stems.contains(&stem.as_str()) {
                return Err(entry_error(stem, "", format!("no seed file {stem}.txt")));
            }
            if let Some(d) = &page.date {
                if !is_iso_date(d) {
                    return Err(entry_error(stem, "date", format!("{d:?} is not YYYY-MM-DD")));
                }
            }
        }
        Ok(())
    }

    pub fn get(&self, stem: &str) -> Option<&PageManifest> {
        self.page.get(stem)
    }
}

/// True for a plausible `YYYY-MM-DD` date.
pub fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| d.get(r).and_then(|s| s.parse::<u32>().ok());
    matches!((num(0..4), num(5..7), num(8..10)), (Some(_), Some(m), Some(day)) if (1..=12).contains(&m) && (1..=31).contains(&day))
}

/// Finds the one line (index into `lines`) whose text starts with `anchor`.
fn find_line(
    stem: &str,
    what: &str,
    lines: &[&str],
    anchor: &str,
) -> Result<usize, IngestError> {
    let want = squeeze(anchor);
    if want.is_empty() {
        return Err(entry_error(stem, what, "empty text".to_string()));
    }
    let hits: Vec<usize> =
        (0..lines.len()).filter(|&i| squeeze(lines[i]).starts_with(&want)).collect();
    match hits.as_slice() {
        [one] => Ok(*one),
        [] => Err(entry_error(stem, what, format!("no line of {stem}.txt starts with {anchor:?}"))),
        many => Err(entry_error(
            stem,
            what,
            format!(
                "{} lines of {stem}.txt start with {anchor:?} (lines {}); quote more text",
                many.len(),
                many.iter().map(|i| (i + 1).to_string()).collect::<Vec<_>>().join(", ")
            ),
        )),
    }
}

/// Applies the moves of a page to the reading order of its lines: returns
/// line indices in the new order and, for each position, whether a break
/// (like a blank line) must be assumed before it.
pub fn apply_moves(
    stem: &str,
    lines: &[&str],
    moves: &[Move],
) -> Result<(Vec<usize>, Vec<bool>), IngestError> {
    let mut order: Vec<usize> = (0..lines.len()).collect();
    let mut cut_before = vec![false; lines.len()];
    for (k, m) in moves.iter().enumerate() {
        let first = find_line(stem, &format!("move[{k}].first"), lines, &m.first)?;
        let last = match &m.last {
            Some(l) => find_line(stem, &format!("move[{k}].last"), lines, l)?,
            None => first,
        };
        let before = find_line(stem, &format!("move[{k}].before"), lines, &m.before)?;
        let pos = |order: &[usize], x: usize| order.iter().position(|&y| y == x).unwrap_or(0);
        let (a, b) = (pos(&order, first), pos(&order, last));
        if a > b {
            return Err(entry_error(
                stem,
                &format!("move[{k}]"),
                format!("line {} (last) comes before line {} (first)", last + 1, first + 1),
            ));
        }
        let p = pos(&order, before);
        if (a..=b).contains(&p) {
            return Err(entry_error(
                stem,
                &format!("move[{k}]"),
                format!("line {} (before) lies inside the moved run", before + 1),
            ));
        }
        let run: Vec<usize> = order.drain(a..=b).collect();
        if let Some(&next) = order.get(a) {
            cut_before[next] = true;
        }
        let p = pos(&order, before);
        cut_before[run[0]] = true;
        cut_before[before] = true;
        order.splice(p..p, run);
    }
    Ok((order, cut_before))
}
