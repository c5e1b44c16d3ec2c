// The archive through time, in the app over either shape: the sharded fixture (dist-sharded/: 600 synthetic
// articles of several papers over 2019–2024) and an embedded bundle (dist-time/: 200 of them); see
// `sharded_fixture` and `time_fixture` in ./dev. The timeline (its counts equal `xunyue timeline --json`, a bar keeps the
// results to its bucket through the URL and back, a drag keeps a span), terms over time (counts equal
// `xunyue terms --json`, a point opens its bucket's matches), the page as printed (its articles and its
// neighbours equal `xunyue page --json`, across pages and issues, and a day's pages), oldest first,
// citations (equal `xunyue cite --json`, copied to the clipboard) and exports (files parsed back against
// `xunyue export`). Screenshots at 360 px and desktop width, light and dark, in tests/e2e/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, withApp, search, readResults, openResult, cli } from './harness.mjs';

// Each shape: its app, and the CLI over the same archive.
const SHAPES = [
  { name: 'sharded', dist: path.join(ROOT, 'dist-sharded'), marker: 'archive/root.bin', cli: ['--archive', path.join(ROOT, 'dist-sharded', 'archive')] },
  { name: 'embedded', dist: path.join(ROOT, 'dist-time'), marker: 'index.html', cli: ['--seeds', path.join(ROOT, 'target', 'fixtures', 'time')] },
];
for (const s of SHAPES) s.skip = existsSync(path.join(s.dist, s.marker)) ? false : `${s.dist} is missing: ./dev test builds it`;
const [SHARDED] = SHAPES;
const LIMIT = 240_000;
const Q = '产业';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until `fn()` (in the page) returns a truthy value, which it returns. */
async function until(page, fn, arg, what, timeout = 15000) {
  const t0 = Date.now();
  for (;;) {
    const v = await page.evaluate(fn, arg);
    if (v) return v;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The timeline's bars: key, count, articles. */
const bars = (page) =>
  page.evaluate(() => {
    const fig = document.querySelector('figure.timeline');
    if (!fig) return null;
    return {
      grain: fig.getAttribute('data-grain'),
      unit: fig.getAttribute('data-unit'),
      bars: [...fig.querySelectorAll('.bar')].map((b) => ({ key: b.dataset.key, n: Number(b.dataset.n), articles: Number(b.dataset.articles), label: b.getAttribute('aria-label') })),
    };
  });

const hashParams = (page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.slice(1))));
const total = (page) => page.evaluate(() => Number(document.querySelector('[data-total]')?.getAttribute('data-total') ?? -1));

/** Waits for the timeline to show `grain` with `n` bars summing to `sum` (a view of a new route settles). */
async function timelineIs(page, want) {
  return until(
    page,
    (w) => {
      const fig = document.querySelector('figure.timeline');
      if (!fig || fig.getAttribute('data-grain') !== w.grain) return null;
      const ns = [...fig.querySelectorAll('.bar')].map((b) => Number(b.dataset.n));
      return ns.length === w.n && ns.reduce((a, b) => a + b, 0) === w.sum ? ns : null;
    },
    want,
    `a timeline by ${want.grain} of ${want.n} bars summing to ${want.sum}`,
  );
}

