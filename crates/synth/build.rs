//! Finds the word list of jieba-rs (`src/data/dict.txt` in its package: one
//! `word frequency tag` per line) and gives its path to the crate as
//! `XUNYUE_SYNTH_DICT`, which `src/dict.rs` embeds with `include_str!`.
//!
//! Why this way: jieba-rs has no API that lists its dictionary entries (its
//! embedded copy is private), and no `links` key, so cargo passes no `DEP_*`
//! variable naming its directory. Running `cargo metadata` from here can block
//! on the package cache lock that another cargo holds (a build next door on
//! the same cargo home). What is robust instead is where cargo itself puts the
//! sources: jieba-rs is a build dependency of this crate, so before this
//! script runs cargo has unpacked exactly the locked version into
//! `$CARGO_HOME/registry/src/<registry>/jieba-rs-<version>/`. So:
//!
//! 1. `XUNYUE_JIEBA_DICT`, when set, is the path of the file to use (vendored
//!    sources, an unusual cargo setup);
//! 2. otherwise the version is the jieba-rs entry of the workspace's
//!    `Cargo.lock` (the first one found upwards from this crate), and the file
//!    is looked for under every registry of `$CARGO_HOME/registry/src`
//!    (`CARGO_HOME` defaults to `~/.cargo`); without a lock file, the newest
//!    0.11.x found there is used.
//!
//! The generated text depends on this file, so the output is byte-identical
//! for as long as `Cargo.lock` keeps the same jieba-rs.

use std::env;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=XUNYUE_JIEBA_DICT");
    println!("cargo:rerun-if-env-changed=CARGO_HOME");
    println!("cargo:rerun-if-changed=build.rs");
    let (path, what) = match env::var_os("XUNYUE_JIEBA_DICT") {
        Some(p) => (PathBuf::from(p), "XUNYUE_JIEBA_DICT".to_string()),
        None => match find_in_registry() {
            Ok(found) => found,
            Err(message) => {
                eprintln!("xunyue-synth build: {message}");
                eprintln!("set XUNYUE_JIEBA_DICT to the path of jieba-rs's src/data/dict.txt");
                std::process::exit(1);
            }
        },
    };
    check(&path);
    println!("cargo:rerun-if-changed={}", path.display());
    println!("cargo:rustc-env=XUNYUE_SYNTH_DICT={}", path.display());
    println!("cargo:rustc-env=XUNYUE_SYNTH_DICT_FROM={what}");
}

/// The first lines must read `word frequency tag`.
fn check(path: &Path) {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("xunyue-synth build: cannot read {}: {e}", path.display());
            std::process::exit(1);
        }
    };
    for (n, line) in text.lines().take(100).enumerate() {
        let fields: Vec<&str> = line.split_ascii_whitespace().collect();
        if fields.len() != 3 || fields[1].parse::<u64>().is_err() {
            eprintln!(
                "xunyue-synth build: {}:{}: not a `word frequency tag` line: {line:?}",
                path.display(),
                n + 1
            );
            std::process::exit(1);
        }
    }
}

fn cargo_home() -> Option<PathBuf> {
    if let Some(h) = env::var_os("CARGO_HOME") {
        return Some(PathBuf::from(h));
    }
    let home = env::var_os("HOME").or_else(|| env::var_os("USERPROFILE"))?;
    Some(PathBuf::from(home).join(".cargo"))
}

/// The jieba-rs version in the nearest `Cargo.lock` above this crate.
fn locked_version() -> Option<String> {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR")?);
    for dir in manifest_dir.ancestors() {
        let lock = dir.join("Cargo.lock");
        let Ok(text) = std::fs::read_to_string(&lock) else { continue };
        println!("cargo:rerun-if-changed={}", lock.display());
        let mut lines = text.lines();
        let mut versions = Vec::new();
        while let Some(line) = lines.next() {
            if line.trim() == "name = \"jieba-rs\"" {
                if let Some(v) = lines.next().and_then(|l| l.trim().strip_prefix("version = \"")) {
                    versions.push(v.trim_end_matches('"').to_string());
                }
            }
        }
        // The requirement of this crate is 0.11 (the workspace's).
        return versions.into_iter().find(|v| v.starts_with("0.11."));
    }
    None
}

fn find_in_registry() -> Result<(PathBuf, String), String> {
    let home = cargo_home().ok_or("no CARGO_HOME and no home directory")?;
    let src = home.join("registry").join("src");
    let mut registries: Vec<PathBuf> = std::fs::read_dir(&src)
        .map_err(|e| format!("cannot list {}: {e}", src.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    registries.sort();
    let wanted = locked_version();
    let mut best: Option<(Vec<u64>, PathBuf, String)> = None;
    for reg in &registries {
        let Ok(entries) = std::fs::read_dir(reg) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(version) = name.strip_prefix("jieba-rs-") else { continue };
            let dict = entry.path().join("src").join("data").join("dict.txt");
            if !dict.is_file() {
                continue;
            }
            match &wanted {
                Some(w) if w == version => {
                    return Ok((dict, format!("jieba-rs {version} (Cargo.lock)")));
                }
                Some(_) => {}
                None if version.starts_with("0.11.") => {
                    let key: Vec<u64> = version.split('.').map(|p| p.parse().unwrap_or(0)).collect();
                    if best.as_ref().is_none_or(|(k, _, _)| key > *k) {
                        best = Some((key, dict, format!("jieba-rs {version} (newest 0.11 in the registry)")));
                    }
                }
                None => {}
            }
        }
    }
    match (best, wanted) {
        (Some((_, p, what)), None) => Ok((p, what)),
        (_, Some(w)) => Err(format!("jieba-rs {w} (from Cargo.lock) is not unpacked under {}", src.display())),
        (None, None) => Err(format!("no jieba-rs 0.11.x under {}", src.display())),
    }
}
