//! The text, measured against the five real seed pages of the repository
//! (`seeds/*.txt`, OCR'd newspaper pages): long tail, head, punctuation,
//! numbers, names, folding.
//!
//! Thresholds, and why (run with `--nocapture` to see the figures):
//!
//! - The seeds hold 18,290 non-space chars (55 KB): 1,191 distinct chars and
//!   8,069 distinct adjacent pairs (21,661 and 146,752 per MB, but per-MB
//!   figures fall as a text grows, so sizes are compared as they are). Their
//!   growth from 5,000 to 18,290 chars (Heaps' law) has exponent 0.38 for
//!   chars and 0.79 for pairs; carried to 2 MB (≈ 680,000 chars) that gives
//!   ≈ 4,700 chars and at most ≈ 142,000 pairs (the exponent falls as text
//!   grows, so real text sits below that). Required at 2 MB: at least 3,500
//!   distinct chars and 120,000 distinct pairs.
//! - At the seeds' own size the synthetic text must have at least as many
//!   distinct chars and pairs as the seeds (five pages on one topic, so
//!   narrower than an archive), and at most 2.5 times as many (it is not
//!   noise).
//! - Head: the ten most frequent chars are 16.4% of the seeds; required
//!   10–25%. Punctuation and digits within a factor of about two of the
//!   seeds' rates (，3.3% 。1.4% 、1.6% digits 2.7%).

use std::collections::BTreeMap;
use std::sync::OnceLock;
use xunyue_synth::text::{traditional, TRADITIONAL};
use xunyue_synth::{Archive, Article, Target, TextStats, DEFAULT_SEED};

struct Sample {
    archive: Archive,
    articles: Vec<(usize, Article)>,
}

/// About 2 MB of articles of the default seed, in archive order.
fn sample() -> &'static Sample {
    static S: OnceLock<Sample> = OnceLock::new();
    S.get_or_init(|| {
        let archive = Archive::new(DEFAULT_SEED, (2019, 2024));
        let plan = archive.plan(Target::Bytes(2_000_000), |_, _| {}).unwrap();
        let mut articles = Vec::new();
        for &(idx, keep) in &plan.issues {
            let mut issue = archive.issue(idx);
            issue.truncate(keep);
            for p in issue.pages {
                articles.extend(p.articles.into_iter().map(|a| (issue.source, a)));
            }
        }
        Sample { archive, articles }
    })
}

/// All the text of an article, one field a line.
fn unit(a: &Article) -> String {
    let mut s = String::new();
    for f in [a.kicker.as_deref(), Some(&a.title), a.subtitle.as_deref(), Some(&a.byline)].into_iter().flatten() {
        s.push_str(f);
        s.push('\n');
    }
    s + &a.text()
}

fn seed_pages() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the repository's seeds/ folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5, "{paths:?}");
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

fn stats<'a>(texts: impl IntoIterator<Item = &'a str>) -> TextStats {
    let mut st = TextStats::new();
    for t in texts {
        st.add(t);
    }
    st
}

/// The first `chars` non-space chars of the sample, cut at an article.
fn prefix(chars: u64) -> TextStats {
    let mut st = TextStats::new();
    for (_, a) in &sample().articles {
        let u = unit(a);
        let left = chars - st.chars;
        let n = u.chars().filter(|c| !c.is_whitespace()).count() as u64;
        if n <= left {
            st.add(&u);
        } else {
            let mut kept = 0;
            let cut: String = u
                .chars()
                .take_while(|c| {
                    kept += !c.is_whitespace() as u64;
                    kept <= left
                })
                .collect();
            st.add(&cut);
        }
        if st.chars >= chars {
            break;
        }
    }
    st
}

fn report(what: &str, st: &TextStats) {
    let per_mb = |n: usize| n as f64 * 1e6 / st.bytes as f64;
    let top: String = st.top(10).iter().map(|t| t.0).collect();
    println!(
        "{what:>24}: {:>9} bytes {:>9} chars {:>6} distinct chars ({:>7.0}/MB) {:>8} distinct pairs ({:>8.0}/MB), top-10 {top} {:.1}%",
        st.bytes,
        st.chars,
        st.distinct_chars(),
        per_mb(st.distinct_chars()),
        st.distinct_pairs(),
        per_mb(st.distinct_pairs()),
        st.top_share(10) * 100.0
    );
}

