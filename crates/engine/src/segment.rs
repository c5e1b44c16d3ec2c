//! The runtime word segmenter: jieba-rs with no built-in dictionary, loaded
//! with the corpus vocabulary (found at build time with the full dictionary),
//! and cut without the HMM, so that a query is split exactly as the text is.
//!
//! Segmentation never decides whether an article matches (matching is by
//! substring, like Ctrl+F); it splits long queries into words and tells the
//! ranking whether a hit lines up with word boundaries in the text.

use crate::model::VocabWord;
use jieba_rs::Jieba;

/// Splits normalized text into words.
pub struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    /// Builds the segmenter from the corpus vocabulary.
    pub fn from_vocab(vocab: &[VocabWord]) -> Segmenter {
        let mut jieba = Jieba::empty();
        for w in vocab {
            if !w.word.is_empty() {
                jieba.add_word(&w.word, Some(w.freq.max(1) as usize), None);
            }
        }
        Segmenter { jieba }
    }

    /// True when the vocabulary holds `word`.
    pub fn has_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    /// The words of `text` as char ranges `[start, end)`, covering it.
    pub fn cut(&self, text: &str) -> Vec<(usize, usize)> {
        self.jieba.cut(text, false).into_iter().map(|t| (t.start, t.end)).collect()
    }

    /// Word boundaries of `chars` as a bit set over positions `0..=len`:
    /// bit `i` is set when a word starts or ends at position `i`.
    pub fn boundaries(&self, chars: &[char]) -> Vec<u8> {
        let s: String = chars.iter().collect();
        let mut bits = vec![0u8; chars.len() / 8 + 1];
        set_bit(&mut bits, 0);
        for (_, end) in self.cut(&s) {
            set_bit(&mut bits, end);
        }
        set_bit(&mut bits, chars.len());
        bits
    }
}

fn set_bit(bits: &mut [u8], i: usize) {
    if let Some(b) = bits.get_mut(i / 8) {
        *b |= 1 << (i % 8);
    }
}

/// Reads bit `i` of a bit set made by [`Segmenter::boundaries`].
pub fn bit(bits: &[u8], i: usize) -> bool {
    bits.get(i / 8).is_some_and(|b| b & (1 << (i % 8)) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(words: &[&str]) -> Segmenter {
        let vocab: Vec<VocabWord> =
            words.iter().map(|w| VocabWord { word: w.to_string(), freq: 1000 }).collect();
        Segmenter::from_vocab(&vocab)
    }

    fn words<'a>(s: &Segmenter, text: &'a str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        s.cut(text).into_iter().map(|(a, b)| chars[a..b].iter().collect()).collect()
    }

    #[test]
    fn cuts_with_the_corpus_vocabulary_only() {
        let s = seg(&["青岛", "华大", "基因", "转基因"]);
        assert_eq!(words(&s, "青岛华大基因"), ["青岛", "华大", "基因"]);
        assert_eq!(words(&s, "转基因作物"), ["转基因", "作", "物"]);
        assert!(s.has_word("华大"));
        assert!(!s.has_word("作物"));
    }

    #[test]
    fn boundaries_mark_word_edges() {
        let s = seg(&["转基因"]);
        let chars: Vec<char> = "转基因好".chars().collect();
        let b = s.boundaries(&chars);
        let set: Vec<usize> = (0..=chars.len()).filter(|&i| bit(&b, i)).collect();
        assert_eq!(set, [0, 3, 4]);
    }
}
