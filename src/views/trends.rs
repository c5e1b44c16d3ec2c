//! Terms over time: one to four comma-separated terms (`terms=`), their
//! hits per bucket of the timeline as lines, per 10,000 chars printed in
//! the bucket or as raw counts, the exact figures under the pointer and in
//! a table; each point links to that term's matches in that bucket.

use crate::ctx::Ctx;
use crate::route::{Action, Route};
use crate::time::{decimal2, t};
use web_sys::HtmlInputElement;
use xunyue_engine::time::TermsOverTime;
use yew::prelude::*;

/// The chart's drawing box (SVG user units).
const W: f64 = 600.0;
const H: f64 = 160.0;
const PAD: f64 = 8.0;

/// Where the point of value `v` (of `max`) at bucket `i` of `n` is drawn.
pub fn point(i: usize, n: usize, v: f64, max: f64) -> (f64, f64) {
    let x = if n <= 1 { W / 2.0 } else { PAD + (W - 2.0 * PAD) * i as f64 / (n - 1) as f64 };
    let y = if max <= 0.0 { H - PAD } else { H - PAD - (H - 2.0 * PAD) * (v / max) };
    (x, y)
}

/// One decimal place's worth of SVG coordinate.
fn coord(out: &mut String, v: f64) {
    out.push_str(&((v * 10.0).round() as i64 / 10).to_string());
}

pub fn trends(ctx: &Ctx) -> Html {
    let tt = t(ctx.route.lang);
    let r = &ctx.route;
    // What is typed is kept in the Ui state (any render meanwhile shows it), and sent on Enter or leaving the box.
    let typed = {
        let ui = ctx.ui.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            ui.set(crate::ctx::Ui { terms: Some(v), ..(*ui).clone() });
        })
    };
    let set = {
        let (ui, go) = (ctx.ui.clone(), ctx.go.clone());
        Callback::from(move |e: Event| {
            ui.set(crate::ctx::Ui { terms: None, ..(*ui).clone() });
            go.act(Action::Terms(e.target_unchecked_into::<HtmlInputElement>().value()));
        })
    };
    let value = ctx.ui.terms.clone().unwrap_or_else(|| r.terms.clone());
    let chart = ctx.explored.time.trends.as_ref().map(|tr| chart(ctx, tr)).unwrap_or_default();
    html! {
        <section class="trends" aria-labelledby="xunyue-trends-h">
            <h2 id="xunyue-trends-h" class="trends-h">
                <label for="xunyue-terms">{ tt.trends }</label>
            </h2>
            <input id="xunyue-terms" class="terms" type="text" {value} placeholder={tt.trends_hint}
                aria-describedby="xunyue-trends-h" autocomplete="off" oninput={typed} onchange={set} />
            { chart }
        </section>
    }
}

