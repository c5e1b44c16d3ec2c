//! The runtime word segmenter: the maximum-probability cut over the
//! archive's vocabulary (words found at build time with jieba's full
//! dictionary), without the HMM, exactly as jieba cuts with that vocabulary
//! (a test checks it against jieba-rs).
//!
//! Segmentation never decides whether an article matches (matching is by
//! substring, like Ctrl+F); it splits long queries into words.
//!
//! The cut, as jieba does it: the text is split into runs of "word" chars
//! (CJK ideographs, ASCII letters and digits, `+#&._%-`) and single other
//! chars. In a run, every vocabulary word starting at a char is an edge of a
//! graph; the route of greatest `Σ (ln freq(word) − ln total)` wins (a char
//! where no word starts is a step of freq 1; ties go to the longer step);
//! along it, consecutive single ASCII letters and digits join into one word.
//!
//! Only the words that occur in the text being cut matter, plus the total of
//! all frequencies: so a segmenter made of the words of one query and the
//! archive's total ([`Segmenter::from_words`]) cuts that query exactly as the
//! whole vocabulary does. The sharded archive relies on it.

use crate::model::VocabWord;

/// Splits normalized text into words.
#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    /// Sorted, distinct.
    words: Vec<(Vec<char>, u32)>,
    /// `ln` of the sum of all frequencies of the vocabulary.
    log_total: f64,
    /// Chars of the longest word.
    longest: usize,
}

impl Segmenter {
    /// Builds the segmenter from the whole vocabulary.
    pub fn from_vocab(vocab: &[VocabWord]) -> Segmenter {
        let total = vocab.iter().filter(|w| !w.word.is_empty()).map(|w| u64::from(w.freq.max(1))).sum();
        Segmenter::from_words(vocab.iter().map(|w| (w.word.as_str(), w.freq)), total)
    }

    /// Builds the segmenter from some words of a vocabulary whose
    /// frequencies sum to `total` (see the module docs).
    pub fn from_words<'a>(words: impl IntoIterator<Item = (&'a str, u32)>, total: u64) -> Segmenter {
        let mut words: Vec<(Vec<char>, u32)> =
            words.into_iter().filter(|(w, _)| !w.is_empty()).map(|(w, f)| (w.chars().collect(), f.max(1))).collect();
        crate::sort::sort_by(&mut words, |a, b| a.0.cmp(&b.0));
        // A word given twice keeps its last frequency, as jieba's add_word does.
        let mut kept: Vec<(Vec<char>, u32)> = Vec::with_capacity(words.len());
        for w in words {
            match kept.last_mut() {
                Some(last) if last.0 == w.0 => *last = w,
                _ => kept.push(w),
            }
        }
        let longest = kept.iter().map(|w| w.0.len()).max().unwrap_or(0);
        Segmenter { words: kept, log_total: (total.max(1) as f64).ln(), longest }
    }

    fn freq(&self, w: &[char]) -> Option<u32> {
        self.words.binary_search_by(|x| x.0.as_slice().cmp(w)).ok().map(|i| self.words[i].1)
    }

    /// True when the vocabulary holds `word`.
    pub fn has_word(&self, word: &str) -> bool {
        let w: Vec<char> = word.chars().collect();
        self.freq(&w).is_some()
    }

    /// The words of `text` as char ranges `[start, end)`, covering it.
    pub fn cut(&self, text: &str) -> Vec<(usize, usize)> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !is_word_char(chars[i]) {
                // `\r\n` is one token, as in jieba.
                let n = if chars[i] == '\r' && chars.get(i + 1) == Some(&'\n') { 2 } else { 1 };
                out.push((i, i + n));
                i += n;
                continue;
            }
            let start = i;
            while i < chars.len() && is_word_char(chars[i]) {
                i += 1;
            }
            self.cut_run(&chars[start..i], start, &mut out);
        }
        out
    }

    /// The best route through one run of word chars (see the module docs).
    fn cut_run(&self, c: &[char], base: usize, out: &mut Vec<(usize, usize)>) {
        let n = c.len();
        // route[i] = (best log probability from i to the end, end of the step from i)
        let mut route = vec![(0.0f64, n); n + 1];
        for i in (0..n).rev() {
            let mut best: Option<(f64, usize)> = None;
            for j in i + 1..=n.min(i + self.longest) {
                if let Some(f) = self.freq(&c[i..j]) {
                    let p = (f as f64).ln() - self.log_total + route[j].0;
                    if best.is_none_or(|(bp, be)| p > bp || (p == bp && j > be)) {
                        best = Some((p, j));
                    }
                }
            }
            route[i] = best.unwrap_or((-self.log_total + route[i + 1].0, i + 1));
        }
        let mut x = 0;
        let mut left: Option<usize> = None;
        while x < n {
            let y = route[x].1;
            if y - x == 1 && c[x].is_ascii_alphanumeric() {
                left.get_or_insert(x);
            } else {
                if let Some(s) = left.take() {
                    out.push((base + s, base + x));
                }
                out.push((base + x, base + y));
            }
            x = y;
        }
        if let Some(s) = left {
            out.push((base + s, base + n));
        }
    }

    /// Word boundaries of `chars` as a bit set over positions `0..=len`:
    /// bit `i` is set when a word starts or ends at position `i`.
    pub fn boundaries(&self, chars: &[char]) -> Vec<u8> {
        let s: String = chars.iter().collect();
        boundaries_at(chars.len(), self.cut(&s).into_iter().map(|(_, end)| end))
    }
}

