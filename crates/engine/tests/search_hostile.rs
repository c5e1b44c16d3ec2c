//! Queries that are wrong or hostile: each gives a sensible answer or a
//! notice, quickly, and never panics.

mod search_support;

use search_support::{check_invariants, engine};
use std::time::{Duration, Instant};
use xunyue_engine::query::{Notice, MAX_QUERY_CHARS};
use xunyue_engine::SearchResponse;

/// Generous even for an unoptimized test build on a busy machine; the
/// release timings are in the benchmark.
const BUDGET: Duration = Duration::from_millis(250);

fn run(q: &str) -> SearchResponse {
    let e = engine();
    let t = Instant::now();
    let resp = e.search(q);
    let took = t.elapsed();
    check_invariants(e, &resp);
    assert!(took < BUDGET, "{q:?} took {took:?}");
    let _ = e.search_docs(q);
    let _ = e.parse(q).explain();
    resp
}

#[test]
fn empty() {
    let r = run("");
    assert!(r.hits.is_empty());
    assert_eq!(r.notices, [Notice::Empty]);
}

#[test]
fn only_spaces() {
    for q in [" ", "   \t ", "\u{3000}\u{3000}", "\n\r\n"] {
        let r = run(q);
        assert!(r.hits.is_empty());
        assert_eq!(r.notices, [Notice::Empty], "{q:?}");
    }
}

#[test]
fn only_punctuation_is_searched_like_ctrl_f() {
    // `。` is on every page: found verbatim, like Ctrl+F would.
    let r = run("。");
    assert!(!r.hits.is_empty() && r.hits.iter().all(|h| h.exact));
    // Punctuation the corpus lacks: nothing, and a notice saying so.
    let r = run("!?!?");
    assert!(r.hits.is_empty());
    assert!(r.notices.contains(&Notice::NoMatch));
    let r = run("，。、；：");
    assert!(r.hits.is_empty() || r.hits.iter().all(|h| h.exact));
}

#[test]
fn ten_thousand_chars() {
    let q = "基因科技".repeat(2500);
    let r = run(&q);
    assert!(r.notices.contains(&Notice::Truncated { kept: MAX_QUERY_CHARS as u32 }));
    assert!(r.hits.iter().all(|h| !h.exact), "no article holds the 1000-char phrase");
    let r = run(&"a ".repeat(5000));
    assert!(r.notices.iter().any(|n| matches!(n, Notice::Truncated { .. })));
    assert!(r.notices.iter().any(|n| matches!(n, Notice::TooManyTerms { .. })));
}

#[test]
fn unbalanced_quotes() {
    for q in ["\"", "\"基因", "基因\"", "\"基因\" \"细胞", "\"\"\"", "-\""] {
        run(q);
    }
    let r = run("\"青岛华大");
    assert!(r.notices.contains(&Notice::UnclosedQuote));
    assert!(!r.hits.is_empty() && r.hits.iter().all(|h| h.exact), "the phrase runs to the end");
}

#[test]
fn minus_alone() {
    for q in ["-", "- -", "--", "-\u{3000}", "基因 -"] {
        run(q);
    }
    let r = run("基因 -");
    let plain = run("基因");
    assert_eq!(r.hits.len(), plain.hits.len(), "a lone - is ignored");
}

#[test]
fn emoji() {
    for q in ["😀", "基因😀", "👩‍🔬 基因", "🇨🇳", "\u{1F600}\u{FE0F}"] {
        run(q);
    }
    let r = run("基因 😀");
    assert!(r.partial, "the emoji is a term no article has");
}

#[test]
fn combining_marks() {
    for q in ["\u{301}", "e\u{301}", "基\u{301}因", "\u{301}\u{302}\u{303}", "a\u{20DD}"] {
        run(q);
    }
}

#[test]
fn lone_surrogates_arrive_as_replacement_chars() {
    // JS strings with lone surrogates reach Rust as U+FFFD.
    let q = String::from_utf16_lossy(&[0xD800, 0x57FA, 0x56E0, 0xDC00]);
    assert!(q.contains('\u{FFFD}'));
    run(&q);
    run("\u{FFFD}");
    run("\u{FFFD}\u{FFFD} 基因");
}

#[test]
fn control_characters() {
    for q in ["\u{0}", "基\u{0}因", "\u{7}\u{8}\u{1b}[31m基因", "\u{202E}基因", "\u{200B}基因\u{200D}", "基因\u{7f}"] {
        run(q);
    }
    // A control character separates terms like a space.
    let r = run("青岛\u{0}华大");
    assert_eq!(r.hits.len(), run("青岛 华大").hits.len());
}

#[test]
fn operators_alone_and_in_odd_places() {
    for q in ["|", "||", "OR", "OR OR", "| 基因", "基因 |", "基因 OR", "OR 基因", "-基因", "-\"基因\"", "\"-基因\"", "|-|", "(基因)"] {
        run(q);
    }
}

#[test]
fn markup_is_just_text() {
    for q in ["<script>alert(1)</script>", "</mark><b>", "{{7*7}}", "javascript:alert(1)", "<img src=x onerror=alert(1)>"] {
        let r = run(q);
        for h in &r.hits {
            assert!(h.exact || !h.spans.is_empty());
        }
    }
}
