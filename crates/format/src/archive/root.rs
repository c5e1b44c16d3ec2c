//! The root file: what every visit reads first. It names every other file
//! and holds what ranking and facets need for every article without reading
//! any text: the pages (date, source, label), each article's page and
//! normalized length, the headline and kicker ranges, the fold table and
//! the vocabulary's total frequency.
//!
//! # Layout
//!
//! ```text
//! Root := Header(Root)                 the build id is the archive's
//!         postcard(Wire):
//!           articles:u32  total_chars:u64  vocab_total:u64
//!           fold:PackedFold             xunyue_core::fold (no chars known ahead)
//!           sources:[str]  dates:[str]  distinct, sorted (ISO dates)
//!           pages: stems:[str]  labels:[str] ("" none)  numbers:[u32] (0 none)
//!                  source:[u32]  date:[u32]  (index + 1, 0 none)
//!                  articles:[u32]          how many articles, in order
//!           lens:[u32]                   normalized chars of each article
//!           doc_source:[u32] doc_date:[u32]  each article's own (index + 1, 0 none)
//!           fields:[u32]                 per article: n, then n × (start − end of
//!                                        the previous range, length, field code)
//!           unigram_keys:[u64] unigram_hashes:[[u8;6]]   first key of each shard (deltas)
//!           pair_keys:[u64]    pair_hashes:[[u8;6]]
//!           summary_keys:[u64] summary_hashes:[[u8;6]]
//!           chunks:[[u8;6]]              article chunks (CHUNK articles each)
//!           facets:[(str, [u8;6])]       facet kind → file hash
//! ```
//!
//! Articles are numbered in page order: page `i` holds the next
//! `articles[i]` of them.

use super::{Header, Kind, HEADER_LEN};
use crate::FormatError;
use serde::{Deserialize, Serialize};
use xunyue_core::fields::Field;
use xunyue_core::fold::{FoldTable, PackedFold};

/// One printed page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageRec {
    pub stem: String,
    pub label: Option<String>,
    pub number: Option<u32>,
    /// Index into [`Root::sources`].
    pub source: Option<u32>,
    /// Index into [`Root::dates`].
    pub date: Option<u32>,
    /// Its articles: `first_doc..first_doc + docs`.
    pub first_doc: u32,
    pub docs: u32,
}

/// The decoded root.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Root {
    pub build: u64,
    pub total_chars: u64,
    pub vocab_total: u64,
    pub fold: FoldTable,
    pub sources: Vec<String>,
    pub dates: Vec<String>,
    pub pages: Vec<PageRec>,
    /// Per article: its page (index into `pages`).
    pub page_of: Vec<u32>,
    /// Per article: normalized chars.
    pub lens: Vec<u32>,
    /// Per article: its source and date (indices into `sources`, `dates`):
    /// its own, or else its page's.
    pub doc_source: Vec<Option<u32>>,
    pub doc_date: Vec<Option<u32>>,
    /// `fields[field_at[d]..field_at[d + 1]]`: article `d`'s ranges.
    pub field_at: Vec<u32>,
    pub fields: Vec<(u32, u32, Field)>,
    /// `(first key, hash)` of each shard, in key order.
    pub unigrams: Vec<(u64, u64)>,
    pub pairs: Vec<(u64, u64)>,
    pub summaries: Vec<(u64, u64)>,
    pub chunks: Vec<u64>,
    pub facets: Vec<(String, u64)>,
}

#[derive(Serialize, Deserialize, Default)]
struct Wire {
    articles: u32,
    total_chars: u64,
    vocab_total: u64,
    fold: Option<PackedFold>,
    sources: Vec<String>,
    dates: Vec<String>,
    stems: Vec<String>,
    labels: Vec<String>,
    numbers: Vec<u32>,
    source: Vec<u32>,
    date: Vec<u32>,
    page_articles: Vec<u32>,
    lens: Vec<u32>,
    doc_source: Vec<u32>,
    doc_date: Vec<u32>,
    fields: Vec<u32>,
    unigram_keys: Vec<u64>,
    unigram_hashes: Vec<[u8; 6]>,
    pair_keys: Vec<u64>,
    pair_hashes: Vec<[u8; 6]>,
    summary_keys: Vec<u64>,
    summary_hashes: Vec<[u8; 6]>,
    chunks: Vec<[u8; 6]>,
    facets: Vec<(String, [u8; 6])>,
}

