//! Which articles a query matches, and how: per term the verbatim phrase,
//! the phrase without its punctuation, or all its words apart; per article
//! the [`Tier`] that decides its place before any score. Matching never
//! scores: it hands each matching article, with the occurrence lists that
//! count, to its caller (ranking, or only collecting docs for facets).

use super::found::{find, Found, InDoc};
use crate::docset::{intersect, union};
use crate::query::{Query, Term};
use crate::rank::{self, TermInArticle};
use crate::source::{Faults, Source};
use serde::{Deserialize, Serialize};

/// The ranking tier of a hit: a higher tier always comes first, whatever
/// the scores (see [`crate::rank`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub enum Tier {
    /// Lacks some term: shown only when no article has them all.
    #[default]
    Partial = 0,
    /// Every term, some only as separate words (`青岛华大` → 青岛 … 华大).
    Words = 1,
    /// Every term verbatim (or without its punctuation), not the whole query.
    Terms = 2,
    /// The query verbatim, as Ctrl+F finds it.
    Exact = 3,
}

/// One article a query matches, as matching found it.
pub(crate) struct Matched<'m> {
    /// The query's needles (see [`List::needle`]).
    pub needles: &'m [(String, Found)],
    pub doc: u32,
    pub tier: Tier,
    /// The occurrence lists that count for the ranking.
    pub lists: &'m [List<'m>],
    /// The lists the hit spans come from: the whole query's for an exact
    /// hit of several terms, otherwise `lists`.
    pub span_lists: &'m [List<'m>],
    /// Terms the article lacks (partial matches).
    pub missing: &'m [u16],
    /// How many terms a partial match has.
    pub matched: u16,
}

/// How a term matched in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    None = 0,
    Words = 1,
    Loose = 2,
    Exact = 3,
}

/// What one clause matched in one doc: its level and the occurrence lists
/// (needles, with the term id the spans get).
pub(crate) struct ClauseMatch<'t> {
    level: Level,
    lists: Lists<'t>,
}

#[derive(Clone, Copy)]
pub(crate) enum Lists<'t> {
    None,
    One(u16, usize),
    Many(&'t [(u16, usize)]),
}

impl Lists<'_> {
    fn add_to(self, out: &mut Vec<(u16, usize)>) {
        match self {
            Lists::None => {}
            Lists::One(id, i) => out.push((id, i)),
            Lists::Many(l) => out.extend_from_slice(l),
        }
    }
}

/// Per-query state: the needles looked up so far, and the faults of the
/// reads that could not be done yet (every one is tried, so that one pass
/// names every missing file).
pub(crate) struct Matcher<'s, S: Source + ?Sized> {
    pub src: &'s S,
    /// Look up positions (for proximity and counts across lists), not only counts.
    positions: bool,
    pub needles: Vec<(String, Found)>,
    pub faults: Faults,
}

impl<'s, S: Source + ?Sized> Matcher<'s, S> {
    pub(crate) fn new(src: &'s S, positions: bool) -> Matcher<'s, S> {
        Matcher { src, positions, needles: Vec::new(), faults: Faults::default() }
    }

    /// Index of the needle's [`Found`], looking it up on first use (an
    /// empty one when its read fails; the fault is kept).
    pub(crate) fn find(&mut self, needle: &str) -> usize {
        if let Some(i) = self.needles.iter().position(|(n, _)| n == needle) {
            return i;
        }
        let chars: Vec<char> = needle.chars().collect();
        let found = self.faults.take(find(self.src, &chars, self.positions)).unwrap_or_else(|| Found::empty(chars.len() as u32, true));
        self.needles.push((needle.to_string(), found));
        self.needles.len() - 1
    }

    /// True while no read has failed.
    pub(crate) fn faults_clear(&self) -> bool {
        self.faults.is_clear()
    }

    pub(crate) fn has(&self, i: usize, doc: u32) -> bool {
        self.needles[i].1.has(doc)
    }

    pub(crate) fn docs(&self, i: usize) -> &[u32] {
        &self.needles[i].1.docs
    }

    /// The occurrences of needle `i` in doc, with the term id they count for.
    pub(crate) fn list(&self, (id, i): (u16, usize), doc: u32) -> List<'_> {
        let f = &self.needles[i].1;
        let d = f.get(doc).unwrap_or(InDoc { count: 0, wtf20: 0, in_headline: false, starts: &[] });
        List { id, needle: i, df: f.df(), len: f.len, count: d.count, wtf20: d.wtf20, in_headline: d.in_headline, starts: d.starts }
    }
}

