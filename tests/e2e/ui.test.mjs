// Explorer UI in headless Chromium: facets, results, reader, KWIC, chart, deep links, keyboard, languages,
// accessibility (axe-core). Values are read from the page or the CLI, never written in here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { withApp, search, readResults, openResult, RESULT, cli } from './harness.mjs';

const LIMIT = 120_000;
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const Q = '青岛华大';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Facets as shown: { kind: [{ value, label, count, checked }] }. */
const readFacets = (page) =>
  page.evaluate(() => {
    const out = {};
    for (const fs of document.querySelectorAll('fieldset[data-facet]')) {
      out[fs.dataset.facet] = [...fs.querySelectorAll('input[type=checkbox]')].map((i) => ({
        value: i.value,
        label: document.querySelector(`label[for="${i.id}"]`)?.textContent ?? '',
        count: Number(document.querySelector(`label[for="${i.id}"] .n`)?.textContent),
        checked: i.checked,
      }));
    }
    return out;
  });

const checkbox = (page, kind, value) =>
  page.locator(`fieldset[data-facet="${kind}"] input[type=checkbox][value="${value}"]`);

/** Wait until the result list differs from `before` and stays the same for a moment. */
async function settled(page, before) {
  let last = '';
  for (let i = 0; i < 100; i++) {
    const sig = JSON.stringify(await readResults(page));
    if (sig === last && sig !== before) return JSON.parse(sig);
    last = sig;
    await sleep(80);
  }
  return JSON.parse(last);
}

const counter = (page) => page.locator('.hit-counter .count').textContent().then((t) => t.replace(/\s+/g, ' ').trim());
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));

test('facets: fieldsets with labelled checkboxes, live counts, OR within, AND across, chips, clear all', { timeout: LIMIT }, async () => {
  await withApp(async ({ page }) => {
    await page.waitForSelector('fieldset[data-facet] legend');
    const all = (await readResults(page)).results.length;
    assert.ok(all > 1, 'browse mode lists the articles');
    let facets = await readFacets(page);
    for (const kind of ['org', 'person', 'place', 'kw', 'page']) {
      assert.ok(facets[kind]?.length > 0, `facet ${kind} has values`);
      for (const v of facets[kind]) assert.ok(v.label.trim().length > 0 && v.count > 0, `${kind} value labelled, counted`);
    }
    // Every checkbox has a label and every fieldset a legend.
    const unlabelled = await page.$$eval('fieldset input[type=checkbox]', (els) =>
      els.filter((e) => !document.querySelector(`label[for="${e.id}"]`)).length);
    assert.equal(unlabelled, 0);

    // One org: the list shrinks to its count.
    const [o1, o2] = facets.org;
    let before = JSON.stringify(await readResults(page));
    await checkbox(page, 'org', o1.value).check();
    let r = await settled(page, before);
    assert.equal(r.results.length, o1.count, `selecting ${o1.value} shows as many articles as its count`);
    // Its own facet still offers the other values (OR within); counts under the selection elsewhere.
    facets = await readFacets(page);
    const o2now = facets.org.find((v) => v.value === o2.value);
    assert.ok(o2now, 'other values of the same facet stay listed');
    before = JSON.stringify(r);
    await checkbox(page, 'org', o2.value).check();
    r = await settled(page, before);
    assert.ok(r.results.length >= Math.max(o1.count, o2.count) && r.results.length <= o1.count + o2.count, 'OR within a facet');
    // AND across: a page value narrows to at most its live count.
    facets = await readFacets(page);
    const pg = facets.page.find((v) => v.count > 0);
    before = JSON.stringify(r);
    await checkbox(page, 'page', pg.value).check();
    r = await settled(page, before);
    assert.equal(r.results.length, pg.count, 'the live count of a value is what selecting it gives');
    assert.ok(r.results.every((x) => x.page === pg.value), 'AND across facets');

    // Chips: one per selection; removing one unchecks it; clear all empties them.
    assert.equal(await page.locator('.chips .chip').count(), 3);
    assert.match(await hash(page), /f=org:/);
    await page.locator(`.chips .chip[data-facet="page"]`).click();
    await page.waitForFunction(() => document.querySelectorAll('.chips .chip').length === 2);
    assert.equal(await checkbox(page, 'page', pg.value).isChecked(), false);
    await page.locator('.chips .clear-all').click();
    await page.waitForFunction(() => !document.querySelector('.chips'));
    assert.equal((await readResults(page)).results.length, all);

    // Counts follow the query.
    const res = await search(page, Q);
    facets = await readFacets(page);
    const total = facets.page.reduce((s, v) => s + v.count, 0);
    assert.equal(total, res.results.length, 'page counts add up to the query results');
  });
});

