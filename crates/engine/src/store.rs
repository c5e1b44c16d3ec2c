//! Storage: where a sharded archive's files come from. Three backends, one
//! interface: in memory ([`MemoryStore`]: tests, and the browser, which
//! fetches files asynchronously and puts them here), a directory on disk
//! ([`DirStore`]: the CLI), and through the first, HTTP in the browser.
//!
//! A store hands out payloads (the files un-gzipped); `Ok(None)` means "not
//! loaded yet": the engine then asks for it by name ([`crate::Fault`]), the
//! caller loads it and asks again. Every store counts what it read.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A source of archive files.
pub trait Storage {
    /// The payload of `path` (relative to the archive), `Ok(None)` when it
    /// is not loaded yet, `Err` (naming the file) when it cannot be had.
    fn get(&self, path: &str) -> Result<Option<Rc<[u8]>>, String>;

    /// What was read so far.
    fn stats(&self) -> ReadStats;

    /// True when `path` can be read at once (without loading it first).
    fn loaded(&self, path: &str) -> bool;
}

/// Files and bytes read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadStats {
    pub files: u64,
    /// As stored (gzip) where the store sees that, else the payload.
    pub bytes: u64,
    /// Un-gzipped.
    pub payload_bytes: u64,
}

impl ReadStats {
    pub fn since(self, before: ReadStats) -> ReadStats {
        ReadStats {
            files: self.files - before.files,
            bytes: self.bytes - before.bytes,
            payload_bytes: self.payload_bytes - before.payload_bytes,
        }
    }
}

/// Files held in memory, put there by whoever loaded them.
#[derive(Default)]
pub struct MemoryStore {
    files: RefCell<BTreeMap<String, Rc<[u8]>>>,
    /// Paths that failed to load, with why.
    failed: RefCell<BTreeMap<String, String>>,
    stats: Cell<ReadStats>,
    /// Bytes as loaded (before un-gzipping), per path, for the stats.
    sizes: RefCell<BTreeMap<String, u64>>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Puts a payload in; `stored` is its size as fetched (gzip).
    pub fn insert(&self, path: &str, payload: Rc<[u8]>, stored: u64) {
        self.failed.borrow_mut().remove(path);
        self.sizes.borrow_mut().insert(path.to_string(), stored);
        self.files.borrow_mut().insert(path.to_string(), payload);
    }

    /// Records that `path` cannot be loaded (the engine's next read of it
    /// fails with `why`).
    pub fn fail(&self, path: &str, why: String) {
        self.failed.borrow_mut().insert(path.to_string(), why);
    }

    /// Forgets that `path` failed (to load it again).
    pub fn unfail(&self, path: &str) {
        self.failed.borrow_mut().remove(path);
    }

    pub fn contains(&self, path: &str) -> bool {
        self.files.borrow().contains_key(path)
    }

    /// Paths held.
    pub fn paths(&self) -> Vec<String> {
        self.files.borrow().keys().cloned().collect()
    }
}

impl Storage for MemoryStore {
    fn get(&self, path: &str) -> Result<Option<Rc<[u8]>>, String> {
        if let Some(why) = self.failed.borrow().get(path) {
            return Err(why.clone());
        }
        let got = self.files.borrow().get(path).cloned();
        if let Some(p) = &got {
            let mut s = self.stats.get();
            s.files += 1;
            s.bytes += self.sizes.borrow().get(path).copied().unwrap_or(p.len() as u64);
            s.payload_bytes += p.len() as u64;
            self.stats.set(s);
        }
        Ok(got)
    }

    fn stats(&self) -> ReadStats {
        self.stats.get()
    }

    fn loaded(&self, path: &str) -> bool {
        self.contains(path)
    }
}

/// A sharded archive in a folder: files read on first use (and kept),
/// un-gzipped.
#[cfg(feature = "dir")]
pub struct DirStore {
    dir: std::path::PathBuf,
    files: RefCell<BTreeMap<String, Rc<[u8]>>>,
    stats: Cell<ReadStats>,
}

#[cfg(feature = "dir")]
impl DirStore {
    pub fn new(dir: impl Into<std::path::PathBuf>) -> DirStore {
        DirStore { dir: dir.into(), files: RefCell::default(), stats: Cell::default() }
    }

    /// The paths read so far.
    pub fn paths(&self) -> Vec<String> {
        self.files.borrow().keys().cloned().collect()
    }
}

#[cfg(feature = "dir")]
impl Storage for DirStore {
    fn get(&self, path: &str) -> Result<Option<Rc<[u8]>>, String> {
        if let Some(p) = self.files.borrow().get(path) {
            return Ok(Some(p.clone()));
        }
        let full = self.dir.join(path);
        let raw = std::fs::read(&full).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                format!("{}: not in the archive (the archive was rebuilt since its root was read, or a file was lost)", full.display())
            }
            _ => format!("{}: {e}", full.display()),
        })?;
        let payload = gunzip(&raw).map_err(|e| format!("{}: not a whole gzip file: {e}", full.display()))?;
        let payload: Rc<[u8]> = payload.into();
        let mut s = self.stats.get();
        s.files += 1;
        s.bytes += raw.len() as u64;
        s.payload_bytes += payload.len() as u64;
        self.stats.set(s);
        self.files.borrow_mut().insert(path.to_string(), payload.clone());
        Ok(Some(payload))
    }

    fn stats(&self) -> ReadStats {
        self.stats.get()
    }

    fn loaded(&self, _: &str) -> bool {
        true
    }
}

/// Un-gzips a whole file; its CRC and length must match.
#[cfg(feature = "dir")]
pub fn gunzip(raw: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::with_capacity(raw.len() * 3);
    flate2::read::GzDecoder::new(raw).read_to_end(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_store_counts_and_fails() {
        let m = MemoryStore::new();
        assert_eq!(m.get("a"), Ok(None));
        m.insert("a", Rc::from(&b"xyz"[..]), 2);
        assert_eq!(m.get("a").unwrap().as_deref(), Some(&b"xyz"[..]));
        assert_eq!(m.stats(), ReadStats { files: 1, bytes: 2, payload_bytes: 3 });
        m.fail("b", "b: 404".into());
        assert_eq!(m.get("b"), Err("b: 404".into()));
    }
}
