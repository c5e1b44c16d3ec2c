//! Citing and exporting, all in the browser: an article's permalink and
//! its citation in GB/T 7714-2015 and Chicago form with copy buttons (the
//! reader), and the result list as CSV or JSON Lines and the concordance
//! as CSV (the results' toolbar), made by `xunyue-cite` as the CLI makes
//! them.

use crate::ctx::Ctx;
use crate::facets::FacetKind;
use crate::route::View;
use crate::time::t;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, Element, Url};
use xunyue_core::Article;
use yew::prelude::*;

/// This page's address without its hash: what permalinks start from.
fn base() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or("").to_string()
}

/// Writes `text` to the clipboard; false where the browser has no clipboard.
fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else { return false };
    let Ok(clip) = Reflect::get(&w.navigator(), &"clipboard".into()) else { return false };
    let Some(f) = Reflect::get(&clip, &"writeText".into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) else { return false };
    f.call1(&clip, &text.into()).is_ok()
}

/// A copy button for the text of element `#id` (it says when it copied).
fn copy_button(label: &'static str, copied: &'static str, text: String) -> Html {
    let onclick = Callback::from(move |e: MouseEvent| {
        if copy(&text) {
            if let Some(b) = e.target_dyn_into::<Element>() {
                b.set_text_content(Some(copied));
                b.set_attribute("data-copied", "true").ok();
            }
        }
    });
    html! { <button type="button" class="copy" {onclick}>{ label }</button> }
}

/// The reader's citation block of article `a` (page number `number`).
pub fn cite(ctx: &Ctx, a: &Article, number: Option<u32>) -> Html {
    let tt = t(ctx.route.lang);
    let link = xunyue_cite::permalink(&base(), &a.id);
    let r = xunyue_cite::Ref { title: &a.title, authors: &a.authors, paper: a.source.as_deref(), date: a.date.as_deref(), page: number, url: Some(&link) };
    let (gbt, chicago) = (xunyue_cite::gbt7714(&r), xunyue_cite::chicago(&r));
    let row = |style: &'static str, name: &'static str, text: String| {
        html! {
            <div class="cite-row" data-style={style}>
                <dt>{ name }</dt>
                <dd><span class="cite-text">{ text.clone() }</span>{ copy_button(tt.copy, tt.copied, text) }</dd>
            </div>
        }
    };
    html! {
        <section class="cite" aria-labelledby="xunyue-cite-h">
            <h3 id="xunyue-cite-h">{ tt.cite }</h3>
            <dl>
                { row("permalink", tt.permalink, link.clone()) }
                { row("gbt7714", "GB/T 7714", gbt) }
                { row("chicago", "Chicago", chicago) }
            </dl>
        </section>
    }
}

