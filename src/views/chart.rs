//! A small SVG bar chart of hits per article, grouped by page (each group
//! labelled under a line that spans its bars); a bar shows the hits that are
//! the query as typed and those found apart, and opens its article.

use crate::ctx::Ctx;
use crate::links::open_href;
use crate::i18n::unit;
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
    let max = docs.iter().map(|&doc| ex.count(doc)).max().unwrap_or(0).max(1) as u32;
    let scale = |n: usize| n as u32 * (H - 12) / max;
    let mut x = 0u32;
    // Per page: its stem, where its bars start and end, its bars.
    let mut groups: Vec<(String, u32, u32, Vec<Html>)> = Vec::new();
    for &doc in &docs {
        let Some(a) = d.article(doc) else { continue };
        if groups.last().is_none_or(|g| g.0 != a.page) {
            if let Some(g) = groups.last() {
                // Room for the last group's label, which may be wider than its bars.
                let label = g.0.as_str();
                let width = d.page_name(label, t).chars().map(|c| if c.is_ascii() { 7 } else { 11 }).sum::<u32>();
                x = x.max(g.1 + width) + PAGE_GAP;
            }
            groups.push((a.page.clone(), x, x, Vec::new()));
        }
        let n = ex.count(doc);
        let exact = ex.hit(doc).map(|h| h.exact_hits as usize).unwrap_or(0);
        let h = scale(n).max(2);
        let he = scale(exact).min(h);
        let mut tip = a.title.clone();
        tip.push_str(": ");
        tip.push_str(&n.to_string());
        tip.push(' ');
        tip.push_str(unit(n, t.hits_unit));
        if exact > 0 && exact < n {
            tip.push_str(&t.split(exact, n));
        }
        let bar = html! {
            // Followed by the app's one link handler.
            <a href={open_href(ctx, doc, 0)} class="bar" data-article-id-bar={a.id.clone()}
                data-hits={n.to_string()} data-exact-hits={exact.to_string()} aria-label={tip.clone()}>
                <title>{ tip }</title>
                if h > he {
                    <rect class="apart" x={x.to_string()} y={(H - h).to_string()} width={BAR.to_string()} height={(h - he).to_string()} />
                }
                if he > 0 {
                    <rect class="exact" x={x.to_string()} y={(H - he).to_string()} width={BAR.to_string()} height={he.to_string()} />
                }
                <text x={(x + BAR / 2).to_string()} y={(H - h - 2).to_string()} class="count" text-anchor="middle">{ n }</text>
            </a>
        };
        if let Some(g) = groups.last_mut() {
            g.2 = x + BAR;
            g.3.push(bar);
        }
        x += BAR + GAP;
    }
    let w = x + 60;
    let mut view_box = String::from("0 -12 ");
    view_box.push_str(&w.to_string());
    view_box.push(' ');
    view_box.push_str(&(H + 30).to_string());
    html! {
        <figure class="chart">
            <figcaption>{ t.chart_title }
                if ex.split() {
                    <span class="legend exact">{ t.exact_word }</span><span class="legend apart">{ t.apart_word }</span>
                }
            </figcaption>
            <svg viewBox={view_box} width={w.to_string()} height={(H + 30).to_string()} role="group" aria-label={t.chart_title}>
                { for groups.into_iter().map(|(page, x0, end, bars)| html! {
                    <g class="page">
                        { for bars }
                        <line x1={x0.to_string()} x2={end.to_string()} y1={(H + 2).to_string()} y2={(H + 2).to_string()} />
                        <text x={x0.to_string()} y={(H + 16).to_string()} class="axis">{ d.page_name(&page, t) }</text>
                    </g>
                }) }
            </svg>
        </figure>
    }
}
