//! Reading the seed folder.

use std::fmt;
use std::path::{Path, PathBuf};
use xunyue_engine::ingest::{IngestError, SeedFile};

#[derive(Debug)]
pub enum SeedError {
    /// The folder or a file could not be read.
    Io { path: PathBuf, error: std::io::Error },
    /// A file is not valid UTF-8: the byte offset of the first bad byte.
    Encoding { path: PathBuf, offset: usize },
    /// The folder holds no seed file.
    Empty { path: PathBuf },
    Ingest(IngestError),
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeedError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            SeedError::Encoding { path, offset } => {
                write!(f, "{}: not valid UTF-8 at byte offset {offset}", path.display())
            }
            SeedError::Empty { path } => write!(f, "{}: no .txt seed files", path.display()),
            SeedError::Ingest(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for SeedError {}

/// Reads every `*.txt` file of the folder, sorted by name.
pub fn read_seed_dir(dir: &Path) -> Result<Vec<SeedFile>, SeedError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| SeedError::Io { path, error }
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(SeedError::Empty { path: dir.to_path_buf() });
    }
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = std::fs::read(&path).map_err(io(&path))?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                return Err(SeedError::Encoding { path, offset: e.utf8_error().valid_up_to() })
            }
        };
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        out.push(SeedFile { stem, text });
    }
    Ok(out)
}
