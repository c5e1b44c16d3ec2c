//! The page generator: known articles laid out as an OCR'd page, with the
//! ground truth.
//!
//! Every page draws its [`Features`]; every article on it its own
//! [`ArticleFeatures`]. The generator never looks at what ingest does: the
//! forms and their shares are those of printed Chinese newspapers and their
//! OCR text (hard-wrapped columns, e-paper text with one paragraph a line),
//! not of what the heuristics handle.

use crate::known::{Body, Known};
use crate::Rng;

/// How paragraphs are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paras {
    /// `　　` at each paragraph's start.
    Indented,
    /// No indent; a blank line between paragraphs.
    Blank,
}

/// The head lines printed for an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stack {
    Headline,
    KickerHeadline,
    HeadlineSubtitle,
    KickerHeadlineSubtitle,
}

impl Stack {
    pub fn name(self) -> &'static str {
        match self {
            Stack::Headline => "H",
            Stack::KickerHeadline => "K+H",
            Stack::HeadlineSubtitle => "H+S",
            Stack::KickerHeadlineSubtitle => "K+H+S",
        }
    }
}

/// The byline or dateline form of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Byline {
    None,
    /// `□本报记者 X`, a line of its own.
    Boxed,
    /// `本报讯（记者 X）` opening the first paragraph.
    BaoXun,
    /// `本报北京1月31日电 （记者X）` opening the first paragraph.
    Dateline,
    /// `新华社北京1月31日电` opening the first paragraph.
    Xinhua,
    /// `记者 X 通讯员 Y`, a line of its own.
    ReporterCorrespondent,
    /// `文/图 X`, a line of its own.
    TextPhoto,
    /// The name alone after the last sentence (own line or after a space).
    Signature,
}

impl Byline {
    pub const ALL: [Byline; 8] = [
        Byline::None,
        Byline::Boxed,
        Byline::BaoXun,
        Byline::Dateline,
        Byline::Xinhua,
        Byline::ReporterCorrespondent,
        Byline::TextPhoto,
        Byline::Signature,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Byline::None => "no byline",
            Byline::Boxed => "□本报记者 X",
            Byline::BaoXun => "本报讯（记者 X）",
            Byline::Dateline => "本报北京1月31日电 （记者X）",
            Byline::Xinhua => "新华社北京1月31日电",
            Byline::ReporterCorrespondent => "记者 X 通讯员 Y",
            Byline::TextPhoto => "文/图 X",
            Byline::Signature => "signature at the end",
        }
    }
}

/// What one article of a page looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleFeatures {
    pub stack: Stack,
    pub byline: Byline,
    /// A photo caption set between two of its paragraphs.
    pub caption: bool,
    /// Its head (and byline line) comes after its body, as OCR reads some
    /// pages.
    pub head_after_body: bool,
    /// Ends with a jump mark `（下转第二版）`.
    pub continued: bool,
}

/// What a page looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    /// Hard wrap width in chars (10–40), or none: one paragraph a line.
    pub width: Option<usize>,
    pub paras: Paras,
    /// A blank line between articles.
    pub blank_between: bool,
    /// Blank lines between the head lines, the byline and the body.
    pub head_gaps: bool,
    pub crlf: bool,
    /// The space that pads two-character names in bylines (`刘 慧`), if any.
    pub name_space: Option<char>,
    /// A page label line on top and an advertisement mark between two
    /// articles (they belong to no article).
    pub furniture: bool,
    pub articles: usize,
}

/// The truth about one article of a generated page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Truth {
    pub headline: String,
    pub features: ArticleFeatures,
}

/// A generated page.
#[derive(Debug, Clone)]
pub struct Generated {
    pub text: String,
    pub features: Features,
    pub articles: Vec<Truth>,
    /// For each line of `text` (as `xunyue_ingest::reflow::lines` splits
    /// it), the index into `articles` of the article it belongs to.
    pub owner: Vec<Option<usize>>,
    /// Lines that belong to the body of their article (paragraphs, not head,
    /// byline or caption): what "the article holding most of this one" is
    /// counted on.
    pub body: Vec<bool>,
}

const NAMES: [&str; 10] = ["王芳", "李明", "张静", "刘腾", "陈晨", "赵雷", "周强", "孙丽", "黄飞", "欧阳娜"];
const CITIES: [&str; 8] = ["北京", "上海", "广州", "青岛", "成都", "武汉", "西安", "杭州"];
const LABELS: [&str; 6] = ["要闻", "经济", "城市新闻", "民生", "科技", "综合新闻"];

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Hard-wraps a paragraph: `first` chars on the first line, `width` on the
/// others.
fn wrap(text: &str, first: usize, width: usize) -> Vec<String> {
    let cs = chars(text);
    let mut out = Vec::new();
    let mut at = 0;
    let mut w = first.max(1);
    while at < cs.len() {
        let end = (at + w).min(cs.len());
        out.push(cs[at..end].iter().collect());
        at = end;
        w = width.max(1);
    }
    out
}

