//! Every input format, read from a fixture folder (`tests/fixtures/archive`:
//! a text page, an ALTO page, a JSON Lines file, file-name patterns), and
//! every kind of bad input, refused with the file and the line.

use std::path::PathBuf;
use xunyue_core::{Article, BlockKind, Corpus};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive")
}

fn archive() -> Corpus {
    xunyue_ingest::ingest_dir(&fixture()).unwrap_or_else(|e| panic!("{e}"))
}

fn article<'a>(c: &'a Corpus, id: &str) -> &'a Article {
    c.articles.iter().find(|a| a.id == id).unwrap_or_else(|| panic!("no article {id}"))
}

fn kinds(a: &Article, k: BlockKind) -> Vec<&str> {
    a.blocks.iter().filter(|b| b.kind == k).map(|b| b.text.as_str()).collect()
}

#[test]
fn every_format_of_the_fixture_folder_is_read_with_its_facts() {
    let c = archive();
    type Facts<'a> = (&'a str, Option<&'a str>, Option<u32>, Option<&'a str>, Option<&'a str>);
    let pages: Vec<Facts> = c
        .pages
        .iter()
        .map(|p| (p.stem.as_str(), p.label.as_deref(), p.number, p.source.as_deref(), p.date.as_deref()))
        .collect();
    assert_eq!(
        pages,
        [
            // The page's own entry (label) and the pattern (date, page, source).
            ("20240131-01", Some("第一版"), Some(1), Some("示例日报"), Some("2024-01-31")),
            // JSON Lines: pages by (source, date, page), in record order.
            ("exports/示例周刊/2024-01-28/1", None, Some(1), Some("示例周刊"), Some("2024-01-28")),
            ("exports/示例周刊/示例周刊体育版/2024-01-28/A2", Some("A2"), None, Some("示例周刊体育版"), Some("2024-01-28")),
            // ALTO, facts from its path.
            ("示例晚报/20240201/2", None, Some(2), Some("示例晚报"), Some("2024-02-01")),
        ]
    );
}

#[test]
fn json_lines_records_keep_their_segmentation() {
    let c = archive();
    let a = article(&c, "exports/示例周刊/2024-01-28/1#1");
    assert_eq!(a.title, "湿地公园迎来越冬候鸟");
    // The U+3000 that pads the name is gone; the name is found as typed.
    assert_eq!((a.byline.as_deref(), a.authors.as_slice()), (Some("记者 陈静"), &["陈静".to_string()][..]));
    assert_eq!(kinds(a, BlockKind::Paragraph).len(), 2);
    assert_eq!(a.date.as_deref(), Some("2024-01-28"));
    let b = article(&c, "exports/示例周刊/2024-01-28/1#2");
    assert_eq!((b.kicker.as_deref(), b.title.as_str()), (Some("民生实事——"), "社区食堂开进老街"));
    assert_eq!(b.source.as_deref(), Some("示例周刊"), "the file name's source");
    let d = article(&c, "exports/示例周刊/示例周刊体育版/2024-01-28/A2#1");
    assert_eq!((d.source.as_deref(), d.date.as_deref()), (Some("示例周刊体育版"), Some("2024-01-28")));
    assert_eq!(d.authors, ["周强"]);
}

#[test]
fn alto_is_read_in_reading_order_with_line_ends_as_in_text_pages() {
    let c = archive();
    let a = article(&c, "示例晚报/20240201/2#1");
    // ReadingOrder puts the head block (TB2) before the body (TB1).
    assert_eq!(a.title, "地铁三号线全线贯通");
    assert_eq!(a.blocks[0].kind, BlockKind::Headline);
    assert_eq!((a.byline.as_deref(), a.authors.as_slice()), (Some("本报记者 赵雷"), &["赵雷".to_string()][..]));
    let paras = kinds(a, BlockKind::Paragraph);
    // Lines of a block joined as reflow joins them; SP is a space.
    assert_eq!(paras[0], "地铁三号线全线贯通，预计年底通车。新线连接火车站和机场，全长32公里。");
    // HYP kept where the OCR read it; Latin words keep one space.
    assert_eq!(paras[1], "Metro Line 3 links the air-port and the station.");
}

