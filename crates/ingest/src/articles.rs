//! Draft blocks → articles.
//!
//! The page is read as a sequence of *heads* (kicker, headline, subtitle,
//! byline, captions: the lines before an article's first sentence) and
//! *bodies* (paragraphs, sections, lists, captions). A body ends at a
//! signature or `（下转…）`; a new body starts at `本报讯` or `（上接…）`.
//! Teaser marks (`■2版 ■3版`) claim the head groups just before them.
//! Bodies are then paired with heads: a body right after a head is its body;
//! a body left over goes to the earliest head still without one before it,
//! else to the next one after it (OCR often puts a headline after its body);
//! a body starting with `（上接…）` has no head on this page.

use crate::blocks::{DKind, Draft};
use crate::markers::Piece;
use xunyue_core::model::{Article, Block, BlockKind};

/// An article before ids are given, with the sources of its blocks.
#[derive(Debug, Clone, Default)]
pub struct ArticleDraft {
    pub article: Article,
    pub pieces: Vec<Vec<Piece>>,
    /// First line of the article in the seed.
    pub first_line: u32,
}

#[derive(Debug, Clone, Default)]
struct Cluster {
    /// Head blocks in page order.
    items: Vec<Draft>,
    teaser: Option<Draft>,
    /// Holds a head line that is no kicker.
    has_plain: bool,
}

impl Cluster {
    fn push(&mut self, d: Draft) {
        self.has_plain |= d.kind == DKind::Head && !is_kicker_text(&d.text);
        self.items.push(d);
    }
    fn extend(&mut self, ds: Vec<Draft>) {
        for d in ds {
            self.push(d);
        }
    }
}

fn is_kicker_text(t: &str) -> bool {
    t.ends_with(['—', '：', ':', '-'])
}

enum Unit {
    Head(Vec<Cluster>),
    Body(Vec<Draft>),
}

fn is_head_item(d: &Draft) -> bool {
    match d.kind {
        DKind::Head | DKind::Deck | DKind::Byline | DKind::Teaser => true,
        DKind::Caption => d.in_head,
        _ => false,
    }
}

/// A byline that follows a plain head line: the head is complete.
fn byline_after_headline(c: &Cluster) -> bool {
    let head = c.items.iter().position(|d| d.kind == DKind::Head && !is_kicker_text(&d.text));
    head.is_some_and(|h| c.items[h..].iter().any(|d| d.kind == DKind::Byline))
}

/// Splits one head run into clusters (one per article) and teaser clusters.
fn clusters(run: Vec<Draft>) -> Vec<Cluster> {
    // Head groups: a head line with a gap before starts a group.
    let mut groups: Vec<Vec<Draft>> = Vec::new();
    for d in run {
        let new = match d.kind {
            DKind::Head => {
                d.gap
                    || groups.last().is_none_or(|g| {
                        // Only all-head groups start with a head line.
                        g[0].kind != DKind::Head
                            // A kicker line (`昆明高新区：`) opens the next head.
                            || is_kicker_text(&d.text) && g.last().is_some_and(|x| !is_kicker_text(&x.text))
                    })
            }
            _ => true,
        };
        if new {
            groups.push(vec![d]);
        } else if let Some(g) = groups.last_mut() {
            g.push(d);
        }
    }
    // Teasers claim the plain groups just before their run.
    let mut teaser_of: Vec<Option<Draft>> = vec![None; groups.len()];
    let mut used = vec![false; groups.len()];
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < groups.len() {
        if groups[i][0].kind != DKind::Teaser {
            if groups[i][0].kind == DKind::Head && !is_kicker_text(&groups[i][0].text) {
                open.push(i);
            }
            i += 1;
            continue;
        }
        let mut j = i;
        while j < groups.len() && groups[j][0].kind == DKind::Teaser {
            j += 1;
        }
        let k = j - i;
        let plain = open.split_off(open.len().saturating_sub(k));
        for (n, &g) in plain.iter().enumerate() {
            let at = i + (k - plain.len()) + n;
            teaser_of[g] = Some(groups[at][0].clone());
            used[at] = true;
        }
        i = j;
    }
    let mut out: Vec<Cluster> = Vec::new();
    let mut cur = Cluster::default();
    let mut teasers: Vec<Cluster> = Vec::new();
    for (g, group) in groups.into_iter().enumerate() {
        if used[g] {
            continue;
        }
        if let Some(t) = teaser_of[g].take() {
            teasers.push(Cluster { items: group, teaser: Some(t), has_plain: true });
            continue;
        }
        let first = &group[0];
        match first.kind {
            DKind::Teaser => {
                // A teaser that found no head: keep it with the current head.
                cur.extend(group);
            }
            // A byline closes a head: a headline after it opens the next.
            DKind::Head if !is_kicker_text(&first.text) && byline_after_headline(&cur) => {
                out.push(std::mem::take(&mut cur));
                cur.extend(group);
            }
            DKind::Head if !is_kicker_text(&first.text) => cur.extend(group),
            DKind::Head | DKind::Deck => {
                // A kicker after a headline opens the next article's head.
                if cur.has_plain {
                    out.push(std::mem::take(&mut cur));
                }
                cur.extend(group);
            }
            _ => cur.extend(group),
        }
    }
    if !cur.items.is_empty() {
        out.push(cur);
    }
    // Teaser articles come where their head stood; order by first line.
    out.extend(teasers);
    out.sort_by_key(|c| c.items.first().map_or(0, Draft::line));
    out
}

