// The screen player. Plays the playlist inline in index.html at once (no
// network needed, and a ZIP opened from disk plays), then, on a web
// server, asks for playlist.json every `refresh_seconds` and takes a new
// build's playlist at a slide change once its photos and, when they
// changed, its fonts are loaded: never a blank frame. Two slide elements are reused for ever (a screen plays for
// weeks: no growth of the DOM, no listener added per slide).
(function () {
  'use strict';
  var playlist = JSON.parse(document.getElementById('playlist').textContent);
  var pending = null;
  // The next build's font faces, and those added for the current one.
  var pendingFaces = null;
  var added = [];
  var els = document.querySelectorAll('.slide');
  var ticker = document.querySelector('.ticker p');
  var idle = document.querySelector('.idle');
  var visible = 0;
  var step = -1;
  var shown = 0;

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  // Whether a slide plays now: its window in the screen's local time.
  function plays(slide, now) {
    var w = slide.window;
    if (!w) { return true; }
    var day = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
    if (w.from && day < w.from) { return false; }
    if (w.to && day > w.to) { return false; }
    if (w.weekdays && w.weekdays.indexOf(now.getDay()) < 0) { return false; }
    if (w.hours) {
      var m = now.getHours() * 60 + now.getMinutes();
      if (m < w.hours[0] || m >= w.hours[1]) { return false; }
    }
    return true;
  }

  // Every (slide, language) that plays now, each article in each language in turn.
  function sequence(now) {
    var seq = [];
    playlist.slides.forEach(function (s) {
      if (!plays(s, now)) { return; }
      playlist.languages.forEach(function (l) {
        if (s.text[l]) { seq.push({ slide: s, lang: l }); }
      });
    });
    return seq;
  }

  function overflows(el) {
    return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  }

  // Shrinks the title and line until the text box holds them, not below
  // the minimum size; at the minimum, drops words at the end of the line,
  // then of the title, and ends them with an ellipsis.
  function fit(el) {
    var box = el.querySelector('.text');
    var title = el.querySelector('.title');
    var line = el.querySelector('.line');
    var min = window.innerHeight * 0.032;
    title.style.fontSize = '';
    line.style.fontSize = '';
    var t = parseFloat(getComputedStyle(title).fontSize);
    var l = parseFloat(getComputedStyle(line).fontSize);
    while (overflows(box) && (t > min || l > min)) {
      t = Math.max(min, t * 0.92);
      l = Math.max(min, l * 0.92);
      title.style.fontSize = t + 'px';
      line.style.fontSize = l + 'px';
    }
    [line, title].forEach(function (node) {
      while (overflows(box) && node.textContent.length > 1) {
        var text = node.textContent.replace(/\u2026$/, '');
        var cut = text.lastIndexOf(' ');
        // Lao and Khmer have no spaces between words: cut characters.
        text = cut > text.length / 2 ? text.slice(0, cut) : text.slice(0, -Math.max(1, Math.ceil(text.length / 12)));
        node.textContent = text + '\u2026';
      }
    });
  }

  function fill(el, item) {
    var s = item.slide;
    var text = s.text[item.lang];
    el.lang = item.lang;
    el.dataset.slide = s.id;
    el.dataset.lang = item.lang;
    var img = el.querySelector('.photo img');
    if (s.image) {
      img.src = s.image.src;
      img.width = s.image.width;
      img.height = s.image.height;
      img.hidden = false;
    } else {
      img.removeAttribute('src');
      img.hidden = true;
    }
    img.alt = '';
    el.querySelector('.title').textContent = text.title;
    el.querySelector('.line').textContent = text.lines.slice(0, 2).join(' ');
    var qr = el.querySelector('.qr');
    if (text.qr) {
      qr.src = text.qr;
      qr.hidden = false;
    } else {
      qr.removeAttribute('src');
      qr.hidden = true;
    }
    el.querySelector('.scan').textContent = (playlist.scan && playlist.scan[item.lang]) || '';
    var photo = s.image ? img.decode().catch(function () {}) : Promise.resolve();
    return photo;
  }

  // A build's fonts as a key: the files are named by their content.
  function fontKey(p) { return (p.fonts || []).map(function (f) { return f.src; }).join(' '); }

  // The faces of a new build whose fonts differ (its letters may not be
  // in the fonts the page loaded), loaded before its playlist is taken.
  function loadFonts(p) {
    if (fontKey(p) === fontKey(playlist) || typeof FontFace === 'undefined') { return Promise.resolve(null); }
    var faces = p.fonts.map(function (f) {
      return new FontFace('Mekong Screen', 'url("' + f.src + '")', { weight: String(f.weight), unicodeRange: f.range, display: 'block' });
    });
    return Promise.all(faces.map(function (f) { return f.load(); })).then(function () { return faces; });
  }

  function next() {
    if (pending) {
      if (pendingFaces) {
        // Faces added from script come after the page's @font-face rules,
        // so they are the ones used; the previous build's are dropped.
        added.forEach(function (f) { document.fonts.delete(f); });
        pendingFaces.forEach(function (f) { document.fonts.add(f); });
        added = pendingFaces;
      }
      playlist = pending;
      pending = null;
      pendingFaces = null;
      step = -1;
    }
    var seq = sequence(new Date());
    if (!seq.length) {
      idle.hidden = false;
      els[visible].classList.remove('on');
      document.body.dataset.slide = '';
      setTimeout(next, playlist.seconds * 1000);
      return;
    }
    idle.hidden = true;
    step = (step + 1) % seq.length;
    var item = seq[step];
    var hidden = els[1 - visible];
    fill(hidden, item).then(function () {
      fit(hidden);
      hidden.classList.add('on');
      els[visible].classList.remove('on');
      visible = 1 - visible;
      shown += 1;
      document.documentElement.lang = item.lang;
      document.body.dataset.slide = item.slide.id;
      document.body.dataset.lang = item.lang;
      document.body.dataset.shown = String(shown);
      ticker.textContent = playlist.ticker[item.lang] || '';
      ticker.parentNode.lang = item.lang;
      setTimeout(next, playlist.seconds * 1000);
    });
  }

  // A new build: its playlist is taken once every photo it shows loads.
  function refresh() {
    fetch('playlist.json', { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (p) {
        if (!p || p.version === playlist.version || (pending && pending.version === p.version)) { return; }
        return Promise.all(p.assets.filter(function (a) { return /\.(jpe?g|png|webp|svg)$/.test(a); }).map(function (a) {
          return new Promise(function (ok, fail) {
            var i = new Image();
            i.onload = ok;
            i.onerror = fail;
            i.src = a;
          });
        })).then(function () { return loadFonts(p); }).then(function (faces) {
          pendingFaces = faces;
          pending = p;
        });
      })
      .catch(function () { /* offline: keep playing what we have */ });
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.getRegistration().then(function (r) { if (r) { r.update().catch(function () {}); } });
    }
  }

  document.body.className = playlist.width >= playlist.height ? 'landscape' : 'portrait';
  if (location.protocol === 'http:' || location.protocol === 'https:') {
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('sw.js').catch(function () {});
    }
    setInterval(refresh, playlist.refresh_seconds * 1000);
  }
  next();
}());
