// Browser tests of the demo portal as mekong builds it.
//
//   node tests/browser/run.mjs SITE_DIR
//
// SITE_DIR is a built `public/` folder of the demo portal (this repository).
// The script serves it on 127.0.0.1 and drives Debian's Chromium
// (/usr/bin/chromium, or $MEKONG_CHROMIUM) through playwright-core. Every
// problem is collected; the run ends with the list and exit code 1 if there
// is any (2 when the browser cannot start or the arguments are wrong).
//
// What it checks, in every language (vi at `/`, en, lo, km):
// - home, a section, the investment section, an article in all four
//   languages, an article only in vi and en, the 404 page: no console
//   errors, no page errors, no failed same-origin requests, no request to
//   any other origin; no serious or critical axe-core violation of WCAG 2.1
//   A/AA; every same-site link on those pages answers; every image loads,
//   and images with srcset or in <picture> have width and height;
// - the language switcher there and back on an article, and on an article
//   with no Lao version;
// - search with and without Vietnamese diacritics, and in Lao and Khmer,
//   axe-core with the results open, Escape, arrow keys and Enter;
// - the project filters of the investment section, with JavaScript and
//   without it;
// - screenshots at phone and desktop widths into tests/browser/artifacts/.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { serve } from './server.mjs';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, tally } from './checks.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };

// The demo portal's pages the checks start from, as the default language
// (vi) has them; the other languages' URLs are read from each page's
// hreflang alternates, so Lao and Khmer slugs need not be written here.
const DEMO = {
  languages: ['vi', 'en', 'lo', 'km'],
  home: '/',
  section: '/tourism/',
  investment: '/investment/',
  // Translated into every language.
  article: '/tourism/nui-ba-ra/',
  // Only in vi and en.
  partial: '/tourism/ho-thac-mo/',
  // Search queries per language and the article each must find (the
  // article above). Lao and Khmer: words of the article's title.
  search: {
    // `TP.HCM` and `hcm`: a word with dots is found whole or by a part.
    vi: ['ba ra', 'Bà Rá', 'TP.HCM', 'hcm'],
    en: ['ba ra'],
    lo: ['ພູບ່າຣາ', 'ຫຼັງຄາ'],
    km: ['ភ្នំបារ៉ា', 'ដំបូល'],
  },
  // Pages with images to check beyond the pages above (found in SITE_DIR).
  maxImagePages: 8,
};

// ---------------------------------------------------------------------------
// Results

const notes = [];
const { fail, pass: ok, finish } = tally({ verbose: true });

function note(where, message) {
  notes.push(`${where}: ${message}`);
}

// Runs one named check; an exception (a timeout, a missing element) is a
// failure of that check only.
async function step(where, fn) {
  try {
    await fn();
  } catch (e) {
    fail(where, (e && e.message ? e.message : String(e)).split('\n').slice(0, 6).join('\n    '));
  }
}

// ---------------------------------------------------------------------------
// Pages

let ORIGIN = '';

function local(url) {
  try {
    return new URL(url).origin === ORIGIN;
  } catch {
    return false;
  }
}

// A URL of the site from a path or a permalink of the built site (whose
// host is the site's base_url, not this server).
function siteUrl(pathOrPermalink) {
  const u = new URL(pathOrPermalink, ORIGIN);
  return ORIGIN + u.pathname + u.search;
}

function pathOf(url) {
  const u = new URL(url);
  return decodeURIComponent(u.pathname) + u.hash;
}

/**
 * Opens `url` in a new page of `context` and records what goes wrong while
 * it loads: console errors, uncaught exceptions, failed or 4xx/5xx
 * same-origin requests, and any request to another origin (which is
 * blocked). `problems` keeps collecting until the page is closed.
 */
