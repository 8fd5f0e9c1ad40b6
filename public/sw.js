// The guide's service worker: after one visit, the guide opens with no network.
//
// - On install it saves every file of this release (the list below) in one cache, with
//   cache.addAll: all of them or none. Each request carries the file's SHA-256
//   (Subresource Integrity), so a copy that does not match this release is refused
//   instead of saved. It then notes when the copy was saved.
// - The cache is named after the release's version (a hash of every file's bytes), and
//   activating a new release deletes the caches of older ones, so versions never mix.
// - The page itself (navigations) and the other un-hashed files, content/guide.json
//   included, come from the network first, so a reader online always gets the current
//   release; the saved copy is used only when the network fails. Files whose names carry
//   their content's hash (trunk's name-<hash>.ext) come from the cache first: their bytes
//   never change.
// - Requests to other sites, and anything not in the list, are left alone.
// - When it answers the page from the saved copy, it remembers that for the new page;
//   offline.js asks, and shows the "saved copy" notice with the date.
'use strict';

// Filled in by tools/service-worker.js after a release build: { version, files: [{ path,
// integrity, immutable }] }, paths relative to this file. Left null in debug builds
// (`trunk serve`): then this worker saves nothing, answers nothing and removes itself.
const BUILD = null; // @build

const SCOPE = self.registration.scope;
const CACHE_PREFIX = `ketamine-guide:${SCOPE}:`;
const CACHE = BUILD ? CACHE_PREFIX + BUILD.version : null;
// A small entry of our own in the cache: when this copy was saved.
const SAVED_AT_KEY = new URL('__saved-at', SCOPE).href;
const INDEX = new URL('index.html', SCOPE).href;
const SCOPE_PATH = new URL(SCOPE).pathname;

// url (no query) -> { integrity, immutable }
const FILES = new Map(
  (BUILD ? BUILD.files : []).map((f) => [new URL(f.path, SCOPE).href, f]),
);

// Pages (client ids) this worker answered from the saved copy.
const fromCache = new Set();

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      if (BUILD) {
        // Start from an empty cache, in case an earlier attempt stopped half-way.
        await caches.delete(CACHE);
        const cache = await caches.open(CACHE);
        try {
          await cache.addAll(
            BUILD.files.map(
              (f) =>
                new Request(new URL(f.path, SCOPE).href, {
                  integrity: f.integrity,
                  // A hashed name always holds the same bytes: the copy this visit just
                  // downloaded will do. The others are checked with the server.
                  cache: f.immutable ? 'default' : 'no-cache',
                  credentials: 'same-origin',
                }),
            ),
          );
        } catch (error) {
          // A file is missing or is not this release's (a release half-published): save
          // nothing. The browser tries again on a later visit.
          await caches.delete(CACHE);
          throw error;
        }
        await cache.put(
          SAVED_AT_KEY,
          new Response(JSON.stringify({ savedAt: new Date().toISOString(), version: BUILD.version }), {
            headers: { 'Content-Type': 'application/json' },
          }),
        );
      }
      // A new release takes over at once. The page already open keeps working: it has
      // loaded everything it needs, and the files it may ask for again (content/guide.json)
      // come from the network first anyway.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      if (!BUILD) {
        await self.registration.unregister();
        return;
      }
      // Lets the browser start the page's request while this worker starts up.
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  if (!BUILD) return;
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Never another site's, whatever it is.
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate') {
    if (url.pathname === SCOPE_PATH || url.href.split(/[?#]/)[0] === INDEX) {
      event.respondWith(page(event));
    }
    return;
  }
  const key = url.search ? null : url.origin + url.pathname;
  const file = key && FILES.get(key);
  if (!file) return;
  event.respondWith(file.immutable ? cacheFirst(request, key) : networkFirst(event, key));
});

async function fromSavedCopy(key) {
  const cache = await caches.open(CACHE);
  return cache.match(key);
}

/** The page: the network's answer; the saved copy when the network fails. */
async function page(event) {
  try {
    const preloaded = await event.preloadResponse;
    if (preloaded) return preloaded;
    return await fetch(event.request);
  } catch (error) {
    const saved = await fromSavedCopy(INDEX);
    if (!saved) throw error;
    if (event.resultingClientId) fromCache.add(event.resultingClientId);
    return saved;
  }
}

/** content/guide.json and other un-hashed files: the network first, then the saved copy. */
async function networkFirst(event, key) {
  try {
    return await fetch(event.request);
  } catch (error) {
    const saved = await fromSavedCopy(key);
    if (!saved) throw error;
    if (event.clientId && !fromCache.has(event.clientId)) {
      fromCache.add(event.clientId);
      // The page may already have asked: tell it.
      const client = await self.clients.get(event.clientId);
      if (client) client.postMessage({ type: 'ketamine-guide:saved-copy', savedAt: await savedAt() });
    }
    return saved;
  }
}

/** Hashed files: the saved copy first; the network if it is missing. */
async function cacheFirst(request, key) {
  return (await fromSavedCopy(key)) || fetch(request);
}

async function savedAt() {
  const entry = await fromSavedCopy(SAVED_AT_KEY);
  if (!entry) return null;
  try {
    return (await entry.json()).savedAt || null;
  } catch {
    return null;
  }
}

// offline.js asks, through a MessageChannel: did this page come from the saved copy?
self.addEventListener('message', (event) => {
  const port = event.ports && event.ports[0];
  if (!port || !event.data || event.data.type !== 'ketamine-guide:saved-copy?') return;
  const id = event.source && event.source.id;
  event.waitUntil(
    (async () => {
      port.postMessage({
        fromCache: Boolean(BUILD && id && fromCache.has(id)),
        savedAt: BUILD ? await savedAt() : null,
      });
    })(),
  );
});
