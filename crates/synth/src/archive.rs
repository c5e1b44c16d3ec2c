//! The archive: sources, their issues over the years, pages and articles.
//!
//! Every issue a source could have printed in the span (each day for a
//! daily, each Thursday for the weekly) is a *candidate*. The archive takes
//! candidates in a low-discrepancy order (the golden-ratio sequence over the
//! date-sorted list, from a seed-given start), so that any number of issues,
//! from a handful to thousands, is spread evenly over the years, and stops as
//! soon as the target (articles or bytes) is met; the last issue taken is
//! cut after the article that meets it. An issue's content is a function of
//! the seed, the source and the date only: a small archive is a subset of a
//! larger one with the same seed (but for the cut issue).

use crate::date::Date;
use crate::names::Names;
use crate::rng::{mix, Rng, Weighted};
use crate::text::{chinese_number, tidy, Cast, World, Writer};

/// How a source prints its page labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Labels {
    /// 第一版, 第二版 … 第十六版
    Chinese,
    /// 第1版, 第2版 …
    Arabic,
    /// A01 … A08, B01 … (eight pages a section)
    Sections,
}

impl Labels {
    pub fn label(self, page: u32) -> String {
        match self {
            Labels::Chinese => format!("第{}版", chinese_number(page)),
            Labels::Arabic => format!("第{page}版"),
            Labels::Sections => {
                let section = (b'A' + ((page - 1) / 8) as u8) as char;
                format!("{section}{:02}", (page - 1) % 8 + 1)
            }
        }
    }
}

/// One newspaper.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: &'static str,
    /// ASCII, for file names.
    pub slug: &'static str,
    pub weekly: bool,
    pub labels: Labels,
    /// The city it reports from most.
    pub home: &'static str,
    /// Page counts of an issue, with weights.
    pub pages: &'static [(u32, u32)],
    pub reporters: Vec<String>,
    reporter_w: Weighted,
}

/// Staff reporters per source.
pub const REPORTERS: usize = 80;

fn sources(names: &Names, rng: &mut Rng) -> Vec<Source> {
    /// Name, slug, weekly, labels, home city, page counts with weights.
    type Spec = (&'static str, &'static str, bool, Labels, &'static str, &'static [(u32, u32)]);
    let specs: [Spec; 3] = [
        ("海滨日报", "haibin-ribao", false, Labels::Chinese, "青岛", &[(4, 10), (8, 40), (12, 30), (16, 20)]),
        ("科技周报", "keji-zhoubao", true, Labels::Arabic, "北京", &[(8, 35), (12, 35), (16, 30)]),
        ("半岛晚报", "bandao-wanbao", false, Labels::Sections, "威海", &[(4, 15), (6, 15), (8, 35), (12, 20), (16, 15)]),
    ];
    specs
        .iter()
        .enumerate()
        .map(|(i, &(name, slug, weekly, labels, home, pages))| {
            let mut r = rng.fork(100 + i as u64);
            Source {
                name,
                slug,
                weekly,
                labels,
                home,
                pages,
                reporters: (0..REPORTERS).map(|_| names.fresh_person(&mut r)).collect(),
                reporter_w: Weighted::zipf_from(REPORTERS, 2),
            }
        })
        .collect()
}

/// One article, as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub kicker: Option<String>,
    pub title: String,
    pub subtitle: Option<String>,
    pub byline: String,
    /// Paragraphs in order; a photo caption and a closing signature are
    /// paragraphs of their own.
    pub paragraphs: Vec<String>,
}

impl Article {
    /// The body: paragraphs joined by `\n`.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n")
    }

    /// UTF-8 bytes of every field (the body with its `\n`s): what `--mb`
    /// counts.
    pub fn bytes(&self) -> u64 {
        let fields = self.kicker.as_deref().map_or(0, str::len)
            + self.title.len()
            + self.subtitle.as_deref().map_or(0, str::len)
            + self.byline.len();
        let body: usize = self.paragraphs.iter().map(String::len).sum::<usize>() + self.paragraphs.len().saturating_sub(1);
        (fields + body) as u64
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub number: u32,
    pub label: String,
    pub articles: Vec<Article>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub source: usize,
    pub date: Date,
    pub pages: Vec<Page>,
}

impl Issue {
    pub fn article_count(&self) -> usize {
        self.pages.iter().map(|p| p.articles.len()).sum()
    }

