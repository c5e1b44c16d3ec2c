#!/usr/bin/env node
// Post-build step for `trunk build` (wired as a Trunk post_build hook in Trunk.toml).
//
// Works on Trunk's staging directory ($TRUNK_STAGING_DIR, or the directory given as the first argument):
//   1. moves Trunk's inline `<script type="module">` loader into a content-hashed file (boot-<hash>.js),
//      so index.html runs under `script-src 'self'` (no inline script, no inline handler);
//   2. adds the web app manifest and icons (static/manifest.webmanifest, static/icon*.svg);
//   3. writes the widget loader xunyue-widget.js (from static/widget.js) and its hashed stylesheet;
//   4. in a release build, minifies the JS and CSS (esbuild, from tools/package.json) and updates the
//      integrity attributes Trunk wrote for them;
//   5. writes the service worker sw.js, precaching every file of this build under a versioned cache.
//   6. in a release build, writes a zopfli-compressed `<file>.gz` next to every compressible file.
// In a release build any inline script, inline event handler or style attribute left in an HTML file is an error.

import { createHash } from 'node:crypto';
import { readFile, writeFile, readdir, copyFile, stat, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..');
const STATIC = path.join(ROOT, 'static');

const hash = (buf, n = 16) => createHash('sha256').update(buf).digest('hex').slice(0, n);

class BuildError extends Error {}
const fail = (file, msg) => {
  throw new BuildError(`${file}: ${msg}`);
};

/** Files of a directory, recursively, as '/'-separated relative paths, sorted. */
export async function listFiles(dir, rel = '') {
  const out = [];
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    // Hidden files, and the precompressed copies (`x.gz` is x, encoded: see `precompress`).
    if (e.name.startsWith('.') || e.name.endsWith('.gz')) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, r)));
    else if (e.isFile()) out.push(r);
  }
  return out.sort();
}

/** The assets Trunk produced, read from index.html. */
export function findAssets(html, file = 'index.html') {
  const js = html.match(/import init[^'"]*from\s*['"]\.\/([^'"]+\.js)['"]/)?.[1];
  const wasm = html.match(/['"]\.\/([^'"]+_bg\.wasm)['"]/)?.[1];
  const css = html.match(/<link\b[^>]*rel="stylesheet"[^>]*href="\.\/([^"]+\.css)"/)?.[1]
    ?? html.match(/<link\b[^>]*href="\.\/([^"]+\.css)"[^>]*rel="stylesheet"/)?.[1];
  if (!js) fail(file, 'no Trunk loader (`import init from ./….js`) found');
  if (!wasm) fail(file, 'no `…_bg.wasm` reference found');
  if (!css) fail(file, 'no stylesheet <link> found');
  return { js, wasm, css };
}

/** The assets of a build directory, before or after the loader was moved out of index.html. */
export async function readAssets(dir, html, file = 'index.html') {
  const boot = html.match(/<script type="module" src="\.\/(boot-[0-9a-f]+\.js)"><\/script>/)?.[1];
  const loader = boot ? await readFile(path.join(dir, boot), 'utf8') : '';
  return findAssets(`${loader}\n${html}`, file);
}

/** Inline scripts, inline event handlers, style attributes and <style> elements in an HTML text. */
export function inlineCode(html) {
  const found = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1];
    const type = attrs.match(/\btype\s*=\s*["']?([^"'\s>]+)/i)?.[1]?.toLowerCase();
    const data = type && !/^(module|text\/javascript|application\/javascript)$/.test(type);
    if (!/\bsrc\s*=/.test(attrs) && m[2].trim() && !data) found.push(`inline <script>: ${m[2].trim().slice(0, 60)}…`);
  }
  for (const m of html.matchAll(/<[a-z][^>]*?\s(on[a-z]+)\s*=/gi)) found.push(`inline handler ${m[1]}=`);
  for (const m of html.matchAll(/<[a-z][^>]*?\sstyle\s*=/gi)) found.push(`style attribute: ${m[0].slice(0, 60)}`);
  if (/<style\b/i.test(html)) found.push('<style> element');
  if (/javascript:/i.test(html)) found.push('javascript: URL');
  return found;
}

