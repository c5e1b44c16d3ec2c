//! The views of time, beside the explorer's own (`cfg(xunyue_time)`): what
//! they show besides the results ([`Extras`]: terms over time, the page as
//! printed, a day's pages), computed with the route's view by the same
//! rule as the rest (in the sharded build, once every file they read is
//! in), and their strings.

use crate::data::Data;
use crate::i18n::Lang;
use crate::route::Route;
use xunyue_core::date::parse;
use xunyue_engine::source::{Faults, Got};
use xunyue_engine::time::terms::split_terms;
use xunyue_engine::time::{PageView, TermsOverTime};

/// What the views of time show for a route, besides the timeline (which
/// comes with the results, `crate::explore`).
#[derive(Default)]
pub struct Extras {
    /// Terms over time, when the route asks for terms.
    pub trends: Option<TermsOverTime>,
    /// The page as printed, when the route opens one.
    pub page: Option<PageView>,
    /// A day's pages, when the route opens a day: the day as asked, its pages.
    pub day: Option<(String, Vec<PageView>)>,
}

/// The extras of route `r`, or the files they need (the postings of the
/// terms, the records of the articles of the pages shown).
pub fn extras(d: &Data, r: &Route) -> Got<Extras> {
    let mut faults = Faults::default();
    let terms = split_terms(&r.terms);
    let trends = if terms.is_empty() { None } else { faults.take(d.terms_over_time(&terms, r.range())) };
    let page = r.pg.as_deref().and_then(|s| d.page_view(s));
    let day = r.day.as_deref().map(|s| {
        let pages = parse(s).map(|day| d.pages_on(day)).unwrap_or_default();
        (s.to_string(), pages.into_iter().filter_map(|p| d.page_view_at(p)).collect::<Vec<_>>())
    });
    let shown = page.iter().chain(day.iter().flat_map(|(_, ps)| ps.iter()));
    for p in shown {
        for doc in p.docs.clone() {
            faults.take(d.try_article(doc));
        }
    }
    faults.done()?;
    Ok(Extras { trends, page, day })
}

/// The styles of the views of time.
const CSS: &str = include_str!("../static/time.css");

