//! The concordance table over the filtered articles: a row per hit, saying
//! whether the hit is the query as typed or one of its words found apart;
//! sorted by position, or by the context left or right of the hit in the
//! browser's collation for Chinese (pinyin).

use crate::ctx::Ctx;
use crate::kwic::{lines, sort_key, Line};
use crate::links::open_href;
use crate::route::{Action, KwicSort};
use js_sys::{Array, Function, Intl, Object};
use wasm_bindgen::JsValue;
use web_sys::Element;
use xunyue_core::sort::{apply, sort_by};
use yew::prelude::*;

/// Rows rendered at first, and added by each "show more".
pub const PAGE_ROWS: usize = 100;

/// A plain function of the results view.
pub fn kwic(ctx: &Ctx) -> Html {
    let d = &*ctx.data;
    let t = ctx.t();
    let ex = &ctx.explored;
    let mut rows: Vec<Line> = ex
        .docs
        .iter()
        .flat_map(|&doc| lines(doc, &d.text(doc), ex.spans(doc)))
        .collect();
    let ks = ctx.route.kwic_sort;
    if ks != KwicSort::Position {
        let left = ks == KwicSort::Left;
        let keys: Vec<JsValue> = rows.iter().map(|l| sort_key(if left { &l.left } else { &l.right }, left).into()).collect();
        let compare: Function = Intl::Collator::new(&Array::of1(&"zh-u-co-pinyin".into()), &Object::new()).compare();
        let cmp = |a: usize, b: usize| compare.call2(&JsValue::NULL, &keys[a], &keys[b]).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        // Rows come in position order: ties keep it.
        let mut order: Vec<u32> = (0..rows.len() as u32).collect();
        sort_by(&mut order, |&a, &b| cmp(a as usize, b as usize).total_cmp(&0.0));
        apply(&mut rows, &order);
    }
    // Only the first rows are rendered; "show more" adds a page (per query).
    let more = &ctx.ui.more_rows;
    let limit = PAGE_ROWS + if more.0 == ex.query() { more.1 } else { 0 };
    // Of every hit (a sharded archive reads the texts of the rows on screen only).
    let rest = ex.hits.max(rows.len()).saturating_sub(limit);
    rows.truncate(limit);
    let show_more = (rest > 0).then(|| {
        let query = ex.query().to_string();
        let onclick = ctx.on_ui(move |u| u.more_rows = (query.clone(), limit));
        html! { <button type="button" class="show-more" {onclick}>{ t.show_more }{ " (" }{ rest }{ ")" }</button> }
    });
    // One handler for the three sort buttons: the button's `data-ks` is the order.
    let onclick = ctx.on(|e: MouseEvent| {
        let b = e.target_dyn_into::<Element>()?.closest("[data-ks]").ok()??;
        Some(Action::KwicSort(KwicSort::parse(&b.get_attribute("data-ks")?)))
    });
    let current = ctx.route.kwic_sort;
    let aria_sort = |s: KwicSort| if current == s { "ascending" } else { "none" };
    let pressed = |s: KwicSort| if current == s { "true" } else { "false" };
    html! {
        <>
            <div class="kwic-sorts" role="group" aria-label={t.sort_label} {onclick}>
                <button type="button" class="kwic-sort pos" data-ks="pos" aria-pressed={pressed(KwicSort::Position)}>{ t.sort_by_order }</button>
                <button type="button" class="kwic-sort left" data-ks="left" aria-pressed={pressed(KwicSort::Left)}>{ t.sort_by_left }</button>
                <button type="button" class="kwic-sort right" data-ks="right" aria-pressed={pressed(KwicSort::Right)}>{ t.sort_by_right }</button>
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
                        let exact = ex.exact(l.doc);
                        html! {
                            <tr data-doc={id} data-hit={l.hit.to_string()} data-exact={if exact { "true" } else { "false" }}>
                                <td class="left"><span>{ l.left.clone() }</span></td>
                                <td class="key"><a {href}><mark title={(!exact).then_some(t.apart_word)}>{ l.key.clone() }</mark></a></td>
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
