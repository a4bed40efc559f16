{% load static %}/* Service worker of the web scanner: keeps the page and its scripts available offline.
   Served at .../manage/attendance/scanner/sw.js so that its scope covers the scanner page. */
const CACHE = "sf-scanner-{{ edition_slug }}-v1";
const SHELL = [
  "./",
  "{% static 'attendance/scanner.js' %}",
  "{% static 'attendance/scanner.css' %}",
  "{% static 'vendor/jsqr/jsQR.js' %}",
  "{% static 'web/css/showfloor.css' %}",
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE && key.startsWith("sf-scanner-{{ edition_slug }}")).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return; // scans go to the network; the page queues them
  const url = new URL(request.url);
  if (url.pathname.startsWith("/api/")) return;
  // Network first, so staff get fresh pages online; the cached copy when offline.
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }))
  );
});