async function readStatic(name) {
  const file = path.join(STATIC, name);
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    fail(file, `cannot read (${e.code ?? e.message})`);
  }
}

/** `text.replace(re, by)`, failing (naming `file` and `what`) when `re` matches nothing: a rewrite of
 * Trunk's output that silently does nothing would ship a broken build. */
function rewrite(text, re, by, file, what) {
  if (!re.test(text)) fail(file, `${what} not found: has Trunk's output changed?`);
  return text.replace(re, by);
}

/** Replace the `/*@NAME@*\/ null` placeholder in a template with a JSON value. */
function fill(template, name, value, file) {
  const marker = `/*@${name}@*/ null`;
  if (!template.includes(marker)) fail(file, `placeholder ${marker} not found`);
  return template.replace(marker, () => JSON.stringify(value));
}

async function writeHashed(dir, stem, ext, text) {
  const name = `${stem}-${hash(text)}.${ext}`;
  await writeFile(path.join(dir, name), text);
  return name;
}

/** 1. Move the inline loader into boot-<hash>.js. */
async function extractLoader(dir, html, { release }) {
  const re = /<script type="module"(?:\s+nonce="[^"]*")?>([\s\S]*?import init[\s\S]*?)<\/script>/;
  const m = html.match(re);
  // Already moved (postbuild run again on its own output).
  const moved = html.match(/<script type="module" src="\.\/(boot-[0-9a-f]+\.js)"><\/script>/)?.[1];
  if (!m && moved) return { html, boot: moved };
  if (!m) fail(path.join(dir, 'index.html'), "Trunk's inline module loader (<script type=\"module\">…import init…</script>) not found: has Trunk's output changed?");
  // Resolve the wasm against this file, not the page (same folder; also right if the page moves).
  const body = rewrite(m[1].trim(), /module_or_path:\s*'\.\/([^']+)'/, "module_or_path: new URL('./$1', import.meta.url)",
    path.join(dir, 'index.html'), "the loader's `module_or_path: './…_bg.wasm'`");
  const sw = release
    ? `
// Offline: precache this version (sw.js lists every file of the build). Registered once the page has
// been idle for a while after starting, so that the precache never competes with the first results.
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  const register = () => navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch((e) => console.warn('xunyue: service worker not registered:', e));
  const idle = window.requestIdleCallback ? (f) => requestIdleCallback(f, { timeout: 5000 }) : (f) => setTimeout(f, 0);
  setTimeout(() => idle(register), 2000);
}
`
    : `
// Development build: no service worker (and drop one left by a release build on this origin).
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.getRegistrations().then((rs) => rs.forEach((r) => r.unregister())).catch(() => {});
}
`;
  const trap = `${await readStatic('trap.js')}xunyueTrap(() => [document.body]);\n`;
  const text = `// 寻阅 Xunyue page loader.\n${trap}${body}\n${sw}`;
  const boot = await writeHashed(dir, 'boot', 'js', text);
  html = html.replace(m[0], `<script type="module" src="./${boot}"></script>`);
  return { html, boot };
}