#[test]
fn every_char_of_every_format_is_in_an_article() {
    let c = archive();
    let text: String = c.articles.iter().map(|a| a.text()).collect();
    let chars = |s: &str| {
        let mut v: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        v.sort_unstable();
        v
    };
    let dir = fixture();
    let mut source = std::fs::read_to_string(dir.join("20240131-01.txt")).unwrap_or_default();
    let xml = std::fs::read_to_string(dir.join("示例晚报/20240201/2.xml")).unwrap_or_default();
    for part in xml.split(" CONTENT=\"").skip(1) {
        source.push_str(part.split('"').next().unwrap_or(""));
    }
    for line in std::fs::read_to_string(dir.join("exports/示例周刊.jsonl")).unwrap_or_default().lines() {
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(_) => continue,
        };
        for f in xunyue_read::jsonl::FIELDS {
            match &v[f] {
                serde_json::Value::String(s) => source.push_str(s),
                serde_json::Value::Array(items) => items.iter().filter_map(|i| i.as_str()).for_each(|s| source.push_str(s)),
                _ => {}
            }
        }
    }
    // Facts (date, source, page) are fields, not text.
    let facts = ["2024-01-28T09:30:00+08:00", "2024-01-28", "A2", "示例周刊体育版"];
    let mut want = source.clone();
    for f in facts {
        want = want.replace(f, "");
    }
    assert_eq!(chars(&text), chars(&want));
}

/// A fresh folder holding the given files (paths may name subfolders).
fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xunyue-formats-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (file, text) in files {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("temp dir");
        }
        std::fs::write(path, text).expect("write fixture");
    }
    dir
}

/// The one-line error that the folder gives.
fn err(name: &str, files: &[(&str, &str)]) -> String {
    let dir = folder(name, files);
    let e = match xunyue_ingest::ingest_dir(&dir) {
        Ok(c) => panic!("{name}: accepted, {} articles", c.articles.len()),
        Err(e) => e.to_string(),
    };
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(e.lines().count(), 1, "one line: {e}");
    e
}

const OK: &str = r#"{"title": "标题", "text": "正文。"}"#;

