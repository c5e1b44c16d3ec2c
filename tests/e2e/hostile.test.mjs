// Hostile text: nothing executes, the DOM stays text, highlights line up.
//
// Runs against dist-hostile/, the app built over the fixture corpus tests/fixtures/seeds-hostile/
// (classic payloads: <script>, <img onerror>, javascript: URLs, </mark><b>, {{…}}, RTL override,
// zero-width characters, mixed with normal Chinese text):
//
//   XUNYUE_SEEDS=$PWD/tests/fixtures/seeds-hostile ./dev build --dist dist-hostile
//
// Payloads arrive three ways: from the corpus (titles, bylines, text, facets), typed into the search
// box, and in the URL hash. After each: no dialog opened, no console or page error, no element or
// attribute injected, the payload shown literally, every <mark> shows the query text, and the reader
// marks as many hits as the engine (the native CLI over the same folder) counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { withApp, search, openResult, readerMarks, cli, ROOT, RESULT } from './harness.mjs';

const DIST_HOSTILE = path.join(ROOT, 'dist-hostile');
const SEEDS_HOSTILE = path.join(ROOT, 'tests', 'fixtures', 'seeds-hostile');
const BUILD_CMD =
  'XUNYUE_SEEDS=$PWD/tests/fixtures/seeds-hostile ./dev build --dist dist-hostile';
const skip = existsSync(path.join(DIST_HOSTILE, 'index.html'))
  ? false
  : `dist-hostile/ is missing; build it first: ${BUILD_CMD}`;

const RLO = '\u202e';
const ZWSP = '\u200b';

// Typed into the search box: each occurs in the fixture corpus.
const TYPED = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '</mark><b>bold</b>',
  '{{7*7}}',
  `${RLO}倒序文字`,
  `基${ZWSP}因`,
  '"onmouseover="alert(1)"',
  "<script>document.title='pwned'</script>",
];

// Put in the URL hash (raw and percent-encoded); none may run or break the page.
const HASHES = [
  `#q=${encodeURIComponent('<script>alert(1)</script>')}`,
  '#q=<img src=x onerror=alert(1)>',
  `#q=${encodeURIComponent('<img src=x onerror=alert(1)>')}&a=${encodeURIComponent('000_hostile#1')}`,
  `#a=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
  `#a=${encodeURIComponent('javascript:alert(1)')}&hit=99999999999999999999`,
  `#f=${encodeURIComponent('author:<b>张三</b>')}&q=${encodeURIComponent('{{7*7}}')}`,
  `#f=${encodeURIComponent('org:"><svg onload=alert(1)>')}`,
  '#q=%E0%A4%A&lang=%3Cscript%3E&sort=%3Cb%3E&view=javascript:alert(1)',
  '#q=%ED%A0%80%F0%9F%98%80&hit=-1',
  `#q=${encodeURIComponent('</mark><b>bold</b>')}&a=${encodeURIComponent('000_hostile#1')}&hit=1`,
  `#q=${encodeURIComponent(RLO + '倒序文字')}&lang=en`,
];

/** Everything on the page that would mean a payload became markup or code. */
async function injected(page) {
  return page.evaluate(() => {
    const bad = [];
    const show = (el) => el.outerHTML.slice(0, 120);
    for (const el of document.querySelectorAll('body *')) {
      const tag = el.tagName.toLowerCase();
      if (['script', 'iframe', 'object', 'embed', 'img', 'base', 'meta', 'frame', 'link', 'style'].includes(tag)) bad.push(show(el));
      if (tag === 'b' && /bold|粗体/.test(el.textContent)) bad.push(show(el));
      if (tag === 'a' && /^\s*javascript:/i.test(el.getAttribute('href') ?? '')) bad.push(show(el));
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) bad.push(`${tag}[${attr.name}]`);
        if (/^\s*javascript:/i.test(attr.value)) bad.push(`${tag}[${attr.name}=${attr.value}]`);
      }
      // A <mark> inside a <mark> would mean "</mark>" closed ours early or opened another.
      if (tag === 'mark' && el.querySelector('mark')) bad.push(show(el));
    }
    for (const el of document.querySelectorAll('head script')) {
      if (/alert|pwned/.test(el.textContent)) bad.push(show(el));
    }
    // The title names the query (which may hold the payload as text); a script would have set it outright.
    if (document.title === 'pwned') bad.push(`title ${document.title}`);
    return bad;
  });
}

/** What a reader compares when checking a highlight: NFKC, lower case, no white space or format marks. */
const fold = (s) => s.normalize('NFKC').toLowerCase().replace(/[\s\p{Cf}]/gu, '');

/** Text of every visible <mark> (inside results or the reader). */
async function markTexts(page, scope = 'body') {
  return page.evaluate(
    (scope) =>
      [...document.querySelectorAll(`${scope} mark`)].filter((m) => m.getClientRects().length > 0).map((m) => m.textContent),
    scope,
  );
}

/** Serve dist-hostile, watch for dialogs, run fn, then check nothing ran and nothing was injected. */
async function hostile(fn, opts = {}) {
  await withApp(
    async (ctx) => {
      const dialogs = [];
      ctx.page.on('dialog', async (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        await d.dismiss().catch(() => {});
      });
      await fn(ctx);
      await ctx.page.waitForTimeout(300); // let late handlers fire
      assert.deepEqual(dialogs, [], 'a dialog opened');
      assert.deepEqual(await injected(ctx.page), [], 'markup or script injected into the page');
      assert.deepEqual(ctx.errors, [], 'console or page errors');
    },
    { dir: DIST_HOSTILE, ...opts },
  );
}

