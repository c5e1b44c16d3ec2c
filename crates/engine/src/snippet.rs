//! Snippets: the best one or two windows of an article's text around its
//! hits, with highlight spans. The UI and the CLI both use [`snippet`].
//!
//! A window is about [`WINDOW`] chars. Windows are chosen to show as many
//! different terms as possible, then as many hits; a window starts after a
//! sentence break when one is close before its first hit; it never cuts
//! inside a Latin word or number; `…` marks every cut.

use serde::{Deserialize, Serialize};
use xunyue_core::chars::{is_break, is_latin_word_char as is_word_char};

/// A snippet and the highlight spans inside it (char offsets into `text`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<(u32, u32)>,
}

/// Target width of one window, in chars.
pub const WINDOW: usize = 80;
/// How much context a window shows before its first hit, at most.
const LEAD: usize = 20;
/// Hits looked at as window anchors (the first ones in the text).
const MAX_ANCHORS: usize = 24;

/// Makes a snippet of `text` (as chars) around the hits in `spans` (sorted
/// char offsets). Without hits, the start of the text.
pub fn snippet(text: &[char], spans: &[(u32, u32)]) -> Snippet {
    snippet_with_terms(text, spans, &[])
}

/// Like [`snippet`], with `terms[i]` telling which query term `spans[i]` is
/// (empty: all the same term), so windows can favour showing every term.
pub fn snippet_with_terms(text: &[char], spans: &[(u32, u32)], terms: &[u16]) -> Snippet {
    let len = text.len();
    let spans: Vec<(usize, usize)> = spans
        .iter()
        .map(|&(s, e)| ((s as usize).min(len), (e as usize).min(len)))
        .filter(|&(s, e)| s < e)
        .collect();
    let term = |i: usize| terms.get(i).copied().unwrap_or(0);
    let mut windows: Vec<(usize, usize)> = Vec::new();
    if spans.is_empty() {
        windows.push(adjust(text, 0, WINDOW.min(len), None));
    } else {
        let first = best_window(text, &spans, &term, None);
        windows.push(first);
        let outside = spans.iter().any(|&(hs, he)| hs >= first.1 || he <= first.0);
        if outside {
            let mut second = best_window(text, &spans, &term, Some(first));
            // Context that runs into the first window is cut back; the two
            // then touch and are joined below.
            if second.0 >= first.0 && second.0 < first.1 {
                second.0 = first.1;
            }
            if second.1 > first.0 && second.1 <= first.1 {
                second.1 = first.0;
            }
            if second.0 < second.1 && (second.1 <= first.0 || second.0 >= first.1) {
                windows.push(second);
            }
        }
        // A window never cuts a hit: an edge inside a hit moves out to the
        // whole hit.
        for w in windows.iter_mut() {
            for &(s, e) in &spans {
                if s < w.0 && w.0 < e {
                    w.0 = s;
                }
                if s < w.1 && w.1 < e {
                    w.1 = e;
                }
            }
        }
        xunyue_core::sort::sort(&mut windows);
        // Windows that touch become one.
        if windows.len() == 2 && windows[1].0 <= windows[0].1 + 1 {
            let merged = (windows[0].0, windows[0].1.max(windows[1].1));
            windows = vec![merged];
        }
    }
    render(text, &windows, &spans)
}

/// Best window anchored at a hit; with `avoid`, only hits outside that
/// window count.
fn best_window(
    text: &[char],
    spans: &[(usize, usize)],
    term: &dyn Fn(usize) -> u16,
    avoid: Option<(usize, usize)>,
) -> (usize, usize) {
    let usable = |i: usize| match avoid {
        Some((a, b)) => spans[i].0 >= b || spans[i].1 <= a,
        None => true,
    };
    let mut best = (0usize, 0usize, (0usize, 0usize));
    for a in (0..spans.len()).filter(|&i| usable(i)).take(MAX_ANCHORS) {
        let (s, e) = spans[a];
        let start = window_start(text, s);
        let end = (start + WINDOW).max(e).min(text.len());
        let w = adjust(text, start, end, Some((s, e)));
        let mut seen: Vec<u16> = Vec::new();
        let mut hits = 0;
        let from = spans.partition_point(|&(hs, _)| hs < w.0);
        for (i, &(hs, he)) in spans.iter().enumerate().skip(from) {
            if hs >= w.1 {
                break;
            }
            if he <= w.1 && usable(i) {
                hits += 1;
                let t = term(i);
                if !seen.contains(&t) {
                    seen.push(t);
                }
            }
        }
        let key = (seen.len(), hits);
        if key > (best.0, best.1) {
            best = (key.0, key.1, w);
        }
    }
    best.2
}

/// Where a window showing a hit at `s` starts: up to [`LEAD`] chars before
/// it, just after a sentence break when there is one in that stretch.
fn window_start(text: &[char], s: usize) -> usize {
    let from = s.saturating_sub(LEAD);
    match (from..s).rev().find(|&i| is_break(text[i])) {
        Some(i) => i + 1,
        None => from,
    }
}

