// Screenshots of the main views at 360 and 1280 px, light and dark:
// `node e2e/shots.mjs` (after `trunk build --release`), saved in e2e/screenshots/ui-*.png.
import { withApp, search, openResult, screenshot } from './harness.mjs';

const views = async (page, tag) => {
  await page.waitForSelector('input[type=search]');
  await page.waitForTimeout(300);
  await screenshot(page, `ui-browse-${tag}`);
  const { results } = await search(page, '青岛华大');
  await screenshot(page, `ui-results-${tag}`);
  await openResult(page, results[0].id);
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await page.waitForTimeout(200);
  await screenshot(page, `ui-reader-${tag}`);
  await page.keyboard.press('Escape');
  await page.click('.views button:nth-child(2)');
  await page.waitForSelector('table.kwic');
  await screenshot(page, `ui-kwic-${tag}`);
};

for (const width of [360, 1280]) {
  for (const colorScheme of ['light', 'dark']) {
    await withApp(({ page }) => views(page, `${width}-${colorScheme}`), {
      viewport: { width, height: width < 500 ? 740 : 900 },
      colorScheme,
    });
  }
}
