// Browser tests of the border-gate screens, on the `screens` fixture built
// by tests/browser.rs: `node screens.mjs PUBLIC_DIR UNZIPPED_GATE_DIR`.
// Per configured screen, at its own size: slides advance and languages
// rotate in order, each slide for its configured seconds (never sooner;
// the upper bound is generous, the machine is shared); slides whose date
// window is past or future never show; no text of a slide or the ticker
// overflows its box and no type is below the minimum; the DOM does not
// grow; after one load the context goes offline and a reload still plays;
// no request leaves the site; Khmer and Lao are drawn with the embedded
// font (document.fonts; see the screenshots). Then the ZIP, unpacked, opened from disk
// (file://), plays. Screenshots go to artifacts/screens-NAME-LANG.png.

import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serve } from './server.mjs';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, tally } from './checks.mjs';

// What the fixture configures (tests/fixtures/screens/site.yaml).
const SCREENS = [
  { name: 'gate', size: { width: 1280, height: 720 }, langs: ['vi', 'en', 'km'] },
  { name: 'tall', size: { width: 720, height: 1280 }, langs: ['vi', 'lo'] },
];
const ARTICLES = ['news/cua-khau/index.md', 'news/hoi-nghi.md'];
const SECONDS = 2;

const { check, finish } = tally();

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Every slide change, logged in the page as it happens (a MutationObserver
// on the body's data-shown), so a slow test step misses none.
const LOG = `window.__shown = [];
  new MutationObserver(() => {
    const d = document.body.dataset;
    window.__shown.push({ slide: d.slide, lang: d.lang, at: performance.now() });
  }).observe(document, { subtree: true, attributeFilter: ['data-shown'] });`;

// Waits until the page has logged `count` slide changes; returns the log.
async function watch(page, count, limitMs) {
  try {
    await page.waitForFunction((n) => window.__shown && window.__shown.length >= n, count, { timeout: limitMs });
  } catch { /* fewer: the caller says how many */ }
  return page.evaluate(() => window.__shown || []);
}

// Text boxes of the visible slide and the ticker that overflow, and type
// below 3.2 % of the screen's height.
async function layoutProblems(page) {
  return page.evaluate(() => {
    const out = [];
    const min = window.innerHeight * 0.032 - 0.5;
    const slide = document.querySelector('.slide.on');
    if (!slide) { return ['no slide is visible']; }
    const boxes = [...slide.querySelectorAll('.copy, .text, .title, .line, .scan, .foot'), document.querySelector('.ticker p')];
    for (const el of boxes) {
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
        out.push(`.${el.className || el.tagName} overflows (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`);
      }
    }
    for (const el of slide.querySelectorAll('.title, .line, .scan')) {
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (el.textContent && size < min) { out.push(`.${el.className} is ${size}px, below ${min.toFixed(1)}px`); }
    }
    return out;
  });
}

