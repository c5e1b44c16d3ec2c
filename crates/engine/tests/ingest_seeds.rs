//! The articles a reader sees on each seed page, and the lossless guarantee
//! for every seed file.

use std::path::PathBuf;
use xunyue_engine::ingest::{check_lossless, ingest_page_with, ingest_with, Manifest, SeedFile};
use xunyue_engine::{Article, BlockKind, Corpus};

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn manifest() -> Manifest {
    let text = std::fs::read_to_string(seeds_dir().join("corpus.toml")).expect("seeds/corpus.toml");
    toml::from_str(&text).expect("corpus.toml parses")
}

fn seeds() -> Vec<SeedFile> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
        .expect("seeds/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| SeedFile {
            stem: p.file_stem().expect("stem").to_string_lossy().into_owned(),
            text: std::fs::read_to_string(&p).expect("utf-8 seed"),
        })
        .collect()
}

fn corpus() -> Corpus {
    ingest_with(&seeds(), &manifest()).expect("seeds ingest")
}

fn page<'a>(c: &'a Corpus, prefix: &str) -> Vec<&'a Article> {
    c.articles.iter().filter(|a| a.page.starts_with(prefix)).collect()
}

fn kinds(a: &Article, k: BlockKind) -> Vec<&str> {
    a.blocks.iter().filter(|b| b.kind == k).map(|b| b.text.as_str()).collect()
}

#[test]
#[ignore = "prints the articles; run with --ignored --nocapture"]
fn dump() {
    let c = corpus();
    for a in &c.articles {
        println!(
            "== {} | {}{} | kicker {:?} | sub {:?} | byline {:?} | authors {:?} | src {:?} | from {:?} to {:?}",
            a.id,
            a.title,
            if a.title_inferred { " (inferred)" } else { "" },
            a.kicker,
            a.subtitle,
            a.byline,
            a.authors,
            a.source,
            a.continued_from,
            a.continued_to
        );
        for b in &a.blocks {
            let t: String = b.text.chars().take(40).collect();
            println!("   {:>4} {:<13} {}", b.line, b.kind.name(), t);
        }
    }
    for p in &c.pages {
        for b in &p.loose {
            println!("   loose {} {} {}", p.stem, b.kind.name(), b.text);
        }
    }
}
