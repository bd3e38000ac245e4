/* mekong search. How it works (index format, the syllable rule it shares
   with src/search/words.rs, ranking, retries): README, "Search". Comments
   live there and in the Rust source: every byte here is sent to readers. */
(function () {
var script = document.currentScript;
if (!script || !window.fetch || !window.DecompressionStream) return;
var d = script.dataset, base = d.index.replace(/index\.json$/, '');
var entry = null, chunks = {}, frags = {}, PAGE = 10, VERSION = 5;
var slots = [].slice.call(document.querySelectorAll('[data-search]'));
if (!slots.length) {
  var header = document.querySelector('.site-header');
  if (!header) return;
  slots = [header];
}
slots.forEach(function (slot, i) { mount(slot, i ? 'mekong-search-' + (i + 1) : 'mekong-search'); });

function mount(slot, id) {
  var form = document.createElement('form');
  form.setAttribute('role', 'search');
  form.className = 'search';
  var label = document.createElement('label');
  label.textContent = d.label;
  label.className = 'vh';
  label.setAttribute('for', id);
  var input = document.createElement('input');
  input.type = 'search';
  input.id = id;
  input.placeholder = d.placeholder;
  input.autocomplete = 'off';
  var results = document.createElement('ul');
  results.className = 'search-results';
  results.setAttribute('aria-live', 'polite');
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(results);
  slot.appendChild(form);
  slot.hidden = false;
  var timer = null, run = 0;
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  input.addEventListener('focus', loadEntry);
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var mine = ++run;
      search(input.value).then(function (list) {
        if (mine === run) show(list, results, 0);
      });
    }, 80);
  });
  form.addEventListener('keydown', function (e) {
    var links = [].slice.call(results.querySelectorAll('a, button'));
    var at = links.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && links.length) {
      e.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (e.key === 'ArrowUp' && at >= 0) {
      e.preventDefault();
      (at === 0 ? input : links[at - 1]).focus();
    } else if (e.key === 'Escape') {
      input.value = '';
      results.textContent = '';
      input.focus();
    }
  });
}

var SPACELESS = /[\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF]/;
var DEPENDENT = /^[\u0300-\u036F]/;
var SYLLABIC_CLASS = '\u0E01-\u0E3A\u0E40-\u0E4E\u0E81-\u0ECE\u0EDC-\u0EDF\u1780-\u17D3\u17DD\u1000-\u103F\u1050-\u108F\u109A-\u109D';
var SYLLABIC = new RegExp('^[' + SYLLABIC_CLASS + ']');
var RUNS = new RegExp('[' + SYLLABIC_CLASS + ']+|[^' + SYLLABIC_CLASS + ']+', 'g');
var CONSONANT = /[\u0E01-\u0E2E\u0E81-\u0EAE\u0EDC-\u0EDF\u1000-\u102A\u1780-\u17B3]/;
var LEADING = /[\u0E40-\u0E44\u0EC0-\u0EC4]/;
var SIGN = /[\u0E30-\u0E3A\u0E45\u0E47-\u0E4E\u0EB0-\u0EBD\u0EC8-\u0ECE\u17B6-\u17D3\u17DD\u102B-\u103E\u1056-\u1059\u105E-\u1060\u1062-\u1064\u1067-\u106D\u1071-\u1074\u1082-\u108D\u108F\u109A-\u109D]/;
var SILENCER = /[\u0E4C\u0ECC\u17CB\u17CD\u17D1\u103A]/;
function beginsSyllable(p, c, n) {
  if (LEADING.test(p) || p === '\u17D2' || p === '\u1039') return false;
  return LEADING.test(c) || (CONSONANT.test(c) && n !== undefined && SIGN.test(n) && !SILENCER.test(n));
}
function syllables(run) {
  var cs = Array.from(run), out = [], cur = '';
  cs.forEach(function (c, k) {
    if (k > 0 && beginsSyllable(cs[k - 1], c, cs[k + 1])) { out.push(cur); cur = ''; }
    cur += c;
  });
  out.push(cur);
  return out;
}
var LATIN_MARKS = /([A-Za-z\u00C0-\u024F\u1E00-\u1EFF])[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]+/g;
function exact(w) { return w.normalize('NFC').toLowerCase(); }
function fold(w) {
  return w.normalize('NFD').replace(LATIN_MARKS, '$1').replace(/[đĐ]/g, 'd').replace(/[\u2018\u2019\u02BC]/g, "'").normalize('NFC').toLowerCase();
}
function words(q) {
  var out = [];
  exact(q).split(/\s+/).forEach(function (token) {
    (token.match(RUNS) || []).forEach(function (run) {
      if (SYLLABIC.test(run)) out.push({ syllables: syllables(run) });
      else segmented(run).forEach(function (w) { out.push({ word: w }); });
    });
  });
  return out;
}
function segmented(text) {
  if (!(window.Intl && Intl.Segmenter)) return [text];
  var out = [], end = -1;
  for (var s of new Intl.Segmenter(d.lang, { granularity: 'word' }).segment(text)) {
    if (!s.isWordLike) continue;
    if (out.length && end === s.index && DEPENDENT.test(s.segment)) out[out.length - 1] += s.segment;
    else out.push(s.segment);
    end = s.index + s.segment.length;
  }
  return out;
}

