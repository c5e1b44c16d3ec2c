//! The view state that lives in the URL hash, its text form, and every
//! change a reader can make to it ([`Action`], applied by [`Route::apply`]).
//!
//! `#q=…&f=org:…&f=year:…&all=org&exact=1&sort=date&view=kwic&ks=left&a=<article id>&hit=3&lang=en`
//! and, where the app has its views of time (`cfg(xunyue_time)`):
//! `from=2021-03&to=2021-04-15` (a date range: a day, an ISO week, a month
//! or a year at either end), `terms=基因,细胞` (terms over time), `pg=<page
//! stem>&cur=<article id>` (the page as printed, an article marked) and
//! `day=2021-03-04` (that day's pages).
//! Every value is percent-encoded (UTF-8); unknown keys are ignored, so any
//! hash, however mangled, gives a usable state.

use crate::facets::{FacetKind, Modes};
use crate::i18n::Lang;

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Sort {
    #[default]
    Relevance,
    /// Newest first.
    Date,
    Page,
    /// Oldest first.
    #[cfg(xunyue_time)]
    Oldest,
}

impl Sort {
    pub fn code(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Date => "date",
            Sort::Page => "page",
            #[cfg(xunyue_time)]
            Sort::Oldest => "oldest",
        }
    }
    pub fn parse(s: &str) -> Sort {
        match s {
            "date" => Sort::Date,
            "page" => Sort::Page,
            #[cfg(xunyue_time)]
            "oldest" => Sort::Oldest,
            _ => Sort::Relevance,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum View {
    #[default]
    List,
    Kwic,
}

/// Order of the KWIC table.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum KwicSort {
    #[default]
    Position,
    Left,
    Right,
}

impl KwicSort {
    pub fn code(self) -> &'static str {
        match self {
            KwicSort::Position => "pos",
            KwicSort::Left => "left",
            KwicSort::Right => "right",
        }
    }
    pub fn parse(s: &str) -> KwicSort {
        match s {
            "left" => KwicSort::Left,
            "right" => KwicSort::Right,
            _ => KwicSort::Position,
        }
    }
}

#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Route {
    pub q: String,
    /// Selected facet values, sorted, without duplicates.
    pub facets: Vec<(FacetKind, String)>,
    /// Facets whose selected values must all hold ("all of"), as bits.
    pub all: Modes,
    /// Only the articles holding the query exactly as typed.
    pub exact: bool,
    pub sort: Sort,
    pub view: View,
    pub kwic_sort: KwicSort,
    /// Id of the article open in the reader.
    pub open: Option<String>,
    /// Current hit in the reader, 0-based.
    pub hit: usize,
    pub lang: Lang,
    /// The date range (`from=` / `to=`, as typed: a day, week, month or year; empty: open).
    #[cfg(xunyue_time)]
    pub from: String,
    #[cfg(xunyue_time)]
    pub to: String,
    /// Terms over time, comma-separated as typed.
    #[cfg(xunyue_time)]
    pub terms: String,
    /// The page as printed (its stem), and the article marked on it.
    #[cfg(xunyue_time)]
    pub pg: Option<String>,
    #[cfg(xunyue_time)]
    pub cur: Option<String>,
    /// A day's pages (ISO date).
    #[cfg(xunyue_time)]
    pub day: Option<String>,
}

/// A change of the view, as the reader asks for it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Action {
    /// A new query: back to the result list.
    Search(String),
    /// Selects or unselects a facet value (and leaves the reader).
    Toggle(FacetKind, String),
    /// Selects a facet value if it is not yet, and shows the list (an entity of the reader).
    Select(FacetKind, String),
    /// Unselects every facet value.
    ClearFacets,
    /// Switches a facet between "any of" and "all of".
    Mode(FacetKind),
    /// Shows only the articles holding the query as typed, or every match.
    Exact(bool),
    Sort(Sort),
    View(View),
    KwicSort(KwicSort),
    /// Opens an article (by id) in the reader at a hit.
    Open(String, usize),
    /// Leaves the reader.
    Close,
    /// Steps through the `total` hits of the open article, wrapping around.
    Step(isize, usize),
    /// The other language.
    Lang,
    /// Keeps the results to a date range (either end empty: open).
    #[cfg(xunyue_time)]
    Range(String, String),
    /// Terms over time.
    #[cfg(xunyue_time)]
    Terms(String),
}

impl Action {
    /// Whether the change gets its own history entry (Back undoes it) rather
    /// than replacing the current one.
    pub fn push(&self, from: &Route) -> bool {
        match self {
            // Typing replaces; a query typed in the reader leaves it.
            Action::Search(_) => from.open.is_some(),
            Action::KwicSort(_) | Action::Step(..) | Action::Lang => false,
            #[cfg(xunyue_time)]
            Action::Terms(_) => false,
            _ => true,
        }
    }
}

