/* The installable app on the page side (geopark/offline): registers the service worker (/sw.js),
 * saves a route's pack for offline reading ("Save for offline" on a route's page), shows the
 * saved-copy banner on a page the service worker answered from the saved copy, and lists the saved
 * routes on the offline page. Its words come from its own script tag (templates: offline/head.html),
 * so they are in the page's language. Without service workers it does nothing and the button stays
 * hidden. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator) || !window.caches || !window.fetch) { return; }
  var T = script.dataset;
  var LANG = T.lang || document.documentElement.lang || "vi";
  var PACKS = "geopark-offline-v1";        // the same name as the service worker's (views.PACK_CACHE)
  var SAME_AS = "/offline/same-as.json";   // which small picture answers for a larger one
  var SAVED_AT = "X-Geopark-Saved-At";
  var STORE = "geopark.offline.packs";     // localStorage: what was saved, shown on the pages
  var AGE_TO_REFRESH = 60 * 60 * 1000;     // a saved route older than this is refreshed when online
  var AT_ONCE = 4;                         // files fetched at the same time while saving

  navigator.serviceWorker.register(T.sw, { scope: "/" }).catch(function () {});

  function when(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) { return ""; }
    try {
      return new Intl.DateTimeFormat(LANG, { dateStyle: "medium", timeStyle: "short" }).format(date);
    } catch (e) { return date.toLocaleString(); }
  }

  function fill(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function packs() {
    try { return JSON.parse(localStorage.getItem(STORE) || "{}") || {}; } catch (e) { return {}; }
  }

  function remember(key, record) {
    var all = packs();
    all[key] = record;
    try { localStorage.setItem(STORE, JSON.stringify(all)); } catch (e) { /* private mode: the copy is still saved */ }
  }

  /* ---- The banner on a saved copy ------------------------------------------------------------ */
  function savedBanner() {
    var meta = document.querySelector('meta[name="geopark-saved-at"]');
    var main = document.getElementById("main");
    if (!meta || !main) { return; }
    var box = document.createElement("div");
    box.className = "container offline-banner";
    var note = document.createElement("p");
    note.className = "notice notice--info";
    note.setAttribute("role", "status");
    note.textContent = fill(T.tSavedCopy, { date: when(meta.content) });
    box.appendChild(note);
    main.insertBefore(box, main.firstChild);
  }

  /* ---- Saving a route ------------------------------------------------------------------------ */
  function stamp(response, at) {
    return response.blob().then(function (body) {
      var headers = { "Content-Type": response.headers.get("Content-Type") || "application/octet-stream" };
      headers[SAVED_AT] = at;
      return new Response(body, { status: 200, headers: headers });
    });
  }

  function save(pack, onProgress) {
    var at = new Date().toISOString(), done = 0, files = pack.files.slice(), total = files.length;
    return caches.open(PACKS).then(function (cache) {
      function one(address) {
        return fetch(address, { credentials: "same-origin", cache: "no-cache" }).then(function (response) {
          if (!response.ok) { throw new Error("HTTP " + response.status + " for " + address); }
          return stamp(response, at);
        }).then(function (copy) {
          return cache.put(address, copy);
        }).then(function () {
          done += 1;
          onProgress(done, total);
        });
      }
      function worker() {
        var next = files.shift();
        return next === undefined ? Promise.resolve() : one(next).then(worker);
      }
      var workers = [];
      for (var i = 0; i < AT_ONCE; i++) { workers.push(worker()); }
      return Promise.all(workers).then(function () {
        return cache.match(SAME_AS).then(function (found) { return found ? found.json() : {}; }).then(function (sameAs) {
          Object.keys(pack.same_as || {}).forEach(function (k) { sameAs[k] = pack.same_as[k]; });
          return cache.put(SAME_AS, new Response(JSON.stringify(sameAs), { headers: { "Content-Type": "application/json" } }));
        });
      });
    }).then(function () {
      // The pages of the pack: the addresses under the language, not its files.
      var pages = pack.files.filter(function (a) { return a.indexOf("/" + pack.lang + "/") === 0; }).length;
      return { savedAt: at, pages: pages, files: total };
    });
  }

  function saveButton(panel) {
    var button = panel.querySelector("[data-offline-button]");
    var bar = panel.querySelector("[data-offline-progress]");
    var status = panel.querySelector("[data-offline-status]");
    var key = LANG + ":" + panel.dataset.route;
    var busy = false;

    function showSaved(record) {
      status.textContent = fill(record.pages === 1 ? T.tDoneOne : T.tDoneOther, { date: when(record.savedAt), count: record.pages });
      button.textContent = T.tUpdate;
    }

    function run(quiet) {
      if (busy) { return; }
      busy = true;
      button.disabled = true;
      if (!quiet) { bar.hidden = false; bar.value = 0; }
      fetch(panel.dataset.pack, { credentials: "same-origin", cache: "no-cache", headers: { Accept: "application/json" } })
        .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
        .then(function (pack) {
          return save(pack, function (n, total) {
            if (quiet) { return; }
            bar.max = total;
            bar.value = n;
            status.textContent = fill(T.tProgress, { n: n, total: total });
          }).then(function (result) {
            var record = { number: pack.number, name: pack.name, url: pack.url, lang: pack.lang, savedAt: result.savedAt, pages: result.pages };
            remember(key, record);
            showSaved(record);
          });
        })
        .catch(function (error) {
          if (!quiet) { status.textContent = error && error.name === "QuotaExceededError" ? T.tNoRoom : T.tFailed; }
        })
        .then(function () { busy = false; button.disabled = false; bar.hidden = true; });
    }

    panel.hidden = false;
    button.addEventListener("click", function () { run(false); });
    var record = packs()[key];
    if (record) {
      showSaved(record);
      // Back online with an old copy: refresh it quietly, so the saved route follows the live one.
      var stale = function () { return navigator.onLine && Date.now() - new Date(record.savedAt).getTime() > AGE_TO_REFRESH; };
      if (stale() && !document.querySelector('meta[name="geopark-saved-at"]')) { run(true); }
      window.addEventListener("online", function () { if (stale()) { run(true); } });
    }
  }

  /* ---- The offline page: what is saved on this phone --------------------------------------- */
  function savedList(section) {
    var list = section.querySelector("[data-offline-saved-list]");
    var records = Object.keys(packs()).map(function (k) { return packs()[k]; }).filter(function (r) { return r && r.lang === LANG; });
    if (!records.length) { return; }
    records.sort(function (a, b) { return a.number - b.number; });
    records.forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = r.url;
      link.textContent = fill(list.dataset.tItem, { name: r.name, date: when(r.savedAt) });
      item.appendChild(link);
      list.appendChild(item);
    });
    section.hidden = false;
  }

  function start() {
    savedBanner();
    var panel = document.querySelector("[data-offline-save]");
    if (panel) { saveButton(panel); }
    var section = document.querySelector("[data-offline-saved]");
    if (section) { savedList(section); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