function getJSON(url) { return fetch(url).then(function (r) { return r.json(); }); }
function getGzip(url) {
  return fetch(url).then(function (r) { return r.arrayBuffer(); }).then(function (buf) {
    var b = new Uint8Array(buf);
    if (b[0] === 0x1f && b[1] === 0x8b) {
      return new Response(new Blob([b]).stream().pipeThrough(new DecompressionStream('gzip'))).json();
    }
    return JSON.parse(new TextDecoder().decode(b));
  });
}
function loadEntry() {
  if (!entry) {
    entry = getJSON(d.index).then(function (e) {
      return e.version === VERSION ? e : { docs: 0, per: 1, frags: '', chunks: [] };
    });
  }
  return entry;
}
function chunkAt(index, t) {
  var lo = 0, hi = index.chunks.length - 1;
  while (lo < hi) {
    var mid = (lo + hi + 1) >> 1;
    if (index.chunks[mid][0] <= t) lo = mid; else hi = mid - 1;
  }
  return lo;
}
function chunk(index, i) {
  var file = index.chunks[i][1];
  if (!chunks[file]) chunks[file] = getGzip(base + file);
  return chunks[file];
}
function lookup(index, t) {
  if (!index.chunks.length) return Promise.resolve([]);
  var first = chunkAt(index, t), wanted = [first];
  for (var i = first + 1; i < index.chunks.length && i <= first + 2 && index.chunks[i][0].indexOf(t) === 0; i++) wanted.push(i);
  return Promise.all(wanted.map(function (i) { return chunk(index, i); })).then(function (lists) {
    var found = [];
    lists.forEach(function (list) {
      list.forEach(function (e) {
        if (e[0].indexOf(t) !== 0) return;
        var docs = 0, here = [];
        for (var k = 1; k < e.length; k += 2) {
          var doc = 0, ps = [];
          e[k + 1].forEach(function (v) { doc += v >> 3; ps.push(doc, v & 7); });
          docs += e[k + 1].length;
          here.push({ spelling: e[k], term: e[0], prefix: e[0] !== t, postings: ps });
        }
        here.forEach(function (f) { f.docs = docs; found.push(f); });
      });
    });
    return found;
  });
}
function resplit(index, w) {
  var pieces = [];
  function next(rest, tries) {
    if (!rest || tries > 12) return Promise.resolve(pieces);
    var cps = Array.from(rest);
    function attempt(n) {
      if (n < 1) return next(cps.slice(1).join(''), tries + 1);
      var piece = cps.slice(0, n).join('');
      return lookup(index, fold(piece)).then(function (found) {
        var whole = n === cps.length ? found : found.filter(function (f) { return !f.prefix; });
        if (whole.length) {
          pieces.push({ word: piece, found: whole });
          return next(cps.slice(n).join(''), tries + 1);
        }
        return attempt(n - 1);
      });
    }
    return attempt(Math.min(cps.length, 12));
  }
  return next(w, 0);
}