/// The occurrences of one needle in one doc.
#[derive(Clone, Copy)]
pub(crate) struct List<'m> {
    /// The term id its spans get.
    pub id: u16,
    /// The needle's index in [`Matcher::needles`].
    pub needle: usize,
    pub df: u32,
    pub len: u32,
    /// Occurrences, not overlapping.
    pub count: u32,
    pub wtf20: u32,
    pub in_headline: bool,
    /// Their folded start positions, sorted; empty when not known.
    pub starts: &'m [u32],
}

/// Ids of the display terms of a query (see [`SearchResponse::terms`]).
pub(crate) struct Labels {
    pub(crate) labels: Vec<String>,
}

impl Labels {
    pub(crate) fn id(&mut self, label: &str) -> u16 {
        if let Some(i) = self.labels.iter().position(|l| l == label) {
            return i as u16;
        }
        self.labels.push(label.to_string());
        (self.labels.len() - 1) as u16
    }
}

/// The needles of one term, looked up.
pub(crate) struct TermNeedles {
    id: u16,
    phrase: usize,
    loose: Option<usize>,
    words: Vec<(u16, usize)>,
}

impl<S: Source + ?Sized> Matcher<'_, S> {
    /// Docs where a term matches (verbatim, loose or all words).
    pub(crate) fn term_docs(m: &Matcher<S>, t: &TermNeedles) -> Vec<u32> {
        let mut out = m.docs(t.phrase).to_vec();
        if let Some(l) = t.loose {
            out = union(&out, m.docs(l));
        }
        if let Some((&(_, first), rest)) = t.words.split_first() {
            let all = rest.iter().fold(m.docs(first).to_vec(), |acc, &(_, w)| intersect(&acc, m.docs(w)));
            out = union(&out, &all);
        }
        out
    }

    pub(crate) fn term_needles(m: &mut Matcher<S>, t: &Term, labels: &mut Labels) -> TermNeedles {
        let id = labels.id(&t.label);
        let phrase = m.find(&t.phrase);
        let loose = t.loose.as_ref().map(|l| m.find(l));
        let words = t.words.iter().map(|w| (labels.id(w), m.find(w))).collect();
        TermNeedles { id, phrase, loose, words }
    }

    pub(crate) fn match_term<'t>(m: &Matcher<S>, t: &'t TermNeedles, doc: u32) -> ClauseMatch<'t> {
        if m.has(t.phrase, doc) {
            return ClauseMatch { level: Level::Exact, lists: Lists::One(t.id, t.phrase) };
        }
        if let Some(l) = t.loose.filter(|&l| m.has(l, doc)) {
            return ClauseMatch { level: Level::Loose, lists: Lists::One(t.id, l) };
        }
        if !t.words.is_empty() && t.words.iter().all(|&(_, w)| m.has(w, doc)) {
            return ClauseMatch { level: Level::Words, lists: Lists::Many(&t.words) };
        }
        ClauseMatch { level: Level::None, lists: Lists::None }
    }

    /// Every article with every term (or the whole query verbatim), in doc
    /// order, each given to `emit` with its tier and occurrence lists.
    pub(crate) fn match_all(m: &mut Matcher<S>, q: &Query, labels: &mut Labels, emit: &mut dyn FnMut(&Matched)) {
        if q.only_excludes() {
            // Every article without the excluded terms (no hits to mark); as
            // always, an article holding the query as typed is an exact hit.
            let whole = m.find(&q.whole);
            let whole_id = if m.docs(whole).is_empty() { 0 } else { labels.id(q.raw.trim()) };
            let excludes: Vec<usize> = q
                .excludes
                .iter()
                .flat_map(|t| std::iter::once(&t.phrase).chain(t.loose.iter()))
                .map(|n| m.find(n))
                .collect();
            for doc in 0..m.src.articles() {
                if m.has(whole, doc) {
                    let whole_list = [m.list((whole_id, whole), doc)];
                    emit(&Matched { needles: &m.needles, doc, tier: Tier::Exact, lists: &whole_list, span_lists: &whole_list, missing: &[], matched: 0 });
                } else if !excludes.iter().any(|&x| m.has(x, doc)) {
                    emit(&Matched { needles: &m.needles, doc, tier: Tier::Terms, lists: &[], span_lists: &[], missing: &[], matched: 0 });
                }
            }
            return;
        }
        let clauses: Vec<Vec<TermNeedles>> = q
            .clauses
            .iter()
            .map(|c| c.alts.iter().map(|t| Matcher::term_needles(m, t, labels)).collect())
            .collect();
        // One term that is the whole query: its phrase is what was typed. (A
        // query with something dropped, such as a lone `-`, is not: its whole
        // text, dash and all, is what Ctrl+F finds.)
        let single = q.clauses.len() == 1 && q.clauses[0].alts.len() == 1 && !q.operators && q.clauses[0].alts[0].phrase == q.whole;
        let (whole, whole_id) = if single {
            (clauses[0][0].phrase, clauses[0][0].id)
        } else {
            let mut i = m.find(&q.whole);
            if m.docs(i).is_empty() && q.whole.contains('"') {
                // `"…"` asks for text without the quote marks.
                let unquoted = q.whole.replace('"', "");
                let unquoted = unquoted.trim();
                if !unquoted.is_empty() {
                    i = m.find(unquoted);
                }
            }
            let id = if m.docs(i).is_empty() { 0 } else { labels.id(q.raw.trim()) };
            (i, id)
        };
        let mut pool: Option<Vec<u32>> = None;
        for alts in &clauses {
            let docs = alts.iter().fold(Vec::new(), |acc, t| union(&acc, &Matcher::term_docs(m, t)));
            pool = Some(match pool {
                None => docs,
                Some(p) => intersect(&p, &docs),
            });
        }
        let pool = union(&pool.unwrap_or_default(), m.docs(whole));
        let excludes: Vec<usize> = q
            .excludes
            .iter()
            .flat_map(|t| std::iter::once(&t.phrase).chain(t.loose.iter()))
            .map(|n| m.find(n))
            .collect();
        let m = &*m;
        let mut matches: Vec<ClauseMatch> = Vec::with_capacity(clauses.len());
        let mut ids: Vec<(u16, usize)> = Vec::new();
        let mut lists: Vec<List> = Vec::new();
        for &doc in &pool {
            let verbatim = m.has(whole, doc);
            matches.clear();
            matches.extend(clauses.iter().map(|alts| {
                alts.iter()
                    .map(|t| Matcher::match_term(m, t, doc))
                    .max_by_key(|cm| cm.level)
                    .unwrap_or(ClauseMatch { level: Level::None, lists: Lists::None })
            }));
            let worst = matches.iter().map(|cm| cm.level).min().unwrap_or(Level::None);
            let excluded = excludes.iter().any(|&x| m.has(x, doc));
            // Exact means the text holds what was typed (Ctrl+F), so operators
            // alone never make a hit exact.
            let tier = if verbatim {
                Tier::Exact
            } else if worst == Level::None || excluded {
                continue;
            } else if worst >= Level::Loose {
                Tier::Terms
            } else {
                Tier::Words
            };
            ids.clear();
            for cm in &matches {
                cm.lists.add_to(&mut ids);
            }
            lists.clear();
            lists.extend(ids.iter().map(|&x| m.list(x, doc)));
            let whole_list = [m.list((whole_id, whole), doc)];
            // The spans of an exact hit of several terms are the whole query's.
            let span_lists = if verbatim && !single { &whole_list[..] } else { &lists[..] };
            emit(&Matched { needles: &m.needles, doc, tier, lists: &lists, span_lists, missing: &[], matched: 0 });
        }
    }

    /// When no article has every term: the articles with the most of them.
    /// A term split into words counts word by word; an `OR` group counts once.
    /// Each is given to `emit` (tier [`Tier::Partial`]), in doc order; none
    /// when the query has fewer than two atoms.
    pub(crate) fn match_partial(m: &mut Matcher<S>, q: &Query, labels: &mut Labels, emit: &mut dyn FnMut(&Matched)) {
        // Each atom: its id, and the alternatives (needle lists, all required).
        let mut atoms: Vec<(u16, Vec<Vec<usize>>)> = Vec::new();
        for c in &q.clauses {
            match c.alts.as_slice() {
                [t] if !t.quoted && !t.words.is_empty() => {
                    for w in &t.words {
                        let id = labels.id(w);
                        let n = m.find(w);
                        atoms.push((id, vec![vec![n]]));
                    }
                }
                alts => {
                    let id = labels.id(&alts.iter().map(|t| t.label.as_str()).collect::<Vec<_>>().join(" OR "));
                    let mut ways = Vec::new();
                    for t in alts {
                        ways.push(vec![m.find(&t.phrase)]);
                        if let Some(l) = &t.loose {
                            ways.push(vec![m.find(l)]);
                        }
                        if !t.words.is_empty() {
                            ways.push(t.words.iter().map(|w| m.find(w)).collect());
                        }
                    }
                    atoms.push((id, ways));
                }
            }
        }
        if atoms.len() < 2 {
            return;
        }
        let excludes: Vec<usize> = q.excludes.iter().map(|t| m.find(&t.phrase)).collect();
        let mut docs: Vec<u32> = m.needles.iter().flat_map(|(_, f)| f.docs.iter().copied()).collect();
        xunyue_core::sort::sort_dedup(&mut docs);
        let m = &*m;
        let way_in = |ways: &[Vec<usize>], doc: u32| ways.iter().position(|w| w.iter().all(|&n| m.has(n, doc)));
        // First how many atoms each article has; then the rest for the best.
        let mut rows = Vec::new();
        let mut best = 0usize;
        for doc in docs {
            if excludes.iter().any(|&x| m.has(x, doc)) {
                continue;
            }
            let matched = atoms.iter().filter(|(_, ways)| way_in(ways, doc).is_some()).count();
            best = best.max(matched);
            rows.push((doc, matched));
        }
        let mut lists: Vec<List> = Vec::new();
        let mut missing = Vec::new();
        for (doc, matched) in rows {
            if matched != best || best == 0 {
                continue;
            }
            missing.clear();
            lists.clear();
            for (id, ways) in &atoms {
                match way_in(ways, doc) {
                    Some(w) => lists.extend(ways[w].iter().map(|&n| m.list((*id, n), doc))),
                    None => missing.push(*id),
                }
            }
            let matched = matched as u16;
            emit(&Matched { needles: &m.needles, doc, tier: Tier::Partial, lists: &lists, span_lists: &lists, missing: &missing, matched });
        }
    }

}

/// The score of an article from its lists (see [`crate::rank`]): positions
/// count for the proximity only for needles of two chars or more.
pub(crate) fn score<S: Source + ?Sized>(src: &S, doc: u32, lists: &[List], sc: &mut rank::Scratch) -> f32 {
    let terms: Vec<TermInArticle> = lists
        .iter()
        .map(|l| TermInArticle::summed(l.df, l.wtf20, l.in_headline, if l.len >= 2 { l.starts } else { &[] }, l.len))
        .collect();
    rank::score_with(&terms, src.doc_len(doc), src.avg_len(), src.articles(), sc)
}