test('results: meta line, snippets with marks, stats, sort by page, browse grouped by page with keywords', { timeout: LIMIT }, async () => {
  await withApp(async ({ page, screenshot }) => {
    // Browse mode.
    await page.waitForSelector('.page-group');
    const groups = await page.$$eval('.page-group', (gs) => gs.map((g) => g.dataset.page));
    const pages = [...new Set((await readResults(page)).results.map((r) => r.page))];
    assert.deepEqual(groups, pages, 'one group per page, in page order');
    assert.ok((await page.locator('.browse .keywords li').count()) > 0, 'keywords shown');

    const expected = cli('search', '--json', Q).results;
    const { results } = await search(page, Q);
    assert.deepEqual(results.map((r) => r.id), expected.map((r) => r.id), 'relevance order is the engine order');
    const stats = await page.locator('#xunyue-stats').textContent();
    const hits = expected.reduce((s, r) => s + r.hits, 0);
    assert.ok(stats.includes(String(results.length)) && stats.includes(String(hits)) && /ms/.test(stats), stats);
    assert.equal(await page.locator('#xunyue-stats').getAttribute('aria-live'), 'polite');
    const first = page.locator(RESULT).first();
    assert.ok((await first.locator('.meta').textContent()).length > 0, 'meta line');
    const snips = await first.locator('.snippet').count();
    assert.ok(snips >= 1 && snips <= 2, 'one or two snippets');
    assert.ok((await first.locator('.snippet mark').count()) > 0);

    const before = JSON.stringify(await readResults(page));
    await page.selectOption('.sort select', 'page');
    const byPage = await settled(page, before);
    const order = byPage.results.map((r) => r.id);
    const sorted = [...order].sort((a, b) => {
      const [pa, na] = a.split('#');
      const [pb, nb] = b.split('#');
      return pa < pb ? -1 : pa > pb ? 1 : Number(na) - Number(nb);
    });
    assert.deepEqual(order, sorted, 'page order');
    assert.match(await hash(page), /sort=page/);
    await screenshot('ui-test-results');
  });
});

test('the words-apart badge marks terms found apart, not one alternative of OR', { timeout: LIMIT }, async () => {
  await withApp(async ({ page }) => {
    const badged = () =>
      page.$$eval('[data-article-id][data-hits]:not(article)', (els) =>
        els.map((el) => ({ exact: el.dataset.exact, badge: !!el.querySelector('.hit-count .badge') })),
      );
    // Two terms (AND): the articles holding both, not side by side, carry the badge.
    const and = cli('search', '--json', '基因 细胞');
    assert.ok(and.results.some((r) => !r.exact), 'the CLI has results with the terms apart');
    await search(page, '基因 细胞');
    let rows = await badged();
    assert.ok(rows.length > 0);
    for (const r of rows) assert.equal(r.badge, r.exact === 'false', JSON.stringify(r));
    // One alternative of OR, verbatim: not exact as typed (the contract), but nothing is apart.
    const or = cli('search', '--json', 'TIL OR 驿站');
    assert.ok(or.results.length > 0 && or.results.every((r) => !r.exact), 'the CLI has OR results, none exact');
    await search(page, 'TIL OR 驿站');
    rows = await badged();
    assert.equal(rows.length, Math.min(or.results.length, 10));
    assert.ok(rows.every((r) => r.exact === 'false' && !r.badge), JSON.stringify(rows));
  });
});

