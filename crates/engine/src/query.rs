//! The query language.
//!
//! | you type              | it means                                                        |
//! |-----------------------|-----------------------------------------------------------------|
//! | `青岛华大`            | the phrase; then articles with all its words (青岛 · 华大)       |
//! | `基因 细胞`           | both terms (AND), anywhere in the article                       |
//! | `"基因 细胞"`         | exactly this phrase, space included; never split into words     |
//! | `-转基因`             | no article containing 转基因 (alone: every article without it)   |
//! | `细胞 OR 干细胞`, `细胞 \| 干细胞` | either term                                         |
//!
//! The query is folded with the archive's [`Fold`] before anything else, like
//! the text.
//! Punctuation inside a term is matched where the text has it; where the text
//! has none, the term without punctuation still matches (`华大·基因` finds
//! `华大基因`), ranked after the verbatim matches. Control characters count as
//! spaces. A lone `-` is ignored. A query of exclusions only (`-马铃薯`) lists
//! every article that has none of them (after any article that holds the
//! query as typed, `-马铃薯` itself, as always); a query with nothing to
//! search but operators (`-`, `--`, `|`) is searched as typed.
//!
//! A term is split into its words for the all-words match, except when a
//! piece of it is a Latin fragment of one or two letters or digits (`R&D`,
//! `5G网络`, `iPhone 5s`): such a fragment is not a word of its own (`d`
//! would match inside `DNA`), so the term matches verbatim only, or without
//! its punctuation when that form is not itself such a fragment.
//!
//! Whatever the operators, the whole query as typed (folded) is also searched
//! verbatim: the articles containing it are the exact results, the same set
//! Ctrl+F would find.

pub use xunyue_core::chars::is_punct;
use xunyue_core::fold::Fold;
use xunyue_core::normalize::Normalized;
use xunyue_core::segment::Segmenter;
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

/// Longest query searched, in chars; the rest is dropped with a notice.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most terms (positive and negative) in one query.
pub const MAX_TERMS: usize = 16;
/// Most words one term is split into for the all-words match.
pub const MAX_WORDS: usize = 24;

/// Something the reader should be told about a query or its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    /// Nothing to search: the query is empty or only spaces.
    Empty,
    /// The query was longer than [`MAX_QUERY_CHARS`]; only `kept` chars were used.
    Truncated { kept: u32 },
    /// More than [`MAX_TERMS`] terms; only `kept` were used.
    TooManyTerms { kept: u32 },
    /// A term has more than [`MAX_WORDS`] words; the all-words match uses the first ones.
    TooManyWords { kept: u32 },
    /// A quote was not closed; the phrase runs to the end of the query.
    UnclosedQuote,
    /// No article contains every term: the results contain `best` of the `of` terms.
    Partial { best: u16, of: u16 },
    /// No article contains any term.
    NoMatch,
    /// The query only excludes: the results are every article without it.
    OnlyExcluded,
    /// The archive could not answer (a file missing or damaged: see the
    /// response's `explain`).
    Unavailable,
    /// A lowercase `or` stands between terms: it is searched as a word
    /// (either-or is `OR` in capitals, or `|`).
    LowercaseOr,
}

/// One searchable term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term as typed.
    pub label: String,
    /// Folded phrase, matched verbatim.
    pub phrase: String,
    /// The phrase without punctuation, when that differs and is not empty.
    pub loose: Option<String>,
    /// The words of the phrase (runtime jieba), when it has more than one.
    pub words: Vec<String>,
    /// Written in quotes: matched verbatim only.
    pub quoted: bool,
}

/// Terms of which one must occur (`A OR B`); most clauses have one term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub alts: Vec<Term>,
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The query as received.
    pub raw: String,
    /// The whole query, folded and trimmed: its verbatim occurrences are the
    /// exact results.
    pub whole: String,
    /// All must hold (AND).
    pub clauses: Vec<Clause>,
    /// None may occur.
    pub excludes: Vec<Term>,
    /// True when quotes, `-`, `OR` or `|` shaped the query.
    pub operators: bool,
    pub notices: Vec<Notice>,
}

fn is_space(c: char) -> bool {
    c == ' ' || c.is_whitespace() || c.is_control()
}

