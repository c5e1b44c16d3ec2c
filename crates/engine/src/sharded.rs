//! The sharded shape: an archive read file by file through a [`Storage`] —
//! the root first, then the shards a query needs (see
//! `xunyue_format::archive`). Decoded shards and lists are kept, so memory
//! grows with what the queries touched, not with the archive.

use crate::source::{Fault, Faults, Got, Source};
use crate::store::Storage;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use xunyue_core::fields::SLOT;
use xunyue_core::fold::Fold;
use xunyue_core::model::Article;
use xunyue_core::segment::Segmenter;
use xunyue_format::archive::postings::{entry_doc, entry_pos, pair_key, CountList, CountShard, PairEntry, PairShard};
use xunyue_format::archive::records::{decode_article, FacetFile};
use xunyue_format::archive::root::{Layout, Root};
use xunyue_format::archive::{article_path, facet_path, shard_path, Kind};

pub use xunyue_format::archive::ROOT_FILE;

/// A sharded archive, read through `S`.
pub struct Sharded<S: Storage> {
    store: S,
    pub root: Root,
    /// Where each article starts in the archive's text (pair positions).
    starts: Vec<u64>,
    fold: Fold,
    avg_len: f32,
    pairs: RefCell<BTreeMap<String, Rc<PairShard>>>,
    counts: RefCell<BTreeMap<String, Rc<CountShard>>>,
    pair_lists: RefCell<BTreeMap<u64, Rc<[PairEntry]>>>,
    summaries: RefCell<BTreeMap<u64, Option<Rc<CountList>>>>,
    chars: RefCell<BTreeMap<char, Rc<CountList>>>,
    articles: RefCell<BTreeMap<u32, Rc<Article>>>,
    segmenters: RefCell<BTreeMap<String, Rc<Segmenter>>>,
}

/// A payload of the store, or the fault that stops the read.
fn load<S: Storage>(store: &S, path: &str) -> Got<Rc<[u8]>> {
    match store.get(path) {
        Ok(Some(p)) => Ok(p),
        Ok(None) => Err(Fault::Missing(vec![path.to_string()])),
        Err(why) => Err(Fault::Broken(why)),
    }
}



/// A shard must start with the key the root says it starts with.
fn first_key(path: &str, keys: &[u64], want: u64) -> Got<()> {
    match keys.first() {
        Some(&k) if k == want => Ok(()),
        _ => Err(Fault::Broken(format!("{path}: not the shard the root names (it starts at another key): damaged, or from another build"))),
    }
}

impl<S: Storage> Sharded<S> {
    /// Opens the archive: reads and decodes its root.
    pub fn open(store: S) -> Got<Sharded<S>> {
        let payload = load(&store, ROOT_FILE)?;
        let root = Root::decode(ROOT_FILE, &payload)?;
        let slots: u64 = root.slots.iter().map(|&s| u64::from(s)).sum();
        let avg_len = (slots * u64::from(SLOT)) as f32 / root.articles().max(1) as f32;
        Ok(Sharded {
            fold: Fold::for_archive(root.fold.clone()),
            starts: root.doc_starts(),
            root,
            store,
            avg_len,
            pairs: RefCell::default(),
            counts: RefCell::default(),
            pair_lists: RefCell::default(),
            summaries: RefCell::default(),
            chars: RefCell::default(),
            articles: RefCell::default(),
            segmenters: RefCell::default(),
        })
    }

    pub fn store(&self) -> &S {
        &self.store
    }

    fn pair_shard(&self, key: u64) -> Got<Option<Rc<PairShard>>> {
        let Some(i) = Root::shard_for(&self.root.pairs, key) else { return Ok(None) };
        let path = shard_path(Kind::Pairs, self.root.build, i);
        if let Some(s) = self.pairs.borrow().get(&path) {
            return Ok(Some(s.clone()));
        }
        let payload = load(&self.store, &path)?;
        let s = Rc::new(PairShard::decode(&path, &payload, self.root.build)?);
        first_key(&path, s.keys(), self.root.pairs[i].0)?;
        self.pairs.borrow_mut().insert(path, s.clone());
        Ok(Some(s))
    }