for (const shape of SHAPES) {
  const ask = (...args) => cli(...shape.cli, ...args);
  test(`${shape.name}: the timeline counts what the CLI counts; a bar keeps the results to its bucket, through the URL and back`, { skip: shape.skip, timeout: LIMIT }, async () => {
    const all = ask('timeline', '--json');
    const matching = ask('timeline', '--json', Q);
    assert.ok(all.buckets.length >= 2, `the fixture spans several buckets (${all.buckets.length})`);
    await withApp(
      async ({ page, url, screenshot }) => {
        // No query: issues per bucket.
        await timelineIs(page, { grain: all.grain, n: all.buckets.length, sum: all.buckets.reduce((s, b) => s + b.issues, 0) });
        const idle = await bars(page);
        assert.equal(idle.unit, 'issues');
        assert.deepEqual(idle.bars.map((b) => [b.key, b.n, b.articles]), all.buckets.map((b) => [b.key, b.issues, b.articles]));
        assert.match(idle.bars[0].label, new RegExp(`^${idle.bars[0].key}：${idle.bars[0].n} 期$`), 'each bar says its count in words');

        // A query: matching articles per bucket, as the CLI's timeline.
        await search(page, Q);
        await timelineIs(page, { grain: matching.grain, n: matching.buckets.length, sum: matching.buckets.reduce((s, b) => s + b.matching, 0) });
        const q = await bars(page);
        assert.equal(q.unit, 'articles');
        assert.deepEqual(q.bars.map((b) => [b.key, b.n]), matching.buckets.map((b) => [b.key, b.matching]));

        // A click on the fullest bar: from= and to= in the hash, the results of that bucket only, shown finer.
        const best = matching.buckets.reduce((a, b) => (b.matching > a.matching ? b : a));
        await page.locator(`figure.timeline .bar[data-key="${best.key}"]`).click();
        await until(page, (k) => location.hash.includes(`from=${k}`) && location.hash.includes(`to=${k}`), best.key, 'from/to in the hash');
        const inside = ask('timeline', '--json', Q, '--from', best.key, '--to', best.key);
        await timelineIs(page, { grain: inside.grain, n: inside.buckets.length, sum: best.matching });
        assert.notEqual(inside.grain, matching.grain, 'a bucket is shown finer than the whole span');
        await until(page, (n) => Number(document.querySelector('[data-total]')?.getAttribute('data-total')) === n, best.matching, `${best.matching} results`);
        const cliIn = ask('search', '--json', Q, '--from', best.key, '--to', best.key);
        assert.equal(cliIn.total, best.matching, 'the CLI finds as many in that range');
        const chip = page.locator('.chips [data-facet="range"]');
        assert.equal(await chip.count(), 1, 'the range is shown as a chip');
        await screenshot('time-timeline-desktop');

        // The same URL in a new tab shows the same state; Back returns to the whole span.
        const link = page.url();
        const other = await page.context().newPage();
        await other.goto(link);
        await timelineIs(other, { grain: inside.grain, n: inside.buckets.length, sum: best.matching });
        assert.equal(await total(other), best.matching);
        await other.close();
        await page.goBack();
        await timelineIs(page, { grain: matching.grain, n: matching.buckets.length, sum: matching.buckets.reduce((s, b) => s + b.matching, 0) });

        // Keyboard: a bar is a link reached by Tab and followed by Enter.
        const second = matching.buckets[1].key;
        await page.locator(`figure.timeline .bar[data-key="${second}"]`).focus();
        await page.keyboard.press('Enter');
        await until(page, (k) => location.hash.includes(`from=${k}`), second, 'Enter on a bar');
        await page.goBack();

        // A drag from one bar to another keeps their span.
        const [a, b] = [matching.buckets[0].key, matching.buckets[2].key];
        const box = async (k) => page.locator(`figure.timeline .bar[data-key="${k}"]`).boundingBox();
        const [ba, bb] = [await box(a), await box(b)];
        await page.mouse.move(ba.x + ba.width / 2, ba.y + ba.height - 2);
        await page.mouse.down();
        await page.mouse.move(bb.x + bb.width / 2, bb.y + bb.height - 2, { steps: 4 });
        await page.mouse.up();
        await until(page, (w) => location.hash.includes(`from=${w[0]}`) && location.hash.includes(`to=${w[1]}`), [a, b], 'a dragged span');
        const span = ask('search', '--json', Q, '--from', a, '--to', b);
        await until(page, (n) => Number(document.querySelector('[data-total]')?.getAttribute('data-total')) === n, span.total, `${span.total} results in the span`);

        // "All dates" leaves the range; a range that misses every date says so.
        await page.locator('figure.timeline .tl-all').click();
        await until(page, () => !location.hash.includes('from='), null, 'the range left');
        await page.goto(`${url}#q=${encodeURIComponent(Q)}&from=1900&to=1900`);
        await until(page, () => document.querySelector('.tl-empty') !== null, null, 'the empty range said');
        await page.goto(`${url}#q=${encodeURIComponent(Q)}&from=1900&to=2100`);
        await timelineIs(page, { grain: matching.grain, n: matching.buckets.length, sum: matching.buckets.reduce((s, b) => s + b.matching, 0) });
      },
      { dir: shape.dist },
    );
  });
}

