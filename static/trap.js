// A panic in a release build traps the wasm at once (the standard library is built to abort without
// running a panic hook): the reader gets a message instead of a page that silently stopped working.
// Inserted by tools/postbuild.mjs into the page loader and the widget loader; `places()` lists where
// the message goes (the page's body, or each embedded explorer). Text only, never markup.
function xunyueTrap(places) {
  const show = (e) => {
    const err = e.error || e.reason;
    if (!(err instanceof WebAssembly.RuntimeError)) return;
    for (const p of places()) {
      if (!p || p.querySelector('[data-panic]')) continue; // one message (or the debug build's own)
      const b = document.createElement('div');
      b.setAttribute('role', 'alert');
      b.setAttribute('data-panic', '');
      b.textContent = `寻阅出错了，请刷新页面。Xunyue hit an internal error; please reload the page.\n${err.message}`;
      p.insertBefore(b, p.firstChild);
    }
  };
  addEventListener('error', show);
  addEventListener('unhandledrejection', show);
}
