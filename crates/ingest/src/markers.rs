//! Lines → segments: each OCR line is cut into the pieces that carry a marker
//! (`（上接第一版）`, `本报讯`, a caption, a teaser, a signature…) and its
//! plain text. Segments keep their byte range in the line, so that the
//! lossless check can prove where every character went.

use crate::reflow::{has_indent, join_onto, squeeze_line};
use xunyue_core::chars::is_han;

/// What a segment is, from its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegKind {
    Text,
    /// `（上接第一版）`
    ContFrom,
    /// `（下转第二版）`
    ContTo,
    /// `■2版`
    Teaser,
    /// `■…`, `…□记者 张静 摄`
    Caption,
    /// `□本报记者 刘腾`, `▶ 高欣`
    Byline,
    /// `本报讯`
    BaoXun,
    /// A name alone after the last sentence (`李偌蔓`).
    Signature,
    /// `广告`
    Ad,
    /// A page label line, `第3版 要闻`, or a date line, `2024年1月31日 星期三`:
    /// the page's, not an article's.
    PageLabel,
    /// `●…`, `- …`
    ListItem,
    /// `>>整合资源<<`
    Marker,
    /// `◆…` deck line.
    Deck,
}

/// A byte range of one source line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// 1-based line of the seed file.
    pub line: u32,
    /// Byte range in that line.
    pub start: usize,
    pub end: usize,
}

/// One segment of a line.
#[derive(Debug, Clone)]
pub struct Seg {
    pub kind: SegKind,
    pub piece: Piece,
    /// Text with OCR spaces removed.
    pub text: String,
    /// The source text of the segment, as is.
    pub raw: String,
    /// A blank line (or a manifest move) comes before this line.
    pub gap: bool,
    /// The line starts with a full-width indent.
    pub indent: bool,
    /// First segment of its line.
    pub line_start: bool,
    /// Page label for continuations and teasers (`第一版`, `2版`).
    pub label: Option<String>,
}

/// Characters that end a sentence.
pub fn is_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '.')
}

/// True when the text ends a sentence (closing quotes and brackets after the
/// stop are allowed: `…重要作用。”`).
pub fn ends_sentence(text: &str) -> bool {
    let mut it = text.chars().rev().skip_while(|&c| {
        matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '"' | '\'' | '》' | '】')
    });
    it.next().is_some_and(is_stop)
}

/// Characters a heading cannot end with: the line was cut mid-sentence.
pub fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '，' | '、' | '；' | '：' | ':' | ',' | ';' | '（' | '(' | '“' | '‘' | '《' | '〈' | '【' | '—'
            | '-' | '–' | '和' | '与' | '及' | '或' | '的' | '在' | '对' | '为' | '是' | '了' | '将'
            | '把' | '被' | '从' | '向' | '并' | '而' | '且' | '以' | '于' | '由' | '到' | '个'
            | '这' | '那' | '等' | '其' | '让' | '使' | '给' | '同' | '比' | '该' | '也' | '就'
    )
}

/// Shortest and longest Chinese personal name, in chars (`高欣`, `欧阳娜娜`).
pub const NAME_CHARS: (usize, usize) = (2, 4);

/// Longest photo caption, in chars: a caption credit (`…□记者 张静 摄`) in a
/// longer line is part of the text.
pub const MAX_CAPTION_CHARS: usize = 200;

/// Longest byline that opens with `▶` (`▶ 高欣`), in chars: a longer `▶`
/// line is a list item or text.
pub const MAX_ARROW_BYLINE_CHARS: usize = 16;

/// Longest place name of a dateline (`本报青岛…电`, `新华社乌鲁木齐…电`),
/// in chars.
pub const MAX_DATELINE_PLACE_CHARS: usize = 8;

/// A Chinese personal name of 2–4 characters starting with a common surname.
pub fn looks_like_name(s: &str) -> bool {
    xunyue_core::chars::looks_like_name(s, NAME_CHARS.0, NAME_CHARS.1)
}

fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Byte range of `s` without leading and trailing whitespace.
fn trim_range(s: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let sub = &s[start..end];
    let lead = sub.len() - sub.trim_start().len();
    let t = sub.trim();
    if t.is_empty() {
        None
    } else {
        Some((start + lead, start + lead + t.len()))
    }
}

/// Teaser line: only `■<n>版` tokens.
fn teaser_tokens(raw: &str) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    let starts: Vec<usize> = raw.match_indices('■').map(|(i, _)| i).collect();
    if starts.is_empty() || raw[..starts[0]].trim() != "" {
        return None;
    }
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(raw.len());
        let tok = squeezed(&raw[s..e]);
        let body = tok.trim_start_matches('■');
        let num = body.strip_suffix('版')?;
        if num.is_empty()
            || !num.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        {
            return None;
        }
        out.push(trim_range(raw, s, e)?);
    }
    Some(out)
}