impl Route {
    /// The route after `action`: a pure function, the one place where the
    /// view changes.
    pub fn apply(&self, action: &Action) -> Route {
        let mut r = self.clone();
        let close = |r: &mut Route| {
            r.open = None;
            r.hit = 0;
        };
        match action {
            Action::Search(q) => {
                r.q = q.clone();
                close(&mut r);
                r.leave_pages();
            }
            Action::Toggle(k, v) => {
                r.toggle_facet(*k, v);
                close(&mut r);
            }
            Action::Select(k, v) => {
                if !r.has_facet(*k, v) {
                    r.toggle_facet(*k, v);
                }
                close(&mut r);
            }
            Action::ClearFacets => r.facets.clear(),
            Action::Mode(k) => r.all ^= k.bit(),
            Action::Exact(on) => r.exact = *on,
            Action::Sort(s) => r.sort = *s,
            Action::View(v) => r.view = *v,
            Action::KwicSort(s) => r.kwic_sort = *s,
            Action::Open(id, hit) => {
                r.open = Some(id.clone());
                r.hit = *hit;
            }
            // Leaving the reader goes back to the page it was opened from; leaving that, to the results.
            #[cfg(xunyue_time)]
            Action::Close if r.open.is_none() => r.leave_pages(),
            Action::Close => close(&mut r),
            Action::Step(by, total) => {
                if *total > 0 {
                    r.hit = (r.hit.min(total - 1) as isize + by).rem_euclid(*total as isize) as usize;
                }
            }
            Action::Lang => r.lang = r.lang.other(),
            #[cfg(xunyue_time)]
            Action::Range(from, to) => {
                (r.from, r.to) = (from.clone(), to.clone());
                close(&mut r);
                r.leave_pages();
            }
            #[cfg(xunyue_time)]
            Action::Terms(t) => r.terms = t.clone(),
        }
        r
    }

    /// Leaves the page and day views.
    #[cfg(xunyue_time)]
    fn leave_pages(&mut self) {
        (self.pg, self.cur, self.day) = (None, None, None);
    }
    #[cfg(not(xunyue_time))]
    fn leave_pages(&mut self) {}

    /// The date range asked for (a range that does not read is the open one).
    #[cfg(xunyue_time)]
    pub fn range(&self) -> xunyue_core::date::DateRange {
        xunyue_core::date::DateRange::parse(&self.from, &self.to).unwrap_or_default()
    }

    pub fn has_facet(&self, kind: FacetKind, value: &str) -> bool {
        self.facets.iter().any(|(k, v)| *k == kind && v == value)
    }

    /// Selects or unselects one facet value.
    pub fn toggle_facet(&mut self, kind: FacetKind, value: &str) {
        if self.has_facet(kind, value) {
            self.facets.retain(|(k, v)| !(*k == kind && v == value));
        } else {
            self.facets.push((kind, value.to_string()));
            xunyue_core::sort::sort(&mut self.facets);
        }
    }