/// A lexed piece of the query: a range of folded chars.
#[derive(Debug)]
enum Tok {
    Word { start: usize, end: usize, neg: bool, quoted: bool },
    Or,
}

fn lex(n: &Normalized, raw: &[char], notices: &mut Vec<Notice>) -> Vec<Tok> {
    let c = &n.chars;
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if is_space(c[i]) {
            i += 1;
            continue;
        }
        if c[i] == '|' {
            out.push(Tok::Or);
            i += 1;
            continue;
        }
        let mut neg = false;
        if c[i] == '-' && c.get(i + 1).is_some_and(|&d| !is_space(d) && d != '|' && d != '-') {
            neg = true;
            i += 1;
        }
        if c[i] == '"' {
            let start = i + 1;
            let mut end = start;
            while end < c.len() && c[end] != '"' {
                end += 1;
            }
            if end == c.len() {
                notices.push(Notice::UnclosedQuote);
            }
            out.push(Tok::Word { start, end, neg, quoted: true });
            i = end + 1;
            continue;
        }
        let start = i;
        while i < c.len() && !is_space(c[i]) && c[i] != '|' && c[i] != '"' {
            i += 1;
        }
        let (s, e) = n.source_span(start, i);
        let typed: String = raw.get(s as usize..e as usize).unwrap_or(&[]).iter().collect();
        if typed == "OR" && !neg {
            out.push(Tok::Or);
        } else if typed == "or" && !neg && matches!(out.last(), Some(Tok::Word { .. })) && !notices.contains(&Notice::LowercaseOr) {
            notices.push(Notice::LowercaseOr);
            out.push(Tok::Word { start, end: i, neg, quoted: false });
        } else if i == start + 1 && c[start] == '-' {
            // A lone `-` next to other terms is a typo, not text to require.
        } else if i > start {
            out.push(Tok::Word { start, end: i, neg, quoted: false });
        }
    }
    out
}

/// Splits a phrase into the words of the all-words match: runs between
/// punctuation and spaces, cut by the segmenter; adjacent single characters
/// are kept together (`汪建` stays one unit, never `汪` + `建`), and a lone
/// character between words is left to the phrase match (`青岛的基因` →
/// 青岛 · 基因).
fn split_words(phrase: &str, seg: &mut dyn Cut) -> Vec<String> {
    let mut units: Vec<String> = Vec::new();
    for part in phrase.split(|c: char| is_punct(c) || is_space(c)) {
        if part.is_empty() {
            continue;
        }
        let chars: Vec<char> = part.chars().collect();
        let mut single = String::new();
        // A part of one or two chars is one unit however it is cut.
        let cut = if chars.len() <= 2 { vec![(0, chars.len())] } else { seg.cut(part) };
        for (a, b) in cut {
            let w: String = chars.get(a..b).unwrap_or(&[]).iter().collect();
            if b - a == 1 {
                single.push_str(&w);
            } else {
                if !single.is_empty() {
                    units.push(std::mem::take(&mut single));
                }
                units.push(w);
            }
        }
        if !single.is_empty() {
            units.push(single);
        }
    }
    // A short Latin fragment is no word of its own: then no split at all.
    if units.iter().any(|u| is_latin_fragment(u)) {
        return Vec::new();
    }
    if units.iter().any(|u| u.chars().count() > 1) {
        units.retain(|u| u.chars().count() > 1);
    }
    let mut seen = Vec::new();
    units.retain(|u| {
        let new = !seen.contains(u);
        seen.push(u.clone());
        new
    });
    units
}

/// Cuts text into words: `(start, end)` char ranges covering it.
pub trait Cut {
    fn cut(&mut self, text: &str) -> Vec<(usize, usize)>;
}

impl<F: FnMut(&str) -> Vec<(usize, usize)>> Cut for F {
    fn cut(&mut self, text: &str) -> Vec<(usize, usize)> {
        self(text)
    }
}

/// One or two ASCII letters or digits: too short to stand for a word when
/// split out of a term (it would match inside any Latin word).
fn is_latin_fragment(s: &str) -> bool {
    let n = s.chars().count();
    (1..=2).contains(&n) && s.chars().all(|c| c.is_ascii_alphanumeric())
}

