//! The manifest's moves: runs of lines the OCR put in the wrong place, put
//! back in reading order before the page is read.

use xunyue_read::manifest::{entry_error, Move};
use xunyue_read::PageError;

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Finds the one line (index into `lines`) whose text starts with `anchor`.
fn find_line(
    stem: &str,
    what: &str,
    lines: &[&str],
    anchor: &str,
) -> Result<usize, PageError> {
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
) -> Result<(Vec<usize>, Vec<bool>), PageError> {
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
