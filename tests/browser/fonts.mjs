// Browser test of `fonts: embed` on the demo portal (built by
// tests/browser.rs): `node fonts.mjs PUBLIC_DIR`. On the Khmer and the Lao
// home page, the page's letters are drawn with the embedded face: it is in
// document.fonts with status "loaded" and document.fonts.check() says a
// letter of the script needs nothing else; the face came from the site's
// /fonts/ (a content-hashed woff2) and its licence is published beside it.
// A Vietnamese page loads no font file but the regular faces its language
// switcher needs (the names ພາສາລາວ and ភាសាខ្មែរ). Screenshots go to
// artifacts/fonts-LANG.png: they show the letters on a machine without a
// Khmer or Lao font (see `fc-list | grep -i -E 'khmer|lao'`).

import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { serve } from './server.mjs';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, tally } from './checks.mjs';

const PAGES = [
  { lang: 'km', url: '/km/', family: 'Noto Sans Khmer', letter: 'ក', file: 'noto-sans-khmer' },
  { lang: 'lo', url: '/lo/', family: 'Noto Sans Lao', letter: 'ກ', file: 'noto-sans-lao' },
];

const { check, finish } = tally();

// Loads `url`, waits for its fonts, and returns the font files it fetched.
async function load(page, origin, url) {
  const fonts = [];
  const seen = (r) => { if (r.url().endsWith('.woff2')) { fonts.push(new URL(r.url()).pathname); } };
  page.on('requestfinished', seen);
  const res = await page.goto(origin + url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  page.off('requestfinished', seen);
  return { status: res ? res.status() : 0, fonts };
}

async function main() {
  const publicDir = process.argv[2];
  const server = await serve(publicDir);
  const origin = server.origin;
  await mkdir(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (const p of PAGES) {
      const where = `${p.url} (${p.lang})`;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const { status, fonts } = await load(page, origin, p.url);
      check(status === 200, where, `status ${status}`);
      const state = await page.evaluate(({ family, letter }) => {
        const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === family);
        const regular = faces.find((f) => f.weight === '400');
        const heading = document.querySelector('h1, h2');
        return {
          faces: faces.map((f) => `${f.weight}:${f.status}`),
          regular: regular && regular.status,
          check: document.fonts.check(`16px "${family}"`, letter),
          bodyFont: getComputedStyle(document.querySelector('main')).fontFamily,
          headingText: heading ? heading.textContent.trim().slice(0, 40) : '',
          link: [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => l.getAttribute('href')).find((h) => h.includes('/fonts/')),
        };
      }, p);
      check(state.regular === 'loaded', where, `the 400 face of "${p.family}" is ${state.regular} (faces: ${state.faces.join(', ')})`);
      check(state.check, where, `document.fonts.check says "${p.family}" cannot draw ${p.letter}`);
      check(state.bodyFont.startsWith(`"${p.family}"`), where, `the page's text is set in ${state.bodyFont}`);
      check(/^\/fonts\/fonts\.[0-9a-f]{10}\.css$/.test(state.link || ''), where, `the font style sheet link is ${state.link}`);
      const own = fonts.filter((f) => f.includes(p.file));
      check(own.length >= 1 && own.every((f) => /^\/fonts\/[a-z-]+-[47]00\.[0-9a-f]{10}\.woff2$/.test(f)),
        where, `the ${p.family} files fetched: ${fonts.join(', ') || 'none'}`);
      const licence = await page.request.get(`${origin}/fonts/OFL-${p.file}.txt`);
      check(licence.ok() && (await licence.text()).includes('SIL OPEN FONT LICENSE'), where, 'the licence is not published beside the font');
      await page.screenshot({ path: path.join(ARTIFACTS, `fonts-${p.lang}.png`) });
      console.log(`${where}: "${state.headingText}", faces ${state.faces.join(' ')}, fetched ${fonts.join(' ')}`);
      await page.close();
    }
    // A Vietnamese page: only the regular faces its language switcher needs.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { fonts } = await load(page, origin, '/');
    check(fonts.length === 2 && fonts.every((f) => /-400\./.test(f)), '/ (vi)',
      `a Vietnamese page fetched ${fonts.join(', ') || 'no font'}; expected the 400 Khmer and Lao faces of the language names`);
    await page.close();
  } finally {
    await browser.close();
    await server.close();
  }
  finish('font');
}

main().catch((e) => { console.error(e); process.exit(2); });
