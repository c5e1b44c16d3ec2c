//! The archive through time is the same in both shapes: timelines, terms
//! over time, date order and pages of a synthetic archive of several years
//! and papers; and terms over time count what a naive scan counts.

mod support;

use support::*;
use xunyue_core::date::{DateRange, Grain};
use xunyue_core::normalize::normalize_str;
use xunyue_engine::time::Order;
use xunyue_engine::Engine;

const QUERIES: &[&str] = &["", "发展", "科技 发展", "的", "海洋", "-发展", "没有这个词组合"];

#[test]
fn both_shapes_give_the_same_timelines_and_terms_over_time() {
    let bundle = synth_bundle(600);
    let files = files(&bundle, tiny());
    let (sharded, _) = sharded_engine(&files);
    let embedded = Engine::from_bundle(bundle.clone()).expect("the bundle loads");
    let ranges = [DateRange::ALL, DateRange::parse("2020", "2021-06").expect("a range"), DateRange::parse("1990", "1990").expect("a range")];
    for q in QUERIES {
        for r in ranges {
            for g in [None, Some(Grain::Year), Some(Grain::Month)] {
                let a = embedded.try_timeline(q, r, g).expect("embedded");
                let b = sharded.try_timeline(q, r, g).expect("sharded");
                assert_eq!(a, b, "{q:?} {r:?} {g:?}");
            }
        }
    }
    let all = embedded.try_timeline("", DateRange::ALL, None).expect("a timeline");
    assert_eq!(all.grain, Grain::Month, "six years of issues: by month");
    let articles: u32 = all.buckets.iter().map(|b| b.articles).sum();
    assert_eq!(articles + all.undated, 600);
    assert!(all.buckets.iter().map(|b| b.issues).sum::<u32>() >= 2);
    let chars: u64 = all.buckets.iter().map(|b| b.chars).sum();
    let folded: Vec<String> = bundle.corpus.articles.iter().map(|a| normalize_str(&a.text())).collect();
    assert_eq!(chars, folded.iter().map(|t| t.chars().count() as u64).sum::<u64>(), "every article is dated");

    let terms: Vec<String> = ["发展", "科技", "的", "海洋"].iter().map(|s| s.to_string()).collect();
    for r in ranges {
        let a = embedded.try_terms_over_time(&terms, r, None).expect("embedded");
        let b = sharded.try_terms_over_time(&terms, r, None).expect("sharded");
        assert_eq!(a, b, "{r:?}");
    }
    // Each term's total is Ctrl+F's over the folded texts.
    let t = embedded.try_terms_over_time(&terms, DateRange::ALL, None).expect("terms");
    for s in &t.series {
        let naive: u64 = folded.iter().map(|f| f.matches(s.term.as_str()).count() as u64).sum();
        assert_eq!(s.total, naive, "{}", s.term);
        assert_eq!(s.hits.iter().sum::<u64>(), naive);
        assert!(s.total > 0, "{}", s.term);
    }
    let per = t.per_10k(0);
    assert_eq!(per.len(), t.timeline.buckets.len());
}

#[test]
fn both_shapes_sort_browse_and_print_pages_alike() {
    let bundle = synth_bundle(200);
    let files = files(&bundle, tiny());
    let (sharded, _) = sharded_engine(&files);
    let embedded = Engine::from_bundle(bundle.clone()).expect("the bundle loads");
    for o in [Order::Relevance, Order::Oldest, Order::Newest] {
        let r = DateRange::parse("2021", "").expect("a range");
        assert_eq!(embedded.browse(r, o), sharded.browse(r, o));
        let mut a = embedded.try_rank("发展").expect("embedded").hits;
        let mut b = sharded.try_rank("发展").expect("sharded").hits;
        embedded.keep_in_range(&mut a, r);
        sharded.keep_in_range(&mut b, r);
        embedded.sort_hits(&mut a, o);
        sharded.sort_hits(&mut b, o);
        assert_eq!(a.iter().map(|h| h.doc).collect::<Vec<_>>(), b.iter().map(|h| h.doc).collect::<Vec<_>>());
    }
    let newest = embedded.browse(DateRange::ALL, Order::Newest);
    let dates: Vec<String> = newest.iter().map(|&d| bundle.corpus.articles[d as usize].date.clone().unwrap_or_default()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert_eq!(newest.len(), 200);
    let pages = bundle.corpus.pages.len() as u32;
    for p in 0..pages {
        let v = embedded.page_view(p).expect("a page");
        assert_eq!(Some(v.clone()), sharded.page_view(p));
        assert_eq!(v.stem, bundle.corpus.pages[p as usize].stem);
        for d in v.docs.clone() {
            assert_eq!(embedded.page_of(d), Some(p));
            assert!(bundle.corpus.pages[p as usize].articles.contains(&bundle.corpus.articles[d as usize].id));
        }
        // Next then previous comes back.
        if let Some(n) = v.next {
            assert_eq!(embedded.page_view(n).and_then(|w| w.prev), Some(p));
        }
        if let Some(n) = v.next_issue {
            let w = embedded.page_view(n).expect("the next issue's page");
            assert_eq!(w.source, v.source);
            assert!(w.date > v.date);
        }
    }
    let day = xunyue_core::date::parse(bundle.corpus.pages[0].date.as_deref().unwrap_or_default()).expect("a date");
    assert!(embedded.pages_on(day).contains(&0));
    assert_eq!(embedded.pages_on(day), sharded.pages_on(day));
}