test('reader: hit counter with next/previous (buttons, n/N), current hit in view, entities set a facet, related', { timeout: LIMIT }, async () => {
  await withApp(async ({ page }) => {
    const { results } = await search(page, Q);
    const top = results[0];
    await openResult(page, top.id);
    const reader = page.locator('article');
    assert.equal(await reader.getAttribute('data-article-id'), top.id);
    assert.equal(await reader.locator('mark').count() >= top.hits, true);
    assert.equal(await counter(page), `1 / ${top.hits}`);
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await page.waitForFunction(() => document.querySelector('.hit-counter .count')?.textContent.includes('3 /'));
    assert.equal(await counter(page), `3 / ${top.hits}`);
    assert.equal(await page.locator('mark.current').first().getAttribute('data-hit'), '2');
    const inView = await page.locator('mark.current').first().evaluate((m) => {
      const r = m.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    assert.ok(inView, 'the current hit is scrolled into view');
    assert.match(await hash(page), /hit=3/);
    await page.keyboard.press('Shift+N');
    await page.waitForFunction(() => document.querySelector('.hit-counter .count')?.textContent.includes('2 /'));
    await page.locator('.hit-nav .prev').click();
    await page.locator('.hit-nav .prev').click();
    assert.equal(await counter(page), `${top.hits} / ${top.hits}`, 'previous wraps around');
    await page.locator('.hit-nav .next').click();
    assert.equal(await counter(page), `1 / ${top.hits}`);
    // Headline and meta are set apart from the body.
    assert.equal(await reader.locator('.reader-head .headline').count(), 1);
    assert.ok((await reader.locator('.reader-head .meta').textContent()).length > 0);
    assert.ok((await page.locator('.related li a').count()) > 0, 'related articles');
    // An entity chip sets its facet and shows the list.
    const chip = page.locator('.entities .chip[data-facet="org"]').first();
    const value = await chip.getAttribute('data-value');
    await chip.click();
    await page.waitForSelector('.chips .chip');
    assert.equal(await checkbox(page, 'org', value).isChecked(), true);
    const r = await readResults(page);
    assert.ok(r.results.some((x) => x.id === top.id), 'the article is among the filtered results');
  });
});

test('deep links restore the view; back and forward walk it', { timeout: LIMIT }, async () => {
  const expected = cli('search', '--json', Q).results;
  const top = expected[0];
  const link = `#q=${encodeURIComponent(Q)}&sort=page&a=${encodeURIComponent(top.id)}&hit=4`;
  await withApp(async ({ page }) => {
    await page.waitForSelector('article');
    assert.equal(await page.locator('input[type=search]').inputValue(), Q);
    assert.equal(await counter(page), `4 / ${top.hits}`);
    assert.equal(await page.locator('article mark.current').first().getAttribute('data-hit'), '3');
    await page.locator('.reader-nav .back').click();
    await page.waitForSelector(RESULT);
    assert.equal(await page.locator('.sort select').inputValue(), 'page');
    await page.goBack();
    await page.waitForSelector('article');
    assert.equal(await counter(page), `4 / ${top.hits}`);
    await page.goForward();
    await page.waitForSelector(RESULT);
    assert.equal(await page.locator('article').count(), 0);
  }, { path: link });
});

test('KWIC: one row per hit, sortable by left and right context, a row opens the reader at its hit; chart bars open articles', { timeout: LIMIT }, async () => {
  await withApp(async ({ page }) => {
    const { results } = await search(page, Q);
    const hits = results.reduce((s, r) => s + r.hits, 0);
    // Chart: one bar per result.
    assert.equal(await page.locator('.chart a.bar').count(), results.length);
    await page.locator('.views button').nth(1).click();
    await page.waitForSelector('table.kwic');
    assert.equal(await page.locator('table.kwic tbody tr').count(), hits);
    // Left and right contexts sort as a Chinese reader orders them: by pinyin (the browser's collation),
    // punctuation and spaces left out; the left context from the hit outwards.
    const order = (a, b) => page.evaluate(([a, b]) => {
      const key = (s) => s.replace(/[\p{P}\p{S}\s]/gu, '');
      return new Intl.Collator('zh-u-co-pinyin').compare(key(a), key(b));
    }, [a, b]);
    const sortedBy = async (cells) => {
      for (let i = 1; i < cells.length; i++) {
        assert.ok((await order(cells[i - 1], cells[i])) <= 0, `${JSON.stringify(cells[i - 1])} before ${JSON.stringify(cells[i])}`);
      }
    };
    await page.locator('.kwic-sort.right').click();
    await page.waitForSelector('.kwic-sort.right[aria-pressed=true]');
    await sortedBy(await page.$$eval('table.kwic td.right', (tds) => tds.map((t) => t.textContent)));
    await page.locator('.kwic-sort.left').click();
    await page.waitForSelector('.kwic-sort.left[aria-pressed=true]');
    await sortedBy(await page.$$eval('table.kwic td.left', (tds) => tds.map((t) => [...t.textContent].reverse().join(''))));
    const row = page.locator('table.kwic tbody tr').nth(3);
    const id = await row.getAttribute('data-doc');
    const hit = Number(await row.getAttribute('data-hit'));
    await row.locator('td.key a').click();
    await page.waitForSelector('article');
    assert.equal(await page.locator('article').getAttribute('data-article-id'), id);
    assert.equal((await counter(page)).split(' / ')[0], String(hit + 1));
    await page.keyboard.press('Escape');
    await page.waitForSelector('table.kwic');
    const bar = page.locator('.chart a.bar').first();
    const barId = await bar.getAttribute('data-article-id-bar');
    await bar.click();
    await page.waitForSelector('article');
    assert.equal(await page.locator('article').getAttribute('data-article-id'), barId);
  });
});

test('keyboard: / focuses search, arrows move through results, Enter opens, Esc goes back', { timeout: LIMIT }, async () => {
  await withApp(async ({ page }) => {
    const { results } = await search(page, Q);
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.type), 'search');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.closest('[data-article-id]')?.dataset.articleId);
    assert.equal(focused, results[1].id);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(ring, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article');
    assert.equal(await page.locator('article').getAttribute('data-article-id'), results[1].id);
    await page.keyboard.press('Escape');
    await page.waitForSelector(RESULT);
    await page.waitForFunction((id) => document.activeElement?.closest('[data-article-id]')?.dataset.articleId === id, results[1].id);
  });
});

