// Browser test harness: a static server for dist/, headless Chromium through playwright-core, and
// small helpers shared by every test file in tests/e2e/.
//
// Exports
//   ROOT, DIST, SCREENSHOTS         absolute paths: repo root, built app (dist/), screenshot folder
//   serve({ mounts, headers, port }) -> { url, port, requests, close() }   prefix → folder static server (no trailing '/')
//   serveDir(dir)                   -> { url, port, requests, close() }   static server on 127.0.0.1:<free port>;
//                                      `requests` lists every path served (in order), for "what did a visit load"
//   launch()                        -> playwright Browser (Debian /usr/bin/chromium, headless, offline-safe flags,
//                                      fresh profile); the caller closes it
//   withApp(fn, opts)               serve opts.dir (default dist/), launch, open a page, run
//                                      fn({ page, url, server, browser, errors, screenshot }), then close everything.
//                                      `errors` collects console errors, page errors and failed requests (except
//                                      Chromium's own /favicon.ico probe); withApp fails the test if any were seen
//                                      (opts.allowErrors to inspect them yourself).
//                                      opts.viewport (default 1280x900), opts.colorScheme ('light' | 'dark'),
//                                      opts.path (appended to the URL, e.g. '#q=...'), opts.contextOptions (passed
//                                      to browser.newContext, e.g. { serviceWorkers: 'block' }).
//   screenshot(page, name, o)       save tests/e2e/screenshots/<name>.png (full page; o.fullPage false: the
//                                      viewport), return the path
//   search(page, query)             type into input[type=search] and wait until the results stop changing;
//                                      returns readResults(page)
//   readResults(page)               -> { results: [{ id, page, hits, exact, title, marks }], empty }, in page order,
//                                      from the DOM contract (exact: data-exact if the result has it, else null)
//   openResult(page, id)            click the result with data-article-id=id, wait for the reader <article>
//   readerMarks(page)               number of <mark> inside the reader <article>
//   cli(...args)                    run the native CLI (`cargo run -q --release -p xunyue-cli -- ...`) and parse
//                                      its JSON output: the reference the browser results are checked against
//
// DOM contract used here (documented in the README): the search box is input[type=search]; each result is an
// element (not an <article>) with data-article-id, data-page (seed stem) and data-hits (exact hit count), opened by
// its a.open link (else its first link or button); hits are <mark>; the reader is an <article>; an empty result
// list shows an element with [data-empty] or .empty.

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { MIME } from '../../tools/mime.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(HERE, 'screenshots');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps trying to reach Google's hosts.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];


/**
 * Static server on 127.0.0.1 that maps URL prefixes to folders, e.g. `{ '/archive/xunyue/': DIST, '/': host }`
 * (longest prefix wins), and adds `headers` (e.g. a CSP) to every response. `url` has no trailing '/'.
 */
