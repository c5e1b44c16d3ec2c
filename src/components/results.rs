//! The result list (with stats, sort, current refinements), the browse mode
//! for an empty query, and the empty state.

use crate::app::Ctx;
use crate::components::chart::chart;
use crate::components::facets::chips;
use crate::components::kwic::kwic;
use crate::data::{data, Data};
use crate::marks::marked;
use crate::route::{Route, Sort, View};
use crate::snippets::{meta_line, snippets, title_spans};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Results rendered at first, and added by each "show more".
pub const PAGE: usize = 10;

/// "Show more" state of the result list and of the concordance: `(query, extra)`.
pub struct More {
    pub results: UseStateHandle<(String, usize)>,
    pub kwic: UseStateHandle<(String, usize)>,
}

/// The state of [`results_view`], kept by the app.
#[hook]
pub fn use_more() -> More {
    More { results: use_state(|| (String::new(), 0usize)), kwic: use_state(|| (String::new(), 0usize)) }
}

/// The results pane: a plain function of the app.
pub fn results_view(ctx: &Ctx, more: &More) -> Html {
    let (kwic_more, more) = (more.kwic.clone(), more.results.clone());
    let Some(d) = data() else { return Html::default() };
    let t = ctx.t();
    let ex = &ctx.explored;
    let route = &ctx.route;
    // Only the first results are rendered; "show more" adds a page (per query).
    let limit = PAGE + if more.0 == ex.query { more.1 } else { 0 };
    let shown = &ex.docs[..limit.min(ex.docs.len())];
    let show_more = (ex.docs.len() > limit && route.view == View::List).then(|| {
        let query = ex.query.clone();
        // One more page than now.
        let extra = limit;
        let onclick = Callback::from(move |_| more.set((query.clone(), extra)));
        html! {
            <button type="button" class="show-more" {onclick}>
                { t.show_more }{ " (" }{ ex.docs.len() - limit }{ ")" }
            </button>
        }
    });

    let stats = if ex.browsing() {
        html! { <>{ ex.docs.len() }{ " " }{ t.articles_unit }</> }
    } else {
        html! {
            <>
                <strong>{ ex.docs.len() }</strong>{ " " }{ t.articles_unit }{ " · " }
                <strong>{ ex.hits }</strong>{ " " }{ t.hits_unit }{ " · " }
                { t.stats_took }{ " " }{ fmt_ms(ex.took_ms) }
            </>
        }
    };

    let on_sort = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut n = ctx.next();
            n.sort = Sort::parse(&v);
            ctx.go.emit((n, true));
        })
    };
    // One handler for both view buttons: the second one is the concordance.
    let set_view = {
        let ctx = ctx.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(b) = e.target_dyn_into::<web_sys::Element>().and_then(|b| b.closest("button").ok().flatten()) else { return };
            let mut n = ctx.next();
            n.view = if b.has_attribute("data-kwic") { View::Kwic } else { View::List };
            ctx.go.emit((n, true));
        })
    };
    let list = if route.view == View::List { "true" } else { "false" };
    let kwic_pressed = if route.view == View::Kwic { "true" } else { "false" };
    let sort_opt = |s: Sort, label: &'static str| {
        html! { <option value={s.code()} selected={route.sort == s}>{ label }</option> }
    };

    let body = if ex.docs.is_empty() {
        html! {
            <div class="empty" role="status">
                <p class="empty-title">{ t.no_results }</p>
                <p>{ t.no_results_hint }</p>
            </div>
        }
    } else if ex.browsing() {
        browse(ctx, d, shown)
    } else if route.view == View::Kwic {
        kwic(ctx, kwic_more)
    } else {
        html! {
            <ol class="results" aria-label={t.results}>
                { for shown.iter().map(|&doc| result_item(ctx, d, doc)) }
            </ol>
        }
    };

    html! {
        <section class="results-pane" aria-labelledby="xunyue-results-h">
            <h2 id="xunyue-results-h" class="visually-hidden">
                { if ex.browsing() { t.browse_heading } else { t.results } }
            </h2>
            <div class="toolbar">
                <p id="xunyue-stats" class="stats" role="status" aria-live="polite">{ stats }</p>
                <label class="sort">
                    <span>{ t.sort_label }</span>
                    <select onchange={on_sort}>
                        { sort_opt(Sort::Relevance, t.sort_relevance) }
                        { sort_opt(Sort::Date, t.sort_date) }
                        { sort_opt(Sort::Page, t.sort_page) }
                    </select>
                </label>
                if !ex.browsing() {
                    <div class="views" role="group" aria-label={t.view_kwic} onclick={set_view}>
                        <button type="button" aria-pressed={list}>{ t.view_list }</button>
                        <button type="button" aria-pressed={kwic_pressed} data-kwic="">{ t.view_kwic }</button>
                    </div>
                }
            </div>
            { chips(ctx) }
            if ex.partial && !ex.docs.is_empty() { <p class="notice" role="note">{ t.partial_notice }</p> }
            if ctx.full && !ex.browsing() && !ex.docs.is_empty() { { chart(ctx) } }
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
    if ms < 10.0 && tenths % 10 != 0 {
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

/// The route that opens `doc` in the reader at hit `hit`.
pub fn open_route(ctx: &Ctx, d: &Data, doc: u32, hit: usize) -> Route {
    let mut n = ctx.next();
    n.open = d.engine.article(doc).map(|a| a.id.clone());
    n.hit = hit;
    n
}

/// A link that opens the reader: a real hash link, followed by the app's
/// one click handler (`app::link_click`).
pub fn open_link(ctx: &Ctx, d: &Data, doc: u32, hit: usize, class: &'static str, content: Html) -> Html {
    let href = open_route(ctx, d, doc, hit).to_hash();
    html! { <a {class} {href}>{ content }</a> }
}

fn result_item(ctx: &Ctx, d: &Data, doc: u32) -> Html {
    let Some(a) = d.engine.article(doc) else { return Html::default() };
    let t = ctx.t();
    let spans = ctx.explored.spans(doc);
    let text = d.engine.text(doc);
    let title = match title_spans(a, spans) {
        Some(ts) => marked(&a.title, &ts),
        None => html! { { a.title.clone() } },
    };
    let snips = match ctx.explored.hit(doc) {
        Some(h) if h.snippet.text.is_empty() => snippets(&text, &h.spans, &d.engine.snippet_for(h)),
        Some(h) => snippets(&text, &h.spans, &h.snippet),
        None => Vec::new(),
    };
    let n = spans.len();
    let loose = ctx.explored.hit(doc).is_some_and(|h| !h.exact);
    let apart = ctx.explored.apart(doc);
    html! {
        <li key={a.id.as_str()} class="result" data-article-id={a.id.clone()} data-page={a.page.clone()} data-hits={n.to_string()} data-exact={if loose { "false" } else { "true" }}>
            <h3 class="title">{ open_link(ctx, d, doc, 0, "open", title) }</h3>
            <p class="meta">{ meta_line(d, doc, t) }</p>
            { for snips.iter().map(|s| html! { <p class="snippet">{ marked(&s.text, &s.highlights) }</p> }) }
            <p class="hit-count"><span class="n">{ n }</span>{ " " }{ t.hits_unit }
                if apart { <span class="badge">{ t.loose_match }</span> }
            </p>
        </li>
    }
}

/// Browse mode: every (filtered) article, grouped by page, with keywords.
fn browse(ctx: &Ctx, d: &Data, docs: &[u32]) -> Html {
    let t = ctx.t();
    let mut groups: Vec<(String, Vec<u32>)> = Vec::new();
    for &doc in docs {
        let Some(a) = d.engine.article(doc) else { continue };
        match groups.iter_mut().find(|(p, _)| *p == a.page) {
            Some((_, v)) => v.push(doc),
            None => groups.push((a.page.clone(), vec![doc])),
        }
    }
    html! {
        <div class="browse">
            { for groups.into_iter().map(|(page, docs)| {
                let label = d.page_title(&page, t);
                let source = d.engine.corpus().pages.iter().find(|p| p.stem == page)
                    .and_then(|p| p.source.clone().map(|s| match &p.date { Some(dt) => { let mut s = s; s.push_str(" · "); s.push_str(dt); s } None => s }));
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
    let Some(a) = d.engine.article(doc) else { return Html::default() };
    let kws = d.facets.values(doc, crate::facets::FacetKind::Keyword);
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
            <h4 class="title">{ open_link(ctx, d, doc, 0, "open", html! { { a.title.clone() } }) }</h4>
            <p class="meta">{ meta_line(d, doc, t) }</p>
            <p class="snippet">{ lead }</p>
            if !kws.is_empty() {
                <ul class="keywords" aria-label={t.keywords}>
                    { for kws.iter().take(6).map(|k| html! { <li>{ k.clone() }</li> }) }
                </ul>
            }
        </li>
    }
}
