//! The data model shared by ingest, index, search, the CLI and the UI.

use serde::{Deserialize, Serialize};

/// What a block of a printed page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BlockKind {
    Headline,
    /// Kicker, deck or subtitle around a headline.
    Kicker,
    Byline,
    Paragraph,
    SectionHeading,
    /// Photo caption (`■…`, `□记者 … 摄`).
    Caption,
    /// Teaser for another page (`■2版`).
    Teaser,
    /// Continuation mark (`（上接第一版）`, `（下转第二版）`).
    Continuation,
    /// A name alone at the end of an article.
    Signature,
    /// Advertisement marker (`广告`).
    Advertisement,
    /// An item of a boxed list (`●…`, `- …`).
    ListItem,
}

impl BlockKind {
    /// A stable lower-case name (used by the CLI and the DOM).
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Headline => "headline",
            BlockKind::Kicker => "kicker",
            BlockKind::Byline => "byline",
            BlockKind::Paragraph => "paragraph",
            BlockKind::SectionHeading => "section",
            BlockKind::Caption => "caption",
            BlockKind::Teaser => "teaser",
            BlockKind::Continuation => "continuation",
            BlockKind::Signature => "signature",
            BlockKind::Advertisement => "advertisement",
            BlockKind::ListItem => "list-item",
        }
    }
}

/// One reflowed block of text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    /// Reflowed text: no line breaks inside. Serialized as UTF-16 (see
    /// [`utf16`]).
    #[serde(with = "utf16")]
    pub text: String,
    /// 1-based line of the seed file where the block starts.
    pub line: u32,
}

/// One article: the unit that is searched, listed and read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Article {
    /// `<page stem>#<n>`, n counting from 1 in page order.
    pub id: String,
    /// Stem of the seed file (e.g. `000_4f4c079eaddbb646`).
    pub page: String,
    #[serde(with = "utf16")]
    pub title: String,
    /// True when the page holds no headline for this article and the title was
    /// made from its first sentence.
    pub title_inferred: bool,
    #[serde(with = "utf16::opt")]
    pub kicker: Option<String>,
    #[serde(with = "utf16::opt")]
    pub subtitle: Option<String>,
    #[serde(with = "utf16::opt")]
    pub byline: Option<String>,
    #[serde(with = "utf16::seq")]
    pub authors: Vec<String>,
    pub source: Option<String>,
    /// ISO date (`YYYY-MM-DD`) where known; never invented.
    pub date: Option<String>,
    /// Page label of the page this article continues from / to (e.g. `第一版`).
    pub continued_from: Option<String>,
    pub continued_to: Option<String>,
    /// Every block of the article in reading order, headline included.
    pub blocks: Vec<Block>,
}

impl Article {
    /// The searchable text: the blocks joined by `'\n'`. Hit spans are char
    /// offsets into this string.
    pub fn text(&self) -> String {
        let mut s = String::new();
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                s.push('\n');
            }
            s.push_str(&b.text);
        }
        s
    }

    /// Char offset where each block starts in [`Article::text`].
    pub fn block_offsets(&self) -> Vec<usize> {
        let mut at = 0;
        self.blocks
            .iter()
            .map(|b| {
                let start = at;
                at += b.text.chars().count() + 1;
                start
            })
            .collect()
    }

    /// Photo captions in order.
    pub fn captions(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter(|b| b.kind == BlockKind::Caption).map(|b| b.text.as_str())
    }

    /// Section headings in order.
    pub fn sections(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::SectionHeading)
            .map(|b| b.text.as_str())
    }
}

/// One seed file: a printed page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Page {
    /// File stem, e.g. `000_4f4c079eaddbb646`.
    pub stem: String,
    /// Human label (e.g. `第一版`), where known.
    pub label: Option<String>,
    pub number: Option<u32>,
    pub source: Option<String>,
    pub date: Option<String>,
    /// Ids of the articles on this page, in page order.
    pub articles: Vec<String>,
    /// Blocks that belong to no article (advertisement marks).
    #[serde(default)]
    pub loose: Vec<Block>,
}

/// Everything ingest produces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Corpus {
    pub pages: Vec<Page>,
    pub articles: Vec<Article>,
}

/// A word of the corpus vocabulary, with the frequency the build-time
/// dictionary gives it; loads the runtime segmenter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VocabWord {
    pub word: String,
    pub freq: u32,
}

