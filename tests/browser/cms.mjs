// The editing app (/admin/, Decap CMS) on `mekong serve`, driven like an
// editor would: log in to the local backend, write a Vietnamese article
// with an investment project block and an uploaded image, write its
// English translation beside it, publish. Run by tests/browser.rs
// (`the_editing_app_saves_through_serve`), which starts the server on a
// copy of tests/fixtures/cms and checks the files afterwards.
//
//   node cms.mjs BASE_URL IMAGE      (BASE_URL: http://127.0.0.1:PORT/portal/)
//
// Prints one JSON line (`RESULT {...}`) with the requests that left
// 127.0.0.1, the app's error messages and the pages' titles; exits 1 on a
// failure, with a screenshot in artifacts/cms-failure.png.

import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from './checks.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const [base, image] = process.argv.slice(2);

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const outside = [];
const problems = [];
page.on('request', (r) => {
  const u = new URL(r.url());
  if (/^(https?|wss?):$/.test(u.protocol) && u.hostname !== '127.0.0.1') outside.push(r.url());
});
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));

/** The control of the field labelled `text` in pane `pane` (0: vi, 1: en). */
async function control(text, pane = 0) {
  const label = page.locator('label').filter({ hasText: new RegExp(`^${text}`, 'i'), visible: true }).nth(pane);
  const id = await label.getAttribute('for');
  return page.locator(`[id="${id}"]`);
}

/** Picks `option` in the select labelled `text`. */
async function choose(text, option, pane = 0) {
  const input = await control(text, pane);
  await input.click();
  await page.locator('[class*="option"]').filter({ hasText: new RegExp(`^${option}$`) }).first().click();
}

/** Opens the collapsed object field labelled `text` unless its field
 * `child` already shows in pane `pane`. */
async function expand(text, child, pane = 0) {
  const shown = () => page.locator('label').filter({ hasText: new RegExp(`^${child}`, 'i'), visible: true }).count();
  if ((await shown()) > pane) return;
  const bars = page.locator('[class*="TopBar"]').filter({ hasText: text, visible: true });
  await bars.nth(Math.min(pane, (await bars.count()) - 1)).locator('button').first().click();
}

/** Types into the Markdown editor that is the `nth` on the page. */
async function writeBody(nth, text) {
  const editor = page.locator('[data-slate-editor="true"]').nth(nth);
  await editor.click();
  await page.keyboard.type(text);
}

let result = {};
try {
  await page.goto(`${base}admin/`);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.goto(`${base}admin/#/collections/news/new`);
  await (await control('Tiêu đề')).waitFor();

  await (await control('Tiêu đề')).fill('Khu công nghiệp Minh Hưng');
  await (await control('Mô tả')).fill('Khu công nghiệp mới ở Chơn Thành.');
  await (await control('Ngày')).fill('2026-12-02');
  await choose('Đơn vị', 'Sở Kế hoạch và Đầu tư');

  // The lead image: upload it in the media library, then choose it.
  await page.getByRole('button', { name: 'Chọn một hình' }).first().click();
  await page.locator('input[type="file"]').setInputFiles(image);
  await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();

  await expand('Dự án đầu tư', 'Địa điểm');
  await choose('Lĩnh vực', 'industry');
  await (await control('Địa điểm')).fill('Chơn Thành');
  await choose('Trạng thái', 'open');
  await (await control('Diện tích')).fill('125');

  await writeBody(0, 'Khu công nghiệp có diện tích 125 ha.');

  // The English translation, in the pane beside it.
  await (await control('Tiêu đề', 1)).fill('Minh Hung Industrial Park');
  await (await control('Mô tả', 1)).fill('A new industrial park in Chon Thanh.');
  await expand('Dự án đầu tư', 'Địa điểm', 1);
  await (await control('Địa điểm', 1)).fill('Chon Thanh');
  await writeBody(1, 'The park covers 125 hectares.');

  const saved = page.waitForResponse((r) => r.url().includes('/__mekong/cms/api/v1')
    && (r.request().postData() || '').includes('"persistEntry"'));
  await page.getByRole('button', { name: 'Công bố' }).click();
  await page.getByText('Công bố ngay').click();
  const response = await saved;
  // The app may navigate away at once, taking the body with it: the
  // status is what counts, the files on disk are checked by the test.
  result.persist = { status: response.status(), body: await response.text().catch(() => null) };

  // The preview rebuilds; both pages are shown. Two minutes at most, so
  // that the RESULT line is printed well inside the test's limit.
  const deadline = Date.now() + 120000;
  for (const [lang, url] of [['vi', `${base}news/khu-cong-nghiep-minh-hung/`], ['en', `${base}en/news/khu-cong-nghiep-minh-hung/`]]) {
    let title = null;
    while (!title && Date.now() < deadline) {
      // The preview's live reload may restart a navigation while the
      // rebuild lands (net::ERR_ABORTED): that is a retry, not a failure.
      const r = await page.goto(url, { timeout: 15000 }).catch(() => null);
      if (r && r.status() === 200) {
        title = await page.locator('h1').first().innerText().catch(() => null);
      }
      if (!title) await page.waitForTimeout(500);
    }
    result[lang] = title;
  }
} catch (e) {
  problems.push(String(e && e.stack || e));
  await mkdir(path.join(HERE, 'artifacts'), { recursive: true });
  await page.screenshot({ path: path.join(HERE, 'artifacts', 'cms-failure.png'), fullPage: true });
}
result.outside = outside;
result.problems = problems;
console.log('RESULT ' + JSON.stringify(result));
await browser.close();
process.exit(problems.length ? 1 : 0);
