//! Recall never depends on segmentation: whatever ingest decides on a
//! generated page (any seed, any mix of layouts), every character of the
//! page is in exactly one block (ingest's own lossless check), and the
//! characters of the articles and loose blocks are the page's characters.

use proptest::prelude::*;
use std::sync::OnceLock;
use xunyue_layout::known::{from_corpus, from_synth, Known};
use xunyue_layout::page::generate;
use xunyue_read::SeedFile;

fn known() -> &'static [Known] {
    static K: OnceLock<Vec<Known>> = OnceLock::new();
    K.get_or_init(|| {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let mut k = from_corpus(&xunyue_ingest::ingest_dir(&dir).unwrap_or_else(|e| panic!("{e}")));
        k.extend(from_synth(7, 400));
        k
    })
}

fn sorted_chars(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    v.sort_unstable();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_char_of_a_generated_page_is_searchable(seed in any::<u64>()) {
        let g = generate(known(), seed);
        let page = SeedFile { stem: "gen".into(), text: g.text.clone() };
        let r = xunyue_ingest::ingest_page_with(&page, None);
        prop_assert!(r.is_ok(), "{:?}", r.as_ref().err());
        let r = r.unwrap_or_default();
        let mut all = String::new();
        for a in &r.articles {
            all.push_str(&a.text());
        }
        for b in &r.page.loose {
            all.push_str(&b.text);
        }
        prop_assert_eq!(sorted_chars(&all), sorted_chars(&g.text));
    }

    /// The same page with its lines cut at random places (a narrower column
    /// than any layout): still nothing lost.
    #[test]
    fn pages_cut_anywhere_lose_nothing(seed in any::<u64>(), cut in 3usize..12) {
        let g = generate(known(), seed);
        let mut text = String::new();
        for line in g.text.lines() {
            let cs: Vec<char> = line.chars().collect();
            for chunk in cs.chunks(cut) {
                text.extend(chunk);
                text.push('\n');
            }
            if cs.is_empty() {
                text.push('\n');
            }
        }
        let page = SeedFile { stem: "cut".into(), text: text.clone() };
        let r = xunyue_ingest::ingest_page_with(&page, None);
        prop_assert!(r.is_ok(), "{:?}", r.as_ref().err());
    }
}
