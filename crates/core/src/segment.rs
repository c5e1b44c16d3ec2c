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
        boundaries_at(chars.len(), self.cut(&s).into_iter().map(|(_, end)| end))
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

/// Word boundaries from a list of words that tile `len` chars, in the
/// format of [`Segmenter::boundaries`].
pub fn boundaries_of_words<'a>(len: usize, words: impl IntoIterator<Item = &'a str>) -> Vec<u8> {
    let ends = words.into_iter().scan(0usize, |at, w| {
        *at += w.chars().count();
        Some(*at)
    });
    boundaries_at(len, ends)
}

/// The bit set over positions `0..=len` with bits 0, `len` and every end set.
fn boundaries_at(len: usize, ends: impl IntoIterator<Item = usize>) -> Vec<u8> {
    let mut bits = vec![0u8; len / 8 + 1];
    set_bit(&mut bits, 0);
    for end in ends {
        set_bit(&mut bits, end);
    }
    set_bit(&mut bits, len);
    bits
}

/// The words of `chars` as its boundaries cut it: runs between set bits.
pub fn words_between<'a>(chars: &'a [char], bits: &'a [u8]) -> impl Iterator<Item = &'a [char]> + 'a {
    let mut start = 0usize;
    (1..=chars.len()).filter_map(move |i| {
        if !bit(bits, i) {
            return None;
        }
        let w = chars.get(start..i);
        start = i;
        w
    })
}

/// True for the words the vocabulary keeps: two chars or more, all letters
/// or digits.
pub fn is_vocab_word(chars: &[char]) -> bool {
    chars.len() >= 2 && chars.iter().all(|c| c.is_alphanumeric())
}

/// A word frequency as one byte: exact below 8, otherwise the highest four
/// significant bits (rounded) and the exponent, so within 1/16 of the value.
/// The vocabulary stores frequencies already rounded by [`round_freq`], so
/// that `freq_of_code(freq_code(f)) == f` for every stored `f`.
pub fn freq_code(freq: u32) -> u8 {
    let f = u64::from(freq.max(1));
    if f < 8 {
        return f as u8;
    }
    // Round to the nearest value with four significant bits.
    let e = 63 - f.leading_zeros();
    let f = if e >= 4 { f + (1u64 << (e - 4)) } else { f };
    let e = 63 - f.leading_zeros();
    let m = (f >> (e - 3)) as u32;
    ((e - 2) * 8 + (m - 8)).min(255) as u8
}

/// The frequency a [`freq_code`] stands for.
pub fn freq_of_code(code: u8) -> u32 {
    let q = u32::from(code);
    if q < 8 {
        return q;
    }
    let e = q / 8 + 2;
    let m = u64::from(q % 8 + 8);
    (m << (e - 3)).min(u64::from(u32::MAX)) as u32
}

/// `freq` rounded as the blob stores it.
pub fn round_freq(freq: u32) -> u32 {
    freq_of_code(freq_code(freq))
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
    fn frequencies_round_to_one_byte_within_a_sixteenth() {
        for f in (1..5000u32).chain([65_535, 1 << 20, 123_456_789, u32::MAX]) {
            let r = round_freq(f);
            let err = (f64::from(r) - f64::from(f)).abs() / f64::from(f);
            assert!(err <= 1.0 / 16.0 + 1e-9, "{f} -> {r}");
            assert_eq!(round_freq(r), r, "rounding {f} twice");
        }
        assert_eq!(round_freq(7), 7);
        assert_eq!(round_freq(0), 1);
    }

    #[test]
    fn words_come_back_from_their_boundaries() {
        let words = ["青岛", "华大", "的", "bg136", "基因"];
        let text: Vec<char> = words.concat().chars().collect();
        let bits = boundaries_of_words(text.len(), words);
        let back: Vec<String> = words_between(&text, &bits).map(|w| w.iter().collect()).collect();
        assert_eq!(back, words);
        let kept: Vec<String> =
            words_between(&text, &bits).filter(|w| is_vocab_word(w)).map(|w| w.iter().collect()).collect();
        assert_eq!(kept, ["青岛", "华大", "bg136", "基因"]);
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
