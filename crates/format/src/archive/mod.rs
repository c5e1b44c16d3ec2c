//! The sharded archive: a small root file and content-named shard files that
//! any static host serves, read as a query needs them.
//!
//! # Files
//!
//! ```text
//! root.bin              the root: read first; every other path follows from it
//! u/<build>/<i>.bin     one-char postings: per char, per article, how often and
//!                       what it weighs (shard i: a key range of chars)
//! p/<build>/<i>.bin     pair postings: per pair of adjacent chars, where in the
//!                       archive (positions and word-boundary bits); with the
//!                       vocabulary words starting with the pair
//! s/<build>/<i>.bin     pair summaries: for the frequent pairs only, per article
//!                       how often and what it weighs (what a query of those two
//!                       chars alone needs, without positions)
//! a/<build>/<d>.bin     article d: its record (title, byline, blocks …)
//! f/<build>/<kind>.bin  the values of one facet kind, per article
//! ```
//!
//! `<build>` is the build id in 12 hex digits: a hash of everything the
//! archive holds, so every name is content-derived — a file can be cached
//! forever (`immutable`), and a new build of other content uses new names.
//! (Per-shard content hashes would buy nothing more: a new build changes
//! every shard anyway, since adding one article renumbers the ones after
//! it.) The root's name is fixed (cache it briefly).
//!
//! Every file is a gzip stream (so any host serves it as is, and its CRC
//! catches a truncated or damaged file) of a **payload** that starts with a
//! [`Header`]: `"XYA"`, the format version, the file kind and the build id,
//! so that a file from another build or of another kind is refused by name.
//!
//! Integers are LEB128 varints ([`xunyue_core::varint`]); the root and the
//! article records are postcard (varints, length-prefixed sequences, strings
//! of the texts as UTF-16LE). The layout of each part is documented next to
//! its decoder: [`root`], [`postings`], [`records`].
//!
//! # Why this shape
//!
//! Exact results need every occurrence of a query, counted, without the text
//! of every candidate article: positions of every pair of adjacent chars
//! give that (a needle of n ≥ 2 chars is where its pairs line up), and only
//! the pairs of the query are read. One-char queries read a per-char list
//! of counts and weights instead of positions. The articles' own texts are
//! read only for the results shown (snippets) and the reader.

pub mod bits;
pub mod postings;
pub mod records;
pub mod root;

use crate::FormatError;

/// Version of the sharded format; every payload carries it.
pub const ARCHIVE_VERSION: u8 = 3;

/// The root's file name.
pub const ROOT_FILE: &str = "root.bin";

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Root = 1,
    Unigrams = 2,
    Pairs = 3,
    Summaries = 4,
    Article = 5,
    Facet = 6,
}

impl Kind {
    fn from_u8(b: u8) -> Option<Kind> {
        Some(match b {
            1 => Kind::Root,
            2 => Kind::Unigrams,
            3 => Kind::Pairs,
            4 => Kind::Summaries,
            5 => Kind::Article,
            6 => Kind::Facet,
            _ => return None,
        })
    }

    /// The folder of its files.
    pub fn dir(self) -> &'static str {
        match self {
            Kind::Root => "",
            Kind::Unigrams => "u",
            Kind::Pairs => "p",
            Kind::Summaries => "s",
            Kind::Article => "a",
            Kind::Facet => "f",
        }
    }
}

/// The first 13 bytes of every payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    pub kind: Kind,
    pub build: u64,
}

pub const MAGIC: &[u8; 3] = b"XYA";
pub const HEADER_LEN: usize = 13;

impl Header {
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        out.push(ARCHIVE_VERSION);
        out.push(self.kind as u8);
        out.extend_from_slice(&self.build.to_le_bytes());
    }

    /// Reads and checks the header of the payload of `file`: it must be of
    /// `kind` and, when `build` is given, of that build. Returns the rest.
    pub fn check<'a>(file: &str, payload: &'a [u8], kind: Kind, build: Option<u64>) -> Result<&'a [u8], FormatError> {
        let bad = |offset: usize, message: String| FormatError::File { file: file.to_string(), offset, message };
        if payload.len() < HEADER_LEN || &payload[..3] != MAGIC {
            return Err(bad(0, "not a file of a Xunyue archive (no XYA header)".into()));
        }
        if payload[3] != ARCHIVE_VERSION {
            return Err(bad(3, format!("archive format version {}, this engine reads {ARCHIVE_VERSION}", payload[3])));
        }
        match Kind::from_u8(payload[4]) {
            Some(k) if k == kind => {}
            other => return Err(bad(4, format!("a {other:?} file where a {kind:?} file was expected"))),
        }
        let mut b = [0u8; 8];
        b.copy_from_slice(&payload[5..13]);
        let found = u64::from_le_bytes(b);
        if let Some(want) = build {
            if found != want {
                return Err(bad(
                    5,
                    format!("from another build of the archive ({found:016x}, the root is {want:016x}): the archive was updated; reload"),
                ));
            }
        }
        Ok(&payload[HEADER_LEN..])
    }

    /// The build id of a payload's header, unchecked.
    pub fn build_of(payload: &[u8]) -> Option<u64> {
        let b = payload.get(5..13)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Some(u64::from_le_bytes(a))
    }
}

