//! The embedded bundle: the whole archive as one blob, compiled into the app
//! (and the CLI) for small archives.
//!
//! # Layout
//!
//! postcard (varint integers, length-prefixed sequences and byte strings),
//! fields in this order:
//!
//! ```text
//! Bundle := version:u32            BUNDLE_VERSION
//!           corpus:Corpus          pages, then articles (xunyue_core::model;
//!                                  every text field as UTF-16LE bytes)
//!           articles:[ArticleAnalysis]   organizations, people, places,
//!                                  keywords per article (UTF-16LE strings)
//!           boundaries:bytes       word boundaries, see below
//!           boundaries_packed:bool
//!           fold:PackedFold        the fold table, in columns, its wide
//!                                  outputs as ranks among the texts' chars
//!                                  (xunyue_core::fold::PackedFold)
//!           words:PackedVocab      the vocabulary, spelled by the texts
//! PackedVocab := freqs:bytes       one freq code per vocabulary run
//!                extra:[VocabWord] words no run spells (word, freq)
//! ```
//!
//! - **Word boundaries**: per article, over its normalized text of `len`
//!   chars, the bits `0..=len` (bit `i` set when a word starts or ends at
//!   `i`), `len / 8 + 1` bytes, articles one after the other. When
//!   `boundaries_packed`, only the bits [`boundary_rule`] leaves open are
//!   stored, in order, `n / 8 + 1` bytes for `n` open bits (the build's
//!   segmentation follows the rule unless it cuts inside an ASCII word).
//!   Empty for an archive built without analysis.
//! - **Vocabulary**: its words are the runs between word boundaries that
//!   [`is_vocab_word`] keeps; so only a frequency byte per distinct run
//!   travels, in sorted run order (0: not a vocabulary word).
//! - The **index is not shipped**: the engine builds its pair table from the
//!   normalized texts at load, which the texts and boundaries fully
//!   determine.
//!
//! Decoding normalizes the texts (with the bundle's own fold where the
//! Unicode tables are not compiled in) to unpack the boundaries and the
//! vocabulary, and hands the normalized texts on to the engine.

use crate::FormatError;
use serde::{Deserialize, Serialize};
use xunyue_core::fold::{Fold, FoldTable, PackedFold};
use xunyue_core::model::{Analysis, ArticleAnalysis, Corpus, VocabWord};
use xunyue_core::normalize::Normalized;
use xunyue_core::segment::{bit, freq_code, freq_of_code, is_vocab_word, words_between};
use xunyue_core::sort::{sort_by, sort_dedup};

/// Bumped whenever the layout changes.
pub const BUNDLE_VERSION: u32 = 8;

/// The decoded bundle: what the engine loads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Bundle {
    pub corpus: Corpus,
    /// The vocabulary and, parallel to the articles, their entities.
    pub analysis: Analysis,
    /// Word boundaries of every article, unpacked (see the module docs).
    pub boundaries: Vec<u8>,
    /// The character fold for builds without the Unicode tables.
    pub fold: FoldTable,
}

/// The bytes on the wire, in layout order.
#[derive(Serialize, Deserialize)]
struct Wire {
    version: u32,
    corpus: Corpus,
    articles: Vec<ArticleAnalysis>,
    boundaries: Vec<u8>,
    boundaries_packed: bool,
    fold: PackedFold,
    words: PackedVocab,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
struct PackedVocab {
    freqs: Vec<u8>,
    extra: Vec<VocabWord>,
}

/// The chars of the texts, which the fold table is packed against.
fn text_chars(corpus: &Corpus) -> impl Iterator<Item = char> + '_ {
    corpus.articles.iter().flat_map(|a| &a.blocks).flat_map(|b| b.text.chars())
}

impl Bundle {
    /// The bundle's fold, as the engine uses it.
    pub fn folder(&self) -> Fold {
        Fold::for_archive(self.fold.clone())
    }

