//! The timeline: the archive's dates as bars above the results, issues per
//! bucket without a query, matching articles with one (or with filters).
//! Each bar is a link that keeps the results to its bucket (`from=`/`to=`)
//! and shows that bucket finer (a year by months, a month by days); a drag
//! across bars keeps their span. Links are keyboard-operable, and each says
//! its count in words for screen readers.

use crate::ctx::Ctx;
use crate::route::Action;
use crate::time::t;
use wasm_bindgen::JsCast;
use web_sys::Element;
use xunyue_core::date::Grain;
use yew::prelude::*;

/// Heights of a bar, in steps (CSS classes `h0` … `h20`: no inline styles under the CSP).
const STEPS: u32 = 20;

/// The height step of `n` of `max` (a bar with any count shows).
pub fn step(n: u32, max: u32) -> u32 {
    if n == 0 || max == 0 {
        0
    } else {
        (n * STEPS).div_ceil(max).clamp(1, STEPS)
    }
}

/// The grain's name in the reader's language.
pub fn grain_name(g: Grain, by: &[&'static str; 4]) -> &'static str {
    by[Grain::ALL.iter().position(|&x| x == g).unwrap_or(0)]
}

pub fn timeline(ctx: &Ctx) -> Html {
    let Some(tl) = &ctx.explored.timeline else { return Html::default() };
    let tt = t(ctx.route.lang);
    let r = &ctx.route;
    // Counted: issues when browsing the whole archive, else the articles that match.
    let matching = !ctx.explored.browsing() || !r.facets.is_empty();
    let n = |b: &xunyue_engine::time::Bucket| if matching { b.matching } else { b.issues };
    let max = tl.buckets.iter().map(n).max().unwrap_or(0);
    let unit = if matching { tt.articles_unit } else { tt.issues_unit };
    let total: u32 = tl.buckets.iter().map(n).sum();
    let range = r.range();
    let go = ctx.go.latest();
    // A drag from one bar to another keeps their span (a click on one bar is its link).
    let down = {
        let ui = ctx.ui.clone();
        Callback::from(move |e: MouseEvent| {
            let key = e.target_dyn_into::<Element>().and_then(|el| el.closest("[data-key]").ok().flatten()).and_then(|b| b.get_attribute("data-key"));
            if key.is_some() && e.button() == 0 {
                let mut u = (*ui).clone();
                u.brush = key;
                ui.set(u);
            }
        })
    };
    let up = {
        let (ui, go) = (ctx.ui.clone(), ctx.go.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(start) = ui.brush.clone() else { return };
            let mut u = (*ui).clone();
            u.brush = None;
            ui.set(u);
            let el = e.target().and_then(|t| t.dyn_into::<Element>().ok());
            let Some(end) = el.and_then(|el| el.closest("[data-key]").ok().flatten()).and_then(|b| b.get_attribute("data-key")) else { return };
            if end != start {
                let (a, b) = if start < end { (start, end) } else { (end, start) };
                e.prevent_default();
                go.act(Action::Range(a, b));
            }
        })
    };
    let mut caption = String::from(grain_name(tl.grain, &tt.by));
    if let (Some(a), Some(b)) = (tl.buckets.first(), tl.buckets.last()) {
        caption.push_str(" · ");
        caption.push_str(&a.key);
        if a.key != b.key {
            caption.push_str(" – ");
            caption.push_str(&b.key);
        }
    }
    caption.push_str(" · ");
    caption.push_str(&total.to_string());
    caption.push(' ');
    caption.push_str(unit);
    if tl.undated > 0 && range.is_all() {
        caption.push_str(" · ");
        caption.push_str(&tl.undated.to_string());
        caption.push(' ');
        caption.push_str(tt.undated);
    }
    let brushing = ctx.ui.brush.clone();
    html! {
        <figure class="timeline" data-grain={tl.grain.code()} data-unit={if matching { "articles" } else { "issues" }}
            aria-labelledby="xunyue-tl-h">
            <figcaption>
                <h2 id="xunyue-tl-h" class="tl-h">{ tt.timeline }</h2>
                <span class="tl-sum">{ caption }</span>
                if !range.is_all() {
                    <a class="tl-all" href={go.apply(&Action::Range(String::new(), String::new())).to_hash()}>{ tt.all_dates }</a>
                }
            </figcaption>
            if tl.buckets.is_empty() {
                <p class="tl-empty">{ tt.no_dates }</p>
            } else {
                <div class="bars" onmousedown={down} onmouseup={up} data-buckets={tl.buckets.len().to_string()}>
                    { for tl.buckets.iter().map(|b| {
                        let c = n(b);
                        let mut label = b.key.clone();
                        label.push_str("：");
                        label.push_str(&c.to_string());
                        label.push(' ');
                        label.push_str(unit);
                        let href = go.apply(&Action::Range(b.key.clone(), b.key.clone())).to_hash();
                        let mut class = String::from("bar h");
                        class.push_str(&step(c, max).to_string());
                        if brushing.as_deref() == Some(b.key.as_str()) {
                            class.push_str(" brush");
                        }
                        html! {
                            <a {class} href={href} data-key={b.key.clone()} data-n={c.to_string()} data-articles={b.articles.to_string()}
                                aria-label={label.clone()} title={label} draggable="false"><i></i></a>
                        }
                    }) }
                </div>
            }
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_show_any_count_and_scale_to_the_highest() {
        assert_eq!(step(0, 10), 0);
        assert_eq!(step(1, 1000), 1, "one article still shows");
        assert_eq!(step(10, 10), STEPS);
        assert_eq!(step(5, 10), 10);
        assert_eq!(step(3, 0), 0);
    }
}
