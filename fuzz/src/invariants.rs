//! Properties that must hold for any input: checked by the fuzz targets and by
//! `crates/writer/tests/fuzz_regressions.rs` (which includes this file), so a
//! crashing input kept as a regression test is checked exactly as it was found.
//!
//! Every check returns `Err(description)` instead of panicking, so that tests
//! can report which property broke; the fuzz targets turn it into a panic.

use std::collections::BTreeMap;
use xunyue_core::normalize::{normalize, Normalized};
use xunyue_core::Corpus;
use xunyue_engine::{Engine, SearchResponse};
use xunyue_ingest::ingest;
use xunyue_read::SeedFile;

pub type Check = Result<(), String>;

fn fail<T>(msg: String) -> Result<T, String> {
    Err(msg)
}

fn non_ws(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !c.is_whitespace())
}

/// Decodes fuzz bytes the way a seed reader would hand text to ingest:
/// valid UTF-8 as is, anything else with replacement characters.
pub fn text_of(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Ingests one seed file and checks the lossless invariant: every
/// non-whitespace character of the input lands in exactly one block, and the
/// characters of each block keep their order of the input.
pub fn check_ingest(stem: &str, text: &str) -> Result<Option<Corpus>, String> {
    let seed = SeedFile { stem: stem.to_string(), text: text.to_string() };
    let corpus = match ingest(std::slice::from_ref(&seed)) {
        Ok(c) => c,
        Err(e) => {
            // The build refuses a page that would lose text: for a page read
            // without a manifest, that is a bug of ingest, not of the input.
            if e.message.contains("lossless") {
                return fail(format!("ingest loses text: {e}"));
            }
            // Any other refusal must say which file and why.
            if e.file.is_empty() || e.message.trim().is_empty() {
                return fail(format!("ingest error without file or message: {e:?}"));
            }
            let lines = xunyue_ingest::reflow::lines(text).len().max(1) as u32;
            if let Some(l) = e.line {
                if l == 0 || l > lines + 1 {
                    return fail(format!("ingest error names line {l} of a {lines}-line file"));
                }
            }
            return Ok(None);
        }
    };
    check_corpus_lossless(text, &corpus)?;
    Ok(Some(corpus))
}

/// The lossless invariant for a corpus made of one seed file.
pub fn check_corpus_lossless(text: &str, corpus: &Corpus) -> Check {
    let input: Vec<char> = non_ws(text).collect();
    let mut want: BTreeMap<char, i64> = BTreeMap::new();
    for &c in &input {
        *want.entry(c).or_default() += 1;
    }
    let mut ids = std::collections::BTreeSet::new();
    let mut blocks: Vec<(String, &xunyue_core::Block)> = Vec::new();
    for a in &corpus.articles {
        if !ids.insert(a.id.as_str()) {
            return fail(format!("two articles share the id {:?}", a.id));
        }
        blocks.extend(a.blocks.iter().enumerate().map(|(i, b)| (format!("block {i} of {}", a.id), b)));
    }
    for p in &corpus.pages {
        blocks.extend(p.loose.iter().enumerate().map(|(i, b)| (format!("loose block {i} of {}", p.stem), b)));
    }
    // Lines as the seed reader counts them (\n, \r\n or \r).
    let lines = xunyue_ingest::reflow::lines(text).len() as u32;
    for (name, b) in blocks {
        if b.text.contains(['\n', '\r']) {
            return fail(format!("{name} holds a line break"));
        }
        if b.line == 0 || b.line > lines {
            return fail(format!("{name} starts on line {} of a {lines}-line file", b.line));
        }
        let mut at = 0usize;
        for c in non_ws(&b.text) {
            match want.get_mut(&c) {
                Some(n) => *n -= 1,
                None => return fail(format!("{name} holds {c:?}, which the input does not")),
            }
            // In order: each char of the block comes after the previous one.
            match input[at..].iter().position(|&x| x == c) {
                Some(p) => at += p + 1,
                None => return fail(format!("{name} does not keep the input order at {c:?}")),
            }
        }
    }
    for (c, n) in want {
        if n > 0 {
            return fail(format!("{n} × {c:?} of the input are in no block"));
        }
        if n < 0 {
            return fail(format!("{} × {c:?} are in more than one block", -n));
        }
    }
    for p in &corpus.pages {
        for id in &p.articles {
            if !corpus.articles.iter().any(|a| &a.id == id && a.page == p.stem) {
                return fail(format!("page {} lists {id}, which is not an article of it", p.stem));
            }
        }
    }
    Ok(())
}

/// The map from normalized chars back to the source is well formed.
pub fn check_normalized(source: &str, n: &Normalized) -> Check {
    let len = source.chars().count() as u32;
    if n.source_len != len {
        return fail(format!("source_len {} for {len} chars", n.source_len));
    }
    if n.origin.len() != n.chars.len() {
        return fail(format!("{} origins for {} chars", n.origin.len(), n.chars.len()));
    }
    if n.origin.windows(2).any(|w| w[0] > w[1]) {
        return fail("origin goes backwards".to_string());
    }
    if n.origin.iter().any(|&o| o >= len) {
        return fail("origin points past the source".to_string());
    }
    Ok(())
}

/// True when the query is plain text for which the result must equal Ctrl+F:
/// letters and digits only (no operator, quote, sign or space), and not an
/// operator word.
pub fn is_plain_query(q: &str) -> bool {
    let n = normalize(q).as_string();
    !n.is_empty()
        && n.chars().all(char::is_alphanumeric)
        && !matches!(n.as_str(), "or" | "and" | "not")
}

/// The articles' texts and their normalizations, computed once per engine
/// and independently of it: what Ctrl+F would search.
pub struct Oracle {
    docs: Vec<(Vec<char>, Normalized, String)>,
}

impl Oracle {
    pub fn new(engine: &Engine) -> Oracle {
        let docs = engine
            .articles()
            .iter()
            .map(|a| {
                let t = a.text();
                let n = normalize(&t);
                let s = n.as_string();
                (t.chars().collect(), n, s)
            })
            .collect();
        Oracle { docs }
    }

    /// Every occurrence (left to right, not overlapping) of the normalized
    /// `needle` in doc, as char spans of the article text.
    pub fn ctrl_f(&self, doc: usize, needle: &str) -> Vec<(u32, u32)> {
        let (_, n, hay) = &self.docs[doc];
        let len = needle.chars().count();
        let mut out = Vec::new();
        if len == 0 {
            return out;
        }
        let mut char_at = 0usize;
        let mut byte_at = 0usize;
        for (b, _) in hay.match_indices(needle) {
            char_at += hay[byte_at..b].chars().count();
            byte_at = b;
            out.push(n.source_span(char_at, char_at + len));
        }
        out
    }
}

/// Every span and snippet of a response lies inside its text, on char
/// boundaries, in order; snippet highlights show exactly the text of a span;
/// for a plain query, the articles found equal the articles that contain the
/// query (Ctrl+F), and every occurrence is covered by a span.
pub fn check_response(engine: &Engine, oracle: &Oracle, query: &str, resp: &SearchResponse) -> Check {
    let n_docs = engine.articles().len();
    let mut seen = std::collections::BTreeSet::new();
    for hit in &resp.hits {
        if hit.doc as usize >= n_docs {
            return fail(format!("hit for doc {} of {n_docs}", hit.doc));
        }
        if !seen.insert(hit.doc) {
            return fail(format!("doc {} listed twice", hit.doc));
        }
        if !hit.score.is_finite() {
            return fail(format!("doc {} has score {}", hit.doc, hit.score));
        }
        let text = engine.text(hit.doc);
        let full: String = engine.articles()[hit.doc as usize].text();
        if full.chars().count() != text.len() {
            return fail(format!("doc {}: text() and Article::text() differ in length", hit.doc));
        }
        if hit.terms.len() != hit.spans.len() {
            return fail(format!("doc {}: {} terms for {} spans", hit.doc, hit.terms.len(), hit.spans.len()));
        }
        if let Some(t) = hit.terms.iter().chain(&hit.missing).find(|&&t| t as usize >= resp.terms.len()) {
            return fail(format!("doc {}: term index {t} of {} terms", hit.doc, resp.terms.len()));
        }
        let mut prev_end = 0u32;
        for &(s, e) in &hit.spans {
            if s >= e || e as usize > text.len() {
                return fail(format!("doc {}: span ({s},{e}) outside 0..{}", hit.doc, text.len()));
            }
            if s < prev_end {
                return fail(format!("doc {}: spans overlap or are unsorted at ({s},{e})", hit.doc));
            }
            prev_end = e;
        }
        // Snippet highlights: inside the snippet, sorted, each showing the
        // text of one span (line breaks shown as spaces).
        let snip: Vec<char> = hit.snippet.text.chars().collect();
        let span_texts: Vec<String> = hit
            .spans
            .iter()
            .map(|&(s, e)| {
                text[s as usize..e as usize].iter().map(|&c| if c == '\n' { ' ' } else { c }).collect()
            })
            .collect();
        let mut prev = 0u32;
        for &(s, e) in &hit.snippet.highlights {
            if s >= e || e as usize > snip.len() || s < prev {
                return fail(format!(
                    "doc {}: highlight ({s},{e}) bad in a snippet of {} chars",
                    hit.doc,
                    snip.len()
                ));
            }
            prev = e;
            let shown: String = snip[s as usize..e as usize].iter().collect();
            if !span_texts.contains(&shown) {
                return fail(format!(
                    "doc {}: highlight {shown:?} at ({s},{e}) is the text of no span\n spans {:?} = {span_texts:?}\n snippet {:?} highlights {:?}",
                    hit.doc, hit.spans, hit.snippet.text, hit.snippet.highlights
                ));
            }
        }
    }
    if is_plain_query(query) {
        // Ctrl+F, computed here from the article text and the one
        // normalization, independently of the index and the matcher.
        let q = normalize(query).as_string();
        if oracle.docs.len() != n_docs {
            return fail(format!("oracle of {} docs for {n_docs}", oracle.docs.len()));
        }
        for (i, (chars, _, _)) in oracle.docs.iter().enumerate() {
            let doc = i as u32;
            let occ = oracle.ctrl_f(i, &q);
            let hit = resp.hits.iter().find(|h| h.doc == doc);
            match (occ.is_empty(), hit) {
                (true, Some(h)) if h.exact => {
                    return fail(format!("doc {doc} is an exact hit but does not contain {q:?}"))
                }
                (false, None) => {
                    return fail(format!("doc {doc} contains {q:?} ({} times) but is not found", occ.len()))
                }
                (false, Some(h)) => {
                    if !h.exact {
                        return fail(format!("doc {doc} contains {q:?} but is not marked exact"));
                    }
                    for &(s, e) in &occ {
                        if !h.spans.iter().any(|&(hs, he)| hs <= s && e <= he) {
                            return fail(format!("doc {doc}: occurrence ({s},{e}) of {q:?} has no span"));
                        }
                    }
                }
                _ => {}
            }
            // Highlighting a span shows the query: the span's own text,
            // normalized on its own, contains it.
            for &(s, e) in &occ {
                let shown: String = chars[s as usize..e as usize].iter().collect();
                if !normalize(&shown).as_string().contains(&q) {
                    return fail(format!("doc {doc}: span text {shown:?} does not normalize to contain {q:?}"));
                }
            }
        }
    }
    Ok(())
}

/// Searches and checks the response (and the query's normalization).
pub fn check_search(engine: &Engine, oracle: &Oracle, query: &str) -> Check {
    check_normalized(query, &normalize(query))?;
    let resp = engine.search(query);
    check_response(engine, oracle, query, &resp)
}

/// Builds an engine from seed texts the way the build does (without the
/// build-time analysis), through the encoded bundle.
pub fn engine_from_seeds(seeds: &[SeedFile]) -> Result<Engine, String> {
    use xunyue_format::bundle::Bundle;
    let corpus = ingest(seeds).map_err(|e| e.to_string())?;
    let mut bundle = Bundle { corpus, ..Bundle::default() };
    bundle.analysis.articles = vec![Default::default(); bundle.corpus.articles.len()];
    Engine::from_bytes(&bundle.encode()).map_err(|e| e.to_string())
}