for (const shape of SHAPES) {
  const ask = (...args) => cli(...shape.cli, ...args);
  test(`${shape.name}: terms over time: the counts of the CLI per bucket, per 10,000 chars or raw, and a point opens its matches`, { skip: shape.skip, timeout: LIMIT }, async () => {
    const terms = '产业,科技';
    const want = ask('terms', '--json', terms);
    assert.ok(want.totals.every((t) => t > 0), `both terms occur in the fixture: ${want.totals}`);
    await withApp(
      async ({ page, screenshot }) => {
        await page.locator('#xunyue-terms').fill(terms);
        await page.locator('#xunyue-terms').press('Enter');
        await until(page, () => document.querySelector('.trends-chart') !== null, null, 'the chart');
        assert.equal((await hashParams(page)).terms, terms, 'the terms are in the URL');
        const got = await page.evaluate(() => ({
          legend: [...document.querySelectorAll('.legend li')].map((l) => [l.dataset.term, Number(l.dataset.total)]),
          rows: [...document.querySelectorAll('.trends-table tbody tr')].map((tr) => [tr.dataset.key, ...[...tr.querySelectorAll('td[data-hits]')].map((td) => Number(td.dataset.hits))]),
          lines: document.querySelectorAll('.trends-chart path.line').length,
        }));
        assert.deepEqual(got.legend, want.terms.map((t, i) => [t, want.totals[i]]));
        assert.deepEqual(got.rows, want.buckets.map((b) => [b.key, ...b.hits]), 'every bucket, every term: the CLI counts');
        assert.equal(got.lines, 2, 'a line per term');
        // The exact counts under the pointer: each point's title.
        const tip = await page.locator('.trends-chart a.pt path.dot title').first().textContent();
        assert.match(tip, /^\d{4}.* · (产业|科技) · \d+ 次 · \d+\.\d\d 每万字$/);
        // Raw counts on demand.
        await page.locator('.trends-chart .unit').click();
        await until(page, () => document.querySelector('.trends-chart')?.dataset.raw === 'true', null, 'raw counts');
        await page.locator('.trends-table summary').click();
        await screenshot('time-trends-desktop');
        // A point opens that term's matches in that bucket.
        const i = want.buckets.findIndex((b) => b.hits[0] > 0);
        const bucket = want.buckets[i];
        await page.locator(`.trends-chart a.pt[data-term="产业"][data-key="${bucket.key}"]`).click();
        await until(page, (k) => location.hash.includes(`from=${k}`) && decodeURIComponent(location.hash).includes('q=产业'), bucket.key, 'the point followed');
        await until(page, (n) => Number(document.querySelector('[data-total]')?.getAttribute('data-total')) === n, bucket.articles[0], `${bucket.articles[0]} articles`);
        // Still shareable: reloading keeps the chart.
        await page.reload();
        await until(page, () => document.querySelectorAll('.legend li').length === 2, null, 'the chart after a reload');
      },
      { dir: shape.dist, contextOptions: { serviceWorkers: 'block' } },
    );
  });
}

