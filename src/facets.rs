//! Facets: what each article can be filtered by, and the live counts.
//!
//! Values within one facet combine with OR ("any of"), facets with AND. A
//! facet of several values per article (organizations, people, places,
//! keywords) can be switched to "all of": then its selected values combine
//! with AND too. The count next to a value is the number of articles the
//! results would hold with that value selected as well: in an "any of" facet
//! its own selection is left out of the count (disjunctive faceting: ticking
//! a second value widens the list), in an "all of" facet it is kept (ticking
//! narrows).

use xunyue_core::sort::sort_by;
#[cfg(not(xunyue_sharded))]
use xunyue_core::Article;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub enum FacetKind {
    Org,
    Person,
    Place,
    Keyword,
    Author,
    Source,
    Year,
    Date,
    Page,
}

/// Number of facet kinds.
pub const KINDS: usize = 9;

impl FacetKind {
    pub const ALL: [FacetKind; KINDS] = [
        FacetKind::Org,
        FacetKind::Person,
        FacetKind::Place,
        FacetKind::Keyword,
        FacetKind::Author,
        FacetKind::Source,
        FacetKind::Year,
        FacetKind::Date,
        FacetKind::Page,
    ];

    pub fn code(self) -> &'static str {
        match self {
            FacetKind::Org => "org",
            FacetKind::Person => "person",
            FacetKind::Place => "place",
            FacetKind::Keyword => "kw",
            FacetKind::Author => "author",
            FacetKind::Source => "source",
            FacetKind::Year => "year",
            FacetKind::Date => "date",
            FacetKind::Page => "page",
        }
    }

    pub fn parse(s: &str) -> Option<FacetKind> {
        FacetKind::ALL.into_iter().find(|k| k.code() == s)
    }

    /// Facets whose articles hold several values each: they offer "all of".
    pub fn multi(self) -> bool {
        self <= FacetKind::Keyword
    }

    /// This kind's bit in a set of kinds (see [`Modes`]).
    pub fn bit(self) -> u16 {
        1 << self as u16
    }

    pub fn slot(self) -> usize {
        self as usize
    }
}

/// The facets switched to "all of", as a set of [`FacetKind::bit`]s.
pub type Modes = u16;

/// Facet values of every article, precomputed once.
#[derive(Debug, Default)]
pub struct FacetIndex {
    /// Per article, per facet kind: its values (deduplicated).
    docs: Vec<[Vec<String>; KINDS]>,
}

