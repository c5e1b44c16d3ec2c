//! Folding: width, case, traditional characters and spaced digits find the
//! same articles as the plain form, and highlights cover the original text.

mod search_support;

use search_support::{check_invariants, engine, exact};

/// (typed, as printed in the corpus)
const CASES: &[(&str, &str)] = &[
    // width
    ("ＢＧ１３６", "BG136"),
    ("ＣＯＰ１５", "COP15"),
    ("（IL-12）", "(IL-12)"),
    // case
    ("bg136", "BG136"),
    ("cop15大会", "COP15大会"),
    ("Til细胞", "TIL细胞"),
    // traditional → simplified
    ("華大智造", "华大智造"),
    ("基因與細胞", "基因与细胞"),
    ("青島華大", "青岛华大"),
    ("產業發展", "产业发展"),
    // spaced digits
    ("2 0 2 1年", "2021年"),
    ("1 7 8个", "178个"),
    ("8 6 . 2 %", "86.2%"),
];

#[test]
fn folded_forms_find_the_same_articles() {
    let e = engine();
    for &(typed, printed) in CASES {
        let want = exact(&e.search(printed));
        assert!(!want.is_empty(), "{printed:?} is in the corpus");
        let resp = e.search(typed);
        check_invariants(e, &resp);
        assert_eq!(exact(&resp), want, "{typed:?} finds what {printed:?} finds");
    }
}

#[test]
fn highlights_cover_the_printed_text() {
    let e = engine();
    for &(typed, printed) in CASES {
        let resp = e.search(typed);
        let h = resp.hits.iter().find(|h| h.exact).expect("an exact hit");
        let text = e.text(h.doc);
        let (s, t) = h.spans[0];
        let shown: String = text[s as usize..t as usize].iter().collect();
        let squeezed: String = shown.chars().filter(|c| !c.is_whitespace()).collect();
        let printed_sq: String = printed.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            squeezed.eq_ignore_ascii_case(&printed_sq) || xunyue_core::normalize::normalize_str(&shown) == xunyue_core::normalize::normalize_str(printed),
            "{typed:?} highlights {shown:?}"
        );
    }
}
