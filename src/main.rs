//! 寻阅 Xunyue web app: a thin Yew layer over `xunyue-engine`.

mod app;
mod ctx;
mod data;
mod embed;
mod explore;
mod facets;
// The sharded build: the archive fetched in parts (see build.rs).
#[cfg(xunyue_sharded)]
mod fetch;
#[cfg(xunyue_sharded)]
mod offline;
#[cfg(xunyue_sharded)]
mod shard;
mod host;
mod i18n;
mod keys;
mod kwic;
mod links;
mod marks;
mod nav;
// Debug builds only: the release build traps on a panic and its page loader shows the message.
#[cfg_attr(not(debug_assertions), allow(dead_code))]
mod panic;
mod perf;
mod route;
#[cfg(xunyue_time)]
mod time;
mod views;

// The wasm build's allocator (see Cargo.toml).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    perf::mark("xunyue:main");
    #[cfg(debug_assertions)]
    panic::install();
    if embed::widget_page() {
        // `xunyue-widget.js` mounts explorers itself (see `embed::mount`).
        return;
    }
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("xunyue-root"));
    match root {
        Some(el) => yew::Renderer::<app::App>::with_root(el).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
}
