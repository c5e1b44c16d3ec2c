// The one-file edition (dist-onefile/xunyue.html) opened from disk, with no server:
// search, facets, reader, deep links; only its own hash-pinned script and style run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { launch, search, cli } from './harness.mjs';
import { newPage, ONEFILE } from './ship-lib.mjs';

const LIMIT = 180_000;
const cliIds = (q) => cli('search', '--json', q).results.map((r) => r.id).sort();

test('one file: self-contained, with its own strict CSP', async () => {
  const html = await readFile(ONEFILE, 'utf8');
  const size = (await stat(ONEFILE)).size;
  const gz = gzipSync(html, { level: 9 }).length;
  console.log(`# ${ONEFILE}: ${(size / 1024).toFixed(0)} KiB, ${(gz / 1024).toFixed(0)} KiB gzip`);
  // Nothing is loaded from elsewhere.
  assert.doesNotMatch(html, /<script[^>]+\bsrc=/i);
  assert.doesNotMatch(html, /<link[^>]+rel="(stylesheet|modulepreload|preload|manifest)"/i);
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'CSP meta tag');
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[^']+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
});

test('one file from file://: search, facets, reader, deep link, no network', { timeout: LIMIT }, async () => {
  const browser = await launch();
  try {
    const { page, problems, violations } = await newPage(browser);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(ONEFILE).href;
    await page.goto(url);
    await page.waitForSelector('input[type=search]', { timeout: 20000 });

    // Search: the CLI's answer.
    const { results } = await search(page, '华大');
    assert.deepEqual(results.map((r) => r.id).sort(), cliIds('华大'));
    assert.ok(results.every((r) => r.marks > 0));

    // A facet narrows the results and lands in the URL hash.
    const box = page.locator('fieldset input[type=checkbox]').first();
    await box.check();
    await page.waitForFunction(() => location.hash.includes('f='));
    const narrowed = await search(page, '华大');
    assert.ok(narrowed.results.length > 0 && narrowed.results.length <= results.length);
    await box.uncheck();

    // Reader.
    const id = results[0].id;
    await page.locator(`:not(article)[data-article-id="${id}"] a.open`).first().click();
    await page.waitForSelector('article mark');
    const link = page.url();
    assert.ok(link.startsWith('file://') && link.includes('a='), link);

    // The copied deep link restores the reader in a fresh page.
    const { page: page2 } = await newPage(browser);
    await page2.goto(link);
    await page2.waitForSelector('article mark', { timeout: 20000 });
    assert.equal(await page2.locator('article').first().getAttribute('data-article-id'), id);

    for (const r of requests) assert.match(r, /^(file|data|blob):/, `network request ${r}`);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
