//! Scores of ingest against a generated page's truth.
//!
//! - **Article-boundary F1.** The page's characters (whitespace aside) are
//!   read in source order; a boundary is where the article a character
//!   belongs to changes. Truth boundaries come from the generator, found
//!   ones from the pieces of ingest's blocks (characters ingest puts in no
//!   article count as one more "article"). Characters that belong to no
//!   article in truth (page labels, advertisement marks) are left out of the
//!   sequence. A found boundary is right when a truth boundary is at the
//!   same character. This counts both a split (one article cut in two) and a
//!   merge (two read as one), and a boundary one line off as one miss and
//!   one false hit.
//! - **Headline exact match.** For each true article, the found article
//!   holding most of its body characters: its title equals the true
//!   headline, and it was read as a headline (not made of a first sentence).

use crate::page::Generated;
use xunyue_ingest::reflow::lines;
use xunyue_ingest::PageResult;

/// Counts that add up over pages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub headlines: usize,
    pub headlines_right: usize,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.headlines += o.headlines;
        self.headlines_right += o.headlines_right;
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }

    pub fn headline_rate(&self) -> f64 {
        if self.headlines == 0 {
            1.0
        } else {
            self.headlines_right as f64 / self.headlines as f64
        }
    }
}

/// Scores of one page: for the page, and for each true article (the
/// boundaries next to its characters, its headline).
#[derive(Debug, Clone, Default)]
pub struct PageScore {
    pub page: Counts,
    pub articles: Vec<Counts>,
}

/// Scores ingest's result for a generated page.
pub fn score(g: &Generated, r: &PageResult) -> PageScore {
    let src = lines(&g.text);
    const LOOSE: usize = usize::MAX;
    // Found owner of each byte of each line.
    let mut found: Vec<Vec<usize>> = src.iter().map(|l| vec![LOOSE; l.len()]).collect();
    for (a, pieces) in r.article_pieces.iter().enumerate() {
        for p in pieces.iter().flatten() {
            if let Some(row) = found.get_mut(p.line as usize - 1) {
                for x in row.iter_mut().take(p.end).skip(p.start) {
                    *x = a;
                }
            }
        }
    }
    // The sequence: (true owner, found owner, is body).
    let mut seq: Vec<(usize, usize, bool)> = Vec::new();
    for (li, l) in src.iter().enumerate() {
        let Some(t) = g.owner.get(li).copied().flatten() else { continue };
        let body = g.body.get(li).copied().unwrap_or(false);
        for (i, c) in l.char_indices() {
            if !c.is_whitespace() {
                seq.push((t, found[li][i], body));
            }
        }
    }
    let mut s = PageScore { page: Counts::default(), articles: vec![Counts::default(); g.articles.len()] };
    for w in seq.windows(2) {
        let (a, b) = (w[0], w[1]);
        let truth = a.0 != b.0;
        let got = a.1 != b.1;
        let mark = |c: &mut Counts| match (truth, got) {
            (true, true) => c.tp += 1,
            (false, true) => c.fp += 1,
            (true, false) => c.fn_ += 1,
            _ => {}
        };
        mark(&mut s.page);
        mark(&mut s.articles[a.0]);
        if b.0 != a.0 {
            mark(&mut s.articles[b.0]);
        }
    }
    for (t, truth) in g.articles.iter().enumerate() {
        let mut votes: std::collections::BTreeMap<usize, usize> = Default::default();
        for &(o, f, body) in &seq {
            if o == t && body {
                *votes.entry(f).or_default() += 1;
            }
        }
        let best = votes.iter().max_by_key(|(f, n)| (**n, std::cmp::Reverse(**f))).map(|(f, _)| *f);
        let right = best
            .and_then(|f| r.articles.get(f))
            .is_some_and(|a| !a.title_inferred && a.title == truth.headline);
        s.articles[t].headlines = 1;
        s.articles[t].headlines_right = usize::from(right);
        s.page.headlines += 1;
        s.page.headlines_right += usize::from(right);
    }
    s
}