fn chart(ctx: &Ctx, tr: &TermsOverTime) -> Html {
    let tt = t(ctx.route.lang);
    let raw = ctx.ui.raw;
    let buckets = &tr.timeline.buckets;
    let n = buckets.len();
    let per: Vec<Vec<f64>> = (0..tr.series.len()).map(|i| tr.per_10k(i)).collect();
    let values: Vec<Vec<f64>> =
        tr.series.iter().zip(&per).map(|(s, p)| if raw { s.hits.iter().map(|&h| h as f64).collect() } else { p.clone() }).collect();
    let max = values.iter().flatten().copied().fold(0.0, f64::max);
    let go: Route = (*ctx.go.latest()).clone();
    // A point opens its term's matches in its bucket.
    let href = |term: &str, key: &str| {
        let mut r = go.apply(&Action::Search(term.to_string())).apply(&Action::Range(key.to_string(), key.to_string()));
        r.view = crate::route::View::List;
        r.to_hash()
    };
    let toggle = ctx.on_ui(|u| u.raw = !u.raw);
    let figure = |v: f64, hits: u64| if raw { hits.to_string() } else { decimal2(v) };
    let unit = if raw { tt.raw } else { tt.per_10k };
    html! {
        <figure class="trends-chart" data-raw={if raw { "true" } else { "false" }} data-buckets={n.to_string()} data-grain={tr.timeline.grain.code()}>
            <figcaption>
                <ul class="legend">
                    { for tr.series.iter().enumerate().map(|(i, s)| html! {
                        <li class={classes!("s", format!("s{i}"))} data-term={s.term.clone()} data-total={s.total.to_string()}>
                            <i aria-hidden="true"></i>{ s.term.clone() }{ " · " }{ s.total }{ " " }{ tt.hits }
                        </li>
                    }) }
                </ul>
                <button type="button" class="unit" aria-pressed={if raw { "true" } else { "false" }} onclick={toggle}>{ tt.raw }</button>
                <span class="unit-now">{ unit }{ " · max " }{ figure(max, max as u64) }</span>
            </figcaption>
            <svg viewBox="0 0 600 160" role="img" aria-label={tt.trends} preserveAspectRatio="none">
                { for values.iter().enumerate().map(|(i, vs)| {
                    // Where nothing was printed the line breaks: no figure, not a zero.
                    let mut d = String::new();
                    let mut pen = false;
                    for (j, &v) in vs.iter().enumerate() {
                        if buckets[j].chars == 0 {
                            pen = false;
                            continue;
                        }
                        let (x, y) = point(j, n, v, max);
                        d.push(if pen { 'L' } else { 'M' });
                        pen = true;
                        coord(&mut d, x);
                        d.push(' ');
                        coord(&mut d, y);
                    }
                    html! { <path class={format!("line s{i}")} d={d} /> }
                }) }
                { for values.iter().enumerate().flat_map(|(i, vs)| {
                    let s = &tr.series[i];
                    vs.iter().enumerate().filter(|&(j, _)| s.hits[j] > 0).map(move |(j, &v)| (i, j, v, s)).collect::<Vec<_>>()
                }).map(|(i, j, v, s)| {
                    let (x, y) = point(j, n, v, max);
                    let b = &buckets[j];
                    let mut tip = b.key.clone();
                    tip.push_str(" · ");
                    tip.push_str(&s.term);
                    tip.push_str(" · ");
                    tip.push_str(&s.hits[j].to_string());
                    tip.push(' ');
                    tip.push_str(tt.hits);
                    tip.push_str(" · ");
                    tip.push_str(&decimal2(per[i][j]));
                    tip.push(' ');
                    tip.push_str(tt.per_10k);
                    let (mut cx, mut cy) = (String::new(), String::new());
                    coord(&mut cx, x);
                    coord(&mut cy, y);
                    html! {
                        <a href={href(&s.term, &b.key)} class="pt" data-term={s.term.clone()} data-key={b.key.clone()} data-hits={s.hits[j].to_string()}>
                            // A dot that stays round however the chart is stretched: a wide round-joined stroke
                            // around a square of one unit (a box a pointer, and a test, can find).
                            <path class={format!("dot s{i}")} d={format!("M{cx} {cy}h1v1h-1z")}><title>{ tip }</title></path>
                        </a>
                    }
                }) }
            </svg>
            <details class="trends-table">
                <summary>{ tt.table }</summary>
                <table>
                    <thead><tr>
                        <th scope="col">{ tt.period }</th>
                        <th scope="col">{ tt.chars }</th>
                        { for tr.series.iter().map(|s| html! { <th scope="col">{ s.term.clone() }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for buckets.iter().enumerate().map(|(j, b)| html! {
                            <tr data-key={b.key.clone()}>
                                <th scope="row">{ b.key.clone() }</th>
                                <td>{ b.chars }</td>
                                { for tr.series.iter().enumerate().map(|(i, s)| html! {
                                    <td data-term={s.term.clone()} data-hits={s.hits[j].to_string()}>
                                        // Nothing printed: no rate to give.
                                        { s.hits[j] }{ " (" }{ if b.chars == 0 { "–".to_string() } else { decimal2(per[i][j]) } }{ ")" }
                                    </td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_span_the_box_and_scale_to_the_highest() {
        assert_eq!(point(0, 3, 0.0, 10.0), (PAD, H - PAD));
        assert_eq!(point(2, 3, 10.0, 10.0), (W - PAD, PAD));
        assert_eq!(point(0, 1, 5.0, 10.0).0, W / 2.0, "one bucket: in the middle");
        assert_eq!(point(1, 3, 5.0, 0.0).1, H - PAD, "nothing anywhere: on the axis");
    }
}
