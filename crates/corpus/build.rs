//! Builds the corpus blob from `seeds/` (or `$XUNYUE_SEEDS`) at compile time.
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let seeds = match std::env::var_os("XUNYUE_SEEDS") {
        Some(dir) => PathBuf::from(dir),
        None => manifest.join("../../seeds"),
    };
    println!("cargo:rerun-if-env-changed=XUNYUE_SEEDS");
    println!("cargo:rerun-if-changed={}", seeds.display());
    if let Ok(entries) = std::fs::read_dir(&seeds) {
        for e in entries.flatten() {
            println!("cargo:rerun-if-changed={}", e.path().display());
        }
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("corpus.bin");
    match xunyue_writer::build_bundle_bytes(&seeds) {
        Ok(bytes) => {
            if let Err(e) = std::fs::write(&out, bytes) {
                eprintln!("error: cannot write {}: {e}", out.display());
                std::process::exit(1);
            }
        }
        Err(e) => {
            eprintln!("error: the corpus does not build: {e}");
            std::process::exit(1);
        }
    }
}