/// What the build-time analysis found in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ArticleAnalysis {
    #[serde(with = "utf16::seq")]
    pub organizations: Vec<String>,
    #[serde(with = "utf16::seq")]
    pub people: Vec<String>,
    #[serde(with = "utf16::seq")]
    pub places: Vec<String>,
    #[serde(with = "utf16::seq")]
    pub keywords: Vec<String>,
}

/// Build-time analysis of the corpus (jieba-rs with its full dictionary).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Analysis {
    pub vocab: Vec<VocabWord>,
    /// Parallel to [`Corpus::articles`].
    pub articles: Vec<ArticleAnalysis>,
}

/// Serializes strings as their UTF-16LE code units, in bytes: Chinese text
/// takes 2 bytes a char instead of 3 and gzips smaller than UTF-8. Every
/// string of the corpus that repeats the texts goes this way, so that gzip
/// finds the repeats.
mod utf16 {
    use serde::de::{Error, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(s: &str, ser: S) -> Result<S::Ok, S::Error> {
        Ref(s).serialize(ser)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<String, D::Error> {
        de.deserialize_bytes(Utf16)
    }

    /// `Option<String>` fields.
    pub mod opt {
        use super::*;

        pub fn serialize<S: Serializer>(s: &Option<String>, ser: S) -> Result<S::Ok, S::Error> {
            s.as_deref().map(Ref).serialize(ser)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Option<String>, D::Error> {
            Ok(Option::<Text>::deserialize(de)?.map(|t| t.0))
        }
    }

    /// `Vec<String>` fields.
    pub mod seq {
        use super::*;

        pub fn serialize<S: Serializer>(v: &[String], ser: S) -> Result<S::Ok, S::Error> {
            ser.collect_seq(v.iter().map(|s| Ref(s)))
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Vec<String>, D::Error> {
            Ok(Vec::<Text>::deserialize(de)?.into_iter().map(|t| t.0).collect())
        }
    }

    struct Ref<'a>(&'a str);

    impl Serialize for Ref<'_> {
        fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
            let bytes: Vec<u8> = self.0.encode_utf16().flat_map(u16::to_le_bytes).collect();
            ser.serialize_bytes(&bytes)
        }
    }

    struct Text(String);

    impl<'de> Deserialize<'de> for Text {
        fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Text, D::Error> {
            de.deserialize_bytes(Utf16).map(Text)
        }
    }

    struct Utf16;

    impl Visitor<'_> for Utf16 {
        type Value = String;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("UTF-16LE bytes")
        }

        fn visit_bytes<E: Error>(self, b: &[u8]) -> Result<String, E> {
            if !b.len().is_multiple_of(2) {
                return Err(E::custom("odd UTF-16 length"));
            }
            let units = b.chunks_exact(2).map(|u| u16::from_le_bytes([u[0], u[1]]));
            char::decode_utf16(units).collect::<Result<String, _>>().map_err(E::custom)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_travel_as_utf16() {
        let block = Block { kind: BlockKind::Paragraph, text: "青岛 BG136 𝐀".to_string(), line: 3 };
        let bytes = postcard::to_allocvec(&block).unwrap_or_default();
        // kind, length, 10 chars in 11 UTF-16 units, line.
        assert_eq!(bytes.len(), 1 + 1 + 22 + 1, "{bytes:?}");
        assert_eq!(postcard::from_bytes::<Block>(&bytes), Ok(block));
        let article = Article {
            title: "华大".into(),
            kicker: Some("原创".into()),
            authors: vec!["张三".into(), String::new()],
            ..Article::default()
        };
        let bytes = postcard::to_allocvec(&article).unwrap_or_default();
        assert_eq!(postcard::from_bytes::<Article>(&bytes), Ok(article));
    }

    #[test]
    fn bad_utf16_is_an_error() {
        // kind 3, then the text: odd length, a lone surrogate (U+D800 LE).
        for text in [&[3u8, b'a', 0, b'b'][..], &[4, 0x00, 0xd8, b'a', 0]] {
            let mut bytes = vec![3u8];
            bytes.extend_from_slice(text);
            bytes.push(1);
            assert!(postcard::from_bytes::<Block>(&bytes).is_err(), "{bytes:?}");
        }
    }
}
