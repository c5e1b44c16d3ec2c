// Helpers for the ship tests (static site, one file, offline, widget, strict CSP).
//
// Exports
//   STRICT_CSP                           the policy the app and widget must run under
//   serve({ mounts, headers, port })     re-exported from harness.mjs
//   newPage(browser, opts)               -> { context, page, problems, violations() }: `problems` collects console
//                                          errors, page errors, failed requests and HTTP errors; violations() lists the
//                                          securitypolicyviolation events seen (page and shadow roots)
//   copyDir(src, dst)                    recursive copy
//   DIST, ONEFILE                        dist/ (or $XUNYUE_DIST) and the one-file build next to it

import { mkdir, readdir, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, DIST as BUILT, serve } from './harness.mjs';

export { serve };

/** The build under test: dist/ (or $XUNYUE_DIST). */
export const DIST = process.env.XUNYUE_DIST ? path.resolve(process.env.XUNYUE_DIST) : BUILT;

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const ONEFILE = path.join(path.dirname(DIST), 'dist-onefile', 'xunyue.html');

// Runs in the page before any of its scripts: record CSP violations, including those inside
// shadow roots (the event is composed and reaches the document).
const RECORD_VIOLATIONS = () => {
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sourceFile || ''}:${e.lineNumber || ''}`),
    true,
  );
};

export async function newPage(browser, opts = {}) {
  // `browser` may also be a persistent context (opts.persistent): its first page is used.
  const context = opts.persistent
    ? browser
    : await browser.newContext({
        viewport: opts.viewport ?? { width: 1280, height: 900 },
        colorScheme: opts.colorScheme ?? 'light',
        serviceWorkers: opts.serviceWorkers ?? 'allow',
      });
  const page = opts.persistent ? (context.pages()[0] ?? (await context.newPage())) : await context.newPage();
  await page.addInitScript(RECORD_VIOLATIONS);
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (!opts.offlineOk) problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  const violations = async () => page.evaluate(() => window.__cspViolations ?? []);
  return { context, page, problems, violations };
}

export async function copyDir(src, dst) {
  await mkdir(dst, { recursive: true });
  for (const e of await readdir(src, { withFileTypes: true })) {
    const s = path.join(src, e.name);
    const d = path.join(dst, e.name);
    if (e.isDirectory()) await copyDir(s, d);
    else if (e.isFile()) await copyFile(s, d);
  }
}
