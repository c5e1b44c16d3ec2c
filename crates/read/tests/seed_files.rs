//! Seed files that are wrong: each either works or fails with one message
//! naming the file and the line or byte offset. Never a panic, never a
//! silently smaller corpus.

use std::path::PathBuf;
use xunyue_read::seeds::{read_seeds, Seeds, MAX_SEED_BYTES};
use xunyue_ingest::ingest_with;

/// A fresh seed folder holding the given files.
fn folder(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xunyue-seeds-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).expect("write fixture");
    }
    dir
}

const PAGE: &str = "标题\n\n□本报记者 张三\n\n　　今天天气很好，我们去公园散步。\n公园里有很多人。\n";

fn ok(name: &str, files: &[(&str, &[u8])]) -> Seeds {
    let dir = folder(name, files);
    let seeds = read_seeds(&dir).unwrap_or_else(|e| panic!("{name}: {e}"));
    let _ = std::fs::remove_dir_all(&dir);
    seeds
}

fn err(name: &str, files: &[(&str, &[u8])]) -> String {
    let dir = folder(name, files);
    let e = match read_seeds(&dir) {
        Ok(s) => match ingest_with(&s.files, &s.manifest) {
            Ok(c) => panic!("{name}: accepted, {} articles", c.articles.len()),
            Err(e) => e.to_string(),
        },
        Err(e) => e.to_string(),
    };
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(e.lines().count(), 1, "one line: {e}");
    e
}

fn titles(s: &Seeds) -> Vec<String> {
    ingest_with(&s.files, &s.manifest).expect("ingests").articles.into_iter().map(|a| a.title).collect()
}

#[test]
fn invalid_utf8_names_file_line_and_offset() {
    let e = err("latin1", &[("good.txt", PAGE.as_bytes()), ("bad.txt", b"first line\ncaf\xe9 au lait\n")]);
    assert!(e.contains("bad.txt:2:") && e.contains("byte offset 14"), "{e}");
    // A truncated UTF-8 sequence at the end.
    let e = err("truncated", &[("cut.txt", "标题\n正文".as_bytes().split_last().expect("bytes").1)]);
    assert!(e.contains("cut.txt:2:") && e.contains("not valid UTF-8"), "{e}");
}

#[test]
fn gbk_and_gb18030_are_converted() {
    let (gbk, _, bad) = encoding_rs::GBK.encode(PAGE);
    assert!(!bad);
    let s = ok("gbk", &[("gbk.txt", &gbk)]);
    assert_eq!(s.files[0].text, PAGE);
    let text = "标题\n\n　　𠀀字与欧元€同在。\n";
    let (gb, _, bad) = encoding_rs::GB18030.encode(text);
    assert!(!bad);
    assert_eq!(ok("gb18030", &[("gb.txt", &gb)]).files[0].text, text);
}

#[test]
fn bom_and_line_endings_work() {
    let lf = ok("lf", &[("p.txt", PAGE.as_bytes())]);
    let bom = ok("bom", &[("p.txt", format!("\u{feff}{PAGE}").as_bytes())]);
    assert!(!bom.files[0].text.starts_with('\u{feff}'));
    let crlf = ok("crlf", &[("p.txt", PAGE.replace('\n', "\r\n").as_bytes())]);
    let cr = ok("cr", &[("p.txt", PAGE.replace('\n', "\r").as_bytes())]);
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in PAGE.encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let u16 = ok("utf16", &[("p.txt", &utf16)]);
    let want = titles(&lf);
    assert_eq!(want, ["标题"]);
    let b = ingest_with(&lf.files, &lf.manifest).expect("ingests");
    for s in [&bom, &crlf, &cr, &u16] {
        assert_eq!(titles(s), want);
        let a = ingest_with(&s.files, &s.manifest).expect("ingests");
        assert_eq!(a.articles[0].text(), b.articles[0].text());
    }
}

