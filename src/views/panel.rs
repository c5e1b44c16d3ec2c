//! Facet panel (one `<fieldset>` per facet, checkboxes with live counts) and
//! the chips of the current refinements.

use crate::ctx::Ctx;
use crate::facets::FacetKind;
use crate::i18n::Strings;
use crate::route::Action;
use std::rc::Rc;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// Values listed before "more".
const SHOWN: usize = 8;
/// An open list longer than this can be searched (an archive's authors, places, keywords).
#[cfg(xunyue_time)]
const FINDABLE: usize = 3 * SHOWN;

pub fn facet_name(kind: FacetKind, t: &Strings) -> &'static str {
    match kind {
        FacetKind::Org => t.facet_org,
        FacetKind::Person => t.facet_person,
        FacetKind::Place => t.facet_place,
        FacetKind::Keyword => t.facet_keyword,
        FacetKind::Author => t.facet_author,
        FacetKind::Source => t.facet_source,
        FacetKind::Year => t.facet_year,
        FacetKind::Date => t.facet_date,
        FacetKind::Page => t.facet_page,
    }
}

/// The facet of the nearest `[data-facet]` around `el` (a fieldset, a chip).
pub fn kind_of(el: &Element) -> Option<FacetKind> {
    FacetKind::parse(&el.closest("[data-facet]").ok()??.get_attribute("data-facet")?)
}

/// One handler for every checkbox of the panel: toggles the value of the
/// checkbox's fieldset.
fn facet_change(e: Event) -> Option<Action> {
    // The checkboxes only (not a long list's search box).
    let input = e.target_dyn_into::<HtmlInputElement>().filter(|i| i.type_() == "checkbox")?;
    Some(Action::Toggle(kind_of(&input)?, input.value()))
}

/// The facet panel, a hook of the app: rebuilt only when the query's matches,
/// the selection, the language or the expanded facets change (not on every
/// keystroke); an empty panel until `ctx.full`.
#[hook]
pub fn use_facet_panel(ctx: Option<&Ctx>) -> Html {
    // The whole Ui state: its handlers start from it. The archive too: a sharded one is swapped for one
    // with its facet files once they are in (the matches can stay the same, a browse list's always do).
    let deps = ctx.map(|c| {
        (c.full, Rc::as_ptr(&c.data) as usize, c.explored.matched_docs.clone(), c.route.facets.clone(), c.route.all, c.route.lang, (*c.ui).clone())
    });
    let ctx = ctx.cloned();
    let panel = use_memo(deps, move |_| match &ctx {
        Some(ctx) if ctx.full => panel(ctx),
        _ => html! { <aside class="facets" /> },
    });
    (*panel).clone()
}

fn panel(ctx: &Ctx) -> Html {
    let d = &*ctx.data;
    let t = ctx.t();
    let ex = &ctx.explored;
    let onchange = ctx.on(facet_change);
    // The "all of" switches of the fieldsets.
    let onclick = ctx.on(|e: MouseEvent| Some(Action::Mode(kind_of(&e.target_dyn_into::<Element>()?.closest("button.mode").ok()??)?)));
    let n = ex.docs.len();
    let mut done = String::from(t.show_results);
    done.push_str(&n.to_string());
    done.push(' ');
    done.push_str(crate::i18n::unit(n, t.articles_unit));
    // Closing the panel (narrow screens) shows the results, which follow it.
    let close = {
        let ui = ctx.ui.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(l) = e.target_dyn_into::<Element>().and_then(|b| b.closest(".layout").ok().flatten()) {
                l.scroll_into_view();
            }
            ui.set(crate::ctx::Ui { filters: false, ..(*ui).clone() })
        })
    };
    html! {
        <aside class="facets" id="xunyue-facets" aria-label={t.filters} data-open={ctx.ui.filters.then_some("")} {onchange} {onclick}>
            <h2 class="facets-title">{ t.filters }</h2>
            <p class="facet-logic">{ t.facet_logic }</p>
            { for FacetKind::ALL.iter().map(|&kind| {
                let counts = d.counts(&ex.matched_docs, &ctx.route.facets, ctx.route.all, kind);
                if counts.is_empty() {
                    return Html::default();
                }
                let open = ctx.ui.expanded & kind.bit() != 0;
                let more = counts.len() > SHOWN;
                let toggle_more = ctx.on_ui(move |u| u.expanded ^= kind.bit());
                // A long open list: a box that keeps the values holding what is typed.
                #[cfg(xunyue_time)]
                let (find, needle) = find_box(ctx, kind, open && counts.len() > FINDABLE);
                #[cfg(not(xunyue_time))]
                let (find, needle) = (Html::default(), String::new());
                html! {
                    <fieldset class="facet" data-facet={kind.code()}>
                        <legend>{ facet_name(kind, t) }</legend>
                        if kind.multi() {
                            <button type="button" class="mode" aria-pressed={if ctx.route.all & kind.bit() != 0 { "true" } else { "false" }}>
                                { t.match_all }
                            </button>
                        }
                        { find }
                        <ul>
                            { for counts.iter().enumerate().filter(|(i, (v, _))| open || *i < SHOWN || ctx.route.has_facet(kind, v))
                                .filter(|(_, (v, _))| needle.is_empty() || d.label(kind, v, t).to_lowercase().contains(&needle) || ctx.route.has_facet(kind, v))
                                .map(|(i, (value, n))| {
                                let checked = ctx.route.has_facet(kind, value);
                                let mut id = String::from("xunyue-f-");
                                id.push_str(kind.code());
                                id.push('-');
                                id.push_str(&i.to_string());
                                html! {
                                    <li key={value.as_str()} data-zero={(*n == 0).then_some("")}>
                                        <input type="checkbox" id={id.clone()} value={value.clone()} {checked} />
                                        <label for={id}>
                                            <span class="v">{ d.label(kind, value, t) }</span>
                                            <span class="n">{ *n }</span>
                                        </label>
                                    </li>
                                }
                            }) }
                        </ul>
                        if more {
                            <button type="button" class="more" aria-expanded={open.to_string()} onclick={toggle_more}>
                                { if open { t.fewer_values } else { t.more_values } }
                                if !open { { " (" }{ counts.len() - SHOWN }{ ")" } }
                            </button>
                        }
                    </fieldset>
                }
            }) }
            <button type="button" class="facets-done" onclick={close}>{ done }</button>
        </aside>
    }
}

