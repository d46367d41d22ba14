/* A screen in a public place (geopark/screens): rotates the safety notices, events and sites it
   is given, in the screen's languages one round each, and runs unattended for days.

   - One set of DOM nodes, made by the template, is refilled for every slide: nothing is appended
     while it runs, so 24 hours of rotation leave the page as large as it started
     (tests/e2e/test_screens.py counts nodes, listeners and heap).
   - The data comes with the page, then from data.json every few minutes. A failed fetch, a 5xx or
     an answer that is not the expected JSON keeps the last good data (also kept in localStorage)
     and retries later, waiting longer each time; the page never navigates to an error.
   - The page reloads itself once a day and when a deploy changes its files, but only after the
     server has answered: a reload while offline would show the browser's error page.
   - Kiosk mode: a touch opens a menu of big buttons; each opens a public page in a frame with a
     Home button; links leaving the site are not followed; idle for a while, it returns to the loop. */
(function () {
  "use strict";

  var root = document.getElementById("screen");
  if (!root) return;

  var REFRESH_MS = 3 * 60 * 1000;
  var FIRST_RETRY_MS = 15 * 1000;
  var MAX_RETRY_MS = 10 * 60 * 1000;
  var RELOAD_AFTER_MS = 24 * 60 * 60 * 1000;
  var IMAGE_WAIT_MS = 8 * 1000;
  var IDLE_MS = 90 * 1000;

  var dataUrl = root.getAttribute("data-data-url");
  var pageUrl = root.getAttribute("data-page-url");
  var version = root.getAttribute("data-version");
  var kiosk = root.getAttribute("data-mode") === "kiosk";
  var storageKey = "geopark-screen:" + dataUrl;
  var bootedAt = Date.now();

  var el = {
    slide: root.querySelector(".sc-slide"),
    img: root.querySelector(".sc-img"),
    kicker: root.querySelector(".sc-kicker"),
    title: root.querySelector(".sc-title"),
    when: root.querySelector(".sc-when"),
    text: root.querySelector(".sc-text"),
    pinned: root.querySelector(".sc-pinned"),
    stale: root.querySelector(".sc-stale"),
    brand: root.querySelector(".sc-brand"),
    time: root.querySelector(".sc-clock__time"),
    date: root.querySelector(".sc-clock__date"),
    touch: root.querySelector(".sc-touch"),
    langs: root.querySelector(".sc-langs"),
    menu: root.querySelector(".sc-menu"),
    frame: root.querySelector(".sc-frame"),
    holder: root.querySelector(".sc-frame__holder")
  };

  var state = {
    data: null,
    savedAt: 0,
    slide: -1,
    lang: 0,
    failures: 0,
    offAir: "",
    rotateTimer: 0,
    refreshTimer: 0,
    imageTimer: 0,
    idleTimer: 0,
    reloading: false,
    // What the image element should show: the photo, and the drawing to fall back to.
    fallback: ""
  };

  // --- Data --------------------------------------------------------------------------------

  function usable(data) {
    return !!data && typeof data === "object" && Array.isArray(data.slides) &&
      Array.isArray(data.languages) && data.languages.length > 0 &&
      !!data.labels && typeof data.labels === "object" && Array.isArray(data.pinned || []);
  }

  function remember(data) {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify({ savedAt: state.savedAt, data: data }));
    } catch (e) { /* storage full or disabled: memory still holds it */ }
  }

  function recalled() {
    try {
      var kept = JSON.parse(window.localStorage.getItem(storageKey) || "null");
      return kept && usable(kept.data) ? kept : null;
    } catch (e) {
      return null;
    }
  }

  function embedded() {
    var node = document.getElementById("screen-data");
    try {
      var data = node ? JSON.parse(node.textContent) : null;
      return usable(data) ? data : null;
    } catch (e) {
      return null;
    }
  }

  function accept(data) {
    state.data = data;
    state.savedAt = Date.now();
    state.failures = 0;
    state.offAir = "";
    remember(data);
    if (state.lang >= data.languages.length) state.lang = 0;
    showStale();
  }

  function schedule(ms) {
    window.clearTimeout(state.refreshTimer);
    state.refreshTimer = window.setTimeout(refresh, ms);
  }

  function retryDelay() {
    var wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * Math.pow(2, Math.max(0, state.failures - 1)));
    return wait * (0.8 + Math.random() * 0.4);
  }

  function failed() {
    state.failures += 1;
    showStale();
    schedule(retryDelay());
  }

  function refresh() {
    var request;
    try {
      request = window.fetch(dataUrl, { cache: "no-store", credentials: "omit", headers: { Accept: "application/json" } });
    } catch (e) {
      failed();
      return;
    }
    request.then(function (response) {
      if (response.status === 404) {
        // The board switched the screen off (or gave it a new address): say so, keep asking.
        return response.json().then(function (body) {
          state.offAir = (body && body.detail) || " ";
          state.failures = 0;
          showStale();
          render();
          schedule(REFRESH_MS);
        });
      }
      if (!response.ok) throw new Error("status " + response.status);
      return response.json().then(function (data) {
        if (!usable(data)) throw new Error("unexpected data");
        var wasOff = !!state.offAir;
        accept(data);
        if (wasOff) render();
        if (data.version && data.version !== version) return reloadWhenReachable();
        if (Date.now() - bootedAt > RELOAD_AFTER_MS) return reloadWhenReachable();
        schedule(REFRESH_MS);
      });
    }).catch(failed);
  }

  function reloadWhenReachable() {
    if (state.reloading) return;
    state.reloading = true;
    window.fetch(pageUrl, { cache: "no-store", credentials: "omit" }).then(function (response) {
      if (response.ok) {
        window.location.reload();
      } else {
        state.reloading = false;
        schedule(REFRESH_MS);
      }
    }).catch(function () {
      state.reloading = false;
      failed();
    });
  }

  // --- Drawing -----------------------------------------------------------------------------

  function language() {
    var languages = state.data ? state.data.languages : [document.documentElement.lang || "vi"];
    return languages[Math.min(state.lang, languages.length - 1)];
  }

  function label(key) {
    var labels = state.data && state.data.labels[language()];
    return (labels && labels[key]) || "";
  }

  function said(texts) {
    if (!texts) return "";
    var lang = language();
    return texts[lang] || texts[state.data.languages[0]] || "";
  }

  function showStale() {
    if (state.failures > 0 && state.savedAt) {
      var at = new Date(state.savedAt);
      var hhmm = formatTime(at);
      el.stale.textContent = label("saved").replace("%(time)s", hhmm);
      el.stale.hidden = false;
    } else {
      el.stale.hidden = true;
      el.stale.textContent = "";
    }
  }

  function formatTime(date) {
    var zone = state.data && state.data.time_zone;
    try {
      return new Intl.DateTimeFormat(language(), { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: zone || undefined }).format(date);
    } catch (e) {
      return ("0" + date.getHours()).slice(-2) + ":" + ("0" + date.getMinutes()).slice(-2);
    }
  }

  function tick() {
    var now = new Date();
    el.time.textContent = formatTime(now);
    var zone = state.data && state.data.time_zone;
    try {
      el.date.textContent = new Intl.DateTimeFormat(language(), { weekday: "long", day: "numeric", month: "long", timeZone: zone || undefined }).format(now);
    } catch (e) {
      el.date.textContent = "";
    }
  }

  function setImage(photo, drawing) {
    window.clearTimeout(state.imageTimer);
    state.fallback = drawing || "";
    var wanted = photo || drawing || "";
    if (!wanted) {
      el.img.removeAttribute("src");
      el.img.hidden = true;
      return;
    }
    el.img.hidden = false;
    if (el.img.getAttribute("src") !== wanted) el.img.setAttribute("src", wanted);
    if (photo && drawing) {
      // A photo that has not arrived in time gives way to the drawing.
      state.imageTimer = window.setTimeout(function () {
        if (!el.img.complete || !el.img.naturalWidth) useFallback();
      }, IMAGE_WAIT_MS);
    }
  }

  function useFallback() {
    if (state.fallback && el.img.getAttribute("src") !== state.fallback) {
      el.img.setAttribute("src", state.fallback);
    }
  }

  function kickerFor(slide) {
    if (slide.kind === "hazard") return label("safety") + " · " + label(slide.severity);
    if (slide.kind === "event") return slide.today ? label("today") : label("coming");
    return label("featured");
  }

  function render() {
    var lang = language();
    document.documentElement.lang = lang;
    var data = state.data;
    var slides = data && !state.offAir ? data.slides : [];
    var slide = slides.length ? slides[state.slide % slides.length] : null;
    el.slide.className = "sc-slide" + (slide ? " sc-slide--" + slide.kind + (slide.severity ? " sc-slide--" + slide.severity : "") : " sc-slide--welcome");
    el.slide.setAttribute("data-key", slide ? slide.key : "");
    if (slide) {
      el.kicker.textContent = kickerFor(slide);
      el.title.textContent = said(slide.title);
      el.when.textContent = slide.kind === "event" ? [said(slide.when), said(slide.where)].filter(Boolean).join(" · ") : (slide.kind === "hazard" ? said(slide.heading) : "");
      el.text.textContent = said(slide.text);
      setImage(slide.photo || "", slide.illustration || "");
    } else {
      el.kicker.textContent = "";
      el.title.textContent = label("nothing") || document.title;
      el.when.textContent = "";
      el.text.textContent = state.offAir && state.offAir !== " " ? state.offAir : "";
      setImage("", "");
    }
    var pinned = data && !state.offAir ? data.pinned || [] : [];
    if (pinned.length) {
      // The places only: each notice's full text has its own slide, first in the round.
      el.pinned.textContent = "⚠ " + label("danger") + ": " + pinned.map(function (p) {
        return said(p.title);
      }).join(" · ");
      el.pinned.hidden = false;
    } else {
      el.pinned.hidden = true;
      el.pinned.textContent = "";
    }
    el.touch.textContent = kiosk ? label("touch") : "";
    el.brand.textContent = label("brand") || el.brand.textContent;
    drawLanguages();
    tick();
  }

  function drawLanguages() {
    // The list is rebuilt only when the languages change, never per slide.
    var languages = state.data ? state.data.languages : [];
    var wanted = languages.join(",");
    if (el.langs.getAttribute("data-langs") !== wanted) {
      el.langs.textContent = "";
      languages.forEach(function (code) {
        var item = document.createElement("li");
        item.textContent = code.toUpperCase();
        el.langs.appendChild(item);
      });
      el.langs.setAttribute("data-langs", wanted);
    }
    var items = el.langs.children;
    for (var i = 0; i < items.length; i++) {
      items[i].className = i === state.lang ? "is-current" : "";
    }
  }

  function advance() {
    var count = state.data && !state.offAir ? state.data.slides.length : 0;
    state.slide += 1;
    if (count === 0 || state.slide >= count) {
      // One round of every slide per language, in the screen's order.
      state.slide = 0;
      if (state.slide === 0 && state.data) {
        state.lang = (state.lang + 1) % state.data.languages.length;
      }
    }
    render();
    var seconds = (state.data && state.data.screen && state.data.screen.rotation_seconds) || 12;
    window.clearTimeout(state.rotateTimer);
    state.rotateTimer = window.setTimeout(advance, seconds * 1000);
  }

  el.img.onerror = useFallback;
  el.img.onload = function () { window.clearTimeout(state.imageTimer); };

  // --- Kiosk -------------------------------------------------------------------------------

  function firstLabel(key) {
    var labels = state.data && state.data.labels[state.data.languages[0]];
    return (labels && labels[key]) || key;
  }

  function poke() {
    window.clearTimeout(state.idleTimer);
    state.idleTimer = window.setTimeout(backToLoop, IDLE_MS);
  }

  function openMenu() {
    var links = (state.data && state.data.links) || {};
    Array.prototype.forEach.call(el.menu.querySelectorAll("[data-link]"), function (a) {
      var key = a.getAttribute("data-link");
      a.textContent = firstLabel(key);
      a.setAttribute("href", links[key] || "#");
      a.hidden = !links[key];
    });
    Array.prototype.forEach.call(root.querySelectorAll(".sc-home"), function (b) {
      b.textContent = "⌂ " + firstLabel("home");
    });
    el.menu.hidden = false;
    poke();
  }

  function closeFrame() {
    el.holder.textContent = ""; // the frame and its page go, with their memory
    el.frame.hidden = true;
  }

  function backToLoop() {
    window.clearTimeout(state.idleTimer);
    closeFrame();
    el.menu.hidden = true;
  }

  function sameSite(href) {
    try {
      return new URL(href, window.location.href).origin === window.location.origin;
    } catch (e) {
      return false;
    }
  }

  function guard(frame) {
    // Same-origin pages only: their links that leave the site, or open a window, go nowhere.
    var doc;
    try {
      doc = frame.contentDocument;
      if (!doc || !sameSite(frame.contentWindow.location.href)) throw new Error("elsewhere");
    } catch (e) {
      backToLoop();
      return;
    }
    doc.addEventListener("click", function (event) {
      poke();
      var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
      if (link && (!sameSite(link.href) || link.target === "_blank" || link.hasAttribute("download"))) {
        event.preventDefault();
      }
    }, true);
    ["pointerdown", "keydown", "scroll", "touchstart"].forEach(function (name) {
      doc.addEventListener(name, poke, { capture: true, passive: true });
    });
  }

  function openFrame(href) {
    if (!sameSite(href)) return;
    if (state.failures > 0) return; // offline: the page would not come; stay on the menu
    closeFrame();
    var frame = document.createElement("iframe");
    frame.className = "sc-frame__page";
    // No popups, no navigation of the screen itself, no downloads.
    frame.setAttribute("sandbox", "allow-same-origin allow-scripts allow-forms");
    frame.setAttribute("title", firstLabel("home"));
    frame.addEventListener("load", function () { guard(frame); });
    frame.src = href;
    el.holder.appendChild(frame);
    el.menu.hidden = true;
    el.frame.hidden = false;
    poke();
  }

  if (kiosk && el.menu && el.frame) {
    root.addEventListener("click", function (event) {
      var target = event.target;
      var link = target.closest ? target.closest("[data-link]") : null;
      if (link) {
        event.preventDefault();
        openFrame(link.href);
        return;
      }
      if (target.closest && target.closest(".sc-home")) {
        backToLoop();
        return;
      }
      if (el.menu.hidden && el.frame.hidden) openMenu();
      else poke();
    });
  }

  // --- Start -------------------------------------------------------------------------------

  var first = embedded();
  if (first) {
    accept(first);
  } else {
    var kept = recalled();
    if (kept) {
      state.data = kept.data;
      state.savedAt = kept.savedAt || 0;
      state.failures = 1;
    }
  }
  state.lang = 0;
  state.slide = -1;
  advance();
  // The clock changes at each minute: one timer a minute, set for the next minute's start.
  (function minute() {
    window.setTimeout(function () { tick(); minute(); }, 60000 - (Date.now() % 60000) + 50);
  })();
  schedule(first ? REFRESH_MS : 0);
})();
