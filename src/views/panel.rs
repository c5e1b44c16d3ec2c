//! Facet panel (one `<fieldset>` per facet, checkboxes with live counts) and
//! the chips of the current refinements.

use crate::ctx::Ctx;
use crate::facets::FacetKind;
use crate::i18n::Strings;
use crate::route::Action;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// Values listed before "more".
const SHOWN: usize = 8;

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
    let input = e.target_dyn_into::<HtmlInputElement>()?;
    Some(Action::Toggle(kind_of(&input)?, input.value()))
}

/// The facet panel, a hook of the app: rebuilt only when the query's matches,
/// the selection, the language or the expanded facets change (not on every
/// keystroke); an empty panel until `ctx.full`.
#[hook]
pub fn use_facet_panel(ctx: Option<&Ctx>) -> Html {
    let expanded = use_state(Vec::<FacetKind>::new);
    let deps = ctx.map(|c| (c.full, c.explored.matched_docs.clone(), c.route.facets.clone(), c.route.all, c.route.lang));
    let ctx = ctx.cloned();
    let panel = use_memo((deps, (*expanded).clone()), move |_| match &ctx {
        Some(ctx) if ctx.full => panel(ctx, &expanded),
        _ => html! { <aside class="facets" /> },
    });
    (*panel).clone()
}

fn panel(ctx: &Ctx, expanded: &UseStateHandle<Vec<FacetKind>>) -> Html {
    let d = &*ctx.data;
    let t = ctx.t();
    let ex = &ctx.explored;
    let onchange = ctx.on(facet_change);
    html! {
        <aside class="facets" aria-label={t.filters} {onchange}>
            <h2 class="facets-title">{ t.filters }</h2>
            { for FacetKind::ALL.iter().map(|&kind| {
                let counts = d.counts(&ex.matched_docs, &ctx.route.facets, ctx.route.all, kind);
                if counts.is_empty() {
                    return Html::default();
                }
                let open = expanded.contains(&kind);
                let more = counts.len() > SHOWN;
                let toggle_more = {
                    let expanded = expanded.clone();
                    Callback::from(move |_| {
                        let mut v = (*expanded).clone();
                        if let Some(i) = v.iter().position(|k| *k == kind) { v.remove(i); } else { v.push(kind); }
                        expanded.set(v);
                    })
                };
                html! {
                    <fieldset class="facet" data-facet={kind.code()}>
                        <legend>{ facet_name(kind, t) }</legend>
                        <ul>
                            { for counts.iter().enumerate().filter(|(i, (v, _))| open || *i < SHOWN || ctx.route.has_facet(kind, v)).map(|(i, (value, n))| {
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
        </aside>
    }
}

/// Removable chips of the selected facet values, and "clear all".
/// A plain function, not a component (no state of its own).
pub fn chips(ctx: &Ctx) -> Html {
    let d = &*ctx.data;
    let t = ctx.t();
    if ctx.route.facets.is_empty() {
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
            <button type="button" class="clear-all">{ t.clear_all }</button>
        </div>
    }
}
