//! Already segmented articles as JSON Lines: one JSON object per line, the
//! export format of many digital archives.
//!
//! ```json
//! {"title": "…", "text": "…", "date": "2024-01-31", "source": "青岛日报", "page": 3, "byline": "本报记者 刘腾"}
//! ```
//!
//! | field | type | |
//! |---|---|---|
//! | `text` | string, or array of strings | required: the body, one paragraph per line (or per array item) |
//! | `title` | string | the headline; without one, ingest makes a title of the first sentence |
//! | `kicker`, `subtitle`, `byline` | string | as printed |
//! | `authors` | string or array of strings | names; else ingest reads them off the byline |
//! | `date` | string | `YYYY-MM-DD`, optionally followed by a time (`2024-01-31T08:00:00+08:00`: the date is kept) |
//! | `source` | string | newspaper |
//! | `page` | integer, or string | page number (`3`, `"03"`), or page label (`"A3"`, `"第一版"`) |
//! | `page_label` | string | the page's label as printed, beside its number (`"第一版"`) |
//! | `id` | string | the article's own id in the archive it comes from: kept as its id (unique in the corpus) |
//!
//! `null` is the same as a missing field. Any other field is an error naming
//! it, unless the manifest lists it in `[jsonl] ignore_fields`: nothing a
//! file holds is dropped without a word. Blank lines are skipped. Errors name
//! the file, the line and (for JSON syntax) the column.
//!
//! Parsed with `serde_json`, the reference JSON implementation of the Rust
//! ecosystem: exact line/column positions in its errors, no other
//! dependency.

use crate::manifest::is_iso_date;
use crate::seeds::{line_of, SeedError};
use serde_json::{Map, Value};
use std::path::Path;

/// Largest JSON Lines file accepted (it holds many pages' articles).
pub const MAX_JSONL_BYTES: usize = 256 * 1024 * 1024;

/// The fields read, in the order of the docs.
pub const FIELDS: [&str; 11] =
    ["text", "title", "kicker", "subtitle", "byline", "authors", "date", "source", "page", "page_label", "id"];

/// A page number or a page label, as a record gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageRef {
    Number(u32),
    Label(String),
}

/// One article record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// 1-based line of the file.
    pub line: u32,
    pub title: Option<String>,
    /// Paragraphs (the text's lines, or the array's items), as given.
    pub text: Vec<String>,
    pub kicker: Option<String>,
    pub subtitle: Option<String>,
    pub byline: Option<String>,
    pub authors: Vec<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    pub page: Option<PageRef>,
    pub page_label: Option<String>,
    /// The article's own id.
    pub id: Option<String>,
}

/// One JSON Lines file, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecordFile {
    /// Path relative to the source folder (`/` between folders).
    pub file: String,
    /// The path without extension: the stem its pages are named after.
    pub stem: String,
    pub records: Vec<Record>,
    /// Source and date the file-name patterns give (for records without).
    pub source: Option<String>,
    pub date: Option<String>,
}

fn error(path: &Path, line: usize, column: Option<usize>, message: String) -> SeedError {
    SeedError::Format { path: path.to_path_buf(), line: Some(line), column, message }
}

