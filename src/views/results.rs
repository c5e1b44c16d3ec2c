//! The result list (with stats, sort, current refinements), the browse mode
//! for an empty query, and the empty state.

use crate::ctx::Ctx;
use crate::data::Data;
use crate::facets::FacetKind;
use crate::i18n::unit;
use crate::links::open_href;
use crate::marks::{marked, title_spans};
use crate::route::{Action, Sort, View};
#[cfg(not(xunyue_sharded))]
use crate::views::chart::chart;
use crate::views::concordance::kwic;
use crate::views::panel::chips;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Results rendered at first, and added by each "show more".
pub const PAGE: usize = 10;

/// The results pane: a plain function of the app.
pub fn results_view(ctx: &Ctx) -> Html {
    let d = &*ctx.data;
    let t = ctx.t();
    let ex = &ctx.explored;
    let route = &ctx.route;
    // Only the first results are rendered; "show more" adds a page (per query).
    let more = &ctx.ui.more;
    let limit = PAGE + if more.0 == ex.query() { more.1 } else { 0 };
    let shown = &ex.docs[..limit.min(ex.docs.len())];
    let show_more = (ex.docs.len() > limit && route.view == View::List).then(|| {
        let query = ex.query().to_string();
        // One more page than now.
        let onclick = ctx.on_ui(move |u| u.more = (query.clone(), limit));
        html! {
            <button type="button" class="show-more" {onclick}>
                { t.show_more }{ " (" }{ ex.docs.len() - limit }{ ")" }
            </button>
        }
    });

    let n = ex.docs.len();
    let exact = route.exact;
    let stats = if ex.browsing() || ex.only_excluded() {
        html! { <>{ n }{ " " }{ unit(n, t.articles_unit) }</> }
    } else {
        // "79 hits (21 exact · 58 apart)" when both kinds are there and all are shown.
        let split = (ex.split() && !route.exact).then(|| t.split(ex.exact_hits, ex.hits));
        html! {
            <>
                <strong>{ n }</strong>{ " " }{ unit(n, t.articles_unit) }{ " · " }
                <strong>{ ex.hits }</strong>{ " " }{ unit(ex.hits, t.hits_unit) }{ split }{ " · " }
                { t.stats_took }{ " " }{ fmt_ms(ex.searched.took_ms) }
            </>
        }
    };
    // What the reader should be told about the query.
    let mut notices: Vec<(&'static str, &'static str)> = Vec::new();
    if ex.only_excluded() {
        notices.push(("only-excluded", t.only_excluded));
    }
    if ex.partial() && n > 0 {
        notices.push(("partial", t.partial_notice));
    }
    if ex.lowercase_or() {
        notices.push(("lowercase-or", t.lowercase_or));
    }

    let on_sort = ctx.on(|e: Event| Some(Action::Sort(Sort::parse(&e.target_unchecked_into::<HtmlSelectElement>().value()))));
    // One handler for both view buttons: the second one is the concordance.
    let set_view = ctx.on(|e: MouseEvent| {
        let b = e.target_dyn_into::<web_sys::Element>()?.closest("button").ok()??;
        Some(Action::View(if b.has_attribute("data-kwic") { View::Kwic } else { View::List }))
    });
    let list = if route.view == View::List { "true" } else { "false" };
    let kwic_pressed = if route.view == View::Kwic { "true" } else { "false" };
    let sort_opt = |s: Sort, label: &'static str| {
        html! { <option value={s.code()} selected={route.sort == s}>{ label }</option> }
    };
    #[cfg(xunyue_time)]
    let (date_label, oldest) = {
        let tt = crate::time::t(route.lang);
        (tt.sort_newest, if d.has_dates() { sort_opt(Sort::Oldest, tt.sort_oldest) } else { Html::default() })
    };
    #[cfg(not(xunyue_time))]
    let (date_label, oldest) = (t.sort_date, Html::default());

    // Over a sharded archive, no "nothing found" while the view is still being read.
    #[cfg(xunyue_sharded)]
    let waiting = ex.docs.is_empty() && ctx.fetching != crate::shard::Fetching::Idle;
    #[cfg(not(xunyue_sharded))]
    let waiting = false;
    let body = if waiting {
        Html::default()
    } else if ex.docs.is_empty() {
        html! {
            <div class="empty" role="status">
                <p class="empty-title">{ t.no_results }</p>
                <p>{ if route.facets.is_empty() { t.no_results_hint } else { t.no_results_filters } }</p>
            </div>
        }
    } else if ex.browsing() {
        browse(ctx, d, shown)
    } else if route.view == View::Kwic {
        kwic(ctx)
    } else {
        html! {
            <ol class="results" aria-label={t.results}>
                { for shown.iter().map(|&doc| result_item(ctx, d, doc)) }
            </ol>
        }
    };

    // Hits per article, page by page: at archive scale (sharded) thousands of bars that would each need
    // their article's record; the timeline shows the matches through time instead.
    #[cfg(not(xunyue_sharded))]
    let chart = if ctx.full && ex.hits > 0 { chart(ctx) } else { Html::default() };
    #[cfg(xunyue_sharded)]
    let chart = Html::default();
    // Through time: the timeline above the results, terms over time, the results as files.
    #[cfg(xunyue_time)]
    let (timeline, trends, export) = (
        if ctx.full { crate::views::timeline::timeline(ctx) } else { Html::default() },
        if ctx.full { crate::views::trends::trends(ctx) } else { Html::default() },
        if n > 0 && !waiting { crate::views::cite::export(ctx, shown.to_vec()) } else { Html::default() },
    );
    #[cfg(not(xunyue_time))]
    let (timeline, trends, export) = (Html::default(), Html::default(), Html::default());
    #[cfg(xunyue_sharded)]
    let fetching = crate::views::archive::fetching(ctx);
    #[cfg(not(xunyue_sharded))]
    let fetching = Html::default();
    html! {
        <section class="results-pane" aria-labelledby="xunyue-results-h">
            { fetching }
            <h2 id="xunyue-results-h" class="visually-hidden">
                { if ex.browsing() { t.browse_heading } else { t.results } }
            </h2>
            <div class="toolbar">
                <p id="xunyue-stats" class="stats" role="status" aria-live="polite" data-total={ex.docs.len().to_string()}>{ stats }</p>
                <label class="sort">
                    <span>{ t.sort_label }</span>
                    <select onchange={on_sort}>
                        { sort_opt(Sort::Relevance, t.sort_relevance) }
                        if d.has_dates() { { sort_opt(Sort::Date, date_label) } }
                        { oldest }
                        { sort_opt(Sort::Page, t.sort_page) }
                    </select>
                </label>
                if ex.hits > 0 {
                    <div class="views" role="group" aria-label={t.view_kwic} onclick={set_view}>
                        <button type="button" aria-pressed={list}>{ t.view_list }</button>
                        <button type="button" aria-pressed={kwic_pressed} data-kwic="">{ t.view_kwic }</button>
                    </div>
                }
                if ex.split() || route.exact {
                    <button type="button" class="exact-only" aria-pressed={if route.exact { "true" } else { "false" }}
                        onclick={ctx.on(move |_: MouseEvent| Some(Action::Exact(!exact)))}>{ t.exact_only }</button>
                }
            </div>
            { export }
            { chips(ctx) }
            { timeline }
            { trends }
            { for notices.into_iter().map(|(code, text)| html! { <p class="notice" role="note" data-notice={code}>{ text }</p> }) }
            { chart }
            { body }
            { show_more }
        </section>
    }
}

