// Whether the browser cuts Lao, Thai, Khmer and Myanmar text into the
// syllables the build filed (index version 4):
//
//   node bench/segmentation.mjs PUBLIC LANG [DOCS]
//
// For the first DOCS documents (default 300) of LANG's index, cuts each
// document's title, description and text with the theme's own code
// (js/search.js, its syllable rule taken out of the file and run here) and
// counts the syllables and pairs of adjacent syllables that are not a term
// of that document. Both sides apply one rule to the same NFC text, so the
// share should be 0 %; anything else is a difference between
// src/search/words.rs and search.js. (Until version 3 the build used
// ICU4X's dictionary segmenter and the browser Intl.Segmenter, and this
// script measured how often they disagreed.)
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [pub, lang, limit = '300'] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const script = readFileSync(path.join(here, '..', 'themes', 'default', 'static', 'js', 'search.js'), 'utf8');
const from = script.indexOf('  var SYLLABIC_CLASS');
const to = script.indexOf('\n  function words(');
if (from < 0 || to < from) throw new Error('search.js: the syllable code was not found');
const { RUNS, SYLLABIC, syllables } = new Function(script.slice(from, to) + '\nreturn { RUNS, SYLLABIC, syllables };')();

const dir = path.join(pub, lang === 'vi' ? '' : lang, 'search');
const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8'));
if (index.version !== 4) throw new Error(`index version ${index.version}, not 4`);
const gz = (file) => JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
const docs = Math.min(Number(limit), index.docs);
const terms = Array.from({ length: docs }, () => new Set());
for (const file of readdirSync(path.join(dir, 'c'))) {
  for (const e of gz(path.join(dir, 'c', file))) {
    for (let k = 1; k < e.length; k += 2) {
      let doc = 0;
      for (const v of e[k + 1]) {
        doc += v >> 3;
        if (doc < docs) terms[doc].add(e[k]);
      }
    }
  }
}
const frags = readdirSync(path.join(dir, 'f'));
const misses = [];
let cut = 0, missing = 0;
for (let n = 0; n < docs; n++) {
  const g = Math.floor(n / index.per);
  const doc = gz(path.join(dir, 'f', frags.find((f) => f.startsWith(`${g}-`))))[n - g * index.per];
  const text = [doc[1], doc[2], doc[3]].join(' ').normalize('NFC').toLowerCase();
  for (const token of text.split(/\s+/)) {
    for (const run of token.match(RUNS) || []) {
      if (!SYLLABIC.test(run)) continue;
      const s = syllables(run);
      const wanted = s.concat(s.slice(1).map((x, k) => s[k] + x));
      for (const w of wanted) {
        cut++;
        if (terms[n].has(w)) continue;
        missing++;
        if (misses.length < 15) misses.push(`${w} (document ${n}, in ${run})`);
      }
    }
  }
}
if (misses.length) console.log(misses.join('\n'));
console.log(`${lang}: ${cut} syllables and pairs in ${docs} documents, ` +
  `${missing} not a term of their document (${((100 * missing) / Math.max(1, cut)).toFixed(2)} %)`);
