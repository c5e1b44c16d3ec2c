#!/usr/bin/env node
// The engine's query latency in headless Chromium: the native bench's query
// mix (crates/engine/benches/synth.rs) on the five pages and on the synthetic
// corpus 100x larger, compiled to wasm32 with the app's release profile
// (opt-level z, lto, then wasm-opt -Oz as Trunk does), timed in the page with
// performance.now() around each search, after a warm-up over the whole mix
// (ten times on the five pages: V8 first runs wasm in its baseline tier).
//
//   node bench/engine-wasm/run.mjs [--no-build] [--times N] [--json]
//
// Builds into target/engine-wasm/ (cargo, wasm-bindgen, wasm-opt when on
// PATH), serves it on 127.0.0.1 with COOP/COEP headers (a cross-origin
// isolated page gets a 5 µs timer instead of 100 µs) and prints p50/p95/max
// per corpus. Needs tests/node_modules (./dev setup --browser).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../../tests/e2e/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : dflt;
};
const TIMES = Number(option('--times', '100'));
const target = join(repo, 'target', 'engine-wasm');
const pkg = join(target, 'pkg');
const NAME = 'xunyue_engine_wasm_bench';

function run(cmd, argv, env = {}) {
  execFileSync(cmd, argv, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
}

function has(cmd) {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function build() {
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--manifest-path', join(here, 'Cargo.toml')], {
    CARGO_TARGET_DIR: target,
  });
  const wasm = join(target, 'wasm32-unknown-unknown', 'release', `${NAME}.wasm`);
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', pkg, wasm]);
  const out = join(pkg, `${NAME}_bg.wasm`);
  if (has('wasm-opt')) {
    // The feature flags wasm-bindgen's output needs (the app's index.html lists the same).
    run('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
      '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', out, '-o', out]);
  } else {
    console.error('wasm-opt not on PATH: measuring the wasm-bindgen output as it is');
  }
}

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>engine wasm bench</title>
<script type="module">
import init, * as b from './${NAME}.js';
const ready = init();
window.bench = async (times) => {
  await ready;
  const t0 = performance.now();
  const [articles, chars] = b.load(times);
  const load = performance.now() - t0;
  const queries = b.queries();
  const runs = b.runs();
  // Warm-up: the whole mix, ten times on the small corpus, so that V8 has
  // compiled the hot functions with its optimizing tier before timing.
  for (let w = 0; w < (times <= 1 ? 10 : 1); w++) {
    for (let i = 0; i < queries.length; i++) {
      b.search(i);
      b.release();
    }
  }
  const samples = [];
  for (let i = 0; i < queries.length; i++) {
    b.search(i);
    b.release();
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      b.search(i);
      const ms = performance.now() - t;
      b.release();
      samples.push({ q: queries[i], ms });
    }
  }
  return { articles, chars, load, samples, isolated: self.crossOriginIsolated };
};
window.benchReady = true;
</script>
`;

const pct = (sorted, p) => sorted[Math.round((sorted.length - 1) * p)];

async function main() {
  if (!flag('--no-build')) build();
  if (!existsSync(join(pkg, `${NAME}_bg.wasm`))) throw new Error(`no build in ${pkg}: run without --no-build`);
  writeFileSync(join(pkg, 'index.html'), PAGE);
  const server = await serve({
    mounts: { '/': pkg },
    headers: {
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    },
  });
  const browser = await launch();
  const rows = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e));
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => window.benchReady === true);
    for (const [name, times] of [['5 pages', 1], [`${TIMES}× synthetic`, TIMES]]) {
      const r = await page.evaluate((t) => window.bench(t), times);
      const ms = r.samples.map((s) => s.ms).sort((a, b) => a - b);
      const worst = r.samples.reduce((a, b) => (b.ms > a.ms ? b : a));
      rows.push({
        corpus: name,
        articles: r.articles,
        chars: r.chars,
        load_ms: r.load,
        p50_ms: pct(ms, 0.5),
        p95_ms: pct(ms, 0.95),
        max_ms: ms[ms.length - 1],
        slowest: worst.q,
        samples: ms.length,
        isolated: r.isolated,
      });
    }
    const version = browser.version();
    if (flag('--json')) {
      console.log(JSON.stringify({ chromium: version, rows }, null, 2));
    } else {
      console.log(`Chromium ${version} (headless), cross-origin isolated: ${rows.every((r) => r.isolated)}`);
      console.log('| corpus | articles | chars | load | p50 | p95 | max | slowest query |');
      console.log('|---|---|---|---|---|---|---|---|');
      for (const r of rows) {
        console.log(
          `| ${r.corpus} | ${r.articles} | ${r.chars} | ${r.load_ms.toFixed(1)} ms | ${r.p50_ms.toFixed(3)} ms | ` +
            `${r.p95_ms.toFixed(3)} ms | ${r.max_ms.toFixed(3)} ms | ${r.slowest} |`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
