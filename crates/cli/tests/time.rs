//! `timeline`, `terms`, `search --sort/--from/--to`, `page`, `cite` and
//! `export` on a small archive of two papers over two years, made here: the
//! same answers from a source folder and from its sharded archive, and the
//! counts a script can check by hand.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_xunyue")).args(args).output().expect("the CLI runs");
    assert!(out.status.success(), "xunyue {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 on stdout")
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&run(args)).expect("JSON on stdout")
}

/// Pages: (stem, source, date, number, how many times the page says 海洋).
const PAGES: &[(&str, &str, &str, u32, usize)] = &[
    ("jia-20200105-01", "甲报", "2020-01-05", 1, 2),
    ("jia-20200105-02", "甲报", "2020-01-05", 2, 0),
    ("yi-20200105-01", "乙报", "2020-01-05", 1, 1),
    ("jia-20210310-01", "甲报", "2021-03-10", 1, 3),
    ("jia-20210310-02", "甲报", "2021-03-10", 2, 1),
];

/// The source folder and its sharded archive, made once per test.
fn fixture(name: &str) -> (PathBuf, PathBuf) {
    let root = std::env::temp_dir().join(format!("xunyue-cli-time-{}-{name}", std::process::id()));
    let seeds = root.join("seeds");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&seeds).expect("a temp folder");
    let mut toml = String::new();
    for (i, &(stem, source, date, number, sea)) in PAGES.iter().enumerate() {
        toml.push_str(&format!("[page.\"{stem}\"]\nsource = \"{source}\"\ndate = \"{date}\"\nnumber = {number}\nlabel = \"第{number}版\"\n\n"));
        let body = format!("　　{}城市建设的报道第{i}篇，内容涉及交通、教育和文化事业的发展情况。\n", "海洋".repeat(sea));
        let text = format!("第{i}篇的标题在这里\n\n□本报记者 王英辰\n{body}　　第二段继续说明有关情况和各方面的看法与意见。\n");
        std::fs::write(seeds.join(format!("{stem}.txt")), text).expect("a page");
    }
    std::fs::write(seeds.join("corpus.toml"), toml).expect("the manifest");
    let archive = root.join("archive");
    run(&["build", path(&seeds), "--out", path(&archive), "--shape", "sharded"]);
    (seeds, archive)
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

#[test]
fn timelines_and_terms_are_the_same_from_both_shapes_and_count_right() {
    let (seeds, archive) = fixture("timeline");
    let (s, a) = (["--seeds", path(&seeds)], ["--archive", path(&archive)]);
    for args in [&["timeline", "--json"][..], &["timeline", "--json", "海洋"], &["terms", "--json", "海洋,报道"], &["timeline", "--json", "--grain", "month", "--from", "2021"]] {
        assert_eq!(json(&[&s[..], args].concat()), json(&[&a[..], args].concat()), "{args:?}");
    }
    let by_span = json(&[&a[..], &["timeline", "--json"]].concat());
    assert_eq!(by_span["grain"], "month", "2020-01 to 2021-03: too many weeks, 15 months");
    assert_eq!(by_span["buckets"].as_array().map(Vec::len), Some(15));
    let t = json(&[&a[..], &["timeline", "--json", "--grain", "year", "海洋"]].concat());
    let b = t["buckets"].as_array().expect("buckets");
    let row = |b: &Value| (b["key"].as_str().unwrap_or("").to_string(), b["issues"].as_u64(), b["articles"].as_u64(), b["matching"].as_u64());
    let got: Vec<_> = b.iter().map(row).collect();
    assert_eq!(got, [("2020".to_string(), Some(2), Some(3), Some(2)), ("2021".to_string(), Some(1), Some(2), Some(2))]);
    let terms = json(&[&a[..], &["terms", "--json", "--grain", "year", "海洋，报道"]].concat());
    assert_eq!(terms["terms"], serde_json::json!(["海洋", "报道"]));
    assert_eq!(terms["totals"], serde_json::json!([7, 5]));
    assert_eq!(terms["buckets"][0]["hits"], serde_json::json!([3, 3]));
    assert!(terms["buckets"][0]["chars"].as_u64().unwrap_or(0) > 100);
    // A range before the archive: no buckets.
    let none = json(&[&a[..], &["timeline", "--json", "--from", "1999", "--to", "1999"]].concat());
    assert_eq!(none["buckets"], serde_json::json!([]));
    let bad = Command::new(env!("CARGO_BIN_EXE_xunyue")).args([&a[..], &["timeline", "--from", "2021-02-30"]].concat()).output().expect("runs");
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("no such day"));
}