function phrase(index, run) {
  var cps = Array.from(run), tries = [syllables(run)];
  if (cps.length > 1 && CONSONANT.test(cps[cps.length - 1])) tries.push(syllables(cps.slice(0, -1).join('')));
  tries.slice().forEach(function (s) { if (s.length > 1) tries.push(s.slice(1)); });
  function attempt(k) {
    return pairs(index, tries[k]).then(function (parts) {
      return k + 1 < tries.length && !common(parts) ? attempt(k + 1).then(function (other) {
        return common(other) ? other : parts;
      }) : parts;
    });
  }
  return attempt(0);
}
function pairs(index, syls) {
  if (syls.length === 1) {
    return lookup(index, syls[0]).then(function (found) { return [{ word: syls[0], found: found }]; });
  }
  var last = syls.length - 2;
  return Promise.all(syls.slice(0, -1).map(function (s, k) {
    var pair = s + syls[k + 1];
    return lookup(index, pair).then(function (found) {
      return { word: pair, found: k === last ? found : found.filter(function (f) { return !f.prefix; }) };
    });
  }));
}
function common(parts) {
  var docs = null;
  parts.forEach(function (part) {
    var here = {};
    part.found.forEach(function (f) {
      for (var k = 0; k < f.postings.length; k += 2) if (docs === null || docs[f.postings[k]]) here[f.postings[k]] = true;
    });
    docs = here;
  });
  return docs !== null && Object.keys(docs).length > 0;
}

function weight(fields) { return 1 + (fields & 4 ? 2 : 0) + (fields & 2 ? 1 : 0); }
function search(q) {
  var ws = words(q);
  if (!ws.length) return Promise.resolve(q.trim() ? { docs: [] } : null);
  return loadEntry().then(function (index) {
    return Promise.all(ws.map(function (w) {
      if (w.syllables) return phrase(index, w.syllables.join(''));
      return lookup(index, fold(w.word)).then(function (found) {
        if (found.length || !SPACELESS.test(w.word)) return [{ word: w.word, found: found }];
        return resplit(index, w.word);
      });
    })).then(function (groups) {
      var parts = [].concat.apply([], groups), scores = null, needles = [];
      parts.forEach(function (part) {
        var s = {}, typed = Array.from(fold(part.word)).length;
        part.found.forEach(function (f) {
          var idf = Math.log(1 + index.docs / Math.max(1, f.docs));
          var similar = f.prefix ? typed / Array.from(f.term).length : 1;
          var bonus = idf * similar * (f.spelling === part.word ? 2 : 1);
          for (var k = 0; k < f.postings.length; k += 2) {
            var v = weight(f.postings[k + 1]) * bonus;
            if (!(s[f.postings[k]] >= v)) s[f.postings[k]] = v;
          }
          needles.push(fold(f.spelling));
        });
        if (scores === null) { scores = s; return; }
        var both = {};
        for (var n in scores) if (n in s) both[n] = scores[n] + s[n];
        scores = both;
      });
      var list = Object.keys(scores || {}).map(Number);
      list.sort(function (a, b) { return scores[b] - scores[a] || b - a; });
      needles = needles.filter(function (n, i) { return n && needles.indexOf(n) === i; });
      needles.sort(function (a, b) { return b.length - a.length; });
      return { index: index, docs: list, needles: needles.slice(0, 50) };
    });
  });
}

