// What the results say about a query, in headless Chromium, against the CLI (the same engine):
// queries of exclusions only, hits that are the query as typed against words found apart (stats line,
// chart, concordance, "exact only"), terms missing from partial results, the engine's snippets, the
// lowercase `or`, and counts in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, search, readResults, openResult, RESULT, cli } from './harness.mjs';

const LIMIT = 120_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
const text = (page, sel) => page.locator(sel).first().textContent().then((t) => t.replace(/\s+/g, ' ').trim());

for (const query of ['-马铃薯', '-"华大"']) {
  test(`a query of exclusions only (${query}) lists every article without it, with no hits to count`, { timeout: LIMIT }, async () => {
    const res = cli('search', '--json', '--', query);
    assert.ok(res.notices.includes('OnlyExcluded'), JSON.stringify(res.notices));
    const all = cli('articles', '--json');
    const term = query.replace(/[-"]/g, '');
    const without = all.filter((a) => !`${a.title}\n${a.text}`.includes(term)).map((a) => a.id);
    assert.deepEqual([...res.results.map((r) => r.id)].sort(), [...without].sort(), 'the CLI lists every article without the term');
    await withApp(async ({ page }) => {
      const { results } = await search(page, query);
      assert.deepEqual(results.map((r) => r.id), res.results.slice(0, 10).map((r) => r.id));
      assert.ok(results.every((r) => r.hits === 0 && r.marks === 0), 'no hit, nothing marked');
      assert.equal(await page.locator(`${RESULT} .hit-count`).count(), 0, 'no "0 hits" line per result');
      const stats = await text(page, '#xunyue-stats');
      assert.ok(stats.includes(String(res.results.length)), stats);
      assert.doesNotMatch(stats, /处|hit/, `the stats line counts articles, not hits: ${stats}`);
      assert.ok((await text(page, '.notice[data-notice="only-excluded"]')).length > 0, 'the page says what it lists');
      assert.equal(await page.locator('.chart').count(), 0, 'no chart of zero hits');
      assert.equal(await page.locator('.views').count(), 0, 'no concordance of zero hits');
      await openResult(page, results[0].id);
      assert.equal(await page.locator('article mark').count(), 0);
      assert.equal(await page.locator('.hit-nav').count(), 0, 'no hit counter in the reader');
    });
  });
}

test('hits as typed and words found apart are told apart: stats line, chart, concordance, exact only', { timeout: LIMIT }, async () => {
  const Q = '青岛华大';
  const res = cli('search', '--json', Q);
  const total = res.results.reduce((s, r) => s + r.hits, 0);
  const exact = res.results.reduce((s, r) => s + r.exact_hits, 0);
  assert.ok(exact > 0 && exact < total, `${Q} has both kinds of hits (${exact} of ${total})`);
  await withApp(async ({ page, screenshot }) => {
    await search(page, Q);
    const stats = await text(page, '#xunyue-stats');
    assert.ok(stats.includes(String(total)), `total hits: ${stats}`);
    assert.match(stats, new RegExp(`${exact}\\D+${total - exact}\\D`), `exact, then apart: ${stats}`);
    // Chart: each bar knows its hits and how many are exact.
    await page.waitForSelector('.chart a.bar');
    const bars = await page.$$eval('.chart a.bar', (bs) => bs.map((b) => ({
      id: b.dataset.articleIdBar, hits: Number(b.dataset.hits), exact: Number(b.dataset.exactHits),
      rects: [...b.querySelectorAll('rect')].map((r) => r.getAttribute('class')),
    })));
    for (const r of res.results) {
      const bar = bars.find((b) => b.id === r.id);
      assert.deepEqual([bar.hits, bar.exact], [r.hits, r.exact_hits], r.id);
      if (r.exact_hits > 0) assert.ok(bar.rects.includes('exact'), JSON.stringify(bar));
      if (r.exact_hits < r.hits) assert.ok(bar.rects.includes('apart'), JSON.stringify(bar));
    }
    assert.ok((await page.locator('.chart .legend').count()) > 0, 'the chart says which colour is which');
    // Concordance: every row says which kind it is.
    await page.locator('.views button').nth(1).click();
    await page.waitForSelector('table.kwic');
    const kinds = await page.$$eval('table.kwic tbody tr', (trs) => trs.map((t) => t.dataset.exact));
    assert.equal(kinds.filter((k) => k === 'true').length, exact);
    assert.equal(kinds.filter((k) => k === 'false').length, total - exact);
    await screenshot('search-kwic-apart');
    // Exact only: the articles with the query as typed, their hits, in every view.
    await page.locator('button.exact-only').click();
    await page.waitForFunction((n) => document.querySelectorAll('table.kwic tbody tr').length === n, exact);
    assert.equal(await page.locator('button.exact-only').getAttribute('aria-pressed'), 'true');
    assert.ok((await page.$$eval('table.kwic tbody tr', (trs) => trs.map((t) => t.dataset.exact))).every((k) => k === 'true'));
    assert.match(await hash(page), /exact=1/);
    await page.locator('.views button').nth(0).click();
    await page.waitForSelector(RESULT);
    const shown = (await readResults(page)).results;
    assert.deepEqual(shown.map((r) => r.id), res.results.filter((r) => r.exact).map((r) => r.id));
    assert.ok(shown.every((r) => r.exact));
    assert.ok((await text(page, '#xunyue-stats')).includes(String(exact)));
    assert.equal(await page.locator('.chart a.bar').count(), shown.length);
    await page.locator('button.exact-only').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-article-id][data-hits]:not(article)').length === n, res.results.length);
  });
});

test('a partial result says which term it lacks, and is not "words apart"', { timeout: LIMIT }, async () => {
  const Q = '量子计算机';
  const res = cli('search', '--json', Q);
  assert.ok(res.partial && res.results.length > 0);
  const lacks = res.results[0].missing.map((i) => res.terms[i]);
  await withApp(async ({ page }) => {
    await search(page, Q);
    const first = page.locator(RESULT).first();
    assert.equal(await first.locator('.badge').count(), 0, 'no words-apart badge');
    const missing = await first.locator('.missing').textContent();
    for (const t of lacks) assert.ok(missing.includes(t), `${missing} names ${t}`);
    assert.ok((await page.locator('.notice').count()) > 0, 'the partial notice');
  });
});

test('results show the engine\'s snippets, as the CLI does', { timeout: LIMIT }, async () => {
  await withApp(async ({ page }) => {
    for (const q of ['青岛华大', '基因 细胞', '华大', '细胞 OR 干细胞']) {
      const res = cli('search', '--json', q);
      await search(page, q);
      const shown = await page.$$eval(`[data-article-id][data-hits]:not(article)`, (els) =>
        els.map((el) => ({ id: el.dataset.articleId, snippets: [...el.querySelectorAll('.snippet')].map((s) => s.textContent) })));
      for (const s of shown) {
        const r = res.results.find((x) => x.id === s.id);
        assert.deepEqual(s.snippets, [r.snippet], `${q}: ${s.id}`);
      }
    }
  });
});

test('a lowercase "or" is searched as a word, and the page says how to ask for either', { timeout: LIMIT }, async () => {
  const res = cli('search', '--json', '华大 or 细胞');
  assert.ok(res.terms.includes('or'), 'the engine reads `or` as a term');
  await withApp(async ({ page }) => {
    await search(page, '华大 or 细胞');
    assert.match(await text(page, '.notice[data-notice="lowercase-or"]'), /OR/);
    await search(page, '华大 OR 细胞');
    assert.equal(await page.locator('.notice[data-notice="lowercase-or"]').count(), 0);
  });
});

test('English counts: one article, one hit', { timeout: LIMIT }, async () => {
  const Q = '华大 -华大智造';
  const res = cli('search', '--json', Q);
  assert.equal(res.results.length, 1);
  assert.equal(res.results[0].hits, 1);
  await withApp(async ({ page }) => {
    await search(page, Q);
    const stats = await text(page, '#xunyue-stats');
    assert.match(stats, /\b1 article\b/, stats);
    assert.match(stats, /\b1 hit\b/, stats);
    assert.match(await text(page, `${RESULT} .hit-count`), /^1 hit\b/);
    await search(page, '青岛华大');
    assert.match(await text(page, '#xunyue-stats'), /articles .* hits/);
  }, { path: '#lang=en' });
});