/// The search box of a long facet list (when `shown`), and what it holds, lowercased.
#[cfg(xunyue_time)]
fn find_box(ctx: &Ctx, kind: FacetKind, shown: bool) -> (Html, String) {
    if !shown {
        return (Html::default(), String::new());
    }
    let typed = if ctx.ui.find.0 == kind.bit() { ctx.ui.find.1.clone() } else { String::new() };
    let ui = ctx.ui.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let v = e.target_unchecked_into::<HtmlInputElement>().value();
        ui.set(crate::ctx::Ui { find: (kind.bit(), v), ..(*ui).clone() });
    });
    let label = crate::time::t(ctx.route.lang).find;
    let mut aria = String::from(label);
    aria.push(' ');
    aria.push_str(facet_name(kind, ctx.t()));
    let html = html! {
        <input type="text" class="facet-find" value={typed.clone()} placeholder={label} aria-label={aria} autocomplete="off" {oninput} />
    };
    (html, typed.trim().to_lowercase())
}

/// Removable chips of the selected facet values, and "clear all".
/// A plain function, not a component (no state of its own).
pub fn chips(ctx: &Ctx) -> Html {
    let d = &*ctx.data;
    let t = ctx.t();
    #[cfg(xunyue_time)]
    let range = range_chip(ctx);
    #[cfg(not(xunyue_time))]
    let range = Html::default();
    #[cfg(xunyue_time)]
    let no_range = ctx.route.range().is_all();
    #[cfg(not(xunyue_time))]
    let no_range = true;
    if ctx.route.facets.is_empty() && no_range {
        return Html::default();
    }
    // One handler: a chip removes its value, "clear all" every value.
    let onclick = ctx.on(|e: MouseEvent| {
        let b = e.target_dyn_into::<Element>()?.closest("button").ok()??;
        match (b.get_attribute("data-value"), kind_of(&b)) {
            (Some(v), Some(kind)) => Some(Action::Toggle(kind, v)),
            _ if b.class_name() == "clear-all" => Some(Action::ClearFacets),
            _ => None,
        }
    });
    html! {
        <div class="chips" aria-label={t.filters} role="group" {onclick}>
            { for ctx.route.facets.iter().map(|(kind, value)| {
                let mut aria = String::from(t.remove_filter);
                aria.push_str(": ");
                aria.push_str(facet_name(*kind, t));
                aria.push(' ');
                aria.push_str(&d.label(*kind, value, t));
                html! {
                    <button type="button" class="chip" data-facet={kind.code()} data-value={value.clone()}
                        aria-label={aria}>
                        <span class="k">{ facet_name(*kind, t) }</span>
                        <span class="v">{ d.label(*kind, value, t) }</span>
                        <span class="x" aria-hidden="true">{ "×" }</span>
                    </button>
                }
            }) }
            { range }
            if !ctx.route.facets.is_empty() { <button type="button" class="clear-all">{ t.clear_all }</button> }
        </div>
    }
}

/// The chip of the date range, when there is one: a link to all dates.
#[cfg(xunyue_time)]
fn range_chip(ctx: &Ctx) -> Html {
    let r = &ctx.route;
    if r.range().is_all() {
        return Html::default();
    }
    let tt = crate::time::t(r.lang);
    let mut v = r.from.clone();
    if r.to != r.from {
        v.push_str(" – ");
        v.push_str(&r.to);
    }
    let href = ctx.go.latest().apply(&Action::Range(String::new(), String::new())).to_hash();
    html! {
        <a class="chip" data-facet="range" href={href} aria-label={format!("{}: {} {v}", ctx.t().remove_filter, tt.dates)}>
            <span class="k">{ tt.dates }</span>
            <span class="v">{ v }</span>
            <span class="x" aria-hidden="true">{ "×" }</span>
        </a>
    }
}