    pub fn to_hash(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.q.is_empty() {
            parts.push(pair("q", &self.q));
        }
        for (k, v) in &self.facets {
            let mut val = String::from(k.code());
            val.push(':');
            val.push_str(v);
            parts.push(pair("f", &val));
        }
        for k in FacetKind::ALL {
            if self.all & k.bit() != 0 {
                parts.push(pair("all", k.code()));
            }
        }
        if self.exact {
            parts.push(pair("exact", "1"));
        }
        if self.sort != Sort::Relevance {
            parts.push(pair("sort", self.sort.code()));
        }
        if self.view == View::Kwic {
            parts.push(pair("view", "kwic"));
        }
        if self.kwic_sort != KwicSort::Position {
            parts.push(pair("ks", self.kwic_sort.code()));
        }
        if let Some(a) = &self.open {
            parts.push(pair("a", a));
            if self.hit > 0 {
                parts.push(pair("hit", &(self.hit + 1).to_string()));
            }
        }
        if self.lang != Lang::Zh {
            parts.push(pair("lang", self.lang.code()));
        }
        #[cfg(xunyue_time)]
        for (k, v) in [("from", Some(&self.from)), ("to", Some(&self.to)), ("terms", Some(&self.terms)), ("pg", self.pg.as_ref()), ("cur", self.cur.as_ref()), ("day", self.day.as_ref())] {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                parts.push(pair(k, v));
            }
        }
        let mut out = String::from("#");
        out.push_str(&parts.join("&"));
        out
    }

    pub fn from_hash(hash: &str) -> Route {
        Route::from_hash_in(hash, Lang::Zh)
    }

    /// The route of a hash that names no language in `lang`.
    pub fn from_hash_in(hash: &str, lang: Lang) -> Route {
        let mut r = Route { lang, ..Route::default() };
        let body = hash.strip_prefix('#').unwrap_or(hash);
        for part in body.split('&') {
            let (k, v) = match part.split_once('=') {
                Some((k, v)) => (k, decode(v)),
                None => (part, String::new()),
            };
            match k {
                "q" => r.q = v,
                "f" => {
                    if let Some((kind, val)) = v.split_once(':') {
                        if let Some(kind) = FacetKind::parse(kind) {
                            if !val.is_empty() && !r.has_facet(kind, val) {
                                r.facets.push((kind, val.to_string()));
                            }
                        }
                    }
                }
                "all" => {
                    if let Some(k) = FacetKind::parse(&v).filter(|k| k.multi()) {
                        r.all |= k.bit();
                    }
                }
                "exact" => r.exact = v == "1",
                "sort" => r.sort = Sort::parse(&v),
                "view" => r.view = if v == "kwic" { View::Kwic } else { View::List },
                "ks" => r.kwic_sort = KwicSort::parse(&v),
                "a" if !v.is_empty() => r.open = Some(v),
                "hit" => r.hit = v.parse::<usize>().ok().and_then(|h| h.checked_sub(1)).unwrap_or(0),
                "lang" => r.lang = Lang::parse(&v),
                #[cfg(xunyue_time)]
                "from" => r.from = v,
                #[cfg(xunyue_time)]
                "to" => r.to = v,
                #[cfg(xunyue_time)]
                "terms" => r.terms = v,
                #[cfg(xunyue_time)]
                "pg" if !v.is_empty() => r.pg = Some(v),
                #[cfg(xunyue_time)]
                "cur" if !v.is_empty() => r.cur = Some(v),
                #[cfg(xunyue_time)]
                "day" if !v.is_empty() => r.day = Some(v),
                _ => {}
            }
        }
        xunyue_core::sort::sort(&mut r.facets);
        r
    }
}

fn pair(k: &str, v: &str) -> String {
    let mut s = String::from(k);
    s.push('=');
    s.push_str(&encode(v));
    s
}

/// Percent-encodes everything but ASCII letters, digits and `-_.~:`.
pub fn encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    // Bytes, not chars: every link of a view is encoded on each keystroke.
    let mut out = Vec::with_capacity(s.len() * 3);
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b':') {
            out.push(b);
        } else {
            out.extend_from_slice(&[b'%', HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
        }
    }
    // Only ASCII was pushed.
    String::from_utf8(out).unwrap_or_default()
}