/** The engine's answer over the fixture folder: id → hits. */
function expected(query) {
  const res = cli('--seeds', SEEDS_HOSTILE, 'search', '--json', query);
  return Object.fromEntries(res.results.map((r) => [r.id, r.hits]));
}

test('the checks see an injection when there is one (the page given HTML on purpose)', { skip }, async () => {
  await withApp(
    async ({ page, errors }) => {
      const dialogs = [];
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss().catch(() => {});
      });
      await page.evaluate(() => {
        const div = document.createElement('div');
        div.innerHTML = '<img src=x onerror="alert(7)"><b>bold</b>';
        document.body.append(div);
      });
      await page.waitForTimeout(500);
      assert.deepEqual(dialogs, ['7'], 'no dialog seen');
      const bad = await injected(page);
      assert.ok(bad.some((b) => b.startsWith('<img')), `img not reported: ${bad}`);
      assert.ok(bad.some((b) => b.startsWith('<b>')), `<b> not reported: ${bad}`);
      assert.ok(bad.includes('img[onerror]'), `onerror not reported: ${bad}`);
      assert.ok(errors.some((e) => /x/.test(e)), 'the failed image request was not reported');
    },
    { dir: DIST_HOSTILE, allowErrors: true },
  );
});

test('dist-hostile is built from the hostile fixture', { skip }, async () => {
  await hostile(async ({ page }) => {
    const { results } = await search(page, '海洋科技新闻');
    assert.equal(results.length, 1, 'dist-hostile does not hold the fixture corpus: rebuild it');
    assert.ok(results[0].id.startsWith('000_hostile'), results[0].id);
  });
});

test('the corpus payloads show as text on the home page, the results and in the reader', { skip }, async () => {
  await hostile(async ({ page, screenshot }) => {
    await page.waitForTimeout(300);
    const { results } = await search(page, '<script>alert(1)</script>');
    assert.ok(results.length > 0, 'the <script> payload of the corpus is not found');
    const article = results.find((r) => r.page === '000_hostile') ?? results[0];
    await openResult(page, article.id);
    const text = await page.evaluate(
      () => [...document.querySelectorAll('article')].find((a) => a.getClientRects().length > 0)?.textContent ?? '',
    );
    for (const literal of [
      '<script>alert("xss")</script>',
      'javascript:alert(1)',
      '<a href="javascript:alert(1)">链接</a>',
      '{{7*7}}',
      '</mark><b>bold</b>',
      `${RLO}倒序文字`,
      `基${ZWSP}因`,
      '<svg onload=alert(1)>海洋</svg>',
      '&lt;script&gt;',
    ]) {
      assert.ok(text.includes(literal), `the reader does not show ${JSON.stringify(literal)} literally`);
    }
    await screenshot('hostile-reader');
  });
});

for (const query of TYPED) {
  test(`typing ${JSON.stringify(query)} runs nothing and highlights the text typed`, { skip }, async () => {
    const want = expected(query);
    await hostile(async ({ page }) => {
      const { results, empty } = await search(page, query);
      const got = Object.fromEntries(results.map((r) => [r.id, r.hits]));
      assert.deepEqual(got, want, 'the browser and the engine disagree');
      assert.equal(empty, results.length === 0);
      // The search box still holds exactly what was typed.
      assert.equal(await page.locator('input[type=search]').first().inputValue(), query);
      // Highlights: each <mark> shows a piece of the query, not neighbouring text.
      const q = fold(query);
      for (const m of await markTexts(page, RESULT)) {
        assert.ok(fold(m).length > 0 && q.includes(fold(m)), `<mark>${JSON.stringify(m)} is not part of ${JSON.stringify(query)}`);
      }
      // The reader marks every hit the engine counts, and only query text.
      const top = results.sort((a, b) => b.hits - a.hits)[0];
      if (top) {
        await openResult(page, top.id);
        assert.equal(await readerMarks(page), top.hits, `<mark> count in the reader of ${top.id}`);
        for (const m of await markTexts(page, 'article')) {
          assert.ok(q.includes(fold(m)), `reader <mark>${JSON.stringify(m)} is not part of ${JSON.stringify(query)}`);
        }
      }
    });
  });
}

test('a lone surrogate and control characters typed through JS run nothing', { skip }, async () => {
  await hostile(async ({ page }) => {
    await page.evaluate(() => {
      const box = document.querySelector('input[type=search]');
      for (const v of ['\ud800', '基因\udfff', '\u0000\u0007\u001b[31m', '\u202e<script>alert(1)</script>']) {
        box.value = v;
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    await page.waitForTimeout(800);
  });
});

for (const hash of HASHES) {
  test(`opening ${hash} runs nothing`, { skip }, async () => {
    await hostile(
      async ({ page }) => {
        await page.waitForTimeout(800);
        // The app is alive: back on a clean hash (no facet filter), it still answers a query.
        await page.evaluate(() => {
          location.hash = '';
        });
        await page.waitForTimeout(200);
        const { results } = await search(page, '海洋科技新闻');
        assert.equal(results.length, 1, 'the app stopped answering after this hash');
      },
      { path: hash },
    );
  });
}

test('changing the hash of an open page to payloads runs nothing', { skip }, async () => {
  await hostile(async ({ page }) => {
    for (const hash of HASHES) {
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      await page.waitForTimeout(250);
      assert.deepEqual(await injected(page), [], `after ${hash}`);
    }
  });
});