fn h6(h: u64) -> [u8; 6] {
    let b = h.to_le_bytes();
    [b[0], b[1], b[2], b[3], b[4], b[5]]
}

fn u6(b: [u8; 6]) -> u64 {
    u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], 0, 0])
}

fn deltas(v: impl Iterator<Item = u64>) -> Vec<u64> {
    let mut prev = 0;
    v.map(|k| {
        let d = k - prev;
        prev = k;
        d
    })
    .collect()
}

fn undeltas(v: &[u64], what: &'static str) -> Result<Vec<u64>, FormatError> {
    let mut at = 0u64;
    let mut out = Vec::with_capacity(v.len());
    for (i, &d) in v.iter().enumerate() {
        if i > 0 && d == 0 {
            return Err(FormatError::Inconsistent(what));
        }
        at = at.checked_add(d).ok_or(FormatError::Inconsistent(what))?;
        out.push(at);
    }
    Ok(out)
}

impl Root {
    /// Encodes the root (its `page_of` and `first_doc`s follow from the
    /// pages' article counts and are not stored).
    pub fn encode(&self) -> Vec<u8> {
        let mut fields = Vec::new();
        for d in 0..self.lens.len() {
            let r = self.doc_fields(d as u32);
            fields.push(r.len() as u32);
            let mut end = 0;
            for &(s, e, f) in r {
                fields.extend([s - end, e - s, u32::from(f.code())]);
                end = e;
            }
        }
        let wire = Wire {
            articles: self.lens.len() as u32,
            total_chars: self.total_chars,
            vocab_total: self.vocab_total,
            fold: Some(PackedFold::pack(&self.fold, std::iter::empty())),
            sources: self.sources.clone(),
            dates: self.dates.clone(),
            stems: self.pages.iter().map(|p| p.stem.clone()).collect(),
            labels: self.pages.iter().map(|p| p.label.clone().unwrap_or_default()).collect(),
            numbers: self.pages.iter().map(|p| p.number.unwrap_or(0)).collect(),
            source: self.pages.iter().map(|p| p.source.map_or(0, |s| s + 1)).collect(),
            date: self.pages.iter().map(|p| p.date.map_or(0, |s| s + 1)).collect(),
            page_articles: self.pages.iter().map(|p| p.docs).collect(),
            lens: self.lens.clone(),
            doc_source: self.doc_source.iter().map(|s| s.map_or(0, |s| s + 1)).collect(),
            doc_date: self.doc_date.iter().map(|s| s.map_or(0, |s| s + 1)).collect(),
            fields,
            unigram_keys: deltas(self.unigrams.iter().map(|s| s.0)),
            unigram_hashes: self.unigrams.iter().map(|s| h6(s.1)).collect(),
            pair_keys: deltas(self.pairs.iter().map(|s| s.0)),
            pair_hashes: self.pairs.iter().map(|s| h6(s.1)).collect(),
            summary_keys: deltas(self.summaries.iter().map(|s| s.0)),
            summary_hashes: self.summaries.iter().map(|s| h6(s.1)).collect(),
            chunks: self.chunks.iter().map(|&h| h6(h)).collect(),
            facets: self.facets.iter().map(|(k, h)| (k.clone(), h6(*h))).collect(),
        };
        let mut out = Vec::new();
        Header { kind: Kind::Root, build: self.build }.write(&mut out);
        out.extend(postcard::to_allocvec(&wire).unwrap_or_default());
        out
    }

