//! What the search reads, whatever the shape of the archive: one interface,
//! [`Source`], with two implementations — the embedded bundle, everything in
//! memory and built at load ([`crate::embedded`]), and the sharded archive,
//! read file by file through a [`crate::store::Storage`]
//! ([`crate::sharded`]). The search is written once, against this trait, so
//! both shapes answer every query alike.
//!
//! A read that needs a file not loaded yet fails with [`Fault::Missing`],
//! naming it; so does every read of that search, so that the caller can load
//! all the files at once (in parallel) and search again.

use std::fmt;
use std::rc::Rc;
use xunyue_core::fields::Field;
use xunyue_core::fold::Fold;
use xunyue_core::model::Article;
use xunyue_core::segment::Segmenter;
use xunyue_format::archive::postings::{CountList, PairEntry};
use xunyue_format::archive::root::Layout;

/// Why a read did not give its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    /// These files are not loaded yet: load them and ask again.
    Missing(Vec<String>),
    /// A file is missing for good, damaged or from another build: the
    /// message names it. Never answered with fewer results.
    Broken(String),
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::Missing(files) => write!(f, "not loaded yet: {}", files.join(", ")),
            Fault::Broken(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for Fault {}

impl Fault {
    /// Both faults together: every missing file of both, or the first
    /// broken one.
    pub fn and(self, other: Fault) -> Fault {
        match (self, other) {
            (Fault::Missing(mut a), Fault::Missing(b)) => {
                for f in b {
                    if !a.contains(&f) {
                        a.push(f);
                    }
                }
                Fault::Missing(a)
            }
            (b @ Fault::Broken(_), _) | (_, b @ Fault::Broken(_)) => b,
        }
    }
}

impl From<xunyue_format::FormatError> for Fault {
    fn from(e: xunyue_format::FormatError) -> Fault {
        Fault::Broken(e.to_string())
    }
}

pub type Got<T> = Result<T, Fault>;

/// Collects the faults of several reads, so that one pass names every
/// missing file.
#[derive(Default)]
pub struct Faults(Option<Fault>);

impl Faults {
    /// The value of a read, or `None` after recording its fault.
    pub fn take<T>(&mut self, r: Got<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(f) => {
                self.0 = Some(match self.0.take() {
                    None => f,
                    Some(g) => g.and(f),
                });
                None
            }
        }
    }

    /// True while no read has failed.
    pub fn is_clear(&self) -> bool {
        self.0.is_none()
    }

    /// `Ok(())` when no read failed.
    pub fn done(self) -> Got<()> {
        match self.0 {
            None => Ok(()),
            Some(f) => Err(f),
        }
    }
}

/// The data of an archive, as the search reads it.
pub trait Source {
    /// True for a source that holds everything in memory and never faults
    /// (the embedded shape): the search then reads one-char positions
    /// directly and leaves out the paths that only spare a sharded archive
    /// reads — code the embedded app's wasm does not carry.
    const COMPLETE: bool = false;

    /// Number of articles.
    fn articles(&self) -> u32;
    /// Mean normalized length of an article.
    fn avg_len(&self) -> f32;
    /// The length of article `doc` as the ranking sees it
    /// ([`xunyue_core::fields::rank_len`]).
    fn doc_len(&self, doc: u32) -> u32;
    /// The fold queries are normalized with.
    fn fold(&self) -> &Fold;
    /// A segmenter that cuts `query` (normalized) as the whole vocabulary
    /// does (the sharded archive loads only the words of the query's pairs).
    fn segmenter(&self, query: &[char]) -> Got<Rc<Segmenter>>;
    /// Every occurrence of the pair `(a, b)`, in doc then position order;
    /// empty when no article has it.
    fn pair(&self, a: char, b: char) -> Got<Rc<[PairEntry]>>;
    /// Per article, the pair's non-overlapping count and weights, when the
    /// archive keeps such a summary for it (the frequent pairs of a sharded
    /// archive); `None` otherwise (read [`Source::pair`]).
    fn pair_summary(&self, a: char, b: char) -> Got<Option<Rc<CountList>>>;
    /// Per article, how often `c` occurs and what its occurrences weigh.
    fn char_counts(&self, c: char) -> Got<Rc<CountList>>;
    /// Every occurrence of `c`, as `(doc, position)` in doc then position
    /// order: costly in a sharded archive (every pair starting with `c`),
    /// read only where a count needs positions.
    fn char_positions(&self, c: char) -> Got<Vec<(u32, u32)>>;
    /// Every occurrence of `c` as `(doc, position, field, on word
    /// boundaries)`, in doc then position order: what a complete source
    /// ([`Source::COMPLETE`]) answers a one-char needle with, counts and
    /// positions in one pass. Others keep the default (never called).
    fn char_occurrences(&self, _c: char) -> Vec<(u32, u32, Field, bool)> {
        Vec::new()
    }
    /// The record of article `doc`.
    fn article(&self, doc: u32) -> Got<Rc<Article>>;
    /// Article `doc`'s normalized text, when the source holds it already
    /// (the embedded shape); `None`: normalize the record's text.
    fn normalized(&self, _doc: u32) -> Option<xunyue_core::Normalized> {
        None
    }
    /// Where every article stands in print: pages, sources, dates (the
    /// root of a sharded archive; derived at load in the embedded shape).
    fn layout(&self) -> &Layout;
    /// Per date of [`Source::layout`]: the normalized chars of its articles.
    fn date_chars(&self) -> &[u64];
    /// The files the reads of `pairs` and `chars` would need that are not
    /// loaded yet (to load them in one go before searching).
    fn plan(&self, pairs: &[(char, char)], chars: &[char]) -> Vec<String>;
}
