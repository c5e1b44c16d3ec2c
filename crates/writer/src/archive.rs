//! Writing the sharded archive (`xunyue_format::archive`): the postings of
//! every char and every pair of the normalized texts, cut into shards by key
//! range, the article records, the facet files and the root.
//!
//! Memory: one entry of 16 bytes per pair occurrence and per (char,
//! article), sorted once; the texts are normalized once. Nothing is held
//! twice beyond that.

use crate::Progress;
use std::collections::BTreeMap;
use xunyue_core::fields::{field_at, field_ranges, slots, weight20, Field};
use xunyue_core::fold::FoldTable;
use xunyue_core::model::{Analysis, Corpus};
use xunyue_core::normalize::{normalize, Normalized};
use xunyue_core::segment::{bit, freq_code};
use xunyue_format::archive::postings::{
    encode_counts, encode_pairs, entry_after, entry_before, entry_doc, entry_field, entry_pos, pair_entry, pair_key,
    positions_len, CountEntry, PairEntry, PairKey, END, MAX_POS,
};
use xunyue_format::archive::records::{encode_article, FacetFile};
use xunyue_format::archive::root::{chars_by_date, Layout, Root};
use xunyue_format::archive::{article_path, facet_path, fnv64, shard_path, Kind, ARCHIVE_VERSION, ROOT_FILE};

/// How big a shard may grow before the next key starts a new one, in bytes
/// of payload (before gzip). A key larger than that is a shard of its own.
#[derive(Debug, Clone, Copy)]
pub struct ShardSizes {
    pub pairs: usize,
    pub unigrams: usize,
    pub summaries: usize,
    /// Pairs with at least this many occurrences also get a summary (counts
    /// and weights per article, no positions), for queries of just that pair.
    pub summary_min: usize,
}

impl Default for ShardSizes {
    fn default() -> ShardSizes {
        ShardSizes { pairs: 10 * 1024, unigrams: 8 * 1024, summaries: 8 * 1024, summary_min: 400 }
    }
}

/// One file of the archive: its path under the archive folder and its
/// payload (the writer gzips it).
pub struct File {
    pub path: String,
    pub payload: Vec<u8>,
    /// The payload gzipped: the file as stored and served.
    pub gz: Vec<u8>,
}

impl File {
    fn new(path: String, payload: Vec<u8>) -> File {
        let gz = crate::gzip(&payload);
        File { path, payload, gz }
    }
}

/// Everything the archive is made of.
pub struct Input<'a> {
    pub corpus: &'a Corpus,
    pub analysis: &'a Analysis,
    /// Word boundaries per article (`len / 8 + 1` bytes each), or empty.
    pub boundaries: &'a [u8],
    pub fold: &'a FoldTable,
}

/// The build id: a hash of what the archive holds, so that a file of
/// another build is told apart.
fn build_id(input: &Input) -> u64 {
    let mut h = Vec::with_capacity(16 * input.corpus.articles.len() + 16);
    h.push(ARCHIVE_VERSION);
    for a in &input.corpus.articles {
        h.extend_from_slice(&fnv64(&postcard::to_allocvec(a).unwrap_or_default()).to_le_bytes());
    }
    for p in &input.corpus.pages {
        h.extend_from_slice(&fnv64(&postcard::to_allocvec(p).unwrap_or_default()).to_le_bytes());
    }
    h.extend_from_slice(&fnv64(&postcard::to_allocvec(input.analysis).unwrap_or_default()).to_le_bytes());
    h.extend_from_slice(&fnv64(input.boundaries).to_le_bytes());
    fnv64(&h)
}

/// A list of docs' figures for one key, non-overlapping occurrences, from
/// its positions: what the engine computes from the same positions.
fn summarize(entries: &[PairEntry]) -> Vec<CountEntry> {
    let mut out: Vec<CountEntry> = Vec::new();
    let mut free = 0u32;
    for &e in entries {
        let (doc, pos) = (entry_doc(e), entry_pos(e));
        if out.last().map(|c| c.doc) != Some(doc) {
            out.push(CountEntry { doc, ..CountEntry::default() });
        } else if pos < free {
            continue;
        }
        free = pos + 2;
        if let Some(c) = out.last_mut() {
            let f = entry_field(e);
            c.count += 1;
            c.wtf20 += weight20(f, entry_before(e) && entry_after(e));
            c.in_headline |= f == Field::Headline;
        }
    }
    out
}