async function open(context, url, { expectStatus = 200, label = pathOf(url) } = {}) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const text = msg.text();
    // Chromium logs the expected 404 of the 404 check itself.
    if (expectStatus === 404 && /status of 404/.test(text) && loc.url === url) return;
    // Blocked external requests are reported below, once.
    if (/ERR_BLOCKED_BY_CLIENT/.test(text)) return;
    problems.push(`console error: ${text}${loc.url ? ` (at ${pathOf(loc.url)}:${loc.lineNumber + 1})` : ''}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    if (!local(req.url())) return;
    const why = req.failure()?.errorText ?? 'failed';
    // A navigation away from the page cancels its pending requests.
    if (why === 'net::ERR_ABORTED' && page.isClosed()) return;
    problems.push(`request failed: ${pathOf(req.url())} (${why})`);
  });
  page.on('response', (resp) => {
    if (!local(resp.url()) || resp.status() < 400) return;
    if (resp.url() === url && resp.status() === expectStatus) return;
    problems.push(`${resp.status()} for ${pathOf(resp.url())} (${resp.request().resourceType()})`);
  });
  await page.route('**/*', (route) => {
    const u = route.request().url();
    if (local(u) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    problems.push(`request to another origin: ${u} (the site must make no external requests)`);
    return route.abort('blockedbyclient');
  });
  const resp = await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
  if (!resp) problems.push('no response');
  else if (resp.status() !== expectStatus) problems.push(`status ${resp.status()}, expected ${expectStatus}`);
  return { page, problems, label, resp };
}

// Reports the problems `open` collected (and resets the list).
function report(visit) {
  if (visit.problems.length) {
    for (const p of visit.problems) fail(visit.label, p);
  } else {
    ok(visit.label, 'no console or page errors, no failed or external requests');
  }
  visit.problems.length = 0;
}

async function htmlLang(page) {
  return page.evaluate(() => document.documentElement.lang);
}

// hreflang → this server's URL, from `<link rel=alternate hreflang>`.
async function alternates(page) {
  const links = await page.$$eval('link[rel=alternate][hreflang]', (ls) =>
    ls.map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
  );
  return Object.fromEntries(links.filter(([l]) => l !== 'x-default').map(([l, h]) => [l, siteUrl(h)]));
}

// The language switcher's link to `lang` (links in a <nav> first).
function switcherLink(page, lang) {
  return page.locator(`nav a[hreflang="${lang}"], a[hreflang="${lang}"]`).first();
}

// ---------------------------------------------------------------------------
// Checks on one page

async function axeCheck(visit) {
  const { page, label } = visit;
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  let bad = 0;
  for (const v of result.violations) {
    const targets = v.nodes.map((n) => n.target.join(' ')).slice(0, 8);
    const more = v.nodes.length > targets.length ? ` (+${v.nodes.length - targets.length} more)` : '';
    const line = `axe ${v.impact} ${v.id}: ${v.help} — ${targets.join(', ')}${more}`;
    if (v.impact === 'serious' || v.impact === 'critical') {
      fail(label, line);
      bad += 1;
    } else {
      note(label, line);
    }
  }
  if (!bad) ok(label, `axe-core WCAG 2.1 A/AA: no serious or critical violation (${result.violations.length} minor/moderate)`);
}

// Every image loads; images with srcset or inside <picture> carry width and
// height and their chosen source (currentSrc) loads.
async function imageCheck(visit, stats) {
  const { page, label } = visit;
  const imgs = page.locator('img');
  const n = await imgs.count();
  if (!n) return;
  // Lazy images load when they come near the viewport.
  for (let i = 0; i < n; i++) await imgs.nth(i).scrollIntoViewIfNeeded().catch(() => {});
  await page
    .waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 10000 })
    .catch(() => {});
  const found = await page.$$eval('img', (list) =>
    list.map((img) => ({
      src: img.getAttribute('src'),
      currentSrc: img.currentSrc,
      responsive: img.hasAttribute('srcset') || img.parentElement?.tagName === 'PICTURE',
      width: img.getAttribute('width'),
      height: img.getAttribute('height'),
      complete: img.complete,
      naturalWidth: img.naturalWidth,
    })),
  );
  let bad = 0;
  for (const img of found) {
    stats.images += 1;
    const name = img.currentSrc ? pathOf(img.currentSrc) : img.src;
    if (img.responsive) {
      stats.responsive += 1;
      if (!img.width || !img.height) {
        fail(label, `<img src="${img.src}"> with srcset/<picture> has no width and height attributes`);
        bad += 1;
      }
      if (!img.currentSrc) {
        fail(label, `<img src="${img.src}"> with srcset/<picture> chose no source (currentSrc is empty)`);
        bad += 1;
        continue;
      }
    }
    if (!img.complete || img.naturalWidth === 0) {
      fail(label, `image ${name} did not load (naturalWidth ${img.naturalWidth})`);
      bad += 1;
    }
  }
  if (!bad) ok(label, `${found.length} image(s) loaded${found.some((i) => i.responsive) ? ', responsive ones with width and height' : ''}`);
}

// Every same-site link of the page answers with a status below 400 (checked
// once per URL over the whole run).
const linkStatus = new Map();
async function linkCheck(visit, request) {
  const { page, label } = visit;
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
  const targets = [...new Set(hrefs.filter(local).map((h) => h.split('#')[0]))];
  let bad = 0;
  for (const t of targets) {
    if (!linkStatus.has(t)) {
      const r = await request.get(t, { maxRedirects: 5 }).catch((e) => ({ status: () => `error ${e.message}` }));
      linkStatus.set(t, r.status());
    }
    const s = linkStatus.get(t);
    if (typeof s !== 'number' || s >= 400) {
      fail(label, `link to ${pathOf(t)} answers ${s}`);
      bad += 1;
    }
  }
  if (!bad) ok(label, `${targets.length} same-site links answer`);
}

// ---------------------------------------------------------------------------
// The run

async function htmlFilesWithImages(dir) {
  const out = [];
  async function walk(d) {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.html')) {
        const html = await readFile(p, 'utf8');
        if (/<img\s|<picture[\s>]/.test(html)) {
          const rel = path.relative(dir, p).split(path.sep);
          if (rel[rel.length - 1] === 'index.html') rel[rel.length - 1] = '';
          out.push({ path: '/' + rel.map(encodeURIComponent).join('/'), responsive: /srcset=|<picture[\s>]/.test(html) });
        }
      }
    }
  }
  await walk(dir);
  // Pages with responsive images first, then by path.
  out.sort((a, b) => Number(b.responsive) - Number(a.responsive) || a.path.localeCompare(b.path));
  return out;
}

async function main() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) {
    console.error(`Node.js ${process.versions.node} is too old: playwright-core needs Node.js 20 or later`);
    process.exit(2);
  }
  const site = process.argv[2];
  if (!site) {
    console.error('usage: node tests/browser/run.mjs SITE_DIR   (a built public/ folder of the demo portal)');
    process.exit(2);
  }
  if (!existsSync(path.join(site, 'index.html'))) {
    console.error(`${site}/index.html does not exist: build the demo portal first (mekong build --output ${site})`);
    process.exit(2);
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`${CHROMIUM} does not exist: install Chromium (apt-get install chromium) or set MEKONG_CHROMIUM`);
    process.exit(2);
  }

  const server = await serve(site);
  ORIGIN = server.origin;
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    console.error(`cannot start ${CHROMIUM}: ${e.message}`);
    await server.close();
    process.exit(2);
  }
  console.log(`serving ${site} at ${ORIGIN}; ${CHROMIUM} ${browser.version()}`);

  // Only this script's screenshots are removed: the other browser tests
  // (screens.mjs, fonts.mjs, …) write theirs to the same folder meanwhile.
  await mkdir(ARTIFACTS, { recursive: true });
  for (const f of await readdir(ARTIFACTS)) {
    if (/^((vi|en|lo|km)-.*|screen-.*)\.png$/.test(f)) { await rm(path.join(ARTIFACTS, f), { force: true }); }
  }

  try {
    await runChecks(browser, site);
  } finally {
    await browser.close();
    await server.close();
  }

  console.log('');
  if (notes.length) {
    console.log(`notes (not failures), ${notes.length}:`);
    for (const n of notes) console.log(`  - ${n}`);
  }
  console.log(`screenshots: ${ARTIFACTS}`);
  finish('page');
}

async function runChecks(browser, site) {
  const desktop = await browser.newContext({ viewport: DESKTOP });
  const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const noJs = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
  const stats = { images: 0, responsive: 0 };

  // The pages of every language, from the vi pages' hreflang alternates.
  const kinds = {};
  console.log('\n== pages: console, requests, axe-core, links, images');
  const checked = new Set();
  async function checkPage(url, { screenshot, expectStatus = 200 } = {}) {
    const visit = await open(desktop, url, { expectStatus });
    try {
      await step(visit.label, () => axeCheck(visit));
      await step(visit.label, () => linkCheck(visit, desktop.request));
      await step(visit.label, () => imageCheck(visit, stats));
      if (screenshot) await shoot(visit.page, screenshot, 'desktop');
      report(visit);
      return { alternates: await alternates(visit.page), lang: await htmlLang(visit.page) };
    } finally {
      checked.add(url.split('#')[0]);
      await visit.page.close();
    }
  }

  for (const [kind, vi] of Object.entries({
    home: DEMO.home,
    section: DEMO.section,
    investment: DEMO.investment,
    article: DEMO.article,
    partial: DEMO.partial,
  })) {
    const shot = ['home', 'section', 'article'].includes(kind) ? kind : null;
    const first = await checkPage(siteUrl(vi), { screenshot: shot && `vi-${shot}` });
    if (first.lang !== 'vi') fail(vi, `<html lang="${first.lang}">, expected vi`);
    kinds[kind] = first.alternates;
    if (!kinds[kind].vi) kinds[kind].vi = siteUrl(vi);
    const want = kind === 'partial' ? ['vi', 'en'] : DEMO.languages;
    const have = Object.keys(kinds[kind]).sort();
    if (have.join() !== [...want].sort().join()) {
      fail(pathOf(siteUrl(vi)), `the demo's ${kind} page should exist in ${want.join(', ')}; its hreflang alternates list ${have.join(', ') || 'none'}`);
    }
    for (const lang of want) {
      if (lang === 'vi' || !kinds[kind][lang]) continue;
      const r = await checkPage(kinds[kind][lang], { screenshot: shot && `${lang}-${shot}` });
      if (r.lang !== lang) fail(pathOf(kinds[kind][lang]), `<html lang="${r.lang}">, expected ${lang}`);
    }
  }
  for (const lang of DEMO.languages) {
    const home = kinds.home[lang] ?? siteUrl(`/${lang}/`);
    const r = await checkPage(new URL('404.html', home).href);
    if (r.lang !== lang) fail(pathOf(new URL('404.html', home).href), `<html lang="${r.lang}">, expected ${lang}`);
  }

  // Pages of the site that have images, so the image checks run once the
  // content has pictures.
  const withImages = (await htmlFilesWithImages(site)).filter((p) => !checked.has(siteUrl(p.path)));
  for (const p of withImages.slice(0, DEMO.maxImagePages)) await checkPage(siteUrl(p.path));

  console.log('\n== a missing page gets the language\'s 404 page');
  for (const lang of DEMO.languages) {
    const home = kinds.home[lang] ?? siteUrl(`/${lang}/`);
    const url = new URL('no-such-page/deeper/', home).href;
    await step(pathOf(url), async () => {
      const visit = await open(desktop, url, { expectStatus: 404 });
      try {
        report(visit);
        const lang2 = await htmlLang(visit.page);
        if (lang2 !== lang) fail(visit.label, `the not-found page has <html lang="${lang2}">, expected ${lang}`);
        else ok(visit.label, `status 404, the ${lang} not-found page, its styles and scripts load from a deeper URL`);
      } finally {
        await visit.page.close();
      }
    });
  }

  console.log('\n== screenshots at phone width');
  for (const kind of ['home', 'section', 'article']) {
    for (const lang of DEMO.languages) {
      const url = kinds[kind]?.[lang];
      if (!url) continue;
      await step(pathOf(url), async () => {
        const visit = await open(phone, url, { label: `${pathOf(url)} (phone)` });
        try {
          report(visit);
          const overflow = await visit.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 1) fail(visit.label, `the page is ${overflow}px wider than the ${PHONE.width}px screen (horizontal scrolling)`);
          await shoot(visit.page, `${lang}-${kind}`, 'phone');
        } finally {
          await visit.page.close();
        }
      });
    }
  }

  console.log('\n== language switcher');
  await switcherChecks(desktop, kinds);

  console.log('\n== search');
  for (const lang of DEMO.languages) {
    for (const q of DEMO.search[lang] ?? []) {
      await step(`search (${lang}) "${q}"`, () => searchCheck(desktop, kinds, lang, q));
    }
  }
  await step('search (vi) "..."', () => noWordsCheck(desktop, kinds, 'vi', '...'));

  console.log('\n== project filters');
  for (const lang of ['vi', 'en']) {
    const url = kinds.investment[lang];
    if (!url) continue;
    await step(`${pathOf(url)} filters`, () => filterCheck(desktop, url));
    await step(`${pathOf(url)} without JavaScript`, () => noJsFilterCheck(noJs, url));
  }
  await step('article without JavaScript', async () => {
    const visit = await open(noJs, kinds.article.vi, { label: `${pathOf(kinds.article.vi)} (no JavaScript)` });
    try {
      report(visit);
      const text = (await visit.page.locator('main').innerText()).trim();
      if (text.length < 200) fail(visit.label, `the main content shows only ${text.length} characters without JavaScript`);
      else ok(visit.label, 'the article shows without JavaScript');
    } finally {
      await visit.page.close();
    }
  });

  console.log('\n== images');
  if (!stats.images) {
    ok('images', 'no page of the site has an <img> yet (the checks run on every page that gets one)');
  } else if (!stats.responsive) {
    note('images', `${stats.images} image(s) checked, none with srcset or <picture> yet`);
  } else {
    console.log(`  images: ${stats.images} image(s) checked, ${stats.responsive} with srcset or <picture>`);
  }

  await desktop.close();
  await phone.close();
  await noJs.close();

  await overflowChecks(browser);

  // The demo's screens, at their own sizes, for the README (the checks of
  // screens run on the `screens` fixture: screens.mjs).
  for (const [name, size] of [['hoa-lu', { width: 1920, height: 1080 }], ['lao-partnership', { width: 1080, height: 1920 }]]) {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/screens/${name}/`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(ARTIFACTS, `screen-${name}.png`) });
    await context.close();
  }
}

// No text of the header or of a card runs out of its box, and menu items
// and the menu button wrap only between items, at phone and desktop width
// in every language: the home page, the investment section and a project.
async function overflowChecks(browser) {
  console.log('\n== text inside its box (390 and 1280 px)');
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const lang of ['vi', 'en', 'lo', 'km']) {
      const prefix = lang === 'vi' ? '/' : `/${lang}/`;
      const urls = [`${ORIGIN}${prefix}`, `${ORIGIN}${prefix}investment/`];
      await page.goto(urls[1]);
      const project = await page.evaluate(() => document.querySelector('.card.project h2 a, .card.project h3 a')?.href);
      if (project) urls.push(project);
      for (const url of urls) {
        await page.goto(url);
        const problems = await page.evaluate(() => {
          const out = [];
          // On a phone, the menu's items are checked open.
          document.querySelector('.menu')?.setAttribute('open', '');
          const boxes = document.querySelectorAll('.site-header, .card');
          for (const box of boxes) {
            const b = box.getBoundingClientRect();
            for (const el of box.querySelectorAll('a, summary, dt, dd, p, h2, h3, span, .brand')) {
              if (!el.textContent.trim() || el.closest('.vh, [hidden], .search-results') || !el.checkVisibility()) continue;
              const r = el.getBoundingClientRect();
              if (r.width === 0) continue;
              if (r.right > b.right + 1 || r.left < b.left - 1) {
                out.push(`"${el.textContent.trim().slice(0, 40)}" runs out of its ${box.className.split(' ')[0]} (${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(b.left)}–${Math.round(b.right)})`);
              }
            }
          }
          // One line per menu item and for the menu button.
          for (const el of document.querySelectorAll('.nav a, .menu > summary')) {
            if (!el.checkVisibility()) continue;
            const range = document.createRange();
            range.selectNodeContents(el);
            const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (tops.size > 1) out.push(`"${el.textContent.trim()}" wraps inside the item`);
          }
          return out;
        });
        if (problems.length) {
          for (const p of problems) fail(`${pathOf(url)} at ${width} px`, p);
        } else {
          ok(`${pathOf(url)} at ${width} px`, 'header and card text inside their boxes');
        }
      }
    }
    await context.close();
  }
}

async function shoot(page, name, size) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${size}.png`), fullPage: true });
}