    fn count_shard(&self, kind: Kind, key: u64) -> Got<Option<Rc<CountShard>>> {
        let table = if kind == Kind::Unigrams { &self.root.unigrams } else { &self.root.summaries };
        let Some(i) = Root::shard_for(table, key) else { return Ok(None) };
        let path = shard_path(kind, self.root.build, i);
        if let Some(s) = self.counts.borrow().get(&path) {
            return Ok(Some(s.clone()));
        }
        let payload = load(&self.store, &path)?;
        let s = Rc::new(CountShard::decode(&path, &payload, kind, self.root.build)?);
        first_key(&path, s.keys(), table[i].0)?;
        self.counts.borrow_mut().insert(path, s.clone());
        Ok(Some(s))
    }

    /// The path of a shard of `table` holding `key`, when not loaded yet.
    fn missing(&self, kind: Kind, key: u64) -> Option<String> {
        let table = match kind {
            Kind::Pairs => &self.root.pairs,
            Kind::Unigrams => &self.root.unigrams,
            _ => &self.root.summaries,
        };
        let i = Root::shard_for(table, key)?;
        let path = shard_path(kind, self.root.build, i);
        let loaded = match kind {
            Kind::Pairs => self.pairs.borrow().contains_key(&path),
            _ => self.counts.borrow().contains_key(&path),
        };
        (!loaded && !self.store.loaded(&path)).then_some(path)
    }

    /// Every file of the archive, the root first: what saving it for
    /// offline use downloads.
    pub fn all_files(&self) -> Vec<String> {
        let b = self.root.build;
        let mut out = vec![ROOT_FILE.to_string()];
        for (kind, table) in [(Kind::Pairs, &self.root.pairs), (Kind::Unigrams, &self.root.unigrams), (Kind::Summaries, &self.root.summaries)] {
            out.extend((0..table.len()).map(|i| shard_path(kind, b, i)));
        }
        out.extend((0..self.root.articles()).map(|d| article_path(b, d)));
        out.extend(self.root.facets.iter().map(|f| facet_path(b, f)));
        out
    }

    /// The sizes of the shards as the root lists them, in KiB (rounded
    /// up), in the order of [`Sharded::all_files`] without the root and the
    /// article records (which the root does not size).
    pub fn shard_kib(&self) -> u64 {
        [&self.root.pairs, &self.root.unigrams, &self.root.summaries].iter().flat_map(|t| t.iter()).map(|&(_, k)| u64::from(k)).sum()
    }

    /// The path of article `doc`'s record.
    pub fn article_path(&self, doc: u32) -> Option<String> {
        (doc < self.root.articles()).then(|| article_path(self.root.build, doc))
    }

    /// The values of facet `kind` for every article (`Ok(None)`: the
    /// archive has no such facet).
    pub fn facet(&self, kind: &str) -> Got<Option<FacetFile>> {
        let Some(path) = self.facet_path(kind) else { return Ok(None) };
        let payload = load(&self.store, &path)?;
        Ok(Some(FacetFile::decode(&path, &payload, self.root.build, kind, self.root.articles())?))
    }

    /// The path of facet `kind`'s file.
    pub fn facet_path(&self, kind: &str) -> Option<String> {
        self.root.facets.iter().any(|f| f == kind).then(|| facet_path(self.root.build, kind))
    }
}

impl<S: Storage> Source for Sharded<S> {
    fn articles(&self) -> u32 {
        self.root.articles()
    }

    fn avg_len(&self) -> f32 {
        self.avg_len
    }

    fn doc_len(&self, doc: u32) -> u32 {
        self.root.slots.get(doc as usize).copied().unwrap_or(0) * SLOT
    }

    fn fold(&self) -> &Fold {
        &self.fold
    }

