//! Prints the facet values the analysis finds, most frequent first:
//! `cargo run -p xunyue-analyze --example facets [-- SEED_DIR]`.

use std::collections::BTreeMap;
use std::path::PathBuf;

fn top(name: &str, lists: Vec<&Vec<String>>) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for l in lists {
        for v in l {
            *counts.entry(v.as_str()).or_default() += 1;
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let shown: Vec<String> = v.iter().take(40).map(|(k, n)| format!("{k} {n}")).collect();
    println!("{name} ({} values): {}", v.len(), shown.join(", "));
}

fn main() {
    let dir = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("seeds"));
    let analysis = (|| -> Result<_, String> {
        let seeds = xunyue_read::read_seeds(&dir).map_err(|e| e.to_string())?;
        let corpus = xunyue_ingest::ingest_with(&seeds.files, &seeds.manifest).map_err(|e| e.to_string())?;
        let gazetteer = xunyue_analyze::read_gazetteer(&dir).map_err(|e| e.to_string())?;
        Ok(xunyue_analyze::analyze_corpus(&corpus, &gazetteer).0)
    })();
    let analysis = match analysis {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let a = &analysis.articles;
    println!("{} articles", a.len());
    top("organizations", a.iter().map(|x| &x.organizations).collect());
    top("people", a.iter().map(|x| &x.people).collect());
    top("places", a.iter().map(|x| &x.places).collect());
    top("keywords", a.iter().map(|x| &x.keywords).collect());
}
