//! Words by part of speech, with jieba's frequencies.
//!
//! The word list is jieba-rs's own dictionary (`src/data/dict.txt` of the
//! locked jieba-rs, embedded at build time, see `build.rs`): 349,045 lines of
//! `word frequency tag`. Kept: words written only in Han characters, of the
//! tags and lengths below. A word is drawn with weight `frequency + SMOOTHING`
//! within its tag, so the head follows jieba's counts and every word of the
//! tag, however rare, keeps a chance: that is the long tail of characters,
//! pairs and words. Names of people (`nr*`) are not taken (they are made up
//! from surnames and given-name characters instead, see `names.rs`), nor
//! tags whose words read as noise out of context (`zg`, `g`, `x`, `y`, `e`,
//! `o`, `h`, `k`, `nrt`, …).

use crate::rng::{Rng, Weighted};

/// The dictionary file of jieba-rs.
pub const DICT: &str = include_str!(env!("XUNYUE_SYNTH_DICT"));

/// Where it came from (`jieba-rs 0.11.0 (Cargo.lock)`).
pub const DICT_FROM: &str = env!("XUNYUE_SYNTH_DICT_FROM");

/// Added to every word's frequency: the mass given to the tail. With it, a
/// word of frequency 3 is drawn about 1/20,000 as often as 的 among the
/// particles, or 1/15,000 as often as 人 among the nouns.
pub const SMOOTHING: u64 = 12;

/// A part of speech the sentences are made of (jieba's tag in the comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// `n` noun
    N,
    /// `v` verb
    V,
    /// `vn` verbal noun (发展, 建设)
    Vn,
    /// `a` adjective
    A,
    /// `ad` adverbial adjective (积极, 充分)
    Ad,
    /// `an` nominal adjective (困难, 安全)
    An,
    /// `d` adverb
    D,
    /// `p` preposition
    P,
    /// `c` conjunction
    C,
    /// `f` locality (上, 中, 之间)
    F,
    /// `t` time word
    T,
    /// `s` place word (国内, 当地)
    S,
    /// `nt` organization
    Nt,
    /// `nz` other proper noun
    Nz,
    /// `b` distinguishing word (大型, 新型)
    B,
    /// `i` idiom (four characters)
    I,
    /// `l` fixed expression
    L,
    /// `r` pronoun
    R,
    /// `j` abbreviation (人大, 政协)
    J,
    /// `ns` place name (all of them; `Dict::places` keeps the ones that are names)
    Ns,
}

pub const CLASSES: [Class; 20] = [
    Class::N,
    Class::V,
    Class::Vn,
    Class::A,
    Class::Ad,
    Class::An,
    Class::D,
    Class::P,
    Class::C,
    Class::F,
    Class::T,
    Class::S,
    Class::Nt,
    Class::Nz,
    Class::B,
    Class::I,
    Class::L,
    Class::R,
    Class::J,
    Class::Ns,
];

impl Class {
    /// The class of a jieba tag and the word lengths (in chars) kept.
    fn of_tag(tag: &str) -> Option<(Class, usize, usize)> {
        Some(match tag {
            "n" => (Class::N, 1, 4),
            "v" => (Class::V, 1, 4),
            "vn" => (Class::Vn, 2, 4),
            "a" => (Class::A, 1, 4),
            "ad" => (Class::Ad, 2, 4),
            "an" => (Class::An, 2, 4),
            "d" => (Class::D, 1, 4),
            "p" => (Class::P, 1, 3),
            "c" => (Class::C, 1, 4),
            "f" => (Class::F, 1, 3),
            "t" => (Class::T, 2, 4),
            "s" => (Class::S, 2, 4),
            "nt" => (Class::Nt, 3, 10),
            "nz" => (Class::Nz, 2, 6),
            "b" => (Class::B, 2, 4),
            "i" => (Class::I, 4, 4),
            "l" => (Class::L, 3, 6),
            "r" => (Class::R, 1, 3),
            "j" => (Class::J, 2, 4),
            "ns" => (Class::Ns, 2, 6),
            _ => return None,
        })
    }

    fn slot(self) -> usize {
        CLASSES.iter().position(|&c| c == self).expect("listed")
    }
}

/// Han ideographs (the URO and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

/// The words of one class, with their draw weights.
#[derive(Debug, Clone, Default)]
pub struct Words {
    pub words: Vec<&'static str>,
    pub freqs: Vec<u64>,
    table: Weighted,
}

impl Words {
    fn finish(&mut self) {
        self.table = Weighted::new(self.words.iter().zip(&self.freqs).map(|(w, &f)| {
            // Single-character nouns and verbs (人, 时, 是, 有) are counted in
            // jieba for every use inside longer phrases; drawn alone they
            // would crowd the text.
            let f = if w.chars().count() == 1 { f / 4 } else { f };
            f + SMOOTHING
        }));
    }

