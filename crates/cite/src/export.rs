//! Result lists and concordances as files: CSV (RFC 4180: fields with a
//! comma, a quote or a line break quoted, quotes doubled, lines ended by
//! CRLF, a header line first) and JSON Lines (one JSON object a line, LF).

/// One result, as exported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row<'a> {
    pub id: &'a str,
    pub date: &'a str,
    pub source: &'a str,
    pub page: &'a str,
    pub title: &'a str,
    pub byline: &'a str,
    pub hits: u32,
    pub permalink: &'a str,
    pub snippet: &'a str,
}

/// One line of a concordance: a hit and its context.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line<'a> {
    pub id: &'a str,
    pub date: &'a str,
    pub source: &'a str,
    pub left: &'a str,
    pub hit: &'a str,
    pub right: &'a str,
}

/// The columns of [`results_csv`] and the keys of [`results_jsonl`], in
/// order.
pub const RESULT_COLUMNS: [&str; 9] = ["id", "date", "source", "page", "title", "byline", "hits", "permalink", "snippet"];
/// The columns of [`concordance_csv`].
pub const CONCORDANCE_COLUMNS: [&str; 6] = ["id", "date", "source", "left", "hit", "right"];

/// Appends one CSV field.
fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn csv_line<'s>(out: &mut String, fields: impl IntoIterator<Item = &'s str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f);
    }
    out.push_str("\r\n");
}

/// Results as CSV.
pub fn results_csv(rows: &[Row]) -> String {
    let mut out = String::new();
    csv_line(&mut out, RESULT_COLUMNS);
    for r in rows {
        let hits = r.hits.to_string();
        csv_line(&mut out, [r.id, r.date, r.source, r.page, r.title, r.byline, hits.as_str(), r.permalink, r.snippet]);
    }
    out
}

/// A concordance as CSV.
pub fn concordance_csv(lines: &[Line]) -> String {
    let mut out = String::new();
    csv_line(&mut out, CONCORDANCE_COLUMNS);
    for l in lines {
        csv_line(&mut out, [l.id, l.date, l.source, l.left, l.hit, l.right]);
    }
    out
}

/// Appends `s` as a JSON string.
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Results as JSON Lines: `{"id", "date", "source", "page", "title",
/// "byline", "hits", "permalink", "snippet"}`, `hits` a number, the rest
/// strings.
pub fn results_jsonl(rows: &[Row]) -> String {
    let mut out = String::new();
    for r in rows {
        let strs = [r.id, r.date, r.source, r.page, r.title, r.byline];
        out.push('{');
        for (k, v) in RESULT_COLUMNS.iter().zip(strs) {
            json_str(&mut out, k);
            out.push(':');
            json_str(&mut out, v);
            out.push(',');
        }
        out.push_str("\"hits\":");
        out.push_str(&r.hits.to_string());
        out.push_str(",\"permalink\":");
        json_str(&mut out, r.permalink);
        out.push_str(",\"snippet\":");
        json_str(&mut out, r.snippet);
        out.push_str("}\n");
    }
    out
}

/// The app's link to an article: `base` (the app's address, its own hash
/// left out) then `#a=` and the id, percent-encoded (UTF-8) but for
/// unreserved chars.
pub fn permalink(base: &str, id: &str) -> String {
    let base = base.split('#').next().unwrap_or("");
    let mut out = String::with_capacity(base.len() + 3 + id.len() * 3);
    out.push_str(base);
    out.push_str("#a=");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b >> 4)]));
            out.push(char::from(b"0123456789ABCDEF"[usize::from(b & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An RFC 4180 reader, to read exports back.
    fn read_csv(s: &str) -> Vec<Vec<String>> {
        let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
        let mut chars = s.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => field.push(c),
            }
        }
        assert!(!quoted && field.is_empty() && row.is_empty(), "ends with a line end");
        rows
    }

    fn hostile() -> Row<'static> {
        Row {
            id: "p-1#2",
            date: "2021-03-04",
            source: "海滨日报",
            page: "p-1",
            title: "“引号”, 逗号 \"quoted\"",
            byline: "本报记者 刘腾\r\n摄影",
            hits: 3,
            permalink: "https://x.example/#a=p-1%232",
            snippet: "…基因\t测序\u{1}…",
        }
    }

    #[test]
    fn csv_quotes_what_rfc_4180_says_and_reads_back() {
        let rows = [hostile(), Row { id: "plain", ..Row::default() }];
        let csv = results_csv(&rows);
        assert!(csv.starts_with("id,date,source,page,title,byline,hits,permalink,snippet\r\n"));
        let back = read_csv(&csv);
        assert_eq!(back.len(), 3);
        let h = hostile();
        assert_eq!(back[1], [h.id, h.date, h.source, h.page, h.title, h.byline, "3", h.permalink, h.snippet]);
        assert_eq!(back[2][0], "plain");
        let lines = [Line { id: "a", date: "", source: "s", left: "左,", hit: "\"中\"", right: "右\n" }];
        assert_eq!(read_csv(&concordance_csv(&lines))[1], ["a", "", "s", "左,", "\"中\"", "右\n"]);
    }

    #[test]
    fn jsonl_is_one_escaped_object_a_line() {
        let out = results_jsonl(&[hostile(), Row::default()]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("{\"id\":\"p-1#2\",\"date\":\"2021-03-04\","));
        assert!(lines[0].contains("\"byline\":\"本报记者 刘腾\\r\\n摄影\""));
        assert!(lines[0].contains("\"hits\":3,") && lines[0].contains("\\t测序\\u0001"));
        assert!(lines[0].contains("\\\"quoted\\\""));
        assert_eq!(lines[1], "{\"id\":\"\",\"date\":\"\",\"source\":\"\",\"page\":\"\",\"title\":\"\",\"byline\":\"\",\"hits\":0,\"permalink\":\"\",\"snippet\":\"\"}");
    }

    #[test]
    fn permalinks_encode_the_id() {
        assert_eq!(permalink("https://x.example/app/#q=old", "hb-20210304-01#2"), "https://x.example/app/#a=hb-20210304-01%232");
        assert_eq!(permalink("", "海"), "#a=%E6%B5%B7");
    }
}
