// Search queries in Chromium on a built site, as a reader types them:
//
//   node search.mjs SITE QUERIES.json [OUT.json]
//
// QUERIES.json: [{ "lang": "lo", "home": "/lo/", "query": "…",
//   "expect": "/lo/…/" (a result path that must be listed; optional),
//   "first": true (it must be the first result; optional) }, …].
// Each query runs in a fresh browser context (empty cache) against a plain
// static server (server.mjs, no compression): the bytes of every search
// file fetched up to the results shown are the first query's transfer. With
// `"engine": "pagefind"` the page is /pagefind-test-LANG.html, whose
// Pagefind UI box is typed into the same way (used by bench/run). With
// `"host_gzip": true` the query goes to a second server that sends `.gz`
// files with `Content-Encoding: gzip` (the browser inflates them first).
// Prints one line per query and, with OUT.json, writes the results there.
// Exits 1 when a query misses its expectation (unless --no-fail).

import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { serve } from './server.mjs';

const CHROMIUM = process.env.MEKONG_CHROMIUM || '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const [site, queriesFile, outFile] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const noFail = process.argv.includes('--no-fail');
const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));

const server = await serve(site);
const gzipServer = queries.some((q) => q.host_gzip) ? await serve(site, { gzipEncoding: true }) : null;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const results = [];
let failed = 0;
try {
  for (const q of queries) {
    const r = await run(q);
    results.push(r);
    const bad = (q.expect && !r.found) || (q.first && r.rank !== 0) || r.count === 0;
    if (bad) failed++;
    console.log(
      `${bad ? 'FAIL' : 'ok  '} ${q.engine || 'mekong'} ${q.lang} "${q.query}": ${r.count} result(s)` +
        (q.expect ? `, ${q.expect} at ${r.rank}` : '') +
        `, ${r.bytes} bytes in ${r.files} file(s)`,
    );
  }
} finally {
  await browser.close();
  await server.close();
  await gzipServer?.close();
}
if (outFile) writeFileSync(outFile, JSON.stringify(results, null, 1));
console.log(`${queries.length - failed} passed, ${failed} failed`);
process.exit(failed && !noFail ? 1 : 0);

async function run(q) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let bytes = 0;
  let files = 0;
  page.on('response', async (resp) => {
    const url = resp.url();
    if (!/\/(search|pagefind)\/|\/search\.js$/.test(url.split('?')[0])) return;
    const body = await resp.body().catch(() => null);
    if (body) {
      bytes += body.length;
      files++;
    }
  });
  try {
    const pagefind = q.engine === 'pagefind';
    const origin = (q.host_gzip ? gzipServer : server).origin;
    await page.goto(origin + (pagefind ? `/pagefind-test-${q.lang}.html` : q.home));
    const box = page.locator(pagefind ? '.pagefind-ui__search-input' : 'input[type=search]').first();
    await box.waitFor({ state: 'visible', timeout: 10000 });
    await box.fill(q.query);
    const links = pagefind ? '.pagefind-ui__result-link' : '.search-results a[href]';
    const done = pagefind ? '.pagefind-ui__message' : '.search-results li';
    await page.waitForSelector(done, { timeout: 15000 }).catch(() => {});
    await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => {});
    await page.waitForTimeout(300);
    const hrefs = await page.$$eval(links, (as) => as.map((a) => new URL(a.href).pathname));
    const marks = await page.$$eval('.search-results mark', (ms) => ms.map((m) => m.textContent));
    const rank = q.expect ? hrefs.findIndex((h) => decodeURI(h) === q.expect || h === q.expect) : -1;
    return { ...q, count: hrefs.length, rank, found: rank >= 0, bytes, files, marks: marks.slice(0, 5), top: hrefs.slice(0, 3) };
  } finally {
    await context.close();
  }
}
