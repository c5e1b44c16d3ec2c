//! File-name patterns of the manifest: facts (date, newspaper, page number or
//! label) read off the path of each page file, so that a folder of a thousand
//! pages needs no thousand manifest entries.
//!
//! ```toml
//! [[files]]
//! pattern = "{source}/{date:%Y%m%d}/{page}.xml"   # 青岛日报/20240131/3.xml
//!
//! [[files]]
//! pattern = "{date}-{label}.txt"                   # 2024-01-31-A03.txt
//! source = "青岛日报"                               # fixed facts for every match
//! ```
//!
//! A pattern is matched against the whole path of the file relative to the
//! source folder, `/` between folders, extension included. Fields:
//!
//! | field | matches | gives |
//! |---|---|---|
//! | `{date}` | `YYYY-MM-DD` | the date |
//! | `{date:FMT}` | `FMT` with `%Y` (4 digits), `%m`, `%d` (2 digits); other characters literally | the date |
//! | `{page}` | ASCII digits | the page number (`03` → 3) |
//! | `{label}` | any text within one folder or file name | the page label (`A03`, `第一版`) |
//! | `{source}` | any text within one folder or file name | the newspaper |
//! | `{*}` | any text within one folder or file name | nothing |
//!
//! Everything else matches itself. The first pattern that matches a file
//! gives its facts; what the manifest says about a page itself
//! (`[page."<stem>"]`) wins over a pattern. A pattern that matches a file
//! whose date cannot be (`20241341`) is an error naming the file.

use crate::manifest::is_iso_date;

/// One field or literal of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Lit(String),
    /// `%Y%m%d`-style format, compiled to its own parts.
    Date(Vec<DatePart>),
    Page,
    Label,
    Source,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DatePart {
    Year,
    Month,
    Day,
    Lit(char),
}

/// A compiled file-name pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    parts: Vec<Part>,
}

/// What a pattern read off one path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathFacts {
    pub date: Option<String>,
    pub source: Option<String>,
    pub number: Option<u32>,
    pub label: Option<String>,
}

impl Pattern {
    /// Compiles a pattern; the error says what is wrong with it.
    pub fn parse(text: &str) -> Result<Pattern, String> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if c == '}' {
                return Err(format!("{text:?}: '}}' without '{{'"));
            }
            if c != '{' {
                lit.push(c);
                rest = &rest[c.len_utf8()..];
                continue;
            }
            let Some(end) = rest.find('}') else {
                return Err(format!("{text:?}: '{{' without '}}'"));
            };
            let field = &rest[1..end];
            rest = &rest[end + 1..];
            if !lit.is_empty() {
                parts.push(Part::Lit(std::mem::take(&mut lit)));
            }
            if matches!(parts.last(), Some(p) if !matches!(p, Part::Lit(_))) {
                return Err(format!("{text:?}: two fields in a row cannot be told apart; put text between them"));
            }
            let part = match field {
                "date" => Part::Date(vec![DatePart::Year, DatePart::Lit('-'), DatePart::Month, DatePart::Lit('-'), DatePart::Day]),
                "page" => Part::Page,
                "label" => Part::Label,
                "source" => Part::Source,
                "*" => Part::Any,
                f if f.starts_with("date:") => Part::Date(date_format(&f[5..]).map_err(|e| format!("{text:?}: {e}"))?),
                f => return Err(format!("{text:?}: unknown field {{{f}}} (fields: {{date}}, {{date:%Y%m%d}}, {{page}}, {{label}}, {{source}}, {{*}})")),
            };
            parts.push(part);
        }
        if !lit.is_empty() {
            parts.push(Part::Lit(lit));
        }
        if parts.is_empty() {
            return Err("empty pattern".to_string());
        }
        Ok(Pattern { parts })
    }

    /// Matches a relative path (`/` between folders). `Ok(None)`: no match;
    /// `Err`: a match whose date cannot be.
    pub fn matches(&self, path: &str) -> Result<Option<PathFacts>, String> {
        let mut facts = PathFacts::default();
        if !match_parts(&self.parts, path, &mut facts) {
            return Ok(None);
        }
        if let Some(d) = &facts.date {
            if !is_iso_date(d) {
                return Err(format!("the date read from the file name, {d}, is not a date"));
            }
        }
        Ok(Some(facts))
    }
}

fn date_format(fmt: &str) -> Result<Vec<DatePart>, String> {
    let mut out = Vec::new();
    let mut it = fmt.chars();
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(DatePart::Lit(c));
            continue;
        }
        out.push(match it.next() {
            Some('Y') => DatePart::Year,
            Some('m') => DatePart::Month,
            Some('d') => DatePart::Day,
            other => return Err(format!("date format {fmt:?}: %{} is not one of %Y %m %d", other.map(String::from).unwrap_or_default())),
        });
    }
    for need in [DatePart::Year, DatePart::Month, DatePart::Day] {
        if out.iter().filter(|&&p| p == need).count() != 1 {
            return Err(format!("date format {fmt:?} needs each of %Y, %m and %d once"));
        }
    }
    Ok(out)
}

