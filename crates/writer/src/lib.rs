//! The archive writer (build time): a source folder, read
//! (`xunyue-read`), ingested (`xunyue-ingest`), analyzed
//! (`xunyue-analyze`), becomes an archive in one of the two shapes of
//! `xunyue-format`: the embedded bundle (small archives, compiled into the
//! app) or the sharded archive (large ones, served as static files).

pub mod archive;
pub mod stats;

use flate2::{write::GzEncoder, Compression};
use std::io::Write;
use std::path::{Path, PathBuf};
use xunyue_core::fold::FoldTable;
use xunyue_core::normalize::normalize;
use xunyue_format::bundle::Bundle;
use xunyue_read::SeedError;

/// Where the build reports what it is doing (the CLI prints to stderr).
pub trait Progress {
    fn step(&mut self, what: &str);
}

/// Says nothing.
pub struct Quiet;

impl Progress for Quiet {
    fn step(&mut self, _: &str) {}
}

/// The two shapes of an archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One bundle compiled into the app (and the one-file edition).
    Embedded,
    /// A root file and shards, fetched as queries need them.
    Sharded,
}

/// Archives with at most this many bytes of article text (UTF-8) are
/// embedded by default, larger ones sharded: at this size the embedded
/// bundle adds about 130 KB gzip to the app, the first visit of a sharded
/// archive reads about as much (root, one query's shards and snippets), and
/// beyond it every first visit would pay for the whole archive.
pub const EMBED_MAX_TEXT: u64 = 256 * 1024;

impl Shape {
    /// The shape for an archive of `text_bytes` of article text:
    /// `XUNYUE_SHAPE=embedded|sharded` forces one, `XUNYUE_EMBED_MAX_TEXT`
    /// (bytes) moves the threshold ([`EMBED_MAX_TEXT`]).
    pub fn choose(text_bytes: u64) -> Result<Shape, String> {
        match std::env::var("XUNYUE_SHAPE").ok().as_deref() {
            Some("embedded") => return Ok(Shape::Embedded),
            Some("sharded") => return Ok(Shape::Sharded),
            None | Some("") | Some("auto") => {}
            Some(other) => return Err(format!("XUNYUE_SHAPE={other}: expected embedded, sharded or auto")),
        }
        let max = match std::env::var("XUNYUE_EMBED_MAX_TEXT").ok().filter(|v| !v.is_empty()) {
            Some(v) => v.parse::<u64>().map_err(|_| format!("XUNYUE_EMBED_MAX_TEXT={v}: expected a number of bytes"))?,
            None => EMBED_MAX_TEXT,
        };
        Ok(if text_bytes <= max { Shape::Embedded } else { Shape::Sharded })
    }
}

/// Reads, ingests and analyzes a source folder into a bundle.
pub fn build_bundle(seed_dir: &Path) -> Result<Bundle, SeedError> {
    build_bundle_with(seed_dir, &mut Quiet)
}

/// [`build_bundle`], reporting its steps.
pub fn build_bundle_with(seed_dir: &Path, progress: &mut dyn Progress) -> Result<Bundle, SeedError> {
    progress.step("reading and ingesting the pages");
    let corpus = xunyue_ingest::ingest_dir(seed_dir)?;
    let gazetteer = xunyue_analyze::read_gazetteer(seed_dir)?;
    Ok(bundle_of(corpus, &gazetteer, progress))
}

/// The bundle of an ingested corpus: analysis (jieba, full dictionary) and
/// the fold table.
pub fn bundle_of(corpus: xunyue_core::Corpus, gazetteer: &xunyue_analyze::Gazetteer, progress: &mut dyn Progress) -> Bundle {
    progress.step(&format!("analyzing {} articles (jieba, full dictionary)", corpus.articles.len()));
    let (analysis, boundaries) = xunyue_analyze::analyze_corpus(&corpus, gazetteer);
    progress.step("fold table");
    let corpus_chars = corpus.articles.iter().flat_map(|a| normalize(&a.text()).chars).collect();
    let fold = FoldTable::build(&corpus_chars);
    Bundle { corpus, analysis, boundaries, fold }
}

/// [`build_bundle`], encoded: the bytes the app embeds.
pub fn build_bundle_bytes(seed_dir: &Path) -> Result<Vec<u8>, SeedError> {
    Ok(build_bundle(seed_dir)?.encode())
}

/// The files of the sharded archive of a bundle's contents.
pub fn sharded_files(bundle: &Bundle, sizes: archive::ShardSizes, progress: &mut dyn Progress) -> Result<Vec<archive::File>, String> {
    let input = archive::Input {
        corpus: &bundle.corpus,
        analysis: &bundle.analysis,
        boundaries: &bundle.boundaries,
        fold: &bundle.fold,
    };
    archive::build(&input, sizes, progress)
}

/// gzip at the highest level: how every file of a sharded archive is stored.
pub fn gzip(payload: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::with_capacity(payload.len() / 2), Compression::best());
    // Writing into a Vec cannot fail.
    let _ = e.write_all(payload);
    e.finish().unwrap_or_default()
}

/// What [`write_archive`] wrote.
#[derive(Debug, Default, Clone)]
pub struct Written {
    pub files: usize,
    pub payload_bytes: u64,
    /// On disk: the gzip files.
    pub bytes: u64,
    /// Per kind (folder): files and bytes.
    pub by_kind: Vec<(String, usize, u64)>,
}

/// Writes the files of a sharded archive into `out` (gzipped), the root
/// last, and removes the files an earlier build left there.
pub fn write_archive(out: &Path, files: &[archive::File]) -> Result<Written, String> {
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    std::fs::create_dir_all(out).map_err(|e| io(out, e))?;
    let mut w = Written::default();
    let mut keep: std::collections::BTreeSet<PathBuf> = std::collections::BTreeSet::new();
    for f in files {
        let path = out.join(&f.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
        }
        let gz = &f.gz;
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, gz).map_err(|e| io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| io(&path, e))?;
        keep.insert(path);
        w.files += 1;
        w.payload_bytes += f.payload.len() as u64;
        w.bytes += gz.len() as u64;
        let kind = f.path.split('/').next().filter(|_| f.path.contains('/')).unwrap_or("root").to_string();
        match w.by_kind.iter_mut().find(|k| k.0 == kind) {
            Some(k) => {
                k.1 += 1;
                k.2 += gz.len() as u64;
            }
            None => w.by_kind.push((kind, 1, gz.len() as u64)),
        }
    }
    remove_stale(out, &keep).map_err(|e| format!("{}: {e}", out.display()))?;
    Ok(w)
}

/// Removes the files of an earlier build from an archive folder (only files
/// in the archive's own subfolders and `root.bin`).
fn remove_stale(out: &Path, keep: &std::collections::BTreeSet<PathBuf>) -> std::io::Result<()> {
    for kind in ["u", "p", "s", "a", "f"] {
        let dir = out.join(kind);
        if !dir.is_dir() {
            continue;
        }
        let mut stack = vec![dir];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d)? {
                let p = e?.path();
                if p.is_dir() {
                    stack.push(p);
                } else if !keep.contains(&p) {
                    std::fs::remove_file(&p)?;
                }
            }
            if d != out.join(kind) && std::fs::read_dir(&d)?.next().is_none() {
                std::fs::remove_dir(&d)?;
            }
        }
    }
    Ok(())
}