/// A file of the results (`csv`, `jsonl`) or of the concordance (`kwic`),
/// from the articles `docs` on screen.
pub fn export_file(ctx: &Ctx, docs: &[u32], format: &str) -> String {
    let d = &*ctx.data;
    let ex = &ctx.explored;
    let base = base();
    let first = |doc: u32, k: FacetKind| d.values(doc, k).first().cloned().unwrap_or_default();
    // The concordance: every row of the table (the articles whose hits are read).
    let kwic_docs: Vec<u32>;
    let docs = if format == "kwic" {
        kwic_docs = ex.docs.iter().copied().filter(|&doc| !ex.spans(doc).is_empty()).collect();
        &kwic_docs[..]
    } else {
        docs
    };
    let arts: Vec<(u32, std::rc::Rc<Article>)> = docs.iter().filter_map(|&doc| d.article(doc).map(|a| (doc, a))).collect();
    if format == "kwic" {
        let lines: Vec<(usize, crate::kwic::Line)> =
            arts.iter().enumerate().flat_map(|(i, (doc, _))| crate::kwic::lines(*doc, &d.text(*doc), ex.spans(*doc)).into_iter().map(move |l| (i, l))).collect();
        let meta: Vec<(String, String)> = arts.iter().map(|(doc, _)| (first(*doc, FacetKind::Date), first(*doc, FacetKind::Source))).collect();
        let out: Vec<xunyue_cite::Line> = lines
            .iter()
            .map(|(i, l)| xunyue_cite::Line { id: &arts[*i].1.id, date: &meta[*i].0, source: &meta[*i].1, left: &l.left, hit: &l.key, right: &l.right })
            .collect();
        return xunyue_cite::concordance_csv(&out);
    }
    let owned: Vec<(String, String, String, String)> = arts
        .iter()
        .map(|(doc, a)| {
            let snippet = ex.hit(*doc).map(|h| d.snippet(h).text).unwrap_or_default();
            (first(*doc, FacetKind::Date), first(*doc, FacetKind::Source), xunyue_cite::permalink(&base, &a.id), snippet)
        })
        .collect();
    let rows: Vec<xunyue_cite::Row> = arts
        .iter()
        .zip(&owned)
        .map(|((doc, a), (date, source, link, snippet))| xunyue_cite::Row {
            id: &a.id,
            date,
            source,
            page: &a.page,
            title: &a.title,
            byline: a.byline.as_deref().unwrap_or(""),
            hits: ex.spans(*doc).len() as u32,
            permalink: link,
            snippet,
        })
        .collect();
    if format == "jsonl" { xunyue_cite::results_jsonl(&rows) } else { xunyue_cite::results_csv(&rows) }
}

/// A link that downloads `text` as a file (a `blob:` address made on click).
fn set_download(link: &Element, text: &str, mime: &str) -> Option<()> {
    let opts = BlobPropertyBag::new();
    opts.set_type(mime);
    let parts = Array::of1(&JsValue::from_str(text));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    link.set_attribute("href", &url).ok()?;
    // Released once the download has started.
    gloo::timers::callback::Timeout::new(60_000, move || drop(Url::revoke_object_url(&url))).forget();
    Some(())
}

/// The export links of the results' toolbar, for the articles `docs` on screen.
pub fn export(ctx: &Ctx, docs: Vec<u32>) -> Html {
    let tt = t(ctx.route.lang);
    let kwic = ctx.route.view == View::Kwic && ctx.explored.hits > 0;
    let c = ctx.clone();
    let n = docs.len();
    let onclick = Callback::from(move |e: MouseEvent| {
        let Some(link) = e.target_dyn_into::<Element>().and_then(|el| el.closest("a[data-export]").ok().flatten()) else { return };
        let format = link.get_attribute("data-export").unwrap_or_default();
        let text = export_file(&c, &docs, &format);
        let mime = if format == "jsonl" { "application/x-ndjson;charset=utf-8" } else { "text/csv;charset=utf-8" };
        if set_download(&link, &text, mime).is_none() {
            e.prevent_default();
        }
    });
    let mut stem = String::from("xunyue");
    let q = ctx.explored.query();
    if !q.is_empty() {
        stem.push('-');
        stem.extend(q.chars().filter(|c| c.is_alphanumeric()).take(24));
    }
    let file = |ext: &str| {
        let mut f = stem.clone();
        f.push_str(ext);
        f
    };
    html! {
        <div class="export" role="group" aria-label={tt.export} data-rows={n.to_string()} {onclick}>
            <span class="export-h">{ tt.export }
                if !kwic { { " " }{ n }{ " " }{ tt.articles_unit } }
            </span>
            // The concordance exports its rows; the list its results.
            if kwic {
                <a href="#" data-export="kwic" download={file("-kwic.csv")}>{ tt.export_kwic }</a>
            } else {
                <a href="#" data-export="csv" download={file(".csv")}>{ tt.export_csv }</a>
                <a href="#" data-export="jsonl" download={file(".jsonl")}>{ tt.export_jsonl }</a>
            }
        </div>
    }
}
