//! The serialized corpus + index embedded in the app and the CLI.

use crate::index::IndexData;
use crate::model::{Analysis, Corpus, VocabWord};
use crate::normalize::{install_table, normalize, FoldTable, Normalized, PackedFold};
use crate::segment::{bit, freq_code, freq_of_code, is_vocab_word, words_between};
use crate::sort::{sort_by, sort_dedup};
use serde::de::{Error as _, SeqAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Bumped whenever the layout of [`Blob`] changes.
pub const BLOB_VERSION: u32 = 7;

/// Serialized field by field in this order, with the fold table packed
/// against the chars of the texts (see [`PackedFold`]), which come first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Blob {
    pub version: u32,
    pub corpus: Corpus,
    pub analysis: Analysis,
    pub index: IndexData,
    /// The character fold for builds without the Unicode tables (see
    /// [`crate::normalize`]).
    pub fold: FoldTable,
    /// The vocabulary in the compact form (see [`PackedVocab`]); empty in
    /// the full form, which has it in [`Analysis::vocab`].
    pub words: PackedVocab,
    /// True when [`IndexData::boundaries`] holds only the bits
    /// [`boundary_rule`] leaves open (see [`pack_boundaries`]); the compact
    /// form packs them so whenever the segmentation follows the rule.
    pub boundaries_packed: bool,
}

/// The vocabulary as the compact blob carries it. Its words are spelled by
/// the texts already: they are the runs between the word boundaries of the
/// index (the build-time segmentation) that [`is_vocab_word`] keeps. So only
/// a frequency byte per word travels: `freqs[i]` is the [`freq_code`] of the
/// `i`-th such run in sorted order without repeats, 0 for a run that is not
/// in the vocabulary; `extra` holds vocabulary words no run spells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct PackedVocab {
    pub freqs: Vec<u8>,
    pub extra: Vec<VocabWord>,
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

/// The chars of the texts, which the fold table is packed against.
fn text_chars(corpus: &Corpus) -> impl Iterator<Item = char> + '_ {
    corpus.articles.iter().flat_map(|a| &a.blocks).flat_map(|b| b.text.chars())
}

impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut s = ser.serialize_struct("Blob", 7)?;
        s.serialize_field("version", &self.version)?;
        s.serialize_field("corpus", &self.corpus)?;
        s.serialize_field("analysis", &self.analysis)?;
        s.serialize_field("index", &self.index)?;
        s.serialize_field("fold", &PackedFold::pack(&self.fold, text_chars(&self.corpus)))?;
        s.serialize_field("words", &self.words)?;
        s.serialize_field("boundaries_packed", &self.boundaries_packed)?;
        s.end()
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Blob, D::Error> {
        const FIELDS: &[&str] = &["version", "corpus", "analysis", "index", "fold", "words", "boundaries_packed"];
        de.deserialize_struct("Blob", FIELDS, BlobVisitor)
    }
}

struct BlobVisitor;

