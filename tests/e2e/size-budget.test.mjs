// Size budget: everything a first visit downloads from dist/ must fit in 150 KB gzip (-9).
//
// Run after `trunk build --release --offline`. Counted: every file in dist/ (HTML, JS, wasm, CSS, data), except
// files only fetched after the first visit: a service worker script and source maps (LATER below; none exist today).
// A second test loads the app in Chromium, searches, and checks that every file the browser actually fetched up to
// the first result is among the counted ones, so nothing a first visit needs can escape the budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { DIST, withApp, search } from './harness.mjs';

const LIMIT = 180_000; // ms per test: a hung browser fails fast instead of stalling CI

export const BUDGET = 150 * 1024; // bytes, gzip -9
const LATER = [/(^|\/)(sw|service-worker)\.js$/, /\.map$/];

async function listFiles(dir, base = dir) {
  const out = [];
  for (const ent of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, ent.name);
    if (ent.isDirectory()) out.push(...(await listFiles(full, base)));
    else if (ent.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out.sort();
}

/** Every file in dist/ with its raw and gzip -9 size, and whether a first visit fetches it. */
async function measure() {
  const files = await listFiles(DIST).catch(() => {
    throw new Error(`${DIST} is missing: run trunk build --release --offline first`);
  });
  const rows = [];
  for (const file of files) {
    const buf = await readFile(path.join(DIST, file));
    rows.push({
      file,
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      counted: !LATER.some((re) => re.test(file)),
    });
  }
  return rows;
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);

function table(rows) {
  const w = Math.max(4, ...rows.map((r) => r.file.length));
  const lines = [`${'file'.padEnd(w)}  ${'raw KB'.padStart(8)}  ${'gzip KB'.padStart(8)}`];
  for (const r of rows) {
    lines.push(`${r.file.padEnd(w)}  ${kb(r.raw)}  ${kb(r.gzip)}${r.counted ? '' : '  (fetched later, not counted)'}`);
  }
  const c = rows.filter((r) => r.counted);
  const raw = c.reduce((s, r) => s + r.raw, 0);
  const gz = c.reduce((s, r) => s + r.gzip, 0);
  lines.push(`${'first visit total'.padEnd(w)}  ${kb(raw)}  ${kb(gz)}`);
  lines.push(`${'budget'.padEnd(w)}  ${''.padStart(8)}  ${kb(BUDGET)}   (${gz} of ${BUDGET} bytes, ${((100 * gz) / BUDGET).toFixed(1)}%)`);
  return { text: lines.join('\n'), raw, gzip: gz };
}

test('a first visit downloads at most 150 KB gzip', { timeout: LIMIT }, async () => {
  const rows = await measure();
  assert.ok(rows.some((r) => r.file.endsWith('.wasm')), 'dist/ holds no .wasm file');
  assert.ok(rows.some((r) => r.file === 'index.html'), 'dist/ holds no index.html');
  const { text, gzip } = table(rows);
  console.log(`\n${text}\n`);
  assert.ok(gzip <= BUDGET, `first visit is ${gzip} bytes gzip, over the budget of ${BUDGET} bytes`);
});

test('every file the browser fetches up to the first result is counted', { timeout: LIMIT }, async () => {
  const rows = await measure();
  const counted = new Set(rows.filter((r) => r.counted).map((r) => r.file));
  await withApp(async ({ page, server }) => {
    const { results } = await search(page, '青岛华大');
    assert.ok(results.length > 0, 'no result for 青岛华大');
    await page.waitForLoadState('networkidle');
    const fetched = [...new Set(server.requests.filter((r) => r.status === 200).map((r) => r.file))];
    const missing = fetched.filter((f) => !counted.has(f));
    assert.deepEqual(missing, [], 'fetched by a first visit but not counted in the budget');
    const notFetched = [...counted].filter((f) => !fetched.includes(f));
    if (notFetched.length) console.log(`counted but not fetched before the first result: ${notFetched.join(', ')}`);
  });
});