// From the vi article to each other language and back, by clicking the
// switcher; on the article without a Lao version, what the switcher offers
// for lo must not be a dead end.
async function switcherChecks(context, kinds) {
  const article = kinds.article;
  for (const lang of DEMO.languages.filter((l) => l !== 'vi')) {
    const where = `switcher vi → ${lang} → vi`;
    await step(where, async () => {
      const visit = await open(context, article.vi, { label: where });
      const { page } = visit;
      try {
        const link = switcherLink(page, lang);
        if (!(await link.count())) throw new Error(`${pathOf(article.vi)} has no switcher link with hreflang="${lang}"`);
        await Promise.all([page.waitForURL((u) => u.href !== article.vi), link.click()]);
        await page.waitForLoadState('load');
        if (page.url() !== article[lang]) throw new Error(`the ${lang} link led to ${pathOf(page.url())}, expected ${pathOf(article[lang])}`);
        if ((await htmlLang(page)) !== lang) throw new Error(`${pathOf(page.url())} has <html lang="${await htmlLang(page)}">, expected ${lang}`);
        const back = switcherLink(page, 'vi');
        if (!(await back.count())) throw new Error(`${pathOf(page.url())} has no switcher link back to vi`);
        await Promise.all([page.waitForURL((u) => u.href !== article[lang]), back.click()]);
        await page.waitForLoadState('load');
        if (page.url() !== article.vi) throw new Error(`the vi link led to ${pathOf(page.url())}, expected ${pathOf(article.vi)}`);
        if ((await htmlLang(page)) !== 'vi') throw new Error(`back on vi, <html lang="${await htmlLang(page)}">`);
        report(visit);
        ok(where, `${pathOf(article.vi)} → ${pathOf(article[lang])} → back`);
      } finally {
        await page.close();
      }
    });
  }

  const partial = kinds.partial.vi;
  const where = `switcher on ${pathOf(partial)} (no lo version)`;
  await step(where, async () => {
    const visit = await open(context, partial, { label: where });
    const { page } = visit;
    try {
      const link = switcherLink(page, 'lo');
      if (!(await link.count())) {
        ok(where, 'the switcher offers no lo link (the article has no Lao version), so no dead end');
        note(where, 'the switcher offers no way to the lo site on pages without a Lao version (the theme could link the lo section or home instead)');
        return;
      }
      const [resp] = await Promise.all([page.waitForNavigation(), link.click()]);
      const status = resp ? resp.status() : 'none';
      const lang = await htmlLang(page);
      if (status !== 200) throw new Error(`the lo link led to ${pathOf(page.url())} with status ${status}`);
      if (lang !== 'lo') throw new Error(`the lo link led to ${pathOf(page.url())} with <html lang="${lang}">`);
      report(visit);
      ok(where, `the lo link leads to ${pathOf(page.url())} (status 200, lang lo)`);
    } finally {
      await page.close();
    }
  });
}