/// Moves the window edges off the middle of Latin words and numbers, keeping
/// the hit `keep` inside.
fn adjust(text: &[char], mut start: usize, mut end: usize, keep: Option<(usize, usize)>) -> (usize, usize) {
    let len = text.len();
    let (ks, ke) = keep.unwrap_or((start, start));
    let inside = |i: usize| i > 0 && i < len && is_word_char(text[i - 1]) && is_word_char(text[i]);
    if inside(start) {
        let mut fwd = start;
        while inside(fwd) {
            fwd += 1;
        }
        if fwd <= ks {
            start = fwd;
        } else {
            while inside(start) {
                start -= 1;
            }
        }
    }
    if inside(end) {
        let mut back = end;
        while inside(back) {
            back -= 1;
        }
        if back >= ke && back > start {
            end = back;
        } else {
            while inside(end) {
                end += 1;
            }
        }
    }
    // Leading spaces of a window say nothing.
    while start < end && start < ks && text[start] == ' ' {
        start += 1;
    }
    (start, end.max(start))
}

fn render(text: &[char], windows: &[(usize, usize)], spans: &[(usize, usize)]) -> Snippet {
    let chars: usize = windows.iter().map(|&(s, e)| e.saturating_sub(s) + 1).sum::<usize>() + 1;
    let mut out = String::with_capacity(3 * chars);
    let mut n = 0u32; // chars written
    let mut highlights = Vec::new();
    for (k, &(start, end)) in windows.iter().enumerate() {
        if start > 0 || k > 0 {
            out.push('…');
            n += 1;
        }
        let base = n;
        for &c in &text[start..end] {
            out.push(if c == '\n' || c == '\r' { ' ' } else { c });
        }
        n += (end - start) as u32;
        let from = spans.partition_point(|&(_, e)| e <= start);
        for &(s, e) in &spans[from..] {
            if s >= end {
                break;
            }
            let (cs, ce) = (s.max(start), e.min(end));
            if cs < ce {
                highlights.push((base + (cs - start) as u32, base + (ce - start) as u32));
            }
        }
    }
    if windows.last().is_some_and(|&(_, e)| e < text.len()) {
        out.push('…');
    }
    Snippet { text: out, highlights }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn marked(sn: &Snippet) -> String {
        let c: Vec<char> = sn.text.chars().collect();
        let mut out = String::new();
        let mut at = 0usize;
        for &(s, e) in &sn.highlights {
            out.extend(&c[at..s as usize]);
            out.push('[');
            out.extend(&c[s as usize..e as usize]);
            out.push(']');
            at = e as usize;
        }
        out.extend(&c[at..]);
        out
    }

    #[test]
    fn short_text_is_whole() {
        let t = chars("青岛华大基因");
        let s = snippet(&t, &[(2, 4)]);
        assert_eq!(marked(&s), "青岛[华大]基因");
    }

    #[test]
    fn cuts_are_marked_and_start_after_a_sentence_break() {
        let text = format!("{}。基因科技产业{}", "前".repeat(100), "后".repeat(200));
        let t = chars(&text);
        let s = snippet(&t, &[(101, 103)]);
        assert!(s.text.starts_with("…基因"), "{}", s.text);
        assert!(s.text.ends_with('…'));
        assert_eq!(marked(&s).chars().filter(|&c| c == '[').count(), 1);
        assert!(s.text.chars().count() <= WINDOW + 2);
    }

    #[test]
    fn never_cuts_a_latin_word() {
        let words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau";
        let text = format!("{words} 基因 {words} {words}");
        let t = chars(&text);
        let at = text.chars().position(|c| c == '基').unwrap() as u32;
        let s = snippet(&t, &[(at, at + 2)]);
        let inner = s.text.trim_matches('…');
        for w in inner.split(' ') {
            assert!(words.contains(w) || w == "基因", "cut word {w:?} in {}", s.text);
        }
    }

    #[test]
    fn two_windows_show_two_terms() {
        let text = format!("{}青岛{}华大{}", "甲".repeat(50), "乙".repeat(300), "丙".repeat(200));
        let t = chars(&text);
        let spans = [(50, 52), (352, 354)];
        let s = snippet_with_terms(&t, &spans, &[0, 1]);
        assert_eq!(marked(&s).matches('[').count(), 2, "{}", s.text);
        assert_eq!(s.text.matches('…').count(), 3, "{}", s.text);
    }

    #[test]
    fn highlights_lie_inside_the_snippet() {
        let t = chars(&"基因".repeat(200));
        let spans: Vec<(u32, u32)> = (0..200).map(|i| (2 * i, 2 * i + 2)).collect();
        let s = snippet(&t, &spans);
        let n = s.text.chars().count() as u32;
        assert!(s.highlights.iter().all(|&(a, b)| a < b && b <= n));
    }

    #[test]
    fn no_hits_gives_the_start() {
        let t = chars(&"字".repeat(300));
        let s = snippet(&t, &[]);
        assert_eq!(s.text.chars().count(), WINDOW + 1);
        assert!(s.highlights.is_empty());
    }
}