#[test]
fn bad_json_lines_name_file_line_and_column() {
    let e = err("json-syntax", &[("a.jsonl", &format!("{OK}\n{{\"title\": \"标题\", \"text\": \"正文\",}}\n"))]);
    assert!(e.contains("a.jsonl:2:") && e.contains("JSON"), "{e}");
    let e = err("json-array", &[("a.jsonl", "[1, 2]\n")]);
    assert!(e.contains("a.jsonl:1:") && e.contains("JSON object"), "{e}");
    let e = err("json-unknown", &[("a.jsonl", &format!("{OK}\n\n{{\"title\": \"x\", \"text\": \"y\", \"url\": \"z\"}}\n"))]);
    assert!(e.contains("a.jsonl:3:") && e.contains("unknown field \"url\"") && e.contains("ignore_fields"), "{e}");
    let e = err("json-no-text", &[("a.jsonl", r#"{"title": "只有标题"}"#)]);
    assert!(e.contains("a.jsonl:1:") && e.contains("no \"text\""), "{e}");
    let e = err("json-blank-text", &[("a.jsonl", r#"{"title": "标题", "text": "  \n "}"#)]);
    assert!(e.contains("no \"text\""), "{e}");
    let e = err("json-type", &[("a.jsonl", r#"{"title": 3, "text": "正文"}"#)]);
    assert!(e.contains("a.jsonl:1:") && e.contains("field \"title\": expected a string, found a number"), "{e}");
    let e = err("json-date", &[("a.jsonl", r#"{"text": "正文", "date": "31/01/2024"}"#)]);
    assert!(e.contains("a.jsonl:1:") && e.contains("\"31/01/2024\" is not YYYY-MM-DD"), "{e}");
    let e = err("json-page", &[("a.jsonl", r#"{"text": "正文", "page": -1}"#)]);
    assert!(e.contains("field \"page\""), "{e}");
    let dir = folder("json-utf8", &[]);
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("a.jsonl"), b"{\"text\": \"ok\"}\n{\"text\": \"caf\xe9\"}\n").expect("write");
    let e = xunyue_ingest::ingest_dir(&dir).map(|_| ()).expect_err("latin-1").to_string();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(e.contains("a.jsonl:2:") && e.contains("byte offset 28"), "{e}");
}

const ALTO_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout><Page ID="P1"><PrintSpace>
"#;

#[test]
fn bad_alto_names_file_line_and_column() {
    let e = err("alto-syntax", &[("p.xml", &format!("{ALTO_HEAD}<TextBlock><TextLine><String CONTENT=\"字\"></TextLine>\n"))]);
    assert!(e.contains("p.xml:3:") && e.contains("XML"), "{e}");
    let e = err("alto-root", &[("mets.xml", "<?xml version=\"1.0\"?>\n<mets><file/></mets>\n")]);
    assert!(e.contains("mets.xml:2:1") && e.contains("not ALTO XML") && e.contains("<mets>"), "{e}");
    let e = err(
        "alto-content",
        &[("p.xml", &format!("{ALTO_HEAD}<TextBlock><TextLine>\n  <String WC=\"0.9\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>"))],
    );
    assert!(e.contains("p.xml:4:3") && e.contains("<String> without CONTENT"), "{e}");
    let e = err("alto-empty", &[("p.xml", &format!("{ALTO_HEAD}</PrintSpace></Page></Layout></alto>"))]);
    assert!(e.contains("p.xml") && e.contains("no text"), "{e}");
    let e = err(
        "alto-ref",
        &[(
            "p.xml",
            "<alto>\n<ReadingOrder><OrderedGroup ID=\"g\">\n<ElementRef ID=\"r\" REF=\"TB9\"/></OrderedGroup></ReadingOrder>\n<Layout><Page><PrintSpace><TextBlock ID=\"TB1\"><TextLine><String CONTENT=\"字\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>",
        )],
    );
    assert!(e.contains("p.xml:3:1") && e.contains("TB9"), "{e}");
}

#[test]
fn alto_without_namespace_or_reading_order_reads_in_document_order_or_idnext() {
    let block = |id: &str, next: &str, text: &str| {
        format!("<TextBlock ID=\"{id}\"{next}><TextLine><String CONTENT=\"{text}\"/></TextLine></TextBlock>")
    };
    let page = |blocks: String| format!("<alto><Layout><Page><PrintSpace>{blocks}</PrintSpace></Page></Layout></alto>");
    let title = |xml: String| {
        let dir = folder("alto-order", &[("p.xml", &xml)]);
        let c = xunyue_ingest::ingest_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
        let _ = std::fs::remove_dir_all(&dir);
        c.articles[0].title.clone()
    };
    let body = "　　正文的第一句话在这里。正文的第二句话。";
    assert_eq!(title(page(block("a", "", "标题甲") + &block("b", "", body))), "标题甲");
    // IDNEXT: b (the body) follows a; c (the headline) starts the chain.
    let chained = block("b", "", body) + &block("c", " IDNEXT=\"b\"", "标题乙");
    assert_eq!(title(page(chained)), "标题乙");
}

#[test]
fn bad_file_name_patterns_and_clashing_files_are_refused() {
    let page = "标题\n\n　　正文。\n";
    let toml = "[[files]]\npattern = \"{date:%Y%m%d}-{page}.txt\"\n";
    let e = err("pattern-date", &[("corpus.toml", toml), ("20241341-1.txt", page)]);
    assert!(e.contains("20241341-1.txt") && e.contains("2024-13-41") && e.contains("files[0].pattern"), "{e}");
    let e = err("pattern-syntax", &[("corpus.toml", "[[files]]\npattern = \"{dat}.txt\"\n"), ("a.txt", page)]);
    assert!(e.contains("corpus.toml") && e.contains("files[0].pattern") && e.contains("{dat}"), "{e}");
    let e = err("pattern-key", &[("corpus.toml", "[[files]]\npatern = \"{page}.txt\"\n"), ("a.txt", page)]);
    assert!(e.contains("corpus.toml:2:1") && e.contains("patern"), "{e}");
    let e = err("same-stem", &[("3.txt", page), ("3.xml", "<alto/>")]);
    assert!(e.contains("3.xml") && e.contains("3.txt") && e.contains("same page"), "{e}");
    let e = err("jsonl-stem", &[("a.jsonl", &format!("{OK}\n{{\"text\": \"x\", \"page\": 2}}\n")), ("a/1.txt", page)]);
    assert!(e.contains("a/1") && e.contains("rename"), "{e}");
}

#[test]
fn patterns_give_facts_to_files_in_subfolders() {
    let page = "标题\n\n　　正文。\n";
    let toml = "[[files]]\npattern = \"{source}/{date}/{label}.txt\"\n\n[[files]]\npattern = \"{*}.txt\"\nsource = \"某报\"\n";
    let dir = folder("pattern-sub", &[("corpus.toml", toml), ("甲报/2024-02-29/A1.txt", page), ("loose.txt", page)]);
    let c = xunyue_ingest::ingest_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_dir_all(&dir);
    let p: Vec<_> = c.pages.iter().map(|p| (p.stem.as_str(), p.source.as_deref(), p.date.as_deref(), p.label.as_deref())).collect();
    assert_eq!(p, [("loose", Some("某报"), None, None), ("甲报/2024-02-29/A1", Some("甲报"), Some("2024-02-29"), Some("A1"))]);
}

#[test]
fn the_text_page_of_the_fixture_is_two_stories() {
    let c = archive();
    let a = article(&c, "20240131-01#1");
    assert_eq!(a.title, "老城区改造惠及三万户居民");
    // `王　芳`: the U+3000 that pads the name is gone.
    assert_eq!((a.byline.as_deref(), a.authors.as_slice()), (Some("本报记者 王芳"), &["王芳".to_string()][..]));
    let b = article(&c, "20240131-01#2");
    assert_eq!(b.title, "春季花卉展下周开幕");
    assert_eq!((b.byline.as_deref(), b.authors.as_slice()), (Some("本报讯（记者 李明）"), &["李明".to_string()][..]));
    assert_eq!(kinds(b, BlockKind::Paragraph), ["第十届春季花卉展将于下周在市植物园开幕，展期一个月，展出花卉三百余种。"]);
}

#[test]
fn the_ingest_report_names_pages_articles_and_what_looks_wrong() {
    use xunyue_ingest::report::{report_dir, to_json, to_text};
    let r = report_dir(&fixture()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((r.summary.pages, r.summary.articles), (4, 6));
    assert_eq!(r.summary.files.get("alto"), Some(&1));
    assert_eq!(r.summary.files.get("jsonl"), Some(&1));
    assert_eq!(r.summary.files.get("text"), Some(&1));
    let alto = r.pages.iter().find(|p| p.format == "alto").expect("alto page");
    // ALTO articles are placed by their XML line.
    assert_eq!(alto.articles[0].at, "示例晚报/20240201/2.xml:20");
    let text = to_text(&r);
    assert!(text.contains("20240131-01.txt (text) [示例日报, 2024-01-31, 第一版]: 2 articles"), "{text}");
    assert!(text.contains("#1   老城区改造惠及三万户居民 · 本报记者 王芳"), "{text}");
    assert!(text.lines().last().is_some_and(|l| l.starts_with("summary: 3 files")), "{text}");
    let json: serde_json::Value = serde_json::from_str(&to_json(&r)).expect("JSON");
    assert_eq!(json["summary"]["articles"], 6);
    assert_eq!(json["pages"][0]["articles"][0]["title"], "老城区改造惠及三万户居民");

    // A page of one long story without a headline, and an advertisement.
    let long = "　　这是一个很长的段落，讲了很多事情，没有标题也没有署名。\n".repeat(120);
    let dir = folder("report", &[("p.txt", &format!("{long}\n广告\n"))]);
    let r = report_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_dir_all(&dir);
    let w: Vec<&str> = r.pages[0].warnings.iter().map(|w| w.kind).collect();
    assert_eq!(w, ["long-without-headline"]);
    assert_eq!(r.pages[0].unassigned.len(), 1);
    assert_eq!(r.pages[0].unassigned[0].at, "p.txt:122");
}

/// A record's own id is the article's id, its page_label the page's label;
/// an id given twice is an error naming it.
#[test]
fn json_lines_ids_and_page_labels_are_kept() {
    let dir = std::env::temp_dir().join(format!("xunyue-jsonl-ids-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    let line = |id: &str, page: u32| {
        format!("{{\"id\":\"{id}\",\"title\":\"标题{id}\",\"text\":\"正文。\",\"source\":\"示例日报\",\"date\":\"2024-01-31\",\"page\":{page},\"page_label\":\"第{page}版\"}}\n")
    };
    std::fs::write(dir.join("a.jsonl"), line("x-1", 1) + &line("x-2", 2)).expect("write");
    let c = xunyue_ingest::ingest_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["x-1", "x-2"]);
    let labels: Vec<(Option<&str>, Option<u32>)> = c.pages.iter().map(|p| (p.label.as_deref(), p.number)).collect();
    assert_eq!(labels, [(Some("第1版"), Some(1)), (Some("第2版"), Some(2))]);
    std::fs::write(dir.join("a.jsonl"), line("x-1", 1) + &line("x-1", 2)).expect("write");
    let e = xunyue_ingest::ingest_dir(&dir).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(e.contains("a.jsonl") && e.contains("\"x-1\"") && e.contains("twice"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}
