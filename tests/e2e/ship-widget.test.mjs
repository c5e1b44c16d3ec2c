// The widget on a hostile host page (tests/hostile/), served with the strict CSP header:
// two independent instances in shadow roots, events, JS API, attributes, host URL and styles untouched;
// and the iframe fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, launch, cli } from './harness.mjs';
import { DIST, serve, newPage, STRICT_CSP } from './ship-lib.mjs';

const LIMIT = 240_000;
const HOSTILE = path.join(ROOT, 'tests', 'hostile');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Results shown inside one widget (through its open shadow root). */
function widgetState(page, sel) {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const root = host?.shadowRoot;
    if (!root) return null;
    const visible = (el) => el.getClientRects().length > 0;
    const results = [...root.querySelectorAll(':not(article)[data-article-id][data-hits]')].filter(visible);
    const box = root.querySelector('input[type=search]');
    const reader = [...root.querySelectorAll('article')].find(visible);
    return {
      query: box ? box.value : null,
      ids: results.map((r) => r.getAttribute('data-article-id')),
      marks: results.reduce((n, r) => n + r.querySelectorAll('mark').length, 0),
      reader: reader ? reader.querySelectorAll('mark').length : -1,
    };
  }, sel);
}

/** Wait until a widget's results are non-empty and unchanged for `quiet` ms. */
async function settled(page, sel, { quiet = 400, timeout = 15000, want = (s) => s.ids.length > 0 } = {}) {
  const t0 = Date.now();
  let last = '';
  let since = Date.now();
  for (;;) {
    const s = await widgetState(page, sel);
    const sig = JSON.stringify(s);
    if (sig !== last) {
      last = sig;
      since = Date.now();
    } else if (s && want(s) && Date.now() - since >= quiet) return s;
    if (Date.now() - t0 > timeout) throw new Error(`${sel} did not settle: ${sig}`);
    await sleep(50);
  }
}

const cliIds = (q) => cli('search', '--json', q).results.map((r) => r.id).sort();

async function withHostile(fn, file = 'index.html') {
  const server = await serve({
    mounts: { '/archive/xunyue/': DIST, '/': HOSTILE },
    headers: { 'content-security-policy': STRICT_CSP },
  });
  const browser = await launch();
  try {
    const { page, problems, violations } = await newPage(browser);
    await page.goto(`${server.url}/${file}`);
    await fn({ page, problems, violations, server, browser });
  } finally {
    await browser.close();
    await server.close();
  }
}

