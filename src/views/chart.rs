//! A small SVG bar chart of hits per article, grouped by page; each bar
//! opens its article.

use crate::ctx::Ctx;
use crate::links::open_href;
use yew::prelude::*;

const H: u32 = 96;
const BAR: u32 = 18;
const GAP: u32 = 4;
const PAGE_GAP: u32 = 14;

/// A plain function, not a component: it has no state of its own and is
/// rebuilt with the results.
pub fn chart(ctx: &Ctx) -> Html {
    let d = &*ctx.data;
    let t = ctx.t();
    let ex = &ctx.explored;
    let mut docs = ex.docs.clone();
    xunyue_core::sort::sort(&mut docs);
    let max = docs.iter().map(|&doc| ex.spans(doc).len()).max().unwrap_or(0).max(1);
    let mut x = 0u32;
    let mut last_page: Option<&str> = None;
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for &doc in &docs {
        let Some(a) = d.article(doc) else { continue };
        if last_page != Some(a.page.as_str()) {
            if last_page.is_some() {
                x += PAGE_GAP;
            }
            labels.push(html! { <text x={x.to_string()} y={(H + 14).to_string()} class="axis">{ d.page_name(&a.page, t) }</text> });
            last_page = Some(a.page.as_str());
        }
        let n = ex.spans(doc).len();
        let h = ((n as u32 * (H - 12)) / max as u32).max(2);
        // Followed by the app's one link handler.
        let href = open_href(ctx, doc, 0);
        let mut tip = a.title.clone();
        tip.push_str(": ");
        tip.push_str(&n.to_string());
        tip.push(' ');
        tip.push_str(t.hits_unit);
        bars.push(html! {
            <a {href} class="bar" data-article-id-bar={a.id.clone()} aria-label={tip.clone()}>
                <title>{ tip }</title>
                <rect x={x.to_string()} y={(H - h).to_string()} width={BAR.to_string()} height={h.to_string()} rx="2" />
                <text x={(x + BAR / 2).to_string()} y={(H - h - 2).to_string()} class="count" text-anchor="middle">{ n }</text>
            </a>
        });
        x += BAR + GAP;
    }
    // Room for the last page label.
    let w = x + 28;
    let mut view_box = String::from("0 -12 ");
    view_box.push_str(&w.to_string());
    view_box.push(' ');
    view_box.push_str(&(H + 30).to_string());
    html! {
        <figure class="chart">
            <figcaption>{ t.chart_title }</figcaption>
            <svg viewBox={view_box} width={w.to_string()} height={(H + 30).to_string()} role="group" aria-label={t.chart_title}>
                { for bars }
                { for labels }
            </svg>
        </figure>
    }
}
