//! Terms over time: for one to four terms, how often the archive prints
//! each one per bucket of its timeline, beside the chars printed in that
//! bucket, so that a chart can show hits per 10,000 chars.
//!
//! A term's hits are Ctrl+F's: the occurrences of the term as typed
//! (folded), the `exact_hits` a search for it gives, from the postings
//! alone. Chars come from the layout (chars per date): no text is read.

use super::timeline::{timeline_of, Cut, Timeline};
use crate::source::{Faults, Got, Source};
use crate::Engine;
use xunyue_core::date::{DateRange, Grain};

/// Most terms one chart compares.
pub const MAX_TERMS: usize = 4;

/// One term's counts, per bucket of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub term: String,
    /// Occurrences of the term in each bucket.
    pub hits: Vec<u64>,
    /// Articles holding it, per bucket.
    pub articles: Vec<u32>,
    /// Occurrences in dated articles inside the range (the sum of `hits`).
    pub total: u64,
}

/// Terms over time: the timeline of the archive (whose buckets hold the
/// chars, issues and articles) and one series per term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermsOverTime {
    pub timeline: Timeline,
    pub series: Vec<Series>,
}

impl TermsOverTime {
    /// Hits of series `i` per 10,000 chars, per bucket (0 where nothing
    /// was printed).
    pub fn per_10k(&self, i: usize) -> Vec<f64> {
        let Some(s) = self.series.get(i) else { return Vec::new() };
        s.hits.iter().zip(&self.timeline.buckets).map(|(&h, b)| if b.chars == 0 { 0.0 } else { h as f64 * 10_000.0 / b.chars as f64 }).collect()
    }
}

/// The terms of comma-separated input (`,` or `，`), trimmed, blanks left
/// out, at most [`MAX_TERMS`].
pub fn split_terms(input: &str) -> Vec<String> {
    input.split([',', '，']).map(str::trim).filter(|t| !t.is_empty()).take(MAX_TERMS).map(String::from).collect()
}

impl<S: Source> Engine<S> {
    /// Hits of each of `terms` (at most [`MAX_TERMS`]) per bucket of the
    /// timeline inside `range`. A sharded archive fetches the postings of
    /// every term (all of their missing files named in one fault).
    pub fn try_terms_over_time(&self, terms: &[String], range: DateRange, grain: Option<Grain>) -> Got<TermsOverTime> {
        let src = self.source();
        let layout = src.layout();
        let timeline = timeline_of(layout, src.date_chars(), None, range, grain);
        let cut = Cut::new(layout, range, Some(timeline.grain));
        let mut faults = Faults::default();
        let mut series = Vec::new();
        for term in terms.iter().take(MAX_TERMS) {
            let Some(resp) = faults.take(self.try_rank(term)) else { continue };
            let mut s = Series { term: term.clone(), hits: vec![0; cut.starts.len()], articles: vec![0; cut.starts.len()], total: 0 };
            for h in resp.hits.iter().filter(|h| h.exact_hits > 0) {
                if let Some(b) = cut.of(layout, h.doc) {
                    s.hits[b] += u64::from(h.exact_hits);
                    s.articles[b] += 1;
                    s.total += u64::from(h.exact_hits);
                }
            }
            series.push(s);
        }
        faults.done()?;
        Ok(TermsOverTime { timeline, series })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_split_on_either_comma_up_to_four() {
        assert_eq!(split_terms(" 基因, 细胞，，海洋 ,"), ["基因", "细胞", "海洋"]);
        assert_eq!(split_terms("a,b,c,d,e").len(), MAX_TERMS);
        assert!(split_terms(" , ").is_empty());
    }
}