fn make_term(chars: &[char], label: String, quoted: bool, seg: &mut dyn Cut, notices: &mut Vec<Notice>) -> Option<Term> {
    let phrase: String = chars.iter().collect::<String>().trim().to_string();
    if phrase.is_empty() {
        return None;
    }
    if quoted {
        return Some(Term { label, phrase, loose: None, words: Vec::new(), quoted });
    }
    let stripped: String = phrase.chars().filter(|&c| !is_punct(c)).collect();
    let loose = (!stripped.is_empty() && stripped != phrase && !is_latin_fragment(&stripped)).then_some(stripped);
    let mut words = split_words(&phrase, seg);
    if words.len() > MAX_WORDS {
        words.truncate(MAX_WORDS);
        notices.push(Notice::TooManyWords { kept: MAX_WORDS as u32 });
    }
    if words.len() == 1 && (words[0] == phrase || Some(&words[0]) == loose.as_ref()) {
        words.clear();
    }
    Some(Term { label, phrase, loose, words, quoted })
}

impl Query {
    /// Parses a query. Never fails: whatever cannot be read as an operator is
    /// text to search.
    pub fn parse(raw: &str, seg: &Segmenter, fold: &Fold) -> Query {
        Query::parse_with(raw, &mut |t: &str| seg.cut(t), fold)
    }

    /// [`Query::parse`], cutting the terms with `seg` (called for each run
    /// of three chars or more of a term, between its punctuation).
    pub fn parse_with(raw: &str, seg: &mut dyn Cut, fold: &Fold) -> Query {
        let mut notices = Vec::new();
        let mut text: String = raw.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        if let Some((cut, _)) = text.char_indices().nth(MAX_QUERY_CHARS) {
            text.truncate(cut);
            notices.push(Notice::Truncated { kept: MAX_QUERY_CHARS as u32 });
        }
        let raw_chars: Vec<char> = text.chars().collect();
        let n = fold.normalize(&text);
        let whole = n.as_string().trim().to_string();
        let mut q = Query { raw: raw.to_string(), whole, ..Query::default() };
        if q.whole.is_empty() {
            notices.push(Notice::Empty);
            q.notices = notices;
            return q;
        }
        let toks = lex(&n, &raw_chars, &mut notices);
        let mut pending_or = false;
        let mut terms = 0usize;
        for t in &toks {
            match *t {
                Tok::Or => {
                    pending_or = true;
                    q.operators = true;
                }
                Tok::Word { start, end, neg, quoted } => {
                    if terms >= MAX_TERMS {
                        if !notices.iter().any(|x| matches!(x, Notice::TooManyTerms { .. })) {
                            notices.push(Notice::TooManyTerms { kept: MAX_TERMS as u32 });
                        }
                        continue;
                    }
                    let (s, e) = n.source_span(start, end);
                    let label: String =
                        raw_chars.get(s as usize..e as usize).unwrap_or(&[]).iter().collect();
                    let chars = n.chars.get(start..end).unwrap_or(&[]);
                    let Some(term) = make_term(chars, label, quoted, seg, &mut notices) else {
                        continue;
                    };
                    terms += 1;
                    q.operators |= neg || quoted;
                    if neg {
                        q.excludes.push(term);
                    } else if pending_or && !q.clauses.is_empty() {
                        if let Some(last) = q.clauses.last_mut() {
                            last.alts.push(term);
                        }
                    } else {
                        q.clauses.push(Clause { alts: vec![term] });
                    }
                    if !neg {
                        pending_or = false;
                    }
                }
            }
        }
        if q.clauses.is_empty() && !q.excludes.is_empty() {
            // Exclusions only: every article without them.
            notices.push(Notice::OnlyExcluded);
        } else if q.clauses.is_empty() {
            // Nothing but operators (`-`, `--`, `|`): search the text as typed.
            q.excludes.clear();
            q.operators = false;
            let chars: Vec<char> = q.whole.chars().collect();
            let label = text.trim().to_string();
            if let Some(t) = make_term(&chars, label, false, seg, &mut notices) {
                q.clauses.push(Clause { alts: vec![t] });
            }
        }
        notices.dedup();
        q.notices = notices;
        q
    }