test('languages: Chinese by default, English on request, kept in the link', { timeout: LIMIT }, async () => {
  await withApp(async ({ page }) => {
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    const zh = await page.locator('fieldset legend').first().textContent();
    await page.locator('button.lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const en = await page.locator('fieldset legend').first().textContent();
    assert.notEqual(zh, en);
    assert.match(en, /^[A-Za-z ]+$/);
    assert.match(await hash(page), /lang=en/);
    assert.match(await page.locator('label[for="xunyue-q"]').textContent(), /[A-Za-z]/);
  });
});

async function axe(page, where) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  assert.deepEqual(found, [], `${where}: ${JSON.stringify(found, null, 1)}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`accessibility (axe-core, ${colorScheme}): no violation at all in any view`, { timeout: LIMIT }, async () => {
    await withApp(async ({ page }) => {
      await page.waitForSelector('fieldset');
      await axe(page, 'browse');
      const { results } = await search(page, Q);
      await axe(page, 'results');
      await page.locator('button.exact-only').click();
      await page.locator('fieldset[data-facet="org"] input[type=checkbox]').first().check();
      await page.locator('fieldset[data-facet="org"] button.mode').click();
      await page.waitForSelector('.chips .chip');
      await axe(page, 'results, exact only, a filter in "all of" mode');
      await page.locator('.chips .clear-all').click();
      await page.locator('button.exact-only').click();
      await page.locator('.views button').nth(1).click();
      await page.waitForSelector('table.kwic');
      await axe(page, 'kwic');
      await page.locator('.views button').nth(0).click();
      await page.waitForSelector(RESULT);
      await openResult(page, results[0].id);
      await axe(page, 'reader');
      await page.keyboard.press('Escape');
      await search(page, '量子计算机');
      await axe(page, 'partial results');
      await search(page, '-马铃薯');
      await axe(page, 'exclusions only');
      await search(page, 'zzzzzz');
      await axe(page, 'no results');
      await page.locator('button.lang').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
      await search(page, Q);
      await axe(page, 'results in English');
      // Landmarks.
      for (const sel of ['header[role=banner], header', 'main', 'form[role=search]', 'h1']) {
        assert.ok((await page.locator(sel).count()) > 0, sel);
      }
    }, { colorScheme });
    await withApp(async ({ page }) => {
      await search(page, Q);
      await page.locator('button.filters-toggle').click();
      await axe(page, 'phone, filters open');
      await page.locator('.views button').nth(1).click();
      await page.waitForSelector('table.kwic');
      await axe(page, 'phone, kwic');
    }, { colorScheme, viewport: { width: 375, height: 812 } });
  });
}

test('a crash (a wasm trap reaching the page) shows a message instead of a dead page', { timeout: LIMIT }, async () => {
  await withApp(
    async ({ page, errors }) => {
      await search(page, Q);
      assert.equal(await page.locator('[data-panic]').count(), 0, 'no message before anything went wrong');
      // Not a trap: an ordinary script error leaves the page alone.
      await page.evaluate(() => setTimeout(() => { throw new TypeError('not ours'); }));
      await sleep(200);
      assert.equal(await page.locator('[data-panic]').count(), 0, 'an ordinary error is not reported as a crash');
      // What a panic in the release build becomes: an uncaught WebAssembly.RuntimeError.
      await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
      const banner = page.locator('[role=alert][data-panic]');
      await banner.waitFor({ timeout: 5000 });
      const text = await banner.textContent();
      assert.match(text, /请刷新页面/);
      assert.match(text, /please reload the page/);
      assert.match(text, /unreachable/);
      assert.ok(await banner.isVisible(), 'the message is visible');
      // A second trap (here: a rejected promise) does not stack a second message.
      await page.evaluate(() => { Promise.reject(new WebAssembly.RuntimeError('again')); });
      await sleep(200);
      assert.equal(await page.locator('[data-panic]').count(), 1);
      assert.ok(errors.some((e) => /unreachable/.test(e)), 'the trap itself still reaches the console');
    },
    { allowErrors: true },
  );
});

test('facet logic is said in the panel; "all of" requires every ticked value of a facet', { timeout: LIMIT }, async () => {
  await withApp(async ({ page }) => {
    await page.waitForSelector('fieldset[data-facet] legend');
    assert.ok((await page.locator('.facets .facet-logic').textContent()).trim().length > 10, 'the panel says how filters combine');
    // Multi-valued facets offer the switch, single-valued ones do not.
    for (const kind of ['org', 'person', 'place', 'kw']) {
      assert.equal(await page.locator(`fieldset[data-facet="${kind}"] button.mode`).count(), 1, kind);
    }
    for (const kind of ['page', 'author']) {
      assert.equal(await page.locator(`fieldset[data-facet="${kind}"] button.mode`).count(), 0, kind);
    }
    // Two organisations, any of: the union.
    let facets = await readFacets(page);
    const [o1, o2] = facets.org;
    let before = JSON.stringify(await readResults(page));
    await checkbox(page, 'org', o1.value).check();
    let r = await settled(page, before);
    // Switch to all of: the counts now say what adding a value leaves.
    const mode = page.locator('fieldset[data-facet="org"] button.mode');
    assert.equal(await mode.getAttribute('aria-pressed'), 'false');
    await mode.click();
    assert.equal(await mode.getAttribute('aria-pressed'), 'true');
    assert.match(await hash(page), /all=org/);
    facets = await readFacets(page);
    const both = facets.org.find((v) => v.value === o2.value)?.count ?? 0;
    assert.ok(both < o1.count + o2.count, 'in "all of", a count narrows');
    before = JSON.stringify(r);
    await checkbox(page, 'org', o2.value).check();
    r = both > 0 ? await settled(page, before) : await readResults(page);
    assert.equal(r.results.length, both, `"all of" ${o1.value} and ${o2.value}`);
    // Any of again: the union.
    await mode.click();
    await page.waitForFunction(() => !decodeURIComponent(location.hash).includes('all=org'));
    const any = await readResults(page);
    assert.ok(any.results.length >= Math.max(o1.count, o2.count) && any.results.length > both);
  });
});

test('entity lists: reporters are authors, not people; an organization under one name per article; 青岛 = 青岛市', { timeout: LIMIT }, async () => {
  const articles = cli('articles', '--json');
  const bylines = articles.map((a) => a.byline).filter(Boolean);
  await withApp(async ({ page }) => {
    await page.waitForSelector('fieldset[data-facet="author"]');
    const facets = await readFacets(page);
    for (const p of facets.person) {
      assert.ok(!bylines.some((b) => b.includes(p.value)), `${p.value} is a reporter (byline), not a person mentioned`);
    }
    for (const b of bylines) {
      assert.ok(facets.author.some((a) => b.includes(a.value)), `the author of "${b}" is listed`);
    }
    // No place listed both with and without 市 / 省.
    const places = facets.place.map((p) => p.value);
    for (const p of places) assert.ok(!places.includes(`${p}市`) && !places.includes(`${p}省`), `${p} twice`);
    // In each article's reader, no entity is part of another of the same article.
    for (const a of articles) {
      await page.goto(`${page.url().split('#')[0]}#a=${encodeURIComponent(a.id)}`);
      await page.waitForSelector('article');
      const groups = await page.$$eval('.entities .entity-group', (gs) => gs.map((g) => ({
        kind: g.dataset.facet, values: [...g.querySelectorAll('button[data-value]')].map((b) => b.dataset.value),
      })));
      // (Places nest for real: 青岛 and 青岛自贸片区 are two places.)
      for (const g of groups.filter((g) => g.kind === 'org' || g.kind === 'person')) {
        for (const v of g.values) {
          const longer = g.values.find((w) => w !== v && w.includes(v));
          assert.ok(!longer, `${a.id}: ${g.kind} ${v} and ${longer}`);
        }
      }
    }
  });
});

