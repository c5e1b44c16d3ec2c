//! Builds the archive of `seeds/` (or `$XUNYUE_SEEDS`) at compile time: the
//! embedded bundle when the archive is small (`xunyue_writer::Shape::choose`:
//! by the size of its text, or `$XUNYUE_SHAPE`), nothing when it is sharded
//! (`xunyue build` writes the shards; the app fetches them).
use std::path::PathBuf;

fn fail(msg: String) -> ! {
    eprintln!("error: {msg}");
    std::process::exit(1);
}

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let seeds = match std::env::var_os("XUNYUE_SEEDS") {
        Some(dir) => PathBuf::from(dir),
        None => manifest.join("../../seeds"),
    };
    for var in ["XUNYUE_SEEDS", "XUNYUE_SHAPE", "XUNYUE_EMBED_MAX_TEXT"] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    println!("cargo:rerun-if-changed={}", seeds.display());
    if let Ok(entries) = std::fs::read_dir(&seeds) {
        for e in entries.flatten() {
            println!("cargo:rerun-if-changed={}", e.path().display());
        }
    }
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let corpus = xunyue_ingest::ingest_dir(&seeds).unwrap_or_else(|e| fail(format!("the corpus does not build: {e}")));
    let text: u64 = corpus.articles.iter().map(|a| a.text().len() as u64).sum();
    // For the app's build script: an archive of more than one date gets the views of time.
    let mut dates: Vec<&str> = corpus.pages.iter().filter_map(|p| p.date.as_deref()).collect();
    dates.sort_unstable();
    dates.dedup();
    println!("cargo:dates={}", dates.len());
    let shape = xunyue_writer::Shape::choose(text).unwrap_or_else(|e| fail(e));
    let bytes = match shape {
        xunyue_writer::Shape::Embedded => {
            let gazetteer = xunyue_analyze::read_gazetteer(&seeds).unwrap_or_else(|e| fail(format!("the corpus does not build: {e}")));
            xunyue_writer::bundle_of(corpus, &gazetteer, &mut xunyue_writer::Quiet).encode()
        }
        xunyue_writer::Shape::Sharded => Vec::new(),
    };
    let write = |name: &str, bytes: &[u8]| {
        let p = out_dir.join(name);
        std::fs::write(&p, bytes).unwrap_or_else(|e| fail(format!("cannot write {}: {e}", p.display())));
    };
    write("corpus.bin", &bytes);
    // For the app's build script: it compiles the sharded app (cfg xunyue_sharded) or the embedded one.
    println!("cargo:shape={}", if shape == xunyue_writer::Shape::Sharded { "sharded" } else { "embedded" });
    write("shape.rs", format!("pub const SHARDED: bool = {};\n", shape == xunyue_writer::Shape::Sharded).as_bytes());
}
