//! Reading the seed folder: every page file in it and in its subfolders
//! (sorted by path; names starting with `.` are skipped) and the optional
//! manifest `corpus.toml`:
//!
//! - `*.txt`: one printed page of OCR text each;
//! - `*.xml`: one ALTO XML page each ([`crate::alto`]), read into page text;
//! - `*.jsonl`: articles already segmented, one JSON object a line
//!   ([`crate::jsonl`]).
//!
//! Other files are left alone. A page's stem (its id) is its path in the
//! folder without the extension, `/` between folders: `000_4f4c…` for
//! `000_4f4c….txt`, `青岛日报/20240131/3` for `青岛日报/20240131/3.xml`. Two
//! files with one stem (`3.txt`, `3.xml`) are an error. The manifest's
//! file-name patterns ([`crate::pattern`]) are applied here: their facts are
//! filled into [`Seeds::manifest`] for every page file they match (an
//! entry of the page itself wins) and into [`RecordFile`] for JSON Lines.
//!
//! What a text page (or the bytes of an ALTO file) may be:
//! - UTF-8, with or without a byte-order mark (the mark is dropped);
//! - UTF-16 with a byte-order mark (converted);
//! - GB18030 / GBK (converted with `encoding_rs`) when the bytes are not
//!   UTF-8 but are valid GB18030 *and* read as Chinese text: at least half of
//!   the non-ASCII characters are CJK ideographs or CJK punctuation.
//!   Anything else that is not UTF-8 is refused with the byte offset and line
//!   of the first bad byte;
//! - any line ending (`\n`, `\r\n`, `\r`);
//! - at most [`MAX_SEED_BYTES`] bytes (the corpus is embedded in the app);
//!   ALTO files, which spend ten bytes of markup on each of text, at most
//!   [`MAX_XML_BYTES`].
//!
//! Refused, with one message naming the file (and line and byte offset where
//! there is one): an empty file, a file of only whitespace, a binary file
//! (NUL or other control bytes), a file name that is not UTF-8 or contains
//! `#` (article ids are `<stem>#<n>`), a malformed manifest, a manifest entry
//! naming a file that is not there. Nothing is skipped silently.

use std::fmt;
use std::path::{Path, PathBuf};
use crate::jsonl::{read_records, RecordFile, MAX_JSONL_BYTES};
use crate::pattern::{PathFacts, Pattern};
use crate::{Manifest, PageError, SeedFile};
use xunyue_core::chars::{is_cjk_punct, is_han};

/// Largest seed file accepted: a printed page is a few tens of KB.
pub const MAX_SEED_BYTES: usize = 4 * 1024 * 1024;

/// Largest ALTO file accepted.
pub const MAX_XML_BYTES: usize = 64 * 1024 * 1024;

/// The manifest's file name, in the seed folder.
pub const MANIFEST: &str = "corpus.toml";