test('labels: pages by printed label or a readable name, the chart grouped by page, no date sort without dates, the tab title, the language remembered', { timeout: LIMIT }, async () => {
  await withApp(async ({ page, url }) => {
    await page.waitForSelector('fieldset[data-facet="page"]');
    assert.equal(await page.title(), '寻阅 Xunyue');
    const pages = (await readFacets(page)).page.map((p) => p.label.replace(/\d+$/, '').trim());
    for (const l of pages) assert.match(l, /^(第.+版|扫描页)$/, `page label ${l}`);
    assert.ok(pages.includes('第一版'), 'the printed label');
    assert.equal(await page.locator('.sort select option[value=date]').count(), 0, 'no article has a date');
    const { results } = await search(page, Q);
    // Chart: one group per page, its label under its bars.
    const groups = await page.$$eval('.chart g.page', (gs) => gs.map((g) => ({
      bars: g.querySelectorAll('a.bar').length, label: g.querySelector('text.axis')?.textContent,
    })));
    const perPage = {};
    for (const r of results) perPage[r.page] = (perPage[r.page] ?? 0) + 1;
    assert.deepEqual(groups.map((g) => g.bars).sort(), Object.values(perPage).sort());
    assert.ok(groups.every((g) => g.label), 'each group is labelled');
    assert.match(await page.locator('.chart figcaption').textContent(), /版面/);
    assert.match(await page.title(), new RegExp(Q));
    await openResult(page, results[0].id);
    assert.ok((await page.title()).includes(results[0].title), await page.title());
    // The language choice is remembered without &lang=en.
    await page.locator('button.lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.goto(url);
    await page.waitForSelector('input[type=search]');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.match(await page.locator('label[for="xunyue-q"]').textContent(), /[A-Za-z]/);
    await page.goto(`${url}#lang=zh`);
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  });
});

test('smaller things: Esc leaves the search box, a skip link, the empty state, the byline once, the headline in view, focus after Back', { timeout: LIMIT }, async () => {
  await withApp(async ({ page }) => {
    const { results } = await search(page, Q);
    // Esc in the box keeps the query and leaves the box.
    await page.locator('input[type=search]').focus();
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('input[type=search]').inputValue(), Q);
    assert.notEqual(await page.evaluate(() => document.activeElement?.type), 'search');
    assert.equal((await readResults(page)).results.length, results.length);
    // From the top of the page, the first Tab stop skips the filters to the results.
    await page.reload();
    await page.waitForSelector(RESULT);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => ({ cls: document.activeElement?.className, text: document.activeElement?.textContent }));
    assert.match(skip.cls, /skip/, JSON.stringify(skip));
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.closest('[data-article-id]')?.dataset.articleId), results[0].id);
    // Empty state: suggests removing filters only when there are some.
    await search(page, 'zzzzqqqq');
    assert.doesNotMatch(await page.locator('.empty').textContent(), /筛选/);
    await search(page, '');
    await page.locator('fieldset[data-facet="page"] input[type=checkbox]').first().check();
    await search(page, 'zzzzqqqq');
    assert.match(await page.locator('.empty').textContent(), /筛选/);
    await page.locator('.chips .clear-all').click();
    // The reader: headline in view, byline shown once and without the OCR box.
    const withByline = cli('articles', '--json').find((a) => a.byline && a.byline.length > 2);
    const name = withByline.byline.split(/\s+/).pop();
    await search(page, Q);
    await page.goto(`${page.url().split('#')[0]}#q=${encodeURIComponent(Q)}&a=${encodeURIComponent(withByline.id)}`);
    await page.waitForSelector('article .headline');
    const head = await page.locator('article .reader-head').textContent();
    assert.equal(head.split(name).length - 1, 1, `the byline once: ${head}`);
    assert.ok(!head.includes('□'), head);
    await page.locator('.reader-nav .back').click();
    await page.waitForSelector(RESULT);
    const id = await page.locator(RESULT).first().getAttribute('data-article-id');
    await openResult(page, id);
    const top = await page.locator('article .headline').evaluate((h) => h.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 400, `the headline is in view after opening: ${top}`);
    // Back puts focus on the result it came from, not on <body>.
    await page.locator('.reader-nav .back').click();
    await page.waitForSelector(RESULT);
    await page.waitForFunction((id) => document.activeElement?.closest('[data-article-id]')?.dataset.articleId === id, id);
  });
});
