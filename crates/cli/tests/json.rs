//! The CLI's JSON as a script sees it, on the embedded seeds: checked against
//! the articles the CLI itself lists (`articles --json`), not hard-coded ids.

use serde_json::Value;
use std::process::Command;

fn cli(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_xunyue")).args(args).output().expect("the CLI runs");
    assert!(out.status.success(), "xunyue {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// `(id, folded text)` of every article.
fn articles() -> Vec<(String, String)> {
    cli(&["articles", "--json"])
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| {
            let text = a["text"].as_str().unwrap_or_default();
            (a["id"].as_str().unwrap_or_default().to_string(), xunyue_core::normalize::normalize_str(text))
        })
        .collect()
}

fn ids(v: &Value) -> Vec<String> {
    let mut ids: Vec<String> =
        v["results"].as_array().expect("results").iter().map(|r| r["id"].as_str().unwrap_or_default().to_string()).collect();
    ids.sort();
    ids
}

#[test]
fn an_exclusion_alone_lists_every_article_without_it() {
    let all = articles();
    let v = cli(&["search", "--json", "--", "-马铃薯"]);
    let mut want: Vec<String> = all.iter().filter(|(_, t)| !t.contains("马铃薯")).map(|(id, _)| id.clone()).collect();
    want.sort();
    assert!(want.len() < all.len() && !want.is_empty(), "the seeds have 马铃薯 in some articles only");
    assert_eq!(ids(&v), want);
    assert_eq!(v["total"], want.len());
    assert_eq!(v["explain"], "NOT “马铃薯”");
    for r in v["results"].as_array().expect("results") {
        assert_eq!(r["hits"], 0, "nothing is marked in {}", r["id"]);
        assert_eq!(r["exact"], false);
    }
}

#[test]
fn r_and_d_marks_no_letters_inside_words() {
    let v = cli(&["search", "--json", "R&D"]);
    let want: Vec<String> = articles().into_iter().filter(|(_, t)| t.contains("r&d")).map(|(id, _)| id).collect();
    assert_eq!(ids(&v), want, "only articles with R&D itself");
}

#[test]
fn exact_hits_and_hits_apart_are_told_apart() {
    let all = articles();
    let v = cli(&["search", "--json", "青岛华大"]);
    let exact: u64 = v["results"].as_array().expect("results").iter().map(|r| r["exact_hits"].as_u64().unwrap_or(0)).sum();
    let hits: u64 = v["results"].as_array().expect("results").iter().map(|r| r["hits"].as_u64().unwrap_or(0)).sum();
    let ctrl_f: usize = all.iter().map(|(_, t)| t.matches("青岛华大").count()).sum();
    assert_eq!(exact as usize, ctrl_f, "exact hits are Ctrl+F's count");
    assert!(hits > exact, "the words 青岛 … 华大 apart count as hits too, but not as exact ones");
}