for (const shape of SHAPES) {
  const ask = (...args) => cli(...shape.cli, ...args);
  test(`${shape.name}: oldest first sorts by date ascending; the page as printed and a day’s pages follow the CLI`, { skip: shape.skip, timeout: LIMIT }, async () => {
    await withApp(
      async ({ page, screenshot }) => {
        await search(page, Q);
        await page.locator('label.sort select').selectOption('oldest');
        await until(page, () => location.hash.includes('sort=oldest'), null, 'sort=oldest');
        await sleep(300);
        const { results } = await readResults(page);
        const cliOld = ask('search', '--json', Q, '--sort', 'date');
        assert.deepEqual(results.map((r) => r.id), cliOld.results.slice(0, results.length).map((r) => r.id), 'the CLI oldest first');

        // From a result: the reader, then its page as printed.
        const id = results[0].id;
        await openResult(page, id);
        await page.locator('a.as-printed').click();
        await until(page, () => document.querySelector('.page-view') !== null, null, 'the page view');
        const want = ask('page', '--json', id);
        const shown = await page.evaluate(() => ({
          stem: document.querySelector('.page-view').dataset.page,
          ids: [...document.querySelectorAll('.page-article')].map((li) => li.dataset.articleId),
          current: [...document.querySelectorAll('.page-article[aria-current="true"]')].map((li) => li.dataset.articleId),
          rels: Object.fromEntries([...document.querySelectorAll('.page-nav [data-rel]')].map((n) => [n.dataset.rel, n.tagName === 'A'])),
        }));
        assert.equal(shown.stem, want.stem);
        assert.deepEqual(shown.ids, want.articles.map((a) => a.id), 'its articles in reading order');
        assert.deepEqual(shown.current, [id], 'the article it was opened from is marked');
        for (const [rel, key] of [['prev', 'prev'], ['next', 'next'], ['prev-issue', 'prev_issue'], ['next-issue', 'next_issue']]) {
          assert.equal(shown.rels[rel], want[key] !== null, `${rel}: a link exactly when the CLI names a page`);
        }
        await screenshot('time-page-desktop');

        // Across the issue and across issues, each step as the CLI says.
        let at = want;
        for (const [rel, key] of [['next-issue', 'next_issue'], ['prev', 'prev'], ['next', 'next'], ['prev-issue', 'prev_issue']]) {
          if (!at[key]) continue;
          await page.locator(`.page-nav a[data-rel="${rel}"]`).click();
          await until(page, (s) => document.querySelector('.page-view')?.dataset.page === s, at[key], `${rel} → ${at[key]}`);
          at = ask('page', '--json', at[key]);
          const ids = await page.evaluate(() => [...document.querySelectorAll('.page-article')].map((li) => li.dataset.articleId));
          assert.deepEqual(ids, at.articles.map((a) => a.id), `${rel}: the articles of ${at.stem}`);
        }

        // That day's pages.
        await page.locator('.page-nav a[data-rel="day"]').click();
        await until(page, () => document.querySelector('.day-view') !== null, null, 'the day view');
        const day = ask('page', '--json', '--date', at.date);
        const stems = await page.evaluate(() => [...document.querySelectorAll('.day-page')].map((li) => li.dataset.page));
        const wantStems = day; // the CLI prints the day's page stems
        assert.deepEqual(stems, wantStems, 'the pages of that day, paper by paper');
        // Esc leaves the page views for the results.
        await page.keyboard.press('Escape');
        await until(page, () => !location.hash.includes('day=') && document.querySelector('[data-total]') !== null, null, 'Esc back to the results');
      },
      { dir: shape.dist },
    );
  });
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

for (const shape of SHAPES) {
  const ask = (...args) => cli(...shape.cli, ...args);
  test(`${shape.name}: citations equal the CLI’s and copy; the results and the concordance export as files that parse back`, { skip: shape.skip, timeout: LIMIT }, async () => {
    await withApp(
      async ({ page, url }) => {
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
        const { results } = await search(page, Q);
        const id = results[0].id;
        await openResult(page, id);
        const base = url.split('#')[0];
        const want = ask('cite', '--json', id, '--base', base);
        const got = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('.cite-row')].map((r) => [r.dataset.style, r.querySelector('.cite-text').textContent])));
        assert.equal(got.gbt7714, want.gbt7714);
        assert.equal(got.chicago, want.chicago);
        assert.equal(got.permalink, want.permalink);
        assert.match(want.gbt7714, /\[N\]\. .+, \d{4}-\d\d-\d\d\(\d+\)\./, 'GB/T 7714 of a newspaper article');
        await page.locator('.cite-row[data-style="gbt7714"] .copy').click();
        await until(page, () => document.querySelector('.cite-row[data-style="gbt7714"] .copy')?.dataset.copied === 'true', null, 'copied');
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), want.gbt7714);
        // The permalink opens the article.
        const other = await page.context().newPage();
        await other.goto(want.permalink);
        await other.waitForSelector(`article[data-article-id="${id}"]`, { timeout: 15000 });
        await other.close();
        await page.keyboard.press('Escape');
        await page.waitForSelector('.export a[data-export="csv"]');

        // Results as CSV and JSON Lines: the rows on screen, as the CLI exports them.
        const cliRows = parseCsv(await exported([...shape.cli, 'export', Q, '--csv', '--base', base]));
        const shown = (await readResults(page)).results;
        const csv = parseCsv(await download(page, 'csv'));
        assert.deepEqual(csv[0], ['id', 'date', 'source', 'page', 'title', 'byline', 'hits', 'permalink', 'snippet']);
        assert.equal(csv.length - 1, shown.length, 'a row per result on screen');
        assert.deepEqual(csv.slice(1), cliRows.slice(1, shown.length + 1), 'the CLI’s rows, field for field');
        const jsonl = (await download(page, 'jsonl')).trim().split('\n').map((l) => JSON.parse(l));
        assert.deepEqual(jsonl.map((r) => [r.id, r.hits, r.date, r.source]), csv.slice(1).map((r) => [r[0], Number(r[6]), r[1], r[2]]));

        // The concordance as CSV: a row per hit of the table.
        await page.locator('.views button[data-kwic]').click();
        await page.waitForSelector('.export a[data-export="kwic"]');
        await sleep(300);
        const rows = await page.evaluate(() => document.querySelectorAll('tr[data-doc]').length);
        const kwic = parseCsv(await download(page, 'kwic'));
        assert.deepEqual(kwic[0], ['id', 'date', 'source', 'left', 'hit', 'right']);
        assert.ok(kwic.length - 1 >= rows, `every row of the table (${rows}) is in the file (${kwic.length - 1})`);
        assert.ok(kwic.slice(1).every((r) => r[4].includes('产') || r[4].includes('业')), 'each line holds its hit');
      },
      { dir: shape.dist, contextOptions: { acceptDownloads: true } },
    );
  });
}

