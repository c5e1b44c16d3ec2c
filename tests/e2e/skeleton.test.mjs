// The walking skeleton as a reader sees it, in headless Chromium against the built app (dist/).
// Expected results come from the native CLI over the same embedded corpus (same articles, same hit
// counts, exact matches first), and the issue's own numbers are checked too: 青岛华大 occurs exactly
// on pages 000 (15 times) and 001 (6 times).
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

/** The CLI's answer reduced to what the UI shows: [{ id, page, hits, exact }] in rank order. */
function cliResults(query) {
  const res = cli('search', '--json', query);
  assert.equal(res.query, query);
  return res.results.map((r) => ({ id: r.id, page: r.page, hits: r.hits, exact: r.exact }));
}

function byId(results) {
  return Object.fromEntries(results.map((r) => [r.id, { page: r.page, hits: r.hits }]));
}

/**
 * The browser shows the same articles with the same hit counts as the CLI, the exact matches first
 * (and flagged as such where the result carries data-exact).
 */
function assertSameAsCli(shown, expected) {
  assert.deepEqual(byId(shown), byId(expected));
  const exact = expected.filter((r) => r.exact).map((r) => r.id);
  assert.deepEqual(
    shown.slice(0, exact.length).map((r) => r.id).sort(),
    [...exact].sort(),
    'the exact matches are not listed first',
  );
  for (const r of shown) {
    if (r.exact !== null) assert.equal(r.exact, exact.includes(r.id), `data-exact of ${r.id}`);
  }
}

test('the page loads with a search box and no console error', { timeout: LIMIT }, async () => {
  await withApp(async ({ page, errors, screenshot }) => {
    assert.match(await page.title(), /寻阅/);
    await page.waitForTimeout(500); // let late errors surface
    assert.deepEqual(errors, []);
    await screenshot('home');
  });
});

test('青岛华大 is found exactly on pages 000 and 001, with 15 and 6 hits', { timeout: LIMIT }, async () => {
  const query = '青岛华大';
  const expected = cliResults(query);
  // The CLI's exact matches agree with the numbers...
  assert.deepEqual(hitsPerPage(expected.filter((r) => r.exact)), { [PAGE_000]: 15, [PAGE_001]: 6 });

  await withApp(async ({ page, screenshot }) => {
    const { results, empty } = await search(page, query);
    assert.equal(empty, false, 'empty state shown for a query that occurs');
    // ...and the browser agrees with the CLI, article by article, exact matches first.
    assertSameAsCli(results, expected);
    const exactShown = results.slice(0, expected.filter((r) => r.exact).length);
    assert.deepEqual(hitsPerPage(exactShown), { [PAGE_000]: 15, [PAGE_001]: 6 });
    for (const r of results) assert.ok(r.marks > 0, `result ${r.id} shows no <mark> in its snippet`);
    await screenshot('results-qingdao-huada');
  });
});

test('opening a 青岛华大 result marks every hit in the reader', { timeout: LIMIT }, async () => {
  const query = '青岛华大';
  const expected = cliResults(query);
  // The exact match with most hits on each page.
  const tops = [PAGE_000, PAGE_001].map((p) =>
    expected.filter((r) => r.exact && r.page === p).sort((a, b) => b.hits - a.hits)[0],
  );
  for (const top of tops) {
    assert.ok(top, 'CLI found no article on one of the pages');
    await withApp(async ({ page, screenshot }) => {
      await search(page, query);
      await openResult(page, top.id);
      assert.equal(await readerMarks(page), top.hits, `<mark> count in the reader for ${top.id}`);
      await screenshot(`reader-${top.page}`);
      await screenshot(`reader-${top.page}-view`, { fullPage: false });
    });
  }
});

for (const [query, name] of [
  ['5.4个百分点', 'spaced-number'],
  ['ＢＧ１３６', 'fullwidth'],
]) {
  test(`${query} is found, as the CLI finds it`, { timeout: LIMIT }, async () => {
    const expected = cliResults(query);
    assert.ok(expected.some((r) => r.exact), `the CLI finds no exact match for ${query}`);
    await withApp(async ({ page, screenshot }) => {
      const { results, empty } = await search(page, query);
      assert.equal(empty, false);
      assertSameAsCli(results, expected);
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
