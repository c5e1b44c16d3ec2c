// The explorer on a phone (375 × 812) and on a desktop, light and dark: filters within reach from the top
// (a button next to the search box opens the panel), the concordance keeps its article column, and
// screenshots of each view in tests/e2e/screenshots/phone-* and desktop-*.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, search, openResult, RESULT } from './harness.mjs';

const LIMIT = 120_000;
const PHONE = { width: 375, height: 812 };
const Q = '青岛华大';

const box = (page, sel) => page.locator(sel).first().boundingBox();
const visible = (page, sel) => page.locator(sel).first().isVisible();

for (const colorScheme of ['light', 'dark']) {
  test(`phone (${colorScheme}): a filter button beside the search box opens the panel; the concordance keeps its source`, { timeout: LIMIT }, async () => {
    await withApp(async ({ page, screenshot }) => {
      await search(page, Q);
      const toggle = page.locator('button.filters-toggle');
      assert.ok(await toggle.isVisible(), 'a filter button');
      const [b, s] = [await box(page, 'button.filters-toggle'), await box(page, 'input[type=search]')];
      assert.ok(b.y + b.height < 160, `the button is at the top: ${JSON.stringify(b)}`);
      assert.ok(Math.abs(b.y + b.height / 2 - (s.y + s.height / 2)) < 40, 'on the search box\'s line');
      // Results first; the panel closed.
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await visible(page, 'fieldset[data-facet]'), false, 'the panel is closed');
      assert.ok((await box(page, RESULT)).y < PHONE.height, 'the first result is on the first screen');
      await screenshot(`phone-results-${colorScheme}`, { fullPage: false });
      // Open: the panel is on the first screen.
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const fs = await box(page, 'fieldset[data-facet]');
      assert.ok(fs && fs.y < PHONE.height / 2, `the filters start on the first screen: ${JSON.stringify(fs)}`);
      await screenshot(`phone-filters-${colorScheme}`, { fullPage: false });
      // Tick a value, then back to the results with the button that says how many there are.
      const first = page.locator('fieldset[data-facet="page"] input[type=checkbox]').first();
      const n = Number(await page.locator('fieldset[data-facet="page"] li .n').first().textContent());
      await first.check();
      const done = page.locator('button.facets-done');
      await page.waitForFunction((n) => document.querySelectorAll('[data-article-id][data-hits]:not(article)').length === n, n);
      assert.match(await done.textContent(), new RegExp(String(n)));
      await done.click();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.match(await toggle.textContent(), /1/, 'the button counts the filters set');
      const r = await box(page, RESULT);
      assert.ok(r.y >= 0 && r.y < PHONE.height, 'the results are in view');
      await page.locator('.chips .clear-all').click();
      // Concordance: the article column stays, readable.
      await page.locator('.views button').nth(1).click();
      await page.waitForSelector('table.kwic');
      const cells = await page.$$eval('table.kwic tbody tr', (trs) => trs.slice(0, 20).map((tr) => {
        const d = tr.querySelector('td.doc');
        const rect = d.getBoundingClientRect();
        return { w: rect.width, shown: getComputedStyle(d).display !== 'none' && rect.width > 0, right: rect.right };
      }));
      assert.ok(cells.every((c) => c.shown && c.w >= 60 && c.right <= PHONE.width + 1), JSON.stringify(cells.slice(0, 3)));
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scroll <= PHONE.width, `no sideways scrolling: ${scroll}`);
      await screenshot(`phone-kwic-${colorScheme}`, { fullPage: false });
      // Reader.
      await page.locator('.views button').nth(0).click();
      const { results } = await search(page, Q);
      await openResult(page, results[0].id);
      await screenshot(`phone-reader-${colorScheme}`, { fullPage: false });
    }, { viewport: PHONE, colorScheme });
  });

  test(`desktop (${colorScheme}): the panel is always there; no filter button`, { timeout: LIMIT }, async () => {
    await withApp(async ({ page, screenshot }) => {
      await search(page, Q);
      await page.waitForSelector('fieldset[data-facet]');
      assert.equal(await visible(page, 'button.filters-toggle'), false);
      assert.ok(await visible(page, 'fieldset[data-facet]'));
      await screenshot(`desktop-results-${colorScheme}`, { fullPage: false });
      await page.locator('.views button').nth(1).click();
      await page.waitForSelector('table.kwic');
      await screenshot(`desktop-kwic-${colorScheme}`, { fullPage: false });
    }, { colorScheme });
  });
}