/// Splits a cluster after its first group of plain head lines when another
/// plain group, set apart by a blank line, follows: returns the rest.
fn split_first_head(c: &mut Cluster) -> Option<Cluster> {
    if c.teaser.is_some() {
        return None;
    }
    let plain = |d: &Draft| d.kind == DKind::Head && !is_kicker_text(&d.text);
    let first = c.items.iter().position(plain)?;
    let second = (first + 1..c.items.len()).find(|&i| plain(&c.items[i]) && c.items[i].gap)?;
    let rest: Vec<Draft> = c.items.split_off(second);
    let mut r = Cluster::default();
    r.extend(rest);
    let items = std::mem::take(&mut c.items);
    *c = Cluster::default();
    c.extend(items);
    Some(r)
}

/// The index of a spare head line of a cluster: the last plain head line
/// set apart by a blank line, after the headline, and not the headline.
fn spare_head(c: &Cluster) -> Option<usize> {
    if c.teaser.is_some() {
        return None;
    }
    let roles = head_roles(c);
    let headline = roles.iter().position(|r| *r == BlockKind::Headline)?;
    (headline + 1..c.items.len())
        .rev()
        .find(|&i| c.items[i].kind == DKind::Head && c.items[i].gap && !is_kicker_text(&c.items[i].text) && roles[i] != BlockKind::Headline)
}

/// Assigns kicker / headline / subtitle roles to the head lines of a cluster.
fn head_roles(c: &Cluster) -> Vec<BlockKind> {
    let heads: Vec<usize> = (0..c.items.len()).filter(|&i| c.items[i].kind == DKind::Head).collect();
    let plain: Vec<usize> = heads.iter().copied().filter(|&i| !is_kicker_text(&c.items[i].text)).collect();
    // Groups of plain lines (a gap starts a group).
    let group_starts: Vec<usize> =
        plain.iter().copied().filter(|&i| c.items[i].gap || i == heads[0]).collect();
    // A line opening with a dash is a subtitle (`——记…`).
    let candidates: Vec<usize> = if c.teaser.is_some() || group_starts.len() <= 1 { plain.clone() } else { group_starts.clone() };
    let candidates: Vec<usize> = match candidates.iter().copied().filter(|&i| !c.items[i].text.starts_with(['—', '-'])).collect::<Vec<_>>() {
        v if v.is_empty() => candidates,
        v => v,
    };
    let headline = if c.teaser.is_some() {
        candidates.first().copied()
    } else {
        // Of the head lines, the shortest is the headline: kickers and
        // subtitles are the long explaining lines.
        candidates.iter().copied().min_by_key(|&i| c.items[i].text.chars().count())
    };
    c.items
        .iter()
        .enumerate()
        .map(|(i, d)| match d.kind {
            DKind::Head if Some(i) == headline => BlockKind::Headline,
            DKind::Head | DKind::Deck => BlockKind::Kicker,
            DKind::Byline => BlockKind::Byline,
            DKind::Caption => BlockKind::Caption,
            DKind::Teaser => BlockKind::Teaser,
            _ => BlockKind::Paragraph,
        })
        .collect()
}

fn block_kind(k: DKind) -> BlockKind {
    match k {
        DKind::Head => BlockKind::Headline,
        DKind::Deck => BlockKind::Kicker,
        DKind::Byline | DKind::BaoXun => BlockKind::Byline,
        DKind::Caption => BlockKind::Caption,
        DKind::Teaser => BlockKind::Teaser,
        DKind::ContFrom | DKind::ContTo => BlockKind::Continuation,
        DKind::Signature => BlockKind::Signature,
        DKind::Ad => BlockKind::Advertisement,
        DKind::PageLabel => BlockKind::SectionHeading,
        DKind::ListItem => BlockKind::ListItem,
        DKind::Section => BlockKind::SectionHeading,
        DKind::Para => BlockKind::Paragraph,
    }
}

