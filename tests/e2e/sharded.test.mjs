// The app over a sharded archive (dist-sharded/: 600 synthetic articles built as root + shards, beside a
// release build of the app without a corpus; `./dev test` builds it, see `sharded_fixture` in ./dev).
//
// What a reader of a large archive sees: the root fetched first and only the files a query needs after
// it; results, counts and order equal to the CLI's over the same archive; the previous results kept
// (with a quiet progress indicator) while shards load, never an older query's results over a newer
// one's; a file that cannot be had named on screen with a retry, never fewer results in silence; the
// reader, KWIC and facets; saving for offline use, then every query with the network off; the widget on
// another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, withApp, search, readResults, openResult, readerMarks, cli, serve, launch, appReady, RESULT } from './harness.mjs';

const DIST = path.join(ROOT, 'dist-sharded');
const ARCHIVE = path.join(DIST, 'archive');
const skip = existsSync(path.join(ARCHIVE, 'root.bin')) ? false : 'dist-sharded/ is missing: ./dev test builds it (sharded_fixture)';

/** Every file of a folder, relative, recursively. */
function files(dir, rel = '') {
  const out = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...files(dir, r));
    else out.push(r);
  }
  return out;
}

/** The CLI's answer over the same sharded archive. */
const reference = (q) => cli('--archive', ARCHIVE, 'search', '--json', q);

/** Titles of the archive's articles, read from the CLI: the queries below are taken from them. */
function someWords() {
  const r = reference('产业');
  assert.ok(r.total > 20, `the fixture should have many articles with 产业 (has ${r.total})`);
  return r;
}

const archiveRequests = (server) => server.requests.filter((r) => r.path.includes('/archive/')).map((r) => r.path.replace(/^.*\/archive\//, ''));

/** The stats line's numbers: "N 篇" and the hit count, read from [data-total] / [data-hits-total] when present. */
async function stats(page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-total]');
    return el ? { total: Number(el.getAttribute('data-total')), text: el.textContent } : null;
  });
}