export async function serve({ mounts, headers = {}, port = 0 }) {
  const table = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const requests = [];
  const server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const hit = table.find(([prefix]) => pathname.startsWith(prefix));
      if (!hit) {
        requests.push({ path: pathname, status: 404 });
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const root = path.resolve(hit[1]);
      let file = path.join(root, pathname.slice(hit[0].length));
      if (file !== root && !file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      let st = await stat(file).catch(() => null);
      if (st?.isDirectory()) {
        file = path.join(file, 'index.html');
        st = await stat(file).catch(() => null);
      }
      if (!st?.isFile()) {
        requests.push({ path: pathname, status: 404 });
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      requests.push({ path: pathname, status: 200, file: path.relative(root, file), bytes: st.size });
      res.writeHead(200, {
        'content-type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'no-cache',
        ...headers,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = server.address().port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Serve `dir` over HTTP on 127.0.0.1 at a free port; `url` ends in '/'. */
export async function serveDir(dir = DIST) {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) {
    throw new Error(`${root} does not exist: build the app first (./dev build)`);
  }
  const server = await serve({ mounts: { '/': root }, headers: { 'cache-control': 'no-store' } });
  return { ...server, url: `${server.url}/` };
}

/** Launch headless Debian Chromium (playwright gives it a fresh temporary profile). */
export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Save a screenshot to tests/e2e/screenshots/<name>.png (the full page unless { fullPage: false }). */
export async function screenshot(page, name, { fullPage = true } = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Serve the built app, open it in Chromium and run `fn`; fails on any console/page error. */
export async function withApp(fn, opts = {}) {
  const server = await serveDir(opts.dir ?? DIST);
  const browser = await launch();
  try {
    const context = await browser.newContext({
      viewport: opts.viewport ?? { width: 1280, height: 900 },
      colorScheme: opts.colorScheme ?? 'light',
      ...opts.contextOptions,
    });
    const page = await context.newPage();
    const errors = [];
    // Chromium asks for /favicon.ico on its own when the page declares no icon: not the page's doing.
    const browserOwn = (url) => /\/favicon\.ico$/.test(url ?? '');
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !browserOwn(msg.location()?.url)) errors.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
    page.on('response', (res) => {
      if (res.status() >= 400 && !browserOwn(res.url())) errors.push(`HTTP ${res.status()}: ${res.url()}`);
    });
    const url = server.url + (opts.path ?? '');
    await page.goto(url, { waitUntil: 'load' });
    await appReady(page);
    await fn({ page, url, server, browser, errors, screenshot: (name, o) => screenshot(page, name, o) });
    if (!opts.allowErrors && errors.length) {
      throw new Error(`the page reported errors:\n  ${errors.join('\n  ')}`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Wait until the app has rendered its search box. */
export async function appReady(page, timeout = 15000) {
  await page.waitForSelector('input[type=search]', { state: 'visible', timeout });
}

/** The results currently shown, read through the DOM contract. */
export async function readResults(page) {
  return page.evaluate((RESULT) => {
    const visible = (el) => el.getClientRects().length > 0;
    const results = [...document.querySelectorAll(RESULT)].filter(visible).map((el) => ({
      id: el.getAttribute('data-article-id'),
      page: el.getAttribute('data-page'),
      hits: Number(el.getAttribute('data-hits')),
      exact: el.hasAttribute('data-exact') ? el.getAttribute('data-exact') !== 'false' : null,
      title: (el.querySelector('h2, h3, .title')?.textContent ?? '').trim(),
      marks: el.querySelectorAll('mark').length,
    }));
    const empty = [...document.querySelectorAll('[data-empty], .empty')].some(visible);
    return { results, empty };
  }, RESULT);
}

/** A search result in the DOM contract. */
export const RESULT = '[data-article-id][data-hits]:not(article)';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Type `query` into the search box and wait until the result list settles (covers the debounce):
 * the DOM signature of results/empty state must stay unchanged for `quiet` ms, and differ from what was shown
 * before typing (e.g. a browse list) unless it stays unchanged for `settle` ms.
 */
export async function search(page, query, { quiet = 400, settle = 2000, timeout = 10000 } = {}) {
  const box = page.locator('input[type=search]').first();
  const before = JSON.stringify(await readResults(page));
  await box.fill(query);
  const started = Date.now();
  let last = '';
  let since = Date.now();
  for (;;) {
    const state = await readResults(page);
    const sig = JSON.stringify(state);
    if (sig !== last) {
      last = sig;
      since = Date.now();
    } else if (state.results.length > 0 || state.empty) {
      const still = Date.now() - since;
      if (still >= (sig === before ? settle : quiet)) return state;
    }
    if (Date.now() - started > timeout) {
      throw new Error(`results for ${JSON.stringify(query)} did not settle within ${timeout} ms: ${sig}`);
    }
    await sleep(50);
  }
}

/** Open the result with this article id and wait for the reader <article>. */
export async function openResult(page, id) {
  const result = page.locator(`${RESULT}[data-article-id="${cssEscape(id)}"]`).first();
  const open = result.locator('a.open');
  const link = (await open.count()) > 0 ? open.first() : result.locator('a, button').first();
  if ((await link.count()) > 0) await link.click();
  else await result.click();
  await page.waitForSelector('article', { state: 'visible', timeout: 10000 });
  // Let the reader finish rendering its marks.
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const n = await readerMarks(page);
    if (n === last && n > 0) break;
    last = n;
    await sleep(50);
  }
}

/** Number of <mark> elements inside the reader <article>. */
export async function readerMarks(page) {
  return page.evaluate(() => {
    const reader = [...document.querySelectorAll('article')].find((a) => a.getClientRects().length > 0);
    return reader ? reader.querySelectorAll('mark').length : -1;
  });
}

function cssEscape(s) {
  return String(s).replace(/["\\]/g, '\\$&');
}

/** Run the native CLI with these arguments and parse its JSON output. */
export function cli(...args) {
  const out = execFileSync('cargo', ['run', '-q', '--release', '-p', 'xunyue-cli', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out);
}
