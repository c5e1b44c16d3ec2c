//! Analysis with jieba-rs and its full dictionary: the corpus vocabulary for
//! the runtime segmenter, entities and keywords per article.
//!
//! Entities: jieba's part-of-speech tags (`nt` organization, `nr` person,
//! `ns` place), organization names built from a name-like run ending in a
//! suffix such as 公司 or 研究院, and the gazetteer (`gazetteer.toml` in the
//! seed folder) for names the dictionary cannot know. The authors of an
//! article (its byline) and the reporters credited in it are not among the
//! people it mentions; each organization and place is listed under one name.
//! Keywords: jieba's TF-IDF, nouns and verbal nouns only.

use xunyue_read::seeds::{read_optional_text, SeedError};
use jieba_rs::{Jieba, KeywordExtract, TfIdf};
use std::collections::BTreeMap;
use std::path::Path;
use xunyue_core::chars::{is_han, looks_like_name};
use xunyue_core::model::{Analysis, Article, ArticleAnalysis, Corpus, VocabWord};
use xunyue_core::normalize::normalize_str;
use xunyue_core::segment::{boundaries_of_words, is_vocab_word, round_freq};

/// File of the seed folder that lists names jieba cannot know.
pub const GAZETTEER: &str = "gazetteer.toml";

/// Keywords kept per article.
pub const KEYWORDS: usize = 8;

/// Endings that make a name-like run an organization.
pub const ORG_SUFFIXES: [&str; 14] = [
    "有限公司", "公司", "集团", "研究院", "研究所", "研究中心", "大学", "学院", "生物", "制药", "医院", "实验室",
    "管委会", "委员会",
];

/// Endings of dictionary organization names (`nt`) kept as organizations.
const ORG_ENDINGS: [&str; 22] = [
    "院", "所", "局", "部", "委", "会", "厅", "办", "司", "团", "行", "校", "馆", "社", "中心", "大学", "公司",
    "集团", "政府", "组织", "医院", "实验室",
];

/// Words that follow (or end right before) a person's name.
const TITLES: [&str; 30] = [
    "院士", "教授", "博士", "主任", "副主任", "董事长", "总经理", "总裁", "副总裁", "书记", "市长", "区长", "局长",
    "所长", "院长", "副院长", "研究员", "专家", "负责人", "经理", "首席", "创始人", "主席", "部长", "厅长", "处长",
    "科长", "校长", "秘书长", "医生",
];

/// Verbs of speech after a name.
const SPEECH: [&str; 10] = ["表示", "说", "介绍", "认为", "指出", "称", "告诉", "坦言", "强调", "介绍说"];

/// Two or three CJK chars starting with a family name.
fn is_person_like(w: &str) -> bool {
    looks_like_name(w, 2, 3)
}

/// The organization name ending at token `i`: a run of name-like words ending
/// in one of [`ORG_SUFFIXES`] that holds a proper name. For 生物 and 制药,
/// which also end common phrases (海洋生物), the word right before must be a
/// name that is not a place.
fn org_at(tags: &[jieba_rs::Tag<'_>], i: usize) -> Option<String> {
    let t = &tags[i];
    let w = t.word;
    let n = w.chars().count();
    let suffix = ORG_SUFFIXES.iter().find(|s| w.ends_with(*s))?;
    let mut start = i;
    let mut len = n;
    while start > 0 {
        let p = &tags[start - 1];
        let pl = p.word.chars().count();
        if !namey(p.word) || !org_part(p.tag) || len + pl > 16 {
            break;
        }
        start -= 1;
        len += pl;
    }
    // A name starts with a proper name, not with a common word (参观, 城市).
    while start < i && !proper(tags[start].tag) {
        start += 1;
    }
    let weak = matches!(*suffix, "生物" | "制药");
    if weak {
        let before = tags[..i].last().filter(|_| w == *suffix)?;
        if before.tag == "ns" || !proper(before.tag) {
            return None;
        }
    }
    // The run must hold a proper name, or be a name jieba knows whole
    // (e.g. 中国海洋大学 tagged nt); a bare "公司" or "生物" is not one.
    let has_name = tags[start..i].iter().any(|p| proper(p.tag)) || (t.tag == "nt" && n > suffix.chars().count());
    if !has_name {
        return None;
    }
    let name: String = tags[start..=i].iter().map(|p| p.word).collect();
    let chars = name.chars().count();
    (chars > suffix.chars().count() + 1 && chars <= 16).then_some(name)
}

/// Names given by hand: what each kind must include, and words that are never
/// entities of that kind (jieba tags some common words as names).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Gazetteer {
    pub orgs: Vec<String>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    /// Never an entity of any kind.
    pub not_entities: Vec<String>,
    /// Never a keyword.
    pub not_keywords: Vec<String>,
}