/// Adopts the styles of the views of time into the document or shadow root
/// holding `el`, once: a constructed stylesheet (CSSOM, which a strict
/// `style-src 'self'` allows, unlike a `<style>` element). False where the
/// browser cannot (no constructed stylesheets): the views show unstyled.
pub fn adopt_styles(el: &web_sys::Element) -> bool {
    use js_sys::{Array, Function, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let root: JsValue = el.get_root_node().into();
    let key = JsValue::from_str("adoptedStyleSheets");
    let Some(sheets) = Reflect::get(&root, &key).ok().and_then(|s| s.dyn_into::<Array>().ok()) else { return false };
    let global = js_sys::global();
    let Some(ctor) = Reflect::get(&global, &"CSSStyleSheet".into()).ok().and_then(|c| c.dyn_into::<Function>().ok()) else { return false };
    // Already adopted (another explorer of the same document).
    let mark = JsValue::from_str("xunyueTime");
    if sheets.iter().any(|s| Reflect::get(&s, &mark).is_ok_and(|m| m.is_truthy())) {
        return true;
    }
    let Ok(sheet) = Reflect::construct(&ctor, &Array::new()) else { return false };
    let Some(replace) = Reflect::get(&sheet, &"replaceSync".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) else { return false };
    if replace.call1(&sheet, &CSS.into()).is_err() {
        return false;
    }
    Reflect::set(&sheet, &mark, &JsValue::TRUE).ok();
    let all = Array::from(&sheets);
    all.push(&sheet);
    Reflect::set(&root, &key, &all).is_ok()
}

/// The strings of the views of time, in Chinese and English.
pub struct T {
    pub timeline: &'static str,
    /// Units of a bar: issues (no query) and matching articles.
    pub issues_unit: &'static str,
    pub articles_unit: &'static str,
    /// Per grain: day, week, month, year.
    pub by: [&'static str; 4],
    pub all_dates: &'static str,
    pub dates: &'static str,
    pub undated: &'static str,
    pub no_dates: &'static str,
    pub sort_oldest: &'static str,
    pub sort_newest: &'static str,
    pub trends: &'static str,
    pub trends_hint: &'static str,
    pub per_10k: &'static str,
    pub raw: &'static str,
    pub table: &'static str,
    pub period: &'static str,
    pub chars: &'static str,
    pub hits: &'static str,
    pub as_printed: &'static str,
    pub prev_page: &'static str,
    pub next_page: &'static str,
    pub prev_issue: &'static str,
    pub next_issue: &'static str,
    pub day_pages: &'static str,
    pub pages_of: &'static str,
    pub no_page: &'static str,
    pub cite: &'static str,
    pub permalink: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub export: &'static str,
    pub export_csv: &'static str,
    pub export_jsonl: &'static str,
    pub export_kwic: &'static str,
    pub find: &'static str,
}

static ZH: T = T {
    timeline: "时间线",
    issues_unit: "期",
    articles_unit: "篇",
    by: ["按日", "按周", "按月", "按年"],
    all_dates: "全部日期",
    dates: "日期",
    undated: "篇无日期",
    no_dates: "此范围内没有文章",
    sort_oldest: "日期（最早在前）",
    sort_newest: "日期（最新在前）",
    trends: "词频趋势",
    trends_hint: "比较至多 4 个词，用逗号分隔",
    per_10k: "每万字",
    raw: "次数",
    table: "表格",
    period: "时间",
    chars: "字数",
    hits: "次",
    as_printed: "整版",
    prev_page: "上一版",
    next_page: "下一版",
    prev_issue: "上一期同版",
    next_issue: "下一期同版",
    day_pages: "当日各版",
    pages_of: "各版",
    no_page: "档案中没有这一版",
    cite: "引用",
    permalink: "永久链接",
    copy: "复制",
    copied: "已复制",
    export: "导出",
    export_csv: "结果 CSV",
    export_jsonl: "结果 JSONL",
    export_kwic: "索引行 CSV",
    find: "查找",
};

static EN: T = T {
    timeline: "Timeline",
    issues_unit: "issues",
    articles_unit: "articles",
    by: ["by day", "by week", "by month", "by year"],
    all_dates: "All dates",
    dates: "Dates",
    undated: "undated",
    no_dates: "No article in this range",
    sort_oldest: "Date (oldest first)",
    sort_newest: "Date (newest first)",
    trends: "Terms over time",
    trends_hint: "Compare up to 4 terms, comma-separated",
    per_10k: "per 10,000 chars",
    raw: "hits",
    table: "Table",
    period: "Period",
    chars: "Chars",
    hits: "hits",
    as_printed: "The page as printed",
    prev_page: "Previous page",
    next_page: "Next page",
    prev_issue: "Same page, previous issue",
    next_issue: "Same page, next issue",
    day_pages: "That day's pages",
    pages_of: "pages",
    no_page: "This page is not in the archive",
    cite: "Cite",
    permalink: "Permalink",
    copy: "Copy",
    copied: "Copied",
    export: "Export",
    export_csv: "Results CSV",
    export_jsonl: "Results JSONL",
    export_kwic: "Concordance CSV",
    find: "Find",
};

pub fn t(lang: Lang) -> &'static T {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// `v` with two decimals, by integer formatting (the float formatter
/// costs kilobytes of wasm).
pub fn decimal2(v: f64) -> String {
    let c = (v * 100.0).round().max(0.0) as u64;
    let mut s = (c / 100).to_string();
    s.push('.');
    s.push(char::from(b'0' + (c / 10 % 10) as u8));
    s.push(char::from(b'0' + (c % 10) as u8));
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimals() {
        assert_eq!(super::decimal2(0.0), "0.00");
        assert_eq!(super::decimal2(3.14159), "3.14");
        assert_eq!(super::decimal2(12.006), "12.01");
        assert_eq!(super::decimal2(99.999), "100.00");
    }
}