/// Decodes `%XX` escapes (and `+` as a space); invalid escapes and invalid
/// UTF-8 are kept as they are / replaced, never an error.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' if i + 2 < b.len() => {
                match (hex(b[i + 1]), hex(b[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push(h * 16 + l);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut r = Route {
            q: "青岛 华大&=%+#".into(),
            sort: Sort::Date,
            view: View::Kwic,
            kwic_sort: KwicSort::Right,
            open: Some("001_7e738b3ff5d7c164#2".into()),
            hit: 4,
            lang: Lang::En,
            ..Route::default()
        };
        r.toggle_facet(FacetKind::Org, "华大基因");
        r.toggle_facet(FacetKind::Year, "2024");
        r.all = FacetKind::Org.bit() | FacetKind::Keyword.bit();
        r.exact = true;
        let h = r.to_hash();
        assert!(!h[1..].contains('#'), "{h}");
        assert_eq!(Route::from_hash(&h), r);
    }

    #[test]
    fn garbage_gives_defaults() {
        let r = Route::from_hash("#q=%E9%9D&hit=abc&f=nokind:x&f=org:&sort=zzz&%%%&all=page&all=zz&exact=yes");
        assert_eq!(r.hit, 0);
        assert_eq!(r.all, 0, "only multi-valued facets have an all-of mode");
        assert!(!r.exact);
        assert!(r.facets.is_empty());
        assert_eq!(r.sort, Sort::Relevance);
        assert_eq!(r.q, "\u{fffd}");
        assert_eq!(Route::from_hash(""), Route::default());
        assert_eq!(Route::from_hash_in("#q=x", Lang::En).lang, Lang::En);
        assert_eq!(Route::from_hash_in("#q=x&lang=zh", Lang::En).lang, Lang::Zh);
    }

    #[test]
    fn toggle_twice_removes() {
        let mut r = Route::default();
        r.toggle_facet(FacetKind::Place, "青岛");
        assert!(r.has_facet(FacetKind::Place, "青岛"));
        r.toggle_facet(FacetKind::Place, "青岛");
        assert!(r.facets.is_empty());
    }

    #[test]
    fn actions() {
        let start = Route { q: "华大".into(), open: Some("a#1".into()), hit: 3, ..Route::default() };
        // A new query, a facet change, an entity: back to the list.
        for a in [Action::Search("青岛".into()), Action::Toggle(FacetKind::Org, "华大基因".into()), Action::Close] {
            let r = start.apply(&a);
            assert_eq!((r.open.as_deref(), r.hit), (None, 0), "{a:?}");
        }
        assert_eq!(start.apply(&Action::Search("青岛".into())).q, "青岛");
        // Select never unselects.
        let r = start.apply(&Action::Select(FacetKind::Place, "青岛".into()));
        assert!(r.has_facet(FacetKind::Place, "青岛"));
        assert!(r.apply(&Action::Select(FacetKind::Place, "青岛".into())).has_facet(FacetKind::Place, "青岛"));
        assert!(!r.apply(&Action::Toggle(FacetKind::Place, "青岛".into())).has_facet(FacetKind::Place, "青岛"));
        assert!(r.apply(&Action::ClearFacets).facets.is_empty());
        // Modes flip; exact only.
        let m = r.apply(&Action::Mode(FacetKind::Org));
        assert_eq!(m.all, FacetKind::Org.bit());
        assert_eq!(m.apply(&Action::Mode(FacetKind::Org)).all, 0);
        assert!(r.apply(&Action::Exact(true)).exact);
        // Hits wrap both ways; no hits, no step.
        assert_eq!(start.apply(&Action::Step(1, 4)).hit, 0);
        assert_eq!(start.apply(&Action::Step(-1, 4)).hit, 2);
        assert_eq!(Route::default().apply(&Action::Step(-1, 4)).hit, 3);
        assert_eq!(start.apply(&Action::Step(1, 0)).hit, 3);
        // A hit past the end (a hand-made link) steps from the last one.
        assert_eq!(Route { hit: 99, ..Route::default() }.apply(&Action::Step(-1, 5)).hit, 3);
        let o = Route::default().apply(&Action::Open("b#2".into(), 5));
        assert_eq!((o.open.as_deref(), o.hit), (Some("b#2"), 5));
        assert_eq!(Route::default().apply(&Action::Lang).lang, Lang::En);
        assert_eq!(start.apply(&Action::Sort(Sort::Date)).sort, Sort::Date);
        assert_eq!(start.apply(&Action::View(View::Kwic)).view, View::Kwic);
        assert_eq!(start.apply(&Action::KwicSort(KwicSort::Left)).kwic_sort, KwicSort::Left);
    }

    #[cfg(xunyue_time)]
    #[test]
    fn time_keys_round_trip_and_leave() {
        let r = Route {
            q: "基因".into(),
            sort: Sort::Oldest,
            from: "2021-03".into(),
            to: "2022".into(),
            terms: "基因,细胞".into(),
            pg: Some("p1".into()),
            cur: Some("p1#2".into()),
            day: Some("2021-03-04".into()),
            ..Route::default()
        };
        assert_eq!(Route::from_hash(&r.to_hash()), r);
        let range = r.range();
        assert_eq!(range.from.map(xunyue_core::date::iso).as_deref(), Some("2021-03-01"));
        assert_eq!(range.to.map(xunyue_core::date::iso).as_deref(), Some("2022-12-31"));
        assert!(Route { from: "2021-13".into(), ..Route::default() }.range().is_all(), "a range that does not read is open");
        // A new query or a range leaves the page views; closing the reader goes back to the page.
        let reading = Route { open: Some("p1#2".into()), ..r.clone() };
        assert_eq!(reading.apply(&Action::Close).pg.as_deref(), Some("p1"));
        assert_eq!(r.apply(&Action::Close).pg, None);
        let s = r.apply(&Action::Search("x".into()));
        assert_eq!((s.pg, s.day, s.terms.as_str()), (None, None, "基因,细胞"));
        let g = r.apply(&Action::Range("2021".into(), String::new()));
        assert_eq!((g.from.as_str(), g.to.as_str(), g.pg), ("2021", "", None));
        assert!(!Action::Terms("x".into()).push(&r));
    }

    #[test]
    fn history() {
        let list = Route::default();
        let reader = Route { open: Some("a#1".into()), ..Route::default() };
        assert!(!Action::Search("x".into()).push(&list), "typing replaces");
        assert!(Action::Search("x".into()).push(&reader), "leaving the reader by typing is a step back can undo");
        assert!(Action::Toggle(FacetKind::Org, "x".into()).push(&list));
        assert!(Action::Close.push(&reader));
        assert!(!Action::Step(1, 3).push(&reader));
        assert!(!Action::Lang.push(&list));
        assert!(!Action::KwicSort(KwicSort::Left).push(&list));
    }
}
