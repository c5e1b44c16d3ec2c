//! The corpus loaded once from the embedded blob, with derived lookups.

use crate::facets::FacetIndex;
use std::cell::OnceCell;
use xunyue_engine::Engine;

pub struct Data {
    pub engine: Engine,
    pub facets: FacetIndex,
}

thread_local! {
    static DATA: OnceCell<Option<&'static Data>> = const { OnceCell::new() };
}

/// The loaded corpus, or `None` when the embedded blob does not decode.
pub fn data() -> Option<&'static Data> {
    DATA.with(|d| {
        *d.get_or_init(|| {
            let engine = Engine::from_bytes(xunyue_corpus::BLOB).ok()?;
            crate::perf::mark("xunyue:engine");
            let facets = FacetIndex::build(&engine);
            crate::perf::mark("xunyue:facets");
            Some(&*Box::leak(Box::new(Data { engine, facets })))
        })
    })
}

impl Data {
    /// Position of the article with this id.
    pub fn doc_of(&self, id: &str) -> Option<u32> {
        self.engine.articles().iter().position(|a| a.id == id).map(|i| i as u32)
    }

    /// Heading of a page: its printed label, or "版面 000".
    pub fn page_title(&self, stem: &str, t: &crate::i18n::Strings) -> String {
        let label = self.page_label(stem);
        if self.engine.corpus().pages.iter().any(|p| p.stem == stem && p.label.is_some()) {
            return label.to_string();
        }
        let mut s = String::from(t.page);
        s.push(' ');
        s.push_str(label);
        s
    }

    /// Label of a page ("第一版"), or its stem.
    pub fn page_label<'a>(&'a self, stem: &'a str) -> &'a str {
        self.facets.label(crate::facets::FacetKind::Page, stem)
    }
}