/// Longest head line a page sets on one line, in chars; longer kickers and
/// subtitles run over two lines (as on the seeds' front page), cut after a
/// comma where there is one.
pub const HEAD_LINE_CHARS: usize = 40;

fn head_wrap(h: &str) -> Vec<String> {
    let cs = chars(h);
    if cs.len() <= HEAD_LINE_CHARS {
        return vec![h.to_string()];
    }
    let cut = (cs.len() / 3..=HEAD_LINE_CHARS.min(cs.len() - 1)).rev().find(|&k| cs[k - 1] == '，').unwrap_or(cs.len() / 2);
    vec![cs[..cut].iter().collect(), cs[cut..].iter().collect()]
}

struct Lines {
    lines: Vec<(String, Option<usize>, bool)>,
}

impl Lines {
    fn push(&mut self, s: String, owner: Option<usize>, body: bool) {
        self.lines.push((s, owner, body));
    }
    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.0.is_empty()) {
            self.lines.push((String::new(), None, false));
        }
    }
}

fn spaced(name: &str, sp: Option<char>) -> String {
    match (sp, name.chars().count()) {
        (Some(c), 2) => name.chars().map(String::from).collect::<Vec<_>>().join(&c.to_string()),
        _ => name.to_string(),
    }
}

/// Lays out `known` articles (chosen by `seed`) as one page.
pub fn generate(known: &[Known], seed: u64) -> Generated {
    let mut rng = Rng::new(seed);
    let width = if rng.chance(20) { None } else { Some(rng.range(10, 40)) };
    let paras = if rng.chance(65) { Paras::Indented } else { Paras::Blank };
    let features = Features {
        width,
        paras,
        blank_between: paras == Paras::Blank || rng.chance(60),
        head_gaps: rng.chance(50),
        crlf: rng.chance(20),
        name_space: *rng.pick(&[None, None, Some(' '), Some('\u{a0}'), Some('\u{3000}')]),
        furniture: rng.chance(25),
        articles: rng.range(2, 8),
    };
    let after = rng.chance(25).then(|| rng.below(features.articles));
    let mut picked: Vec<usize> = Vec::new();
    while picked.len() < features.articles.min(known.len()) {
        let k = rng.below(known.len());
        if !picked.contains(&k) {
            picked.push(k);
        }
    }
    let mut out = Lines { lines: Vec::new() };
    if features.furniture {
        let label = format!("第{}版 {}", rng.range(1, 16), rng.pick(&LABELS));
        out.push(label, None, false);
        out.blank();
    }
    let ad_after = features.furniture.then(|| rng.below(features.articles));
    let mut truths = Vec::new();
    for (i, &k) in picked.iter().enumerate() {
        let a = &known[k];
        let stack = match (a.kicker.is_some() && rng.chance(70), a.subtitle.is_some() && rng.chance(70)) {
            (false, false) => Stack::Headline,
            (true, false) => Stack::KickerHeadline,
            (false, true) => Stack::HeadlineSubtitle,
            (true, true) => Stack::KickerHeadlineSubtitle,
        };
        let byline = *rng.pick(&Byline::ALL);
        let af = ArticleFeatures {
            stack,
            byline,
            caption: rng.chance(30),
            head_after_body: after == Some(i),
            continued: rng.chance(10),
        };
        if i > 0 && features.blank_between {
            out.blank();
        }
        let af = article(&mut out, &mut rng, a, i, &features, &af);
        truths.push(Truth { headline: a.headline.clone(), features: af });
        if ad_after == Some(i) && i + 1 < picked.len() {
            out.blank();
            out.push("广告".to_string(), None, false);
            out.blank();
        }
    }
    let nl = if features.crlf { "\r\n" } else { "\n" };
    let mut text = String::new();
    for (l, _, _) in &out.lines {
        text.push_str(l);
        text.push_str(nl);
    }
    Generated {
        text,
        features,
        articles: truths,
        owner: out.lines.iter().map(|l| l.1).collect(),
        body: out.lines.iter().map(|l| l.2).collect(),
    }
}

