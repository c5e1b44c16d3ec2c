#!/usr/bin/env node
// One self-contained HTML file from a release build: wasm (base64), JS and CSS inlined, opened
// straight from disk (file://) with no server.
//
//   node tools/onefile.mjs [dist] [out]      (defaults: dist/ → dist-onefile/xunyue.html)
//
// The file carries its own Content-Security-Policy (a <meta> tag) that allows exactly its one
// script and its one stylesheet by SHA-256 hash, plus 'wasm-unsafe-eval' to compile the wasm:
//   default-src 'none'; script-src 'sha256-…' 'wasm-unsafe-eval'; style-src 'sha256-…'; img-src data:;
//   base-uri 'none'; form-action 'none'
// No service worker and no manifest: neither works from file://.

import { createHash } from 'node:crypto';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { ONEFILE_LIMIT, readAssets, ROOT } from './postbuild.mjs';

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** `</script` or `</style` inside inlined text would end the element early. */
function guard(text, tag, file) {
  if (new RegExp(`</${tag}`, 'i').test(text)) {
    throw new Error(`${file}: contains "</${tag}", cannot be inlined into a <${tag}> element`);
  }
  return text;
}

export async function onefile(dist, out) {
  if (existsSync(path.join(dist, 'archive', 'root.bin'))) throw new Error(`${dist}: ${ONEFILE_LIMIT}`);
  const indexFile = path.join(dist, 'index.html');
  const html = await readFile(indexFile, 'utf8').catch(() => {
    throw new Error(`${indexFile}: missing (run trunk build --release first)`);
  });
  // After the post-build step the loader lives in boot-*.js; the asset names are in index.html.
  const assets = await readAssets(dist, html, indexFile);
  const glue = await readFile(path.join(dist, assets.js), 'utf8');
  if (/^\s*import\s/m.test(glue)) {
    throw new Error(`${path.join(dist, assets.js)}: imports other modules (wasm-bindgen snippets); cannot inline`);
  }
  const wasm = await readFile(path.join(dist, assets.wasm));
  const css = await readFile(path.join(dist, assets.css), 'utf8');
  let icon = '';
  const iconHref = html.match(/<link rel="icon" href="\.\/([^"]+\.svg)"/)?.[1];
  if (iconHref) {
    const svg = await readFile(path.join(dist, iconHref));
    icon = `<link rel="icon" href="data:image/svg+xml;base64,${svg.toString('base64')}" />`;
  }

  // The glue's init function: its default export (`__wbg_init`, renamed when the glue is minified).
  const init =
    glue.match(/export\s*\{[^}]*?([\w$]+)\s+as\s+default\b/)?.[1] ?? glue.match(/export\s+default\s+(?:async\s+)?(?:function\s*)?([\w$]+)/)?.[1];
  if (!init) throw new Error(`${assets.js}: no default export (the init function) in the wasm-bindgen glue`);
  const script = `${guard(glue, 'script', assets.js)}
// ---- one-file loader: the wasm is in the data block #xunyue-wasm ----
{
  const b64 = document.getElementById('xunyue-wasm').textContent.trim();
  let bytes;
  if (typeof Uint8Array.fromBase64 === 'function') {
    bytes = Uint8Array.fromBase64(b64);
  } else {
    const bin = atob(b64);
    bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  }
  const wasm = await ${init}({ module_or_path: bytes });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
}
`;
  const style = guard(css, 'style', assets.css);
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  const title = html.match(/<title>([\s\S]*?)<\/title>/)?.[1] ?? '寻阅 Xunyue';
  const lang = html.match(/<html[^>]*\blang="([^"]+)"/)?.[1] ?? 'zh-CN';
  const body = html.match(/<body[^>]*>([\s\S]*?)<\/body>/)?.[1]?.replace(/<script[\s\S]*?<\/script>/g, '').trim() ?? '';
  const page = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="${csp}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title>
${icon}
<style>${style}</style>
</head>
<body>${body}
<script type="application/octet-stream" id="xunyue-wasm">${wasm.toString('base64')}</script>
<script type="module">${script}</script>
</body>
</html>
`;
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, page);
  const bytes = Buffer.byteLength(page);
  return { out, bytes, gzip: gzipSync(page, { level: 9 }).length, csp };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
  const out = path.resolve(process.argv[3] ?? path.join(ROOT, 'dist-onefile', 'xunyue.html'));
  onefile(dist, out)
    .then((r) => {
      const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
      console.log(`onefile: ${path.relative(process.cwd(), r.out)}: ${kb(r.bytes)} (${kb(r.gzip)} gzip)`);
    })
    .catch((e) => {
      console.error(`onefile error: ${e.message}`);
      process.exit(1);
    });
}