    /// The normalized article texts (what boundaries and index are over).
    pub fn normalized(&self) -> Vec<Normalized> {
        let fold = self.folder();
        self.corpus.articles.iter().map(|a| fold.normalize(&a.text())).collect()
    }

    /// Encodes the bundle (see the layout in the module docs).
    pub fn encode(&self) -> Vec<u8> {
        let docs = self.normalized();
        let runs = vocab_runs(&docs, &self.boundaries);
        let mut freqs = vec![0u8; runs.len()];
        let mut extra = Vec::new();
        for w in &self.analysis.vocab {
            match runs.binary_search(&w.word) {
                Ok(i) => freqs[i] = freq_code(w.freq).max(1),
                Err(_) => extra.push(w.clone()),
            }
        }
        let packed = pack_boundaries(&docs, &self.boundaries);
        let wire = Wire {
            version: BUNDLE_VERSION,
            corpus: self.corpus.clone(),
            articles: self.analysis.articles.clone(),
            boundaries_packed: packed.is_some(),
            boundaries: packed.unwrap_or_else(|| self.boundaries.clone()),
            fold: PackedFold::pack(&self.fold, text_chars(&self.corpus)),
            words: PackedVocab { freqs, extra },
        };
        // Serializing plain structs into a Vec cannot fail.
        postcard::to_allocvec(&wire).unwrap_or_default()
    }

    /// Decodes a bundle; also gives the normalized article texts it needed
    /// (the engine reuses them instead of normalizing twice at load).
    pub fn decode(bytes: &[u8]) -> Result<(Bundle, Vec<Normalized>), FormatError> {
        let version: u32 = postcard::take_from_bytes(bytes).map_err(|e| FormatError::Decode(e.to_string()))?.0;
        if version != BUNDLE_VERSION {
            return Err(FormatError::Version { found: version, expected: BUNDLE_VERSION });
        }
        let wire: Wire = postcard::from_bytes(bytes).map_err(|e| FormatError::Decode(e.to_string()))?;
        if wire.articles.len() != wire.corpus.articles.len() {
            return Err(FormatError::Inconsistent("analysis"));
        }
        let fold = wire.fold.unpack(text_chars(&wire.corpus)).map_err(FormatError::Inconsistent)?;
        let mut bundle = Bundle {
            corpus: wire.corpus,
            analysis: Analysis { vocab: Vec::new(), articles: wire.articles },
            boundaries: Vec::new(),
            fold,
        };
        let docs = bundle.normalized();
        bundle.boundaries = if wire.boundaries_packed {
            unpack_boundaries(&docs, &wire.boundaries).ok_or(FormatError::Inconsistent("word boundaries"))?
        } else {
            wire.boundaries
        };
        // None at all: an archive built without analysis (the ranking's word bonus is off).
        let want = docs.iter().map(|d| d.chars.len() / 8 + 1).sum::<usize>();
        if !bundle.boundaries.is_empty() && bundle.boundaries.len() != want {
            return Err(FormatError::Inconsistent("word boundaries"));
        }
        bundle.analysis.vocab = wire.words.unpack(&docs, &bundle.boundaries);
        Ok((bundle, docs))
    }
}

impl PackedVocab {
    /// The vocabulary, sorted by word.
    fn unpack(&self, docs: &[Normalized], boundaries: &[u8]) -> Vec<VocabWord> {
        let runs = vocab_runs(docs, boundaries);
        let mut vocab: Vec<VocabWord> = runs
            .into_iter()
            .zip(self.freqs.iter())
            .filter(|&(_, &code)| code > 0)
            .map(|(word, &code)| VocabWord { word, freq: freq_of_code(code) })
            .chain(self.extra.iter().cloned())
            .collect();
        sort_by(&mut vocab, |a, b| a.word.cmp(&b.word));
        vocab
    }
}