/// Reads a date off the start of `s`: the date and the bytes it took.
fn match_date(fmt: &[DatePart], s: &str) -> Option<(String, usize)> {
    let (mut y, mut m, mut d) = ("", "", "");
    let mut at = 0;
    for p in fmt {
        let digits = |n: usize| s.get(at..at + n).filter(|t| t.bytes().all(|b| b.is_ascii_digit()));
        match p {
            DatePart::Year => {
                y = digits(4)?;
                at += 4;
            }
            DatePart::Month => {
                m = digits(2)?;
                at += 2;
            }
            DatePart::Day => {
                d = digits(2)?;
                at += 2;
            }
            DatePart::Lit(c) => {
                if !s[at..].starts_with(*c) {
                    return None;
                }
                at += c.len_utf8();
            }
        }
    }
    Some((format!("{y}-{m}-{d}"), at))
}

/// Backtracking match of the parts against the whole of `s`. Fields take
/// the shortest text that lets the rest match.
fn match_parts(parts: &[Part], s: &str, facts: &mut PathFacts) -> bool {
    let Some((first, rest)) = parts.split_first() else { return s.is_empty() };
    match first {
        Part::Lit(l) => s.strip_prefix(l.as_str()).is_some_and(|t| match_parts(rest, t, facts)),
        Part::Date(fmt) => match match_date(fmt, s) {
            Some((date, n)) => {
                let saved = facts.date.replace(date);
                if match_parts(rest, &s[n..], facts) {
                    return true;
                }
                facts.date = saved;
                false
            }
            None => false,
        },
        field => {
            for (i, c) in s.char_indices() {
                let end = i + c.len_utf8();
                if c == '/' || (matches!(field, Part::Page) && !c.is_ascii_digit()) {
                    break;
                }
                let took = &s[..end];
                let saved = facts.clone();
                match field {
                    Part::Page => facts.number = took.parse().ok(),
                    Part::Label => facts.label = Some(took.to_string()),
                    Part::Source => facts.source = Some(took.to_string()),
                    _ => {}
                }
                if (!matches!(field, Part::Page) || facts.number.is_some()) && match_parts(rest, &s[end..], facts) {
                    return true;
                }
                *facts = saved;
            }
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(p: &str, path: &str) -> Option<PathFacts> {
        Pattern::parse(p).expect("pattern").matches(path).expect("no bad date")
    }

    #[test]
    fn fields_are_read_off_paths() {
        let f = facts("{date:%Y%m%d}-{page}.txt", "20240131-03.txt").expect("match");
        assert_eq!((f.date.as_deref(), f.number), (Some("2024-01-31"), Some(3)));
        let f = facts("{source}/{date}/{page}.xml", "青岛日报/2024-01-31/12.xml").expect("match");
        assert_eq!((f.source.as_deref(), f.date.as_deref(), f.number), (Some("青岛日报"), Some("2024-01-31"), Some(12)));
        let f = facts("{*}_{label}.txt", "000_第一版.txt").expect("match");
        assert_eq!(f.label.as_deref(), Some("第一版"));
        let f = facts("{source}-{date:%d.%m.%Y}.jsonl", "人民日报-31.01.2024.jsonl").expect("match");
        assert_eq!((f.source.as_deref(), f.date.as_deref()), (Some("人民日报"), Some("2024-01-31")));
    }

    #[test]
    fn paths_that_do_not_fit_do_not_match() {
        assert_eq!(facts("{date:%Y%m%d}-{page}.txt", "20240131-A3.txt"), None);
        assert_eq!(facts("{date:%Y%m%d}-{page}.txt", "2024013-3.txt"), None);
        assert_eq!(facts("{source}/{page}.xml", "a/b/3.xml"), None);
        assert_eq!(facts("{page}.txt", "3.xml"), None);
    }

    #[test]
    fn impossible_dates_and_bad_patterns_are_errors() {
        let p = Pattern::parse("{date:%Y%m%d}.txt").expect("pattern");
        assert!(p.matches("20241341.txt").expect_err("month 13").contains("2024-13-41"));
        assert!(p.matches("20230229.txt").expect_err("not a leap year").contains("2023-02-29"));
        assert!(p.matches("20240229.txt").is_ok());
        for bad in ["{date", "page}", "{pages}.txt", "{date:%Y%m}.txt", "{source}{page}.txt", "{date:%Q}", ""] {
            assert!(Pattern::parse(bad).is_err(), "{bad}");
        }
    }
}
