//! `blob-parts SEEDS OUT`: writes the blob and each of its parts, postcard
//! encoded, as OUT/<part>.bin, and prints how long rebuilding the gram index
//! from the texts takes (the alternative to shipping it).
use std::path::PathBuf;
use std::time::Instant;
use xunyue_engine::index::IndexData;
use xunyue_engine::normalize::normalize;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(seeds), Some(out)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: blob-parts SEEDS_DIR OUT_DIR");
        std::process::exit(2);
    };
    let out = PathBuf::from(out);
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("error: {}: {e}", out.display());
        std::process::exit(1);
    }
    let blob = match xunyue_analyze::build_blob(std::path::Path::new(seeds)) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let write = |name: &str, bytes: Vec<u8>| {
        let p = out.join(format!("{name}.bin"));
        if let Err(e) = std::fs::write(&p, &bytes) {
            eprintln!("error: {}: {e}", p.display());
            std::process::exit(1);
        }
    };
    let enc = |v: &dyn erased::Ser| v.bytes();
    write("blob", blob.to_bytes());
    write("corpus", enc(&blob.corpus));
    write("corpus.pages", enc(&blob.corpus.pages));
    write("corpus.articles", enc(&blob.corpus.articles));
    let texts: String = blob.corpus.articles.iter().map(|a| a.text() + "\n").collect();
    write("texts.utf8", texts.into_bytes());
    write("analysis", enc(&blob.analysis));
    write("analysis.vocab", enc(&blob.analysis.vocab));
    write("index", enc(&blob.index));
    write("index.keys", blob.index.key_bytes.clone());
    write("index.postings", blob.index.posting_bytes.clone());
    write("index.boundaries", blob.index.boundaries.clone());
    let mut without_index = blob.clone();
    without_index.index = IndexData::default();
    write("blob-without-index", without_index.to_bytes());
    // What the app embeds: no gram index, the vocabulary packed against the word boundaries.
    let compact = blob.to_compact_bytes();
    if let Ok(c) = postcard::from_bytes::<xunyue_engine::Blob>(&compact) {
        write("compact.analysis.articles", enc(&c.analysis.articles));
        write("compact.words.freqs", c.words.freqs.clone());
        write("compact.fold", enc(&c.fold));
    }
    write("compact", compact);

    // The folding as a table: every char whose normalized form differs from
    // itself, as delta varints (key delta, output length, output chars); and
    // the same restricted to chars whose output only uses chars of the
    // normalized corpus (the only ones that can ever match).
    let corpus_chars: std::collections::BTreeSet<char> = blob
        .corpus
        .articles
        .iter()
        .flat_map(|a| normalize(&a.text()).chars)
        .collect();
    let raw_chars: std::collections::BTreeSet<char> =
        blob.corpus.articles.iter().flat_map(|a| a.text().chars().collect::<Vec<_>>()).collect();
    let mut full = Vec::new();
    let mut restricted = Vec::new();
    let (mut pf, mut pr, mut nf, mut nr) = (0u32, 0u32, 0, 0);
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let f = normalize(&c.to_string()).chars;
        if f.len() == 1 && f[0] == c {
            continue;
        }
        let entry = |out: &mut Vec<u8>, prev: &mut u32| {
            varint(out, c as u32 - *prev);
            *prev = c as u32;
            varint(out, f.len() as u32);
            for &d in &f {
                varint(out, d as u32);
            }
        };
        entry(&mut full, &mut pf);
        nf += 1;
        if raw_chars.contains(&c) || f.iter().all(|d| corpus_chars.contains(d)) {
            entry(&mut restricted, &mut pr);
            nr += 1;
        }
    }
    println!("fold table: {nf} chars change ({} bytes); {nr} can match the corpus ({} bytes)", full.len(), restricted.len());
    write("fold-table.full", full);
    write("fold-table.corpus", restricted);

    // Rebuilding the postings from the texts, as a load would have to.
    let t = Instant::now();
    let mut rebuilt = IndexData::default();
    for _ in 0..20 {
        let docs: Vec<Vec<char>> =
            blob.corpus.articles.iter().map(|a| normalize(&a.text()).chars).collect();
        rebuilt = IndexData::build(&docs);
    }
    let per = t.elapsed().as_secs_f64() * 1000.0 / 20.0;
    let same = rebuilt.key_bytes == blob.index.key_bytes && rebuilt.posting_bytes == blob.index.posting_bytes;
    println!("rebuild postings from texts (normalize + build): {per:.2} ms native; identical: {same}");
    // What a load does with the embedded form: decode, unpack the vocabulary, rebuild the postings.
    let compact = blob.to_compact_bytes();
    let t = Instant::now();
    let mut same = false;
    for _ in 0..20 {
        same = xunyue_engine::Blob::from_bytes(&compact).is_ok_and(|b| b == blob);
    }
    let per = t.elapsed().as_secs_f64() * 1000.0 / 20.0;
    println!("load the compact blob (decode + vocabulary + postings): {per:.2} ms native; identical to the build's: {same}");
}

fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

mod erased {
    pub trait Ser {
        fn bytes(&self) -> Vec<u8>;
    }
    impl<T: serde::Serialize> Ser for T {
        fn bytes(&self) -> Vec<u8> {
            postcard::to_allocvec(self).unwrap_or_default()
        }
    }
}
