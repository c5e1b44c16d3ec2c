//! Reading the seed folder: every `*.txt` file (one printed page each) and
//! the optional manifest `corpus.toml`.
//!
//! What a seed file may be:
//! - UTF-8, with or without a byte-order mark (the mark is dropped);
//! - UTF-16 with a byte-order mark (converted);
//! - GB18030 / GBK (converted with `encoding_rs`) when the bytes are not
//!   UTF-8 but are valid GB18030 *and* read as Chinese text: at least half of
//!   the non-ASCII characters are CJK ideographs or CJK punctuation.
//!   Anything else that is not UTF-8 is refused with the byte offset and line
//!   of the first bad byte;
//! - any line ending (`\n`, `\r\n`, `\r`);
//! - at most [`MAX_SEED_BYTES`] bytes (the corpus is embedded in the app).
//!
//! Refused, with one message naming the file (and line and byte offset where
//! there is one): an empty file, a file of only whitespace, a binary file
//! (NUL or other control bytes), a file name that is not UTF-8 or contains
//! `#` (article ids are `<stem>#<n>`), a malformed manifest, a manifest entry
//! naming a file that is not there. Nothing is skipped silently.

use std::fmt;
use std::path::{Path, PathBuf};
use crate::{Manifest, PageError, SeedFile};
use xunyue_core::chars::{is_cjk_punct, is_han};

/// Largest seed file accepted: a printed page is a few tens of KB.
pub const MAX_SEED_BYTES: usize = 4 * 1024 * 1024;

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
    TooLarge { path: PathBuf, bytes: u64 },
    /// A file name that cannot be a page stem.
    Name { path: PathBuf, why: &'static str },
    /// The manifest does not parse.
    Manifest { path: PathBuf, line: Option<usize>, column: Option<usize>, message: String },
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
            SeedError::Empty { path } => write!(f, "{}: no .txt seed files", path.display()),
            SeedError::NoText { path, bytes: 0 } => write!(f, "{}: the file is empty", path.display()),
            SeedError::NoText { path, bytes } => {
                write!(f, "{}: the file holds only whitespace ({bytes} bytes)", path.display())
            }
            SeedError::TooLarge { path, bytes } => write!(
                f,
                "{}: {bytes} bytes; a seed page may be at most {MAX_SEED_BYTES} bytes",
                path.display()
            ),
            SeedError::Name { path, why } => write!(f, "{}: bad file name: {why}", path.display()),
            SeedError::Manifest { path, line: Some(l), column: Some(c), message } => {
                write!(f, "{}:{l}:{c}: {message}", path.display())
            }
            SeedError::Manifest { path, message, .. } => write!(f, "{}: {message}", path.display()),
            SeedError::Page(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for SeedError {}

/// The seed folder, read.
#[derive(Debug, Clone, Default)]
pub struct Seeds {
    pub files: Vec<SeedFile>,
    pub manifest: Manifest,
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

/// The page stem of a seed file path.
fn stem_of(path: &Path) -> Result<String, SeedError> {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .ok_or(SeedError::Name { path: path.to_path_buf(), why: "not valid UTF-8" })?;
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

/// Reads every `*.txt` file of the folder (sorted by name) and the manifest.
pub fn read_seeds(dir: &Path) -> Result<Seeds, SeedError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| SeedError::Io { path, error }
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            paths.push(path);
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(SeedError::Empty { path: dir.to_path_buf() });
    }
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let stem = stem_of(&path)?;
        let size = std::fs::metadata(&path).map_err(io(&path))?.len();
        if size > MAX_SEED_BYTES as u64 {
            return Err(SeedError::TooLarge { path, bytes: size });
        }
        let bytes = std::fs::read(&path).map_err(io(&path))?;
        if bytes.len() > MAX_SEED_BYTES {
            return Err(SeedError::TooLarge { path, bytes: bytes.len() as u64 });
        }
        if bytes.is_empty() {
            return Err(SeedError::NoText { path, bytes: 0 });
        }
        let text = decode(&path, &bytes)?;
        files.push(SeedFile { stem, text });
    }
    let manifest = read_manifest(dir)?;
    Ok(Seeds { files, manifest })
}

/// Reads every `*.txt` file of the folder, sorted by name (the manifest is
/// read and checked too).
pub fn read_seed_dir(dir: &Path) -> Result<Vec<SeedFile>, SeedError> {
    Ok(read_seeds(dir)?.files)
}
