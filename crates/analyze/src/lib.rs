//! Build-time pipeline: seeds → ingest → analyze → index → blob bytes.

pub mod analyze;
pub mod seeds;

use std::path::Path;
use xunyue_engine::blob::{Blob, BLOB_VERSION};
use xunyue_engine::index::IndexData;
use xunyue_engine::normalize::{normalize, FoldTable};

pub use seeds::SeedError;

/// Builds the blob from the seed folder.
pub fn build_blob(seed_dir: &Path) -> Result<Blob, SeedError> {
    let seeds = seeds::read_seeds(seed_dir)?;
    let corpus =
        xunyue_engine::ingest::ingest_with(&seeds.files, &seeds.manifest).map_err(SeedError::Ingest)?;
    let gazetteer = analyze::read_gazetteer(seed_dir)?;
    let (analysis, boundaries) = analyze::analyze_corpus(&corpus, &gazetteer);
    let docs: Vec<Vec<char>> = corpus.articles.iter().map(|a| normalize(&a.text()).chars).collect();
    // Word boundaries from the full dictionary's cut (the ranking's word bonus).
    let index = IndexData { boundaries, ..IndexData::build(&docs) };
    let corpus_chars = docs.iter().flatten().copied().collect();
    let fold = FoldTable::build(&corpus_chars);
    Ok(Blob { version: BLOB_VERSION, corpus, analysis, index, fold, words: Default::default(), boundaries_packed: false })
}

/// Builds the blob and serializes it.
pub fn build_blob_bytes(seed_dir: &Path) -> Result<Vec<u8>, SeedError> {
    // The index is left out and rebuilt at load (see `Blob::to_compact_bytes`).
    Ok(build_blob(seed_dir)?.to_compact_bytes())
}
