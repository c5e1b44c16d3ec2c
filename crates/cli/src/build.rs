//! `xunyue build SEEDS_DIR --out DIR`: the archive of a source folder, with
//! each step on stderr and a summary of what was written.

use std::path::Path;
use std::time::Instant;
use xunyue_writer::archive::ShardSizes;
use xunyue_writer::{Progress, Shape};

/// Prints each step with the time since the start.
struct Steps {
    t0: Instant,
}

impl Progress for Steps {
    fn step(&mut self, what: &str) {
        eprintln!("[{:>6.1} s] {what}", self.t0.elapsed().as_secs_f64());
    }
}

/// Peak resident memory of this process, from /proc (Linux); `None` elsewhere.
fn peak_mib() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 = s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn build(seeds: &Path, out: &Path, shape: &str) -> Result<(), String> {
    let mut steps = Steps { t0: Instant::now() };
    let bundle = xunyue_writer::build_bundle_with(seeds, &mut steps).map_err(|e| e.to_string())?;
    let text: u64 = bundle.corpus.articles.iter().map(|a| a.text().len() as u64).sum();
    let shape = match shape {
        "auto" => Shape::choose(text)?,
        "embedded" => Shape::Embedded,
        "sharded" => Shape::Sharded,
        other => return Err(format!("--shape {other}: expected auto, embedded or sharded")),
    };
    let io = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    match shape {
        Shape::Embedded => {
            steps.step("encoding the embedded bundle");
            let bytes = bundle.encode();
            std::fs::create_dir_all(out).map_err(|e| io(out, e))?;
            let path = out.join("bundle.bin");
            std::fs::write(&path, &bytes).map_err(|e| io(&path, e))?;
            eprintln!(
                "wrote {} ({} bytes, {} gzip): {} articles, {} bytes of text — embedded (at most {} bytes of text; XUNYUE_SHAPE=sharded or --shape sharded to shard)",
                path.display(),
                bytes.len(),
                xunyue_writer::gzip(&bytes).len(),
                bundle.corpus.articles.len(),
                text,
                xunyue_writer::EMBED_MAX_TEXT
            );
        }
        Shape::Sharded => {
            let files = xunyue_writer::sharded_files(&bundle, ShardSizes::default(), &mut steps)?;
            steps.step(&format!("writing {} files (gzip)", files.len()));
            let w = xunyue_writer::write_archive(out, &files)?;
            eprintln!(
                "wrote {}: {} articles, {} bytes of text → {} files, {} bytes on disk ({} before gzip)",
                out.display(),
                bundle.corpus.articles.len(),
                text,
                w.files,
                w.bytes,
                w.payload_bytes
            );
            for (kind, n, bytes) in &w.by_kind {
                eprintln!("  {kind:<5} {n:>7} files {bytes:>12} bytes");
            }
        }
    }
    eprintln!(
        "[{:>6.1} s] done{}",
        steps.t0.elapsed().as_secs_f64(),
        peak_mib().map(|m| format!(", peak memory {m:.0} MiB")).unwrap_or_default()
    );
    Ok(())
}
