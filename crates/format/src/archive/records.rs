//! Article records and facet files.
//!
//! # Layout
//!
//! ```text
//! ArticleFile := Header(Article)
//!                doc:varint                 the article's number (checked)
//!                postcard(Article)          xunyue_core::model::Article (texts UTF-16LE)
//!
//! FacetFile := Header(Facet)
//!              postcard(kind:str, values:[str] (UTF-8), per article: [u32] value ids)
//! ```
//!
//! A facet file lists its values most frequent first, so ids are small.

use super::{Header, Kind, Reader, HEADER_LEN};
use crate::FormatError;
use serde::{Deserialize, Serialize};
use xunyue_core::model::Article;
use xunyue_core::varint;

/// Encodes the record of article `doc`.
pub fn encode_article(build: u64, doc: u32, a: &Article) -> Vec<u8> {
    let mut out = Vec::new();
    Header { kind: Kind::Article, build }.write(&mut out);
    varint::put(&mut out, u64::from(doc));
    out.extend(postcard::to_allocvec(a).unwrap_or_default());
    out
}

/// Decodes the record of article `doc` from `file`.
pub fn decode_article(file: &str, payload: &[u8], build: u64, doc: u32) -> Result<Article, FormatError> {
    let body = Header::check(file, payload, Kind::Article, Some(build))?;
    let mut r = Reader::new(file, body, HEADER_LEN);
    let found = r.u32()?;
    if found != doc {
        return Err(r.error(format!("holds article {found}, not {doc}")));
    }
    let at = r.at();
    postcard::from_bytes(&body[at..])
        .map_err(|e| FormatError::File { file: file.to_string(), offset: HEADER_LEN + at, message: format!("article record does not decode: {e}") })
}

/// The values of one facet kind for every article.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FacetFile {
    pub kind: String,
    /// Most frequent first.
    pub values: Vec<String>,
    /// Per article: ids into `values`.
    pub docs: Vec<Vec<u32>>,
}

impl FacetFile {
    pub fn encode(&self, build: u64) -> Vec<u8> {
        let mut out = Vec::new();
        Header { kind: Kind::Facet, build }.write(&mut out);
        out.extend(postcard::to_allocvec(self).unwrap_or_default());
        out
    }

    /// Decodes `file`, which must hold `kind` for `articles` articles.
    pub fn decode(file: &str, payload: &[u8], build: u64, kind: &str, articles: u32) -> Result<FacetFile, FormatError> {
        let body = Header::check(file, payload, Kind::Facet, Some(build))?;
        let bad = |message: String| FormatError::File { file: file.to_string(), offset: HEADER_LEN, message };
        let f: FacetFile = postcard::from_bytes(body).map_err(|e| bad(format!("does not decode: {e}")))?;
        if f.kind != kind {
            return Err(bad(format!("facet {:?} where {kind:?} was expected", f.kind)));
        }
        if f.docs.len() != articles as usize {
            return Err(bad(format!("values for {} articles, the archive has {articles}", f.docs.len())));
        }
        if f.docs.iter().flatten().any(|&v| v as usize >= f.values.len()) {
            return Err(bad("a value id past the values listed".into()));
        }
        Ok(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xunyue_core::model::{Block, BlockKind};

    #[test]
    fn articles_round_trip_and_refuse_another_doc() {
        let a = Article {
            id: "p#1".into(),
            title: "华大".into(),
            blocks: vec![Block { kind: BlockKind::Paragraph, text: "青岛华大".into(), line: 3 }],
            ..Article::default()
        };
        let bytes = encode_article(4, 300, &a);
        assert_eq!(decode_article("a/x/44.bin", &bytes, 4, 300), Ok(a));
        let e = decode_article("a/x/44.bin", &bytes, 4, 301).unwrap_err().to_string();
        assert!(e.contains("a/x/44.bin") && e.contains("300"), "{e}");
        for cut in 0..bytes.len() {
            assert!(decode_article("a/x/44.bin", &bytes[..cut], 4, 300).is_err());
        }
    }

    #[test]
    fn facets_round_trip_and_are_checked() {
        let f = FacetFile { kind: "org".into(), values: vec!["华大".into(), "海大".into()], docs: vec![vec![0, 1], vec![], vec![0]] };
        let bytes = f.encode(2);
        assert_eq!(FacetFile::decode("f/org.bin", &bytes, 2, "org", 3), Ok(f.clone()));
        assert!(FacetFile::decode("f/org.bin", &bytes, 2, "org", 4).is_err());
        assert!(FacetFile::decode("f/org.bin", &bytes, 2, "person", 3).is_err());
        let bad = FacetFile { docs: vec![vec![2], vec![], vec![]], ..f };
        assert!(FacetFile::decode("f/org.bin", &bad.encode(2), 2, "org", 3).is_err());
    }
}
