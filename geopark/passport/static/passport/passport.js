/* The geo-passport on the phone: stamps, answers and badges kept in localStorage (no account),
   checked here without a connection (the page ships its sites, routes and salted answer hashes),
   and anonymous beacons to the board's counts when the phone is online. Used by the passport page
   and by a site page's stamp panel. */
(function () {
  "use strict";
  var KEY = "geopark.passport.v1";
  var MAX_PENDING = 100;
  var ACCURACY_ALLOWANCE_M = 100; // the phone's own uncertainty is forgiven up to this much
  var dataEl = document.getElementById("passport-data");
  var stringsEl = document.getElementById("passport-strings");
  if (!dataEl || !stringsEl) return;
  var data = JSON.parse(dataEl.textContent);
  var strings = JSON.parse(stringsEl.textContent);
  var answers = window.GeoparkPassportAnswers;
  var lang = document.documentElement.lang || "vi";
  var sites = {};
  data.sites.forEach(function (s) { sites[s.code] = s; });

  function load() {
    var s;
    try { s = JSON.parse(localStorage.getItem(KEY) || "{}") || {}; } catch (e) { s = {}; }
    if (typeof s !== "object") s = {};
    s.stamps = s.stamps || {};
    s.badges = s.badges || {};
    s.pending = Array.isArray(s.pending) ? s.pending : [];
    return s;
  }
  var state = load();
  function save() {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: this visit only */ }
  }

  function kids() { return !!state.kids; }
  function t(name, values) {
    var text = (kids() && strings[name + "_kids"]) || strings[name] || "";
    return text.replace(/%\((\w+)\)s/g, function (m, k) { return values && k in values ? values[k] : m; });
  }
  function day(iso) {
    try {
      return new Date(iso).toLocaleDateString(lang === "zh" ? "zh-CN" : lang, { day: "numeric", month: "long", year: "numeric" });
    } catch (e) { return iso.slice(0, 10); }
  }
  function distanceText(m) {
    var nf = new Intl.NumberFormat(lang === "zh" ? "zh-CN" : lang, { maximumFractionDigits: m >= 10000 ? 0 : 1 });
    return m >= 1000 ? nf.format(m / 1000) + " km" : Math.round(m) + " m";
  }
  function metres(lat1, lon1, lat2, lon2) {
    var r = 6371008.8, rad = Math.PI / 180;
    var dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    var a = Math.sin(dlat / 2) * Math.sin(dlat / 2) +
      Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dlon / 2) * Math.sin(dlon / 2);
    return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
  }
  function questionFor(code) {
    var q = (data.questions || {})[code];
    if (!q) return null;
    return kids() ? (q.kids || q.everyone) : (q.everyone || q.kids);
  }

  // Beacons: only the site's code, how, whether answered; or a route's number. No identifier,
  // no cookie (credentials: "omit"). Kept while offline and sent when the phone is online again.
  // One beacon at a time: two at once are two writes racing for the database, and on a weak
  // signal a second request only slows the first. A 429, a 5xx or no answer waits and tries again
  // while the page stays open (2 s, 4 s, … up to a minute); the rest wait for the next page.
  var sending = false, retryTimer = null, retryDelay = 2000;
  function flush(all) {
    if (!data.beacon || navigator.onLine === false || sending) return;
    var item = state.pending.filter(function (p) { return all || !p.hold; })[0];
    if (!item) return;
    sending = true;
    function again() {
      sending = false;
      if (retryTimer) return;
      retryTimer = setTimeout(function () { retryTimer = null; flush(all); }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 60000);
    }
    fetch(data.beacon[item.kind], {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(item.body),
      credentials: "omit", keepalive: true, cache: "no-store", referrerPolicy: "no-referrer"
    }).then(function (r) {
      // Counted, or refused for good (an unknown site): either way not sent again. 429 and 5xx wait.
      if (r.ok || (r.status >= 400 && r.status < 500 && r.status !== 429)) {
        state = load();
        state.pending = state.pending.filter(function (p) { return p.id !== item.id; });
        save();
        sending = false;
        retryDelay = 2000;
        flush(all);
      } else {
        again();
      }
    }, again);
  }
  function queue(kind, body, hold) {
    state.pending.push({ id: Date.now() + "-" + Math.random().toString(36).slice(2), kind: kind, body: body, hold: !!hold });
    if (state.pending.length > MAX_PENDING) state.pending = state.pending.slice(-MAX_PENDING);
  }

  function checkBadges(card) {
    (data.routes || []).forEach(function (route) {
      if (state.badges[route.number] || !route.sites.length) return;
      var done = route.sites.every(function (code) { return state.stamps[code]; });
      if (done) {
        state.badges[route.number] = new Date().toISOString();
        queue("badges", { route: route.number }, false);
        if (card) say(card, t("badge", { route: route.name }), true);
      }
    });
  }

  function collect(code, method, card) {
    if (state.stamps[code]) return false;
    state.stamps[code] = { at: new Date().toISOString(), method: method, answered: false };
    // Held until the question is answered or skipped, so the one beacon says whether it was.
    queue("stamps", { site: code, method: method, answered: false }, !!questionFor(code));
    if (card) say(card, t("collected"));
    checkBadges(card);
    save();
    render();
    flush(false);
    return true;
  }

  function answered(code) {
    var stamp = state.stamps[code];
    if (!stamp) return;
    stamp.answered = true;
    state.pending.forEach(function (item) {
      if (item.kind === "stamps" && item.body.site === code) { item.body.answered = true; item.hold = false; }
    });
    save();
    render();
    flush(false);
  }
  function release(code) {
    state.pending.forEach(function (item) { if (item.kind === "stamps" && item.body.site === code) item.hold = false; });
    save();
    flush(false);
  }

  function part(card, role) { return card.querySelector('[data-role="' + role + '"]'); }
  function say(card, text, append) {
    var el = part(card, "message");
    el.textContent = append && el.textContent ? el.textContent + " " + text : text;
  }

  function render() {
    document.documentElement.classList.toggle("passport-kids", kids());
    document.querySelectorAll("[data-stamp-site]").forEach(function (card) {
      var code = card.getAttribute("data-stamp-site");
      var stamp = state.stamps[code];
      var q = questionFor(code);
      card.classList.toggle("is-collected", !!stamp);
      card.classList.toggle("is-answered", !!(stamp && stamp.answered));
      var status = part(card, "status");
      if (stamp) {
        status.textContent = (kids() ? t("status_kids") : t(stamp.method === "scan" ? "status_scan" : "status_location", { date: day(stamp.at) })) +
          (stamp.answered ? " ★ " + t("answered") : "");
      } else {
        status.textContent = t("status_none");
      }
      part(card, "actions").hidden = !!stamp;
      var form = part(card, "question");
      form.hidden = !(stamp && !stamp.answered && q);
      if (q) part(card, "question-text").textContent = q.text;
    });
    var stamps = Object.keys(state.stamps).filter(function (c) { return sites[c]; }).length;
    (data.routes || []).forEach(function (route) {
      var n = route.sites.filter(function (c) { return state.stamps[c]; }).length;
      var bar = document.querySelector('[data-route-bar="' + route.number + '"]');
      if (bar) bar.value = n;
      var text = document.querySelector('[data-route-progress="' + route.number + '"]');
      if (text) text.textContent = n + " / " + route.sites.length;
      var badge = document.querySelector('[data-badge="' + route.number + '"]');
      if (badge) {
        var at = state.badges[route.number];
        badge.classList.toggle("is-earned", !!at);
        part(badge, "badge-state").textContent = at ? t("earned", { date: day(at) }) : t("not_earned");
      }
    });
    var summary = document.querySelector("[data-summary]");
    if (summary) {
      summary.textContent = t("summary", {
        stamps: stamps, sites: data.sites.length,
        badges: (data.routes || []).filter(function (r) { return state.badges[r.number]; }).length,
        routes: (data.routes || []).length
      });
    }
    var toggle = document.querySelector('[data-action="kids"]');
    if (toggle) { toggle.hidden = false; toggle.setAttribute("aria-pressed", kids() ? "true" : "false"); }
  }

  function locate(card, code) {
    var site = sites[code];
    if (!navigator.geolocation) { say(card, t("no_geolocation")); return; }
    say(card, t("locating"));
    navigator.geolocation.getCurrentPosition(function (pos) {
      var d = metres(pos.coords.latitude, pos.coords.longitude, site.lat, site.lon);
      var slack = Math.min(pos.coords.accuracy || 0, ACCURACY_ALLOWANCE_M);
      if (d - slack <= site.radius) {
        collect(code, "location", card);
      } else {
        say(card, t("too_far", { distance: distanceText(d), radius: distanceText(site.radius) }));
      }
    }, function (error) {
      say(card, error.code === 1 ? t("denied") : t("no_fix"));
    // A fresh fix each time: the visitor may just have walked closer.
    }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    if (!button) return;
    var action = button.getAttribute("data-action");
    if (action === "kids") {
      state.kids = !state.kids;
      save();
      render();
      return;
    }
    var card = button.closest("[data-stamp-site]");
    if (!card) return;
    var code = card.getAttribute("data-stamp-site");
    var consent = part(card, "consent");
    if (action === "ask") { consent.hidden = false; button.hidden = true; consent.querySelector("button").focus(); }
    else if (action === "cancel") { consent.hidden = true; card.querySelector('[data-action="ask"]').hidden = false; }
    else if (action === "locate") { consent.hidden = true; card.querySelector('[data-action="ask"]').hidden = false; locate(card, code); }
    else if (action === "skip") { part(card, "question").hidden = true; say(card, ""); release(code); }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target.closest('[data-role="question"]');
    if (!form) return;
    event.preventDefault();
    var card = form.closest("[data-stamp-site]");
    var code = card.getAttribute("data-stamp-site");
    var q = questionFor(code);
    var input = form.querySelector("input");
    if (!q || !answers) return;
    answers.answerHash(q.salt, input.value).then(function (hash) {
      if (q.hashes.indexOf(hash) >= 0) { answered(code); say(card, t("right")); }
      else { say(card, t("wrong")); input.select(); }
    }, function () { say(card, t("no_crypto")); });
  });

  window.addEventListener("online", function () { flush(true); });
  window.addEventListener("pagehide", function () { flush(true); });

  flush(true); // what earlier pages left unsent

  // Reached from the signboard: the short address /s/<code> leads here with "#stamp". A click on
  // the short link printed on this very page (same-site referrer) is not a visit to the board.
  var fromHere = document.referrer && document.referrer.indexOf(location.origin + "/") === 0;
  if (location.hash === "#stamp" && data.sites.length === 1 && !fromHere) {
    var card = document.querySelector('[data-stamp-site="' + data.sites[0].code + '"]');
    if (!collect(data.sites[0].code, "scan", card) && card) say(card, t("collected"));
    history.replaceState(null, "", location.pathname + location.search);
  }
  render();
})();
