#!/usr/bin/env node
// What each crate costs in a wasm file: code bytes per function, grouped by
// the crate its (demangled) name starts with, plus data segments.
//
//   node bench/wasm-size.mjs FILE.wasm [--top N] [--crate NAME]
//
// The wasm must keep its "name" section (build without `strip`, and pass
// `-g` to wasm-opt), otherwise every function shows as `func[N]`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

class Reader {
  constructor(buf, at = 0, end = buf.length) {
    this.buf = buf;
    this.at = at;
    this.end = end;
  }
  byte() {
    if (this.at >= this.end) throw new Error(`unexpected end of wasm at byte ${this.at}`);
    return this.buf[this.at++];
  }
  leb() {
    let v = 0, shift = 0, b;
    do {
      b = this.byte();
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return v;
  }
  sleb() {
    let v = 0n, shift = 0n, b;
    do {
      b = this.byte();
      v |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b & 0x80);
    return v;
  }
  str() {
    const n = this.leb();
    const s = this.buf.toString('utf8', this.at, this.at + n);
    this.at += n;
    return s;
  }
  skipConstExpr() {
    // Good enough for data segment offsets: i32.const N / global.get N, end.
    for (;;) {
      const op = this.byte();
      if (op === 0x0b) return;
      if (op === 0x41 || op === 0x42) this.sleb();
      else if (op === 0x23) this.leb();
      else throw new Error(`unsupported const expr opcode 0x${op.toString(16)}`);
    }
  }
}

export function parseWasm(buf) {
  const r = new Reader(buf, 8);
  const out = { sections: [], funcImports: 0, bodies: [], data: [], names: new Map() };
  while (r.at < buf.length) {
    const id = r.byte();
    const size = r.leb();
    const start = r.at;
    const end = start + size;
    const s = new Reader(buf, start, end);
    let name = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
      'start', 'element', 'code', 'data', 'datacount'][id] ?? `id${id}`;
    if (id === 0) {
      name = `custom:${s.str()}`;
      if (name === 'custom:name') {
        while (s.at < end) {
          const sub = s.byte();
          const subSize = s.leb();
          const subEnd = s.at + subSize;
          if (sub === 1) {
            const n = s.leb();
            for (let i = 0; i < n; i++) {
              const idx = s.leb();
              out.names.set(idx, s.str());
            }
          }
          s.at = subEnd;
        }
      }
    } else if (id === 2) {
      const n = s.leb();
      for (let i = 0; i < n; i++) {
        s.str();
        s.str();
        const kind = s.byte();
        if (kind === 0) {
          s.leb();
          out.funcImports++;
        } else if (kind === 1) {
          s.byte();
          const flags = s.leb();
          s.leb();
          if (flags & 1) s.leb();
        } else if (kind === 2) {
          const flags = s.leb();
          s.leb();
          if (flags & 1) s.leb();
        } else if (kind === 3) {
          s.byte();
          s.byte();
        } else {
          s.byte();
          s.leb();
        }
      }
    } else if (id === 10) {
      const n = s.leb();
      for (let i = 0; i < n; i++) {
        const bodySize = s.leb();
        const headerSize = s.at - 0;
        out.bodies.push({ index: out.funcImports + i, size: bodySize, at: s.at });
        s.at += bodySize;
        void headerSize;
      }
    } else if (id === 11) {
      const n = s.leb();
      for (let i = 0; i < n; i++) {
        const flags = s.leb();
        if (flags === 2) s.leb();
        if (flags !== 1) s.skipConstExpr();
        const len = s.leb();
        out.data.push({ size: len, at: s.at });
        s.at += len;
      }
    }
    out.sections.push({ id, name, size, start });
    r.at = end;
  }
  return out;
}