#[derive(Debug)]
pub enum SeedError {
    /// The folder or a file could not be read.
    Io { path: PathBuf, error: std::io::Error },
    /// A file is not valid UTF-8 (nor Chinese GB18030): the first bad byte.
    Encoding { path: PathBuf, offset: usize, line: usize },
    /// A file holds NUL or control bytes.
    Binary { path: PathBuf, offset: usize, line: usize, byte: u32 },
    /// The folder holds no seed file.
    Empty { path: PathBuf },
    /// A seed file is empty or holds only whitespace.
    NoText { path: PathBuf, bytes: usize },
    /// A seed file is larger than [`MAX_SEED_BYTES`].
    TooLarge { path: PathBuf, bytes: u64, max: usize },
    /// A file name that cannot be a page stem.
    Name { path: PathBuf, why: &'static str },
    /// Two files that would make one page (`3.txt` and `3.xml`).
    SameStem { path: PathBuf, other: String },
    /// The manifest does not parse.
    Manifest { path: PathBuf, line: Option<usize>, column: Option<usize>, message: String },
    /// A page file or record file that does not read as its format says
    /// (JSON Lines, ALTO XML): file, line and column where known.
    Format { path: PathBuf, line: Option<usize>, column: Option<usize>, message: String },
    /// A page or manifest entry that ingest or the manifest check refuses.
    Page(PageError),
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeedError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            SeedError::Encoding { path, offset, line } => write!(
                f,
                "{}:{line}: not valid UTF-8 (nor GB18030 Chinese text) at byte offset {offset}",
                path.display()
            ),
            SeedError::Binary { path, offset, line, byte } => write!(
                f,
                "{}:{line}: binary data (control character U+{byte:04X}) at byte offset {offset}; a seed must be plain text",
                path.display()
            ),
            SeedError::Empty { path } => {
                write!(f, "{}: no page files (.txt text pages, .xml ALTO pages, .jsonl articles)", path.display())
            }
            SeedError::NoText { path, bytes: 0 } => write!(f, "{}: the file is empty", path.display()),
            SeedError::NoText { path, bytes } => {
                write!(f, "{}: the file holds only whitespace ({bytes} bytes)", path.display())
            }
            SeedError::TooLarge { path, bytes, max } => write!(
                f,
                "{}: {bytes} bytes; a seed page may be at most {max} bytes",
                path.display()
            ),
            SeedError::SameStem { path, other } => write!(
                f,
                "{}: {other} makes the same page; a page file's name without its extension must be unique",
                path.display()
            ),
            SeedError::Name { path, why } => write!(f, "{}: bad file name: {why}", path.display()),
            SeedError::Manifest { path, line: Some(l), column: Some(c), message } => {
                write!(f, "{}:{l}:{c}: {message}", path.display())
            }
            SeedError::Manifest { path, message, .. } => write!(f, "{}: {message}", path.display()),
            SeedError::Format { path, line: Some(l), column: Some(c), message } => {
                write!(f, "{}:{l}:{c}: {message}", path.display())
            }
            SeedError::Format { path, line: Some(l), column: None, message } => write!(f, "{}:{l}: {message}", path.display()),
            SeedError::Format { path, message, .. } => write!(f, "{}: {message}", path.display()),
            SeedError::Page(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for SeedError {}

/// The format of a page file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// `*.txt`: OCR page text.
    #[default]
    Text,
    /// `*.xml`: an ALTO page, read into page text.
    Alto,
    /// `*.jsonl`: article records.
    Jsonl,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Alto => "alto",
            Format::Jsonl => "jsonl",
        }
    }
}

/// Where a page text of [`Seeds::files`] came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// Path relative to the source folder, `/` between folders.
    pub file: String,
    pub format: Format,
    /// ALTO pages: the XML line of each line of the page text (see
    /// [`crate::alto::AltoPage`]); empty for text pages.
    pub xml_lines: Vec<u32>,
}

impl Origin {
    /// `file:line` of a line of the page text, in the terms of the file
    /// itself (the XML line for ALTO).
    pub fn at(&self, line: u32) -> String {
        match self.format {
            Format::Alto => match self.xml_lines.get((line as usize).wrapping_sub(1)) {
                Some(x) => format!("{}:{x}", self.file),
                None => self.file.clone(),
            },
            _ => format!("{}:{line}", self.file),
        }
    }
}

/// The seed folder, read.
#[derive(Debug, Clone, Default)]
pub struct Seeds {
    /// Every page text (`.txt` pages and ALTO pages), sorted by path.
    pub files: Vec<SeedFile>,
    /// The manifest, with the file-name patterns' facts filled in.
    pub manifest: Manifest,
    /// Where each of `files` came from (parallel to it).
    pub origins: Vec<Origin>,
    /// JSON Lines files, sorted by path.
    pub records: Vec<RecordFile>,
}

/// 1-based line of a byte offset (`\n`, `\r\n` and `\r` end lines).
pub fn line_of(bytes: &[u8], offset: usize) -> usize {
    let head = &bytes[..offset.min(bytes.len())];
    let mut line = 1;
    for (i, &b) in head.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && head.get(i + 1) != Some(&b'\n')) {
            line += 1;
        }
    }
    line
}

/// GB18030 text that reads as Chinese, or None.
fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let text = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)?;
    let (mut cjk, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        if is_han(c) || is_cjk_punct(c) {
            cjk += 1;
        } else {
            other += 1;
        }
    }
    (cjk > 0 && cjk >= other).then(|| text.into_owned())
}

