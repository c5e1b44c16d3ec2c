//! A sharded archive on disk with a damaged file — cut short, a byte
//! flipped, missing, of another version, or from another build — answers
//! with one error that names the file: never a panic, never fewer results.

mod support;

use std::path::{Path, PathBuf};
use std::rc::Rc;
use support::*;
use xunyue_engine::sharded::Sharded;
use xunyue_engine::store::DirStore;
use xunyue_engine::{Engine, Fault, Show};
use xunyue_writer::archive::ShardSizes;

const QUERIES: &[&str] = &["的", "海洋", "发展 科技", "中国人民", "鲸", "a"];

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("xunyue-damaged-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// Every answer of the query mix (with the first page's texts and the
/// facets), or the first error.
fn answers(d: &Path) -> Result<Vec<String>, String> {
    read(d).map(|r| r.0)
}

/// [`answers`], and the files they read.
fn read(d: &Path) -> Result<(Vec<String>, Vec<String>), String> {
    let s = Rc::new(Sharded::open(DirStore::new(d)).map_err(|e| e.to_string())?);
    let e = Engine::over(s.clone());
    let mut out = Vec::new();
    for q in QUERIES {
        let r = e.try_search(q, Show::First(10)).map_err(|f| match f {
            Fault::Broken(why) => why,
            Fault::Missing(m) => panic!("a directory store never misses files: {m:?}"),
        })?;
        out.push(format!("{:?}", r.hits.iter().map(|h| (h.doc, h.hits, &h.spans)).collect::<Vec<_>>()));
    }
    for kind in ["org", "person", "place", "kw"] {
        let f = s.facet(kind).map_err(|f| f.to_string())?;
        out.push(format!("{:?}", f.map(|f| f.docs.len())));
    }
    let paths = s.store().paths();
    Ok((out, paths))
}

fn files_in(d: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![d.to_path_buf()];
    while let Some(x) = stack.pop() {
        for e in std::fs::read_dir(&x).expect("readable") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn gz(payload: &[u8]) -> Vec<u8> {
    xunyue_writer::gzip(payload)
}

fn ungz(raw: &[u8]) -> Vec<u8> {
    xunyue_engine::store::gunzip(raw).expect("a whole gzip file")
}

#[test]
fn every_damaged_file_is_named_never_a_panic_never_fewer_results() {
    let b = synth_bundle(120);
    let good = dir("good");
    xunyue_writer::write_archive(&good, &files(&b, ShardSizes { pairs: 2048, unigrams: 1024, summaries: 1024, summary_min: 20 }))
        .expect("writes");
    let (want, read_paths) = read(&good).expect("the good archive answers");
    // Another build (other texts) for the "from another build" case.
    let other = dir("other");
    let mut b2 = b.clone();
    b2.corpus.articles[0].blocks[0].text.push('变');
    xunyue_writer::write_archive(&other, &files(&b2, ShardSizes { pairs: 2048, unigrams: 1024, summaries: 1024, summary_min: 20 }))
        .expect("writes");
    let other_files = files_in(&other);

    // The files a query of the mix reads, one of each kind (and the root).
    let mut picked: Vec<PathBuf> = Vec::new();
    for kind in ["root.bin", "/u/", "/p/", "/s/", "/a/", "/f/"] {
        let all: Vec<PathBuf> = read_paths.iter().filter(|p| format!("/{p}").contains(kind)).map(|p| good.join(p)).collect();
        assert!(!all.is_empty(), "the query mix reads {kind} files");
        picked.extend(all.iter().step_by((all.len() / 3).max(1)).cloned());
    }
    let mut tried = 0;
    let mut named = 0;
    for f in &picked {
        let rel = f.strip_prefix(&good).expect("inside").to_string_lossy().into_owned();
        let raw = std::fs::read(f).expect("readable");
        let payload = ungz(&raw);
        let mut newer = payload.clone();
        newer[3] = newer[3].wrapping_add(1);
        let from_other = other_files.iter().find(|o| {
            let r = o.strip_prefix(&other).expect("inside").to_string_lossy().into_owned();
            // The same kind and place in the other build.
            r.split('/').next() == rel.split('/').next() && r.rsplit('/').next() == rel.rsplit('/').next()
        });
        let mut cases: Vec<(&str, Option<Vec<u8>>)> = vec![
            ("cut short", Some(raw[..raw.len() / 2].to_vec())),
            ("a byte flipped", Some({
                let mut x = raw.clone();
                let i = x.len() / 2;
                x[i] ^= 0x20;
                x
            })),
            ("missing", None),
            ("another version", Some(gz(&newer))),
        ];
        if let Some(o) = from_other {
            cases.push(("from another build", Some(std::fs::read(o).expect("readable"))));
        }
        for (what, bytes) in cases {
            let d = dir("case");
            for g in files_in(&good) {
                let to = d.join(g.strip_prefix(&good).expect("inside"));
                std::fs::create_dir_all(to.parent().expect("a folder")).expect("mkdir");
                std::fs::copy(&g, &to).expect("copy");
            }
            let target = d.join(&rel);
            match bytes {
                Some(b) => std::fs::write(&target, b).expect("write"),
                None => std::fs::remove_file(&target).expect("rm"),
            }
            tried += 1;
            match answers(&d) {
                // A flip can land where gzip's CRC and the decoders find nothing
                // wrong only if it changes nothing: then the answers are the same.
                Ok(got) => assert_eq!(got, want, "{rel} {what}: answered differently without an error"),
                Err(why) => {
                    // The root of another build names the files of that build,
                    // which are not there: the error names the first it needs.
                    let ok = why.contains(&rel) || (rel == "root.bin" && what == "from another build" && why.contains("not in the archive"));
                    assert!(ok, "{rel} {what}: the error does not name the file: {why}");
                    named += 1;
                }
            }
            let _ = std::fs::remove_dir_all(&d);
        }
    }
    let _ = std::fs::remove_dir_all(&good);
    let _ = std::fs::remove_dir_all(&other);
    // A flipped byte may hit only the gzip header's name or time fields; every
    // other damage must be named.
    assert!(tried > 40 && named * 10 >= tried * 9, "{named} of {tried} damaged files named");
}
