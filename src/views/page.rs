//! The page as printed (`pg=<stem>`, the article it was opened from marked
//! by `cur=`): its articles in reading order, the previous and next page of
//! its issue, the same page of the previous and next issue; and a day's
//! pages (`day=`), paper by paper.

use crate::ctx::Ctx;
use crate::route::{Action, Route};
use crate::time::t;
use xunyue_engine::time::PageView;
use yew::prelude::*;

/// The page or day view of the route.
pub fn pages(ctx: &Ctx) -> Html {
    let tt = t(ctx.route.lang);
    let back = ctx.on(|_: MouseEvent| Some(Action::Close));
    let x = &ctx.explored.time;
    #[cfg(xunyue_sharded)]
    let (fetching, waiting) = (crate::views::archive::fetching(ctx), ctx.fetching != crate::shard::Fetching::Idle);
    #[cfg(not(xunyue_sharded))]
    let (fetching, waiting) = (Html::default(), false);
    let body = match (&x.page, &x.day) {
        (Some(p), _) => page(ctx, p),
        (None, Some((day, pages))) => day_view(ctx, day, pages),
        (None, None) if waiting => Html::default(),
        // Not (yet) known: a page not in the archive, or a view still being read.
        (None, None) => html! { <p class="empty" role="status">{ tt.no_page }</p> },
    };
    html! {
        <section class="pages">
            { fetching }
            <button type="button" class="back" onclick={back}>{ "← " }{ ctx.t().back }</button>
            { body }
        </section>
    }
}

/// The route showing page `stem` (nothing marked), from the latest route.
fn page_route(go: &Route, stem: &str) -> Route {
    Route { pg: Some(stem.to_string()), cur: None, day: None, open: None, hit: 0, ..go.clone() }
}

fn heading(ctx: &Ctx, p: &PageView) -> String {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(p.source.clone());
    parts.extend(p.date.clone());
    parts.push(ctx.data.page_name(&p.stem, ctx.t()));
    parts.join(" · ")
}

fn page(ctx: &Ctx, p: &PageView) -> Html {
    let tt = t(ctx.route.lang);
    let d = &*ctx.data;
    let go = ctx.go.latest();
    let nav = |to: Option<u32>, label: &'static str, rel: &'static str| match to.and_then(|q| d.stem(q)) {
        Some(stem) => html! { <a class="nav" data-rel={rel} href={page_route(&go, stem).to_hash()}>{ label }</a> },
        None => html! { <span class="nav off" data-rel={rel} aria-disabled="true">{ label }</span> },
    };
    let day_link = p.date.clone().map(|date| {
        let r = Route { day: Some(date), pg: None, cur: None, open: None, hit: 0, ..(*go).clone() };
        html! { <a class="nav" data-rel="day" href={r.to_hash()}>{ tt.day_pages }</a> }
    });
    let cur = ctx.route.cur.as_deref();
    html! {
        <section class="page-view" data-page={p.stem.clone()} aria-labelledby="xunyue-page-h">
            <h2 id="xunyue-page-h" class="page-h">{ heading(ctx, p) }</h2>
            <nav class="page-nav" aria-label={tt.as_printed}>
                { nav(p.prev, tt.prev_page, "prev") }
                { nav(p.next, tt.next_page, "next") }
                { nav(p.prev_issue, tt.prev_issue, "prev-issue") }
                { nav(p.next_issue, tt.next_issue, "next-issue") }
                { for day_link }
            </nav>
            <ol class="page-articles">
                { for p.docs.clone().map(|doc| {
                    let Some(a) = d.article(doc) else { return Html::default() };
                    let here = cur == Some(a.id.as_str());
                    // Opened from here, the reader's Back comes here again.
                    let open = Route { open: Some(a.id.clone()), hit: 0, cur: Some(a.id.clone()), ..(*go).clone() };
                    let lead: String = a.blocks.iter().find(|b| b.kind == xunyue_core::BlockKind::Paragraph).map(|b| b.text.chars().take(80).collect()).unwrap_or_default();
                    html! {
                        <li class={classes!("page-article", here.then_some("current"))} data-article-id={a.id.clone()}
                            aria-current={if here { "true" } else { "false" }}>
                            <h3 class="title"><a class="open" href={open.to_hash()}>{ a.title.clone() }</a></h3>
                            if let Some(b) = &a.byline { <p class="meta">{ b.clone() }</p> }
                            <p class="snippet">{ lead }</p>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

fn day_view(ctx: &Ctx, day: &str, pages: &[PageView]) -> Html {
    let tt = t(ctx.route.lang);
    let d = &*ctx.data;
    let go = ctx.go.latest();
    let mut h = day.to_string();
    h.push(' ');
    h.push_str(tt.pages_of);
    html! {
        <section class="day-view" data-day={day.to_string()} aria-labelledby="xunyue-day-h">
            <h2 id="xunyue-day-h" class="page-h">{ h }</h2>
            if pages.is_empty() { <p class="empty" role="status">{ tt.no_page }</p> }
            <ol class="day-pages">
                { for pages.iter().map(|p| {
                    let mut name = String::new();
                    if let Some(s) = &p.source {
                        name.push_str(s);
                        name.push_str(" · ");
                    }
                    name.push_str(&d.page_name(&p.stem, ctx.t()));
                    html! {
                        <li class="day-page" data-page={p.stem.clone()}>
                            <h3><a class="open-page" href={page_route(&go, &p.stem).to_hash()}>{ name }</a></h3>
                            <ul class="day-titles">
                                { for p.docs.clone().filter_map(|doc| d.article(doc)).map(|a| html! { <li>{ a.title.clone() }</li> }) }
                            </ul>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