/// The label inside `（上接第一版）` / `（下转第二版）`.
fn cont_label(mark: &str) -> String {
    let inner = mark
        .trim_matches(|c: char| matches!(c, '（' | '）' | '(' | ')') || c.is_whitespace());
    inner.trim_start_matches("上接").trim_start_matches("下转").to_string()
}

/// Splits captions of one line at `摄` followed by more text.
fn caption_ranges(raw: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    for (i, _) in raw[start..end].match_indices('摄') {
        let cut = start + i + '摄'.len_utf8();
        if raw[cut..end].starts_with(char::is_whitespace) && !raw[cut..end].trim().is_empty() {
            if let Some(r) = trim_range(raw, from, cut) {
                out.push(r);
            }
            from = cut;
        }
    }
    if let Some(r) = trim_range(raw, from, end) {
        out.push(r);
    }
    out
}

fn is_caption_text(t: &str) -> bool {
    t.ends_with('摄') && (t.contains('□') || t.contains("记者")) && t.chars().count() <= MAX_CAPTION_CHARS
}

/// Longest line that can be a byline of its own (`记者 刘腾 通讯员 王芳`), in
/// chars: longer lines are text that happens to start with a role word.
pub const MAX_BYLINE_CHARS: usize = 40;

/// A line that is a byline and nothing else, without a `□` (`本报记者 刘腾`,
/// `记者 刘腾 通讯员 王芳`, `文/图 王芳`): it opens with a role word and
/// every other word is a name.
fn is_byline_line(raw: &str) -> bool {
    let t = collapse_spaces(raw);
    if t.chars().count() > MAX_BYLINE_CHARS {
        return false;
    }
    let Some(role) = crate::articles::BYLINE_ROLES.iter().find(|r| t.starts_with(*r)) else { return false };
    let mut rest = t[role.len()..].to_string();
    for r in crate::articles::BYLINE_ROLES {
        rest = rest.replace(r, " ");
    }
    let words: Vec<&str> = rest.split([' ', '、', '，']).filter(|w| !w.is_empty()).collect();
    !words.is_empty() && words.iter().all(|w| looks_like_name(w.strip_suffix('摄').unwrap_or(w)))
}

