/*! 寻阅 Xunyue widget loader.
 *
 *   <script src="…/xunyue-widget.js" defer></script>
 *   <xunyue-explorer lang="zh" query="华大" height="480"></xunyue-explorer>
 *
 * Attributes: query, facets ("org:华大基因,place:青岛"), lang (zh | en), theme (light | dark | auto),
 * height (480, "60vh"…), sync-url (keep the view in the page URL hash; off by default), archive (the folder
 * of a sharded archive, default archive/ beside this script; another origin must allow CORS).
 * Events on the element (bubbling, composed): xunyue:search {detail: {query}}, xunyue:open {detail: {id}}.
 * JS API: Xunyue.mount(element, options) → Promise<{ element, update(options), destroy() }>.
 *
 * Everything renders inside a shadow root: the host page's CSS does not reach in and ours does not
 * leak out; sizes follow the reader's default font size, not the host's root font size, and the host's
 * CSS zoom is undone inside. Styles come from <link rel=stylesheet> (no inline styles: works under
 * `style-src 'self'`).
 */
(() => {
  'use strict';
  const BUILD = /*@XUNYUE_BUILD@*/ null;
  if (window.Xunyue && window.Xunyue.loaded) return; // the script was included twice

  // Asset URLs are relative to this script, wherever the host puts it.
  // Explorers on the page (their `.xy-host` boxes), where a crash message goes.
  const live = new Set();
  /*@XUNYUE_TRAP@*/
  xunyueTrap(() => [...live]);

  const self = document.currentScript || document.querySelector('script[src*="xunyue-widget"]');
  const base = new URL('.', self && self.src ? self.src : location.href);
  const url = (name) => new URL(name, base).href;

  let loading = null;
  function load() {
    if (!loading) {
      loading = import(url(BUILD.js)).then((mod) =>
        mod.default({ module_or_path: url(BUILD.wasm) }).then(() => mod),
      );
      loading.catch(() => {
        loading = null; // allow a retry
      });
    }
    return loading;
  }

  const enc = encodeURIComponent;
  const str = (v) => (v === undefined || v === null ? '' : String(v)).trim();

  // Facets: "org:华大基因,place:青岛" or ["org:华大基因", …] or {org: ["华大基因"], place: "青岛"}.
  function facetList(f) {
    const out = [];
    if (!f) return out;
    if (typeof f === 'string') {
      const parts = f.split(/[,，;；\n]/);
      for (let i = 0; i < parts.length; i++) if (str(parts[i]).indexOf(':') > 0) out[out.length] = str(parts[i]);
    } else if (typeof f.length === 'number') {
      for (let i = 0; i < f.length; i++) if (str(f[i]).indexOf(':') > 0) out[out.length] = str(f[i]);
    } else if (typeof f === 'object') {
      const keys = Object.keys(f);
      for (let k = 0; k < keys.length; k++) {
        const v = f[keys[k]];
        const vals = typeof v === 'string' ? [v] : v;
        for (let i = 0; vals && i < vals.length; i++) out[out.length] = `${keys[k]}:${str(vals[i])}`;
      }
    }
    return out;
  }

  /** The initial view in the app's URL-hash syntax. */
  function stateOf(o) {
    const parts = [];
    if (str(o.query)) parts[parts.length] = `q=${enc(str(o.query))}`;
    const fs = facetList(o.facets);
    for (let i = 0; i < fs.length; i++) parts[parts.length] = `f=${enc(fs[i])}`;
    const lang = str(o.lang).toLowerCase();
    if (lang) parts[parts.length] = `lang=${lang.slice(0, 2) === 'en' ? 'en' : 'zh'}`;
    if (str(o.article)) parts[parts.length] = `a=${enc(str(o.article))}`;
    return parts.join('&');
  }

  function cssHeight(h) {
    const s = str(h);
    if (!s) return '';
    if (/^\d+(\.\d+)?$/.test(s)) return `${s}px`;
    return window.CSS && CSS.supports && CSS.supports('height', s) ? s : '';
  }

  function theme(t) {
    const s = str(t).toLowerCase();
    return s === 'light' || s === 'dark' ? s : 'auto';
  }

  const truthy = (v) => v === true || (typeof v === 'string' && v !== 'false');

  const mounted = new WeakMap(); // element → its explorer

  /** Render an explorer into `element` (inside a shadow root); mounting again replaces the previous one. */
  async function mount(element, options) {
    if (!element || element.nodeType !== 1) throw new TypeError('Xunyue.mount: an element is required');
    const o = options || {};
    const previous = mounted.get(element);
    if (previous) previous.destroy();
    let root = element.shadowRoot || (previous && previous.root);
    if (!root) {
      try {
        root = element.attachShadow({ mode: 'open' });
      } catch (e) {
        // Elements that cannot host a shadow root (e.g. <a>, <li>, <td>): render into a child that can.
        const box = document.createElement('div');
        element.appendChild(box);
        root = box.attachShadow({ mode: 'open' });
      }
    }
    while (root.firstChild) root.removeChild(root.firstChild);
    // Render once the styles are in, so the explorer never shows unstyled.
    const styled = [];
    for (const href of [BUILD.css, BUILD.widgetCss]) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = url(href);
      styled[styled.length] = new Promise((done) => {
        link.addEventListener('load', done);
        link.addEventListener('error', done);
      });
      root.appendChild(link);
    }
    const box = document.createElement('div');
    box.className = 'xy-host';
    box.setAttribute('part', 'explorer');
    root.appendChild(box);

    const handle = {
      element,
      root,
      app: null,
      destroyed: false,
      update(next) {
        const n = next || {};
        // The host's CSS zoom (on the page or an ancestor) is undone inside: the explorer keeps its sizes.
        const z = element.currentCSSZoom;
        if (z > 0 && z !== 1) box.style.setProperty('--xy-zoom', String(1 / z));
        else box.style.removeProperty('--xy-zoom');
        if ('theme' in n) box.setAttribute('data-theme', theme(n.theme));
        if ('height' in n) {
          const h = cssHeight(n.height);
          // CSSOM, not a style attribute: allowed under a strict style-src.
          if (h) box.style.setProperty('height', h);
          else box.style.removeProperty('height');
        }
      },
      destroy() {
        if (mounted.get(element) === this) mounted.delete(element);
        live.delete(box);
        this.destroyed = true;
        if (this.app) {
          this.app.destroy();
          this.app.free();
          this.app = null;
        }
        while (root.firstChild) root.removeChild(root.firstChild);
      },
    };
    handle.update({ theme: o.theme, height: o.height });
    mounted.set(element, handle);

    const notify = (kind, value) => {
      const detail = kind === 'open' ? { id: value } : { query: value };
      element.dispatchEvent(new CustomEvent(`xunyue:${kind}`, { detail, bubbles: true, composed: true }));
    };
    let mod;
    try {
      mod = await load();
      await Promise.all(styled);
    } catch (e) {
      box.textContent = '寻阅 Xunyue could not load.';
      box.className = 'xy-host xy-failed';
      throw e;
    }
    if (!handle.destroyed) {
      live.add(box);
      // A sharded archive: the `archive` attribute's folder, else archive/ beside this script.
      handle.app = mod.mount(box, stateOf(o), truthy(o.syncUrl), notify, new URL(str(o.archive) || 'archive/', base).href);
    }
    return handle;
  }

  const ATTRS = ['query', 'facets', 'lang', 'theme', 'height', 'sync-url'];

  class XunyueExplorer extends HTMLElement {
    static get observedAttributes() {
      return ATTRS;
    }
    options() {
      return {
        query: this.getAttribute('query'),
        facets: this.getAttribute('facets'),
        lang: this.getAttribute('lang'),
        theme: this.getAttribute('theme'),
        height: this.getAttribute('height'),
        archive: this.getAttribute('archive'),
        syncUrl: this.hasAttribute('sync-url') && this.getAttribute('sync-url') !== 'false',
      };
    }
    connectedCallback() {
      if (this._pending || this._handle) return;
      this._render();
    }
    disconnectedCallback() {
      // Moved within the page: connectedCallback follows at once; keep the app then.
      queueMicrotask(() => {
        if (!this.isConnected && this._handle) {
          this._handle.destroy();
          this._handle = null;
        }
      });
    }
    attributeChangedCallback(name, old, value) {
      if (old === value || (!this._handle && !this._pending)) return;
      if ((name === 'theme' || name === 'height') && this._handle) this._handle.update(this.options());
      else this._render();
    }
    _render() {
      if (this._handle) {
        this._handle.destroy();
        this._handle = null;
      }
      const p = mount(this, this.options()).then(
        (h) => {
          if (this._pending !== p) h.destroy();
          else {
            this._handle = h;
            this._pending = null;
          }
        },
        (e) => {
          this._pending = null;
          console.error('xunyue-explorer:', e);
        },
      );
      this._pending = p;
    }
  }

  window.Xunyue = { loaded: true, mount, version: BUILD.js };
  if (!customElements.get('xunyue-explorer')) customElements.define('xunyue-explorer', XunyueExplorer);
})();
