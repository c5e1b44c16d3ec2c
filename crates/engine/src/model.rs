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
    /// Reflowed text: no line breaks inside.
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
    pub title: String,
    /// True when the page holds no headline for this article and the title was
    /// made from its first sentence.
    pub title_inferred: bool,
    pub kicker: Option<String>,
    pub subtitle: Option<String>,
    pub byline: Option<String>,
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
    pub organizations: Vec<String>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    pub keywords: Vec<String>,
}

/// Build-time analysis of the corpus (jieba-rs with its full dictionary).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Analysis {
    pub vocab: Vec<VocabWord>,
    /// Parallel to [`Corpus::articles`].
    pub articles: Vec<ArticleAnalysis>,
}