function fragment(index, n) {
  var g = Math.floor(n / index.per), file = base + 'f/' + g + '-' + index.frags.substr(g * 8, 8) + '.json.gz';
  if (!frags[file]) frags[file] = getGzip(file);
  return frags[file].then(function (docs) { return docs[n - g * index.per]; });
}
function show(found, results, from) {
  if (from === 0) results.textContent = '';
  if (!found) return;
  if (!found.docs.length) {
    var li = document.createElement('li');
    li.textContent = d.empty;
    results.appendChild(li);
    return;
  }
  var page = found.docs.slice(from, from + PAGE);
  Promise.all(page.map(function (n) { return fragment(found.index, n); })).then(function (docs) {
    var old = results.querySelector('.search-more');
    if (old) old.parentNode.removeChild(old);
    docs.forEach(function (doc) {
      var li = document.createElement('li'), a = document.createElement('a'), p = document.createElement('p');
      a.href = doc[0];
      highlight(a, doc[1], found.needles);
      p.className = 'search-excerpt';
      highlight(p, excerpt(doc[3], found.needles) || doc[2], found.needles);
      li.appendChild(a);
      li.appendChild(p);
      results.appendChild(li);
    });
    if (found.docs.length > from + PAGE && d.more) {
      var more = document.createElement('li'), button = document.createElement('button');
      more.className = 'search-more';
      button.type = 'button';
      button.textContent = d.more;
      button.addEventListener('click', function () {
        var next = results.children[from + PAGE - 1];
        show(found, results, from + PAGE);
        if (next) next.querySelector('a').focus();
      });
      more.appendChild(button);
      results.appendChild(more);
    }
  });
}

function folded(text) {
  var chars = Array.from(text), out = '', at = [], pos = 0;
  chars.forEach(function (c) {
    var f = c.length === 1 && c < '\u00C0' ? c.toLowerCase() : fold(c);
    for (var k = 0; k < f.length; k++) at.push(pos);
    out += f;
    pos += c.length;
  });
  at.push(pos);
  return { text: out, at: at };
}
var WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
function atWord(t, i, n) {
  if (SPACELESS.test(n[0]) || SYLLABIC.test(n)) return true;
  var b = Array.from(t.slice(Math.max(0, i - 2), i)).pop(), a = Array.from(t.slice(i + n.length, i + n.length + 2))[0];
  return !(b && WORD_CHAR.test(b)) && (Array.from(n).length > 1 || !(a && WORD_CHAR.test(a)));
}
function matches(text, needles) {
  var f = folded(text), spans = [];
  needles.forEach(function (n) {
    for (var i = f.text.indexOf(n); i >= 0 && spans.length < 40; i = f.text.indexOf(n, i + 1)) {
      if (!atWord(f.text, i, n)) continue;
      spans.push([f.at[i], f.at[i + n.length]]);
      i += n.length - 1;
    }
  });
  spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  return spans;
}
function excerpt(text, needles) {
  if (!text) return '';
  var spans = matches(text, needles);
  if (!spans.length) return '';
  var start = Math.max(0, spans[0][0] - 60), end = Math.min(text.length, start + 200);
  if (start > 0) { var sp = text.indexOf(' ', start); if (sp > 0 && sp < spans[0][0]) start = sp + 1; }
  return (start > 0 ? '… ' : '') + text.slice(start, end) + (end < text.length ? ' …' : '');
}
function highlight(el, text, needles) {
  var last = 0, spans = [];
  matches(text, needles).forEach(function (s) {
    var top = spans[spans.length - 1];
    if (top && s[0] < top[1]) top[1] = Math.max(top[1], s[1]);
    else spans.push([s[0], s[1]]);
  });
  spans.forEach(function (s) {
    el.appendChild(document.createTextNode(text.slice(last, s[0])));
    var m = document.createElement('mark');
    m.textContent = text.slice(s[0], s[1]);
    el.appendChild(m);
    last = s[1];
  });
  el.appendChild(document.createTextNode(text.slice(last)));
}
})();