/** 2. Manifest, icons, theme colour. */
async function addManifest(dir, html) {
  const manifest = await readStatic('manifest.webmanifest');
  let parsed;
  try {
    parsed = JSON.parse(manifest);
  } catch (e) {
    fail(path.join(STATIC, 'manifest.webmanifest'), `invalid JSON: ${e.message}`);
  }
  for (const icon of parsed.icons ?? []) {
    const src = path.join(STATIC, icon.src);
    if (!(await stat(src).catch(() => null))) fail(path.join(STATIC, 'manifest.webmanifest'), `icon ${icon.src} not found in static/`);
    await copyFile(src, path.join(dir, icon.src));
  }
  await writeFile(path.join(dir, 'manifest.webmanifest'), manifest);
  const head = [
    '<link rel="manifest" href="./manifest.webmanifest" />',
    `<link rel="icon" href="./${parsed.icons?.[0]?.src ?? 'icon.svg'}" type="image/svg+xml" />`,
    `<meta name="theme-color" content="${parsed.theme_color ?? '#9b1c1c'}" />`,
  ];
  const add = head.filter((tag) => !html.includes(tag.match(/(rel|name)="[^"]+"/)[0]));
  if (add.length) html = rewrite(html, /<\/head>/i, `  ${add.join('\n  ')}\n  </head>`, path.join(dir, 'index.html'), '</head>');
  return html;
}

/** 3. Widget loader and its stylesheet. */
async function writeWidget(dir, assets) {
  const widgetCss = await writeHashed(dir, 'widget', 'css', await readStatic('widget.css'));
  const template = await readStatic('widget.js');
  if (!template.includes('/*@XUNYUE_TRAP@*/')) fail(path.join(STATIC, 'widget.js'), 'placeholder /*@XUNYUE_TRAP@*/ not found');
  const trap = await readStatic('trap.js');
  const js = fill(template.replace('/*@XUNYUE_TRAP@*/', () => trap), 'XUNYUE_BUILD', { ...assets, widgetCss }, path.join(STATIC, 'widget.js'));
  await writeFile(path.join(dir, 'xunyue-widget.js'), js);
  return widgetCss;
}

/** 4. Minify every JS and CSS file of the build; returns index.html with its integrity attributes updated. */
export async function minify(dir, html) {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (e) {
    fail(path.join(HERE, 'node_modules'), `esbuild not found (${e.code ?? e.message}): run \`./dev setup\` (npm ci in tools/)`);
  }
  // The loader stays as written: it is tiny, and readAssets() reads the asset names from it.
  for (const f of (await listFiles(dir)).filter((f) => /\.(js|css)$/.test(f) && !/^boot-/.test(f))) {
    const file = path.join(dir, f);
    const before = await readFile(file, 'utf8');
    let code;
    try {
      // charset utf8: Chinese strings stay as they are (escapes would be larger).
      ({ code } = await esbuild.transform(before, {
        loader: f.endsWith('.css') ? 'css' : 'js',
        minify: true,
        legalComments: 'none',
        charset: 'utf8',
      }));
    } catch (e) {
      fail(file, `minifying failed: ${e.message}`);
    }
    await writeFile(file, code);
    const integrity = `sha384-${createHash('sha384').update(code).digest('base64')}`;
    html = html.replace(/<link\b[^>]*>/g, (tag) =>
      tag.includes(`href="./${f}"`) ? tag.replace(/integrity="sha384-[^"]*"/, `integrity="${integrity}"`) : tag,
    );
  }
  return html;
}

/** 5. The service worker: every file of the build, a version derived from their contents. */
export async function writeServiceWorker(dir) {
  // A sharded archive beside the app (archive/) is cached as it is read, not precached (static/sw.js).
  const files = (await listFiles(dir)).filter((f) => f !== 'sw.js' && !f.startsWith('archive/'));
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f + '\0');
    h.update(await readFile(path.join(dir, f)));
  }
  const version = h.digest('hex').slice(0, 16);
  const template = await readStatic('sw.js');
  const assets = files.map((f) => `./${f}`);
  const sw = fill(template, 'XUNYUE_PRECACHE', { version, assets }, path.join(STATIC, 'sw.js'));
  await writeFile(path.join(dir, 'sw.js'), sw);
  return { version, assets };
}

/** Files a host sends compressed; `precompress` writes a `.gz` next to each. */

/** zopfli settings: unlimited block splitting saves another 0.9 KB on the wasm (a few seconds). */
export const ZOPFLI = { numiterations: 15, blocksplittingmax: 0 };
export const COMPRESSIBLE = /\.(html|js|css|wasm|svg|webmanifest)$/;