/// Role words of a byline, longest first: what comes before the names
/// (`本报记者 刘腾`, `文/图 王芳`) or between them (`记者 刘腾 通讯员 王芳`).
pub const BYLINE_ROLES: [&str; 17] = [
    "本报特约记者", "本报见习记者", "本报实习记者", "特约通讯员", "本报记者", "特约记者", "见习记者", "实习记者",
    "首席记者", "摄影报道", "记者", "通讯员", "实习生", "文/图", "图/文", "文／图", "摄影",
];

/// Longest a name of a byline may be, in chars (`欧阳娜娜`, `阿依古丽`,
/// transliterated names with `·`): a longer word is not a name.
pub const MAX_NAME_CHARS: usize = 8;

/// `□本报记者 刘腾` → (`本报记者 刘腾`, [`刘腾`]); `▶ 高欣` → (`高欣`, [`高欣`]);
/// `记者 刘腾 通讯员 王芳` → […, [`刘腾`, `王芳`]]; `本报讯（记者 李明）` →
/// […, [`李明`]].
pub fn parse_byline(text: &str) -> (String, Vec<String>) {
    let t = text.trim_start_matches(['□', '▶', '■', ' ']).trim().to_string();
    // The names follow the first role word; without one, the whole line is
    // names (`高欣`).
    let first = BYLINE_ROLES.iter().filter_map(|r| t.find(r).map(|i| (i, i + r.len()))).min();
    let mut names = match first {
        Some((_, end)) => t[end..].to_string(),
        None => t.clone(),
    };
    for r in BYLINE_ROLES {
        names = names.replace(r, " ");
    }
    let authors = names
        .split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ',' | '/' | '（' | '）' | '(' | ')' | '：' | ':'))
        // `刘慧摄`: the name before the credit mark.
        .map(|w| w.strip_suffix('摄').unwrap_or(w))
        .filter(|w| {
            !w.is_empty()
                && !w.contains('摄')
                && !w.contains("报讯")
                && !w.ends_with('电')
                && !w.chars().any(|c| c.is_ascii_digit())
                && w.chars().count() <= MAX_NAME_CHARS
                && !matches!(*w, "文" | "图")
        })
        .map(str::to_string)
        .collect();
    (t, authors)
}

/// Shortest newspaper name a byline can give (`青岛日报`, not `本报`), in chars.
pub const MIN_SOURCE_CHARS: usize = 3;

/// `青岛日报/观海新闻记者 耿婷婷` → `青岛日报`.
pub fn source_of_byline(byline: &str) -> Option<String> {
    let head = byline.split(['/', ' ']).next()?;
    let head = head.split("记者").next()?;
    if head.ends_with('报') && head != "本报" && head.chars().count() >= MIN_SOURCE_CHARS {
        Some(head.to_string())
    } else {
        None
    }
}