impl FacetIndex {
    /// The values of `articles`; `page_of(a)` is the source and date of the
    /// article's page (for articles that name none themselves).
    #[cfg(not(xunyue_sharded))]
    pub fn build<'a>(
        articles: &[Article],
        analysis: &[xunyue_core::model::ArticleAnalysis],
        page_of: impl Fn(&Article) -> (Option<&'a String>, Option<&'a String>),
    ) -> FacetIndex {
        let docs = articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let (page_source, page_date) = page_of(a);
                let mut v: [Vec<String>; KINDS] = Default::default();
                if let Some(an) = analysis.get(i) {
                    v[FacetKind::Org.slot()] = an.organizations.clone();
                    v[FacetKind::Person.slot()] = an.people.clone();
                    v[FacetKind::Place.slot()] = an.places.clone();
                    v[FacetKind::Keyword.slot()] = an.keywords.clone();
                }
                v[FacetKind::Author.slot()] = a.authors.iter().filter(|s| !s.is_empty()).cloned().collect();
                v[FacetKind::Source.slot()] = a.source.as_ref().or(page_source).cloned().into_iter().collect();
                let date = a.date.as_ref().or(page_date);
                if let Some(d) = date {
                    if d.len() >= 4 && d.is_char_boundary(4) {
                        v[FacetKind::Year.slot()] = vec![d[..4].to_string()];
                    }
                }
                v[FacetKind::Date.slot()] = date.cloned().into_iter().collect();
                v[FacetKind::Page.slot()] = vec![a.page.clone()];
                for vals in v.iter_mut() {
                    let mut seen = Vec::new();
                    vals.retain(|x| {
                        let new = !seen.contains(x);
                        if new {
                            seen.push(x.clone());
                        }
                        new
                    });
                }
                v
            })
            .collect();
        FacetIndex { docs }
    }

    pub fn values(&self, doc: u32, kind: FacetKind) -> &[String] {
        self.docs.get(doc as usize).map(|v| v[kind.slot()].as_slice()).unwrap_or(&[])
    }

    /// Does `doc` satisfy every selected facet, except those of `skip`?
    pub fn matches(&self, doc: u32, selected: &[(FacetKind, String)], all: Modes, skip: Option<FacetKind>) -> bool {
        FacetKind::ALL.iter().filter(|&&k| Some(k) != skip).all(|&k| {
            let have = self.values(doc, k);
            let mut wanted = selected.iter().filter(|(sk, _)| *sk == k).map(|(_, v)| have.contains(v)).peekable();
            if wanted.peek().is_none() {
                true
            } else if all & k.bit() != 0 {
                wanted.all(|x| x)
            } else {
                wanted.any(|x| x)
            }
        })
    }

    /// The docs of `docs` that satisfy every selected facet.
    pub fn filter(&self, docs: &[u32], selected: &[(FacetKind, String)], all: Modes) -> Vec<u32> {
        docs.iter().copied().filter(|&d| self.matches(d, selected, all, None)).collect()
    }

    /// Values of `kind` with their live counts among `docs` (the query's
    /// matches), given the selections (see the module doc). Selected values
    /// are always listed, even at zero. Sorted by count, then value; pages
    /// and dates keep their natural order.
    pub fn counts(&self, docs: &[u32], selected: &[(FacetKind, String)], all: Modes, kind: FacetKind) -> Vec<(String, usize)> {
        let skip = (all & kind.bit() == 0).then_some(kind);
        // Every value of every matching article, sorted, then counted run by run: linear in the
        // matches (an archive's thousands of values and articles), not their product.
        let mut all_values: Vec<&String> = Vec::new();
        for &d in docs {
            if self.matches(d, selected, all, skip) {
                all_values.extend(self.values(d, kind));
            }
        }
        sort_by(&mut all_values, |a, b| a.cmp(b));
        let mut counts: Vec<(String, usize)> = Vec::new();
        for v in all_values {
            match counts.last_mut() {
                Some((x, n)) if x == v => *n += 1,
                _ => counts.push((v.clone(), 1)),
            }
        }
        for (k, v) in selected {
            if *k == kind && !counts.iter().any(|(x, _)| x == v) {
                counts.push((v.clone(), 0));
            }
        }
        match kind {
            FacetKind::Page | FacetKind::Date | FacetKind::Year => sort_by(&mut counts, |a, b| a.0.cmp(&b.0)),
            _ => sort_by(&mut counts, |a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))),
        }
        counts
    }

    /// True when some article has a date.
    pub fn has_dates(&self) -> bool {
        self.docs.iter().any(|v| !v[FacetKind::Date.slot()].is_empty())
    }

    /// An index of these values (the sharded archive reads them from its
    /// root and facet files).
    #[cfg_attr(not(any(test, xunyue_sharded)), allow(dead_code))]
    pub fn from_values(docs: Vec<[Vec<String>; KINDS]>) -> FacetIndex {
        FacetIndex { docs }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(orgs: &[&str], year: &str) -> [Vec<String>; KINDS] {
        let mut v: [Vec<String>; KINDS] = Default::default();
        v[FacetKind::Org.slot()] = orgs.iter().map(|s| s.to_string()).collect();
        v[FacetKind::Year.slot()] = vec![year.to_string()];
        v
    }

    fn idx() -> FacetIndex {
        FacetIndex::from_values(vec![
            doc(&["华大", "海大"], "2023"),
            doc(&["华大"], "2024"),
            doc(&["黄海所"], "2024"),
            doc(&[], "2025"),
        ])
    }

    fn sel(v: &[(FacetKind, &str)]) -> Vec<(FacetKind, String)> {
        v.iter().map(|(k, s)| (*k, s.to_string())).collect()
    }

    #[test]
    fn or_within_and_across() {
        let f = idx();
        let all = [0, 1, 2, 3];
        let s = sel(&[(FacetKind::Org, "华大"), (FacetKind::Org, "黄海所")]);
        assert_eq!(f.filter(&all, &s, 0), vec![0, 1, 2]);
        let mut s2 = s.clone();
        s2.push((FacetKind::Year, "2024".into()));
        assert_eq!(f.filter(&all, &s2, 0), vec![1, 2]);
    }

    #[test]
    fn all_of_requires_every_value() {
        let f = idx();
        let all = [0, 1, 2, 3];
        let s = sel(&[(FacetKind::Org, "华大"), (FacetKind::Org, "海大")]);
        assert_eq!(f.filter(&all, &s, 0), vec![0, 1]);
        assert_eq!(f.filter(&all, &s, FacetKind::Org.bit()), vec![0]);
        // Counts in an "all of" facet narrow: what adding the value leaves.
        let one = sel(&[(FacetKind::Org, "华大")]);
        let orgs = f.counts(&all, &one, FacetKind::Org.bit(), FacetKind::Org);
        assert_eq!(orgs, vec![("华大".to_string(), 2), ("海大".to_string(), 1)]);
        // In "any of" they widen: 黄海所 would add one article.
        let orgs = f.counts(&all, &one, 0, FacetKind::Org);
        assert!(orgs.contains(&("黄海所".to_string(), 1)));
        assert!(FacetKind::Keyword.multi() && !FacetKind::Author.multi() && !FacetKind::Page.multi());
    }

    #[test]
    fn counts_ignore_own_facet_but_respect_others() {
        let f = idx();
        let all = [0, 1, 2, 3];
        let s = sel(&[(FacetKind::Year, "2024")]);
        let orgs = f.counts(&all, &s, 0, FacetKind::Org);
        assert_eq!(orgs, vec![("华大".to_string(), 1), ("黄海所".to_string(), 1)]);
        // The year facet still shows every year: selecting one more widens.
        let years = f.counts(&all, &s, 0, FacetKind::Year);
        assert_eq!(years.len(), 3);
        // Counts follow the query's docs.
        let orgs = f.counts(&[0, 1], &[], 0, FacetKind::Org);
        assert_eq!(orgs, vec![("华大".to_string(), 2), ("海大".to_string(), 1)]);
    }

    #[test]
    fn selected_value_with_no_match_is_listed() {
        let f = idx();
        let s = sel(&[(FacetKind::Org, "不存在")]);
        let orgs = f.counts(&[0], &s, 0, FacetKind::Org);
        assert!(orgs.contains(&("不存在".to_string(), 0)));
        assert!(f.filter(&[0, 1], &s, 0).is_empty());
        assert!(!f.has_dates());
    }
}