/// Decodes the bytes of one seed file (see the module docs).
pub fn decode(path: &Path, bytes: &[u8]) -> Result<String, SeedError> {
    let p = || path.to_path_buf();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        match std::str::from_utf8(rest) {
            Ok(t) => t.to_string(),
            Err(e) => {
                let offset = 3 + e.valid_up_to();
                return Err(SeedError::Encoding { path: p(), offset, line: line_of(bytes, offset) });
            }
        }
    } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let enc = if bytes[0] == 0xFF { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        match enc.decode_without_bom_handling_and_without_replacement(&bytes[2..]) {
            Some(t) => t.into_owned(),
            None => return Err(SeedError::Encoding { path: p(), offset: 2, line: 1 }),
        }
    } else {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(SeedError::Binary { path: p(), offset, line: line_of(bytes, offset), byte: 0 });
        }
        match std::str::from_utf8(bytes) {
            Ok(t) => t.to_string(),
            Err(e) => match decode_gb18030(bytes) {
                Some(t) => t,
                None => {
                    let offset = e.valid_up_to();
                    return Err(SeedError::Encoding { path: p(), offset, line: line_of(bytes, offset) });
                }
            },
        }
    };
    // Control characters other than tab, line ends and form feed: binary.
    let mut offset = 0;
    let mut line = 1;
    let mut prev_cr = false;
    for c in text.chars() {
        let bad = (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C')) || c == '\u{FFFE}';
        if bad {
            return Err(SeedError::Binary { path: p(), offset, line, byte: c as u32 });
        }
        if c == '\n' && !prev_cr || c == '\r' {
            line += 1;
        }
        prev_cr = c == '\r';
        offset += c.len_utf8();
    }
    if text.trim().is_empty() {
        return Err(SeedError::NoText { path: p(), bytes: bytes.len() });
    }
    Ok(text)
}

/// The page stem of a seed file: its path relative to the folder, without
/// extension, `/` between folders.
fn stem_of(dir: &Path, path: &Path) -> Result<String, SeedError> {
    let bad = |why| SeedError::Name { path: path.to_path_buf(), why };
    let rel = path.strip_prefix(dir).map_err(|_| bad("outside the seed folder"))?;
    let mut parts: Vec<&str> = Vec::new();
    for c in rel.components() {
        parts.push(c.as_os_str().to_str().ok_or(bad("not valid UTF-8"))?);
    }
    if let Some(last) = parts.last_mut() {
        *last = Path::new(*last).file_stem().and_then(|s| s.to_str()).ok_or(bad("not valid UTF-8"))?;
    }
    let stem = parts.join("/");
    let stem = stem.as_str();
    if stem.contains('#') {
        return Err(SeedError::Name { path: path.to_path_buf(), why: "contains '#', which article ids use" });
    }
    if stem.trim().is_empty() {
        return Err(SeedError::Name { path: path.to_path_buf(), why: "empty stem" });
    }
    Ok(stem.to_string())
}

/// Reads a UTF-8 side file of the seed folder (manifest, gazetteer), without a
/// leading BOM; `None` when the file does not exist. Errors name the file and
/// the line and byte offset of bad UTF-8.
pub fn read_optional_text(path: &Path) -> Result<Option<String>, SeedError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(SeedError::Io { path: path.to_path_buf(), error }),
    };
    match std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)) {
        Ok(t) => Ok(Some(t.to_string())),
        Err(e) => {
            let offset = e.valid_up_to();
            Err(SeedError::Encoding { path: path.to_path_buf(), offset, line: line_of(&bytes, offset) })
        }
    }
}

/// Reads and parses the manifest (an absent manifest is an empty one).
pub fn read_manifest(dir: &Path) -> Result<Manifest, SeedError> {
    let path = dir.join(MANIFEST);
    let Some(text) = read_optional_text(&path)? else {
        return Ok(Manifest::default());
    };
    toml::from_str::<Manifest>(&text).map_err(|e| {
        let (line, column) = match e.span() {
            Some(span) => {
                let before = &text[..span.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                (Some(line), Some(column))
            }
            None => (None, None),
        };
        SeedError::Manifest { path, line, column, message: e.message().split('\n').map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("; ") }
    })
}

/// The format a file name says, if it is a page file.
fn format_of(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" => Some(Format::Text),
        "xml" => Some(Format::Alto),
        "jsonl" => Some(Format::Jsonl),
        _ => None,
    }
}

/// Every page file under `dir`, depth first, skipping names that start
/// with `.`.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), SeedError> {
    let io = |error| SeedError::Io { path: dir.to_path_buf(), error };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        if entry.file_name().to_str().is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        let kind = entry.file_type().map_err(|error| SeedError::Io { path: path.clone(), error })?;
        // A link is followed (to a file or a folder) like what it points to.
        let is_dir = kind.is_dir() || (kind.is_symlink() && path.is_dir());
        if is_dir {
            walk(&path, out)?;
        } else if format_of(&path).is_some() {
            out.push(path);
        }
    }
    Ok(())
}