fn make(head: Option<Cluster>, body: Vec<Draft>, stem: &str) -> ArticleDraft {
    let mut blocks: Vec<(Block, Vec<Piece>)> = Vec::new();
    let mut a = Article { page: stem.to_string(), ..Article::default() };
    let mut bylines: Vec<String> = Vec::new();
    let mut authors: Vec<String> = Vec::new();
    let mut bao_xun: Option<String> = None;
    let mut signed: Vec<String> = Vec::new();
    if let Some(c) = head {
        let roles = head_roles(&c);
        let headline_at = roles.iter().position(|r| *r == BlockKind::Headline);
        let (mut kick, mut sub) = (Vec::new(), Vec::new());
        let mut tail: Vec<(Block, Vec<Piece>)> = Vec::new();
        for (i, (d, role)) in c.items.iter().zip(roles).enumerate() {
            let block = Block { kind: role, text: d.text.clone(), line: d.line() };
            match role {
                BlockKind::Headline => a.title = d.text.clone(),
                BlockKind::Kicker if headline_at.is_none_or(|h| i < h) => kick.push(d.text.clone()),
                BlockKind::Kicker => sub.push(d.text.clone()),
                BlockKind::Byline => {
                    let (b, au) = parse_byline(&d.text);
                    a.source = a.source.take().or_else(|| source_of_byline(&b));
                    bylines.push(b);
                    authors.extend(au);
                }
                _ => {}
            }
            if matches!(role, BlockKind::Kicker | BlockKind::Headline) {
                blocks.push((block, d.pieces.clone()));
            } else {
                tail.push((block, d.pieces.clone()));
            }
        }
        blocks.extend(tail);
        if !kick.is_empty() {
            a.kicker = Some(kick.join(" "));
        }
        if !sub.is_empty() {
            a.subtitle = Some(sub.join(" "));
        }
        if let Some(t) = c.teaser {
            a.continued_to = t.label.clone();
            blocks.push((Block { kind: BlockKind::Teaser, text: t.text.clone(), line: t.line() }, t.pieces.clone()));
        }
    }
    for d in body {
        match d.kind {
            DKind::BaoXun => {
                // `本报讯（记者 李明）`: the names in brackets.
                authors.extend(parse_byline(&d.text).1);
                bao_xun = Some(d.text.clone());
            }
            DKind::Signature => signed.push(d.text.clone()),
            DKind::ContFrom => a.continued_from = d.label.clone(),
            DKind::ContTo => a.continued_to = d.label.clone(),
            _ => {}
        }
        blocks.push((Block { kind: block_kind(d.kind), text: d.text.clone(), line: d.line() }, d.pieces));
    }
    // `本报讯` + signature: the signature is the byline's name.
    if let Some(b) = bao_xun {
        bylines.insert(0, b);
        bylines.extend(signed.iter().cloned());
    }
    authors.extend(signed);
    if !bylines.is_empty() {
        a.byline = Some(bylines.join(" "));
    }
    authors.dedup();
    a.authors = authors;
    if a.title.is_empty() {
        let first = blocks
            .iter()
            .find(|(b, _)| b.kind == BlockKind::Paragraph)
            .or_else(|| blocks.first())
            .map(|(b, _)| b.text.as_str())
            .unwrap_or("");
        a.title = super::title_from(first);
        a.title_inferred = true;
    }
    let first_line = blocks.iter().flat_map(|(_, p)| p.iter().map(|p| p.line)).min().unwrap_or(0);
    let (blocks, pieces): (Vec<Block>, Vec<Vec<Piece>>) = blocks.into_iter().unzip();
    a.blocks = blocks;
    ArticleDraft { article: a, pieces, first_line }
}

