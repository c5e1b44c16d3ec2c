//! Segments → blocks: paragraphs are reflowed (column breaks mid-sentence
//! rejoined, even across a caption), short lines between paragraphs become
//! section headings, and the lines at the head of an article (before its
//! first sentence) become head lines, grouped later into kicker, headline
//! and subtitle.

use crate::reflow::join_onto;
use crate::markers::{ends_sentence, heading_text, is_joiner, join_texts, looks_like_name, Piece, Seg, SegKind};
use xunyue_core::chars::is_han;

/// What a draft block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DKind {
    /// A line of an article head: kicker, headline or subtitle (decided when
    /// articles are formed).
    Head,
    Deck,
    Byline,
    BaoXun,
    Caption,
    Teaser,
    ContFrom,
    ContTo,
    Signature,
    Ad,
    PageLabel,
    ListItem,
    Section,
    Para,
}

/// A block before articles are formed.
#[derive(Debug, Clone)]
pub struct Draft {
    pub kind: DKind,
    pub text: String,
    pub pieces: Vec<Piece>,
    /// A blank line comes before it (head lines: starts a new group).
    pub gap: bool,
    /// Seen while an article head was being read (no sentence yet).
    pub in_head: bool,
    pub label: Option<String>,
}

impl Draft {
    pub fn line(&self) -> u32 {
        self.pieces.first().map_or(0, |p| p.line)
    }
}

/// How a page marks its paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Paragraphs start with a full-width indent (`　　`).
    Indented,
    /// No indents: paragraphs end at sentence ends (one paragraph per line,
    /// or double-spaced columns).
    Lines,
}

/// Page layout facts used by the heuristics.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub mode: Mode,
    /// Median length of a text line, in chars.
    pub width: usize,
}

/// A short line, in parts of the column width: a line under three quarters
/// of the column does not fill it, so it ends a paragraph or stands alone
/// (a heading); OCR's full lines vary by a char or two, not by a quarter.
pub const SHORT_LINE_NUM: usize = 3;
pub const SHORT_LINE_DEN: usize = 4;

/// Fewest text lines that tell a page's column width: with fewer, the width
/// is taken as at least [`DEFAULT_WIDTH`] (a short page of a few head lines
/// says nothing about its columns).
pub const MIN_LINES_FOR_WIDTH: usize = 8;

/// Column width assumed for pages of too few lines, in chars: wider than
/// any newspaper column, so no head line of such a page counts as short.
pub const DEFAULT_WIDTH: usize = 40;

/// Fewest indented lines (`　　`) that make a page one of indented
/// paragraphs, and the share of its text lines they must be (one in
/// [`INDENT_SHARE`]): a few indents on a page of another layout are OCR
/// noise or quotes.
pub const MIN_INDENTS: usize = 3;
pub const INDENT_SHARE: usize = 20;

/// Longest section heading inside a story, in chars: longer lines standing
/// alone are head lines or text. (The seeds' longest heading holds 16.)
pub const MAX_HEADING_CHARS: usize = 30;

/// Longest name alone on a line that signs a story, in chars (`李偌蔓`);
/// longer lines are headings or text.
pub const MAX_SIGNATURE_CHARS: usize = 3;

/// How much longer than the column a wrapped line of body text may be, in
/// chars: OCR counts half-width digits and letters as chars, so a full line
/// holding a number has a few more chars than the column is wide.
pub const COLUMN_SLACK: usize = 3;

impl Layout {
    /// True when a line of `n` chars could be a full line of the page's
    /// columns: not a short line, and not longer than a column holds. A head
    /// line set across columns is longer; a heading alone is shorter.
    pub fn fits_column(&self, n: usize) -> bool {
        n >= self.width * SHORT_LINE_NUM / SHORT_LINE_DEN && n <= self.width + COLUMN_SLACK.max(self.width / SHORT_LINE_DEN)
    }
}