    /// True when there is nothing to search.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.excludes.is_empty()
    }

    /// True when the query only excludes (`-马铃薯`).
    pub fn only_excludes(&self) -> bool {
        self.clauses.is_empty() && !self.excludes.is_empty()
    }

    /// The query read back in words, for the UI (`“青岛华大” (or 青岛 · 华大)
    /// AND “基因” NOT “转基因”`).
    pub fn explain(&self) -> String {
        let mut out = String::new();
        for (i, c) in self.clauses.iter().enumerate() {
            if i > 0 {
                out.push_str(" AND ");
            }
            let many = c.alts.len() > 1;
            if many {
                out.push('(');
            }
            for (j, t) in c.alts.iter().enumerate() {
                if j > 0 {
                    out.push_str(" OR ");
                }
                let _ = write!(out, "“{}”", t.phrase);
                if !t.words.is_empty() {
                    let _ = write!(out, " (or {})", t.words.join(" · "));
                }
            }
            if many {
                out.push(')');
            }
        }
        for t in &self.excludes {
            if !out.is_empty() {
                out.push(' ');
            }
            let _ = write!(out, "NOT “{}”", t.phrase);
        }
        out
    }
}

#[cfg(all(test, feature = "unicode-tables"))]
mod tests {
    use super::*;
    use xunyue_core::model::VocabWord;

    fn seg() -> Segmenter {
        let words = ["青岛", "华大", "基因", "转基因", "细胞", "干细胞", "科技"];
        let v: Vec<VocabWord> =
            words.iter().map(|w| VocabWord { word: w.to_string(), freq: 1000 }).collect();
        Segmenter::from_vocab(&v)
    }

    fn phrases(q: &Query) -> Vec<Vec<String>> {
        q.clauses.iter().map(|c| c.alts.iter().map(|t| t.phrase.clone()).collect()).collect()
    }

    #[test]
    fn a_run_is_a_phrase_with_words() {
        let q = Query::parse("青岛华大基因", &seg(), &Fold::full());
        assert_eq!(phrases(&q), [["青岛华大基因"]]);
        assert_eq!(q.clauses[0].alts[0].words, ["青岛", "华大", "基因"]);
        assert!(!q.operators);
        assert_eq!(q.whole, "青岛华大基因");
    }

    #[test]
    fn single_characters_stay_together() {
        let q = Query::parse("汪建", &seg(), &Fold::full());
        assert!(q.clauses[0].alts[0].words.is_empty());
        let q = Query::parse("青岛的基因", &seg(), &Fold::full());
        assert_eq!(q.clauses[0].alts[0].words, ["青岛", "基因"]);
    }

    #[test]
    fn operators() {
        let q = Query::parse("基因 \"细胞 科技\" -转基因 细胞 OR 干细胞 | 科技", &seg(), &Fold::full());
        assert_eq!(phrases(&q), vec![vec!["基因"], vec!["细胞 科技"], vec!["细胞", "干细胞", "科技"]]);
        assert!(q.clauses[1].alts[0].quoted);
        assert_eq!(q.excludes.len(), 1);
        assert_eq!(q.excludes[0].phrase, "转基因");
        assert!(q.operators);
        assert_eq!(q.explain(), "“基因” AND “细胞 科技” AND (“细胞” OR “干细胞” OR “科技”) NOT “转基因”");
    }

    #[test]
    fn lowercase_or_is_a_word() {
        let q = Query::parse("a or b", &seg(), &Fold::full());
        assert_eq!(phrases(&q), [["a"], ["or"], ["b"]]);
    }

    #[test]
    fn punctuation_gives_a_loose_form() {
        let q = Query::parse("华大·基因", &seg(), &Fold::full());
        let t = &q.clauses[0].alts[0];
        assert_eq!(t.phrase, "华大·基因");
        assert_eq!(t.loose.as_deref(), Some("华大基因"));
        assert_eq!(t.words, ["华大", "基因"]);
    }

    #[test]
    fn width_and_traditional_fold_in_queries() {
        let q = Query::parse("ＢＧ１３６ 華大", &seg(), &Fold::full());
        assert_eq!(phrases(&q), [["bg136"], ["华大"]]);
        assert_eq!(q.clauses[0].alts[0].label, "ＢＧ１３６");
    }