/// What the word boundary between chars `a` and `b` must be, whatever the
/// segmentation: set next to anything but a letter or digit and between
/// ASCII and not, clear inside a run of ASCII letters and digits; `None`
/// inside a run of other letters (Chinese), where it is the segmenter's
/// choice.
pub fn boundary_rule(a: char, b: char) -> Option<bool> {
    if !a.is_alphanumeric() || !b.is_alphanumeric() || a.is_ascii() != b.is_ascii() {
        Some(true)
    } else if a.is_ascii() {
        Some(false)
    } else {
        None
    }
}

/// The word boundaries as the bundle stores them: only the bits
/// [`boundary_rule`] leaves open, in order (a fifth fewer, and less regular,
/// than all of them). `None` when the bit set breaks the rule or does not
/// have the length the texts give it.
pub fn pack_boundaries(docs: &[Normalized], bits: &[u8]) -> Option<Vec<u8>> {
    let mut open = Vec::new();
    let mut at = 0usize;
    for d in docs {
        for i in 0..(d.chars.len() / 8 + 1) * 8 {
            let actual = bit(bits, at * 8 + i);
            match doc_rule(&d.chars, i) {
                Some(rule) if rule != actual => return None,
                Some(_) => {}
                None => open.push(actual),
            }
        }
        at += d.chars.len() / 8 + 1;
    }
    if at != bits.len() {
        return None;
    }
    let mut packed = vec![0u8; open.len() / 8 + 1];
    for (i, _) in open.iter().enumerate().filter(|(_, &b)| b) {
        packed[i / 8] |= 1 << (i % 8);
    }
    Some(packed)
}

/// Bit `i` of a doc's boundaries as the rule has it: set at both ends,
/// clear past the end, [`boundary_rule`] between two chars.
fn doc_rule(chars: &[char], i: usize) -> Option<bool> {
    if i == 0 || i == chars.len() {
        Some(true)
    } else if i > chars.len() {
        Some(false)
    } else {
        boundary_rule(chars[i - 1], chars[i])
    }
}

/// The inverse of [`pack_boundaries`]; `None` for bits that do not fit.
pub fn unpack_boundaries(docs: &[Normalized], packed: &[u8]) -> Option<Vec<u8>> {
    let mut bits = Vec::new();
    let mut next = 0usize;
    for d in docs {
        let base = bits.len() * 8;
        bits.resize(bits.len() + d.chars.len() / 8 + 1, 0);
        for i in 0..=d.chars.len() {
            let set = doc_rule(&d.chars, i).unwrap_or_else(|| {
                next += 1;
                bit(packed, next - 1)
            });
            if set {
                bits[(base + i) / 8] |= 1 << ((base + i) % 8);
            }
        }
    }
    (next / 8 + 1 == packed.len()).then_some(bits)
}

/// The runs between word boundaries that can be vocabulary words, sorted,
/// each once.
fn vocab_runs(docs: &[Normalized], boundaries: &[u8]) -> Vec<String> {
    let mut runs = Vec::new();
    let mut at = 0usize;
    for d in docs.iter().map(|n| n.chars.as_slice()) {
        let bits = boundaries.get(at..at + d.len() / 8 + 1).unwrap_or(&[]);
        at += d.len() / 8 + 1;
        runs.extend(words_between(d, bits).filter(|w| is_vocab_word(w)).map(|w| w.iter().collect::<String>()));
    }
    sort_dedup(&mut runs);
    runs
}