// Types `query` into the search box of the language's home page, expects the
// demo article among the results, runs axe-core with the results open,
// checks that Escape closes them, then types again, goes down to the
// article with the arrow keys, opens it with Enter and expects the page to
// load.
async function searchCheck(context, kinds, lang, query) {
  const where = `search (${lang}) "${query}"`;
  const target = kinds.article[lang];
  const visit = await open(context, kinds.home[lang], { label: where });
  const { page } = visit;
  const RESULTS = '[role=search] a[href], [aria-live] a[href]';
  const hrefs = () => page.$$eval(RESULTS, (as) => as.map((a) => a.href));
  const listed = async () => {
    try {
      await page.waitForFunction(
        ([sel, t]) => [...document.querySelectorAll(sel)].some((a) => a.href === t),
        [RESULTS, target],
        { timeout: 5000 },
      );
    } catch {
      const found = await hrefs();
      throw new Error(`no result links to ${pathOf(target)}; results: ${found.map(pathOf).join(', ') || 'none'}`);
    }
  };
  try {
    const box = page.locator('input[type=search]').first();
    await box.waitFor({ state: 'visible', timeout: 5000 }).catch(() => {
      throw new Error('no visible search box (input[type=search]) on the home page');
    });
    await box.fill(query);
    await listed();
    const found = await hrefs();
    // A highlight in a script written with spaces begins a word: `an`
    // is never marked inside `thanh`.
    const inside = await page.$$eval('.search-results mark', (ms) =>
      ms
        .map((m) => [m.previousSibling?.textContent ?? '', m.textContent])
        .filter(([before, text]) => /^[\p{Script=Latin}]/u.test(text) && /[\p{L}\p{N}\p{M}]$/u.test(before))
        .map(([before, text]) => `${before.slice(-10)}[${text}]`),
    );
    if (inside.length) throw new Error(`highlights inside words: ${inside.slice(0, 3).join(', ')}`);
    await axeCheck({ ...visit, label: `${where}, results open` });
    await box.press('Escape');
    const left = await hrefs();
    if (left.length || (await box.inputValue()) !== '') {
      throw new Error(`Escape left ${left.length} result(s) and "${await box.inputValue()}" in the box`);
    }
    await box.fill(query);
    await listed();
    let at = '';
    for (let i = 0; i < found.length + 2 && at !== target; i++) {
      await page.keyboard.press('ArrowDown');
      at = await page.evaluate(() => document.activeElement && document.activeElement.href);
    }
    if (at !== target) throw new Error(`the arrow keys never reached the result ${pathOf(target)}`);
    const [resp] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    if (!resp || resp.status() !== 200) throw new Error(`the result ${pathOf(target)} answered ${resp ? resp.status() : 'nothing'}`);
    if ((await htmlLang(page)) !== lang) throw new Error(`the result page has <html lang="${await htmlLang(page)}">`);
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {});
    report(visit);
    ok(where, `finds ${pathOf(target)} (${found.length} result(s)); Escape closes the list; arrow keys and Enter open it`);
  } finally {
    await page.close();
  }
}

