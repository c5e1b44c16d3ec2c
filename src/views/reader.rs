//! The reader: one article, every hit marked, a hit counter with next and
//! previous, entities, related articles and continuation links.

use crate::ctx::Ctx;
use crate::data::Data;
use crate::explore::Explored;
use crate::facets::FacetKind;
use crate::links::open_href;
use crate::marks::marked_chars;
use crate::route::{Action, Route};
use crate::views::panel::{facet_name, kind_of};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use xunyue_core::{Article, BlockKind};
use yew::prelude::*;

/// The current hit of the open article (clamped to its hits).
pub fn current_hit(explored: &Explored, route: &Route) -> usize {
    let total = explored.open_hits();
    if total == 0 { 0 } else { route.hit.min(total - 1) }
}

/// Focus the first element of `root` matching `sel`; false when there is none.
pub fn focus(root: &Element, sel: &str) -> bool {
    let el = root.query_selector(sel).ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok());
    el.map(|e| e.focus().is_ok()).unwrap_or(false)
}

/// Keep the current hit in view.
pub fn scroll_to_current(root: &Element) {
    if let Some(m) = root.query_selector("article mark.current").ok().flatten() {
        let opts = ScrollIntoViewOptions::new();
        opts.set_block(ScrollLogicalPosition::Center);
        opts.set_behavior(ScrollBehavior::Instant);
        m.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Focus after a change of the open article, run by the app after the
/// render: opening an article focuses its headline (so the headline is in
/// view, not the first hit); leaving it (Back, Esc, a link) puts focus back
/// on the result it was opened from (or the first result, or the search box).
pub fn focus_after(root: &Element, was: Option<&str>, open: Option<&str>) {
    match (open, was) {
        (Some(_), _) => {
            focus(root, "article .headline");
        }
        (None, Some(id)) => {
            let mut sel = String::from("[data-article-id=\"");
            sel.push_str(&id.replace('"', ""));
            sel.push_str("\"] a.open");
            let _ = focus(root, &sel) || focus(root, "[data-article-id] a.open") || focus(root, "input[type=search]");
        }
        _ => {}
    }
}

/// The reader view: a plain function of the app.
pub fn reader(ctx: &Ctx) -> Html {
    let ex = &ctx.explored;
    let doc = ex.open;
    let total = ex.open_hits();
    let hit = current_hit(ex, &ctx.route);
    let t = ctx.t();
    let d = &*ctx.data;
    let back = ctx.on(|_: MouseEvent| Some(Action::Close));
    let Some((doc, a)) = doc.and_then(|doc| d.article(doc).map(|a| (doc, a))) else {
        return html! {
            <div class="reader-missing empty" role="status">
                <p class="empty-title">{ t.no_results }</p>
                <button type="button" class="back" onclick={back}>{ "← " }{ t.back }</button>
            </div>
        };
    };
    let spans = ex.spans(doc);
    let step = |by: isize| ctx.on(move |_: MouseEvent| Some(Action::Step(by, total)));

    let text = d.text(doc);
    let offsets = a.block_offsets();
    let cur = Some(hit);
    let block_html = |i: usize| -> Html {
        let b = &a.blocks[i];
        let mut start = offsets.get(i).copied().unwrap_or(0).min(text.len());
        let end = (start + b.text.chars().count()).min(text.len());
        // A byline's OCR box (□本报记者 刘腾) is no part of the name.
        while b.kind == BlockKind::Byline && start < end && matches!(text[start], '□' | ' ' | '\u{3000}') {
            start += 1;
        }
        marked_chars(&text[start..end], start, spans, if total > 0 { cur } else { None })
    };

    let has_byline = a.blocks.iter().any(|b| b.kind == BlockKind::Byline);
    let mut head = Vec::new();
    let mut body = Vec::new();
    let mut list: Vec<Html> = Vec::new();
    let mut has_headline = false;
    // Kicker and byline belong to the head until the text proper starts.
    let mut in_head = true;
    for (i, b) in a.blocks.iter().enumerate() {
        if b.kind != BlockKind::ListItem && !list.is_empty() {
            body.push(html! { <ul class="list">{ for list.drain(..) }</ul> });
        }
        let content = block_html(i);
        if matches!(b.kind, BlockKind::Paragraph | BlockKind::SectionHeading | BlockKind::ListItem) {
            in_head = false;
        }
        let kind = b.kind.name();
        let (into, tag) = match b.kind {
            BlockKind::Headline if !has_headline => {
                has_headline = true;
                (&mut head, "h2")
            }
            BlockKind::Kicker | BlockKind::Byline if in_head => (&mut head, "p"),
            BlockKind::Headline | BlockKind::SectionHeading => (&mut body, "h3"),
            BlockKind::ListItem => (&mut list, "li"),
            _ => (&mut body, "p"),
        };
        into.push(block(tag, kind, content));
    }
    if !list.is_empty() {
        body.push(html! { <ul class="list">{ for list.drain(..) }</ul> });
    }
    if !has_headline {
        head.insert(0, html! { <h2 class="headline inferred" tabindex="-1">{ a.title.clone() }</h2> });
    }

    let mut counter = String::new();
    if total > 0 {
        counter.push_str(&(hit + 1).to_string());
        counter.push_str(" / ");
        counter.push_str(&total.to_string());
    }

    // Through time: the page it was printed on, and how to cite it.
    #[cfg(xunyue_time)]
    let (printed, cite) = {
        let tt = crate::time::t(ctx.route.lang);
        let latest = ctx.go.latest();
        let r = crate::route::Route { pg: Some(a.page.clone()), cur: Some(a.id.clone()), open: None, hit: 0, ..(*latest).clone() };
        let number = d.page_view(&a.page).and_then(|p| p.number);
        (
            html! { <a class="as-printed" href={r.to_hash()}>{ tt.as_printed }</a> },
            crate::views::cite::cite(ctx, &a, number),
        )
    };
    #[cfg(not(xunyue_time))]
    let (printed, cite) = (Html::default(), Html::default());
    html! {
        <div class="reader-pane">
            <nav class="reader-nav" aria-label={t.hit_counter}>
                <button type="button" class="back" onclick={back}>{ "← " }{ t.back }</button>
                { printed }
                if total > 0 {
                    <div class="hit-nav">
                        <button type="button" class="prev" onclick={step(-1)} aria-label={t.prev_hit} title={t.prev_hit}>{ "↑" }</button>
                        <span class="hit-counter" role="status" aria-live="polite">
                            <span class="visually-hidden">{ t.hit_counter }{ " " }</span><span class="count">{ counter }</span>
                        </span>
                        <button type="button" class="next" onclick={step(1)} aria-label={t.next_hit} title={t.next_hit}>{ "↓" }</button>
                    </div>
                }
            </nav>
            <article class="reader" data-article-id={a.id.clone()} data-page={a.page.clone()}
                data-hits={total.to_string()} aria-labelledby="xunyue-headline">
                <header class="reader-head" id="xunyue-headline">
                    { continuation(ctx, d, &a, true) }
                    { for head }
                    <p class="meta">{ d.meta(doc, t, has_byline) }</p>
                </header>
                <div class="reader-body">{ for body }</div>
                { continuation(ctx, d, &a, false) }
            </article>
            <aside class="reader-side" aria-label={t.entities}>
                { entities(ctx, d, doc) }
                { related(ctx, d, doc) }
                { cite }
            </aside>
        </div>
    }
}

/// Link to the article this one continues from (`from`) or on.
fn continuation(ctx: &Ctx, d: &Data, a: &Article, from: bool) -> Html {
    let t = ctx.t();
    let label = if from { a.continued_from.as_ref() } else { a.continued_to.as_ref() };
    let Some(label) = label else { return Html::default() };
    let word = if from { t.continued_from } else { t.continued_to };
    let mut text = String::from(word);
    text.push(' ');
    text.push_str(label);
    html! {
        <p class="continuation-link" data-dir={if from { "from" } else { "to" }}>
            { match d.continuation(a, from).and_then(|doc| d.article(doc).map(|x| (doc, x))) {
                Some((doc, x)) => {
                    let mut s = text.clone();
                    s.push('：');
                    s.push_str(&x.title);
                    html! { <a class="continuation" href={open_href(ctx, doc, 0)}>{ s }</a> }
                }
                None => html! { { text } },
            } }
        </p>
    }
}

fn entities(ctx: &Ctx, d: &Data, doc: u32) -> Html {
    let t = ctx.t();
    let kinds = [FacetKind::Org, FacetKind::Person, FacetKind::Place, FacetKind::Keyword];
    if kinds.iter().all(|&k| d.values(doc, k).is_empty()) {
        return Html::default();
    }
    // One handler for every chip: selects its facet value and shows the list.
    let onclick = ctx.on(|e: MouseEvent| {
        let chip = e.target_dyn_into::<Element>()?.closest("button[data-value]").ok()??;
        Some(Action::Select(kind_of(&chip)?, chip.get_attribute("data-value")?))
    });
    html! {
        <section class="entities" {onclick}>
            <h3>{ t.entities }</h3>
            { for kinds.iter().map(|&kind| {
                let vals = d.values(doc, kind);
                if vals.is_empty() { return Html::default(); }
                html! {
                    <div class="entity-group" data-facet={kind.code()}>
                        <h4>{ facet_name(kind, t) }</h4>
                        <ul class="entity-chips">
                            { for vals.iter().take(12).map(|v| {
                                let selected = if ctx.route.has_facet(kind, v) { "true" } else { "false" };
                                html! {
                                    <li><button type="button" class="chip entity" data-facet={kind.code()}
                                        data-value={v.clone()} aria-pressed={selected}>{ v.clone() }</button></li>
                                }
                            }) }
                        </ul>
                    </div>
                }
            }) }
        </section>
    }
}

fn related(ctx: &Ctx, d: &Data, doc: u32) -> Html {
    let rel = d.related(doc);
    if rel.is_empty() {
        return Html::default();
    }
    html! {
        <section class="related">
            <h3>{ ctx.t().related }</h3>
            <ul>
                { for rel.iter().filter_map(|&o| d.article(o).map(|a| (o, a))).map(|(o, a)| html! {
                    <li data-related={a.id.clone()}>
                        <a class="related-link" href={open_href(ctx, o, 0)}>{ a.title.clone() }</a>
                        <span class="related-page">{ d.page_name(&a.page, ctx.t()) }</span>
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// One block of the text: `<tag data-kind>` (styled by its kind); the
/// headline is `h2.headline`, focusable.
fn block(tag: &'static str, kind: &'static str, content: Html) -> Html {
    if tag == "h2" {
        return html! { <h2 class="headline" tabindex="-1" data-kind={kind}>{ content }</h2> };
    }
    html! { <@{tag} data-kind={kind}>{ content }</@> }
}