pub fn layout(segs: &[Seg]) -> Layout {
    let mut lens: Vec<usize> = segs
        .iter()
        .filter(|s| s.line_start && s.kind == SegKind::Text)
        .map(|s| s.text.chars().count())
        .collect();
    lens.sort_unstable();
    let median = lens.get(lens.len() / 2).copied().unwrap_or(0);
    // A few lines say nothing about the column width.
    let width = if lens.len() < MIN_LINES_FOR_WIDTH { median.max(DEFAULT_WIDTH) } else { median };
    let indents = segs.iter().filter(|s| s.indent).count();
    let texts = lens.len().max(1);
    let mode = if indents >= MIN_INDENTS && indents * INDENT_SHARE >= texts { Mode::Indented } else { Mode::Lines };
    Layout { mode, width }
}

struct Builder<'a> {
    out: Vec<Draft>,
    cand: Vec<&'a Seg>,
    /// Captions met inside an open paragraph: placed after it.
    held: Vec<Draft>,
    head_ctx: bool,
    layout: Layout,
}

fn draft(kind: DKind, seg: &Seg, in_head: bool) -> Draft {
    let text = match (kind, seg.kind) {
        (DKind::Head | DKind::Section, SegKind::Text) => heading_text(&seg.raw),
        _ => seg.text.clone(),
    };
    Draft {
        kind,
        text,
        pieces: vec![seg.piece],
        gap: seg.gap,
        in_head,
        label: seg.label.clone(),
    }
}

impl<'a> Builder<'a> {
    fn cand_ended(&self) -> bool {
        self.cand.last().is_some_and(|s| ends_sentence(&s.text))
    }

    /// Closes the paragraph under construction.
    fn close(&mut self) {
        if self.cand.is_empty() {
            self.out.append(&mut self.held);
            return;
        }
        let cand = std::mem::take(&mut self.cand);
        if self.head_ctx && !ends_sentence(&cand[cand.len() - 1].text) {
            // Head lines: a line ending in a comma goes on with the next.
            let mut cur: Option<Draft> = None;
            for s in cand {
                match cur.as_mut() {
                    Some(d) if d.text.ends_with(['，', '、', ',']) && !s.gap => {
                        join_onto(&mut d.text, &s.text);
                        d.pieces.push(s.piece);
                    }
                    _ => {
                        self.out.extend(cur.take());
                        cur = Some(draft(DKind::Head, s, true));
                    }
                }
            }
            self.out.extend(cur);
        } else {
            let text = join_texts(cand.iter().map(|s| s.text.as_str()));
            self.out.push(Draft {
                kind: DKind::Para,
                text,
                pieces: cand.iter().map(|s| s.piece).collect(),
                gap: cand[0].gap,
                in_head: false,
                label: None,
            });
            self.head_ctx = false;
        }
        self.out.append(&mut self.held);
    }

    /// True when a text line is a section heading: a short line standing
    /// alone between sentences.
    fn is_heading(&self, s: &Seg, after_marker: bool, last_text: bool) -> bool {
        let n = s.text.chars().count();
        let limit = if after_marker {
            MAX_HEADING_CHARS
        } else {
            MAX_HEADING_CHARS.min(self.layout.width * SHORT_LINE_NUM / SHORT_LINE_DEN)
        };
        let prev_heading = self.out.last().is_some_and(|d| d.kind == DKind::Section) && self.cand.is_empty();
        !self.head_ctx
            && !s.indent
            && (self.cand.is_empty() || self.cand_ended())
            && (s.gap || after_marker || prev_heading || !self.cand.is_empty() && self.layout.mode == Mode::Lines)
            && n > 0
            && n <= limit
            && !ends_sentence(&s.text)
            && !s.text.chars().last().is_some_and(is_joiner)
            && !last_text
    }