/// Reads `gazetteer.toml` of the seed folder (absent: an empty gazetteer).
///
/// ```toml
/// orgs = ["华赛伯曼", "黄海所"]
/// people = []
/// places = []
/// not_entities = ["华大"]   # optional
/// not_keywords = ["记者"]   # optional
/// ```
pub fn read_gazetteer(dir: &Path) -> Result<Gazetteer, SeedError> {
    let path = dir.join(GAZETTEER);
    let Some(text) = read_optional_text(&path)? else {
        return Ok(Gazetteer::default());
    };
    parse_gazetteer(&text).map_err(|(line, message)| SeedError::Manifest { path, line, column: None, message })
}

/// Parses the gazetteer; an error gives the line (when known) and what is wrong.
pub fn parse_gazetteer(text: &str) -> Result<Gazetteer, (Option<usize>, String)> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        (line, e.message().trim().to_string())
    })?;
    let line_of_key = |key: &str| {
        text.lines().position(|l| l.trim_start().starts_with(key)).map(|i| i + 1)
    };
    let mut g = Gazetteer::default();
    for (key, value) in &table {
        let slot = match key.as_str() {
            "orgs" => &mut g.orgs,
            "people" => &mut g.people,
            "places" => &mut g.places,
            "not_entities" => &mut g.not_entities,
            "not_keywords" => &mut g.not_keywords,
            other => {
                return Err((
                    line_of_key(other),
                    format!("unknown key `{other}` (expected orgs, people, places, not_entities, not_keywords)"),
                ))
            }
        };
        let Some(list) = value.as_array() else {
            return Err((line_of_key(key), format!("`{key}` must be a list of strings")));
        };
        for v in list {
            match v.as_str().map(str::trim) {
                Some(s) if !s.is_empty() => slot.push(s.to_string()),
                _ => return Err((line_of_key(key), format!("`{key}` holds an empty or non-string value"))),
            }
        }
    }
    Ok(g)
}

/// Analyzes every article of the corpus, without a gazetteer.
pub fn analyze(corpus: &Corpus) -> Analysis {
    analyze_with(corpus, &Gazetteer::default())
}

/// Analyzes every article of the corpus.
pub fn analyze_with(corpus: &Corpus, gaz: &Gazetteer) -> Analysis {
    analyze_corpus(corpus, gaz).0
}

/// Analyzes every article of the corpus, and returns with the analysis the
/// word boundaries of every article's normalized text as the full
/// dictionary cuts it (per article `len / 8 + 1` bytes, bit `i` set where a
/// word starts or ends: [`xunyue_core::segment::Segmenter::boundaries`]),
/// from the same cut that makes the vocabulary.
pub fn analyze_corpus(corpus: &Corpus, gaz: &Gazetteer) -> (Analysis, Vec<u8>) {
    let mut jieba = Jieba::new();
    let mut vocab: BTreeMap<String, u32> = BTreeMap::new();
    let mut boundaries = Vec::new();
    for a in &corpus.articles {
        let text = normalize_str(&a.text());
        let words = jieba.cut(&text, false);
        boundaries.extend(boundaries_of_words(text.chars().count(), words.iter().map(|w| w.word)));
        for w in words {
            let w = w.word;
            let chars: Vec<char> = w.chars().collect();
            if !is_vocab_word(&chars) {
                continue;
            }
            // Rounded to what the compact blob stores (one byte per word).
            let freq = round_freq(jieba.suggest_freq(w).min(u32::MAX as usize) as u32);
            vocab.entry(w.to_string()).or_insert(freq);
        }
    }
    // Gazetteer names are words of their kind from here on (after the
    // vocabulary, which follows the plain dictionary).
    for (names, tag) in [(&gaz.orgs, "nt"), (&gaz.people, "nr"), (&gaz.places, "ns")] {
        for n in names {
            let freq = jieba.suggest_freq(n).max(1000);
            jieba.add_word(n, Some(freq), Some(tag));
        }
    }
    let tfidf = TfIdf::default();
    let articles = corpus.articles.iter().map(|a| analyze_article(&jieba, &tfidf, gaz, a)).collect();
    let vocab = vocab.into_iter().map(|(word, freq)| VocabWord { word, freq }).collect();
    (Analysis { vocab, articles }, boundaries)
}

/// A word that can be part of a name: CJK letters, Latin letters or digits.
fn namey(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric())
}

/// Tags that may start or continue an organization name.
fn org_part(tag: &str) -> bool {
    matches!(tag, "ns" | "nz" | "nt" | "nr" | "nrt" | "nrfg" | "j" | "eng" | "n" | "x")
}