/**
 * 6. Precompressed copies: `<file>.gz` next to every compressible file, made with zopfli (the gzip
 * format, decoded by every browser, 6–7% smaller than gzip -9). A host that serves precompressed files
 * (nginx `gzip_static on`, Caddy `file_server { precompressed gzip }`, …) sends these bytes; one that
 * compresses on the fly sends its own gzip.
 */
export async function precompress(dir) {
  let zopfli;
  try {
    zopfli = (await import('@gfx/zopfli')).default;
  } catch (e) {
    fail(path.join(HERE, 'node_modules'), `@gfx/zopfli not found (${e.code ?? e.message}): run \`./dev setup\` (npm ci in tools/)`);
  }
  for (const f of (await listFiles(dir)).filter((f) => COMPRESSIBLE.test(f))) {
    const raw = await readFile(path.join(dir, f));
    await writeFile(path.join(dir, `${f}.gz`), await zopfli.gzipAsync(raw, ZOPFLI));
  }
}

export async function postbuild(dir, { release = true } = {}) {
  const indexFile = path.join(dir, 'index.html');
  let html = await readFile(indexFile, 'utf8').catch(() => fail(indexFile, 'missing (run trunk build first)'));
  const assets = await readAssets(dir, html, indexFile);
  let boot;
  ({ html, boot } = await extractLoader(dir, html, { release }));
  html = await addManifest(dir, html);
  const widgetCss = await writeWidget(dir, assets);
  if (release) html = await minify(dir, html);
  await writeFile(indexFile, html);

  const problems = [];
  for (const f of (await listFiles(dir)).filter((f) => f.endsWith('.html'))) {
    const text = await readFile(path.join(dir, f), 'utf8');
    for (const p of inlineCode(text)) {
      // `trunk serve` injects its live-reload script (development only, never in a built dist/).
      if ((!release || /\.well-known\/trunk\/ws/.test(text)) && /inline <script>: "use strict"/.test(p)) continue;
      problems.push(`${f}: ${p}`);
    }
  }
  if (release && problems.length) fail(dir, `strict CSP would block:\n  ${problems.join('\n  ')}`);

  if (release) {
    await writeServiceWorker(dir);
    await precompress(dir);
  } else await rm(path.join(dir, 'sw.js'), { force: true });
  return { ...assets, boot, widgetCss };
}

/** Why a sharded archive has no one-file edition. */
export const ONEFILE_LIMIT =
  'the one-file edition carries the whole archive inside one HTML file, so it is made for embedded archives only ' +
  '(at most 256 KB of article text by default, XUNYUE_EMBED_MAX_TEXT); this archive is sharded (its files are ' +
  'fetched as queries need them): serve it from a static host, and use "save for offline" in the app instead';

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
  if (!dir) {
    console.error('postbuild: give the dist directory as argument (or run it as a Trunk hook)');
    process.exit(2);
  }
  postbuild(path.resolve(dir), { release })
    .then(async (r) => {
      console.log(`postbuild: ${dir}: loader → ${r.boot}, widget → xunyue-widget.js${release ? ', sw.js' : ''}`);
      // A release build also makes the one-file edition, next to dist/: dist-onefile/xunyue.html.
      if (release && process.env.TRUNK_DIST_DIR && process.env.XUNYUE_SHAPE === 'sharded') {
        console.log(`postbuild: no one-file edition: ${ONEFILE_LIMIT}`);
      } else if (release && process.env.TRUNK_DIST_DIR) {
        const { onefile } = await import('./onefile.mjs');
        const out = path.join(path.dirname(path.resolve(process.env.TRUNK_DIST_DIR)), 'dist-onefile', 'xunyue.html');
        const o = await onefile(path.resolve(dir), out);
        console.log(`postbuild: ${out}: ${(o.bytes / 1024).toFixed(0)} KiB (${(o.gzip / 1024).toFixed(0)} KiB gzip)`);
      }
    })
    .catch((e) => {
      console.error(e instanceof BuildError ? `postbuild error: ${e.message}` : e);
      process.exit(1);
    });
}
