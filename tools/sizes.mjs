#!/usr/bin/env node
// What each way of shipping costs a reader, raw and gzip-encoded:  node tools/sizes.mjs [dist]
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { listFiles, readAssets, ROOT } from './postbuild.mjs';

const dist = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
const onefile = path.join(path.dirname(dist), 'dist-onefile', 'xunyue.html');

// gzip: the build's precompressed `.gz` copy where there is one (what a host serving those sends),
// else gzip -9.
async function size(file) {
  const buf = await readFile(file);
  const pre = await readFile(`${file}.gz`).catch(() => null);
  return { raw: buf.length, gz: pre ? pre.length : gzipSync(buf, { level: 9 }).length };
}
async function sum(files) {
  const t = { raw: 0, gz: 0 };
  for (const f of files) {
    const s = await size(path.join(dist, f));
    t.raw += s.raw;
    t.gz += s.gz;
  }
  return t;
}

const html = await readFile(path.join(dist, 'index.html'), 'utf8');
const a = await readAssets(dist, html);
const boot = html.match(/src="\.\/(boot-[0-9a-f]+\.js)"/)?.[1];
const files = await listFiles(dist);
const widgetCss = files.find((f) => /^widget-[0-9a-f]+\.css$/.test(f));
const rows = [
  ['static site, first visit (index, loader, css, js, wasm)', await sum(['index.html', boot, a.css, a.js, a.wasm].filter(Boolean))],
  ['  of which wasm (app + corpus + index)', await sum([a.wasm])],
  ['offline extras (sw.js, manifest, icons)', await sum(files.filter((f) => f === 'sw.js' || f === 'manifest.webmanifest' || f.endsWith('.svg')))],
  ['widget, first load (loader, 2 css, js, wasm)', await sum(['xunyue-widget.js', widgetCss, a.css, a.js, a.wasm].filter(Boolean))],
  ['whole dist/ (what the service worker precaches)', await sum(files)],
];
try {
  rows.push(['one file (dist-onefile/xunyue.html)', await size(onefile)]);
} catch {
  rows.push(['one file: not built', { raw: 0, gz: 0 }]);
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const [name, s] of rows) console.log(`${name.padEnd(52)} ${kib(s.raw).padStart(11)} ${kib(s.gz).padStart(11)} gzip`);