    fn text(&mut self, s: &'a Seg, after_marker: bool, last_text: bool) {
        if self.head_ctx && self.cand_ended() {
            self.close();
        }
        // A wrapped list item goes on in the next line.
        if !s.gap && !s.indent && self.cand.is_empty() && self.held.is_empty() {
            if let Some(d) = self.out.last_mut() {
                if d.kind == DKind::ListItem && !ends_sentence(&d.text) {
                    join_onto(&mut d.text, &s.text);
                    d.pieces.push(s.piece);
                    return;
                }
            }
        }
        // A name alone after the last sentence of an article (or after its
        // jump mark).
        let after_jump = self.cand.is_empty() && self.out.last().is_some_and(|d| d.kind == DKind::ContTo);
        if (!self.head_ctx || after_jump)
            && (self.cand.is_empty() || self.cand_ended())
            && s.text.chars().count() <= MAX_SIGNATURE_CHARS
            && s.text.chars().all(is_han)
            && looks_like_name(&s.text)
            && (self.cand_ended()
                || after_jump
                || self.cand.is_empty()
                    && self.out.last().is_some_and(|d| d.kind == DKind::Para && ends_sentence(&d.text)))
        {
            self.close();
            self.out.push(draft(DKind::Signature, s, false));
            self.head_ctx = true;
            return;
        }
        if self.is_heading(s, after_marker, last_text) {
            self.close();
            match self.out.last_mut() {
                Some(d) if d.kind == DKind::Section && !s.gap && !after_marker => {
                    join_onto(&mut d.text, &s.text);
                    d.pieces.push(s.piece);
                }
                _ => self.out.push(draft(DKind::Section, s, false)),
            }
            return;
        }
        if !self.cand.is_empty() {
            let new_para = if self.head_ctx {
                // A short line standing alone at the head is a head line.
                // The page's first line, alone before a blank line: a head,
                // whatever its length.
                let page_start = self.out.is_empty() && self.cand.len() == 1;
                let short_head = s.gap
                    && !self.cand[0].indent
                    && self.cand.last().is_some_and(|l| {
                        (page_start || !self.layout.fits_column(l.text.chars().count()))
                            && !l.text.chars().last().is_some_and(is_joiner)
                    });
                self.cand_ended() || s.indent || short_head
            } else {
                match self.layout.mode {
                    Mode::Indented => s.indent || (s.gap && self.cand_ended()),
                    Mode::Lines => self.cand_ended(),
                }
            };
            if new_para {
                self.close();
            }
        }
        self.cand.push(s);
    }

    fn other(&mut self, s: &'a Seg) {
        let kind = match s.kind {
            SegKind::Text => DKind::Para,
            SegKind::ContFrom => DKind::ContFrom,
            SegKind::ContTo => DKind::ContTo,
            SegKind::Teaser => DKind::Teaser,
            SegKind::Caption => DKind::Caption,
            SegKind::Byline => DKind::Byline,
            SegKind::BaoXun => DKind::BaoXun,
            SegKind::Signature => DKind::Signature,
            SegKind::Ad => DKind::Ad,
            SegKind::PageLabel => DKind::PageLabel,
            SegKind::ListItem => DKind::ListItem,
            SegKind::Marker => DKind::Section,
            SegKind::Deck => DKind::Deck,
        };
        // At a head, only a line no headline could be (indented, or longer
        // than any headline) is an open paragraph.
        let long_open = self.cand.last().is_some_and(|l| {
            !ends_sentence(&l.text) && (self.cand[0].indent || l.text.chars().count() > MAX_HEADING_CHARS)
        });
        if kind == DKind::Caption && (long_open || !self.head_ctx && !self.cand.is_empty() && !self.cand_ended()) {
            // A caption set inside a paragraph cut by the layout.
            self.held.push(draft(kind, s, false));
            return;
        }
        self.close();
        let in_head = match kind {
            DKind::Byline | DKind::Deck | DKind::Teaser => {
                self.head_ctx = true;
                true
            }
            DKind::Caption => self.head_ctx,
            DKind::Signature | DKind::ContTo | DKind::Ad | DKind::PageLabel => {
                self.head_ctx = true;
                false
            }
            _ => {
                self.head_ctx = false;
                false
            }
        };
        self.out.push(draft(kind, s, in_head));
    }
}

/// Most lines a head stack has before its byline: kicker, headline,
/// subtitle, and one of them wrapped.
pub const MAX_STACK_LINES: usize = 4;

/// Longest line that can be a head line, in chars: headlines run across
/// columns, and kickers and subtitles across the whole page (the seeds'
/// longest kicker line holds 55), but a line longer than this is text.
pub const MAX_HEAD_CHARS: usize = 64;

