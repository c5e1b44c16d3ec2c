// The walking skeleton as a reader sees it, in headless Chromium against the built app (dist/).
// Expected numbers come from the native CLI over the same embedded corpus, and the issue's own
// numbers (青岛华大: 15 hits on page 000, 6 on page 001) are checked as well.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, search, openResult, readerMarks, cli } from './harness.mjs';

const LIMIT = 180_000; // ms per test: a hung browser fails fast instead of stalling CI

const PAGE_000 = '000_4f4c079eaddbb646';
const PAGE_001 = '001_7e738b3ff5d7c164';

/** Sum of hits per page stem, from a list of { page, hits }. */
function hitsPerPage(results) {
  const out = {};
  for (const r of results) out[r.page] = (out[r.page] ?? 0) + r.hits;
  return out;
}

/** The CLI's answer reduced to what the UI shows: id → { page, hits }. */
function cliResults(query) {
  const res = cli('search', '--json', query);
  assert.equal(res.query, query);
  return res.results.map((r) => ({ id: r.id, page: r.page, hits: r.hits }));
}

function byId(results) {
  return Object.fromEntries(results.map((r) => [r.id, { page: r.page, hits: r.hits }]));
}

test('the page loads with a search box and no console error', { timeout: LIMIT }, async () => {
  await withApp(async ({ page, errors, screenshot }) => {
    assert.match(await page.title(), /寻阅/);
    await page.waitForTimeout(500); // let late errors surface
    assert.deepEqual(errors, []);
    await screenshot('home');
  });
});

test('青岛华大 is found on exactly pages 000 and 001, with 15 and 6 hits', { timeout: LIMIT }, async () => {
  const query = '青岛华大';
  const expected = cliResults(query);
  // The CLI agrees with the numbers...
  assert.deepEqual(hitsPerPage(expected), { [PAGE_000]: 15, [PAGE_001]: 6 });

  await withApp(async ({ page, screenshot }) => {
    const { results, empty } = await search(page, query);
    assert.equal(empty, false, 'empty state shown for a query that occurs');
    // ...and the browser agrees with the CLI, article by article.
    assert.deepEqual(byId(results), byId(expected));
    assert.deepEqual(hitsPerPage(results), { [PAGE_000]: 15, [PAGE_001]: 6 });
    for (const r of results) assert.ok(r.marks > 0, `result ${r.id} shows no <mark> in its snippet`);
    await screenshot('results-qingdao-huada');
  });
});

test('opening a 青岛华大 result marks every hit in the reader', { timeout: LIMIT }, async () => {
  const query = '青岛华大';
  const expected = cliResults(query);
  // The article with most hits on each page.
  const tops = [PAGE_000, PAGE_001].map((p) =>
    expected.filter((r) => r.page === p).sort((a, b) => b.hits - a.hits)[0],
  );
  for (const top of tops) {
    assert.ok(top, 'CLI found no article on one of the pages');
    await withApp(async ({ page, screenshot }) => {
      await search(page, query);
      await openResult(page, top.id);
      assert.equal(await readerMarks(page), top.hits, `<mark> count in the reader for ${top.id}`);
      await screenshot(`reader-${top.page}`);
    });
  }
});

for (const [query, name] of [
  ['5.4个百分点', 'spaced-number'],
  ['ＢＧ１３６', 'fullwidth'],
]) {
  test(`${query} is found, as the CLI finds it`, { timeout: LIMIT }, async () => {
    const expected = cliResults(query);
    assert.ok(expected.length > 0, `the CLI finds nothing for ${query}`);
    await withApp(async ({ page, screenshot }) => {
      const { results, empty } = await search(page, query);
      assert.equal(empty, false);
      assert.deepEqual(byId(results), byId(expected));
      for (const r of results) assert.ok(r.marks > 0, `result ${r.id} shows no <mark> in its snippet`);
      await screenshot(`results-${name}`);
    });
  });
}

test('a query that occurs nowhere shows the empty state', { timeout: LIMIT }, async () => {
  const query = '区块链';
  assert.deepEqual(cliResults(query), [], 'the CLI finds 区块链 somewhere');
  await withApp(async ({ page, screenshot }) => {
    const { results, empty } = await search(page, query);
    assert.deepEqual(results, []);
    assert.equal(empty, true, 'no [data-empty] or .empty element is visible');
    await screenshot('results-empty');
  });
});