// A query of punctuation alone finds nothing and says so (an empty list
// looked like a search that never answered).
async function noWordsCheck(context, kinds, lang, query) {
  const where = `search (${lang}) "${query}"`;
  const visit = await open(context, kinds.home[lang], { label: where });
  const { page } = visit;
  try {
    const box = page.locator('input[type=search]').first();
    await box.waitFor({ state: 'visible', timeout: 5000 });
    await box.fill(query);
    const said = await page
      .waitForSelector('.search-results li', { timeout: 5000 })
      .then((li) => li.textContent())
      .catch(() => '');
    const links = await page.$$eval('.search-results a[href]', (as) => as.length);
    if (!said.trim() || links) throw new Error(`the results say "${said}" with ${links} link(s), not that nothing was found`);
    report(visit);
    ok(where, `says "${said.trim()}"`);
  } finally {
    await page.close();
  }
}

// With JavaScript: choosing a sector shows only that sector's cards, and
// choosing it again shows them all.
async function filterCheck(context, url) {
  const where = `${pathOf(url)} filters`;
  const visit = await open(context, url, { label: where });
  const { page } = visit;
  try {
    const cards = () =>
      page.$$eval(':not(a)[data-sector]', (els) =>
        els.map((el) => ({ sector: el.getAttribute('data-sector'), visible: el.checkVisibility() })),
      );
    const all = await cards();
    if (!all.length) throw new Error('no project cards (elements with data-sector) on the investment page');
    const hiddenAtStart = all.filter((c) => !c.visible).length;
    if (hiddenAtStart) throw new Error(`${hiddenAtStart} of ${all.length} project cards are hidden before any filter is chosen`);
    const sectors = [...new Set(all.map((c) => c.sector))];
    // A sector that leaves some cards out, so the filter has something to hide.
    const sector = sectors.find((s) => all.some((c) => c.sector !== s)) ?? sectors[0];
    const link = page.locator(`a[data-filter=sector][data-value="${sector}"]`);
    if (!(await link.count())) throw new Error(`no sector filter link for ${sector}`);
    await link.first().click();
    const after = await cards();
    const wrong = after.filter((c) => c.visible && c.sector !== sector).length;
    const missing = after.filter((c) => !c.visible && c.sector === sector).length;
    if (wrong || missing) {
      throw new Error(`after choosing sector ${sector}: ${wrong} card(s) of other sectors still shown, ${missing} card(s) of ${sector} hidden`);
    }
    const shown = after.filter((c) => c.visible).length;
    await link.first().click();
    const cleared = (await cards()).filter((c) => !c.visible).length;
    if (cleared) throw new Error(`choosing sector ${sector} again (clearing it) leaves ${cleared} card(s) hidden`);
    report(visit);
    ok(where, `sector ${sector} shows ${shown} of ${all.length} cards; choosing it again shows all`);
  } finally {
    await page.close();
  }
}

