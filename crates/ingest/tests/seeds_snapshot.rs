//! The seeds' corpus, every field of every page, article and block, against
//! a snapshot (`seeds.snapshot`): a change to ingest that changes what the
//! five seed pages become shows up here, line by line.
//!
//! After a deliberate change: `UPDATE_SNAPSHOT=1 cargo test -p xunyue-ingest
//! --test seeds_snapshot`, and say in the commit why each line changed.

use std::path::PathBuf;

fn render(c: &xunyue_core::Corpus) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    for p in &c.pages {
        let _ = writeln!(
            s,
            "page {} label={:?} number={:?} source={:?} date={:?} articles={:?}",
            p.stem, p.label, p.number, p.source, p.date, p.articles
        );
        for b in &p.loose {
            let _ = writeln!(s, "  loose {} {} {:?}", b.line, b.kind.name(), b.text);
        }
    }
    for a in &c.articles {
        let _ = writeln!(
            s,
            "article {} page={} title={:?} inferred={} kicker={:?} subtitle={:?} byline={:?} authors={:?} source={:?} date={:?} from={:?} to={:?}",
            a.id, a.page, a.title, a.title_inferred, a.kicker, a.subtitle, a.byline, a.authors, a.source, a.date,
            a.continued_from, a.continued_to
        );
        for b in &a.blocks {
            let _ = writeln!(s, "  {} {} {:?}", b.line, b.kind.name(), b.text);
        }
    }
    s
}

#[test]
fn the_seed_pages_ingest_as_the_snapshot_says() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = xunyue_ingest::ingest_dir(&root.join("../../seeds")).unwrap_or_else(|e| panic!("{e}"));
    let got = render(&corpus);
    let path = root.join("tests/seeds.snapshot");
    if std::env::var_os("UPDATE_SNAPSHOT").is_some() {
        std::fs::write(&path, &got).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for (n, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "line {} of seeds.snapshot", n + 1);
    }
    assert_eq!(got.lines().count(), want.lines().count(), "lines of seeds.snapshot");
}