    pub fn draw(&self, rng: &mut Rng) -> &'static str {
        self.words[self.table.draw(rng)]
    }

    pub fn draw_index(&self, rng: &mut Rng) -> usize {
        self.table.draw(rng)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The dictionary, by class.
#[derive(Debug, Clone)]
pub struct Dict {
    classes: Vec<Words>,
}

impl Dict {
    /// Parses the embedded dictionary.
    pub fn load() -> Dict {
        Dict::parse(DICT)
    }

    /// Parses a dictionary in jieba's format (`word freq tag` per line).
    pub fn parse(text: &'static str) -> Dict {
        let mut classes: Vec<Words> = vec![Words::default(); CLASSES.len()];
        for line in text.lines() {
            let mut it = line.split_ascii_whitespace();
            let (Some(word), Some(freq), Some(tag)) = (it.next(), it.next(), it.next()) else { continue };
            let Some((class, min, max)) = Class::of_tag(tag) else { continue };
            let Ok(freq) = freq.parse::<u64>() else { continue };
            let len = word.chars().count();
            if len < min || len > max || !word.chars().all(is_han) {
                continue;
            }
            let w = &mut classes[class.slot()];
            w.words.push(word);
            w.freqs.push(freq);
        }
        for w in &mut classes {
            w.finish();
        }
        Dict { classes }
    }

    pub fn class(&self, c: Class) -> &Words {
        &self.classes[c.slot()]
    }

    pub fn draw(&self, c: Class, rng: &mut Rng) -> &'static str {
        self.class(c).draw(rng)
    }

    /// The place names among the `ns` words, with jieba's frequency: the
    /// names below that jieba lists without a generic ending, and the words
    /// that end like a place (市, 县, 区, 镇, 岛, 山, 江, 湖 …), without the
    /// common nouns jieba tags `ns` (城市, 上市, 山区 …). Sorted by frequency
    /// (then by word), highest first.
    pub fn places(&self) -> Vec<(&'static str, u64)> {
        let ns = self.class(Class::Ns);
        let mut out: Vec<(&'static str, u64)> = Vec::new();
        for (&w, &f) in ns.words.iter().zip(&ns.freqs) {
            if is_place(w) {
                out.push((w, f));
            }
        }
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        out
    }
}

/// Place names jieba tags `ns` that have no generic ending.
pub const BARE_PLACES: &[&str] = &[
    "中国", "美国", "英国", "法国", "德国", "韩国", "泰国", "北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "武汉", "成都", "西安", "青岛", "济南", "沈阳",
    "厦门", "长沙", "郑州", "哈尔滨", "昆明", "南宁", "西宁", "太原", "长春", "贵阳",
    "南昌", "威海", "潍坊", "淄博", "临沂", "东营", "济宁", "泰安", "无锡", "宁波", "珠海", "东莞", "佛山",
    "洛阳", "南阳", "宜昌", "襄阳", "十堰", "黄冈", "咸宁", "荆门", "香港", "澳门", "山东", "河北", "河南", "湖北", "湖南",
    "广东", "广西", "江苏", "安徽", "福建", "江西", "四川", "云南", "陕西", "甘肃", "青海", "海南", "辽宁", "吉林",
    "内蒙古", "新疆", "西藏", "宁夏", "山西", "日本", "印度", "俄罗斯", "意大利", "加拿大", "澳大利亚", "巴西", "新加坡",
    "越南", "西班牙", "荷兰", "瑞士", "瑞典", "丹麦", "波兰", "埃及", "南非", "以色列", "土耳其", "墨西哥", "巴基斯坦",
    "菲律宾", "印尼", "葡萄牙", "比利时", "奥地利", "希腊", "伦敦", "巴黎", "东京", "纽约", "华盛顿", "东南亚", "中东",
    "长三角", "华北", "华中", "华南", "东北", "西北", "西南", "江南", "中原", "胶东",
];

/// Words ending like a place that are not names.
const NOT_PLACES: &[&str] = &[
    "城市", "上市", "入市", "都市", "山区", "几区", "诸州", "海湾", "新港", "自治州", "自治县", "共和国", "桥头堡", "城中村",
    "外国", "爱国", "建国", "开国", "回国", "大国", "治国", "王国", "诸国", "江湖", "大街", "城镇", "京城", "古城", "海峡",
    "河口", "内河", "江山", "高山", "山河", "三国", "中路", "南路", "北路", "都城", "上山", "下山", "兴国", "海关", "内城",
    "山寨", "入口", "重镇", "山口", "大山", "故城", "城堡", "深山", "江河", "新河", "东城", "西城", "渡江", "越国", "大河",
    "大湖", "大江", "南口", "长河", "山镇", "池塘", "商城", "高原", "山庄", "村庄", "乡村", "农村", "街口", "路口", "港口",
    "关口", "出口", "进口", "门口", "窗口", "人口", "开口", "岔路", "公路", "铁路", "马路", "道路", "水路", "陆路",
];

fn is_place(w: &str) -> bool {
    if BARE_PLACES.contains(&w) {
        return true;
    }
    if NOT_PLACES.contains(&w) {
        return false;
    }
    let chars: Vec<char> = w.chars().collect();
    let last = *chars.last().expect("non-empty");
    if chars.len() == 2 {
        // 荆州, 沙市, 房县: a two-char name only with an administrative ending.
        matches!(last, '省' | '市' | '县' | '州' | '岛')
    } else {
        "省市县区镇乡村州岛湾港山江河湖峡国城路街岭洲".contains(last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_words() {
        let d = Dict::load();
        for c in CLASSES {
            assert!(d.class(c).len() >= 20, "{c:?}: {} words", d.class(c).len());
        }
        assert!(d.class(Class::N).len() > 50_000);
    }

    #[test]
    fn bare_places_are_jieba_place_names() {
        let d = Dict::load();
        let ns = d.class(Class::Ns);
        for p in BARE_PLACES {
            assert!(ns.words.contains(p), "{p} is not an ns word of jieba's dictionary");
        }
        let places = d.places();
        assert!(places.len() > 3000, "{} places", places.len());
        assert!(!places.iter().any(|(w, _)| *w == "城市" || *w == "东西"));
    }
}