impl<'de> Visitor<'de> for BlobVisitor {
    type Value = Blob;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a corpus blob")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Blob, A::Error> {
        fn next<'de, T: Deserialize<'de>, A: SeqAccess<'de>>(seq: &mut A) -> Result<T, A::Error> {
            seq.next_element()?.ok_or_else(|| A::Error::custom("blob ends early"))
        }
        let version = next(&mut seq)?;
        let corpus: Corpus = next(&mut seq)?;
        let analysis = next(&mut seq)?;
        let index = next(&mut seq)?;
        let fold: PackedFold = next(&mut seq)?;
        let fold = fold.unpack(text_chars(&corpus)).map_err(A::Error::custom)?;
        let words = next(&mut seq)?;
        let boundaries_packed = next(&mut seq)?;
        Ok(Blob { version, corpus, analysis, index, fold, words, boundaries_packed })
    }
}

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
    ///
    /// The word boundaries stay (2 KB), and the vocabulary is packed against
    /// them: 17.7 KB raw, 11.3 KB gzip as a word list; see [`PackedVocab`].
    pub fn to_compact_bytes(&self) -> Vec<u8> {
        let runs = vocab_runs(&self.normalized(), &self.index.boundaries);
        let mut freqs = vec![0u8; runs.len()];
        let mut extra = Vec::new();
        for w in &self.analysis.vocab {
            match runs.binary_search(&w.word) {
                Ok(i) => freqs[i] = freq_code(w.freq).max(1),
                Err(_) => extra.push(w.clone()),
            }
        }
        let packed = pack_boundaries(&self.normalized(), &self.index.boundaries);
        let boundaries_packed = packed.is_some();
        let boundaries = packed.unwrap_or_else(|| self.index.boundaries.clone());
        let compact = Blob {
            version: self.version,
            corpus: self.corpus.clone(),
            analysis: Analysis { vocab: Vec::new(), articles: self.analysis.articles.clone() },
            index: IndexData { boundaries, ..IndexData::default() },
            fold: self.fold.clone(),
            words: PackedVocab { freqs, extra },
            boundaries_packed,
        };
        compact.to_bytes()
    }

    /// Reads either form; a blob whose index was left out gets it rebuilt.
    pub fn from_bytes(bytes: &[u8]) -> Result<Blob, BlobError> {
        Blob::load(bytes).map(|(blob, _)| blob)
    }

    /// [`Blob::from_bytes`], also giving the normalized article texts it
    /// needed (the engine reuses them instead of normalizing twice at load).
    pub fn load(bytes: &[u8]) -> Result<(Blob, Vec<Normalized>), BlobError> {
        let mut blob: Blob =
            postcard::from_bytes(bytes).map_err(|e| BlobError::Decode(e.to_string()))?;
        if blob.version != BLOB_VERSION {
            return Err(BlobError::Version { found: blob.version, expected: BLOB_VERSION });
        }
        install_table(&blob.fold);
        let docs = blob.normalized();
        if blob.index.keys == 0 && !blob.corpus.articles.is_empty() {
            if blob.boundaries_packed {
                blob.index.boundaries = unpack_boundaries(&docs, &blob.index.boundaries).ok_or(BlobError::Index)?;
                blob.boundaries_packed = false;
            }
            if blob.analysis.vocab.is_empty() {
                blob.analysis.vocab = blob.words.unpack(&docs, &blob.index.boundaries);
                blob.words = PackedVocab::default();
            }
            let chars: Vec<&[char]> = docs.iter().map(|n| n.chars.as_slice()).collect();
            let boundaries = std::mem::take(&mut blob.index.boundaries);
            blob.index = IndexData { boundaries, ..IndexData::build(&chars) };
        }
        Ok((blob, docs))
    }

    /// The normalized article texts (what the index is built over).
    pub fn normalized(&self) -> Vec<Normalized> {
        self.corpus.articles.iter().map(|a| normalize(&a.text())).collect()
    }

    /// The index as the build makes it: over the normalized article texts,
    /// with word boundaries from the vocabulary (the build itself ships the
    /// boundaries of its full-dictionary segmentation instead).
    pub fn rebuilt_index(&self) -> IndexData {
        let docs: Vec<Vec<char>> = self.normalized().into_iter().map(|n| n.chars).collect();
        IndexData::build_with(&docs, &self.analysis.vocab)
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
fn boundary_rule(a: char, b: char) -> Option<bool> {
    if !a.is_alphanumeric() || !b.is_alphanumeric() || a.is_ascii() != b.is_ascii() {
        Some(true)
    } else if a.is_ascii() {
        Some(false)
    } else {
        None
    }
}

/// The bit set of the word boundaries as [`Blob::to_compact_bytes`] stores
/// it: only the bits [`boundary_rule`] leaves open, in order (a fifth fewer,
/// and less regular, than all of them). `None` when the bit set breaks the
/// rule or does not have the length the texts give it.
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
fn unpack_boundaries(docs: &[Normalized], packed: &[u8]) -> Option<Vec<u8>> {
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
        // 区块链 is in no text: it travels whole in the compact form.
        blob.analysis.vocab = ["产业", "区块链", "华大", "基因", "集成电路", "青岛"]
            .iter()
            .zip(1u32..)
            .map(|(w, i)| VocabWord { word: w.to_string(), freq: crate::segment::round_freq(i * 1000) })
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
    fn compact_form_spells_the_vocabulary_from_the_texts() {
        let blob = sample();
        let compact: Blob = postcard::from_bytes(&blob.to_compact_bytes()).unwrap();
        assert!(compact.analysis.vocab.is_empty());
        let extra: Vec<&str> = compact.words.extra.iter().map(|w| w.word.as_str()).collect();
        assert_eq!(extra, ["区块链"]);
        // One byte per run between boundaries; runs that are not vocabulary words are 0.
        let kept = compact.words.freqs.iter().filter(|&&c| c > 0).count();
        assert_eq!(kept, blob.analysis.vocab.len() - 1);
        assert!(compact.words.freqs.len() > kept, "runs such as bg136 are not vocabulary words");
        let mut back = Blob::from_bytes(&blob.to_compact_bytes()).unwrap();
        assert_eq!(back.analysis.vocab, blob.analysis.vocab);
        assert_eq!(back.index.boundaries, blob.index.boundaries);
        back.analysis.vocab.clear();
        assert_ne!(back, blob, "the comparison above can fail");
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
    fn boundaries_pack_to_the_open_bits_and_back() {
        let blob = sample();
        let docs = blob.normalized();
        let bits = &blob.index.boundaries;
        let packed = pack_boundaries(&docs, bits).expect("the segmentation follows the rule");
        assert!(packed.len() < bits.len());
        assert_eq!(unpack_boundaries(&docs, &packed).as_ref(), Some(bits));
        let compact: Blob = postcard::from_bytes(&blob.to_compact_bytes()).expect("decodes");
        assert!(compact.boundaries_packed);
        // A bit set against the rule (two cuts inside "bg136") travels whole.
        let mut odd = bits.clone();
        odd[docs[0].chars.len() / 8 + 1 + docs[1].chars.len() / 8 + 1] ^= 0b110;
        assert_eq!(pack_boundaries(&docs, &odd), None);
        let odd = Blob { index: IndexData { boundaries: odd, ..blob.index.clone() }, ..blob.clone() };
        let compact: Blob = postcard::from_bytes(&odd.to_compact_bytes()).expect("decodes");
        assert!(!compact.boundaries_packed);
        assert_eq!(Blob::from_bytes(&odd.to_compact_bytes()), Ok(odd));
        // Bits that do not fit the texts: not packed, or refused.
        assert_eq!(pack_boundaries(&docs, &bits[1..]), None);
        assert_eq!(unpack_boundaries(&docs, &packed[1..]), None);
        let mut bad: Blob = postcard::from_bytes(&blob.to_compact_bytes()).expect("decodes");
        bad.index.boundaries.push(0);
        assert_eq!(Blob::from_bytes(&bad.to_bytes()), Err(BlobError::Index));
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