    fn segmenter(&self, query: &[char]) -> Got<Rc<Segmenter>> {
        let q: String = query.iter().collect();
        if let Some(s) = self.segmenters.borrow().get(&q) {
            return Ok(s.clone());
        }
        // Every word that can be in the query starts with one of its pairs.
        let mut words = Vec::new();
        let mut faults = Faults::default();
        let mut keys: Vec<u64> = query.windows(2).map(|w| pair_key(w[0], w[1])).collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            if let Some(Some(shard)) = faults.take(self.pair_shard(k)) {
                if let Some(ws) = faults.take(shard.words(k).map_err(Fault::from)) {
                    words.extend(ws.into_iter().filter(|(w, _)| q.contains(w.as_str())));
                }
            }
        }
        faults.done()?;
        let seg = Rc::new(Segmenter::from_words(words.iter().map(|(w, f)| (w.as_str(), *f)), self.root.vocab_total));
        self.segmenters.borrow_mut().insert(q, seg.clone());
        Ok(seg)
    }

    fn pair(&self, a: char, b: char) -> Got<Rc<[PairEntry]>> {
        let key = pair_key(a, b);
        if let Some(l) = self.pair_lists.borrow().get(&key) {
            return Ok(l.clone());
        }
        let list: Rc<[PairEntry]> = match self.pair_shard(key)? {
            Some(s) => s.list(key, &self.starts)?.unwrap_or_default().into(),
            None => Rc::from(&[][..]),
        };
        self.pair_lists.borrow_mut().insert(key, list.clone());
        Ok(list)
    }

    fn pair_summary(&self, a: char, b: char) -> Got<Option<Rc<CountList>>> {
        let key = pair_key(a, b);
        if let Some(l) = self.summaries.borrow().get(&key) {
            return Ok(l.clone());
        }
        let list = match self.count_shard(Kind::Summaries, key)? {
            Some(s) => s.list(key)?.map(Rc::new),
            None => None,
        };
        self.summaries.borrow_mut().insert(key, list.clone());
        Ok(list)
    }

    fn char_counts(&self, c: char) -> Got<Rc<CountList>> {
        if let Some(l) = self.chars.borrow().get(&c) {
            return Ok(l.clone());
        }
        let key = u64::from(c as u32);
        let list = match self.count_shard(Kind::Unigrams, key)? {
            Some(s) => Rc::new(s.list(key)?.unwrap_or_default()),
            None => Rc::new(CountList::default()),
        };
        self.chars.borrow_mut().insert(c, list.clone());
        Ok(list)
    }

    fn char_positions(&self, c: char) -> Got<Vec<(u32, u32)>> {
        // Every pair starting with c: (c, END) at the ends of articles too.
        let lo = pair_key(c, '\0');
        let hi = lo + (1 << 21);
        let mut faults = Faults::default();
        let mut out: Vec<(u32, u32)> = Vec::new();
        let shards: Vec<u64> = Root::shards_in(&self.root.pairs, lo, hi).map(|i| self.root.pairs[i].0).collect();
        for first in shards {
            if let Some(Some(s)) = faults.take(self.pair_shard(first.max(lo))) {
                let keys: Vec<u64> = s.keys().iter().copied().filter(|&k| k >= lo && k < hi).collect();
                for k in keys {
                    if let Some(Some(l)) = faults.take(s.list(k, &self.starts).map_err(Fault::from)) {
                        out.extend(l.iter().map(|&e| (entry_doc(e), entry_pos(e))));
                    }
                }
            }
        }
        faults.done()?;
        out.sort_unstable();
        Ok(out)
    }

    fn article(&self, doc: u32) -> Got<Rc<Article>> {
        if let Some(a) = self.articles.borrow().get(&doc) {
            return Ok(a.clone());
        }
        let path = self.article_path(doc).ok_or_else(|| Fault::Broken(format!("no article {doc} in the archive")))?;
        let payload = load(&self.store, &path)?;
        let a = Rc::new(decode_article(&path, &payload, self.root.build, doc)?);
        self.articles.borrow_mut().insert(doc, a.clone());
        Ok(a)
    }

    fn layout(&self) -> &Layout {
        &self.root.layout
    }

    fn date_chars(&self) -> &[u64] {
        &self.root.date_chars
    }

    fn plan(&self, pairs: &[(char, char)], chars: &[char]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |p: Option<String>| {
            if let Some(p) = p {
                if !out.contains(&p) {
                    out.push(p);
                }
            }
        };
        for &(a, b) in pairs {
            add(self.missing(Kind::Pairs, pair_key(a, b)));
        }
        for &c in chars {
            add(self.missing(Kind::Unigrams, u64::from(c as u32)));
        }
        out
    }
}