#[test]
fn long_tail_like_real_text() {
    let seeds = seed_pages();
    let real = stats(seeds.iter().map(String::as_str));
    report("seed pages", &real);
    // Heaps' law growth inside the seeds.
    let joined: String = seeds.concat();
    for n in [5_000u64, 10_000] {
        let cut: String = joined.chars().filter(|c| !c.is_whitespace()).take(n as usize).collect();
        report(&format!("seeds, first {n} chars"), &stats([cut.as_str()]));
    }

    let same = prefix(real.chars);
    report("synthetic, seeds' size", &same);
    let all = stats(sample().articles.iter().map(|(_, a)| unit(a)).collect::<Vec<_>>().iter().map(String::as_str));
    report("synthetic, 2 MB", &all);

    assert!(all.bytes >= 2_000_000);
    assert!(all.distinct_chars() >= 3_500, "{} distinct chars in 2 MB", all.distinct_chars());
    assert!(all.distinct_pairs() >= 120_000, "{} distinct pairs in 2 MB", all.distinct_pairs());
    let (c, p) = (same.distinct_chars() as f64, same.distinct_pairs() as f64);
    let (rc, rp) = (real.distinct_chars() as f64, real.distinct_pairs() as f64);
    assert!(c >= rc && c <= 2.5 * rc, "{c} distinct chars at the seeds' size, seeds {rc}");
    assert!(p >= rp && p <= 2.5 * rp, "{p} distinct pairs at the seeds' size, seeds {rp}");
    let head = all.top_share(10);
    assert!((0.10..=0.25).contains(&head), "top-10 chars are {:.1}% of the text", head * 100.0);
}

#[test]
fn punctuation_and_digits_at_newspaper_rates() {
    let all = stats(sample().articles.iter().map(|(_, a)| unit(a)).collect::<Vec<_>>().iter().map(String::as_str));
    let real = stats(seed_pages().iter().map(String::as_str));
    let rate = |st: &TextStats, c: char| st.count(c) as f64 / st.chars as f64 * 100.0;
    let digits = |st: &TextStats| ('0'..='9').map(|c| st.count(c)).sum::<u64>() as f64 / st.chars as f64 * 100.0;
    println!("digits: synthetic {:.2}%, seeds {:.2}%", digits(&all), digits(&real));
    assert!((1.2..=5.0).contains(&digits(&all)), "digits {:.2}%", digits(&all));
    for (c, lo, hi) in [('，', 2.0, 5.0), ('。', 0.8, 2.5), ('、', 0.6, 3.0), ('“', 0.2, 1.5), ('《', 0.03, 0.5)] {
        let (r, s) = (rate(&all, c), rate(&real, c));
        println!("{c}: synthetic {r:.2}%, seeds {s:.2}%");
        assert!((lo..=hi).contains(&r), "{c} is {r:.2}% of the text");
    }
    for c in ['；', '：', '？', '！', '（', '）', '》', '”'] {
        assert!(all.count(c) > 0, "no {c}");
    }
    assert_eq!(all.count('“'), all.count('”'), "unbalanced quotation marks");
    assert_eq!(all.count('《'), all.count('》'), "unbalanced title marks");
}

fn has_shape(text: &str, shape: impl Fn(&[char], usize) -> bool) -> bool {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).any(|i| shape(&chars, i))
}

