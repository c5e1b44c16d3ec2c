//! The archive writer (build time): a source folder, read
//! (`xunyue-read`), ingested (`xunyue-ingest`), analyzed
//! (`xunyue-analyze`), becomes an archive in one of the formats of
//! `xunyue-format`.

pub mod stats;

use std::path::Path;
use xunyue_core::fold::FoldTable;
use xunyue_core::normalize::normalize;
use xunyue_format::bundle::Bundle;
use xunyue_read::SeedError;

/// Reads, ingests and analyzes a source folder into a bundle.
pub fn build_bundle(seed_dir: &Path) -> Result<Bundle, SeedError> {
    let corpus = xunyue_ingest::ingest_dir(seed_dir)?;
    let gazetteer = xunyue_analyze::read_gazetteer(seed_dir)?;
    let (analysis, boundaries) = xunyue_analyze::analyze_corpus(&corpus, &gazetteer);
    let corpus_chars = corpus.articles.iter().flat_map(|a| normalize(&a.text()).chars).collect();
    let fold = FoldTable::build(&corpus_chars);
    Ok(Bundle { corpus, analysis, boundaries, fold })
}

/// [`build_bundle`], encoded: the bytes the app embeds.
pub fn build_bundle_bytes(seed_dir: &Path) -> Result<Vec<u8>, SeedError> {
    Ok(build_bundle(seed_dir)?.encode())
}
