//! Inputs the fuzzers (`fuzz/`) found, kept as tests, plus the hostile fixture
//! corpus, checked with the very properties the fuzz targets check
//! (`fuzz/src/invariants.rs`, included below).

#[path = "../../../fuzz/src/invariants.rs"]
#[allow(dead_code)]
mod invariants;

use invariants::{check_ingest, check_search, engine_from_seeds, Oracle};
use std::path::Path;
use xunyue_engine::Engine;
use xunyue_read::SeedFile;

/// The page files of a folder, through the real reader.
fn read_dir(dir: &Path) -> Vec<SeedFile> {
    xunyue_read::read_seeds(dir).unwrap_or_else(|e| panic!("{e}")).files
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

/// Found by the search target (query `"\u{fffd}青岛\0 0"` over the seed pages):
/// the first snippet window ended inside a hit, and the highlight showed half
/// of it (`青` of `青岛`), with `…` after it.
#[test]
fn snippet_windows_never_cut_a_hit() {
    use xunyue_engine::snippet::{snippet, snippet_with_terms};
    let text: Vec<char> = format!("青岛{}华大{}", "甲".repeat(77), "乙".repeat(200)).chars().collect();
    let spans = [(0, 2), (79, 81)];
    for sn in [snippet(&text, &spans), snippet_with_terms(&text, &spans, &[0, 1])] {
        let shown: Vec<char> = sn.text.chars().collect();
        assert!(!sn.highlights.is_empty());
        for &(s, e) in &sn.highlights {
            let h: String = shown[s as usize..e as usize].iter().collect();
            assert!(h == "青岛" || h == "华大", "highlight {h:?} cuts a hit, in {:?}", sn.text);
        }
    }
}
