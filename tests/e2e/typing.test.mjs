// Typing and long result lists in headless Chromium: results follow every keystroke (no debounce on a
// page that answers fast), and only the first page of results is rendered, with "show more" for the rest,
// while the counts (stats line, data-hits) stay those of every match. Values come from the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, search, readResults, cli } from './harness.mjs';

const LIMIT = 120_000;
// Matches every article of the seed corpus: more than one page of results.
const MANY = '的 | 在 | 年';

/** Type one more character the way a keyboard does, and read the results before the next frame. */
const typeAndReadBeforeNextFrame = (page, text) =>
  page.evaluate((text) => new Promise((ok) => {
    const input = document.querySelector('input[type=search]');
    input.focus();
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text.slice(-1) }));
    requestAnimationFrame(() => ok({
      results: [...document.querySelectorAll('[data-article-id][data-hits]:not(article)')].map((el) => ({
        id: el.dataset.articleId, hits: Number(el.dataset.hits), marks: el.querySelectorAll('mark').length,
      })),
      stats: document.querySelector('#xunyue-stats')?.textContent ?? '',
    }));
  }), text);

test('results are in the page before the next frame after a keystroke (no debounce)', { timeout: LIMIT }, async () => {
  const expected = cli('search', '--json', '青').results;
  assert.ok(expected.length > 0);
  await withApp(async ({ page }) => {
    await page.waitForSelector('.page-group');
    const shown = await typeAndReadBeforeNextFrame(page, '青');
    assert.deepEqual(shown.results.map((r) => [r.id, r.hits]), expected.slice(0, 10).map((r) => [r.id, r.hits]));
    assert.ok(shown.results.every((r) => r.marks > 0), 'every result shows its hits marked');
    const total = expected.reduce((s, r) => s + r.hits, 0);
    assert.ok(shown.stats.includes(String(total)), `stats line ${shown.stats} counts ${total} hits`);
  });
});

test('a long result list renders its first page; show more reveals the rest; counts stay exact', { timeout: LIMIT }, async () => {
  const expected = cli('search', '--json', MANY).results;
  assert.ok(expected.length > 10, `${MANY} matches more than one page of articles`);
  const hits = expected.reduce((s, r) => s + r.hits, 0);
  await withApp(async ({ page, screenshot }) => {
    const first = await search(page, MANY);
    assert.deepEqual(first.results.map((r) => [r.id, r.hits]), expected.slice(0, 10).map((r) => [r.id, r.hits]));
    const stats = await page.locator('#xunyue-stats').textContent();
    assert.ok(stats.includes(String(expected.length)) && stats.includes(String(hits)), `stats count every match: ${stats}`);
    const more = page.locator('.show-more');
    assert.match(await more.textContent(), new RegExp(`\\(${expected.length - 10}\\)`));
    await screenshot('typing-show-more');
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-article-id][data-hits]:not(article)').length === n, expected.length);
    const all = await readResults(page);
    assert.deepEqual(all.results.map((r) => [r.id, r.hits]), expected.map((r) => [r.id, r.hits]));
    assert.equal(await more.count(), 0, 'no more to show');
    // The chart still shows every result.
    assert.equal(await page.locator('.chart a.bar').count(), expected.length);
    // A new query starts again from its first page.
    await search(page, '');
    const browse = await readResults(page);
    const articles = cli('articles', '--json').length;
    assert.equal(browse.results.length, Math.min(10, articles));
    if (articles > 10) {
      await page.locator('.show-more').click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-article-id][data-hits]:not(article)').length === n, articles);
    }
  });
});

test('the concordance renders its first 100 rows; show more adds the next 100', { timeout: LIMIT }, async () => {
  const query = '的';
  const hits = cli('search', '--json', query).results.reduce((s, r) => s + r.hits, 0);
  assert.ok(hits > 100, `${query} occurs more than 100 times`);
  await withApp(async ({ page }) => {
    await search(page, query);
    await page.locator('.views button').nth(1).click();
    await page.waitForSelector('table.kwic');
    const rows = () => page.locator('table.kwic tbody tr').count();
    assert.equal(await rows(), 100);
    const stats = await page.locator('#xunyue-stats').textContent();
    assert.ok(stats.includes(String(hits)), `stats count every hit: ${stats}`);
    await page.locator('.show-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('table.kwic tbody tr').length === n, Math.min(200, hits));
  });
});
