// The post-build step on a synthetic Trunk output (no browser): what it moves, writes and refuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { postbuild, inlineCode, listFiles } from '../../tools/postbuild.mjs';
import { onefile } from '../../tools/onefile.mjs';

const INDEX = `<!doctype html>
<html lang="zh-CN"><head><title>t</title>
<link rel="stylesheet" href="./app-0123456789abcdef.css" integrity="sha384-x"/>
<script type="module">
import init, * as bindings from './xunyue-0123456789abcdef.js';
const wasm = await init({ module_or_path: './xunyue-0123456789abcdef_bg.wasm' });
window.wasmBindings = bindings;
</script>
</head><body></body></html>`;

async function stage(index = INDEX) {
  const dir = await mkdtemp(path.join(tmpdir(), 'xunyue-stage-'));
  await writeFile(path.join(dir, 'index.html'), index);
  await writeFile(path.join(dir, 'app-0123456789abcdef.css'), 'mark {\n  color: red;\n}\n');
  // Shaped like wasm-bindgen's glue: the init function is the default export.
  await writeFile(
    path.join(dir, 'xunyue-0123456789abcdef.js'),
    'async function __wbg_init(module_or_path) {\n  return module_or_path;\n}\nexport { __wbg_init as default };\n',
  );
  await writeFile(path.join(dir, 'xunyue-0123456789abcdef_bg.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  return dir;
}

test('inlineCode finds every kind of inline code and ignores external scripts and data blocks', () => {
  assert.deepEqual(inlineCode('<script src="./a.js"></script><script type="application/json">{}</script>'), []);
  assert.equal(inlineCode('<script>alert(1)</script>').length, 1);
  assert.equal(inlineCode('<script type="module">x()</script>').length, 1);
  assert.equal(inlineCode('<img src=x onerror="alert(1)">').length, 1);
  assert.equal(inlineCode('<p style="color:red">').length, 1);
  assert.equal(inlineCode('<style>p{}</style>').length, 1);
  assert.equal(inlineCode('<a href="javascript:void 0">').length, 1);
});

test('postbuild moves the loader out, adds manifest, widget and a service worker listing every file', async () => {
  const dir = await stage();
  try {
    const r = await postbuild(dir, { release: true });
    const html = await readFile(path.join(dir, 'index.html'), 'utf8');
    assert.deepEqual(inlineCode(html), []);
    assert.match(html, new RegExp(`<script type="module" src="\\./${r.boot}"></script>`));
    assert.match(r.boot, /^boot-[0-9a-f]{16}\.js$/);
    const boot = await readFile(path.join(dir, r.boot), 'utf8');
    assert.match(boot, /new URL\('\.\/xunyue-0123456789abcdef_bg\.wasm', import\.meta\.url\)/);
    assert.match(boot, /serviceWorker\.register/);
    assert.match(html, /rel="manifest"/);
    const widget = await readFile(path.join(dir, 'xunyue-widget.js'), 'utf8');
    assert.match(widget, /\bjs"?:"xunyue-0123456789abcdef\.js"/);
    assert.match(widget, /\bcss"?:"app-0123456789abcdef\.css"/);
    // Release builds minify JS and CSS, and the integrity Trunk wrote follows the new bytes.
    const css = await readFile(path.join(dir, 'app-0123456789abcdef.css'));
    assert.equal(css.toString().trim(), 'mark{color:red}');
    assert.match((await readFile(path.join(dir, 'xunyue-0123456789abcdef.js'), 'utf8')).trim(), /^async function \w+\(\w+\)\{return \w+\}export\{\w+ as default\};$/);
    assert.ok(html.includes(`integrity="sha384-${createHash('sha384').update(css).digest('base64')}"`), html);
    const sw = await readFile(path.join(dir, 'sw.js'), 'utf8');
    const { assets, version } = JSON.parse(sw.match(/const PRECACHE = (\{.*\});/)[1]);
    const files = (await listFiles(dir)).filter((f) => f !== 'sw.js');
    assert.deepEqual(assets, files.map((f) => `./${f}`));
    // Any change of content gives a new version.
    await writeFile(path.join(dir, 'app-0123456789abcdef.css'), 'mark{color:blue}');
    await postbuild(dir, { release: true });
    const again = JSON.parse((await readFile(path.join(dir, 'sw.js'), 'utf8')).match(/const PRECACHE = (\{.*\});/)[1]);
    assert.notEqual(again.version, version);
    // The one-file edition inlines everything and pins its script and style by hash.
    const o = await onefile(dir, path.join(dir, 'one', 'x.html'));
    const one = await readFile(o.out, 'utf8');
    assert.match(one, /<script type="application\/octet-stream" id="xunyue-wasm">AGFzbQEAAAA=<\/script>/);
    assert.match(one, /<style>mark\{color:(blue|#00f)\}\s*<\/style>/);
    assert.match(o.csp, /script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'; style-src 'sha256-/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a release build with an inline handler fails, naming the file', async () => {
  const dir = await stage(INDEX.replace('<body>', '<body onload="go()">'));
  try {
    await assert.rejects(postbuild(dir, { release: true }), /index\.html: inline handler onload=/);
    // A development build lets it pass (trunk serve adds its own inline script) and writes no service worker.
    await writeFile(path.join(dir, 'index.html'), INDEX.replace('<body>', '<body onload="go()">'));
    await postbuild(dir, { release: false });
    assert.ok(!(await listFiles(dir)).includes('sw.js'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a build without a Trunk loader is refused with the file named', async () => {
  const dir = await stage(INDEX.replace(/<script type="module">[\s\S]*<\/script>/, ''));
  try {
    await assert.rejects(postbuild(dir, { release: true }), /index\.html: no Trunk loader/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