/// Groups the draft blocks of a page into articles; returns the articles in
/// page order and the blocks that belong to no article (advertisement marks).
pub fn group(drafts: Vec<Draft>, stem: &str) -> (Vec<ArticleDraft>, Vec<(Block, Vec<Piece>)>) {
    let mut loose = Vec::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut head_run: Vec<Draft> = Vec::new();
    let mut body: Vec<Draft> = Vec::new();
    let mut body_closed = false;
    let flush_body = |units: &mut Vec<Unit>, body: &mut Vec<Draft>| {
        if !body.is_empty() {
            units.push(Unit::Body(std::mem::take(body)));
        }
    };
    for d in drafts {
        if matches!(d.kind, DKind::Ad | DKind::PageLabel) {
            loose.push((Block { kind: block_kind(d.kind), text: d.text.clone(), line: d.line() }, d.pieces));
            continue;
        }
        if is_head_item(&d) {
            flush_body(&mut units, &mut body);
            head_run.push(d);
            continue;
        }
        if !head_run.is_empty() {
            units.push(Unit::Head(clusters(std::mem::take(&mut head_run))));
        }
        let starts = matches!(d.kind, DKind::BaoXun | DKind::ContFrom);
        // A closing credit after the jump mark still signs this story.
        let credit_after_jump = d.kind == DKind::Signature && body.last().is_some_and(|b| b.kind == DKind::ContTo);
        if (body_closed && !credit_after_jump) || (starts && body.iter().any(|b| b.kind == DKind::Para)) {
            flush_body(&mut units, &mut body);
        }
        body_closed = matches!(d.kind, DKind::Signature | DKind::ContTo);
        body.push(d);
    }
    flush_body(&mut units, &mut body);
    if !head_run.is_empty() {
        units.push(Unit::Head(clusters(head_run)));
    }

    // A body with no head before it, right before a head run whose first
    // cluster holds several heads set apart by blank lines: the first of
    // them is the body's own head, read after it.
    for k in 1..units.len() {
        let orphan = match &units[k - 1] {
            Unit::Body(b) => {
                !b.first().is_some_and(|d| d.kind == DKind::ContFrom) && (k < 2 || !matches!(units[k - 2], Unit::Head(_)))
            }
            Unit::Head(_) => false,
        };
        if let (true, Unit::Head(cs)) = (orphan, &mut units[k]) {
            if let Some(first) = cs.first_mut() {
                if let Some(rest) = split_first_head(first) {
                    cs.insert(1, rest);
                }
            }
        }
    }
    // Flatten: heads get indices; bodies remember what precedes them.
    let mut heads: Vec<Option<Cluster>> = Vec::new();
    let mut head_pos: Vec<usize> = Vec::new();
    let mut bodies: Vec<(usize, Vec<Draft>, Option<usize>)> = Vec::new();
    for (pos, u) in units.into_iter().enumerate() {
        match u {
            Unit::Head(cs) => {
                for c in cs {
                    heads.push(Some(c));
                    head_pos.push(pos);
                }
            }
            Unit::Body(b) => {
                // The last non-teaser head right before this body.
                let prev = (0..heads.len())
                    .rev()
                    .take_while(|&h| head_pos[h] + 1 == pos)
                    .find(|&h| heads[h].as_ref().is_some_and(|c| c.teaser.is_none()));
                bodies.push((pos, b, prev));
            }
        }
    }
    let taken = |h: usize, heads: &Vec<Option<Cluster>>| heads[h].as_ref().is_none_or(|c| c.teaser.is_some());
    let mut pair: Vec<Option<usize>> = vec![None; bodies.len()];
    let mut claimed = vec![false; heads.len()];
    for (bi, (_, b, prev)) in bodies.iter().enumerate() {
        let from_elsewhere = b.first().is_some_and(|d| d.kind == DKind::ContFrom);
        if let (Some(h), false) = (prev, from_elsewhere) {
            pair[bi] = Some(*h);
            claimed[*h] = true;
        }
    }
    // Heads still without a body, in page order. The earliest one is the
    // earliest before a body if any lies before it, else the next after it.
    let mut free: std::collections::BTreeSet<usize> =
        (0..heads.len()).filter(|&h| !claimed[h] && !taken(h, &heads)).collect();
    for (bi, (_, b, _)) in bodies.iter().enumerate() {
        if pair[bi].is_some() || b.first().is_some_and(|d| d.kind == DKind::ContFrom) {
            continue;
        }
        if let Some(h) = free.pop_first() {
            pair[bi] = Some(h);
        }
    }
    // Photos with captions only and no head of their own (at the foot of a
    // front page, read as a head of captions or a body of captions): a head
    // line left over in another story's head — a second plain head, set
    // apart, that is not its headline — is their title.
    let captions_only = |ds: &[Draft]| !ds.is_empty() && ds.iter().all(|d| d.kind == DKind::Caption);
    let n_heads = heads.len();
    // Targets: head clusters of captions (by index), then bodies of
    // captions without a head (by index into `bodies`).
    let mut targets: Vec<(bool, usize)> = (0..n_heads)
        .filter(|&h| heads[h].as_ref().is_some_and(|c| c.teaser.is_none() && captions_only(&c.items)))
        .map(|h| (true, h))
        .collect();
    targets.extend((0..bodies.len()).filter(|&bi| pair[bi].is_none() && captions_only(&bodies[bi].1)).map(|bi| (false, bi)));
    for (is_head, t) in targets {
        let found = (0..n_heads)
            .filter(|&h| !(is_head && h == t))
            .find_map(|h| heads[h].as_ref().and_then(spare_head).map(|i| (h, i)));
        let Some((h, i)) = found else { continue };
        let Some(c) = heads[h].as_mut() else { continue };
        let taken = c.items.remove(i);
        let rest = std::mem::take(&mut c.items);
        let teaser = c.teaser.take();
        *c = Cluster { teaser, ..Cluster::default() };
        c.extend(rest);
        if is_head {
            if let Some(own) = heads[t].as_mut() {
                let items = std::mem::take(&mut own.items);
                own.push(taken);
                own.extend(items);
            }
        } else {
            let mut own = Cluster::default();
            own.push(taken);
            heads.push(Some(own));
            pair[t] = Some(heads.len() - 1);
        }
    }
    let mut out = Vec::new();
    let mut bodies_of: Vec<Vec<Vec<Draft>>> = vec![Vec::new(); heads.len()];
    for (bi, (_, b, _)) in bodies.into_iter().enumerate() {
        match pair[bi] {
            Some(h) => bodies_of[h].push(b),
            None => out.push(make(None, b, stem)),
        }
    }
    for (h, c) in heads.into_iter().enumerate() {
        let body: Vec<Draft> = std::mem::take(&mut bodies_of[h]).into_iter().flatten().collect();
        out.push(make(c, body, stem));
    }
    out.sort_by_key(|a| a.first_line);
    (out, loose)
}