    #[test]
    fn spaced_digits_are_one_number() {
        let q = Query::parse("2 0 2 2 年", &seg(), &Fold::full());
        assert_eq!(phrases(&q), [["2022"], ["年"]]);
    }

    #[test]
    fn only_exclusions_exclude() {
        for raw in ["-转基因", "-12", "-\"青岛 华大\"", "-华大 -基因"] {
            let q = Query::parse(raw, &seg(), &Fold::full());
            assert!(q.clauses.is_empty(), "{raw}");
            assert!(q.only_excludes() && !q.is_empty(), "{raw}");
            assert!(q.notices.contains(&Notice::OnlyExcluded), "{raw}");
            assert!(q.explain().starts_with("NOT “"), "{}", q.explain());
        }
    }

    #[test]
    fn a_lowercase_or_is_a_word_and_said_so() {
        let q = Query::parse("华大 or 细胞", &seg(), &Fold::full());
        assert_eq!(q.clauses.len(), 3, "or is searched as a term");
        assert_eq!(q.notices, [Notice::LowercaseOr]);
        for raw in ["华大 OR 细胞", "or", "华大 -or", "color", "华大 | or"] {
            let q = Query::parse(raw, &seg(), &Fold::full());
            assert!(!q.notices.contains(&Notice::LowercaseOr), "{raw}");
        }
    }

    #[test]
    fn short_latin_fragments_are_not_words() {
        for (raw, loose) in [("R&D", None), ("5G网络", None), ("iPhone 5s", None), ("A股市场", None), ("c++", None), ("r&d投入", Some("rd投入"))] {
            let q = Query::parse(raw, &seg(), &Fold::full());
            let t = &q.clauses[0].alts[0];
            assert!(t.words.is_empty(), "{raw}: {:?}", t.words);
            if raw != "iPhone 5s" {
                assert_eq!(t.loose.as_deref(), loose, "{raw}");
            }
        }
        // Longer Latin words still split out.
        let q = Query::parse("DNA测序", &seg(), &Fold::full());
        assert_eq!(q.clauses[0].alts[0].words, ["dna", "测序"]);
        let q = Query::parse("COVID-19", &seg(), &Fold::full());
        assert_eq!(q.clauses[0].alts[0].loose.as_deref(), Some("covid19"));
    }

    #[test]
    fn nothing_positive_is_searched_as_typed() {
        for raw in ["-", "--", "|", "OR"] {
            let q = Query::parse(raw, &seg(), &Fold::full());
            assert_eq!(q.clauses.len(), 1, "{raw}");
            assert_eq!(q.clauses[0].alts[0].phrase, raw.to_lowercase(), "{raw}");
            assert!(q.excludes.is_empty());
        }
    }

    #[test]
    fn empty_and_blank_queries_say_so() {
        for raw in ["", "   ", "\u{3000}\t\n", "\u{0}\u{7}"] {
            let q = Query::parse(raw, &seg(), &Fold::full());
            assert!(q.is_empty(), "{raw:?}");
            assert_eq!(q.notices, [Notice::Empty]);
        }
    }

    #[test]
    fn unclosed_quote_runs_to_the_end() {
        let q = Query::parse("\"青岛 华大", &seg(), &Fold::full());
        assert_eq!(phrases(&q), [["青岛 华大"]]);
        assert!(q.notices.contains(&Notice::UnclosedQuote));
    }

    #[test]
    fn long_queries_are_cut_with_a_notice() {
        let long = "基因".repeat(5000);
        let q = Query::parse(&long, &seg(), &Fold::full());
        assert_eq!(q.whole.chars().count(), MAX_QUERY_CHARS);
        assert!(q.notices.contains(&Notice::Truncated { kept: MAX_QUERY_CHARS as u32 }));
        let many = (0..40).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        let q = Query::parse(&many, &seg(), &Fold::full());
        assert_eq!(q.clauses.len(), MAX_TERMS);
        assert!(q.notices.contains(&Notice::TooManyTerms { kept: MAX_TERMS as u32 }));
    }
}