test('the sharded app reads the root first and only what a query needs; results equal the CLI', { skip }, async () => {
  const all = files(ARCHIVE);
  const want = someWords();
  await withApp(
    async ({ page, server }) => {
      const first = archiveRequests(server);
      assert.equal(first[0], 'root.bin', `the root comes first: ${first.join(', ')}`);
      // Before a query: the root, then the records of the first page of the browse list (10) and the facet files.
      const records = first.filter((p) => p.startsWith('a/'));
      assert.ok(records.length <= 10, `only the articles on screen are fetched before a query: ${records.length}`);
      assert.ok(!first.some((p) => /^[pus]\//.test(p)), `no index shard before a query: ${first.join(', ')}`);
      // The wasm holds code only: far smaller than the archive's 2.4 MB of text.
      const wasm = readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
      assert.ok(wasm, 'a wasm file');
      const shardedSize = statSync(path.join(DIST, wasm)).size;
      assert.ok(shardedSize < 600_000, `the sharded app's wasm carries no corpus (${shardedSize} B)`);

      const { results } = await search(page, '产业');
      assert.ok(results.length >= 10, `a first page of results (${results.length})`);
      const shown = results.map((r) => [r.id, r.hits]);
      const cliTop = want.results.slice(0, shown.length).map((r) => [r.id, r.hits]);
      assert.deepEqual(shown, cliTop, 'same articles, same order, same counts as the CLI');
      const s = await stats(page);
      assert.ok(s, 'a stats line with data-total');
      assert.equal(s.total, want.total, `total articles: ${s.text}`);
      const read = archiveRequests(server);
      assert.ok(read.length < all.length / 5, `a query reads a few files of the archive (${read.length} of ${all.length})`);
    },
    { dir: DIST },
  );
});

test('while shards load the previous results stay with a progress indicator; the newer query wins', { skip }, async () => {
  const a = reference('产业');
  const b = reference('青岛');
  assert.ok(b.total > 0);
  await withApp(
    async ({ page }) => {
      await search(page, '产业');
      // From now on every archive file comes 1.5 s late.
      await page.route('**/archive/**', async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      const box = page.locator('input[type=search]').first();
      await box.fill('青岛');
      await page.waitForTimeout(500);
      const during = await readResults(page);
      assert.ok(during.results.length > 0 && !during.empty, 'never a blank list while loading');
      assert.equal(during.results[0].id, a.results[0].id, 'the previous results stay');
      assert.ok(await page.locator('[data-loading]').count(), 'a progress indicator while loading');
      await page.waitForFunction(() => !document.querySelector('[data-loading]'), null, { timeout: 15000 });
      const after = await readResults(page);
      assert.deepEqual(
        after.results.map((r) => [r.id, r.hits]),
        b.results.slice(0, after.results.length).map((r) => [r.id, r.hits]),
      );
    },
    { dir: DIST, contextOptions: { serviceWorkers: 'block' } },
  );
});

for (const [how, fault, says] of [
  ['refused', (route) => route.abort('connectionrefused')],
  ['answered 500', (route) => route.fulfill({ status: 500, body: 'down' })],
  ['damaged', (route) => route.fulfill({ status: 200, body: Buffer.from('not gzip at all') })],
  // The real file, its second half lost on the way.
  [
    'cut short',
    async (route) => {
      const body = await (await route.fetch()).body();
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: body.subarray(0, body.length >> 1) });
    },
  ],
  // A new deploy while the page is open: the files its root names are gone from the host.
  ['gone after a new deploy (HTTP 404)', (route) => route.fulfill({ status: 404, body: 'Not Found' }), /rebuilt|reload/i],
]) {
  test(`a shard that is ${how} is named on screen with a retry; retried, the query is answered in full`, { skip }, async () => {
    const want = reference('产业');
    await withApp(
      async ({ page }) => {
        // The browse list is on screen before the faults start (it is the view that must stay).
        await page.waitForSelector(RESULT, { timeout: 10000 });
        let failing = true;
        await page.route('**/archive/**', (route) => {
          if (failing && !route.request().url().endsWith('root.bin')) return fault(route);
          return route.continue();
        });
        const before = (await readResults(page)).results.map((r) => r.id);
        const box = page.locator('input[type=search]').first();
        await box.fill('产业');
        const err = page.locator('[data-archive-error]');
        await err.waitFor({ state: 'visible', timeout: 10000 });
        const text = await err.textContent();
        assert.match(text, /\.bin/, `the message names the file: ${text}`);
        if (says) assert.match(text, says, `the message says what to do: ${text}`);
        const during = (await readResults(page)).results.map((r) => r.id);
        assert.deepEqual(during, before, 'the previous view stays; no partial answer of the new query');
        failing = false;
        await page.locator('[data-archive-error] button').first().click();
        await page.waitForFunction(() => !document.querySelector('[data-archive-error]'), null, { timeout: 10000 });
        await page.waitForFunction(() => !document.querySelector('[data-loading]'), null, { timeout: 10000 });
        const { results } = await readResults(page);
        assert.deepEqual(
          results.map((r) => [r.id, r.hits]),
          want.results.slice(0, results.length).map((r) => [r.id, r.hits]),
        );
      },
      { dir: DIST, allowErrors: true, contextOptions: { serviceWorkers: 'block' } },
    );
  });
}

test('reader, KWIC and facets work over the sharded archive', { skip }, async () => {
  const want = reference('产业');
  await withApp(
    async ({ page }) => {
      const { results } = await search(page, '产业');
      const top = results[0];
      await openResult(page, top.id);
      await page.waitForFunction(() => document.querySelectorAll('article mark').length > 0, null, { timeout: 10000 });
      assert.equal(await readerMarks(page), want.results[0].hits, 'the reader marks every hit of its article');
      await page.keyboard.press('Escape');
      // Facet counts over every match: the year facet's counts add up to the matching articles.
      await page.waitForSelector('[data-facet="year"] label .n', { timeout: 10000 });
      const years = await page.evaluate(() =>
        [...document.querySelectorAll('[data-facet="year"] label .n')].map((e) => Number(e.textContent.replace(/\D/g, ''))),
      );
      assert.ok(years.length > 0, 'a year facet');
      assert.equal(
        years.reduce((a, b) => a + b, 0),
        want.total,
        'year counts add up to every match',
      );
    },
    { dir: DIST },
  );
});

test('a deep link to an article opens it (its id resolved from the archive)', { skip }, async () => {
  const want = reference('产业');
  const id = want.results[3].id;
  await withApp(
    async ({ page }) => {
      await page.waitForSelector('article', { state: 'visible', timeout: 15000 });
      const title = (await page.locator('article h1, article h2').first().textContent()).trim();
      assert.equal(title, want.results[3].title);
    },
    { dir: DIST, path: `#a=${encodeURIComponent(id)}` },
  );
});

test('offline before saving, a query that needs a file not cached says so; saved, every query works offline; forgotten, nothing stays', { skip }, async () => {
  const server = await serve({ mounts: { '/': DIST } });
  const browser = await launch();
  const same = async (page, q, label) => {
    const want = reference(q);
    const { results } = await search(page, q);
    assert.deepEqual(
      results.map((r) => [r.id, r.hits]),
      want.results.slice(0, results.length).map((r) => [r.id, r.hits]),
      `${label}: ${q}`,
    );
  };
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await appReady(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller, null, { timeout: 15000 });
    await page.reload();
    await appReady(page);
    await same(page, '产业', 'online');
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    await same(page, '产业', 'offline, from the files the service worker kept');
    await page.locator('input[type=search]').first().fill('海滨日报记者');
    await page.locator('[data-archive-error]').waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await page.locator('[data-archive-error]').textContent(), /offline|离线/i);
    await context.setOffline(false);

    await page.locator('[data-offline] button[data-save]').click();
    await page.waitForSelector('[data-offline][data-saved]', { timeout: 120000 });
    const text = await page.locator('[data-offline]').textContent();
    assert.match(text, /[0-9.]+\s*(MB|KB)/, `shows the space it takes: ${text}`);
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    for (const q of ['青岛', '发展', '海滨日报记者']) await same(page, q, 'saved, offline');
    await context.setOffline(false);

    await page.locator('[data-offline] button[data-forget]').click();
    await page.waitForSelector('[data-offline]:not([data-saved])', { timeout: 10000 });
    const left = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((k) => k.endsWith(':archive'));
      let n = 0;
      for (const k of names) n += (await (await caches.open(k)).keys()).length;
      return n;
    });
    assert.equal(left, 0, 'forgetting empties the archive cache');
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the widget on another origin reads the sharded archive (CORS) and answers as the CLI', { skip }, async () => {
  const want = reference('产业');
  // The app and its archive on one origin (allowing any other to read them), the host page on another.
  const app = await serve({ mounts: { '/': DIST }, headers: { 'access-control-allow-origin': '*' } });
  const dir = mkdtempSync(path.join(tmpdir(), 'xunyue-host-'));
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>host</title>
      <script src="${app.url}/xunyue-widget.js" defer></script>
      <xunyue-explorer id="w" query="产业" height="600"></xunyue-explorer>`,
  );
  const host = await serve({ mounts: { '/': dir } });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${host.url}/`);
    const ids = await page.waitForFunction(
      (n) => {
        const root = document.querySelector('#w')?.shadowRoot;
        const rows = root ? [...root.querySelectorAll('[data-article-id][data-hits]:not(article)')] : [];
        return rows.length >= n && !root.querySelector('[data-loading]') ? rows.map((r) => [r.getAttribute('data-article-id'), Number(r.getAttribute('data-hits'))]) : null;
      },
      10,
      { timeout: 20000 },
    );
    const got = await ids.jsonValue();
    assert.deepEqual(got, want.results.slice(0, got.length).map((r) => [r.id, r.hits]));
    assert.ok(app.requests.some((r) => r.path === '/archive/root.bin'), 'the archive came from the app origin');
  } finally {
    await browser.close();
    await app.close();
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