/** Demangles a legacy (`_ZN...E`) Rust symbol into its path segments. */
export function demangle(sym) {
  let s = sym;
  if (s.startsWith('_ZN')) {
    const parts = [];
    let i = 3;
    while (i < s.length && s[i] !== 'E') {
      let j = i;
      while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
      const n = Number(s.slice(i, j));
      if (!n) break;
      parts.push(s.slice(j, j + n));
      i = j + n;
    }
    s = parts
      .filter((p) => !/^h[0-9a-f]{16}$/.test(p))
      .join('::')
      .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
      .replace(/\$RF\$/g, '&').replace(/\$BP\$/g, '*').replace(/\$C\$/g, ',')
      .replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\$u5b\$/g, '[')
      .replace(/\$u5d\$/g, ']').replace(/\$u27\$/g, "'").replace(/\.\./g, '::');
  }
  return s.replace(/::h[0-9a-f]{16}$/, '');
}

/**
 * The crate a function is charged to: for `<T as Trait>::f` impls and
 * generic instances, the crate of the implementing type (first path inside
 * `<`), which is where the code comes from more often than not.
 */
export function crateOf(name) {
  let n = name.trim();
  const m = /^_?<(?:&(?:mut )?)?(?:\[)?([A-Za-z_][A-Za-z0-9_]*)/.exec(n);
  if (m) return m[1];
  const c = /^([A-Za-z_][A-Za-z0-9_]*)::/.exec(n);
  if (c) return c[1];
  if (/^(wbg|__wbg|__wbindgen)/.test(n)) return 'wasm_bindgen(glue)';
  if (/^(memcpy|memset|memmove|memcmp|__rust|__rdl|__rg|dlmalloc|__multi3|__udivti3)/.test(n)) return 'std(runtime)';
  if (/^func\[\d+\]$/.test(n)) return '(unnamed)';
  return '(other)';
}

export function report(file, { top = 25, crate = null } = {}) {
  const buf = readFileSync(file);
  const w = parseWasm(buf);
  const fns = w.bodies.map((b) => {
    const raw = w.names.get(b.index) ?? `func[${b.index}]`;
    const name = demangle(raw);
    return { name, crate: crateOf(name), size: b.size };
  });
  const byCrate = new Map();
  for (const f of fns) {
    const e = byCrate.get(f.crate) ?? { crate: f.crate, size: 0, count: 0 };
    e.size += f.size;
    e.count++;
    byCrate.set(f.crate, e);
  }
  const code = fns.reduce((a, f) => a + f.size, 0);
  const data = w.data.reduce((a, d) => a + d.size, 0);
  const lines = [];
  lines.push(`${file}: ${buf.length} bytes, gzip -9 ${gzipSync(buf, { level: 9 }).length}`);
  for (const s of w.sections) lines.push(`  section ${s.name.padEnd(24)} ${String(s.size).padStart(8)}`);
  lines.push(`  code ${code} bytes in ${fns.length} functions; data ${data} bytes in ${w.data.length} segments`);
  for (const [i, d] of w.data.entries()) {
    if (d.size >= 1024) {
      const g = gzipSync(buf.subarray(d.at, d.at + d.size), { level: 9 }).length;
      lines.push(`    data[${i}] ${d.size} bytes (gzip alone ${g})`);
    }
  }
  lines.push('', 'code by crate (bytes, functions):');
  for (const e of [...byCrate.values()].sort((a, b) => b.size - a.size)) {
    lines.push(`  ${String(e.size).padStart(8)} ${String(e.count).padStart(5)}  ${e.crate}`);
  }
  const shown = crate ? fns.filter((f) => f.crate === crate) : fns;
  lines.push('', `largest functions${crate ? ` of ${crate}` : ''}:`);
  for (const f of shown.sort((a, b) => b.size - a.size).slice(0, top)) {
    lines.push(`  ${String(f.size).padStart(8)}  ${f.name.slice(0, 150)}`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  if (!file) {
    console.error('usage: node bench/wasm-size.mjs FILE.wasm [--top N] [--crate NAME]');
    process.exit(2);
  }
  const opt = (k) => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : undefined;
  };
  try {
    console.log(report(file, { top: Number(opt('--top') ?? 25), crate: opt('--crate') ?? null }));
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    process.exit(1);
  }
}