/// The chars jieba cuts into words (the others are tokens of their own): CJK
/// ideographs, ASCII letters and digits, and `+ # & . _ % -`.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
    } else {
        matches!(c,
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}' | '\u{2A700}'..='\u{2B73F}' | '\u{2B740}'..='\u{2B81F}'
            | '\u{2B820}'..='\u{2CEAF}' | '\u{2CEB0}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}')
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
    use proptest::prelude::*;

    /// jieba-rs with exactly this vocabulary, cut without the HMM.
    fn jieba_cut(vocab: &[VocabWord], text: &str) -> Vec<(usize, usize)> {
        let mut j = jieba_rs::Jieba::empty();
        for w in vocab {
            j.add_word(&w.word, Some(w.freq.max(1) as usize), None);
        }
        j.cut(text, false).into_iter().map(|t| (t.start, t.end)).collect()
    }

    const WORDS: &[(&str, u32)] = &[
        ("青岛", 3000), ("华大", 2000), ("青岛华大", 50), ("基因", 5000), ("转基因", 800), ("基因组", 900),
        ("组学", 300), ("科技", 9000), ("产业", 7000), ("发展", 20000), ("共同体", 400), ("海洋", 4000),
        ("bg136", 5), ("5g", 40), ("dna", 90), ("r&d", 3), ("一个", 60000), ("个人", 8000), ("人民", 30000),
        ("中国", 90000), ("中国人", 2000), ("国人", 1500), ("的", 318825),
    ];
    const CHARS: &str = "青岛华大基因转组学科技产业发展共同体海洋一个人民中国的，。 ab5gd&r13-·\r\n、“”";

    fn vocab() -> Vec<VocabWord> {
        WORDS.iter().map(|&(w, f)| VocabWord { word: w.to_string(), freq: f }).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn cuts_as_jieba_does(picks in proptest::collection::vec((0usize..64, any::<bool>()), 0..24)) {
            let chars: Vec<char> = CHARS.chars().collect();
            let mut text = String::new();
            for (i, word) in picks {
                if word {
                    text.push_str(WORDS[i % WORDS.len()].0);
                } else {
                    text.push(chars[i % chars.len()]);
                }
            }
            let v = vocab();
            prop_assert_eq!(Segmenter::from_vocab(&v).cut(&text), jieba_cut(&v, &text), "{:?}", text);
        }

        /// The words of the text and the vocabulary's total cut it as the whole vocabulary does.
        #[test]
        fn the_words_in_the_text_and_the_total_suffice(picks in proptest::collection::vec((0usize..64, any::<bool>()), 0..24)) {
            let chars: Vec<char> = CHARS.chars().collect();
            let mut text = String::new();
            for (i, word) in picks {
                if word {
                    text.push_str(WORDS[i % WORDS.len()].0);
                } else {
                    text.push(chars[i % chars.len()]);
                }
            }
            let v = vocab();
            let total = v.iter().map(|w| u64::from(w.freq)).sum();
            let some = Segmenter::from_words(v.iter().filter(|w| text.contains(&w.word)).map(|w| (w.word.as_str(), w.freq)), total);
            prop_assert_eq!(some.cut(&text), Segmenter::from_vocab(&v).cut(&text));
        }
    }

    fn seg(words: &[&str]) -> Segmenter {
        let vocab: Vec<VocabWord> =
            words.iter().map(|w| VocabWord { word: w.to_string(), freq: 1000 }).collect();
        Segmenter::from_vocab(&vocab)
    }

    fn words(s: &Segmenter, text: &str) -> Vec<String> {
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
