#!/usr/bin/env node
// What each part of the corpus blob costs, raw and compressed.
//
//   node bench/blob-sizes.mjs [SEEDS_DIR]
//
// Runs bench/blob-parts (a small Rust program, its own workspace, built in
// target/bench) to write every part of the blob to bench/out/blob-parts/,
// then compresses each with gzip -9 (what the server sends), brotli -11, and
// zstd -19 / xz -9e when those commands exist.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const seeds = resolve(process.argv[2] ?? join(repo, 'seeds'));
const out = join(here, 'out', 'blob-parts');

const run = execFileSync(
  'cargo',
  ['run', '-q', '--manifest-path', join(here, 'blob-parts', 'Cargo.toml'), '--', seeds, out],
  { encoding: 'utf8', env: { ...process.env, CARGO_TARGET_DIR: join(repo, 'target', 'bench') }, stdio: ['ignore', 'pipe', 'inherit'] },
);

const tool = (cmd, args, buf) => {
  const r = spawnSync(cmd, args, { input: buf, maxBuffer: 64 << 20 });
  return r.status === 0 ? r.stdout.length : NaN;
};

const rows = [];
for (const f of readdirSync(out).filter((f) => f.endsWith('.bin')).sort()) {
  const buf = readFileSync(join(out, f));
  rows.push([
    f.replace(/\.bin$/, ''),
    buf.length,
    gzipSync(buf, { level: 9 }).length,
    brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
    tool('zstd', ['-19', '-c', '-q'], buf),
    tool('xz', ['-9e', '-c'], buf),
  ]);
}
const head = ['part', 'raw', 'gzip -9', 'brotli 11', 'zstd -19', 'xz -9e'];
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => `| ${r.map((c, i) => (i ? String(c).padStart(w[i]) : String(c).padEnd(w[i]))).join(' | ')} |`;
console.log([line(head), `| ${w.map((n) => '-'.repeat(n)).join(' | ')} |`, ...rows.map(line)].join('\n'));
console.log(run.trim());