/// Path relative to the folder, `/` between folders (for messages and
/// patterns).
fn rel_name(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
}

/// Reads a file of at most `max` bytes.
fn read_capped(path: &Path, max: usize) -> Result<Vec<u8>, SeedError> {
    let io = |error| SeedError::Io { path: path.to_path_buf(), error };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > max as u64 {
        return Err(SeedError::TooLarge { path: path.to_path_buf(), bytes: size, max });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    if bytes.len() > max {
        return Err(SeedError::TooLarge { path: path.to_path_buf(), bytes: bytes.len() as u64, max });
    }
    if bytes.is_empty() {
        return Err(SeedError::NoText { path: path.to_path_buf(), bytes: 0 });
    }
    Ok(bytes)
}

/// The facts of the first file-name pattern that matches `rel`.
fn path_facts(manifest: &Manifest, patterns: &[Pattern], path: &Path, rel: &str) -> Result<Option<PathFacts>, SeedError> {
    for (k, (p, rule)) in patterns.iter().zip(&manifest.files).enumerate() {
        match p.matches(rel) {
            Ok(Some(mut f)) => {
                f.source = f.source.or_else(|| rule.source.clone());
                f.date = f.date.or_else(|| rule.date.clone());
                return Ok(Some(f));
            }
            Ok(None) => {}
            Err(e) => {
                return Err(SeedError::Format {
                    path: path.to_path_buf(),
                    line: None,
                    column: None,
                    message: format!("{e} (corpus.toml files[{k}].pattern = {:?})", rule.pattern),
                })
            }
        }
    }
    Ok(None)
}

/// Reads every page file of the folder and its subfolders (sorted by path)
/// and the manifest, and applies the manifest's file-name patterns.
pub fn read_seeds(dir: &Path) -> Result<Seeds, SeedError> {
    let mut paths: Vec<PathBuf> = Vec::new();
    walk(dir, &mut paths)?;
    paths.sort();
    if paths.is_empty() {
        return Err(SeedError::Empty { path: dir.to_path_buf() });
    }
    let mut manifest = read_manifest(dir)?;
    let mut patterns = Vec::with_capacity(manifest.files.len());
    for (k, rule) in manifest.files.iter().enumerate() {
        let p = Pattern::parse(&rule.pattern).map_err(|e| SeedError::Page(crate::manifest::files_error(k, "pattern", e)))?;
        patterns.push(p);
    }
    let mut seeds = Seeds::default();
    let mut stems: std::collections::BTreeMap<String, String> = Default::default();
    for path in paths {
        let stem = stem_of(dir, &path)?;
        let rel = rel_name(dir, &path);
        if let Some(other) = stems.insert(stem.clone(), rel.clone()) {
            return Err(SeedError::SameStem { path, other });
        }
        let format = format_of(&path).unwrap_or_default();
        let facts = path_facts(&manifest, &patterns, &path, &rel)?;
        match format {
            Format::Jsonl => {
                let bytes = read_capped(&path, MAX_JSONL_BYTES)?;
                let records = read_records(&path, &bytes, &manifest.jsonl.ignore_fields)?;
                let (source, date) = facts.map(|f| (f.source, f.date)).unwrap_or_default();
                seeds.records.push(RecordFile { file: rel, stem, records, source, date });
            }
            Format::Text | Format::Alto => {
                let max = if format == Format::Alto { MAX_XML_BYTES } else { MAX_SEED_BYTES };
                let bytes = read_capped(&path, max)?;
                let text = decode(&path, &bytes)?;
                let (text, xml_lines) = match format {
                    Format::Alto => {
                        let page = crate::alto::read_alto(&path, &text)?;
                        (page.text, page.xml_lines)
                    }
                    _ => (text, Vec::new()),
                };
                if let Some(f) = facts {
                    let entry = manifest.page.entry(stem.clone()).or_default();
                    entry.source = entry.source.take().or(f.source);
                    entry.date = entry.date.take().or(f.date);
                    entry.number = entry.number.or(f.number);
                    entry.label = entry.label.take().or(f.label);
                }
                seeds.files.push(SeedFile { stem, text });
                seeds.origins.push(Origin { file: rel, format, xml_lines });
            }
        }
    }
    seeds.manifest = manifest;
    Ok(seeds)
}

/// Reads every `*.txt` file of the folder, sorted by name (the manifest is
/// read and checked too).
pub fn read_seed_dir(dir: &Path) -> Result<Vec<SeedFile>, SeedError> {
    Ok(read_seeds(dir)?.files)
}
