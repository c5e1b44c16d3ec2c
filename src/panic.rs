//! A panic must not leave a dead page behind: the panic hook puts a readable
//! message at the top of the page (as text, never as HTML) before the app
//! stops.
//!
//! Installed in debug builds only. A release build aborts on a panic (on
//! wasm32, an `unreachable` trap); the one `./dev build` makes has its
//! standard library rebuilt to trap at once, without the hook and the
//! formatting it needs (about 7 KB gzip). For every release build the page
//! loader shows the message instead (`static/trap.js`), catching the trap as
//! it reaches JavaScript. No panic is expected on any input: queries,
//! URL hashes and the corpus are all handled without one; this is the last
//! line of defence.

use std::panic::PanicHookInfo;

/// Installs the hook; call first thing in `main`. Through Yew, which would
/// otherwise replace any hook set before it renders with its own.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| show(&message(info))));
}

/// The message a reader sees: what happened, what to do, and the details a
/// bug report needs.
pub fn message(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let what = match payload.downcast_ref::<&str>() {
        Some(s) => s,
        None => payload.downcast_ref::<String>().map(String::as_str).unwrap_or_default(),
    };
    let mut msg = String::from("寻阅出错了，请刷新页面。Xunyue hit an internal error; please reload the page.\n");
    msg.push_str(what.trim());
    if let Some(l) = info.location() {
        msg.push_str(" (");
        msg.push_str(l.file());
        msg.push(':');
        msg.push_str(&l.line().to_string());
        msg.push(')');
    }
    msg
}

/// Shows the message at the top of the page: an alert made of one text node.
#[cfg(target_arch = "wasm32")]
fn show(msg: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(banner) = doc.create_element("div") else {
        return;
    };
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-panic", "");
    // Styled by `[data-panic]` in the stylesheet: no style attribute, so a
    // strict Content-Security-Policy (`style-src 'self'`) allows it.
    // Text content: the message can never become markup.
    banner.set_text_content(Some(msg));
    // Embedded (widget): never in the host page's body. The panic then traps
    // the wasm, and the widget loader shows its message inside each explorer.
    if crate::embed::widget_page() {
        return;
    }
    if let Some(body) = doc.body() {
        let _ = body.insert_before(&banner, body.first_child().as_ref());
    } else if let Some(root) = doc.document_element() {
        let _ = root.append_child(&banner);
    }
}

/// Off the web (native tests), the message goes to standard error.
#[cfg(not(target_arch = "wasm32"))]
fn show(msg: &str) {
    eprintln!("{msg}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());
    /// The hook is global to the process: one test at a time swaps it.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

    /// Runs `f` under a hook that records `message`, as `install` would show it.
    fn caught(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
        let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(|info| {
            if let Ok(mut seen) = SEEN.lock() {
                seen.push(message(info));
            }
        }));
        let result = std::panic::catch_unwind(f);
        std::panic::set_hook(previous);
        assert!(result.is_err(), "the closure did not panic");
        SEEN.lock().map(|mut s| s.pop().unwrap_or_default()).unwrap_or_default()
    }

    #[test]
    fn message_says_what_to_do_and_what_happened() {
        let msg = caught(|| panic!("index {} out of range", 7));
        assert!(msg.contains("请刷新页面"), "{msg}");
        assert!(msg.contains("please reload the page"), "{msg}");
        assert!(msg.contains("index 7 out of range"), "{msg}");
        assert!(msg.contains("src/panic.rs:"), "location missing: {msg}");
    }

    #[test]
    fn static_str_payloads_are_shown_too() {
        let msg = caught(|| std::panic::panic_any("plain str"));
        assert!(msg.contains("plain str"), "{msg}");
    }

    #[test]
    fn markup_in_a_panic_stays_text() {
        // The message is set as text content; here we check it is passed on
        // unchanged (not escaped twice, not stripped).
        let msg = caught(|| panic!("<img src=x onerror=alert(1)>"));
        assert!(msg.contains("<img src=x onerror=alert(1)>"), "{msg}");
    }
}