/// Cuts `keys` (with each one's encoded size) into runs of at most `max`
/// bytes; a key larger than `max` is a run of its own.
fn cut(sizes: impl Iterator<Item = usize>, max: usize) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let (mut start, mut bytes, mut i) = (0usize, 0usize, 0usize);
    for s in sizes {
        if i > start && bytes + s > max {
            runs.push(start..i);
            start = i;
            bytes = 0;
        }
        bytes += s;
        i += 1;
    }
    if i > start {
        runs.push(start..i);
    }
    runs
}

/// Builds every file of the sharded archive; the root last.
pub fn build(input: &Input, sizes: ShardSizes, progress: &mut dyn Progress) -> Result<Vec<File>, String> {
    let corpus = input.corpus;
    let n = corpus.articles.len();
    if n >= u32::MAX as usize {
        return Err(format!("{n} articles: too many for one archive"));
    }
    let build = build_id(input);
    let mut files = Vec::new();

    // Articles.
    progress.step("article records");
    for (d, a) in corpus.articles.iter().enumerate() {
        files.push(File::new(article_path(build, d as u32), encode_article(build, d as u32, a)));
    }

    // Normalized texts, field ranges, word boundaries per doc.
    progress.step("normalizing the texts");
    let docs: Vec<Normalized> = corpus.articles.iter().map(|a| normalize(&a.text())).collect();
    let fields: Vec<Vec<(u32, u32, Field)>> =
        corpus.articles.iter().zip(&docs).map(|(a, d)| field_ranges(a, d)).collect();
    let mut bound_at = Vec::with_capacity(n + 1);
    let mut at = 0usize;
    for d in &docs {
        bound_at.push(at);
        at += d.chars.len() / 8 + 1;
    }
    let has_bounds = at == input.boundaries.len() && at > 0;
    let boundary = |doc: usize, i: usize| -> bool {
        if !has_bounds {
            return true;
        }
        let bytes = docs[doc].chars.len() / 8 + 1;
        bit(&input.boundaries[bound_at[doc]..bound_at[doc] + bytes], i)
    };
    for (d, doc) in docs.iter().enumerate() {
        if doc.chars.len() > MAX_POS as usize {
            return Err(format!("{}: {} chars, more than one article may hold", corpus.articles[d].id, doc.chars.len()));
        }
    }

    let slots: Vec<u32> = docs.iter().map(|d| slots(d.chars.len() as u32)).collect();
    let starts = xunyue_format::archive::root::doc_starts(&slots);

    // Pairs: every occurrence, sorted by key (then doc, then position).
    progress.step("pair postings");
    let total: usize = docs.iter().map(|d| d.chars.len()).sum();
    let mut pairs: Vec<(u64, PairEntry)> = Vec::with_capacity(total);
    for (d, doc) in docs.iter().enumerate() {
        let f = &fields[d];
        for (p, w) in doc.chars.windows(2).enumerate() {
            let field = field_at(f, p as u32);
            pairs.push((pair_key(w[0], w[1]), pair_entry(d as u32, p as u32, field, boundary(d, p), boundary(d, p + 2))));
        }
        // The last char, as the pair (last, END): see xunyue_format's END.
        if let Some(&c) = doc.chars.last() {
            let p = doc.chars.len() - 1;
            pairs.push((pair_key(c, END), pair_entry(d as u32, p as u32, field_at(f, p as u32), boundary(d, p), true)));
        }
    }
    pairs.sort_unstable();

    // The vocabulary by the pair each word starts with.
    let mut words: BTreeMap<u64, Vec<(Vec<char>, u8)>> = BTreeMap::new();
    for w in &input.analysis.vocab {
        let c: Vec<char> = w.word.chars().collect();
        if c.len() >= 2 {
            words.entry(pair_key(c[0], c[1])).or_default().push((c[2..].to_vec(), freq_code(w.freq).max(1)));
        }
    }
    let vocab_total: u64 = input.analysis.vocab.iter().filter(|w| !w.word.is_empty()).map(|w| u64::from(w.freq.max(1))).sum();

    // Keys: those with postings and those with only words.
    let mut keys: Vec<(u64, std::ops::Range<usize>)> = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i;
        while j < pairs.len() && pairs[j].0 == pairs[i].0 {
            j += 1;
        }
        keys.push((pairs[i].0, i..j));
        i = j;
    }
    for &k in words.keys() {
        if keys.binary_search_by_key(&k, |x| x.0).is_err() {
            keys.push((k, 0..0));
        }
    }
    keys.sort_unstable_by_key(|k| k.0);
    let entries_of = |r: &std::ops::Range<usize>| -> Vec<PairEntry> { pairs[r.clone()].iter().map(|p| p.1).collect() };
    let no_words: Vec<(Vec<char>, u8)> = Vec::new();
    let key_sizes: Vec<usize> = keys
        .iter()
        .map(|(k, r)| {
            positions_len(&entries_of(r), &starts)
                + words.get(k).map_or(1, |w| 1 + w.iter().map(|x| 2 + 3 * x.0.len()).sum::<usize>())
        })
        .collect();
    let mut pair_shards = Vec::new();
    for run in cut(key_sizes.iter().copied(), sizes.pairs) {
        let lists: Vec<Vec<PairEntry>> = keys[run.clone()].iter().map(|(_, r)| entries_of(r)).collect();
        let pk: Vec<PairKey> = keys[run.clone()]
            .iter()
            .zip(&lists)
            .map(|((k, _), l)| PairKey { key: *k, entries: l, words: words.get(k).unwrap_or(&no_words) })
            .collect();
        let payload = encode_pairs(build, &pk, &starts);
        pair_shards.push((keys[run.start].0, kib(&payload)));
        files.push(File::new(shard_path(Kind::Pairs, build, pair_shards.len() - 1), payload));
    }

    // Summaries of the frequent pairs.
    progress.step("pair summaries");
    let summarized: Vec<(u64, Vec<CountEntry>)> = keys
        .iter()
        .filter(|(k, r)| r.len() >= sizes.summary_min && k & 0x1F_FFFF != END as u64)
        .map(|(k, r)| (*k, summarize(&entries_of(r))))
        .collect();
    drop(pairs);
    let summary_shards = write_counts(Kind::Summaries, build, &summarized, sizes.summaries, &mut files);

    // One-char counts: per (char, doc), non-overlapping by nature.
    progress.step("one-char postings");
    let mut unis: Vec<(u32, CountEntry)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let mut per: BTreeMap<char, CountEntry> = BTreeMap::new();
        for (p, &c) in doc.chars.iter().enumerate() {
            let e = per.entry(c).or_insert(CountEntry { doc: d as u32, ..CountEntry::default() });
            let f = field_at(&fields[d], p as u32);
            e.count += 1;
            e.wtf20 += weight20(f, boundary(d, p) && boundary(d, p + 1));
            e.in_headline |= f == Field::Headline;
        }
        unis.extend(per.into_iter().map(|(c, e)| (c as u32, e)));
    }
    unis.sort_unstable_by_key(|u| (u.0, u.1.doc));
    let mut uni_lists: Vec<(u64, Vec<CountEntry>)> = Vec::new();
    for (c, e) in unis {
        match uni_lists.last_mut() {
            Some((k, l)) if *k == u64::from(c) => l.push(e),
            _ => uni_lists.push((u64::from(c), vec![e])),
        }
    }
    let unigram_shards = write_counts(Kind::Unigrams, build, &uni_lists, sizes.unigrams, &mut files);

    // Facets.
    progress.step("facets");
    let mut facets = Vec::new();
    // Per article: the values of each facet, computed from its analysis or its record. `author`: the
    // bylines' names; `id`: the article's own id (what a deep link names; one value an article).
    type Pick = fn(&xunyue_core::model::Article, Option<&xunyue_core::model::ArticleAnalysis>) -> Vec<String>;
    let picks: [(&str, Pick); 6] = [
        ("org", |_, an| an.map(|a| a.organizations.clone()).unwrap_or_default()),
        ("person", |_, an| an.map(|a| a.people.clone()).unwrap_or_default()),
        ("place", |_, an| an.map(|a| a.places.clone()).unwrap_or_default()),
        ("kw", |_, an| an.map(|a| a.keywords.clone()).unwrap_or_default()),
        ("author", |a, _| a.authors.iter().filter(|s| !s.is_empty()).cloned().collect()),
        ("id", |a, _| vec![a.id.clone()]),
    ];
    for (kind, pick) in picks {
        let per_doc: Vec<Vec<String>> =
            input.corpus.articles.iter().enumerate().map(|(d, a)| pick(a, input.analysis.articles.get(d))).collect();
        let mut count: BTreeMap<&str, usize> = BTreeMap::new();
        for v in per_doc.iter().flatten() {
            *count.entry(v.as_str()).or_default() += 1;
        }
        let mut values: Vec<(&str, usize)> = count.into_iter().collect();
        values.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let id: BTreeMap<&str, u32> = values.iter().enumerate().map(|(i, v)| (v.0, i as u32)).collect();
        let docs: Vec<Vec<u32>> = (0..n)
            .map(|d| per_doc.get(d).map(|vs| vs.iter().filter_map(|v| id.get(v.as_str()).copied()).collect()).unwrap_or_default())
            .collect();
        let f = FacetFile { kind: kind.to_string(), values: values.iter().map(|v| v.0.to_string()).collect(), docs };
        let payload = f.encode(build);
        files.push(File::new(facet_path(build, kind), payload));
        facets.push(kind.to_string());
    }

    // The root.
    progress.step("root");
    check_layout(corpus)?;
    let layout = Layout::of(corpus);
    let root = Root {
        build,
        stored: files.iter().map(|f| f.gz.len() as u64).sum(),
        total_chars: docs.iter().map(|d| d.chars.len() as u64).sum(),
        vocab_total,
        fold: input.fold.clone(),
        date_chars: chars_by_date(&layout, docs.iter().map(|d| d.chars.len() as u32)),
        layout,
        slots,
        unigrams: unigram_shards,
        pairs: pair_shards,
        summaries: summary_shards,
        facets,
    };
    files.push(File::new(ROOT_FILE.to_string(), root.encode()));
    Ok(files)
}