/// A line that can be a head line: alone on its line, not indented, not
/// ending a sentence. (It may end in a dash or a colon, as kickers do, or in
/// any word: what follows it, a byline, tells it from a line cut
/// mid-sentence.)
fn head_like(s: &Seg) -> bool {
    let n = s.text.chars().count();
    s.kind == SegKind::Text
        && s.line_start
        && !s.indent
        && (1..=MAX_HEAD_CHARS).contains(&n)
        && !ends_sentence(&s.text)
        // A line of punctuation only (a closing quote the line broke
        // before) is the end of the text above.
        && s.text.chars().any(char::is_alphanumeric)
}

/// Shortest line of a head stack without a byline, in chars: a wrapped
/// section heading (`智能家电优势产业` / `提质扩容`) has a short second line;
/// kickers, headlines and subtitles are longer.
pub const MIN_STACK_LINE_CHARS: usize = 6;

/// A kicker's closing mark: a dash or a colon (`城市更新提速——`,
/// `昆明高新区：`).
fn is_kicker_mark(t: &str) -> bool {
    t.ends_with(['—', '：', ':'])
}

/// Where a new story's head starts: a stack of head-like lines, after the
/// end of a sentence (or a blank line), right before a byline line or a
/// paragraph that opens with a dateline (`本报讯`, `新华社…电`). A section
/// heading inside a story is followed by its text, never by a byline.
fn story_starts(segs: &[Seg], layout: Layout) -> Vec<bool> {
    let mut out = vec![false; segs.len()];
    for i in 0..segs.len() {
        if !head_like(&segs[i]) {
            continue;
        }
        let after_end = i == 0 || segs[i].gap || segs[i - 1].kind != SegKind::Text || ends_sentence(&segs[i - 1].text);
        // A name alone after a sentence signs the story before.
        let signature = i > 0 && segs[i].text.chars().count() <= MAX_SIGNATURE_CHARS && looks_like_name(&segs[i].text) && ends_sentence(&segs[i - 1].text);
        if !after_end || signature {
            continue;
        }
        let mut j = i;
        while j < segs.len() && j < i + MAX_STACK_LINES && head_like(&segs[j]) {
            j += 1;
        }
        let next = segs.get(j);
        let byline = next.is_some_and(|n| n.line_start && matches!(n.kind, SegKind::Byline | SegKind::BaoXun));
        // A kicker (`…——`, `…：`) over another head line: section headings
        // inside a story have no kicker.
        let kicker = j - i >= 2 && (i..j - 1).any(|k| is_kicker_mark(&segs[k].text));
        // Two or more head lines in a row (kicker, headline, subtitle) right
        // after a sentence's end, none of them a line of the column, then
        // the text: a section heading is one line, or one wrapped short.
        let ended = i == 0 || segs[i - 1].kind != SegKind::Text || ends_sentence(&segs[i - 1].text);
        let apart = |k: usize| {
            let n = segs[k].text.chars().count();
            head_like(&segs[k]) && n >= MIN_STACK_LINE_CHARS && !layout.fits_column(n)
        };
        let mut e = i;
        while e < segs.len() && e < i + MAX_STACK_LINES && apart(e) {
            e += 1;
        }
        let stack = ended && e - i >= 2 && segs.get(e).is_some_and(|n| n.kind == SegKind::Text && n.line_start);
        if byline || kicker || stack {
            out[i] = true;
        }
    }
    out
}

/// Builds the draft blocks of a page from its segments.
pub fn build(segs: &[Seg]) -> Vec<Draft> {
    let layout = layout(segs);
    let last_text = segs.len().checked_sub(1);
    let starts = story_starts(segs, layout);
    let mut b = Builder { out: Vec::new(), cand: Vec::new(), held: Vec::new(), head_ctx: true, layout };
    for (i, s) in segs.iter().enumerate() {
        if starts[i] {
            // The paragraph before ends here (a head still being read goes
            // on: this line is part of its stack).
            if !b.head_ctx || b.cand_ended() {
                b.close();
            }
            b.head_ctx = true;
        }
        if s.kind == SegKind::Text {
            let after_marker = i > 0 && segs[i - 1].kind == SegKind::Marker;
            b.text(s, after_marker, Some(i) == last_text);
        } else {
            b.other(s);
        }
    }
    b.close();
    b.out
}