// Without JavaScript: the page shows its projects, and every filter link is
// a plain link to a part of the page that exists and shows.
async function noJsFilterCheck(context, url) {
  const where = `${pathOf(url)} without JavaScript`;
  const visit = await open(context, url, { label: where });
  const { page } = visit;
  try {
    const text = (await page.locator('main').innerText()).trim();
    if (text.length < 200) throw new Error(`the main content shows only ${text.length} characters`);
    const cards = await page.$$eval(':not(a)[data-sector]', (els) => els.filter((e) => e.checkVisibility()).length);
    if (!cards) throw new Error('no project card is visible');
    const links = await page.$$eval('a[data-filter]', (as) => as.map((a) => a.getAttribute('href')));
    if (!links.length) throw new Error('no filter links (a[data-filter])');
    const broken = [];
    for (const href of links) {
      if (!href || !href.startsWith('#')) {
        const r = await context.request.get(new URL(href, url).href);
        if (r.status() >= 400) broken.push(`${href} (${r.status()})`);
        continue;
      }
      const id = decodeURIComponent(href.slice(1));
      const shows = await page.evaluate((i) => {
        const el = document.getElementById(i);
        return !!el && el.checkVisibility();
      }, id);
      if (!shows) broken.push(`${href} (no visible element with that id)`);
    }
    if (broken.length) throw new Error(`filter links that lead nowhere: ${broken.join(', ')}`);
    // Follow one, as a reader would.
    const first = page.locator('a[data-filter=sector]').first();
    const href = await first.getAttribute('href');
    await first.click();
    if (href.startsWith('#') && new URL(page.url()).hash !== href) {
      throw new Error(`clicking the filter link ${href} left the page at ${pathOf(page.url())}`);
    }
    report(visit);
    ok(where, `${cards} project cards shown, ${links.length} filter links lead to visible parts of the page`);
  } finally {
    await page.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
