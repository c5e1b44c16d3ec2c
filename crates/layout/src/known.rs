//! Known articles: what the generator lays out, with nothing of a layout
//! left in them (no line breaks, no byline form: the names only).

use xunyue_core::model::{BlockKind, Corpus};

/// One piece of an article's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Para(String),
    /// A section heading inside the article (小标题).
    Section(String),
    /// A photo caption, with its credit if it has one.
    Caption(String),
}

/// An article as a reader knows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Known {
    pub kicker: Option<String>,
    pub headline: String,
    pub subtitle: Option<String>,
    /// Reporters' names (2–4 Han characters each), in byline order.
    pub names: Vec<String>,
    pub body: Vec<Body>,
    /// A closing line of the body (`（责任编辑：王芳）`, a name alone), kept
    /// as the article's last line.
    pub signature: Option<String>,
}

/// The articles of a corpus that have a printed headline, as ingest found
/// them (the seeds' articles).
pub fn from_corpus(c: &Corpus) -> Vec<Known> {
    let mut out = Vec::new();
    for a in c.articles.iter().filter(|a| !a.title_inferred) {
        let mut body = Vec::new();
        for b in &a.blocks {
            match b.kind {
                BlockKind::Paragraph | BlockKind::ListItem => body.push(Body::Para(b.text.clone())),
                BlockKind::SectionHeading => body.push(Body::Section(b.text.clone())),
                BlockKind::Caption => body.push(Body::Caption(b.text.clone())),
                _ => {}
            }
        }
        if !body.iter().any(|b| matches!(b, Body::Para(_))) {
            continue;
        }
        out.push(Known {
            kicker: a.kicker.clone(),
            headline: a.title.clone(),
            subtitle: a.subtitle.clone(),
            names: a.authors.iter().filter(|n| xunyue_core::chars::looks_like_name(n, 2, 4)).cloned().collect(),
            body,
            signature: None,
        });
    }
    out
}

/// `n` synthetic articles of `xunyue-synth` (seed `seed`): its captions and
/// closing signatures told apart from the paragraphs.
pub fn from_synth(seed: u64, n: u64) -> Vec<Known> {
    use xunyue_synth::{Archive, Target};
    let archive = Archive::new(seed, (2019, 2024));
    let Ok(plan) = archive.plan(Target::Articles(n), |_, _| {}) else { return Vec::new() };
    let mut out = Vec::new();
    for &(issue, _) in &plan.issues {
        for page in archive.issue(issue).pages {
            for a in page.articles {
                let (_, names) = xunyue_ingest::articles::parse_byline(&a.byline);
                let names: Vec<String> = names.into_iter().filter(|n| xunyue_core::chars::looks_like_name(n, 2, 4)).collect();
                let mut body = Vec::new();
                let mut signature = None;
                let last = a.paragraphs.len().saturating_sub(1);
                for (i, p) in a.paragraphs.iter().enumerate() {
                    let caption = ["■", "▲", "图为"].iter().any(|m| p.starts_with(m));
                    let closing = i == last && i > 0 && p.chars().count() <= 24 && (p.starts_with('（') || !p.contains('。'));
                    if closing {
                        signature = Some(p.clone());
                    } else if caption {
                        body.push(Body::Caption(p.clone()));
                    } else {
                        body.push(Body::Para(p.clone()));
                    }
                }
                out.push(Known { kicker: a.kicker, headline: a.title, subtitle: a.subtitle, names, body, signature });
                if out.len() as u64 >= n {
                    return out;
                }
            }
        }
    }
    out
}