/// A dateline opening a story's first paragraph: `本报讯`, `本报北京1月31日电`,
/// `新华社北京1月31日电`, optionally followed by the reporters in brackets
/// (`（记者 李明）`). Returns its byte length.
pub fn dateline_len(t: &str) -> Option<usize> {
    let mut end = if t.starts_with("本报讯") {
        "本报讯".len()
    } else {
        let agency = ["本报", "新华社", "中新社", "人民网", "央视网"].into_iter().find(|a| t.starts_with(a))?;
        // A place (a few Han characters), then `M月D日电` or `…讯`.
        let rest = &t[agency.len()..];
        let cs: Vec<(usize, char)> = rest.char_indices().take(24).collect();
        let mut k = 0;
        while k < cs.len() && is_han(cs[k].1) && !matches!(cs[k].1, '月' | '日') && k < MAX_DATELINE_PLACE_CHARS {
            k += 1;
        }
        let digits = |k: &mut usize| {
            let s = *k;
            while *k < cs.len() && cs[*k].1.is_ascii_digit() {
                *k += 1;
            }
            *k > s
        };
        if !digits(&mut k) || cs.get(k).map(|c| c.1) != Some('月') {
            return None;
        }
        k += 1;
        if !digits(&mut k) || cs.get(k).map(|c| c.1) != Some('日') {
            return None;
        }
        k += 1;
        let at = match cs.get(k).map(|c| c.1) {
            Some('电' | '讯') => cs[k].0 + cs[k].1.len_utf8(),
            // `新华社西安10月20日` / `电 …`: the line broke before 电.
            None if rest.trim_end().chars().count() == k => rest.len(),
            _ => return None,
        };
        agency.len() + at
    };
    // `（记者 李明）`: the reporters, kept with the dateline.
    let after = &t[end..];
    let lead = after.len() - after.trim_start().len();
    let rest = &after[lead..];
    if rest.starts_with(['（', '(']) {
        if let Some(close) = rest.find(['）', ')']) {
            let inner = &rest[..close];
            if inner.contains("记者") || inner.contains("通讯员") {
                end += lead + close + rest[close..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    Some(end)
}

/// A closing credit on a line of its own: `（责任编辑：王芳）`, `（据新华社）`,
/// `（本报记者 刘腾 整理）`, `（刘腾）`: the story ends here.
fn is_closing_credit(t: &str) -> bool {
    let Some(inner) = t.strip_prefix('（').and_then(|x| x.strip_suffix('）')) else { return false };
    let n = inner.chars().count();
    n > 0
        && n <= MAX_BYLINE_CHARS
        && !inner.contains(['（', '）', '。'])
        && (["责任编辑", "编辑", "据", "来源", "记者", "通讯员", "整理"].iter().any(|w| inner.contains(w))
            || looks_like_name(inner))
}

/// Longest section name after a page label (`第3版 综合新闻`), in chars.
pub const MAX_PAGE_SECTION_CHARS: usize = 8;

/// `第3版`, `第十六版 要闻`, `A3版 经济`, `2024年1月31日 星期三`: page
/// furniture, set on every page of a newspaper, no part of any story.
pub fn is_page_label(t: &str) -> bool {
    let words: Vec<&str> = t.split(' ').collect();
    let head = words[0];
    let numeral = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    let page = head
        .strip_prefix('第')
        .and_then(|r| r.strip_suffix('版'))
        .is_some_and(numeral)
        || head.strip_suffix('版').is_some_and(|r| {
            let r = r.strip_prefix(|c: char| c.is_ascii_uppercase()).unwrap_or(r);
            numeral(r) && r.chars().all(|c| c.is_ascii_digit())
        });
    let date = {
        let d = head.split(['年', '月', '日']).collect::<Vec<_>>();
        head.ends_with('日') && d.len() == 4 && d[..3].iter().all(|x| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit()))
    };
    let rest_ok = match words.len() {
        1 => true,
        2 => {
            let w = words[1];
            (w.chars().count() <= MAX_PAGE_SECTION_CHARS && w.chars().all(is_han)) || (date && w.starts_with("星期"))
        }
        _ => false,
    };
    (page || date) && rest_ok
}

/// Cuts one line into typed byte ranges.
pub fn split_line(raw: &str) -> Vec<(SegKind, usize, usize, Option<String>)> {
    let Some((s, e)) = trim_range(raw, 0, raw.len()) else { return Vec::new() };
    let t = squeezed(&raw[s..e]);
    let one = |k: SegKind| vec![(k, s, e, None)];
    if t == "广告" {
        return one(SegKind::Ad);
    }
    if is_page_label(&collapse_spaces(&raw[s..e])) {
        return one(SegKind::PageLabel);
    }
    if let Some(toks) = teaser_tokens(raw) {
        return toks
            .into_iter()
            .map(|(a, b)| {
                let label = squeezed(&raw[a..b]).trim_start_matches('■').to_string();
                (SegKind::Teaser, a, b, Some(label))
            })
            .collect();
    }
    let first = t.chars().next().unwrap_or(' ');
    if first == '■' {
        return one(SegKind::Caption);
    }
    if first == '◆' {
        return one(SegKind::Deck);
    }
    if t.starts_with(">>") || t.starts_with("》》") {
        return one(SegKind::Marker);
    }
    if matches!(first, '●' | '•' | '▪') || (raw[s..].starts_with("- ") && t.chars().count() > 1) {
        return one(SegKind::ListItem);
    }
    if first == '□' {
        if is_caption_text(&t) {
            return caption_ranges(raw, s, e).into_iter().map(|(a, b)| (SegKind::Caption, a, b, None)).collect();
        }
        return one(SegKind::Byline);
    }
    if first == '▶' && t.chars().count() <= MAX_ARROW_BYLINE_CHARS {
        return one(SegKind::Byline);
    }
    if is_byline_line(&raw[s..e]) && !t.ends_with('摄') {
        return one(SegKind::Byline);
    }
    if is_closing_credit(&t) {
        return one(SegKind::Signature);
    }
    if is_caption_text(&t) {
        return caption_ranges(raw, s, e).into_iter().map(|(a, b)| (SegKind::Caption, a, b, None)).collect();
    }
    // Plain text with optional markers at either end.
    let mut out = Vec::new();
    let (mut a, mut b) = (s, e);
    for open in ["（上接", "(上接"] {
        if raw[a..b].starts_with(open) {
            if let Some(close) = raw[a..b].find(['）', ')']) {
                let end = a + close + raw[a + close..].chars().next().map_or(1, char::len_utf8);
                let label = cont_label(&raw[a..end]);
                out.push((SegKind::ContFrom, a, end, Some(label)));
                a = trim_range(raw, end, b).map_or(b, |r| r.0);
            }
            break;
        }
    }
    if let Some(n) = dateline_len(&raw[a..b]) {
        let end = a + n;
        out.push((SegKind::BaoXun, a, end, None));
        a = trim_range(raw, end, b).map_or(b, |r| r.0);
    }
    let mut tail = Vec::new();
    if a < b {
        let body = &raw[a..b];
        if let Some(open) = body.rfind(['（', '(']) {
            let mark = &body[open..];
            if (mark.contains("下转") || mark.contains("转第")) && (mark.ends_with('）') || mark.ends_with(')')) {
                tail.push((SegKind::ContTo, a + open, b, Some(cont_label(mark))));
                b = trim_range(raw, a, a + open).map_or(a, |r| r.1);
            }
        }
    }
    if a < b && tail.is_empty() {
        // `…格局。 李偌蔓`: a name after the last stop, set apart by a space.
        let body = &raw[a..b];
        // The name may be spaced out itself (`。 刘 慧`): cut at the last
        // sentence end followed by white space.
        let cut = body
            .char_indices()
            .rev()
            .find(|&(i, c)| is_stop(c) && body[i + c.len_utf8()..].starts_with(char::is_whitespace))
            .map(|(i, c)| i + c.len_utf8());
        if let Some(sp) = cut {
            let name: String = body[sp..].chars().filter(|c| !c.is_whitespace()).collect();
            let before = body[..sp].trim_end();
            if looks_like_name(&name) && ends_sentence(before) {
                let name_at = a + sp + body[sp..].find(|c: char| !c.is_whitespace()).unwrap_or(0);
                tail.push((SegKind::Signature, name_at, b, None));
                b = a + before.len();
            }
        }
    }
    if a < b {
        out.push((SegKind::Text, a, b, None));
    }
    out.extend(tail);
    out
}

/// Cuts the lines of a page (in reading order) into segments.
pub fn segments(lines: &[&str], order: &[usize], cut_before: &[bool]) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut gap = true;
    for &i in order {
        let raw = lines[i];
        if cut_before[i] {
            gap = true;
        }
        let parts = split_line(raw);
        if parts.is_empty() {
            gap = true;
            continue;
        }
        let indent = has_indent(raw);
        for (k, (kind, start, end, label)) in parts.into_iter().enumerate() {
            let text = match kind {
                SegKind::Byline | SegKind::Caption | SegKind::BaoXun | SegKind::PageLabel => collapse_spaces(&raw[start..end]),
                _ => squeeze_line(&raw[start..end]),
            };
            out.push(Seg {
                kind,
                piece: Piece { line: i as u32 + 1, start, end },
                text,
                raw: raw[start..end].to_string(),
                gap: gap && k == 0,
                indent: indent && k == 0,
                line_start: k == 0,
                label,
            });
        }
        gap = false;
    }
    out
}

/// Single Han characters that are words of a credit line on their own
/// (`□记者 张静 摄`: "photo by"; `文 X`, `图 X`): a space next to them
/// separates words, it does not pad a name.
pub const CREDIT_WORDS: [char; 3] = ['摄', '文', '图'];

/// Whitespace runs become one ASCII space (bylines and captions keep the
/// space between role and name), except inside a word that the layout
/// spaced out: a lone Han character (`刘`, from `本报记者\u{a0}刘\u{a0}慧摄` or
/// `刘　慧`, names padded to the width of three characters) is closed up with
/// the Han word after it (`本报记者 刘慧摄`), so that the name is found as
/// typed. [`CREDIT_WORDS`] stay apart.
pub fn collapse_spaces(s: &str) -> String {
    let words: Vec<&str> = s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect();
    let lone = |w: &str| {
        let mut it = w.chars();
        matches!((it.next(), it.next()), (Some(c), None) if is_han(c) && !CREDIT_WORDS.contains(&c))
    };
    let starts_han = |w: &str| w.chars().next().is_some_and(|c| is_han(c) && !(w.chars().count() == 1 && CREDIT_WORDS.contains(&c)));
    let role = |w: &str| crate::articles::BYLINE_ROLES.iter().any(|r| w.starts_with(r));
    let mut out = String::with_capacity(s.len());
    let mut glue = false;
    // Chars of the word being closed up: only a lone char is glued on, so
    // `李 晨 通讯员` becomes `李晨 通讯员`, not `李晨通讯员`.
    let mut run = 0;
    for (i, w) in words.iter().enumerate() {
        if i > 0 && !glue {
            out.push(' ');
            run = 0;
        }
        out.push_str(w);
        run += w.chars().count();
        glue = run == 1 && lone(w) && words.get(i + 1).is_some_and(|n| starts_han(n) && !role(n));
    }
    out
}

/// Text of a headline or heading line: letter-spaced lines (`服 务 流 程`)
/// are closed up, while a space between words of two or more characters
/// (`小驿站传递大温暖 小土豆变身金蛋蛋`) stays as one space.
pub fn heading_text(raw: &str) -> String {
    let words: Vec<&str> = raw.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect();
    if words.len() > 1 && words.iter().all(|w| w.chars().count() >= 2) {
        words.join(" ")
    } else {
        squeeze_line(raw)
    }
}

/// Joins the texts of segments the way reflow joins lines.
pub fn join_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut s = String::new();
    for t in texts {
        join_onto(&mut s, t);
    }
    s
}