fn digits_at(c: &[char], i: usize) -> usize {
    c[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

#[test]
fn numbers_and_latin_in_newspaper_shapes() {
    let text: String = sample().articles.iter().map(|(_, a)| unit(a) + "\n").collect();
    let year = |c: &[char], i: usize| digits_at(c, i) == 4 && c.get(i + 4) == Some(&'年') && (i == 0 || !c[i - 1].is_ascii_digit());
    let date = |c: &[char], i: usize| {
        let m = digits_at(c, i);
        (1..=2).contains(&m) && c.get(i + m) == Some(&'月') && {
            let d = digits_at(c, i + m + 1);
            (1..=2).contains(&d) && c.get(i + m + 1 + d) == Some(&'日')
        }
    };
    let pct = |c: &[char], i: usize| {
        let a = digits_at(c, i);
        a > 0 && c.get(i + a) == Some(&'.') && {
            let b = digits_at(c, i + a + 1);
            b > 0 && c.get(i + a + 1 + b) == Some(&'%')
        }
    };
    let points = |c: &[char], i: usize| {
        text_at(c, i).starts_with("增长") && {
            let j = i + 2;
            let a = digits_at(c, j);
            a > 0 && c.get(j + a) == Some(&'.') && {
                let b = digits_at(c, j + a + 1);
                b > 0 && text_at(c, j + a + 1 + b).starts_with("个百分点")
            }
        }
    };
    let amount = |c: &[char], i: usize| digits_at(c, i) > 0 && c.get(i + digits_at(c, i)) == Some(&'.') && {
        let j = i + digits_at(c, i) + 1;
        let b = digits_at(c, j);
        b > 0 && text_at(c, j + b).starts_with("亿元")
    };
    let count = |c: &[char], i: usize| digits_at(c, i) >= 2 && c.get(i + digits_at(c, i)) == Some(&'个');
    let code = |c: &[char], i: usize| {
        let l = c[i..].iter().take_while(|c| c.is_ascii_uppercase()).count();
        (2..=3).contains(&l) && (2..=4).contains(&digits_at(c, i + l)) && (i == 0 || !c[i - 1].is_ascii_alphanumeric())
    };
    for (what, found) in [
        ("2019年", has_shape(&text, year)),
        ("3月4日", has_shape(&text, date)),
        ("5.4%", has_shape(&text, pct)),
        ("增长5.4个百分点", has_shape(&text, points)),
        ("1.2亿元", has_shape(&text, amount)),
        ("178个", has_shape(&text, count)),
        ("BG136", has_shape(&text, code)),
    ] {
        assert!(found, "no number shaped like {what}");
    }
    assert!(text.contains("个百分点"));
    for token in ["GDP", "DNA", "5G", "APP", "CEO", "AI", "COVID-19"] {
        assert!(text.contains(token), "no {token}");
    }
}

fn text_at(c: &[char], i: usize) -> String {
    c.get(i..).map_or(String::new(), |r| r.iter().take(6).collect())
}

#[test]
fn folding_is_exercised() {
    let text: String = sample().articles.iter().map(|(_, a)| unit(a)).collect();
    let trad: Vec<char> = text.chars().filter(|&c| TRADITIONAL.iter().any(|t| t.1 == c)).collect();
    // Full-width digits and letters (not the ideographic punctuation ：；？
    // that shares the block).
    let full: Vec<char> = text
        .chars()
        .filter(|c| matches!(*c as u32, 0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A))
        .collect();
    println!("{} traditional chars, {} full-width digits and letters", trad.len(), full.len());
    assert!(trad.len() >= 10 && trad.len() * 2000 < text.chars().count(), "{} traditional chars", trad.len());
    assert!(full.len() >= 10 && full.len() * 1000 < text.chars().count(), "{} full-width chars", full.len());
    // Every traditional form the generator prints folds back (the engine's
    // trad → simp table is fast2s).
    for &(s, t) in TRADITIONAL {
        assert_eq!(fast2s::convert(&t.to_string()), s.to_string(), "{t} does not fold to {s}");
        assert_eq!(traditional(s), Some(t));
    }
}

#[test]
fn names_recur_with_a_head_and_a_tail() {
    let s = sample();
    let names = &s.archive.world.names;
    let texts: Vec<String> = s.articles.iter().map(|(_, a)| unit(a)).collect();
    let articles_with = |name: &str| texts.iter().filter(|t| t.contains(name)).count();
    // Organizations: the first ranks in many articles, the far ranks in few.
    let head: Vec<usize> = names.orgs[..5].iter().map(|o| articles_with(&o.name)).collect();
    let tail: usize = names.orgs[5000..5200].iter().map(|o| articles_with(&o.name)).sum();
    println!("orgs: top 5 in {head:?} articles; ranks 5000–5199 in {tail} in all");
    assert!(head[0] >= 15 && head.iter().all(|&n| n >= 4), "{head:?}");
    assert!(tail < 40, "{tail}");
    // Places: the most frequent place and a rare one.
    let top_place = articles_with(names.places[0]);
    let rare: usize = names.places[3000..3200].iter().map(|p| articles_with(p)).sum();
    println!("places: {} in {top_place} articles, ranks 3000–3199 in {rare} in all", names.places[0]);
    assert!(top_place >= 30 && rare < 60, "{top_place} {rare}");
    // Bylines: reporters of a source recur, a few often, most rarely.
    let mut per_reporter: BTreeMap<&str, usize> = BTreeMap::new();
    for (src, a) in &s.articles {
        for r in &s.archive.sources[*src].reporters {
            if a.byline.contains(r.as_str()) {
                *per_reporter.entry(r).or_default() += 1;
            }
        }
    }
    let mut counts: Vec<usize> = per_reporter.values().copied().collect();
    counts.sort_unstable_by(|a, b| b.cmp(a));
    println!("reporters: {} seen, most bylines {:?}", counts.len(), &counts[..5]);
    assert!(counts[0] >= 10 && counts.len() >= 60, "{counts:?}");
    // Every person name is a surname and one or two given chars.
    for p in names.people.iter().take(2000) {
        let n = p.chars().count();
        assert!((2..=4).contains(&n), "{p}");
    }
}

#[test]
fn fields_are_clean() {
    for (_, a) in &sample().articles {
        for f in [a.kicker.as_deref(), Some(&a.title), a.subtitle.as_deref(), Some(&a.byline)].into_iter().flatten() {
            assert!(!f.is_empty() && f.trim() == f && !f.contains('\n'), "{f:?}");
            assert!(!f.chars().any(char::is_control), "{f:?}");
        }
        assert!(!a.paragraphs.is_empty());
        for p in &a.paragraphs {
            assert!(!p.is_empty() && p.trim() == p && !p.contains('\n'), "{p:?}");
            assert!(!p.chars().any(|c| c.is_control() || c == '\u{3000}'), "{p:?}");
        }
    }
}