/// FNV-1a, 64 bits: the content hash that names the files (not a
/// cryptographic hash: names only need to differ when contents do).
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The 48-bit name hash of a payload.
pub fn hash48(payload: &[u8]) -> u64 {
    fnv64(payload) & 0xFFFF_FFFF_FFFF
}

/// 12 lowercase hex digits.
pub fn hex48(h: u64) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    (0..12).rev().map(|i| HEX[((h >> (i * 4)) & 15) as usize] as char).collect()
}

/// The path of shard `i` of `kind` of build `build`.
pub fn shard_path(kind: Kind, build: u64, i: usize) -> String {
    format!("{}/{}/{i}.bin", kind.dir(), hex48(build))
}

/// The path of article `doc`'s record.
pub fn article_path(build: u64, doc: u32) -> String {
    format!("a/{}/{doc}.bin", hex48(build))
}

/// The path of the facet file of `kind`.
pub fn facet_path(build: u64, kind: &str) -> String {
    format!("f/{}/{kind}.bin", hex48(build))
}

/// A reader of varints and bytes that names its file and offset in errors.
pub struct Reader<'a> {
    file: &'a str,
    bytes: &'a [u8],
    at: usize,
    /// Added to offsets in errors (the header before `bytes`).
    base: usize,
}

impl<'a> Reader<'a> {
    pub fn new(file: &'a str, bytes: &'a [u8], base: usize) -> Reader<'a> {
        Reader { file, bytes, at: 0, base }
    }

    pub fn error(&self, message: impl Into<String>) -> FormatError {
        FormatError::File { file: self.file.to_string(), offset: self.base + self.at, message: message.into() }
    }

    pub fn at(&self) -> usize {
        self.at
    }

    pub fn is_empty(&self) -> bool {
        self.at >= self.bytes.len()
    }

    pub fn u64(&mut self) -> Result<u64, FormatError> {
        xunyue_core::varint::get(self.bytes, &mut self.at).ok_or_else(|| self.error("truncated or bad varint"))
    }

    pub fn u32(&mut self) -> Result<u32, FormatError> {
        let v = self.u64()?;
        u32::try_from(v).map_err(|_| self.error(format!("value {v} out of range")))
    }

    /// A count of items each taking at least one byte: never more than the
    /// bytes left, so a corrupt count cannot ask for a huge allocation.
    pub fn count(&mut self) -> Result<usize, FormatError> {
        let n = self.u64()?;
        let left = (self.bytes.len() - self.at.min(self.bytes.len())) as u64;
        if n > left {
            return Err(self.error(format!("count {n} larger than the {left} bytes left")));
        }
        Ok(n as usize)
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or_else(|| self.error("truncated"))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    pub fn byte(&mut self) -> Result<u8, FormatError> {
        Ok(self.bytes(1)?[0])
    }

    pub fn char(&mut self) -> Result<char, FormatError> {
        let v = self.u32()?;
        char::from_u32(v).ok_or_else(|| self.error(format!("U+{v:X} is not a char")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_name_what_is_wrong() {
        let mut p = Vec::new();
        Header { kind: Kind::Pairs, build: 7 }.write(&mut p);
        p.push(42);
        assert_eq!(Header::check("p/x.bin", &p, Kind::Pairs, Some(7)), Ok(&[42u8][..]));
        let e = Header::check("p/x.bin", &p, Kind::Pairs, Some(8)).unwrap_err().to_string();
        assert!(e.contains("p/x.bin") && e.contains("another build"), "{e}");
        let e = Header::check("p/x.bin", &p, Kind::Unigrams, None).unwrap_err().to_string();
        assert!(e.contains("Unigrams"), "{e}");
        let e = Header::check("p/x.bin", &p[..5], Kind::Pairs, None).unwrap_err().to_string();
        assert!(e.contains("no XYA header"), "{e}");
        let mut v = p.clone();
        v[3] = 9;
        assert!(Header::check("p/x.bin", &v, Kind::Pairs, None).unwrap_err().to_string().contains("version 9"));
    }

    #[test]
    fn names() {
        assert_eq!(hex48(0xabc), "000000000abc");
        assert_eq!(shard_path(Kind::Unigrams, 1, 7), "u/000000000001/7.bin");
        assert_eq!(article_path(0xff, 257), "a/0000000000ff/257.bin");
        assert_eq!(facet_path(2, "org"), "f/000000000002/org.bin");
        assert_ne!(hash48(b"a"), hash48(b"b"));
    }

    #[test]
    fn reader_refuses_what_does_not_fit() {
        let mut r = Reader::new("x", &[0x05, 1, 2], 13);
        assert!(r.count().unwrap_err().to_string().contains("x: offset 14"), "named with the header's offset");
        let mut r = Reader::new("x", &[0x80], 0);
        assert!(r.u64().is_err());
        let mut r = Reader::new("x", &[0xff, 0xff, 0xff, 0xff, 0x7f], 0);
        assert!(r.u32().is_err());
    }
}
