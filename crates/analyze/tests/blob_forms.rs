//! The blob built from the real seeds, in both forms: the compact one the app
//! embeds (index left out, vocabulary packed against the word boundaries)
//! loads to exactly what the build made.

use std::path::Path;
use xunyue_analyze::build_blob;
use xunyue_engine::blob::Blob;

#[test]
fn the_compact_blob_of_the_seeds_loads_to_the_built_blob() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let blob = build_blob(&seeds).expect("seeds build");
    assert!(blob.analysis.vocab.len() > 500, "vocabulary of {} words", blob.analysis.vocab.len());
    let compact = blob.to_compact_bytes();
    let loaded = Blob::from_bytes(&compact).expect("compact blob loads");
    assert_eq!(loaded.analysis.vocab, blob.analysis.vocab);
    assert_eq!(loaded.index, blob.index);
    assert_eq!(loaded, blob);
    // What travels for the vocabulary: about a byte a word, not the words.
    let packed: Blob = postcard::from_bytes(&compact).expect("decodes");
    assert!(packed.analysis.vocab.is_empty());
    assert!(packed.words.extra.is_empty(), "every word is spelled by the texts: {:?}", packed.words.extra);
    assert!(packed.words.freqs.len() < blob.analysis.vocab.len() * 2);
}