/// Tags of proper names.
fn proper(tag: &str) -> bool {
    matches!(tag, "ns" | "nz" | "nt" | "nr" | "nrt" | "nrfg" | "j" | "eng" | "x")
}

/// Pushes `v` unless present.
fn add(list: &mut Vec<String>, v: &str) {
    if !list.iter().any(|x| x == v) {
        list.push(v.to_string());
    }
}

/// Entities and keywords of one article.
pub fn analyze_article(jieba: &Jieba, tfidf: &TfIdf, gaz: &Gazetteer, a: &Article) -> ArticleAnalysis {
    let mut out = ArticleAnalysis::default();
    let blocked = |w: &str| gaz.not_entities.iter().any(|x| x == w);
    for b in &a.blocks {
        // Dictionary words only: the HMM's guesses make poor names.
        let tags = jieba.tag(&b.text, false);
        for (i, t) in tags.iter().enumerate() {
            let w = t.word;
            let n = w.chars().count();
            if !namey(w) || blocked(w) {
                continue;
            }
            match t.tag {
                "nt" if n >= 2 && ORG_ENDINGS.iter().any(|e| w.ends_with(e)) => add(&mut out.organizations, w),
                "ns" if n >= 2 => add(&mut out.places, w),
                _ => {}
            }
            if let Some(name) = org_at(&tags, i) {
                if !blocked(&name) {
                    add(&mut out.organizations, &name);
                }
            }
        }
        // People: names next to a title or a verb of speech (杨焕明院士,
        // 徐讯表示, 记者 梁玉鹏), found with the HMM since few are in the dictionary.
        let tags = jieba.tag(&b.text, true);
        for (i, t) in tags.iter().enumerate() {
            let w = t.word;
            if !is_person_like(w) || blocked(w) {
                continue;
            }
            let prev = i.checked_sub(1).map(|j| tags[j].word).unwrap_or("");
            let next = tags.get(i + 1).map(|x| x.word).unwrap_or("");
            let next_title = TITLES.iter().any(|x| next.starts_with(x)) || SPEECH.contains(&next);
            let prev_title = TITLES.iter().any(|x| prev.ends_with(x));
            // A reporter's or photographer's credit (记者 梁玉鹏 摄) names no one the article is about.
            let credit = prev.ends_with("记者") || prev.ends_with("通讯员");
            if (next_title || prev_title) && !credit {
                add(&mut out.people, w);
            }
        }
    }
    let text = a.text();
    for (names, list) in [(&gaz.orgs, &mut out.organizations), (&gaz.people, &mut out.people), (&gaz.places, &mut out.places)] {
        for n in names {
            if text.contains(n.as_str()) {
                add(list, n);
            }
        }
    }
    // The article's authors are its byline (a facet of their own), not people it mentions.
    out.people.retain(|p| !a.authors.contains(p));
    // A name found as an organization is not also a place or a person.
    let orgs = out.organizations.clone();
    out.places.retain(|p| !orgs.contains(p));
    out.people.retain(|p| !orgs.contains(p));
    one_name_each(&mut out.organizations, &text);
    for p in out.places.iter_mut() {
        *p = place_name(p).to_string();
    }
    let mut seen = Vec::new();
    out.places.retain(|p| {
        let new = !seen.contains(p);
        seen.push(p.clone());
        new
    });
    let allowed: Vec<String> = ["n", "nz", "vn", "nt", "ns", "nr", "eng", "an"].iter().map(|s| s.to_string()).collect();
    out.keywords = tfidf
        .extract_keywords(jieba, &text, KEYWORDS * 2, allowed)
        .into_iter()
        .map(|k| k.keyword)
        .filter(|k| k.chars().count() >= 2 && namey(k) && !gaz.not_keywords.iter().any(|x| x == k))
        .take(KEYWORDS)
        .collect();
    out
}

/// An organization listed once per article, under the name the article uses:
/// a name that occurs only inside a longer listed name (中国医学科学院 in
/// 中国医学科学院医学生物学研究所) is that one; then a long name holding a
/// shorter listed one (贝泰妮生物科技集团股份有限公司 beside 贝泰妮) is its
/// full form, and the short one stays.
pub fn one_name_each(orgs: &mut Vec<String>, text: &str) {
    let inside_only = |v: &str, all: &[String]| {
        let longer: Vec<&String> = all.iter().filter(|w| w.len() > v.len() && w.contains(v)).collect();
        !longer.is_empty()
            && text.match_indices(v).all(|(at, _)| {
                longer.iter().any(|w| {
                    w.match_indices(v).any(|(off, _)| at >= off && text.get(at - off..).is_some_and(|t| t.starts_with(w.as_str())))
                })
            })
    };
    let all = orgs.clone();
    orgs.retain(|v| !inside_only(v, &all));
    let kept = orgs.clone();
    orgs.retain(|w| !kept.iter().any(|v| v.len() < w.len() && w.contains(v.as_str())));
}

