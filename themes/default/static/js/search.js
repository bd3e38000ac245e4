/* mekong search: offline, per language. The index maps search terms to
   pages; the query is folded (Vietnamese diacritics removed) and split into
   words (Intl.Segmenter for Lao and Khmer) the same way the index was. */
(function () {
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  var d = script.dataset, index = null, loading = null;
  // The box goes into each element marked data-search (the theme's header
  // menu, the 404 page), else at the end of the site header.
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
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    input.addEventListener('focus', load);
    input.addEventListener('input', function () {
      var q = input.value;
      load().then(function () { if (input.value === q) search(q, results); });
    });
  }

  var SEA = /[\u0E00-\u0EFF\u1780-\u17FF\u1000-\u109F]/;
  function fold(w) {
    if (SEA.test(w)) return w.normalize('NFC').toLowerCase();
    return w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }
  function words(q) {
    if (window.Intl && Intl.Segmenter) {
      var out = [];
      var seg = new Intl.Segmenter(d.lang, { granularity: 'word' });
      for (var s of seg.segment(q)) if (s.isWordLike) out.push(fold(s.segment));
      return out;
    }
    return q.split(/\s+/).filter(Boolean).map(fold);
  }
  function postings(term) {
    var exact = index.terms[term];
    if (exact) return exact;
    // No exact word: words that start with it (typing in progress), or words
    // inside it (a Lao or Khmer phrase the browser could not split).
    var found = {}, keys = Object.keys(index.terms);
    keys.forEach(function (k) {
      if (k.indexOf(term) === 0 || (term.length > 2 && k.length > 1 && term.indexOf(k) >= 0)) {
        index.terms[k].forEach(function (n) { found[n] = true; });
      }
    });
    return Object.keys(found).map(Number);
  }
  function search(q, results) {
    var ws = words(q);
    results.textContent = '';
    if (!ws.length) return;
    var hits = null;
    ws.forEach(function (w) {
      var found = postings(w);
      // The browser may split Lao or Khmer differently from the index: a
      // piece the index does not know must not empty the results.
      if (!found.length && SEA.test(w)) return;
      var set = {};
      found.forEach(function (n) { set[n] = true; });
      hits = hits === null ? set : Object.keys(hits).reduce(function (acc, n) { if (set[n]) acc[n] = true; return acc; }, {});
    });
    hits = hits || {};
    // A title that holds the whole query is always a hit.
    var whole = fold(q.trim());
    index.docs.forEach(function (doc, n) { if (whole && fold(doc[1]).indexOf(whole) >= 0) hits[n] = true; });
    var list = Object.keys(hits).map(Number);
    list.sort(function (a, b) {
      var ta = fold(index.docs[a][1]), tb = fold(index.docs[b][1]);
      var sa = ws.filter(function (w) { return ta.indexOf(w) >= 0; }).length;
      var sb = ws.filter(function (w) { return tb.indexOf(w) >= 0; }).length;
      return sb - sa || a - b;
    });
    if (!list.length) {
      var li = document.createElement('li');
      li.textContent = d.empty;
      results.appendChild(li);
      return;
    }
    list.slice(0, 20).forEach(function (n) {
      var doc = index.docs[n], li = document.createElement('li'), a = document.createElement('a');
      a.href = doc[0];
      a.textContent = doc[1];
      li.appendChild(a);
      results.appendChild(li);
    });
  }
  function load() {
    if (!loading) loading = fetch(d.index).then(function (r) { return r.json(); }).then(function (j) { index = j; });
    return loading;
  }
})();
