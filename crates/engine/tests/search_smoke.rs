//! A short property smoke of query parsing + search + snippets on arbitrary
//! strings (the long runs are the fuzz targets): never a panic, spans inside
//! the text, highlights inside the snippet.

mod search_support;

use proptest::prelude::*;
use search_support::{check_invariants, engine};
use xunyue_engine::snippet::snippet;

/// Characters that matter: corpus text, operators, spaces, digits, width and
/// traditional variants, marks, emoji, controls and the replacement char.
fn query_char() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::sample::select(vec![
            '基', '因', '青', '岛', '华', '大', '细', '胞', '華', '島', '，', '。', '“', '”', '·', '"', '-', '|', ' ',
            '\u{3000}', '\t', '\n', 'O', 'R', 'B', 'G', '1', '3', '6', 'Ｂ', '１', '\u{301}', '\u{200D}', '\u{202E}',
            '😀', '\u{FFFD}', '\u{0}', '\u{7f}', '%', '.', 'ⅲ', 'ﬁ',
        ]),
        any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_queries_never_break(q in proptest::collection::vec(query_char(), 0..40)) {
        let q: String = q.into_iter().collect();
        let e = engine();
        let resp = e.search(&q);
        check_invariants(e, &resp);
        let docs = e.search_docs(&q);
        prop_assert_eq!(docs.len(), resp.hits.len());
        let _ = e.parse(&q).explain();
    }

    #[test]
    fn snippets_of_arbitrary_spans_stay_inside(
        text in proptest::collection::vec(query_char(), 0..300),
        raw in proptest::collection::vec((0u32..400, 0u32..100), 0..20),
    ) {
        let mut spans: Vec<(u32, u32)> = raw.into_iter().map(|(s, l)| (s, s + l)).collect();
        spans.sort_unstable();
        let sn = snippet(&text, &spans);
        let n = sn.text.chars().count() as u32;
        for &(s, t) in &sn.highlights {
            prop_assert!(s < t && t <= n);
        }
    }
}
