// Facteur's service worker: after one visit the site opens and works with the network off,
// which a classroom's network often is.
//
// `cargo xtask` writes this file into the built site with SHELL filled in: the build's
// identity, every file of the site it keeps at install, and the data files (each
// language's course) it keeps once the page asks for them (xtask/src/site.rs). Each build
// keeps its files in a cache of its own, so a page always runs one build's index.html,
// script and wasm together, never an old script with a new wasm. A new build waits until
// the page says "reload" (a message "skip-waiting"), then takes over and deletes the
// caches of older builds.
const SHELL = __FACTEUR_SHELL__;

// Caches are shared by the whole origin; a school may host two copies of Facteur on one
// server, so a cache's name says which copy (the scope) and which build it belongs to.
const PREFIX = `facteur ${self.registration.scope} `;
const CACHE = PREFIX + SHELL.build;
const INDEX = new URL('index.html', self.registration.scope).href;
const PAGES = [self.registration.scope, INDEX];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // "no-cache" asks the server again (a 304 costs nothing) so an index.html kept by
      // the browser's HTTP cache cannot slip an old build into the new cache.
      cache.addAll(SHELL.files.map((file) => new Request(file, { cache: 'no-cache' }))).then(() =>
        // The course the page has already downloaded (its language) is kept too, from the
        // browser's HTTP cache, without asking the network: the first visit's lessons open
        // offline. A language never fetched is not downloaded here.
        Promise.all(SHELL.data.map((file) =>
          fetch(new Request(file, { cache: 'only-if-cached', mode: 'same-origin' }))
            .then((response) => (response.ok ? cache.put(file, response) : undefined))
            .catch(() => undefined))),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  // Every address of the site is the one page (lessons are in the fragment): the page
  // answers from this build's cache, so it opens offline and matches its script and wasm.
  const url = new URL(request.url);
  const page = PAGES.includes(url.origin + url.pathname);
  // A language's course is kept once the page has asked for it: a learner downloads the
  // lessons of the language they read, and has them offline from then on.
  const data = SHELL.data.some((file) => new URL(file, self.registration.scope).href === url.href);
  // A school's own lessons (lessons/index.txt and the files it lists) change without a new
  // build: asked of the server first, kept for when the network is down.
  const school = url.href.startsWith(new URL('lessons/', self.registration.scope).href);
  if (school) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        fetch(request)
          .then((response) => {
            if (response.ok) cache.put(request, response.clone());
            return response;
          })
          .catch(() => cache.match(request).then((cached) => cached ?? Response.error())),
      ),
    );
    return;
  }
  if (data) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(request).then((cached) =>
          cached ?? fetch(request).then((response) => {
            if (response.ok) cache.put(request, response.clone());
            return response;
          }),
        ),
      ),
    );
    return;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => (page ? cache.match(INDEX) : cache.match(request)))
      .then((cached) => cached ?? fetch(request)),
  );
});
