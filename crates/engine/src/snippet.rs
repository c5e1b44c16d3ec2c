//! Snippets: short windows of an article's text around its hits.

use serde::{Deserialize, Serialize};

/// A snippet and the highlight spans inside it (char offsets into `text`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<(u32, u32)>,
}

/// Target width of one window, in chars.
pub const WINDOW: usize = 80;

/// Makes a snippet of `text` (as chars) around the first hit in `spans`
/// (sorted, char offsets). Without hits, the start of the text.
pub fn snippet(text: &[char], spans: &[(u32, u32)]) -> Snippet {
    let len = text.len();
    let (start, end) = match spans.first() {
        Some(&(s, e)) => {
            let (s, e) = (s as usize, (e as usize).min(len));
            let room = WINDOW.saturating_sub(e - s);
            let start = s.saturating_sub(room / 3);
            (start, (start + WINDOW).max(e).min(len))
        }
        None => (0, WINDOW.min(len)),
    };
    let mut out = String::new();
    let mut shift = 0u32;
    if start > 0 {
        out.push('…');
        shift = 1;
    }
    out.extend(text[start..end].iter().map(|&c| if c == '\n' { ' ' } else { c }));
    if end < len {
        out.push('…');
    }
    let highlights = spans
        .iter()
        .filter(|&&(s, e)| s as usize >= start && e as usize <= end)
        .map(|&(s, e)| (s - start as u32 + shift, e - start as u32 + shift))
        .collect();
    Snippet { text: out, highlights }
}
