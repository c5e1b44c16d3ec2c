//! Inputs the fuzzers (`fuzz/`) found, kept as tests, plus the hostile fixture
//! corpus, checked with the very properties the fuzz targets check
//! (`fuzz/src/invariants.rs`, included below).

#[path = "../../../fuzz/src/invariants.rs"]
#[allow(dead_code)]
mod invariants;

use invariants::{check_ingest, check_search, engine_from_seeds, Oracle};
use std::path::Path;
use xunyue_engine::ingest::SeedFile;
use xunyue_engine::Engine;

fn read_dir(dir: &Path) -> Vec<SeedFile> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| SeedFile {
            stem: p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
            text: std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
        })
        .collect()
}

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// The corpus the search target fuzzes: the seed pages.
fn seeds_engine() -> Engine {
    engine_from_seeds(&read_dir(&root().join("seeds"))).unwrap_or_else(|e| panic!("seeds: {e}"))
}

fn hostile_seeds() -> Vec<SeedFile> {
    read_dir(&root().join("tests/fixtures/seeds-hostile"))
}

fn assert_search(engine: &Engine, queries: &[&str]) {
    let oracle = Oracle::new(engine);
    for q in queries {
        if let Err(e) = check_search(engine, &oracle, q) {
            panic!("query {q:?}: {e}");
        }
    }
}

fn assert_ingest(texts: &[&str]) {
    for t in texts {
        if let Err(e) = check_ingest("regression", t) {
            panic!("{e}\ninput: {t:?}");
        }
    }
}

#[test]
fn hostile_fixture_ingests_losslessly() {
    for s in hostile_seeds() {
        match check_ingest(&s.stem, &s.text) {
            Ok(Some(c)) => assert!(!c.articles.is_empty(), "{}: no article", s.stem),
            Ok(None) => panic!("{}: refused", s.stem),
            Err(e) => panic!("{}: {e}", s.stem),
        }
    }
}

#[test]
fn hostile_payloads_search_like_ctrl_f() {
    let engine = engine_from_seeds(&hostile_seeds()).unwrap_or_else(|e| panic!("{e}"));
    let queries = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "</mark><b>bold</b>",
        "{{7*7}}",
        "\u{202e}倒序文字",
        "基\u{200b}因",
        "\"onmouseover=\"alert(1)\"",
        "alert",
        "script",
        "基因",
    ];
    assert_search(&engine, &queries);
    // Plain queries are checked against Ctrl+F: make sure some are found.
    let found = engine.search("alert").hits.len();
    assert!(found >= 2, "alert found in {found} articles of the hostile fixture");
}

#[test]
fn seed_corpus_holds_the_search_properties() {
    let engine = seeds_engine();
    let long = "青岛华大".repeat(2500);
    assert_search(
        &engine,
        &["青岛华大", "華大", "ＢＧ１３６", "5.4个百分点", "基因 细胞", "\"基因 细胞\"", "基因 -细胞", "细胞 OR 干细胞", &long],
    );
    let oracle = Oracle::new(&engine);
    assert!(!oracle.ctrl_f(0, "青岛").is_empty(), "the oracle finds nothing");
}

#[test]
fn odd_pages_ingest_losslessly() {
    assert_ingest(&["", " ", "\r", "\r\n\r\n", "\u{feff}", "　　", "a\rb\r\nc\nd", "□", "■ ", "（上接第一版）"]);
}
