//! The concordance table over the filtered articles.

use crate::ctx::Ctx;
use crate::kwic::{cmp_left, cmp_right, lines, Line};
use crate::links::open_href;
use crate::route::{Action, KwicSort};
use xunyue_core::sort::sort_by;
use web_sys::Element;
use yew::prelude::*;

/// Rows rendered at first, and added by each "show more".
const PAGE_ROWS: usize = 100;

/// A plain function of the results view, which keeps its "show more" state
/// (`(query, extra rows)`).
pub fn kwic(ctx: &Ctx, more: UseStateHandle<(String, usize)>) -> Html {
    let d = &*ctx.data;
    let t = ctx.t();
    let ex = &ctx.explored;
    let mut rows: Vec<Line> = ex
        .docs
        .iter()
        .flat_map(|&doc| lines(doc, &d.text(doc), ex.spans(doc)))
        .collect();
    match ctx.route.kwic_sort {
        KwicSort::Position => {}
        KwicSort::Left => sort_by(&mut rows, cmp_left),
        KwicSort::Right => sort_by(&mut rows, cmp_right),
    }
    // Only the first rows are rendered; "show more" adds a page (per query).
    let limit = PAGE_ROWS + if more.0 == ex.query() { more.1 } else { 0 };
    let rest = rows.len().saturating_sub(limit);
    rows.truncate(limit);
    let show_more = (rest > 0).then(|| {
        let query = ex.query().to_string();
        let onclick = Callback::from(move |_| more.set((query.clone(), limit)));
        html! { <button type="button" class="show-more" {onclick}>{ t.show_more }{ " (" }{ rest }{ ")" }</button> }
    });
    // One handler for the three sort buttons: the button's `data-ks` is the order.
    let onclick = ctx.on(|e: MouseEvent| {
        let b = e.target_dyn_into::<Element>()?.closest("[data-ks]").ok()??;
        Some(Action::KwicSort(KwicSort::parse(&b.get_attribute("data-ks")?)))
    });
    let current = ctx.route.kwic_sort;
    let aria_sort = |s: KwicSort| if current == s { "ascending" } else { "none" };
    html! {
        <>
            <div class="kwic-sorts" role="group" aria-label={t.sort_label} {onclick}>
                { sort_button(current, KwicSort::Position, t.sort_by_order) }
                { sort_button(current, KwicSort::Left, t.sort_by_left) }
                { sort_button(current, KwicSort::Right, t.sort_by_right) }
            </div>
            <div class="kwic-scroll">
            <table class="kwic" aria-label={t.kwic_caption}>
                <thead><tr>
                    <th scope="col" class="left" aria-sort={aria_sort(KwicSort::Left)}>{ t.kwic_left }</th>
                    <th scope="col" class="key">{ t.kwic_hit }</th>
                    <th scope="col" class="right" aria-sort={aria_sort(KwicSort::Right)}>{ t.kwic_right }</th>
                    <th scope="col" class="doc">{ t.kwic_article }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|l| {
                        // The row and its link open the reader through the app's one link handler.
                        let href = open_href(ctx, l.doc, l.hit);
                        let title = d.article(l.doc).map(|a| a.title.clone()).unwrap_or_default();
                        let id = d.article(l.doc).map(|a| a.id.clone()).unwrap_or_default();
                        html! {
                            <tr data-doc={id} data-hit={l.hit.to_string()}>
                                <td class="left"><span>{ l.left.clone() }</span></td>
                                <td class="key"><a {href}><mark>{ l.key.clone() }</mark></a></td>
                                <td class="right">{ l.right.clone() }</td>
                                <td class="doc">{ title }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
            { show_more }
        </>
    }
}

fn sort_button(current: KwicSort, s: KwicSort, label: &'static str) -> Html {
    let class = match s {
        KwicSort::Position => "kwic-sort pos",
        KwicSort::Left => "kwic-sort left",
        KwicSort::Right => "kwic-sort right",
    };
    let pressed = if current == s { "true" } else { "false" };
    html! { <button type="button" {class} data-ks={s.code()} aria-pressed={pressed}>{ label }</button> }
}
