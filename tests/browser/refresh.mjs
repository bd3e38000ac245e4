// Browser test: a playing screen takes a new build within its refresh
// interval, without a blank frame. `node refresh.mjs SITE_ROOT MEKONG`, on
// a copy of the `screens` fixture that tests/browser.rs built with
// `refresh_minutes: 1`. The gate screen plays; the article's Vietnamese and
// Khmer titles are changed (the Khmer one with letters the screen's subset
// font does not have yet) and the site is built again into the same
// folder; within the interval (plus two slides) the new titles show. Every
// animation frame meanwhile is sampled: a frame in which no slide with a
// title is at least half visible is a blank frame, and there must be none.
// The new Khmer title is drawn with the new build's faces (loaded, added to
// document.fonts); screenshot artifacts/refresh-km.png.

import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serve } from './server.mjs';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, tally } from './checks.mjs';

const ARTICLE = 'content/news/cua-khau/index';
const OLD = { vi: 'Cửa khẩu quốc tế Hoa Lư', km: 'ច្រកទ្វារអន្តរជាតិហ័រលឺ' };
const NEW = { vi: 'Cửa khẩu Hoa Lư mở rộng 2027', km: 'ច្រកទ្វារព្រំដែនហ័រលឺ ឆ្ពោះទៅមុខ ២០២៧' };
const REFRESH_SECONDS = 60;
const SECONDS = 2;

const { check, finish } = tally();

// Counts every animation frame, and the blank ones, from the first frame
// with a slide (the first slide fades in from nothing) on; keeps the
// titles seen.
const SAMPLER = `window.__frames = 0; window.__blank = 0; window.__titles = {}; window.__blanks = [];
  (function tick() {
    if (document.body && document.body.dataset.shown) {
      let seen = false;
      for (const s of document.querySelectorAll('.slide')) {
        const t = s.querySelector('.title').textContent.trim();
        if (t && parseFloat(getComputedStyle(s).opacity) >= 0.45) { seen = true; window.__titles[t] = true; }
      }
      window.__started = window.__started || seen;
      if (window.__started) { window.__frames += 1; }
      if (window.__started && !seen) {
        window.__blank += 1;
        if (window.__blanks.length < 5) {
          window.__blanks.push(document.body.dataset.shown + ' ' + [...document.querySelectorAll('.slide')].map((s) => s.className + '@' + getComputedStyle(s).opacity + ':' + s.querySelector('.title').textContent.trim().slice(0, 12)).join(' | '));
        }
      }
    }
    requestAnimationFrame(tick);
  })();`;

async function retitle(root) {
  for (const lang of ['vi', 'km']) {
    const file = path.join(root, `${ARTICLE}${lang === 'vi' ? '' : `.${lang}`}.md`);
    const text = await readFile(file, 'utf8');
    if (!text.includes(OLD[lang])) { throw new Error(`${file} has no title "${OLD[lang]}"`); }
    await writeFile(file, text.replace(OLD[lang], NEW[lang]));
  }
}

async function main() {
  const [root, mekong] = process.argv.slice(2);
  if (!root || !mekong) {
    console.error('usage: node refresh.mjs SITE_ROOT MEKONG');
    process.exit(2);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  const server = await serve(path.join(root, 'public'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const where = 'gate';
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.addInitScript(SAMPLER);
    await page.goto(`${server.origin}/screens/gate/`);
    await page.waitForFunction(() => Number(document.body.dataset.shown || 0) >= 2, null, { timeout: 30000 });
    const before = await page.evaluate(() => ({ version: JSON.parse(document.getElementById('playlist').textContent).version, faces: document.fonts.size }));
    const oldPlaylist = await readFile(path.join(root, 'public/screens/gate/playlist.json'), 'utf8');
    check([...NEW.km].some((c) => !oldPlaylist.includes(c)), where, 'the new Khmer title has no letter the old fonts lack: the test would not load new fonts');

    await retitle(root);
    execFileSync(mekong, ['build', '--root', root], { stdio: 'pipe' });
    const built = Date.now();
    const limit = (REFRESH_SECONDS + 3 * SECONDS) * 1000 + 30000;
    let took = null;
    try {
      await page.waitForFunction((t) => [...document.querySelectorAll('.slide.on .title')].some((e) => e.textContent.trim() === t),
        NEW.vi, { timeout: limit, polling: 100 });
      took = (Date.now() - built) / 1000;
    } catch { /* reported below */ }
    check(took !== null, where, `the new title "${NEW.vi}" did not show within ${limit / 1000} s of the build`);
    let km = false;
    try {
      await page.waitForFunction((t) => [...document.querySelectorAll('.slide.on .title')].some((e) => e.textContent.trim() === t),
        NEW.km, { timeout: 30000, polling: 100 });
      km = true;
      // Once its fade-in (0.6 s) is over, well before the next slide.
      await new Promise((r) => { setTimeout(r, 700); });
      await page.screenshot({ path: path.join(ARTIFACTS, 'refresh-km.png') });
    } catch { /* reported below */ }
    check(km, where, `the new Khmer title "${NEW.km}" did not show`);
    const after = await page.evaluate(() => ({
      frames: window.__frames,
      blank: window.__blank,
      blanks: window.__blanks,
      titles: Object.keys(window.__titles),
      faces: [...document.fonts].map((f) => `${f.family}:${f.weight}:${f.status}`),
      size: document.fonts.size,
    }));
    check(after.frames > 100, where, `only ${after.frames} frames were sampled`);
    check(after.blank === 0, where, `${after.blank} of ${after.frames} frames showed no slide: ${after.blanks.join('; ')}`);
    check(!after.titles.includes(OLD.vi) || after.titles.includes(NEW.vi), where, 'the old and new titles were not both seen');
    check(after.size === before.faces + 2 && after.faces.every((f) => f.endsWith(':loaded')), where,
      `the new build's two Khmer faces were not added and loaded: ${after.faces.join(', ')} (before: ${before.faces})`);
    console.log(`${where}: new build (was ${before.version}) shown ${took} s after it was built; ${after.frames} frames, ${after.blank} blank; fonts ${after.faces.join(' ')}`);
    await page.close();
  } finally {
    await browser.close();
    await server.close();
  }
  finish('refresh');
}

main().catch((e) => { console.error(e); process.exit(1); });
