//! What only the sharded build shows (`cfg(xunyue_sharded)`): the quiet
//! progress indicator while files load, the message naming a file that
//! cannot be had (with a retry), and the offline panel (save the archive
//! for offline use, its progress in bytes, the space it takes, undo).
//! Their strings live here, not in `crate::i18n`: the embedded app does not
//! carry them.

use crate::ctx::Ctx;
use crate::i18n::Lang;
use crate::offline::Progress;
use crate::shard::Fetching;
use yew::prelude::*;

fn say(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Bytes as readers read them: "12.3 MB", "840 KB".
pub fn bytes(n: f64) -> String {
    if n >= 1e9 {
        format!("{:.1} GB", n / 1e9)
    } else if n >= 1e6 {
        format!("{:.1} MB", n / 1e6)
    } else {
        format!("{:.0} KB", (n / 1e3).ceil())
    }
}

/// Above the results: "loading…" while files are on their way, or what
/// cannot be had, with a retry.
pub fn fetching(ctx: &Ctx) -> Html {
    let lang = ctx.route.lang;
    match &ctx.fetching {
        Fetching::Idle => html! {},
        Fetching::Loading => html! {
            <div class="fetching" data-loading="" role="status" aria-live="polite">
                { say(lang, "正在读取档案…", "Reading the archive…") }
            </div>
        },
        Fetching::Failed(why) => {
            let archive = ctx.data.archive().clone();
            let offline = web_sys::window().is_some_and(|w| !w.navigator().on_line());
            let onclick = Callback::from(move |_: MouseEvent| archive.loader.retry());
            html! {
                <div class="archive-error" data-archive-error="" role="alert">
                    <p>
                        { if offline {
                            say(lang, "离线：这一查询需要的档案文件尚未保存到本设备。", "Offline: this query needs files of the archive not saved on this device. ")
                        } else {
                            say(lang, "这一查询需要的档案文件无法读取，结果不完整，故不显示：", "A file this query needs cannot be read, so no incomplete results are shown: ")
                        } }
                        <code>{ why.to_string() }</code>
                    </p>
                    <button type="button" {onclick}>{ say(lang, "重试", "Retry") }</button>
                </div>
            }
        }
    }
}

/// Before the root is in.
pub fn opening(lang: Lang) -> Html {
    html! { <p class="fetching" data-loading="" role="status">{ say(lang, "正在打开档案…", "Opening the archive…") }</p> }
}

/// The archive cannot be opened at all (its root): why, and a reload.
pub fn unopened(lang: Lang, why: &str) -> Html {
    let onclick = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    html! {
        <div class="archive-error" data-archive-error="" role="alert">
            <p>{ say(lang, "档案无法打开：", "The archive cannot be opened: ") }<code>{ why.to_string() }</code></p>
            <button type="button" {onclick}>{ say(lang, "重新载入", "Reload") }</button>
        </div>
    }
}

/// The offline panel: save the whole archive on this device, or forget it.
pub fn offline(ctx: &Ctx) -> Html {
    let lang = ctx.route.lang;
    let saver = ctx.data.archive().saver.clone();
    let p: Progress = saver.progress();
    let complete = p.complete();
    let space = match (p.usage, p.quota) {
        (Some(u), Some(q)) => format!("{}{}{}{}", say(lang, "本站占用 ", "This site uses "), bytes(u), say(lang, "，可用 ", " of "), bytes(q)),
        (Some(u), None) => format!("{}{}", say(lang, "本站占用 ", "This site uses "), bytes(u)),
        _ => String::new(),
    };
    let persisted = match p.persisted {
        Some(true) => say(lang, "浏览器已同意长期保存。", "The browser keeps it until you remove it."),
        Some(false) if complete => say(lang, "浏览器未承诺长期保存，空间不足时可能清除。", "The browser may clear it when space runs low."),
        _ => "",
    };
    let action = if p.running {
        let s = saver.clone();
        html! {
            <>
                <progress max={p.total.to_string()} value={p.done.min(p.total).to_string()}></progress>
                <p class="offline-bytes">{ format!("{} / {}", bytes(p.done as f64), bytes(p.total as f64)) }</p>
                <button type="button" data-cancel="" onclick={Callback::from(move |_: MouseEvent| s.cancel())}>{ say(lang, "停止", "Stop") }</button>
            </>
        }
    } else if complete {
        let s = saver.clone();
        html! {
            <>
                <p>{ say(lang, "整个档案已保存在本设备上，断网也能检索：", "The whole archive is saved on this device and searchable offline: ") }{ bytes(p.total as f64) }{ "." }</p>
                <button type="button" data-forget="" onclick={Callback::from(move |_: MouseEvent| s.forget())}>{ say(lang, "移除离线副本", "Remove the offline copy") }</button>
            </>
        }
    } else {
        let s = saver.clone();
        html! {
            <>
                <p>
                    { say(lang, "档案共 ", "The archive takes ") }{ bytes(p.total as f64) }
                    { say(lang, "；已读过的文件已缓存，保存后所有查询都可离线进行。", ": the files read so far are kept; saved, every query works offline.") }
                </p>
                <button type="button" data-save="" onclick={Callback::from(move |_: MouseEvent| s.save())}>{ say(lang, "保存档案以供离线使用", "Save the archive for offline use") }</button>
            </>
        }
    };
    html! {
        <section class="offline" data-offline="" data-saved={complete.then_some("")} aria-label={say(lang, "离线使用", "Offline use")}>
            <h2>{ say(lang, "离线使用", "Offline use") }</h2>
            { action }
            if !space.is_empty() { <p class="offline-space">{ space }{ "。" }</p> }
            if !persisted.is_empty() { <p class="offline-space">{ persisted }</p> }
            if let Some(e) = &p.error { <p class="archive-error" role="alert">{ e.clone() }</p> }
        </section>
    }
}