/// `1.5 ms` under 10 ms, else `12 ms`, with integer formatting only (the
/// float formatter would add kilobytes to the wasm).
fn fmt_ms(ms: f64) -> String {
    let tenths = (ms * 10.0).round() as u64;
    let mut s = if ms < 10.0 { (tenths / 10).to_string() } else { (ms.round() as u64).to_string() };
    if ms < 10.0 && !tenths.is_multiple_of(10) {
        s.push('.');
        s.push(char::from(b'0' + (tenths % 10) as u8));
    }
    s.push_str(" ms");
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn milliseconds() {
        assert_eq!(super::fmt_ms(0.04), "0 ms");
        assert_eq!(super::fmt_ms(1.0), "1 ms");
        assert_eq!(super::fmt_ms(1.26), "1.3 ms");
        assert_eq!(super::fmt_ms(9.94), "9.9 ms");
        assert_eq!(super::fmt_ms(12.5), "13 ms");
    }
}

fn result_item(ctx: &Ctx, d: &Data, doc: u32) -> Html {
    let Some(a) = d.article(doc) else { return Html::default() };
    let t = ctx.t();
    let spans = ctx.explored.spans(doc);
    let title = match title_spans(&a, spans) {
        Some(ts) => marked(&a.title, &ts),
        None => html! { { a.title.clone() } },
    };
    // The engine's snippet, as the CLI shows it.
    let snip = ctx.explored.hit(doc).map(|h| d.snippet(h)).unwrap_or_default();
    let n = spans.len();
    let apart = ctx.explored.apart(doc);
    let mut missing = String::new();
    for m in ctx.explored.missing(doc) {
        if !missing.is_empty() {
            missing.push('、');
        }
        missing.push_str(m);
    }
    html! {
        <li key={a.id.as_str()} class="result" data-article-id={a.id.clone()} data-page={a.page.clone()} data-hits={n.to_string()} data-exact={if ctx.explored.exact(doc) { "true" } else { "false" }}>
            <h3 class="title"><a class="open" href={open_href(ctx, doc, 0)}>{ title }</a></h3>
            <p class="meta">{ d.meta(doc, t, false) }</p>
            <p class="snippet">{ marked(&snip.text, &snip.highlights) }</p>
            if n > 0 {
                <p class="hit-count"><span class="n">{ n }</span>{ " " }{ unit(n, t.hits_unit) }
                    if apart { <span class="badge">{ t.loose_match }</span> }
                    if !missing.is_empty() { <span class="missing">{ t.missing }{ missing }</span> }
                </p>
            }
        </li>
    }
}

