//! Facets: what each article can be filtered by, and the live counts.
//!
//! Values within one facet combine with OR, facets with AND. The count shown
//! next to a value is the number of articles that would match if it were
//! selected alongside everything else chosen in the other facets
//! (disjunctive faceting).

use xunyue_core::sort::sort_by;
use xunyue_engine::Engine;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Hash)]
pub enum FacetKind {
    Org,
    Person,
    Place,
    Keyword,
    Source,
    Year,
    Date,
    Page,
}

impl FacetKind {
    pub const ALL: [FacetKind; 8] = [
        FacetKind::Org,
        FacetKind::Person,
        FacetKind::Place,
        FacetKind::Keyword,
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
            FacetKind::Source => "source",
            FacetKind::Year => "year",
            FacetKind::Date => "date",
            FacetKind::Page => "page",
        }
    }

    pub fn parse(s: &str) -> Option<FacetKind> {
        FacetKind::ALL.into_iter().find(|k| k.code() == s)
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// Facet values of every article, precomputed once.
#[derive(Debug, Default)]
pub struct FacetIndex {
    /// Per article, per facet kind: its values (deduplicated).
    docs: Vec<[Vec<String>; 8]>,
    /// Page stem → label shown to readers.
    page_labels: Vec<(String, String)>,
}

impl FacetIndex {
    pub fn build(engine: &Engine) -> FacetIndex {
        let mut page_labels = Vec::new();
        for p in &engine.corpus().pages {
            let label = match (&p.label, p.number) {
                (Some(l), _) => l.clone(),
                (None, Some(n)) => n.to_string(),
                // No printed label: the seed file's number (`000_…` → `000`).
                (None, None) => p.stem.split('_').next().unwrap_or(&p.stem).to_string(),
            };
            page_labels.push((p.stem.clone(), label));
        }
        let docs = engine
            .articles()
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let page = engine.corpus().pages.iter().find(|p| p.stem == a.page);
                let an = engine.analysis().articles.get(i);
                let mut v: [Vec<String>; 8] = Default::default();
                if let Some(an) = an {
                    v[FacetKind::Org.slot()] = an.organizations.clone();
                    v[FacetKind::Person.slot()] = an.people.clone();
                    v[FacetKind::Place.slot()] = an.places.clone();
                    v[FacetKind::Keyword.slot()] = an.keywords.clone();
                }
                let source = a.source.clone().or_else(|| page.and_then(|p| p.source.clone()));
                v[FacetKind::Source.slot()] = source.into_iter().collect();
                let date = a.date.clone().or_else(|| page.and_then(|p| p.date.clone()));
                if let Some(d) = &date {
                    if d.len() >= 4 && d.is_char_boundary(4) {
                        v[FacetKind::Year.slot()] = vec![d[..4].to_string()];
                    }
                }
                v[FacetKind::Date.slot()] = date.into_iter().collect();
                v[FacetKind::Page.slot()] = vec![a.page.clone()];
                for vals in v.iter_mut() {
                    let mut seen = Vec::new();
                    vals.retain(|x| {
                        if seen.contains(x) {
                            false
                        } else {
                            seen.push(x.clone());
                            true
                        }
                    });
                }
                v
            })
            .collect();
        FacetIndex { docs, page_labels }
    }

    pub fn values(&self, doc: u32, kind: FacetKind) -> &[String] {
        self.docs.get(doc as usize).map(|v| v[kind.slot()].as_slice()).unwrap_or(&[])
    }

    /// What readers see for a value (page stems become page labels).
    pub fn label<'a>(&'a self, kind: FacetKind, value: &'a str) -> &'a str {
        if kind == FacetKind::Page {
            if let Some((_, l)) = self.page_labels.iter().find(|(s, _)| s == value) {
                return l;
            }
        }
        value
    }

    /// Does `doc` satisfy every selected facet, except those of `skip`?
    pub fn matches(&self, doc: u32, selected: &[(FacetKind, String)], skip: Option<FacetKind>) -> bool {
        FacetKind::ALL.iter().filter(|&&k| Some(k) != skip).all(|&k| {
            let mut wanted = selected.iter().filter(|(sk, _)| *sk == k).peekable();
            if wanted.peek().is_none() {
                return true;
            }
            let have = self.values(doc, k);
            wanted.any(|(_, v)| have.iter().any(|h| h == v))
        })
    }

    /// The docs of `docs` that satisfy every selected facet.
    pub fn filter(&self, docs: &[u32], selected: &[(FacetKind, String)]) -> Vec<u32> {
        docs.iter().copied().filter(|&d| self.matches(d, selected, None)).collect()
    }

    /// Values of `kind` with their live counts among `docs` (the query's
    /// matches), given the selections in the other facets. Selected values
    /// are always listed, even at zero. Sorted by count, then value; pages
    /// and dates keep their natural order.
    pub fn counts(&self, docs: &[u32], selected: &[(FacetKind, String)], kind: FacetKind) -> Vec<(String, usize)> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for &d in docs {
            if !self.matches(d, selected, Some(kind)) {
                continue;
            }
            for v in self.values(d, kind) {
                match counts.iter_mut().find(|(x, _)| x == v) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((v.clone(), 1)),
                }
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

    #[cfg(test)]
    pub fn from_values(docs: Vec<[Vec<String>; 8]>) -> FacetIndex {
        FacetIndex { docs, page_labels: Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(orgs: &[&str], year: &str) -> [Vec<String>; 8] {
        let mut v: [Vec<String>; 8] = Default::default();
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

    #[test]
    fn or_within_and_across() {
        let f = idx();
        let all = [0, 1, 2, 3];
        let sel = vec![(FacetKind::Org, "华大".to_string()), (FacetKind::Org, "黄海所".to_string())];
        assert_eq!(f.filter(&all, &sel), vec![0, 1, 2]);
        let mut sel2 = sel.clone();
        sel2.push((FacetKind::Year, "2024".into()));
        assert_eq!(f.filter(&all, &sel2), vec![1, 2]);
    }

    #[test]
    fn counts_ignore_own_facet_but_respect_others() {
        let f = idx();
        let all = [0, 1, 2, 3];
        let sel = vec![(FacetKind::Year, "2024".to_string())];
        let orgs = f.counts(&all, &sel, FacetKind::Org);
        assert_eq!(orgs, vec![("华大".to_string(), 1), ("黄海所".to_string(), 1)]);
        // The year facet still shows every year: selecting one more widens.
        let years = f.counts(&all, &sel, FacetKind::Year);
        assert_eq!(years.len(), 3);
        // Counts follow the query's docs.
        let orgs = f.counts(&[0, 1], &[], FacetKind::Org);
        assert_eq!(orgs, vec![("华大".to_string(), 2), ("海大".to_string(), 1)]);
    }

    #[test]
    fn selected_value_with_no_match_is_listed() {
        let f = idx();
        let sel = vec![(FacetKind::Org, "不存在".to_string())];
        let orgs = f.counts(&[0], &sel, FacetKind::Org);
        assert!(orgs.contains(&("不存在".to_string(), 0)));
        assert!(f.filter(&[0, 1], &sel).is_empty());
    }
}
