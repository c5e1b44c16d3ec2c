// The installable PWA: manifest, and a service worker that precaches every file of the build so the
// app works with the network off after one visit; a new version replaces the old one on reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, rename, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { search, cli, CHROMIUM, CHROMIUM_ARGS } from './harness.mjs';
import { DIST, serve, newPage, copyDir, STRICT_CSP } from './ship-lib.mjs';
import { listFiles, writeServiceWorker } from '../../tools/postbuild.mjs';

const LIMIT = 240_000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const cliIds = (q) => cli('search', '--json', q).results.map((r) => r.id).sort();

/** The caches of this origin: { name: [relative paths] }. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const c = await caches.open(name);
      out[name] = (await c.keys()).map((r) => new URL(r.url).pathname.replace(/^\/app\//, '')).sort();
    }
    return out;
  });
}

async function waitFor(fn, what, timeout = 20000) {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** A new version of the build in `dir`: the stylesheet changes (new hashed name), sw.js is regenerated. */
async function nextVersion(dir) {
  const index = path.join(dir, 'index.html');
  let html = await readFile(index, 'utf8');
  const css = html.match(/href="\.\/(app-[0-9a-f]+\.css)"/)[1];
  const next = css.replace(/-[0-9a-f]+\.css$/, '-00000000000000ff.css');
  await writeFile(path.join(dir, css), `${await readFile(path.join(dir, css), 'utf8')}\n/* v2 */\n`);
  await rename(path.join(dir, css), path.join(dir, next));
  html = html.replace(css, next).replace(/(<link rel="stylesheet" href="\.\/app-[^"]+")\s*integrity="[^"]*"/, '$1');
  await writeFile(index, html);
  await writeServiceWorker(dir);
  return { old: css, next };
}

test('manifest: installable metadata and icons that exist', async () => {
  const m = JSON.parse(await readFile(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(m.start_url, './');
  assert.equal(m.display, 'standalone');
  assert.ok(m.name && m.short_name);
  assert.ok(m.icons.length >= 1);
  const files = await listFiles(DIST);
  for (const icon of m.icons) assert.ok(files.includes(icon.src), icon.src);
  const sw = await readFile(path.join(DIST, 'sw.js'), 'utf8');
  // Every file of the build is precached (sw.js itself excepted), read from dist/ at build time.
  const listed = JSON.parse(sw.match(/const PRECACHE = (\{.*\});/)[1]).assets.map((a) => a.replace(/^\.\//, '')).sort();
  assert.deepEqual(listed, files.filter((f) => f !== 'sw.js'));
});

test('offline after one visit; a new version replaces the old one on reload', { timeout: LIMIT }, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'xunyue-pwa-'));
  await copyDir(DIST, dir);
  const mounts = { '/app/': dir };
  const headers = { 'content-security-policy': STRICT_CSP };
  let server = await serve({ mounts, headers });
  const port = server.port;
  // A persistent profile: Chromium does not install apps from incognito-like contexts.
  const profile = await mkdtemp(path.join(tmpdir(), 'xunyue-profile-'));
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const { context, page, problems, violations } = await newPage(browser, { offlineOk: true, persistent: true });
    await page.goto(`${server.url}/app/`);
    await page.waitForSelector('input[type=search]');
    await waitFor(() => page.evaluate(() => !!navigator.serviceWorker.controller), 'the service worker to control the page');
    // Chromium's own verdict: installable (manifest, icons, service worker).
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors, [], 'installable');

    // Precached: exactly the files of this build, in one cache.
    const files = (await listFiles(dir)).filter((f) => f !== 'sw.js');
    const first = await cacheContents(page);
    assert.equal(Object.keys(first).length, 1, JSON.stringify(Object.keys(first)));
    const [oldCache] = Object.keys(first);
    assert.deepEqual(first[oldCache], files);

    // Network off (and the server gone): reload, search.
    await context.setOffline(true);
    await server.close();
    await page.reload();
    await page.waitForSelector('input[type=search]', { timeout: 15000 });
    const off = await search(page, '华大');
    assert.deepEqual(off.results.map((r) => r.id).sort(), cliIds('华大'));
    assert.ok(off.results.every((r) => r.marks > 0));

    // A new version is deployed; back online, one reload shows it.
    const { old, next } = await nextVersion(dir);
    server = await serve({ mounts, headers, port });
    await context.setOffline(false);
    await page.reload();
    await page.waitForSelector('input[type=search]');
    const css = await page.evaluate(() => document.querySelector('link[rel=stylesheet]').getAttribute('href'));
    assert.equal(css, `./${next}`);
    // The new worker takes over and deletes the old cache.
    const second = await waitFor(async () => {
      const c = await cacheContents(page);
      const names = Object.keys(c);
      return names.length === 1 && names[0] !== oldCache && c[names[0]].includes(next) ? c : null;
    }, 'the new version to replace the old cache');
    assert.ok(!Object.values(second)[0].includes(old), 'old stylesheet dropped');

    // Offline again: the new version.
    await context.setOffline(true);
    await server.close();
    await page.reload();
    await page.waitForSelector('input[type=search]', { timeout: 15000 });
    assert.equal(await page.evaluate(() => document.querySelector('link[rel=stylesheet]').getAttribute('href')), `./${next}`);
    const off2 = await search(page, '青岛');
    assert.deepEqual(off2.results.map((r) => r.id).sort(), cliIds('青岛'));

    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems.filter((p) => /page error/.test(p)), []);
  } finally {
    await browser.close();
    await server.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  }
});
