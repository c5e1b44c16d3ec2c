// Typing and long result lists in headless Chromium: results follow every keystroke (no debounce on a
// page that answers fast), and only the first page of results is rendered, with "show more" for the rest,
// while the counts (stats line, data-hits) stay those of every match. Values come from the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, search, readResults, cli } from './harness.mjs';

const LIMIT = 120_000;
// Matches every article of the seed corpus: more than one page of results.
const MANY = '的 | 在 | 年';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

test('typing with an input method searches what it commits, never the pinyin being composed', { timeout: LIMIT }, async () => {
  const expected = cli('search', '--json', '华大').results.map((r) => r.id);
  assert.ok(cli('search', '--json', 'h').results.length > 0, 'the pinyin alone would find something: the test can see it searched');
  await withApp(async ({ page }) => {
    await page.waitForSelector('.page-group');
    const before = JSON.stringify(await readResults(page));
    // Record every state of the results and the URL while composing.
    await page.evaluate(() => {
      window.__states = [];
      const note = () => window.__states.push({
        stats: document.querySelector('#xunyue-stats')?.textContent ?? '',
        empty: !!document.querySelector('.empty, [data-empty]'),
        hash: decodeURIComponent(location.hash),
      });
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.focus('input[type=search]');
    // Chromium's own IME path (keydown 229, composition events, input events with isComposing).
    const cdp = await page.context().newCDPSession(page);
    for (const text of ['h', 'hu', 'hua', 'huad', 'huada']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await sleep(120);
    }
    assert.equal(await page.locator('input[type=search]').inputValue(), 'huada', 'the composition shows in the box');
    assert.equal(JSON.stringify(await readResults(page)), before, 'nothing was searched while composing');
    const composing = await page.evaluate(() => window.__states);
    assert.ok(!composing.some((s) => s.empty), `no "no results" flicker: ${JSON.stringify(composing)}`);
    assert.ok(!(await page.evaluate(() => location.hash)).includes('q='), 'the pinyin never reaches the URL');
    // Committing searches the committed text.
    await cdp.send('Input.insertText', { text: '华大' });
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('q=华大'), null, { timeout: 5000 }).catch(() => {});
    const after = await readResults(page);
    assert.deepEqual(after.results.map((r) => r.id), expected.slice(0, 10));
    assert.equal(await page.locator('input[type=search]').inputValue(), '华大');
    // Dispatched composition events (what other browsers send) behave the same.
    await page.evaluate(() => {
      const box = document.querySelector('input[type=search]');
      box.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
      box.value = '华大q';
      box.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: 'q', inputType: 'insertCompositionText' }));
    });
    await sleep(300);
    assert.deepEqual((await readResults(page)).results.map((r) => r.id), expected.slice(0, 10), 'an input event while composing does not search');
    await page.evaluate(() => {
      const box = document.querySelector('input[type=search]');
      box.value = '华大青岛';
      box.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: '青岛', inputType: 'insertCompositionText' }));
      box.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '青岛' }));
    });
    await page.waitForFunction(() => decodeURIComponent(location.hash).includes('q=华大青岛'), null, { timeout: 5000 });
  });
});