#[test]
fn search_sorts_by_date_browses_and_keeps_to_a_range() {
    let (_, archive) = fixture("sort");
    let a = ["--archive", path(&archive)];
    let dates = |v: &Value| v["results"].as_array().expect("results").iter().map(|r| r["date"].as_str().unwrap_or("").to_string()).collect::<Vec<_>>();
    let newest = json(&[&a[..], &["search", "--json", "--sort", "-date", "海洋"]].concat());
    assert_eq!(dates(&newest), ["2021-03-10", "2021-03-10", "2020-01-05", "2020-01-05"]);
    let oldest = json(&[&a[..], &["search", "--json", "--sort", "date", "--to", "2020", "海洋"]].concat());
    assert_eq!(dates(&oldest), ["2020-01-05", "2020-01-05"]);
    assert_eq!(oldest["results"][0]["source"], "甲报");
    let all = json(&[&a[..], &["search", "--json", "--sort=-date", ""]].concat());
    assert_eq!(all["total"], 5, "a blank query sorted by date lists every article");
    assert_eq!(dates(&all)[0], "2021-03-10");
    let relevance = json(&[&a[..], &["search", "--json", ""]].concat());
    assert_eq!(relevance["total"], 0, "without --sort a blank query finds nothing, as before");
}

#[test]
fn pages_cites_and_exports() {
    let (seeds, archive) = fixture("page");
    let a = ["--archive", path(&archive)];
    let p = json(&[&a[..], &["page", "--json", "jia-20200105-02#1"]].concat());
    assert_eq!(p, json(&["--seeds", path(&seeds), "page", "--json", "jia-20200105-02#1"]));
    assert_eq!((p["stem"].as_str(), p["prev"].as_str(), p["next"].as_str()), (Some("jia-20200105-02"), Some("jia-20200105-01"), None));
    assert_eq!(p["next_issue"], "jia-20210310-02", "the same page of the paper's next issue");
    assert_eq!(p["articles"][0]["current"], true);
    let day = json(&[&a[..], &["page", "--json", "--date", "2020-01-05"]].concat());
    assert_eq!(day, serde_json::json!(["yi-20200105-01", "jia-20200105-01", "jia-20200105-02"]), "papers by name: 乙 (U+4E59) before 甲 (U+7532)");

    let c = json(&[&a[..], &["cite", "--json", "jia-20210310-01#1", "--base", "https://x.example/"]].concat());
    let title = c["gbt7714"].as_str().unwrap_or("");
    assert!(title.ends_with("[N]. 甲报, 2021-03-10(1). https://x.example/#a=jia-20210310-01%231"), "{title}");
    assert!(c["chicago"].as_str().unwrap_or("").contains("甲报, March 10, 2021, 1."), "{c}");

    let csv = run(&[&a[..], &["export", "海洋", "--csv", "--sort", "date"]].concat());
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "id,date,source,page,title,byline,hits,permalink,snippet");
    assert_eq!(lines.len(), 4 + 2, "a header, four results, the last line end");
    assert!(lines[1].starts_with("jia-20200105-01#1,2020-01-05,甲报,jia-20200105-01,"), "{}", lines[1]);
    let jsonl = run(&[&a[..], &["export", "海洋", "--jsonl"]].concat());
    let rows: Vec<Value> = jsonl.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows.iter().map(|r| r["hits"].as_u64().unwrap_or(0)).sum::<u64>(), 7);
    let kwic = run(&[&a[..], &["export", "海洋", "--concordance"]].concat());
    assert_eq!(kwic.split("\r\n").filter(|l| l.contains(",海洋,")).count(), 7, "{kwic}");
}