async function screen(browser, origin, s) {
  const where = `screen ${s.name} ${s.size.width}×${s.size.height}`;
  const context = await browser.newContext({ viewport: s.size });
  const outside = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) { outside.push(u); }
  });
  const page = await context.newPage();
  await page.addInitScript(LOG);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/screens/${s.name}/`);
  const expected = [];
  for (const a of ARTICLES) { for (const l of s.langs) { expected.push(`${a} ${l}`); } }
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  const shot = new Set();
  // One full rotation and one more slide, checking each slide as it shows.
  let seen = [];
  for (let i = 1; i <= expected.length + 1; i += 1) {
    seen = await watch(page, i, SECONDS * 1000 * 4 * i);
    if (seen.length < i) { check(false, where, `${seen.length} slide change(s), expected ${i}`); break; }
    const current = seen[i - 1];
    const problems = await layoutProblems(page);
    check(problems.length === 0, `${where} ${current.slide} ${current.lang}`, problems.join('; '));
    if (!shot.has(current.lang)) {
      shot.add(current.lang);
      const script = { km: ['1780', 'ក'], lo: ['E81', 'ກ'] }[current.lang];
      if (script) {
        const drawn = await page.evaluate(async ([range, letter]) => {
          await document.fonts.ready;
          const face = [...document.fonts].find((f) => f.family.replace(/"/g, '') === 'Mekong Screen'
            && f.unicodeRange.toUpperCase().includes(range));
          return face && face.status === 'loaded' && document.fonts.check('40px "Mekong Screen"', letter);
        }, script);
        check(drawn, `${where} ${current.lang}`, 'the embedded font is not loaded for this script');
      }
      await sleep(700); // after the cross-fade
      await page.screenshot({ path: path.join(ARTIFACTS, `screens-${s.name}-${current.lang}.png`) });
    }
  }
  seen = seen.slice(0, expected.length + 1);
  const order = seen.map((x) => `${x.slide} ${x.lang}`);
  const start = expected.indexOf(order[0]);
  const want = expected.map((_, i) => expected[(start + i) % expected.length]);
  want.push(expected[start]);
  check(start >= 0 && JSON.stringify(order) === JSON.stringify(want), where,
    `slides in the wrong order: ${JSON.stringify(order)}, expected ${JSON.stringify(want)}`);
  check(!seen.some((x) => x.slide.startsWith('archive/')), where,
    'a slide whose date window is past or future was shown');
  for (let i = 1; i < seen.length; i += 1) {
    const ms = seen[i].at - seen[i - 1].at;
    check(ms >= SECONDS * 1000 - 250 && ms <= SECONDS * 1000 * 4, where,
      `slide ${i} changed after ${Math.round(ms)} ms (configured: ${SECONDS} s)`);
  }
  check(await page.evaluate(() => document.getElementsByTagName('*').length) === elements, where,
    'the DOM grew while slides played');
  // Offline: the service worker has the playlist and assets.
  const ready = await page.evaluate(async () => {
    if (!navigator.serviceWorker) { return 'no service worker support'; }
    await navigator.serviceWorker.ready;
    for (let i = 0; i < 50 && !navigator.serviceWorker.controller; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return navigator.serviceWorker.controller ? 'ok' : 'the worker does not control the page';
  });
  check(ready === 'ok', where, ready);
  await context.setOffline(true);
  let offline = [];
  try {
    await page.reload();
    offline = await watch(page, 3, SECONDS * 1000 * 6);
  } catch (e) {
    check(false, where, `offline reload failed: ${e.message}`);
  }
  check(offline.length >= 3, where, `offline, ${offline.length} slide(s) shown instead of 3`);
  const image = await page.evaluate(() => {
    const img = document.querySelector('.slide.on .photo img');
    return !img || img.hidden || (img.complete && img.naturalWidth > 0);
  });
  check(image, where, 'offline, the photo of the visible slide did not load');
  await context.setOffline(false);
  check(outside.length === 0, where, `requests outside the site: ${outside.join(', ')}`);
  check(errors.length === 0, where, `page errors: ${errors.join('; ')}`);
  await context.close();
}

async function fromDisk(browser, dir) {
  const where = 'gate.zip opened from disk';
  const context = await browser.newContext({ viewport: SCREENS[0].size });
  const page = await context.newPage();
  await page.addInitScript(LOG);
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('pageerror', (e) => failed.push(e.message));
  await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
  const seen = await watch(page, 3, SECONDS * 1000 * 6);
  check(seen.length >= 3, where, `${seen.length} slide(s) shown instead of 3`);
  const image = await page.evaluate(() => {
    const img = document.querySelector('.slide.on .photo img');
    return !img || img.hidden || (img.complete && img.naturalWidth > 0);
  });
  check(image, where, 'the photo of the visible slide did not load');
  check(failed.length === 0, where, `failed: ${failed.join(', ')}`);
  await context.close();
}

async function main() {
  const [site, unzipped] = process.argv.slice(2);
  if (!site || !unzipped) {
    console.error('usage: node screens.mjs PUBLIC_DIR UNZIPPED_GATE_DIR');
    process.exit(2);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  const server = await serve(site);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (const s of SCREENS) { await screen(browser, server.origin, s); }
    await fromDisk(browser, unzipped);
  } finally {
    await browser.close();
    await server.close();
  }
  finish('screen');
}

main().catch((e) => { console.error(e); process.exit(1); });
