/* The geopark's service worker (served at /sw.js by geopark/offline/views.py, which puts the
 * configuration GEOPARK_OFFLINE above this text). Hand-written, no build step.
 *
 * - Pages (navigations) and JSON: network first. With a network the visitor always gets the live
 *   page, so a hazard notice is never older than the server's; a page saved for offline is then
 *   refreshed in the saved copy. Without a network: the saved copy, marked as such (a <meta> the page
 *   script turns into a banner with its date), else the friendly offline page in the language of the
 *   address.
 * - Other files (styles, scripts, pictures): from the saved copy when there is one and the address
 *   names a file that never changes (hashed static names, renditions, versioned illustrations);
 *   otherwise network first, as pages.
 * - Only what a visitor saved (a route's pack, stored by static/js/offline.js) and the offline pages
 *   are kept: nothing is cached behind the visitor's back. Other origins (map tiles) are not touched.
 */
"use strict";

var CONFIG = self.GEOPARK_OFFLINE;
var SHELL = "geopark-shell-" + CONFIG.version;  // the offline pages and their files, per version
var PACKS = CONFIG.packCache;                     // what visitors saved, kept across versions
var SAVED_AT = "X-Geopark-Saved-At";
var MATCH = { ignoreVary: true };

self.addEventListener("install", function (event) {
  var addresses = Object.keys(CONFIG.offlinePages).map(function (lang) { return CONFIG.offlinePages[lang]; });
  event.waitUntil(
    caches.open(SHELL)
      .then(function (cache) { return cache.addAll(addresses.concat(CONFIG.shell)); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys()
      .then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.indexOf("geopark-shell-") === 0 && name !== SHELL;
        }).map(function (name) { return caches.delete(name); }));
      })
      .then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (CONFIG.passThrough.some(function (prefix) { return url.pathname.indexOf(prefix) === 0; })) { return; }
  if (request.mode === "navigate") {
    event.respondWith(page(request, url));
  } else if (immutable(url)) {
    event.respondWith(savedFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});

function immutable(url) {
  var path = url.pathname;
  if (path.indexOf(CONFIG.mediaUrl) === 0 || CONFIG.immutablePrefixes.some(function (p) { return path.indexOf(p) === 0; })) {
    return true;
  }
  return CONFIG.hashedStatic && path.indexOf(CONFIG.staticUrl) === 0;
}

/* The saved copy of `address`: the exact one, else the small picture saved for a larger one. */
function saved(address) {
  return caches.match(address, MATCH).then(function (found) {
    if (found) { return found; }
    return caches.open(PACKS)
      .then(function (cache) { return cache.match(CONFIG.sameAsKey); })
      .then(function (index) { return index ? index.json() : {}; })
      .then(function (sameAs) {
        var path = new URL(address).pathname;
        return sameAs[path] ? caches.match(sameAs[path], MATCH) : undefined;
      });
  });
}

/* A fresh answer replaces the saved copy of an address the visitor saved (and nothing else). */
function refresh(request, response) {
  if (!response.ok || response.redirected || response.type !== "basic") { return Promise.resolve(); }
  return caches.open(PACKS).then(function (cache) {
    return cache.match(request.url, MATCH).then(function (old) {
      if (!old) { return; }
      return stamp(response).then(function (copy) { return cache.put(request.url, copy); });
    });
  });
}

/* A copy to keep: the body with its type and the moment it was saved (nothing else of the headers:
 * no Vary, no cookies). offline.js saves the same way. */
function stamp(response) {
  return response.blob().then(function (body) {
    var headers = { "Content-Type": response.headers.get("Content-Type") || "application/octet-stream" };
    headers[SAVED_AT] = new Date().toISOString();
    return new Response(body, { status: 200, headers: headers });
  });
}

function page(request, url) {
  return fetch(request).then(function (response) {
    refresh(request, response.clone());
    return response;
  }).catch(function () {
    return saved(request.url).then(function (copy) {
      return copy ? markedAsSaved(copy) : offlinePage(url);
    });
  });
}

/* The saved page, with the moment it was saved as a <meta> that offline.js shows as a banner. */
function markedAsSaved(copy) {
  var when = copy.headers.get(SAVED_AT) || "";
  var type = copy.headers.get("Content-Type") || "text/html; charset=utf-8";
  return copy.text().then(function (html) {
    var mark = '<meta name="geopark-saved-at" content="' + when.replace(/[^0-9TZ:.+-]/g, "") + '">';
    return new Response(html.replace("</head>", mark + "</head>"), { status: 200, headers: { "Content-Type": type } });
  });
}

function offlinePage(url) {
  var lang = url.pathname.split("/")[1];
  var address = CONFIG.offlinePages[lang] || CONFIG.offlinePages[CONFIG.defaultLang];
  return caches.match(address, MATCH).then(function (found) {
    return found || new Response(CONFIG.lastResort, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  });
}

function networkFirst(request) {
  return fetch(request).then(function (response) {
    refresh(request, response.clone());
    return response;
  }).catch(function () {
    return saved(request.url).then(function (copy) { return copy || Response.error(); });
  });
}

function savedFirst(request) {
  return saved(request.url).then(function (copy) { return copy || fetch(request); });
}
