//! Build-time analysis of an ingested corpus with jieba-rs and its full
//! dictionary: the vocabulary for the runtime segmenter, the word
//! boundaries of every article, entities (organizations, people, places)
//! and keywords per article (see [`analyze`]).

pub mod analyze;

pub use analyze::{analyze_corpus, read_gazetteer, Gazetteer};
