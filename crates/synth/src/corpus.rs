//! A synthetic archive as the corpus ingest would give the writer: blocks as
//! printed (kicker, headline, subtitle, byline, paragraphs), pages with their
//! dates, sources, labels and numbers. What the writer's tests and its
//! archive benchmark build from, without writing page files first.

use crate::{Archive, Target, DEFAULT_SEED};
use xunyue_core::model::{Article, Block, BlockKind, Corpus, Page};

/// The corpus of the default archive (seed [`DEFAULT_SEED`], 2019–2024) up
/// to `target`; an error if the target cannot fit those years.
pub fn corpus(target: Target) -> Result<Corpus, String> {
    let archive = Archive::new(DEFAULT_SEED, (2019, 2024));
    let plan = archive.plan(target, |_, _| {})?;
    let mut corpus = Corpus::default();
    for &(idx, keep) in &plan.issues {
        let mut issue = archive.issue(idx);
        issue.truncate(keep);
        let source = archive.sources[issue.source].name.to_string();
        for page in &issue.pages {
            let stem = archive.stem(&issue, page);
            let mut p = Page {
                stem: stem.clone(),
                label: Some(page.label.clone()),
                number: Some(page.number),
                source: Some(source.clone()),
                date: Some(issue.date.iso()),
                ..Page::default()
            };
            for (i, a) in page.articles.iter().enumerate() {
                let block = |kind, text: &str| Block { kind, text: text.to_string(), line: 1 };
                let mut blocks = Vec::new();
                if let Some(k) = &a.kicker {
                    blocks.push(block(BlockKind::Kicker, k));
                }
                blocks.push(block(BlockKind::Headline, &a.title));
                if let Some(s) = &a.subtitle {
                    blocks.push(block(BlockKind::Kicker, s));
                }
                blocks.push(block(BlockKind::Byline, &a.byline));
                blocks.extend(a.paragraphs.iter().map(|t| block(BlockKind::Paragraph, t)));
                let id = format!("{stem}#{}", i + 1);
                p.articles.push(id.clone());
                corpus.articles.push(Article {
                    id,
                    page: stem.clone(),
                    title: a.title.clone(),
                    kicker: a.kicker.clone(),
                    subtitle: a.subtitle.clone(),
                    byline: Some(a.byline.clone()),
                    source: Some(source.clone()),
                    date: Some(issue.date.iso()),
                    blocks,
                    ..Article::default()
                });
            }
            corpus.pages.push(p);
        }
    }
    Ok(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_the_articles_asked_for_each_on_its_page() {
        let c = corpus(Target::Articles(57)).expect("fits");
        assert_eq!(c.articles.len(), 57);
        let listed: usize = c.pages.iter().map(|p| p.articles.len()).sum();
        assert_eq!(listed, 57, "every article is listed by its page");
        for a in &c.articles {
            let page = c.pages.iter().find(|p| p.stem == a.page).expect("its page");
            assert_eq!(a.date, page.date);
            assert!(a.blocks.iter().any(|b| b.kind == BlockKind::Paragraph), "{}", a.id);
        }
    }
}