#[cfg(all(test, feature = "unicode-tables"))]
mod tests {
    use super::*;
    use xunyue_core::model::{Article, Block, BlockKind};
    use xunyue_core::segment::{round_freq, Segmenter};

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.to_string(),
            page: "p".to_string(),
            title: text.chars().take(4).collect(),
            blocks: vec![Block { kind: BlockKind::Paragraph, text: text.to_string(), line: 1 }],
            ..Article::default()
        }
    }

    fn sample() -> Bundle {
        let mut b = Bundle::default();
        b.corpus.articles = vec![
            article("p#1", "青岛华大基因科技产业发展共同体"),
            article("p#2", "集成电路为代表的新兴产业持续壮大"),
            article("p#3", "ＢＧ１３６　青島華大"),
        ];
        b.analysis.articles = vec![ArticleAnalysis::default(); 3];
        // 区块链 is in no text: it travels whole.
        b.analysis.vocab = ["产业", "区块链", "华大", "基因", "集成电路", "青岛"]
            .iter()
            .zip(1u32..)
            .map(|(w, i)| VocabWord { word: w.to_string(), freq: round_freq(i * 1000) })
            .collect();
        let seg = Segmenter::from_vocab(&b.analysis.vocab);
        b.boundaries = b.normalized().iter().flat_map(|n| seg.boundaries(&n.chars)).collect();
        b
    }

    #[test]
    fn round_trips() {
        let b = sample();
        let (back, docs) = Bundle::decode(&b.encode()).expect("decodes");
        assert_eq!(back, b);
        assert_eq!(docs, b.normalized());
    }

    #[test]
    fn vocabulary_is_spelled_by_the_texts() {
        let b = sample();
        let wire: Wire = postcard::from_bytes(&b.encode()).expect("decodes");
        let extra: Vec<&str> = wire.words.extra.iter().map(|w| w.word.as_str()).collect();
        assert_eq!(extra, ["区块链"]);
        // One byte per run between boundaries; runs that are not vocabulary words are 0.
        let kept = wire.words.freqs.iter().filter(|&&c| c > 0).count();
        assert_eq!(kept, b.analysis.vocab.len() - 1);
        assert!(wire.words.freqs.len() > kept, "runs such as bg136 are not vocabulary words");
    }

    #[test]
    fn boundaries_pack_to_the_open_bits_and_back() {
        let b = sample();
        let docs = b.normalized();
        let bits = &b.boundaries;
        let packed = pack_boundaries(&docs, bits).expect("the segmentation follows the rule");
        assert!(packed.len() < bits.len());
        assert_eq!(unpack_boundaries(&docs, &packed).as_ref(), Some(bits));
        // A bit set against the rule (two cuts inside "bg136") travels whole.
        let mut odd = bits.clone();
        odd[docs[0].chars.len() / 8 + 1 + docs[1].chars.len() / 8 + 1] ^= 0b110;
        assert_eq!(pack_boundaries(&docs, &odd), None);
        let odd = Bundle { boundaries: odd, ..b.clone() };
        let wire: Wire = postcard::from_bytes(&odd.encode()).expect("decodes");
        assert!(!wire.boundaries_packed);
        assert_eq!(Bundle::decode(&odd.encode()).map(|x| x.0), Ok(odd));
        // Bits that do not fit the texts: refused.
        assert_eq!(pack_boundaries(&docs, &bits[1..]), None);
        assert_eq!(unpack_boundaries(&docs, &packed[1..]), None);
        let short = Bundle { boundaries: bits[1..].to_vec(), ..b };
        assert_eq!(Bundle::decode(&short.encode()), Err(FormatError::Inconsistent("word boundaries")));
    }

    #[test]
    fn bad_bytes_are_errors() {
        assert!(matches!(Bundle::decode(&[0xff, 0xff]), Err(FormatError::Decode(_))));
        let mut bytes = sample().encode();
        bytes[0] = BUNDLE_VERSION as u8 + 1;
        assert_eq!(
            Bundle::decode(&bytes).map(|_| ()),
            Err(FormatError::Version { found: BUNDLE_VERSION + 1, expected: BUNDLE_VERSION })
        );
        // Every prefix and every flipped byte: an error or a bundle, never a panic.
        let bytes = sample().encode();
        for i in 0..bytes.len() {
            let _ = Bundle::decode(&bytes[..i]);
            let mut b = bytes.clone();
            b[i] ^= 0x55;
            let _ = Bundle::decode(&b);
        }
    }
}