/// What [`Layout::of`] would leave out, refused: a date not in the
/// calendar, a page whose articles are not the next ones in order, an
/// article on no page.
fn check_layout(corpus: &Corpus) -> Result<(), String> {
    let date = |what: &str, d: &Option<String>| match d.as_deref().map(xunyue_core::date::parse) {
        Some(Err(e)) => Err(format!("{what}: date {:?}: {}", d.as_deref().unwrap_or_default(), e.message())),
        _ => Ok(()),
    };
    let mut next = 0usize;
    for p in &corpus.pages {
        date(&p.stem, &p.date)?;
        for id in &p.articles {
            match corpus.articles.get(next) {
                Some(a) if a.id == *id => next += 1,
                _ => return Err(format!("page {}: its articles are not the next ones in order ({id})", p.stem)),
            }
        }
    }
    for a in &corpus.articles {
        date(&a.id, &a.date)?;
    }
    if next != corpus.articles.len() {
        return Err(format!("{} articles belong to no page", corpus.articles.len() - next));
    }
    Ok(())
}

/// Cuts count lists into shards and adds them to `files`; returns the
/// shard table (first key, hash).
fn write_counts(kind: Kind, build: u64, lists: &[(u64, Vec<CountEntry>)], max: usize, files: &mut Vec<File>) -> Vec<(u64, u32)> {
    let sizes = lists.iter().map(|(_, l)| 2 + 4 * l.len());
    let mut table = Vec::new();
    for run in cut(sizes, max) {
        let refs: Vec<(u64, &[CountEntry])> = lists[run.clone()].iter().map(|(k, l)| (*k, l.as_slice())).collect();
        let payload = encode_counts(kind, build, &refs);
        table.push((lists[run.start].0, kib(&payload)));
        files.push(File::new(shard_path(kind, build, table.len() - 1), payload));
    }
    table
}

/// A payload's size in KiB, rounded up (what the root tells of each shard).
fn kib(payload: &[u8]) -> u32 {
    payload.len().div_ceil(1024) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_hold_at_most_max_unless_one_key_is_larger() {
        assert_eq!(cut([3, 3, 3, 10, 1].into_iter(), 6), vec![0..2, 2..3, 3..4, 4..5]);
        assert_eq!(cut(std::iter::empty(), 6), Vec::<std::ops::Range<usize>>::new());
    }

    #[test]
    fn summaries_count_without_overlaps() {
        // 哈哈 at 0, 1, 2 in doc 0 (哈哈哈哈): two that do not overlap.
        let b = Field::Body;
        let e = [pair_entry(0, 0, b, true, true), pair_entry(0, 1, b, true, true), pair_entry(0, 2, b, true, true), pair_entry(1, 5, b, false, true)];
        let s = summarize(&e);
        assert_eq!(s[0].count, 2);
        assert_eq!(s[0].wtf20, 40);
        assert_eq!(s[1], CountEntry { doc: 1, count: 1, wtf20: 6, in_headline: false });
    }
}
