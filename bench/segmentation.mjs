// How often the browser's word splitting (Intl.Segmenter, the ICU of this
// Node, as Chromium's) disagrees with the index the build wrote:
//
//   node bench/segmentation.mjs PUBLIC LANG [DOCS]
//
// For the first DOCS documents (default 300) of LANG's index, splits each
// document's text as the browser would split a query and counts the words
// that are not a term of that document: exactly, as the beginning of one of
// its terms (the script's prefix lookup), and after the script's fallback
// (the longest known beginnings, in turn). Prints the three shares.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const [pub, lang, limit = '300'] = process.argv.slice(2);
const dir = path.join(pub, lang === 'vi' ? '' : lang, 'search');
const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8'));
const docs = Math.min(Number(limit), index.docs);
const terms = Array.from({ length: docs }, () => new Set());
for (const file of readdirSync(path.join(dir, 'c'))) {
  for (const e of JSON.parse(readFileSync(path.join(dir, 'c', file), 'utf8'))) {
    for (let k = 1; k < e.length; k += 2) {
      let doc = 0;
      for (const v of e[k + 1]) {
        doc += v >> 3;
        if (doc < docs) terms[doc].add(e[0]);
      }
    }
  }
}
const DEPENDENT = /^[\u0300-\u036F\u0EB0-\u0EBC\u0EC8-\u0ECD\u17B6-\u17D3]/;
const LATIN_MARKS = /([A-Za-z\u00C0-\u024F\u1E00-\u1EFF])[\u0300-\u036F]+/g;
const fold = (w) => w.normalize('NFD').replace(LATIN_MARKS, '$1').replace(/[đĐ]/g, 'd').normalize('NFC').toLowerCase();
const seg = new Intl.Segmenter(lang, { granularity: 'word' });
const misses = [];
let words = 0, exact = 0, prefix = 0, resplit = 0;
for (let n = 0; n < docs; n++) {
  const g = Math.floor(n / index.per);
  const frag = readdirSync(path.join(dir, 'f')).find((f) => f.startsWith(`${g}-`));
  const doc = JSON.parse(readFileSync(path.join(dir, 'f', frag), 'utf8'))[n - g * index.per];
  const have = [...terms[n]];
  const out = [];
  let end = -1;
  for (const s of seg.segment(doc[3])) {
    if (!s.isWordLike) continue;
    if (out.length && end === s.index && DEPENDENT.test(s.segment)) out[out.length - 1] += s.segment;
    else out.push(s.segment);
    end = s.index + s.segment.length;
  }
  for (const w of out.map(fold)) {
    words++;
    if (terms[n].has(w)) { exact++; continue; }
    if (have.some((t) => t.startsWith(w))) { prefix++; continue; }
    // The script's fallback: longest beginnings that are terms (of the
    // whole index; here of the document, which is what finding it needs).
    let rest = Array.from(w), ok = true;
    while (rest.length) {
      let k = rest.length;
      const known = (k) => terms[n].has(rest.slice(0, k).join('')) || (k === rest.length && have.some((t) => t.startsWith(rest.join(''))));
      while (k > 0 && !known(k)) k--;
      if (!k) { ok = false; break; }
      rest = rest.slice(k);
    }
    if (ok) resplit++;
    else if (process.env.SHOW && misses.length < 15) misses.push(w + ' in ' + have.filter((t) => t.includes(w)).slice(0, 3).join(' | '));
  }
}
const pct = (x) => ((100 * x) / words).toFixed(2) + ' %';
if (misses.length) console.log(misses.join('\n'));
console.log(`${lang}: ${words} browser words in ${docs} documents; not an exact term: ${pct(words - exact)}; ` +
  `not found by prefix either: ${pct(words - exact - prefix)}; not found after the fallback: ${pct(words - exact - prefix - resplit)}`);
