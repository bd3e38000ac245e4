// Browser test of the screens' subset fonts: `node subset.mjs PUBLIC_DIR
// FONTS_DIR`, on the `screens` fixture built by tests/browser.rs, FONTS_DIR
// the vendored whole faces (src/fonts/noto/). The Khmer and Lao text each
// screen shows is drawn twice in Chromium, with the screen's subset face and
// with the whole face, and the two renderings are compared pixel by pixel:
// they must look the same (a glyph missing from the subset, or a subscript
// consonant or stacked vowel left unshaped, changes hundreds of pixels). A
// control drawn without the font must differ, so the comparison can fail.
// Renderings go to artifacts/subset-LANG-WEIGHT.png (whole above subset).

import { chromium } from 'playwright-core';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, tally } from './checks.mjs';

// Screen of the fixture, language, whole face's file stem.
const CASES = [
  { screen: 'gate', lang: 'km', whole: 'noto-sans-khmer-khmer' },
  { screen: 'tall', lang: 'lo', whole: 'noto-sans-lao-lao' },
];

const { check, finish } = tally();

// Every text of `lang` a screen shows: titles, lines, ticker, "scan".
function texts(playlist, lang) {
  const out = [];
  for (const s of playlist.slides) {
    const t = s.text[lang];
    if (t) { out.push(t.title, ...t.lines); }
  }
  if (playlist.ticker[lang]) { out.push(playlist.ticker[lang]); }
  if (playlist.scan[lang]) { out.push(playlist.scan[lang]); }
  return out.join(' ');
}

// A page drawing `text` in three boxes: whole face, subset face, no face.
// Integer line heights and box heights, so each box starts on a pixel.
function page(text, weight, whole, subset) {
  const face = (name, bytes) => `@font-face{font-family:${name};font-weight:${weight};src:url(data:font/woff2;base64,${bytes.toString('base64')}) format("woff2")}`;
  const box = (id, family) => `<p id="${id}" style="font-family:${family}">${text}</p>`;
  return `<!doctype html><meta charset="utf-8"><style>${face('Whole', whole)}${face('Subset', subset)}
    body{margin:0;background:#fff} p{box-sizing:border-box;width:900px;height:600px;margin:0;padding:10px;overflow:hidden;
    font-size:30px;line-height:56px;font-weight:${weight};color:#000}</style>
    ${box('whole', 'Whole')}${box('subset', 'Subset')}${box('none', 'NoSuchFont')}`;
}

// Pixels that differ between two PNG screenshots of one size, and the
// largest difference of a channel, counted in the page (a canvas).
async function difference(pg, a, b) {
  return pg.evaluate(async ([x, y]) => {
    const load = (b64) => new Promise((ok, fail) => {
      const i = new Image(); i.onload = () => ok(i); i.onerror = fail; i.src = `data:image/png;base64,${b64}`;
    });
    const [ia, ib] = await Promise.all([load(x), load(y)]);
    const data = (img) => {
      const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
      const g = c.getContext('2d'); g.drawImage(img, 0, 0); return g.getImageData(0, 0, c.width, c.height).data;
    };
    const da = data(ia); const db = data(ib);
    let pixels = 0; let max = 0;
    for (let i = 0; i < da.length; i += 4) {
      const d = Math.max(Math.abs(da[i] - db[i]), Math.abs(da[i + 1] - db[i + 1]), Math.abs(da[i + 2] - db[i + 2]));
      if (d > 0) { pixels += 1; }
      if (d > max) { max = d; }
    }
    return { pixels, max, total: da.length / 4 };
  }, [a.toString('base64'), b.toString('base64')]);
}

async function main() {
  const [site, fonts] = process.argv.slice(2);
  if (!site || !fonts) {
    console.error('usage: node subset.mjs PUBLIC_DIR FONTS_DIR');
    process.exit(2);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    for (const c of CASES) {
      const dir = path.join(site, 'screens', c.screen);
      const playlist = JSON.parse(await readFile(path.join(dir, 'playlist.json'), 'utf8'));
      const text = texts(playlist, c.lang);
      check(text.length > 20, c.lang, `the screen shows too little ${c.lang} text to compare: "${text}"`);
      for (const weight of [400, 700]) {
        const where = `${c.screen} ${c.lang} ${weight}`;
        const rule = playlist.fonts.find((f) => f.weight === weight);
        const subset = await readFile(path.join(dir, rule.src));
        const whole = await readFile(path.join(fonts, `${c.whole}-${weight}-normal.woff2`));
        check(subset.length < whole.length, where, `the subset (${subset.length} bytes) is not smaller than the whole face (${whole.length})`);
        const pg = await browser.newPage({ viewport: { width: 900, height: 1800 } });
        await pg.setContent(page(text, weight, whole, subset));
        await pg.evaluate(() => document.fonts.ready);
        const status = await pg.evaluate(() => [...document.fonts].map((f) => `${f.family}:${f.status}`).join(' '));
        check(!status.includes('error') && status.includes('Subset:loaded') && status.includes('Whole:loaded'), where, `fonts: ${status}`);
        const shot = (id) => pg.locator(`#${id}`).screenshot();
        const [w, s, n] = [await shot('whole'), await shot('subset'), await shot('none')];
        const same = await difference(pg, w, s);
        const control = await difference(pg, w, n);
        // Anti-aliasing may differ by a shade at a few mark edges; a glyph
        // missing or shaped differently changes whole strokes.
        check(same.pixels <= same.total * 0.005 && same.max <= 160, where,
          `the subset draws differently from the whole face: ${same.pixels} of ${same.total} pixels differ, by up to ${same.max}`);
        check(control.pixels > same.total * 0.01, where,
          `without the font the text looks the same (${control.pixels} pixels differ): the comparison proves nothing`);
        await pg.locator('#none').evaluate((el) => { el.remove(); });
        await pg.screenshot({ path: path.join(ARTIFACTS, `subset-${c.lang}-${weight}.png`), fullPage: true });
        console.log(`${where}: subset ${subset.length} of ${whole.length} bytes; ${same.pixels} of ${same.total} pixels differ (max ${same.max}); without the font ${control.pixels}`);
        await pg.close();
      }
    }
  } finally {
    await browser.close();
  }
  finish('subset');
}

main().catch((e) => { console.error(e); process.exit(1); });