/// Browse mode: every (filtered) article, grouped by page, with keywords.
fn browse(ctx: &Ctx, d: &Data, docs: &[u32]) -> Html {
    let t = ctx.t();
    let mut groups: Vec<(String, Vec<u32>)> = Vec::new();
    for &doc in docs {
        let Some(a) = d.article(doc) else { continue };
        match groups.iter_mut().find(|(p, _)| *p == a.page) {
            Some((_, v)) => v.push(doc),
            None => groups.push((a.page.clone(), vec![doc])),
        }
    }
    html! {
        <div class="browse">
            { for groups.into_iter().map(|(page, docs)| {
                let label = d.page_name(&page, t);
                let source = d.page_source(&page);
                html! {
                    <section class="page-group" data-page={page.clone()}>
                        <h3 class="page-title">{ label }
                            if let Some(s) = source { <span class="page-source">{ s }</span> }
                        </h3>
                        <ol class="results browse-list">
                            { for docs.iter().map(|&doc| browse_item(ctx, d, doc, t)) }
                        </ol>
                    </section>
                }
            }) }
        </div>
    }
}

fn browse_item(ctx: &Ctx, d: &Data, doc: u32, t: &'static crate::i18n::Strings) -> Html {
    let Some(a) = d.article(doc) else { return Html::default() };
    let kws = d.values(doc, FacetKind::Keyword);
    let lead: String = {
        let body = a
            .blocks
            .iter()
            .find(|b| b.kind == xunyue_core::BlockKind::Paragraph)
            .or_else(|| a.blocks.get(1))
            .map(|b| b.text.as_str())
            .unwrap_or("");
        let mut s: String = body.chars().take(90).collect();
        if body.chars().count() > 90 {
            s.push('…');
        }
        s
    };
    html! {
        <li key={a.id.as_str()} class="result" data-article-id={a.id.clone()} data-page={a.page.clone()} data-hits="0">
            <h4 class="title"><a class="open" href={open_href(ctx, doc, 0)}>{ a.title.clone() }</a></h4>
            <p class="meta">{ d.meta(doc, t, false) }</p>
            <p class="snippet">{ lead }</p>
            if !kws.is_empty() {
                <ul class="keywords" aria-label={t.keywords}>
                    { for kws.iter().take(6).map(|k| html! { <li>{ k.clone() }</li> }) }
                </ul>
            }
        </li>
    }
}