    /// Decodes the root file `file`.
    pub fn decode(file: &str, payload: &[u8]) -> Result<Root, FormatError> {
        let body = Header::check(file, payload, Kind::Root, None)?;
        let build = Header::build_of(payload).unwrap_or(0);
        let bad = |message: String| FormatError::File { file: file.to_string(), offset: HEADER_LEN, message };
        let w: Wire = postcard::from_bytes(body).map_err(|e| bad(format!("does not decode: {e}")))?;
        let n = w.articles as usize;
        let np = w.stems.len();
        if [w.labels.len(), w.numbers.len(), w.source.len(), w.date.len(), w.page_articles.len()].iter().any(|&l| l != np) {
            return Err(bad("page columns of different lengths".into()));
        }
        if w.lens.len() != n || w.doc_source.len() != n || w.doc_date.len() != n || w.page_articles.iter().map(|&k| k as u64).sum::<u64>() != n as u64 {
            return Err(bad("article counts do not add up".into()));
        }
        let fold = match w.fold {
            Some(p) => p.unpack(std::iter::empty()).map_err(|e| bad(e.to_string()))?,
            None => FoldTable::default(),
        };
        let idx = |v: u32, len: usize, what: &str| -> Result<Option<u32>, FormatError> {
            match v {
                0 => Ok(None),
                v if (v as usize) <= len => Ok(Some(v - 1)),
                v => Err(bad(format!("{what} index {v} past the {len} listed"))),
            }
        };
        let mut pages = Vec::with_capacity(np);
        let mut page_of = Vec::with_capacity(n);
        let mut first = 0u32;
        for i in 0..np {
            let docs = w.page_articles[i];
            pages.push(PageRec {
                stem: w.stems[i].clone(),
                label: Some(w.labels[i].clone()).filter(|l| !l.is_empty()),
                number: Some(w.numbers[i]).filter(|&n| n > 0),
                source: idx(w.source[i], w.sources.len(), "source")?,
                date: idx(w.date[i], w.dates.len(), "date")?,
                first_doc: first,
                docs,
            });
            page_of.extend(std::iter::repeat_n(i as u32, docs as usize));
            first += docs;
        }
        let doc_source = w.doc_source.iter().map(|&v| idx(v, w.sources.len(), "source")).collect::<Result<Vec<_>, _>>()?;
        let doc_date = w.doc_date.iter().map(|&v| idx(v, w.dates.len(), "date")).collect::<Result<Vec<_>, _>>()?;
        let mut field_at = Vec::with_capacity(n + 1);
        let mut fields = Vec::new();
        let mut at = 0usize;
        let mut next = || -> Result<u32, FormatError> {
            let v = *w.fields.get(at).ok_or_else(|| bad("field ranges end early".into()))?;
            at += 1;
            Ok(v)
        };
        for d in 0..n {
            field_at.push(fields.len() as u32);
            let k = next()?;
            let mut end = 0u32;
            for _ in 0..k {
                let s = end.checked_add(next()?).ok_or_else(|| bad("field range overflows".into()))?;
                let e = s.checked_add(next()?).ok_or_else(|| bad("field range overflows".into()))?;
                let f = Field::from_code(next()? as u8).ok_or_else(|| bad("bad field code".into()))?;
                if e > w.lens[d] {
                    return Err(bad(format!("a field range of article {d} ends past its text")));
                }
                fields.push((s, e, f));
                end = e;
            }
        }
        field_at.push(fields.len() as u32);
        if at != w.fields.len() {
            return Err(bad("bytes after the field ranges".into()));
        }
        let shards = |keys: &[u64], hashes: &[[u8; 6]], what: &'static str| -> Result<Vec<(u64, u64)>, FormatError> {
            if keys.len() != hashes.len() {
                return Err(bad(format!("{what}: keys and hashes of different lengths")));
            }
            let keys = undeltas(keys, what).map_err(|_| bad(format!("{what}: keys not increasing")))?;
            Ok(keys.into_iter().zip(hashes.iter().map(|&h| u6(h))).collect())
        };
        let chunks_needed = n.div_ceil(super::CHUNK as usize);
        if w.chunks.len() != chunks_needed {
            return Err(bad(format!("{} article chunks for {n} articles", w.chunks.len())));
        }
        Ok(Root {
            build,
            total_chars: w.total_chars,
            vocab_total: w.vocab_total,
            fold,
            unigrams: shards(&w.unigram_keys, &w.unigram_hashes, "one-char shards")?,
            pairs: shards(&w.pair_keys, &w.pair_hashes, "pair shards")?,
            summaries: shards(&w.summary_keys, &w.summary_hashes, "summary shards")?,
            sources: w.sources,
            dates: w.dates,
            pages,
            page_of,
            lens: w.lens,
            doc_source,
            doc_date,
            field_at,
            fields,
            chunks: w.chunks.into_iter().map(u6).collect(),
            facets: w.facets.into_iter().map(|(k, h)| (k, u6(h))).collect(),
        })
    }

    pub fn articles(&self) -> u32 {
        self.lens.len() as u32
    }

    /// Headline and kicker ranges of an article.
    pub fn doc_fields(&self, doc: u32) -> &[(u32, u32, Field)] {
        let d = doc as usize;
        match (self.field_at.get(d), self.field_at.get(d + 1)) {
            (Some(&a), Some(&b)) => self.fields.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The shard of `shards` that holds `key`: the last one starting at or
    /// before it.
    pub fn shard_for(shards: &[(u64, u64)], key: u64) -> Option<(u64, u64)> {
        let i = shards.partition_point(|s| s.0 <= key);
        i.checked_sub(1).map(|i| shards[i])
    }

    /// The shards of `shards` holding any key in `lo..hi`.
    pub fn shards_in(shards: &[(u64, u64)], lo: u64, hi: u64) -> &[(u64, u64)] {
        let a = shards.partition_point(|s| s.0 <= lo).saturating_sub(1);
        let b = shards.partition_point(|s| s.0 < hi);
        shards.get(a..b.max(a)).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Root {
        let mut r = Root {
            build: 0x1234,
            total_chars: 30,
            vocab_total: 999,
            sources: vec!["海滨日报".into()],
            dates: vec!["2021-03-04".into(), "2021-03-05".into()],
            lens: vec![10, 12, 8],
            doc_source: vec![Some(0), Some(0), None],
            doc_date: vec![Some(1), Some(0), None],
            unigrams: vec![(0, 11), (0x5000, 12)],
            pairs: vec![(0, 21)],
            summaries: vec![],
            chunks: vec![77],
            facets: vec![("org".into(), 5)],
            ..Root::default()
        };
        r.pages = vec![
            PageRec { stem: "a-1".into(), label: Some("第一版".into()), number: Some(1), source: Some(0), date: Some(1), first_doc: 0, docs: 2 },
            PageRec { stem: "a-2".into(), first_doc: 2, docs: 1, ..PageRec::default() },
        ];
        r.page_of = vec![0, 0, 1];
        r.fields = vec![(0, 4, Field::Headline), (0, 2, Field::Kicker), (2, 6, Field::Headline)];
        r.field_at = vec![0, 1, 3, 3];
        r
    }

    #[test]
    fn round_trips() {
        let r = sample();
        assert_eq!(Root::decode("root.bin", &r.encode()), Ok(r.clone()));
        assert_eq!(r.doc_fields(1), [(0, 2, Field::Kicker), (2, 6, Field::Headline)]);
        assert_eq!(Root::shard_for(&r.unigrams, 0x4fff), Some((0, 11)));
        assert_eq!(Root::shard_for(&r.unigrams, 0x5000), Some((0x5000, 12)));
        assert_eq!(Root::shards_in(&r.unigrams, 0x10, 0x6000).len(), 2);
        assert_eq!(Root::shards_in(&r.unigrams, 0x10, 0x20).len(), 1);
    }

    #[test]
    fn damaged_roots_are_errors_naming_the_file() {
        let bytes = sample().encode();
        for cut in 0..bytes.len() {
            let e = Root::decode("root.bin", &bytes[..cut]);
            assert!(e.is_err(), "cut at {cut}");
            assert!(e.unwrap_err().to_string().starts_with("root.bin"));
        }
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x41;
            let _ = Root::decode("root.bin", &b);
        }
    }
}
