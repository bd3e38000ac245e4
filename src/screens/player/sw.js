// The screen's service worker: the player plays on without a network.
// The page, its script and the playlist are fetched network-first and the
// last good copy answers when the network is gone; photos, QR codes and
// fonts (content-named, so a name never changes meaning) come from the
// cache first. One cache per build; a new build's worker drops the older
// ones once it has everything, so the cache does not grow.
'use strict';
const BUILD = '__BUILD__';
const CACHE = 'mekong-screen-' + BUILD;
const SHELL = ['./', 'index.html', 'player.js', 'player.css', 'playlist.json'];
const ASSETS = __ASSETS__;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(SHELL.concat(ASSETS)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith('mekong-screen-') && k !== CACHE)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

function networkFirst(request) {
  return fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }).catch(() => caches.match(request, { ignoreSearch: true })
    .then((hit) => hit || Response.error()));
}

function cacheFirst(request) {
  return caches.match(request).then((hit) => hit || fetch(request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  }));
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  // Only this screen's own files; the player asks for nothing else.
  if (event.request.method !== 'GET' || url.origin !== self.location.origin
      || !url.pathname.startsWith(new URL('./', self.location).pathname)) {
    return;
  }
  event.respondWith(url.pathname.includes('/assets/')
    ? cacheFirst(event.request)
    : networkFirst(event.request));
});
