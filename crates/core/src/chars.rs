//! Character classes: every "is this a Han character / a space / a Latin
//! letter / punctuation" question of the project, answered in one place.

/// White space as the normalization folds it: Unicode white space, and the
/// ideographic space U+3000 (which is white space too, named for clarity).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Han ideographs: the CJK Unified Ideographs, Extension A, the
/// compatibility ideographs and the supplementary-plane extensions B–H.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// CJK and general punctuation, and the full-width forms block: what
/// Chinese text holds beside its ideographs.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2000..=0x206F)
}

/// Letters and digits of scripts written with spaces between words (Latin,
/// Greek, Cyrillic …; CJK starts at U+2E80): a space between two of them is
/// meaningful, and a window or a hit should not cut through a run of them.
pub fn is_latin_word_char(c: char) -> bool {
    (c as u32) < 0x2E80 && c.is_alphanumeric()
}

/// True for punctuation and symbols, which a term may drop where the text has
/// none (ASCII punctuation, general and CJK punctuation, full-width forms,
/// geometric shapes such as `■ ●`).
pub fn is_punct(c: char) -> bool {
    let u = c as u32;
    c.is_ascii_punctuation()
        || (0xA1..=0xBF).contains(&u)
        || u == 0xD7
        || u == 0xF7
        || (0x2010..=0x205E).contains(&u)
        || (0x2190..=0x21FF).contains(&u)
        || (0x2500..=0x27BF).contains(&u)
        || (0x2E00..=0x2E7F).contains(&u)
        || (0x3001..=0x303F).contains(&u)
        || (0x30FB == u)
        || (0xFE10..=0xFE6F).contains(&u)
        || ((0xFF01..=0xFF65).contains(&u) && !c.is_alphanumeric())
}

/// Chars that end a sentence or a line of thought: where a snippet window
/// may start.
pub fn is_break(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '\n' | '!' | '?' | ';' | '…')
}

/// Common Chinese family names, single characters. A run of two to four Han
/// characters starting with one of them may be a personal name (ingest's
/// bylines, analysis's people).
pub const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝代";

/// True when `c` is one of [`SURNAMES`].
pub fn is_surname(c: char) -> bool {
    SURNAMES.contains(c)
}

/// Han characters only, `min..=max` of them, the first a family name.
pub fn looks_like_name(s: &str, min: usize, max: usize) -> bool {
    let n = s.chars().count();
    (min..=max).contains(&n) && s.chars().all(is_han) && s.chars().next().is_some_and(is_surname)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_han('华') && is_han('𠀀') && !is_han('，') && !is_han('a'));
        assert!(is_cjk_punct('，') && is_cjk_punct('Ｂ') && !is_cjk_punct('华'));
        assert!(is_latin_word_char('a') && is_latin_word_char('7') && is_latin_word_char('é'));
        assert!(!is_latin_word_char('华') && !is_latin_word_char('-') && !is_latin_word_char('Ｂ'));
        assert!(is_space('\u{3000}') && is_space('\u{a0}') && is_space('\n') && !is_space('_'));
        assert!(is_punct('·') && is_punct('，') && is_punct('■') && !is_punct('华') && !is_punct('Ｂ'));
        assert!(looks_like_name("刘腾", 2, 4) && !looks_like_name("腾刘", 2, 4) && !looks_like_name("刘", 2, 4));
    }

    #[test]
    fn surnames_are_distinct_han_chars() {
        let mut seen = std::collections::BTreeSet::new();
        for c in SURNAMES.chars() {
            assert!(is_han(c), "{c}");
            assert!(seen.insert(c), "{c} twice");
        }
        assert_eq!(seen.len(), 254);
    }
}
