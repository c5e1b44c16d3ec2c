// The static site: dist/ served under a sub-path with the strict CSP header; what dist/ contains.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { launch, search, cli } from './harness.mjs';
import { DIST, serve, newPage, STRICT_CSP } from './ship-lib.mjs';
import { inlineCode } from '../../tools/postbuild.mjs';

const LIMIT = 180_000;
const QUERY = '华大';

/** Article ids the native CLI finds for a query: the reference. */
const cliIds = (q) => new Set(cli('search', '--json', q).results.map((r) => r.id));

test('dist/ has no inline script, inline handler or inline style; assets have content-hashed names', async () => {
  const files = await readdir(DIST);
  const html = files.filter((f) => f.endsWith('.html'));
  assert.ok(html.includes('index.html'));
  for (const f of html) {
    const text = await readFile(path.join(DIST, f), 'utf8');
    assert.deepEqual(inlineCode(text), [], `${f} has inline code`);
    // Every local script and stylesheet it loads exists and has a hashed name.
    const refs = [...text.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css|wasm))"/g)].map((m) => m[1]);
    assert.ok(refs.length >= 3, `${f} references its assets: ${refs}`);
    for (const r of refs) {
      assert.match(r, /-[0-9a-f]{16}(_bg)?\.(js|css|wasm)$/, `${r} is content-hashed`);
      assert.ok(files.includes(r), `${r} exists in dist/`);
    }
  }
  // Stable names only where a stable URL is the point.
  for (const f of ['sw.js', 'xunyue-widget.js', 'manifest.webmanifest']) assert.ok(files.includes(f), f);
  // No absolute URLs: dist/ must work under any sub-path.
  const index = await readFile(path.join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(index, /(?:src|href)="\//, 'index.html uses relative URLs');
});

test('served under /archive/xunyue/ with the strict CSP header: search, reader, deep link', { timeout: LIMIT }, async () => {
  const server = await serve({
    mounts: { '/archive/xunyue/': DIST },
    headers: { 'content-security-policy': STRICT_CSP },
  });
  const browser = await launch();
  try {
    const { page, problems, violations } = await newPage(browser);
    const base = `${server.url}/archive/xunyue/`;
    const response = await page.goto(base);
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
    await page.waitForSelector('input[type=search]', { timeout: 15000 });

    const expected = cliIds(QUERY);
    const { results } = await search(page, QUERY);
    assert.ok(results.length > 0, 'results shown');
    for (const r of results) {
      assert.ok(expected.has(r.id), `${r.id} is a CLI hit for ${QUERY}`);
      assert.ok(r.marks > 0, `${r.id} shows marked hits`);
    }
    await page.locator(`:not(article)[data-article-id="${results[0].id}"] a.open`).first().click();
    await page.waitForSelector('article mark', { timeout: 15000 });

    // A copied deep link restores the view under the sub-path.
    const link = page.url();
    assert.ok(link.startsWith(base) && link.includes('#'), link);
    const { page: page2 } = await newPage(browser);
    await page2.goto(link);
    await page2.waitForSelector('article mark', { timeout: 15000 });
    // Control: the policy is enforced and violations are seen (an inline style attribute is refused).
    await page2.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color: red">x</p>'));
    await page2.waitForFunction(() => window.__cspViolations.some((v) => v.startsWith('style-src')), null, { timeout: 5000 });

    // The other views under the policy too: keyword-in-context and its chart, English UI, dark scheme.
    await page.goto(`${base}#q=${encodeURIComponent(QUERY)}&view=kwic&lang=en`);
    await page.waitForSelector('main mark');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);

    // Everything came from under the sub-path.
    for (const r of server.requests) assert.ok(r.path.startsWith('/archive/xunyue/'), `request outside the sub-path: ${r.path}`);
    assert.ok(server.requests.some((r) => r.path.endsWith('.wasm')));
    assert.deepEqual(await violations(), [], 'no CSP violation');
    assert.deepEqual(problems, [], 'no console error, failed request or CSP report');
  } finally {
    await browser.close();
    await server.close();
  }
});
