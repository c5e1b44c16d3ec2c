#!/usr/bin/env node
// The Pagefind side of the benchmark: one HTML page per article of the corpus
// (from `xunyue articles --json`), a search page with Pagefind's default UI,
// and the Pagefind index built over them by the `pagefind` npm package.
//
//   node bench/pagefind-fixture.mjs [--articles FILE.json] [--out DIR]
//
// Without --articles, runs `cargo run -q --release -p xunyue-cli -- articles --json`.
// Writes DIR (default bench/out/pagefind-site) and prints its path.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');

export const SEARCH_PAGE = 'index.html';

function esc(s) {
  return String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

export function readArticles(file) {
  let text;
  if (file) {
    text = readFileSync(file, 'utf8');
  } else {
    text = execFileSync('cargo', ['run', '-q', '--release', '-p', 'xunyue-cli', '--', 'articles', '--json'], {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  }
  let articles;
  try {
    articles = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file ?? 'xunyue articles --json'}: not JSON: ${e.message}`);
  }
  if (!Array.isArray(articles) || articles.some((a) => typeof a?.id !== 'string' || typeof a?.text !== 'string')) {
    throw new Error(`${file ?? 'xunyue articles --json'}: expected [{"id","text",...}]`);
  }
  return { articles, text };
}

function articlePage(a) {
  const meta = [a.source, a.date, a.byline].filter(Boolean).map(esc).join(' · ');
  const paras = a.text
    .split('\n')
    .slice(1) // the first block is the headline, shown as <h1>
    .filter((p) => p.trim())
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(a.title)}</title></head>
<body>
<main data-pagefind-body>
<h1>${esc(a.title)}</h1>
${meta ? `<p>${meta}</p>` : ''}
${paras}
</main>
</body>
</html>
`;
}

// Pagefind's default UI, as its documentation sets it up.
const searchPage = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagefind</title>
<link href="pagefind/pagefind-ui.css" rel="stylesheet">
<script src="pagefind/pagefind-ui.js"></script>
</head>
<body>
<div id="search"></div>
<script>
  window.addEventListener('DOMContentLoaded', () => {
    new PagefindUI({ element: '#search', showSubResults: true });
  });
</script>
</body>
</html>
`;

export function buildSite({ articlesFile, out = join(here, 'out', 'pagefind-site') } = {}) {
  const { articles, text } = readArticles(articlesFile);
  const stamp = createHash('sha256').update(text).update(searchPage).digest('hex');
  const stampFile = join(out, '.source-hash');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(out, 'pagefind'))) {
    return { out, articles: articles.length, cached: true };
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'a'), { recursive: true });
  articles.forEach((a, i) => writeFileSync(join(out, 'a', `${i + 1}.html`), articlePage(a)));
  writeFileSync(join(out, SEARCH_PAGE), searchPage);
  const bin = join(here, 'node_modules', '.bin', 'pagefind');
  if (!existsSync(bin)) throw new Error(`${bin} missing: run \`npm ci\` in bench/`);
  execFileSync(bin, ['--site', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(stampFile, stamp);
  return { out, articles: articles.length, cached: false };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const opt = (k) => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : undefined;
  };
  try {
    const r = buildSite({ articlesFile: opt('--articles'), out: opt('--out') ? resolve(opt('--out')) : undefined });
    console.log(`${r.out} (${r.articles} articles${r.cached ? ', unchanged' : ''})`);
  } catch (e) {
    console.error(`error: ${e.message}`);
    process.exit(1);
  }
}