    /// Keeps the first `n` articles (in page order), and the pages that still
    /// hold one.
    pub fn truncate(&mut self, n: usize) {
        let mut left = n;
        for p in &mut self.pages {
            p.articles.truncate(left);
            left -= p.articles.len();
        }
        self.pages.retain(|p| !p.articles.is_empty());
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Exactly this many articles.
    Articles(u64),
    /// Articles until their text (see [`Article::bytes`]) reaches this many bytes.
    Bytes(u64),
}

/// The issues an archive is made of, in date order, with how many of each
/// issue's articles it keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub issues: Vec<(usize, usize)>,
    pub articles: u64,
    pub bytes: u64,
}

/// The archive generator for one seed and span of years.
pub struct Archive {
    pub seed: u64,
    pub world: World,
    pub sources: Vec<Source>,
    /// Every candidate issue: (date, source index), sorted.
    pub candidates: Vec<(Date, usize)>,
    pub years: (i32, i32),
}

/// The seed when none is given.
pub const DEFAULT_SEED: u64 = 20_190_101;

impl Archive {
    pub fn new(seed: u64, years: (i32, i32)) -> Archive {
        let world = World::new(seed);
        let mut rng = Rng::new(mix(&[seed, 0x736f_7572_6365]));
        let sources = sources(&world.names, &mut rng);
        let mut candidates = Vec::new();
        let (first, last) = (Date::new(years.0, 1, 1).days(), Date::new(years.1, 12, 31).days());
        for d in first..=last {
            let date = Date::from_days(d);
            for (i, s) in sources.iter().enumerate() {
                // The weekly comes out on Thursdays.
                if !s.weekly || date.weekday() == 3 {
                    candidates.push((date, i));
                }
            }
        }
        Archive { seed, world, sources, candidates, years }
    }