test('two widgets on a hostile page under strict CSP: isolated, independent, evented', { timeout: LIMIT }, async () => {
  await withHostile(async ({ page, problems, violations }) => {
    // 1. The first widget starts from its query attribute; its results are the CLI's.
    const w1 = await settled(page, '#w1');
    assert.equal(w1.query, '华大');
    assert.deepEqual([...w1.ids].sort(), cliIds('华大'));
    assert.ok(w1.marks > 0);
    // The second starts in browse mode (no query), in English and dark.
    const w2 = await settled(page, '#w2');
    assert.equal(w2.query, '');

    const look = await page.evaluate(() => {
      const pick = (sel) => {
        const root = document.querySelector(sel).shadowRoot;
        const mark = root.querySelector('mark');
        const input = root.querySelector('input[type=search]');
        const app = root.querySelector('.xunyue');
        const frame = root.querySelector('.xy-host');
        const cs = (el, p) => (el ? getComputedStyle(el).getPropertyValue(p) : null);
        return {
          markDisplay: cs(mark, 'display'),
          inputWidth: input ? input.getBoundingClientRect().width : 0,
          font: cs(input, 'font-family'),
          height: frame.getBoundingClientRect().height,
          bg: cs(app, 'background-color'),
          lang: app?.getAttribute('lang'),
          direction: cs(app, 'direction'),
          transform: cs(app, 'text-transform'),
          spacing: cs(app, 'letter-spacing'),
          // (The filter button and the panel's close button are for narrow explorers only.)
          buttons: [...root.querySelectorAll('button:not(.filters-toggle, .facets-done)')].filter((b) => getComputedStyle(b).display === 'none').length,
          hostDisplay: getComputedStyle(document.querySelector(sel)).display,
        };
      };
      return { w1: pick('#w1'), w2: pick('#w2') };
    });
    // Host rules do not reach in: marks shown, input usable, no Comic Sans, buttons visible.
    assert.notEqual(look.w1.markDisplay, 'none', 'mark { display: none } stays outside');
    assert.ok(look.w1.inputWidth > 100, `input width ${look.w1.inputWidth}`);
    assert.doesNotMatch(look.w1.font, /Comic/);
    assert.equal(look.w1.buttons, 0, 'buttons are not hidden by the host');
    assert.equal(look.w1.hostDisplay, 'block');
    // Inherited properties do not come in (the host is rtl, uppercase, letter-spaced).
    assert.equal(look.w1.direction, 'ltr');
    assert.equal(look.w1.transform, 'none');
    assert.equal(look.w1.spacing, 'normal');
    // Height attribute (set through the CSSOM: allowed under style-src 'self').
    assert.equal(Math.round(look.w1.height), 480);
    assert.equal(Math.round(look.w2.height), 400);
    // Language and theme per instance.
    assert.equal(look.w1.lang, 'zh-CN');
    assert.equal(look.w2.lang, 'en');
    const luminance = (rgb) => {
      const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    assert.ok(luminance(look.w2.bg) < 80, `w2 is dark: ${look.w2.bg}`);
    assert.ok(luminance(look.w1.bg) > 180, `w1 is light: ${look.w1.bg}`);

    // 2. Searching in the second widget leaves the first alone.
    await page.locator('#w2 input[type=search]').fill('青岛');
    const w2b = await settled(page, '#w2', { want: (s) => s.query === '青岛' && s.ids.length > 0 });
    assert.deepEqual([...w2b.ids].sort(), cliIds('青岛'));
    const w1b = await widgetState(page, '#w1');
    assert.equal(w1b.query, '华大');
    assert.deepEqual(w1b.ids, w1.ids);

    // 3. Opening an article in the first widget: reader there only, `xunyue:open` from #w1.
    const id = w1.ids[0];
    await page.locator(`#w1 :not(article)[data-article-id="${id}"] a.open`).first().click();
    await page.waitForFunction(() => {
      const r = document.querySelector('#w1').shadowRoot.querySelector('article');
      return r && r.querySelectorAll('mark').length > 0;
    });
    assert.equal((await widgetState(page, '#w2')).reader, -1, 'the other widget has no reader open');
    await sleep(200);
    const events = await page.evaluate(() => window.__events);
    assert.ok(
      events.some((e) => e.type === 'xunyue:search' && e.target === 'w2' && e.detail.query === '青岛'),
      `search event from w2: ${JSON.stringify(events)}`,
    );
    assert.ok(
      events.some((e) => e.type === 'xunyue:open' && e.target === 'w1' && e.detail.id === id),
      `open event from w1: ${JSON.stringify(events)}`,
    );
    assert.ok(!events.some((e) => e.type === 'xunyue:open' && e.target === 'w2'));

    // 4. JS API on a plain element, with an initial facet (the first organisation w2 lists, browse mode).
    const facet = await page.evaluate(() => {
      const input = document.querySelector('#w2').shadowRoot.querySelector('fieldset[data-facet] input[type=checkbox]');
      const n = Number(input.closest('li').querySelector('.n').textContent);
      return { kind: input.closest('fieldset').getAttribute('data-facet'), value: input.value, n };
    });
    await page.evaluate((f) => window.Xunyue.mount(document.getElementById('api'), { facets: `${f.kind}:${f.value}`, lang: 'en', height: 300 }), facet);
    const api = await settled(page, '#api');
    assert.equal(api.ids.length, facet.n, `${facet.kind}:${facet.value} selects ${facet.n} articles`);
    assert.ok(
      await page.evaluate((f) => [...document.querySelector('#api').shadowRoot.querySelectorAll(`fieldset[data-facet="${f.kind}"] input:checked`)].some((i) => i.value === f.value), facet),
      'the facet is shown selected',
    );
    // The JS API's page mount then searches within that facet.
    await page.locator('#api input[type=search]').fill('青岛');
    const apiQ = await settled(page, '#api', { want: (s) => s.query === '青岛' });
    assert.ok(apiQ.ids.every((i) => cliIds('青岛').includes(i)));

    // 5. Changing an attribute re-renders that instance only.
    await page.evaluate(() => document.getElementById('w1').setAttribute('query', '青岛'));
    const w1c = await settled(page, '#w1', { want: (s) => s.query === '青岛' && s.ids.length > 0 });
    assert.deepEqual([...w1c.ids].sort(), cliIds('青岛'));

    // Theme: `auto` follows the reader's system, `light` holds; the attribute applies at once.
    const bgOf = (sel) => page.evaluate((sel) => getComputedStyle(document.querySelector(sel).shadowRoot.querySelector('.xunyue')).backgroundColor, sel);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.evaluate(() => document.getElementById('w1').setAttribute('theme', 'light'));
    await sleep(100);
    assert.ok(luminance(await bgOf('#w1')) > 180, 'theme=light stays light in a dark system');
    await page.evaluate(() => document.getElementById('w1').setAttribute('theme', 'auto'));
    await sleep(100);
    assert.ok(luminance(await bgOf('#w1')) < 80, 'theme=auto follows the dark system');
    await page.emulateMedia({ colorScheme: 'light' });
    await sleep(100);
    assert.ok(luminance(await bgOf('#w1')) > 180, 'theme=auto follows the light system');

    // 6. The host page: URL, history and its own elements' computed styles are unchanged,
    //    nothing was added to its <head> or its style sheets, its patched Array.prototype was used.
    const host = await page.evaluate(() => ({
      url: location.href === window.__urlBefore,
      history: history.length === window.__historyBefore,
      hashChanges: window.__hostHashChanges,
      before: window.__hostBefore,
      after: window.__hostStyles(),
      head: document.head.children.length === window.__headBefore,
      sheets: document.styleSheets.length === window.__sheetsBefore,
      patched: window.__patchedCalls > 0 && typeof [].each === 'function',
    }));
    assert.ok(host.url, 'host URL unchanged');
    assert.ok(host.history, 'no history entries added');
    assert.equal(host.hashChanges, 0);
    assert.deepEqual(host.after, host.before, 'host elements look the same');
    assert.ok(host.head, 'nothing added to <head>');
    assert.ok(host.sheets, 'no style sheet added to the document');
    assert.ok(host.patched, 'the hostile Array.prototype patches were active');

    assert.deepEqual(await violations(), [], 'no CSP violation');
    assert.deepEqual(problems, [], 'no console error, failed request or CSP report');
  });
});

test('sync-url: a widget that is asked to keeps its view in the host URL', { timeout: LIMIT }, async () => {
  await withHostile(async ({ page, problems, violations }) => {
    await settled(page, '#w1');
    await page.evaluate(() => {
      const el = document.createElement('xunyue-explorer');
      el.id = 'w3';
      el.setAttribute('sync-url', '');
      el.setAttribute('query', '青岛');
      document.body.appendChild(el);
    });
    await settled(page, '#w3');
    await page.locator('#w3 input[type=search]').fill('华大');
    await settled(page, '#w3', { want: (s) => s.query === '华大' && s.ids.length > 0 });
    const hash = await page.evaluate(() => decodeURIComponent(location.hash));
    assert.match(hash, /q=华大/);
    // Removing the element tears the app down without errors.
    await page.evaluate(() => document.getElementById('w3').remove());
    await sleep(200);
    assert.deepEqual(problems, []);
  });
});

test('JS API: mounting again replaces the explorer; elements without shadow-root support work', { timeout: LIMIT }, async () => {
  await withHostile(async ({ page, problems, violations }) => {
    await settled(page, '#w1');
    const r = await page.evaluate(async () => {
      const ul = document.createElement('ul');
      const li = document.createElement('li'); // <li> cannot host a shadow root
      ul.appendChild(li);
      document.body.appendChild(ul);
      const first = await window.Xunyue.mount(li, { query: '青岛' });
      const second = await window.Xunyue.mount(li, { query: '华大' });
      const box = li.firstElementChild;
      return { children: li.children.length, apps: box.shadowRoot.querySelectorAll('.xunyue').length, firstGone: first.destroyed, secondLive: !second.destroyed };
    });
    assert.deepEqual(r, { children: 1, apps: 1, firstGone: true, secondLive: true });
    const box = await page.evaluateHandle(() => document.querySelector('ul > li > div'));
    await page.waitForFunction((b) => b.shadowRoot.querySelector('input[type=search]')?.value === '华大', box);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
  });
});

test('iframe fallback: the app in a frame, state in the frame URL', { timeout: LIMIT }, async () => {
  await withHostile(async ({ page, problems, violations }) => {
    const frame = page.frameLocator('#frame');
    await frame.locator(':not(article)[data-article-id][data-hits] mark').first().waitFor({ timeout: 15000 });
    const ids = await frame.locator(':not(article)[data-article-id][data-hits]').evaluateAll((els) => els.map((e) => e.getAttribute('data-article-id')));
    assert.deepEqual([...ids].sort(), cliIds('华大'));
    assert.deepEqual(problems, []);
  }, 'iframe.html');
});

test('a crash shows its message inside each explorer, never in the host page', { timeout: LIMIT }, async () => {
  await withHostile(async ({ page }) => {
    await settled(page, '#w1');
    await settled(page, '#w2', { want: (s) => s.ids.length > 0 });
    // What a panic in the release build becomes: an uncaught WebAssembly.RuntimeError.
    await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
    await sleep(300);
    const seen = await page.evaluate(() => ({
      host: document.querySelectorAll('[data-panic]').length,
      inside: ['#w1', '#w2'].map((sel) => {
        const b = document.querySelector(sel).shadowRoot.querySelector('[role=alert][data-panic]');
        return b ? { text: b.textContent, visible: b.getClientRects().length > 0 } : null;
      }),
    }));
    assert.equal(seen.host, 0, 'nothing is added to the host page');
    for (const b of seen.inside) {
      assert.ok(b, 'each explorer shows the message');
      assert.match(b.text, /please reload the page/);
      assert.ok(b.visible);
    }
  });
});

/** Sizes as rendered (computed font size × effective CSS zoom) of the explorer's parts, in `root`. */
const SIZED = ['.name', 'input[type=search]', '.stats', '.sort select', '.views button', '.facets-title', '.facet legend',
  '.facet label', '.result .title', '.result .meta', '.result .snippet', '.result .hit-count', '.chart figcaption'];
function renderedSizes(root, sels) {
  const out = {};
  for (const sel of sels) {
    const el = root.querySelector(sel);
    if (!el) { out[sel] = null; continue; }
    const zoom = el.currentCSSZoom ?? 1;
    out[sel] = Math.round(parseFloat(getComputedStyle(el).fontSize) * zoom * 10) / 10;
  }
  return out;
}

test('the widget keeps its sizes under a host root font size of 8px and under CSS zoom', { timeout: LIMIT }, async () => {
  const server = await serve({
    mounts: { '/archive/xunyue/': DIST, '/': HOSTILE },
    headers: { 'content-security-policy': STRICT_CSP },
  });
  const browser = await launch();
  try {
    // Reference: the stand-alone page, in a browser at its default font size.
    const ref = await newPage(browser);
    await ref.page.goto(`${server.url}/archive/xunyue/#q=${encodeURIComponent('青岛华大')}`);
    await ref.page.waitForSelector('.chart figcaption');
    const want = await ref.page.evaluate(`(${renderedSizes})(document, ${JSON.stringify(SIZED)})`);
    assert.ok(Object.values(want).every((v) => v > 8), JSON.stringify(want));

    const { page, problems, violations } = await newPage(browser);
    await page.goto(`${server.url}/sizes.html`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '8px');
    for (const sel of ['#plain', '#inzoom']) {
      await settled(page, sel);
      await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.chart figcaption'), sel);
      const got = await page.evaluate(`(${renderedSizes})(document.querySelector(${JSON.stringify(sel)}).shadowRoot, ${JSON.stringify(SIZED)})`);
      assert.deepEqual(got, want, `${sel}: sizes as on the stand-alone page`);
    }
    // The reader too.
    await page.locator('#plain a.open').first().click();
    await page.waitForFunction(() => document.querySelector('#plain').shadowRoot.querySelector('article .headline'));
    const reader = ['.headline', '.reader-body p', '.back'];
    const gotReader = await page.evaluate(`(${renderedSizes})(document.querySelector('#plain').shadowRoot, ${JSON.stringify(reader)})`);
    await ref.page.locator('a.open').first().click();
    await ref.page.waitForSelector('article .headline');
    const wantReader = await ref.page.evaluate(`(${renderedSizes})(document, ${JSON.stringify(reader)})`);
    assert.deepEqual(gotReader, wantReader);
    await page.screenshot({ path: path.join(ROOT, 'tests/e2e/screenshots/widget-sizes-host-8px-zoom.png'), fullPage: true });
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('two widgets on one page share no state: a slow keystroke in one does not make the other wait', { timeout: LIMIT }, async () => {
  await withHostile(async ({ page, problems }) => {
    await settled(page, '#w1');
    await settled(page, '#w2');
    const cdp = await page.context().newCDPSession(page);
    // A slow machine for one keystroke in the first widget: its search and render take over 50 ms.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 40 });
    const slow = await page.evaluate(() => new Promise((ok) => {
      const box = document.querySelector('#w1').shadowRoot.querySelector('input[type=search]');
      performance.clearMeasures('xunyue:keystroke');
      box.value = '青';
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '青' }));
      setTimeout(() => ok(performance.getEntriesByName('xunyue:keystroke').map((m) => m.duration)), 2000);
    }));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    assert.ok(slow.length > 0 && slow[slow.length - 1] > 50, `the first widget's keystroke was slow: ${slow}`);
    // The second widget still searches on the keystroke itself (no debounce of its own).
    const wait = await page.evaluate(() => new Promise((ok) => {
      const box = document.querySelector('#w2').shadowRoot.querySelector('input[type=search]');
      performance.clearMarks('xunyue:input');
      const t0 = performance.now();
      box.value = '华';
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: '华' }));
      setTimeout(() => ok(performance.getEntriesByName('xunyue:input').map((m) => m.startTime - t0)), 500);
    }));
    assert.equal(wait.length, 1, `one search sent: ${wait}`);
    assert.ok(wait[0] < 40, `the second widget searched at once, not after a debounce: ${wait[0]} ms`);
    assert.equal((await settled(page, '#w2', { want: (s) => s.query === '华' && s.ids.length > 0 })).query, '华');
    assert.deepEqual(problems, []);
  });
});