fn string(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parses one record line.
fn record(path: &Path, line: usize, text: &str, ignore: &[String]) -> Result<Record, SeedError> {
    let map: Map<String, Value> = serde_json::from_str(text).map_err(|e| {
        let message = if e.is_data() { "a record must be a JSON object".to_string() } else { format!("JSON: {e}") };
        // The message ends with " at line 1 column N": that is said apart.
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        error(path, line, Some(e.column()), message)
    })?;
    let bad = |field: &str, want: &str, v: &Value| error(path, line, None, format!("field \"{field}\": expected {want}, found {}", kind(v)));
    let mut r = Record { line: line as u32, ..Record::default() };
    let mut has_text = false;
    for (key, v) in &map {
        if v.is_null() && FIELDS.contains(&key.as_str()) {
            continue;
        }
        let text_of = |v: &Value| string(v).ok_or_else(|| bad(key, "a string", v));
        match key.as_str() {
            "text" => {
                r.text = match v {
                    Value::String(s) => s.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l).to_string()).collect(),
                    Value::Array(items) => items.iter().map(|i| string(i).ok_or_else(|| bad(key, "a string or an array of strings", i))).collect::<Result<_, _>>()?,
                    other => return Err(bad(key, "a string or an array of strings", other)),
                };
                has_text = true;
            }
            "title" => r.title = Some(text_of(v)?),
            "kicker" => r.kicker = Some(text_of(v)?),
            "subtitle" => r.subtitle = Some(text_of(v)?),
            "byline" => r.byline = Some(text_of(v)?),
            "source" => r.source = Some(text_of(v)?).filter(|s| !s.trim().is_empty()),
            "page_label" => r.page_label = Some(text_of(v)?.trim().to_string()).filter(|s| !s.is_empty()),
            "id" => {
                let id = text_of(v)?.trim().to_string();
                if id.is_empty() {
                    return Err(error(path, line, None, "field \"id\": empty".to_string()));
                }
                r.id = Some(id);
            }
            "authors" => {
                r.authors = match v {
                    Value::String(s) => vec![s.clone()],
                    Value::Array(items) => items.iter().map(|i| string(i).ok_or_else(|| bad(key, "a string or an array of strings", i))).collect::<Result<_, _>>()?,
                    other => return Err(bad(key, "a string or an array of strings", other)),
                };
                r.authors.retain(|a| !a.trim().is_empty());
            }
            "date" => {
                let d = text_of(v)?;
                let day = d.get(..10).filter(|day| is_iso_date(day) && matches!(d.as_bytes().get(10), None | Some(b'T' | b' ')));
                match day {
                    Some(day) => r.date = Some(day.to_string()),
                    None => return Err(error(path, line, None, format!("field \"date\": {d:?} is not YYYY-MM-DD"))),
                }
            }
            "page" => {
                r.page = Some(match v {
                    Value::Number(n) => match n.as_u64().and_then(|n| u32::try_from(n).ok()) {
                        Some(n) => PageRef::Number(n),
                        None => return Err(error(path, line, None, format!("field \"page\": {n} is not a page number"))),
                    },
                    Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => match s.parse() {
                        Ok(n) => PageRef::Number(n),
                        Err(_) => return Err(error(path, line, None, format!("field \"page\": {s} is not a page number"))),
                    },
                    Value::String(s) if !s.trim().is_empty() => PageRef::Label(s.trim().to_string()),
                    other => return Err(bad(key, "a page number or a page label", other)),
                });
            }
            k if ignore.iter().any(|i| i == k) => {}
            k => {
                return Err(error(
                    path,
                    line,
                    None,
                    format!(
                        "unknown field \"{k}\" (read: {}); to leave it out, list it in corpus.toml: [jsonl] ignore_fields = [\"{k}\"]",
                        FIELDS.join(", ")
                    ),
                ))
            }
        }
    }
    if !has_text || r.text.iter().all(|l| l.trim().is_empty()) {
        return Err(error(path, line, None, "the record has no \"text\"".to_string()));
    }
    Ok(r)
}

/// Reads one JSON Lines file (`bytes`, with `path` for errors).
pub fn read_records(path: &Path, bytes: &[u8], ignore: &[String]) -> Result<Vec<Record>, SeedError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let skip = bytes.len() - body.len();
    let text = std::str::from_utf8(body).map_err(|e| {
        let offset = skip + e.valid_up_to();
        SeedError::Encoding { path: path.to_path_buf(), offset, line: line_of(bytes, offset) }
    })?;
    let mut out = Vec::new();
    for (i, l) in text.split('\n').enumerate() {
        let l = l.strip_suffix('\r').unwrap_or(l);
        if l.trim().is_empty() {
            continue;
        }
        out.push(record(path, i + 1, l, ignore)?);
    }
    if out.is_empty() {
        return Err(SeedError::NoText { path: path.to_path_buf(), bytes: bytes.len() });
    }
    Ok(out)
}