/** The CLI's export, as text. */
async function exported(args) {
  const { execFileSync } = await import('node:child_process');
  return execFileSync('cargo', ['run', '-q', '--release', '-p', 'xunyue-cli', '--', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Clicks an export link and reads the file it downloads. */
async function download(page, format) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`.export a[data-export="${format}"]`).click()]);
  return readFile(await file.path(), 'utf8');
}

test('a long facet list, opened, finds its values by name', { skip: SHARDED.skip, timeout: LIMIT }, async () => {
  await withApp(
    async ({ page }) => {
      // Browsing, no query: the facet files arrive after the first view, and their facets show.
      const place = page.locator('fieldset[data-facet="place"]');
      await place.locator('button.more').waitFor({ timeout: 15000 });
      assert.equal(await place.locator('input.facet-find').count(), 0, 'no search box while the list is short');
      await place.locator('button.more').click();
      const all = await place.locator('li').count();
      assert.ok(all > 24, `a long list (${all} places)`);
      await place.locator('input.facet-find').fill('青');
      await until(page, (n) => document.querySelectorAll('fieldset[data-facet="place"] li').length < n, all, 'the list narrowed');
      const shown = await place.locator('li .v').allTextContents();
      assert.ok(shown.length > 0 && shown.every((v) => v.includes('青')), `only places with 青: ${shown.join(' ')}`);
      // Ticking a found value filters the results, as any tick does.
      await place.locator('li input[type=checkbox]').first().check();
      await until(page, () => location.hash.includes('f=place'), null, 'the value ticked');
      await place.locator('input.facet-find').fill('');
      await until(page, (n) => document.querySelectorAll('fieldset[data-facet="place"] li').length >= 1 && !document.querySelector('fieldset[data-facet="place"] input.facet-find')?.value, all, 'the box cleared');
    },
    { dir: SHARDED.dist },
  );
});

test('screenshots of the views of time at 360 px and desktop width, light and dark', { skip: SHARDED.skip, timeout: LIMIT }, async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const [name, viewport] of [['phone', { width: 360, height: 780 }], ['desktop', { width: 1280, height: 900 }]]) {
      await withApp(
        async ({ page, url, screenshot }) => {
          await page.goto(`${url}#q=${encodeURIComponent(Q)}&terms=${encodeURIComponent('产业,科技,海洋')}`);
          await until(page, () => document.querySelectorAll('.legend li').length === 3 && document.querySelector('figure.timeline .bar'), null, 'timeline and chart');
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 1, `no horizontal scroll at ${viewport.width} px (${overflow} px)`);
          // Phones: the first screen of each view; desktops: the whole page.
          const fullPage = name === 'desktop';
          await screenshot(`time-results-${name}-${colorScheme}`, { fullPage });
          const id = (await readResults(page)).results[0].id;
          await openResult(page, id);
          await page.locator('section.cite').scrollIntoViewIfNeeded();
          await screenshot(`time-reader-${name}-${colorScheme}`, { fullPage });
          await page.locator('a.as-printed').click();
          await until(page, () => document.querySelector('.page-view .page-article'), null, 'the page view');
          await screenshot(`time-page-${name}-${colorScheme}`, { fullPage });
        },
        { dir: SHARDED.dist, viewport, colorScheme },
      );
    }
  }
});
