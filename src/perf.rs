//! User Timing marks for the start-up phases and each keystroke, read by
//! `bench/run.mjs` (`performance.getEntriesByName`): they cost a few
//! microseconds and show where the time goes in any browser's dev tools.
//!
//! Start-up: `xunyue:main` (wasm started), `xunyue:engine` (blob decoded,
//! index rebuilt), `xunyue:facets` (facet index built), `xunyue:shell`
//! (search box on screen), `xunyue:results` (first results or browse list).
//! Typing: measures `xunyue:search` (engine) and `xunyue:render` (from the
//! input event to the rendered DOM).

#[cfg(target_arch = "wasm32")]
fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Milliseconds since navigation (0 off the web).
pub fn now() -> f64 {
    #[cfg(target_arch = "wasm32")]
    return performance().map(|p| p.now()).unwrap_or(0.0);
    #[cfg(not(target_arch = "wasm32"))]
    0.0
}

/// Marks a point in time.
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// Records a measure named `name` from the latest mark `start` to now.
pub fn measure(name: &str, start: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark(name, start);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, start);
}
