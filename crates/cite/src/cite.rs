//! Citations of a newspaper article.
//!
//! GB/T 7714-2015 (§ 8 and its example of a newspaper article, type `[N]`):
//! `作者. 题名[N]. 报纸名, 出版日期(版次).` — up to three authors, then
//! `, 等`; a part that is not known is left out with its punctuation.
//!
//! Chicago (17th ed., 14.191, bibliography form of a newspaper article):
//! `Author. “Title.” Paper, Month Day, Year, page. URL.` — authors joined
//! with commas and `and`; the title in curly quotes.

/// What a citation names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ref<'a> {
    pub title: &'a str,
    /// Authors as printed (names, not the byline's "本报记者").
    pub authors: &'a [String],
    /// The paper's name.
    pub paper: Option<&'a str>,
    /// ISO `YYYY-MM-DD`.
    pub date: Option<&'a str>,
    /// The page number (版次).
    pub page: Option<u32>,
    pub url: Option<&'a str>,
}

fn nonblank(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// `s` without a last full stop (so that the citation's own one is not
/// doubled).
fn no_stop(s: &str) -> &str {
    s.trim().trim_end_matches(['.', '。'])
}

/// The citation in GB/T 7714-2015 form.
pub fn gbt7714(r: &Ref) -> String {
    let mut out = String::new();
    let authors: Vec<&str> = r.authors.iter().map(|a| a.trim()).filter(|a| !a.is_empty()).collect();
    if !authors.is_empty() {
        out.push_str(&authors[..authors.len().min(3)].join(", "));
        if authors.len() > 3 {
            out.push_str(", 等");
        }
        out.push_str(". ");
    }
    out.push_str(no_stop(r.title));
    out.push_str("[N]");
    let (paper, date) = (nonblank(r.paper), nonblank(r.date));
    if paper.is_some() || date.is_some() {
        out.push_str(". ");
    }
    if let Some(p) = paper {
        out.push_str(p);
        if date.is_some() {
            out.push_str(", ");
        }
    }
    if let Some(d) = date {
        out.push_str(d);
        if let Some(n) = r.page {
            out.push('(');
            out.push_str(&n.to_string());
            out.push(')');
        }
    }
    out.push('.');
    if let Some(u) = nonblank(r.url) {
        out.push(' ');
        out.push_str(u);
    }
    out
}

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// `2021-03-04` as `March 4, 2021` (or as it is, when not such a date).
fn english_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match parts.as_slice() {
        [y, m, d] => match (m.parse::<usize>(), d.parse::<u32>()) {
            (Ok(m @ 1..=12), Ok(d)) => format!("{} {d}, {y}", MONTHS[m - 1]),
            _ => iso.to_string(),
        },
        _ => iso.to_string(),
    }
}

/// The citation in Chicago's bibliography form.
pub fn chicago(r: &Ref) -> String {
    let mut out = String::new();
    let authors: Vec<&str> = r.authors.iter().map(|a| a.trim()).filter(|a| !a.is_empty()).collect();
    match authors.as_slice() {
        [] => {}
        [a] => out.push_str(a),
        [a, b] => out.push_str(&format!("{a} and {b}")),
        [rest @ .., last] => out.push_str(&format!("{}, and {last}", rest.join(", "))),
    }
    if !out.is_empty() {
        out.push_str(". ");
    }
    out.push('“');
    out.push_str(no_stop(r.title));
    out.push_str(".”");
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = nonblank(r.paper) {
        parts.push(p.to_string());
    }
    if let Some(d) = nonblank(r.date) {
        parts.push(english_date(d));
    }
    if let Some(n) = r.page {
        parts.push(n.to_string());
    }
    if !parts.is_empty() {
        out.push(' ');
        out.push_str(&parts.join(", "));
        out.push('.');
    }
    if let Some(u) = nonblank(r.url) {
        out.push(' ');
        out.push_str(u);
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn gbt7714_follows_the_standards_newspaper_form() {
        let a = names(&["丁文祥"]);
        let r = Ref { title: "数字革命与竞争国际化", authors: &a, paper: Some("中国青年报"), date: Some("2000-11-20"), page: Some(15), url: None };
        assert_eq!(gbt7714(&r), "丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).");
        let many = names(&["甲", "乙", "丙", "丁"]);
        let r = Ref { authors: &many, page: None, url: Some("https://x.example/#a=1"), ..r };
        assert_eq!(gbt7714(&r), "甲, 乙, 丙, 等. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20. https://x.example/#a=1");
        let bare = Ref { title: "无名。", ..Ref::default() };
        assert_eq!(gbt7714(&bare), "无名[N].");
    }

    #[test]
    fn chicago_names_the_paper_and_the_date_in_english() {
        let a = names(&["刘腾", "王芳"]);
        let r = Ref { title: "海洋科技", authors: &a, paper: Some("海滨日报"), date: Some("2021-03-04"), page: Some(2), url: Some("https://x.example/#a=b") };
        assert_eq!(chicago(&r), "刘腾 and 王芳. “海洋科技.” 海滨日报, March 4, 2021, 2. https://x.example/#a=b.");
        let three = names(&["A", "B", "C"]);
        assert_eq!(chicago(&Ref { title: "T", authors: &three, ..Ref::default() }), "A, B, and C. “T.”");
        assert_eq!(english_date("2021-13-01"), "2021-13-01");
    }
}
