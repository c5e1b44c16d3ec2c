//! The serialized corpus + index embedded in the app and the CLI.

use crate::index::IndexData;
use crate::model::{Analysis, Corpus};
use crate::normalize::{install_table, normalize, FoldTable};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Bumped whenever the layout of [`Blob`] changes.
pub const BLOB_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Blob {
    pub version: u32,
    pub corpus: Corpus,
    pub analysis: Analysis,
    pub index: IndexData,
    /// The character fold for builds without the Unicode tables (see
    /// [`crate::normalize`]).
    pub fold: FoldTable,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlobError {
    Decode(String),
    Version { found: u32, expected: u32 },
    Index,
}

impl fmt::Display for BlobError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BlobError::Decode(e) => write!(f, "corpus blob does not decode: {e}"),
            BlobError::Version { found, expected } => {
                write!(f, "corpus blob version {found}, this engine reads {expected}")
            }
            BlobError::Index => write!(f, "corpus blob holds an inconsistent index"),
        }
    }
}

impl std::error::Error for BlobError {}

impl Blob {
    pub fn to_bytes(&self) -> Vec<u8> {
        // Serializing plain structs into a Vec cannot fail.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    /// The form embedded in the app: the same layout with the gram index
    /// left out (an empty [`IndexData`]), since [`Blob::from_bytes`] rebuilds
    /// it from the texts and the vocabulary in a few milliseconds. The index
    /// is 44 KB of the 119 KB blob and barely compresses (28 KB gzip), while
    /// everything it is built from is in the blob already.
    pub fn to_compact_bytes(&self) -> Vec<u8> {
        let compact = Blob {
            version: self.version,
            corpus: self.corpus.clone(),
            analysis: self.analysis.clone(),
            index: IndexData::default(),
            fold: self.fold.clone(),
        };
        compact.to_bytes()
    }

    /// Reads either form; a blob whose index was left out gets it rebuilt.
    pub fn from_bytes(bytes: &[u8]) -> Result<Blob, BlobError> {
        let mut blob: Blob =
            postcard::from_bytes(bytes).map_err(|e| BlobError::Decode(e.to_string()))?;
        if blob.version != BLOB_VERSION {
            return Err(BlobError::Version { found: blob.version, expected: BLOB_VERSION });
        }
        install_table(&blob.fold);
        if blob.index.keys == 0 && !blob.corpus.articles.is_empty() {
            blob.index = blob.rebuilt_index();
        }
        Ok(blob)
    }

    /// The index as the build makes it: over the normalized article texts,
    /// with word boundaries from the vocabulary.
    pub fn rebuilt_index(&self) -> IndexData {
        let docs: Vec<Vec<char>> =
            self.corpus.articles.iter().map(|a| normalize(&a.text()).chars).collect();
        IndexData::build_with(&docs, &self.analysis.vocab)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Block, BlockKind, VocabWord};

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.to_string(),
            page: "p".to_string(),
            title: text.chars().take(4).collect(),
            blocks: vec![Block { kind: BlockKind::Paragraph, text: text.to_string(), line: 1 }],
            ..Article::default()
        }
    }

    fn sample() -> Blob {
        let mut blob = Blob { version: BLOB_VERSION, ..Blob::default() };
        blob.corpus.articles = vec![
            article("p#1", "青岛华大基因科技产业发展共同体"),
            article("p#2", "集成电路为代表的新兴产业持续壮大"),
            article("p#3", "ＢＧ１３６　青島華大"),
        ];
        blob.analysis.vocab = ["青岛", "华大", "基因", "产业", "集成电路"]
            .iter()
            .map(|w| VocabWord { word: w.to_string(), freq: 100 })
            .collect();
        blob.index = blob.rebuilt_index();
        blob
    }

    #[test]
    fn compact_form_is_smaller_and_loads_to_the_same_blob() {
        let blob = sample();
        assert!(blob.index.keys > 0, "the sample has an index");
        let full = blob.to_bytes();
        let compact = blob.to_compact_bytes();
        assert!(compact.len() + 50 < full.len(), "compact {} vs full {}", compact.len(), full.len());
        assert_eq!(Blob::from_bytes(&compact).unwrap(), blob);
        assert_eq!(Blob::from_bytes(&full).unwrap(), blob);
    }

    #[test]
    fn rebuilt_index_finds_what_the_texts_hold() {
        let blob = Blob::from_bytes(&sample().to_compact_bytes()).unwrap();
        let index = crate::index::Index::load(blob.index).unwrap();
        let q = |s: &str| index.candidates(&s.chars().collect::<Vec<_>>());
        assert_eq!(q("华大"), Some(vec![0, 2]));
        assert_eq!(q("产业"), Some(vec![0, 1]));
        assert_eq!(q("bg136"), Some(vec![2]));
        assert_eq!(q("区块链"), Some(vec![]));
    }

    #[test]
    fn bad_bytes_are_errors() {
        assert!(matches!(Blob::from_bytes(&[0xff, 0xff]), Err(BlobError::Decode(_))));
        let mut wrong = sample();
        wrong.version = BLOB_VERSION + 1;
        assert!(matches!(
            Blob::from_bytes(&wrong.to_compact_bytes()),
            Err(BlobError::Version { .. })
        ));
    }
}