#[test]
fn empty_and_whitespace_only_files_are_refused() {
    let e = err("empty", &[("good.txt", PAGE.as_bytes()), ("empty.txt", b"")]);
    assert!(e.contains("empty.txt") && e.contains("the file is empty"), "{e}");
    let e = err("blank", &[("blank.txt", " \n\t\r\n\u{3000}\n".as_bytes())]);
    assert!(e.contains("blank.txt") && e.contains("only whitespace"), "{e}");
}

#[test]
fn binary_files_are_refused() {
    let e = err("nul", &[("img.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")]);
    assert!(e.contains("img.txt") && e.contains("byte offset"), "{e}");
    let e = err("ctrl", &[("ctrl.txt", "标题\n第二行\x01有控制符\n".as_bytes())]);
    assert!(e.contains("ctrl.txt:2:") && e.contains("U+0001") && e.contains("byte offset 16"), "{e}");
}

#[test]
fn a_10_mb_file_is_refused_with_its_size() {
    let big = PAGE.repeat(10 * 1024 * 1024 / PAGE.len() + 1);
    assert!(big.len() > MAX_SEED_BYTES);
    let e = err("big", &[("big.txt", big.as_bytes())]);
    assert!(e.contains("big.txt") && e.contains(&big.len().to_string()) && e.contains("at most"), "{e}");
}

#[test]
fn a_page_just_under_the_limit_ingests() {
    let page = PAGE.repeat(MAX_SEED_BYTES / PAGE.len() - 1);
    let s = ok("large", &[("large.txt", page.as_bytes())]);
    let t = std::time::Instant::now();
    let c = ingest_with(&s.files, &s.manifest).expect("ingests");
    assert!(!c.articles.is_empty());
    assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
}

#[test]
fn file_names_with_spaces_and_chinese_work() {
    let s = ok("names", &[("第 一 版 page.txt", PAGE.as_bytes()), ("青岛日报.txt", PAGE.as_bytes())]);
    let c = ingest_with(&s.files, &s.manifest).expect("ingests");
    let ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["第 一 版 page#1", "青岛日报#1"]);
    let e = err("hash", &[("a#b.txt", PAGE.as_bytes())]);
    assert!(e.contains("a#b.txt") && e.contains('#'), "{e}");
}

#[test]
fn malformed_manifest_names_line_and_column() {
    let e = err("toml", &[("p.txt", PAGE.as_bytes()), ("corpus.toml", b"[page.\"p\"]\nlabel = \"x\"\nnumber = \n")]);
    assert!(e.contains("corpus.toml:3:"), "{e}");
    let e = err("toml-key", &[("p.txt", PAGE.as_bytes()), ("corpus.toml", b"[page.\"p\"]\n\nlabell = \"x\"\n")]);
    assert!(e.contains("corpus.toml:3:1") && e.contains("labell"), "{e}");
    let e = err("toml-utf8", &[("p.txt", PAGE.as_bytes()), ("corpus.toml", b"# \xff\n")]);
    assert!(e.contains("corpus.toml:1:") && e.contains("byte offset 2"), "{e}");
}

#[test]
fn manifest_naming_a_missing_file_or_text_is_refused() {
    let e = err("toml-missing", &[("p.txt", PAGE.as_bytes()), ("corpus.toml", b"[page.\"q\"]\nlabel = \"x\"\n")]);
    assert!(e.contains("corpus.toml") && e.contains("no seed file q.txt"), "{e}");
    let e = err(
        "toml-anchor",
        &[("p.txt", PAGE.as_bytes()), ("corpus.toml", "[[page.\"p\".move]]\nfirst = \"不在这页\"\nbefore = \"标题\"\n".as_bytes())],
    );
    assert!(e.contains("page.\"p\".move[0].first") && e.contains("不在这页"), "{e}");
}

#[test]
fn a_bad_file_never_makes_a_smaller_corpus() {
    let dir = folder("mixed", &[("a.txt", PAGE.as_bytes()), ("b.txt", b"\xff\xfe\xfd")]);
    let built = read_seeds(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let e = built.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(e.contains("b.txt"), "the build must fail naming b.txt, got {e:?}");
}