/// A place without its 省 or 市 (山东省 → 山东, 青岛市 → 青岛): one value per place.
pub fn place_name(p: &str) -> &str {
    match p.strip_suffix('省').or_else(|| p.strip_suffix('市')) {
        Some(stem) if stem.chars().count() >= 2 => stem,
        _ => p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xunyue_core::model::{Block, BlockKind};

    fn article(text: &str) -> Article {
        Article {
            id: "p#1".into(),
            page: "p".into(),
            title: "t".into(),
            blocks: vec![Block { kind: BlockKind::Paragraph, text: text.into(), line: 1 }],
            ..Article::default()
        }
    }

    #[test]
    fn suffix_rule_gazetteer_and_no_authors() {
        let gaz = Gazetteer { orgs: vec!["华赛伯曼".into()], ..Gazetteer::default() };
        let mut jieba = Jieba::new();
        jieba.add_word("华赛伯曼", Some(1000), Some("nt"));
        let mut a = article("华赛伯曼与中国海洋大学合作，青岛华大基因研究院在北京发布成果。一家公司也参加了。");
        a.authors = vec!["刘腾".into()];
        let r = analyze_article(&jieba, &TfIdf::default(), &gaz, &a);
        assert!(r.organizations.contains(&"华赛伯曼".to_string()), "{r:?}");
        assert!(r.organizations.contains(&"中国海洋大学".to_string()), "{r:?}");
        assert!(r.organizations.iter().any(|o| o.ends_with("华大基因研究院")), "{r:?}");
        assert!(!r.organizations.iter().any(|o| o == "公司" || o == "一家公司"), "{r:?}");
        assert!(r.places.contains(&"北京".to_string()), "{r:?}");
        assert!(!r.people.contains(&"刘腾".to_string()), "an author is not a person mentioned: {r:?}");
        assert!(!r.keywords.is_empty());
    }

    #[test]
    fn reporters_are_not_people() {
        let mut a = article("本报记者 刘腾 报道。杨焕明院士表示，□记者 梁玉鹏 摄。");
        a.authors = vec!["刘腾".into()];
        let r = analyze_article(&Jieba::new(), &TfIdf::default(), &Gazetteer::default(), &a);
        assert!(r.people.contains(&"杨焕明".to_string()), "{r:?}");
        assert!(!r.people.iter().any(|p| p == "刘腾" || p == "梁玉鹏"), "{r:?}");
    }

    #[test]
    fn one_name_per_organization_and_place() {
        let text = "中国医学科学院医学生物学研究所与贝泰妮生物科技集团股份有限公司合作。贝泰妮表示……";
        let mut orgs: Vec<String> = ["中国医学科学院", "中国医学科学院医学生物学研究所", "贝泰妮", "贝泰妮生物科技集团股份有限公司"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        one_name_each(&mut orgs, text);
        assert_eq!(orgs, ["中国医学科学院医学生物学研究所", "贝泰妮"]);
        // Said on its own too, the short name is the one listed.
        let mut orgs = vec!["中国医学科学院".to_string(), "中国医学科学院医学生物学研究所".to_string()];
        one_name_each(&mut orgs, "中国医学科学院医学生物学研究所……中国医学科学院的专家");
        assert_eq!(orgs, ["中国医学科学院"]);
        assert_eq!(place_name("山东省"), "山东");
        assert_eq!(place_name("青岛市"), "青岛");
        assert_eq!(place_name("城市"), "城市");
        assert_eq!(place_name("西海岸新区"), "西海岸新区");
    }

    #[test]
    fn not_entities_are_dropped() {
        let gaz = Gazetteer { not_entities: vec!["北京".into()], ..Gazetteer::default() };
        let r = analyze_article(&Jieba::new(), &TfIdf::default(), &gaz, &article("我在北京工作。"));
        assert!(!r.places.contains(&"北京".to_string()));
    }

    #[test]
    fn gazetteer_errors_name_the_line() {
        assert_eq!(parse_gazetteer("orgs = [\"甲\"]\n").map(|g| g.orgs), Ok(vec!["甲".to_string()]));
        let e = parse_gazetteer("orgs = [\"甲\"]\nfoo = []\n").unwrap_err();
        assert_eq!(e.0, Some(2));
        assert!(e.1.contains("foo"));
        let e = parse_gazetteer("orgs = \"甲\"\n").unwrap_err();
        assert!(e.1.contains("list"));
        let e = parse_gazetteer("orgs = [\"甲\"\n").unwrap_err();
        assert!(e.0.is_some());
        let e = parse_gazetteer("people = [\"\"]").unwrap_err();
        assert!(e.1.contains("empty"));
    }
}