    /// Candidate indices in the order they are taken: the golden-ratio
    /// sequence (step 2^64/φ) scaled onto the candidates, moving on to the
    /// next free one when it lands on a taken one.
    pub fn visit_order(&self) -> impl Iterator<Item = usize> + '_ {
        let n = self.candidates.len();
        let mut used = vec![false; n];
        let mut x = mix(&[self.seed, 0x006f_7264_6572]);
        (0..n).map(move |_| {
            x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut i = ((x as u128 * n as u128) >> 64) as usize;
            while used[i] {
                i = (i + 1) % n;
            }
            used[i] = true;
            i
        })
    }

    /// Chooses the issues for a target. `progress` is told (articles, bytes)
    /// after each issue.
    pub fn plan(&self, target: Target, mut progress: impl FnMut(u64, u64)) -> Result<Plan, String> {
        let done = |articles: u64, bytes: u64| match target {
            Target::Articles(n) => articles >= n,
            Target::Bytes(b) => bytes >= b,
        };
        let mut plan = Plan { issues: Vec::new(), articles: 0, bytes: 0 };
        if done(0, 0) {
            return Ok(plan);
        }
        // An issue holds at most 16 pages of 6 articles.
        if let Target::Articles(n) = target {
            if n > self.candidates.len() as u64 * 96 {
                return Err(format!(
                    "{}–{} holds {} issues, fewer than {n} articles need: give a wider --years",
                    self.years.0,
                    self.years.1,
                    self.candidates.len()
                ));
            }
        }
        for idx in self.visit_order() {
            let issue = self.issue(idx);
            let mut keep = 0;
            'pages: for page in &issue.pages {
                for a in &page.articles {
                    keep += 1;
                    plan.articles += 1;
                    plan.bytes += a.bytes();
                    if done(plan.articles, plan.bytes) {
                        break 'pages;
                    }
                }
            }
            plan.issues.push((idx, keep));
            progress(plan.articles, plan.bytes);
            if done(plan.articles, plan.bytes) {
                plan.issues.sort_unstable();
                return Ok(plan);
            }
        }
        Err(format!(
            "{}–{} holds {} issues ({} articles, {} bytes) only: give a wider --years",
            self.years.0,
            self.years.1,
            self.candidates.len(),
            plan.articles,
            plan.bytes
        ))
    }

    /// The page file stem: `<slug>-<YYYYMMDD>-<page:02>`.
    pub fn stem(&self, issue: &Issue, page: &Page) -> String {
        format!("{}-{}-{:02}", self.sources[issue.source].slug, issue.date.compact(), page.number)
    }

    /// Generates candidate issue `idx` in full.
    pub fn issue(&self, idx: usize) -> Issue {
        let (date, s) = self.candidates[idx];
        let source = &self.sources[s];
        let mut rng = Rng::new(mix(&[self.seed, s as u64, date.days() as u64]));
        let weights: Vec<u32> = source.pages.iter().map(|p| p.1).collect();
        let count = source.pages[rng.weighted(&weights)].0;
        let pages = (1..=count)
            .map(|number| {
                let n = if number == 1 { rng.range(3, 6) } else { rng.range(2, 6) };
                let articles = (0..n)
                    .map(|_| {
                        let mut r = rng.fork(number as u64);
                        self.article(source, date, &mut r)
                    })
                    .collect();
                Page { number, label: source.labels.label(number), articles }
            })
            .collect();
        Issue { source: s, date, pages }
    }

    fn article(&self, source: &Source, date: Date, rng: &mut Rng) -> Article {
        let mut cast = Cast::new(&self.world, source.home, date, rng);
        let reporter = source.reporters[source.reporter_w.draw(rng)].clone();
        let mut w = Writer::new(&self.world, rng, &mut cast);
        let kicker = w.rng.chance(220).then(|| w.kicker());
        let title = w.headline();
        let subtitle = w.rng.chance(180).then(|| w.subtitle());
        let byline = self.byline(&mut w, source, date, &reporter);
        // Body length in chars: briefs, ordinary stories, long stories and
        // features; the mean is about 1,350.
        let (lo, hi) = [(140, 450), (450, 1550), (1600, 3200), (3400, 9000)][w.rng.weighted(&[30, 50, 16, 4])];
        let target = w.rng.range(lo, hi) as usize;
        let mut paragraphs: Vec<String> = Vec::new();
        let mut len = 0;
        while len < target {
            let p = w.paragraph(paragraphs.is_empty(), target - len);
            len += p.chars().count();
            paragraphs.push(p);
        }
        if target >= 400 && w.rng.chance(170) {
            let at = w.rng.range(1, paragraphs.len() as u64) as usize;
            let c = w.caption(&reporter);
            paragraphs.insert(at, c);
        }
        if w.rng.chance(120) {
            let s = self.signature(&mut w, source, &reporter);
            paragraphs.push(s);
        }
        let mut article = Article { kicker, title, subtitle, byline, paragraphs };
        for p in article.paragraphs.iter_mut().chain(std::iter::once(&mut article.title)) {
            w.sprinkle_traditional(p);
        }
        let Article { kicker, title, subtitle, paragraphs, .. } = &mut article;
        for f in paragraphs.iter_mut().chain([title]).chain(kicker.as_mut()).chain(subtitle.as_mut()) {
            tidy(f);
        }
        article
    }

    fn byline(&self, w: &mut Writer, source: &Source, date: Date, reporter: &str) -> String {
        let names = &self.world.names;
        let second = source.reporters[source.reporter_w.draw(w.rng)].clone();
        let dated = |d: Date| format!("{}月{}日电", d.month, d.day);
        let filed = if source.weekly || !w.rng.chance(300) { date.add_days(-1) } else { date };
        match w.rng.weighted(&[26, 18, 12, 12, 14, 10, 5, 3]) {
            0 if second != reporter && w.rng.chance(200) => format!("□本报记者 {reporter} {second}"),
            0 => format!("□本报记者 {reporter}"),
            1 if w.rng.chance(300) => format!("本报讯（记者 {reporter} 通讯员 {}）", w.person()),
            1 => format!("本报讯（记者 {reporter}）"),
            2 => {
                let city = if w.rng.chance(400) { source.home } else { names.city(w.rng) };
                format!("本报{city}{} （记者{reporter}）", dated(filed))
            }
            3 => {
                let city = names.dateline(w.rng);
                let mut s = format!("新华社{city}{}", dated(filed));
                if w.rng.chance(300) {
                    s.push_str(&format!(" （记者{} {}）", w.person(), names.fresh_person(w.rng)));
                }
                s
            }
            4 => format!("记者 {reporter} 通讯员 {}", w.person()),
            5 => format!("文/图 {reporter}"),
            6 => format!("□{}记者 {reporter}", source.name),
            _ => format!("本报记者 {reporter} 实习生 {}", names.fresh_person(w.rng)),
        }
    }

    fn signature(&self, w: &mut Writer, source: &Source, reporter: &str) -> String {
        match w.rng.weighted(&[35, 15, 20, 15, 10, 5]) {
            0 => format!("（{reporter}）"),
            1 => "（据新华社）".to_string(),
            2 => format!("（责任编辑：{}）", w.person()),
            3 => format!("（本报记者 {reporter} 整理）"),
            4 => format!("（{}记者 {reporter}）", source.name),
            _ => w.person(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(Labels::Chinese.label(1), "第一版");
        assert_eq!(Labels::Chinese.label(12), "第十二版");
        assert_eq!(Labels::Arabic.label(2), "第2版");
        assert_eq!(Labels::Sections.label(1), "A01");
        assert_eq!(Labels::Sections.label(9), "B01");
        assert_eq!(Labels::Sections.label(16), "B08");
    }
}