/// Lays out one article; returns its features as laid out (a caption needs
/// two paragraphs to stand between).
fn article(out: &mut Lines, rng: &mut Rng, a: &Known, i: usize, f: &Features, af: &ArticleFeatures) -> ArticleFeatures {
    let names: Vec<String> = if a.names.is_empty() {
        vec![rng.pick(&NAMES).to_string()]
    } else {
        a.names.clone()
    };
    let name = spaced(&names[0], f.name_space);
    let second = spaced(names.get(1).map_or(*rng.pick(&NAMES), String::as_str), f.name_space);
    let city = rng.pick(&CITIES);
    let day = format!("{}月{}日电", rng.range(1, 12), rng.range(1, 28));
    let (byline_line, opening) = match af.byline {
        Byline::Boxed => (Some(format!("□本报记者 {name}")), None),
        Byline::ReporterCorrespondent => (Some(format!("记者 {name} 通讯员 {second}")), None),
        Byline::TextPhoto => (Some(format!("文/图 {name}")), None),
        Byline::BaoXun => (None, Some(format!("本报讯（记者 {name}）"))),
        Byline::Dateline => (None, Some(format!("本报{city}{day} （记者{name}）"))),
        Byline::Xinhua => (None, Some(format!("新华社{city}{day} "))),
        Byline::None | Byline::Signature => (None, None),
    };
    // Head lines.
    let mut head: Vec<String> = Vec::new();
    if matches!(af.stack, Stack::KickerHeadline | Stack::KickerHeadlineSubtitle) {
        head.extend(a.kicker.clone());
    }
    head.push(a.headline.clone());
    if matches!(af.stack, Stack::HeadlineSubtitle | Stack::KickerHeadlineSubtitle) {
        head.extend(a.subtitle.clone());
    }
    let head_lines = |out: &mut Lines| {
        for (n, h) in head.iter().enumerate() {
            if n > 0 && f.head_gaps {
                out.blank();
            }
            for part in head_wrap(h) {
                out.push(part, Some(i), false);
            }
        }
        if let Some(b) = &byline_line {
            if f.head_gaps {
                out.blank();
            }
            out.push(b.clone(), Some(i), false);
        }
    };
    // Body: the first one to four pieces of the known body.
    let take = rng.range(1, 4);
    let mut body: Vec<Body> = Vec::new();
    let mut paras = 0;
    for b in &a.body {
        if paras >= take {
            break;
        }
        if matches!(b, Body::Caption(_)) && !af.caption {
            continue;
        }
        if matches!(b, Body::Para(_)) {
            paras += 1;
        }
        body.push(b.clone());
    }
    while matches!(body.last(), Some(Body::Section(_) | Body::Caption(_))) {
        body.pop();
    }
    let paras_in = body.iter().filter(|b| matches!(b, Body::Para(_))).count();
    let af = &ArticleFeatures { caption: af.caption && paras_in >= 2, ..*af };
    if !af.caption {
        body.retain(|b| !matches!(b, Body::Caption(_)));
    }
    if af.caption && !body.iter().any(|b| matches!(b, Body::Caption(_))) {
        // After the first paragraph at the earliest: between paragraphs.
        let at = rng.range(1, body.len().saturating_sub(1).max(1));
        let first = body.iter().find_map(|b| if let Body::Para(p) = b { Some(p.as_str()) } else { None }).unwrap_or("");
        let clause: String = first.chars().take_while(|c| !matches!(c, '，' | '。' | '；')).take(20).collect();
        body.insert(at.min(body.len()), Body::Caption(format!("■{clause}。□记者 {name} 摄")));
    }
    let mut first_para = true;
    let mut body_lines = Lines { lines: Vec::new() };
    let last_para = body.iter().rposition(|b| matches!(b, Body::Para(_)));
    for (n, b) in body.iter().enumerate() {
        match b {
            Body::Para(p) => {
                let mut text = p.clone();
                if first_para {
                    if let Some(o) = &opening {
                        text = format!("{o}{text}");
                    }
                }
                // A name signing the story is set after its last sentence,
                // never broken across lines.
                let mut signed = None;
                if Some(n) == last_para {
                    // A jump mark is set as one piece at the paragraph's end.
                    let jump = if af.continued { "（下转第二版）" } else { "" };
                    if af.byline == Byline::Signature && rng.chance(50) {
                        signed = Some(format!("{jump} {name}"));
                    } else if af.continued {
                        signed = Some(jump.to_string());
                    }
                }
                first_para = false;
                if f.paras == Paras::Blank {
                    body_lines.blank();
                }
                let indent = if f.paras == Paras::Indented { "　　" } else { "" };
                let lines = match f.width {
                    None => vec![text],
                    Some(w) => wrap(&text, w.saturating_sub(indent.chars().count()), w),
                };
                for (k, l) in lines.into_iter().enumerate() {
                    let l = if k == 0 { format!("{indent}{l}") } else { l };
                    body_lines.push(l, Some(i), true);
                }
                if let (Some(sig), Some(last)) = (signed, body_lines.lines.last_mut()) {
                    last.0.push_str(&sig);
                }
            }
            Body::Section(s) => {
                body_lines.blank();
                body_lines.push(s.clone(), Some(i), false);
                if f.paras == Paras::Blank {
                    body_lines.blank();
                }
            }
            Body::Caption(c) => {
                body_lines.blank();
                body_lines.push(c.clone(), Some(i), false);
                body_lines.blank();
            }
        }
    }
    if af.byline == Byline::Signature && !body_lines.lines.last().is_some_and(|l| l.0.ends_with(name.as_str())) {
        body_lines.push(name.clone(), Some(i), false);
    }
    if let Some(s) = &a.signature {
        if af.byline != Byline::Signature {
            body_lines.push(s.clone(), Some(i), false);
        }
    }
    if af.head_after_body {
        out.lines.append(&mut body_lines.lines);
        out.blank();
        head_lines(out);
    } else {
        head_lines(out);
        if f.head_gaps || f.paras == Paras::Blank {
            out.blank();
        }
        let skip = body_lines.lines.iter().take_while(|l| l.0.is_empty()).count();
        out.lines.extend(body_lines.lines.into_iter().skip(skip));
    }
    *af
}
