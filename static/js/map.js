/* Geopark maps: the full map, the home overview, a site's location and a route's line.
 * Vanilla JS on top of the vendored Leaflet (and markercluster on the full map and the overview).
 * Everything the script needs comes from data- attributes on the map element and on its own script
 * tag (templates/includes/map_script.html); there is no inline script.
 * With no tile URL, or a tile server that does not answer, the map keeps a light background and
 * still draws the sites and routes. */
(function () {
  "use strict";
  if (!document.querySelector || !window.Promise) { return; }
  // Leaflet and the cluster plugin come from this tag's data- attributes: they are fetched only for
  // a map that is about to be seen, so pages whose map sits far down (home, site, route) cost a
  // phone nothing until the reader gets there. A page that already loads them (the full map) wins.
  var ASSETS = (document.currentScript || {}).dataset || {};
  // The site's own style sheet: Leaflet's go before it, so that site.css keeps the last word over
  // Leaflet's defaults, as when they were linked in the head.
  var SITE_CSS = document.querySelector('link[rel="stylesheet"]');

  // The kinds' glyphs (static/img/map-kinds.svg), drawn on the pins and in the full map's legend.
  var KIND_ICONS = ASSETS.kindIcons || "";
  // From this zoom on, pins carry their names (below it they would cover one another).
  var NAMES_ZOOM = 12;

  var CENTRE = [21.85, 106.6];
  var PINNED = { surveyed: true, published: true };
  var DEFAULT_COLOUR = { fill: "#1d5e40", outline: "#0f3324", text: "#ffffff" };

  function esc(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function strings(el) {
    var d = el.dataset;
    return {
      area: d.tArea || "Approximate area: commune",
      open: d.tOpen || "Open the page",
      stop: d.tStop || "Stop",
      error: d.tError || "The map data could not be loaded.",
      pins: d.tPins || "located places",
      areas: d.tAreas || "approximate areas",
      uncertainty: d.tUncertainty || "Position uncertain within",
      route: d.tRoute || "Route",
      estimate: d.tEstimate || "schematic line",
      hazard: { info: d.tHazardInfo || "Notice for visitors", caution: d.tHazardCaution || "Caution: see the warning", danger: d.tHazardDanger || "Danger: see the warning" }
    };
  }

  function colours(el) {
    try { return JSON.parse(el.dataset.routeColours || "{}"); } catch (e) { return {}; }
  }

  function colourOf(table, number) { return table[String(number)] || DEFAULT_COLOUR; }

  /* Resolves in a later task: long work is cut in pieces so the page can answer a tap in between. */
  function nextTask(value) {
    return new Promise(function (resolve) { setTimeout(function () { resolve(value); }, 0); });
  }

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status + " for " + url); }
      return r.json();
    });
  }

  /* Every page of the sites' GeoJSON: `onPage` gets each collection as it arrives, and the next
   * is fetched only then (the `next` link), so a big inventory fills the map in a page at a time.
   * Resolves with the first page (enough to draw); `.complete` resolves after the last. */
  var SITE_PAGE_SIZE = 500;  // the API's largest page: few requests for a big inventory
  function getSitePages(el, onPage) {
    var first = getJSON(apiUrl(el, "/sites.geojson?limit=" + SITE_PAGE_SIZE));
    function follow(collection) {
      onPage(collection);
      var next = (collection.links || []).filter(function (l) { return l.rel === "next" && l.href; })[0];
      return next ? nextTask().then(function () { return getJSON(next.href); }).then(follow) : collection;
    }
    var complete = first.then(follow);
    complete.catch(function () {});  // callers report failures; this only keeps it from being "unhandled"
    return { first: first, complete: complete };
  }

  function apiUrl(el, path) {
    var base = (el.dataset.api || "/api/v1").replace(/\/$/, "");
    return base + path + (path.indexOf("?") < 0 ? "?" : "&") + "lang=" + encodeURIComponent(el.dataset.lang || "vi");
  }

  function showError(el, text) {
    var box = document.createElement("p");
    box.className = "map__error";
    box.setAttribute("role", "alert");
    box.textContent = text;
    el.appendChild(box);
  }

  /* A Leaflet map in `el`, with the tile layer when one is configured. */
  function baseMap(el, options) {
    el.classList.add("is-live");
    var map = L.map(el, Object.assign({ zoomControl: true, attributionControl: true, minZoom: 5, maxZoom: 18 }, options || {}));
    // Approximate areas lie under the route lines (overlay pane, 400) and the pins (600).
    map.createPane("areas").style.zIndex = 350;
    var url = el.dataset.tileUrl;
    if (url) {
      L.tileLayer(url, { attribution: el.dataset.tileAttribution || "", maxZoom: 18 }).addTo(map);
    }
    map.setView(CENTRE, 8);
    return map;
  }

  function geoparkBounds(el) {
    var b = (el.dataset.bounds || "").split(",").map(Number);
    if (b.length === 4 && b.every(isFinite)) { return L.latLngBounds([b[0], b[1]], [b[2], b[3]]); }
    return null;
  }

  /* Route 4 is white: every line is drawn as a wider outline under its fill so it reads on a map. */
  function routeLine(latlngs, c) {
    return L.featureGroup([
      L.polyline(latlngs, { color: c.outline, weight: 8, opacity: 0.95, lineCap: "round", lineJoin: "round", interactive: false, className: "route-line-outline" }),
      L.polyline(latlngs, { color: c.fill, weight: 4.5, opacity: 1, lineCap: "round", lineJoin: "round", className: "route-line" })
    ]);
  }

  function siteIcon(precision) {
    return L.divIcon({ className: "site-marker site-marker--" + precision, html: "<span></span>", iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -10] });
  }

  /* A pin showing the kind of place (heritage SiteType) by its glyph and colour (site.css). */
  function kindIcon(kind) {
    var k = esc(kind || "other");
    var glyph = KIND_ICONS ? '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><use href="' + esc(KIND_ICONS) + "#kind-" + k + '"></use></svg>' : "";
    return L.divIcon({ className: "site-marker", html: '<span class="site-pin site-pin--' + k + '">' + glyph + "</span>", iconSize: [28, 28], iconAnchor: [14, 14], popupAnchor: [0, -12], tooltipAnchor: [12, 0] });
  }

  function sitePopup(p, t) {
    var html = '<p class="popup__title"><a href="' + esc(p.url) + '">' + esc(p.name) + "</a></p>";
    if (p.type_label || p.commune) { html += '<p class="popup__type">' + esc([p.type_label, p.commune].filter(Boolean).join(" · ")) + "</p>"; }
    // `hazard` is the most severe active hazard notice of the site (info, caution, danger).
    if (p.hazard && t.hazard[p.hazard]) { html += '<p class="popup__hazard popup__hazard--' + esc(p.hazard) + '">⚠ ' + esc(t.hazard[p.hazard]) + "</p>"; }
    html += '<p><a href="' + esc(p.url) + '">' + esc(t.open) + " →</a></p>";
    return html;
  }

  /* Drawn light, in the pane under the lines and pins: the legend says once what an area means. */
  function areaCircle(latlng, radius, extra) {
    return L.circle(latlng, Object.assign({
      radius: radius || 2500, color: "#a07a12", weight: 1.5, dashArray: "4 4", opacity: 0.8,
      fillColor: "#e3b341", fillOpacity: 0.12, className: "site-area", pane: "areas"
    }, extra || {}));
  }

  /* Places known only to their commune share its centroid: one circle per commune in `group`, its
   * tooltip naming them and its popup listing them (circles piled on one another would darken). */
  function areaSet(group, t) {
    var byKey = {};
    return {
      add: function (s) {
        var key = s.latlng.join(","), a = byKey[key];
        if (!a) {
          a = byKey[key] = { circle: areaCircle(s.latlng, s.props.uncertainty_m), names: [], popups: [] };
          a.circle.bindTooltip("", { sticky: true }).bindPopup("");
          group.addLayer(a.circle);
        }
        a.names.push(esc(s.props.name));
        a.popups.push(sitePopup(s.props, t));
        a.circle.setTooltipContent(a.names.join("<br>"));
        a.circle.setPopupContent(a.popups.join('<hr class="popup__rule">'));
      },
      clear: function () { byKey = {}; group.clearLayers(); },
      count: function () { return group.getLayers().length; }
    };
  }

  /* Pins carry their names from NAMES_ZOOM on (a class on the map element shows them). */
  function namesWhenClose(map, el) {
    function update() { el.classList.toggle("map--names", map.getZoom() >= NAMES_ZOOM); }
    map.on("zoomend", update);
    update();
  }

  /* Sites from the GeoJSON API: a pin of its kind for a located one (named for screen readers and,
   * close up, on the map); a commune-level one is drawn by an areaSet where it is shown. */
  function buildSites(collection, t) {
    return (collection.features || []).filter(function (f) { return f.geometry; }).map(function (f) {
      var p = f.properties, c = f.geometry.coordinates, latlng = [c[1], c[0]];
      var item = { props: p, pinned: !!PINNED[p.precision], latlng: latlng };
      if (item.pinned) {
        var label = p.type_label ? p.name + " · " + p.type_label : p.name;
        item.layer = L.marker(latlng, { icon: kindIcon(p.type), title: label, alt: label, keyboard: true, riseOnHover: true });
        item.layer.bindTooltip(esc(p.name), { permanent: true, direction: "right", className: "site-name", interactive: false });
        item.layer.bindPopup(sitePopup(p, t));
      }
      return item;
    });
  }

  function loadRoutes(el) {
    return getJSON(apiUrl(el, "/routes")).then(function (list) {
      return Promise.all(list.map(function (r) {
        return getJSON(apiUrl(el, "/routes/" + r.number + ".geojson")).then(function (gj) { return { info: r, geojson: gj }; });
      }));
    });
  }

  function buildRouteLines(routes, table, t) {
    return routes.map(function (r) {
      var line = (r.geojson.features || []).filter(function (f) { return f.properties && f.properties.kind === "line" && f.geometry; })[0];
      if (!line) { return { number: r.info.number, layer: null }; }
      var latlngs = line.geometry.coordinates.map(function (c) { return [c[1], c[0]]; });
      var layer = routeLine(latlngs, colourOf(table, r.info.number));
      layer.bindTooltip(t.route + " " + r.info.number + ": " + r.info.name + (r.info.is_estimate ? " (" + t.estimate + ")" : ""), { sticky: true });
      layer.on("click", function () { window.location.href = r.info.url; });
      return { number: r.info.number, layer: layer };
    });
  }

  /* The optional geological map: a WMS service or a tile URL template, from settings. */
  function geologyLayer(el) {
    var d = el.dataset, opts = { attribution: d.geologyAttribution || "", opacity: 0.6, maxZoom: 18 };
    if (d.geologyWms && d.geologyLayers) {
      return L.tileLayer.wms(d.geologyWms, Object.assign({ layers: d.geologyLayers, format: "image/png", transparent: true }, opts));
    }
    return d.geologyTile ? L.tileLayer(d.geologyTile, opts) : null;
  }

  /* The geopark's published outline: a dashed line, drawn under the sites and routes. */
  function boundaryLayer() {
    return L.geoJSON(null, { interactive: false, style: { color: "#0f3324", weight: 2.5, dashArray: "8 6", fill: false, className: "geopark-boundary" } });
  }

  /* ---- The full map page --------------------------------------------------------------------- */
  function fullMap(el) {
    document.documentElement.classList.add("js");
    var t = strings(el), table = colours(el);
    var map = baseMap(el, { zoomSnap: 0.5 });
    var home = geoparkBounds(el);
    if (home) { map.fitBounds(home, { padding: [10, 10], animate: false }); }

    var clusters = L.markerClusterGroup
      ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45, spiderfyOnMaxZoom: true })
      : L.featureGroup();
    var plain = L.featureGroup(), areaLayer = L.featureGroup(), lines = L.featureGroup();
    var areas = areaSet(areaLayer, t);
    lines.addTo(map); areaLayer.addTo(map); clusters.addTo(map); plain.addTo(map);
    namesWhenClose(map, el);
    var overlays = {}, geology = geologyLayer(el), boundary = el.dataset.boundary ? boundaryLayer().addTo(map) : null;
    if (boundary) { overlays[el.dataset.tBoundary || "Boundary"] = boundary; }
    if (geology) { overlays[el.dataset.tGeology || "Geology"] = geology; }
    if (boundary || geology) { L.control.layers(null, overlays, { collapsed: el.clientWidth < 600, position: "topright" }).addTo(map); }

    var form = document.getElementById(el.dataset.filterForm || "");
    var typeSelect = form ? form.elements.type : null;
    var routeSelect = form ? form.elements.route : null;
    var communeSelect = form ? form.elements.commune : null;
    var counter = document.getElementById(el.dataset.count || "");
    var sites = [], routeLines = [];
    var shown = { pins: 0, areas: 0, lines: 0 };

    function current() {
      return {
        type: typeSelect ? typeSelect.value : "",
        route: routeSelect && routeSelect.value ? parseInt(routeSelect.value, 10) : null,
        commune: communeSelect ? communeSelect.value : ""
      };
    }

    /* Puts those of `items` that pass the filters on the map, beside what is there already. */
    function addSites(items, f) {
      var pins = [];
      items.forEach(function (s) {
        if (f.type && s.props.type !== f.type) { return; }
        if (f.route && (s.props.routes || []).indexOf(f.route) < 0) { return; }
        if (f.commune && s.props.commune_code !== f.commune) { return; }
        if (s.pinned) { pins.push(s.layer); } else { areas.add(s); shown.areas += 1; }
      });
      // One route's or one commune's few places are shown one by one; the whole inventory is clustered.
      if (f.route || f.commune) { pins.forEach(function (m) { plain.addLayer(m); }); } else if (clusters.addLayers) { clusters.addLayers(pins); } else { pins.forEach(function (m) { clusters.addLayer(m); }); }
      shown.pins += pins.length;
      if (counter) { counter.textContent = shown.pins + " " + t.pins + " · " + shown.areas + " " + t.areas; }
    }

    function render(fit) {
      var f = current();
      clusters.clearLayers(); plain.clearLayers(); areas.clear(); lines.clearLayers();
      shown = { pins: 0, areas: 0, lines: 0 };
      routeLines.forEach(function (r) {
        if (r.layer && (!f.route || r.number === f.route)) { lines.addLayer(r.layer); shown.lines += 1; }
      });
      addSites(sites, f);
      if (fit) {
        var bounds = L.latLngBounds([]);
        [plain, clusters, areaLayer, lines].forEach(function (g) { if (g.getLayers().length) { bounds.extend(g.getBounds()); } });
        if (bounds.isValid()) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 13, animate: false }); } else if (home) { map.fitBounds(home, { animate: false }); }
      }
      if (window.history && window.history.replaceState) {
        var params = new URLSearchParams(window.location.search);
        ["type", "route", "commune"].forEach(function (k) { var v = f[k] || ""; if (v) { params.set(k, v); } else { params.delete(k); } });
        var qs = params.toString();
        window.history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : ""));
      }
    }

    if (form) {
      form.addEventListener("change", function () { render(true); });
      form.addEventListener("submit", function (e) { e.preventDefault(); render(true); });
    }

    // The first page of sites and the routes are drawn together (the map is then ready); later
    // pages of a big inventory are added as they arrive, without moving the view.
    var drawn = false;
    var pages = getSitePages(el, function (collection) {
      var items = buildSites(collection, t);
      sites = sites.concat(items);
      if (drawn) { addSites(items, current()); }
    });
    var ready = Promise.all([pages.first, loadRoutes(el).catch(function () { return []; }),
      boundary ? getJSON(el.dataset.boundary).then(function (gj) { boundary.addData(gj).bringToBack(); }).catch(function () { return null; }) : null])
      .then(function (results) {
        routeLines = buildRouteLines(results[1], table, t);
        return nextTask();
      })
      .then(function () {
        drawn = true;
        render(true);
        el.setAttribute("data-ready", "true");
      })
      .catch(function (err) {
        showError(el, t.error);
        el.setAttribute("data-ready", "error");
        if (window.console) { console.error(err); }
      });
    var complete = Promise.all([ready, pages.complete]).then(function () {
      el.setAttribute("data-complete", "true");
    }).catch(function (err) {
      if (el.getAttribute("data-ready") === "true") { showError(el, t.error); }
      el.setAttribute("data-complete", "error");
      if (window.console) { console.error(err); }
    });

    window.geoparkMap = {
      map: map,
      ready: ready,
      complete: complete,
      siteCount: function () { return sites.length; },
      markerCount: function () { return plain.getLayers().length + clusters.getLayers().length; },
      areaCount: function () { return shown.areas; },
      areaCircleCount: function () { return areas.count(); },
      lineCount: function () { return shown.lines; },
      overlayNames: function () { return Object.keys(overlays); },
      boundaryCount: function () { return boundary && map.hasLayer(boundary) ? boundary.getLayers().length : 0; },
      setFilters: function (filters) {
        if (filters && typeSelect && "type" in filters) { typeSelect.value = filters.type || ""; }
        if (filters && routeSelect && "route" in filters) { routeSelect.value = filters.route ? String(filters.route) : ""; }
        if (filters && communeSelect && "commune" in filters) { communeSelect.value = filters.commune || ""; }
        render(true);
      }
    };
  }

  /* ---- The small map on the home page -------------------------------------------------------- */
  function overviewMap(el) {
    var t = strings(el), table = colours(el);
    var map = baseMap(el, { scrollWheelZoom: false, zoomSnap: 0.5 });
    var group = L.featureGroup().addTo(map), areaLayer = L.featureGroup().addTo(map);
    var areas = areaSet(areaLayer, t);
    namesWhenClose(map, el);
    // Pins are grouped as on the full map: at this scale they would overlap, too small to tap.
    var pins = L.markerClusterGroup
      ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45 })
      : L.featureGroup();
    pins.addTo(map);
    function addSites(collection) {
      buildSites(collection, t).forEach(function (s) { if (s.pinned) { pins.addLayer(s.layer); } else { areas.add(s); } });
    }
    // The view is fitted to the first page; later pages of a big inventory fill it in.
    var drawn = false, waiting = [];
    var pages = getSitePages(el, function (collection) { if (drawn) { addSites(collection); } else { waiting.push(collection); } });
    Promise.all([pages.first, loadRoutes(el).catch(function () { return []; })])
      .then(function (results) {
        buildRouteLines(results[1], table, t).forEach(function (r) { if (r.layer) { group.addLayer(r.layer); } });
        drawn = true;
        waiting.forEach(addSites); waiting = [];
        var bounds = L.latLngBounds([]);
        [group, areaLayer, pins].forEach(function (g) { if (g.getLayers().length) { bounds.extend(g.getBounds()); } });
        if (bounds.isValid()) { map.fitBounds(bounds, { padding: [20, 20], maxZoom: 11, animate: false }); }
        el.setAttribute("data-ready", "true");
        return pages.complete;
      })
      .then(function () { el.setAttribute("data-complete", "true"); })
      .catch(function () {
        showError(el, t.error);
        if (el.getAttribute("data-ready") !== "true") { el.setAttribute("data-ready", "error"); }
        el.setAttribute("data-complete", "error");
      });
  }

  /* ---- A site's location: its pin with the uncertainty circle, or its commune as an area ------ */
  function siteMap(el) {
    var t = strings(el);
    var lat = parseFloat(el.dataset.lat), lon = parseFloat(el.dataset.lon), radius = parseFloat(el.dataset.radius);
    if (!isFinite(lat) || !isFinite(lon)) { return; }
    var map = baseMap(el, { scrollWheelZoom: false });
    var latlng = [lat, lon];
    if (el.dataset.kind === "pin") {
      var ring = null;
      if (isFinite(radius) && radius > 0) {
        ring = L.circle(latlng, { radius: radius, color: "#1d5e40", weight: 1.5, fillColor: "#1d5e40", fillOpacity: 0.12, interactive: false }).addTo(map);
        ring.bindTooltip(t.uncertainty + " " + Math.round(radius) + " m", { sticky: true });
      }
      L.marker(latlng, { icon: siteIcon("published"), title: el.dataset.name || "", keyboard: false }).addTo(map);
      map.setView(latlng, 14);
      if (ring && radius > 600) { map.fitBounds(ring.getBounds(), { padding: [20, 20], animate: false }); }
    } else {
      var area = areaCircle(latlng, isFinite(radius) ? radius : 2500).addTo(map);
      area.bindTooltip(el.dataset.areaLabel || t.area, { direction: "center", permanent: true, className: "area-label" });
      map.fitBounds(area.getBounds(), { padding: [10, 10], animate: false });
    }
    el.setAttribute("data-ready", "true");
  }

  /* ---- A route: its line and numbered stops -------------------------------------------------- */
  function routeMap(el) {
    var t = strings(el), table = colours(el);
    var number = el.dataset.route, c = colourOf(table, number);
    var map = baseMap(el, { scrollWheelZoom: false });
    var group = L.featureGroup().addTo(map);
    getJSON(apiUrl(el, "/routes/" + encodeURIComponent(number) + ".geojson")).then(function (gj) {
      var areas = {};  // stops known only to the same commune share one circle, labelled "2, 3, 4"
      (gj.features || []).forEach(function (f) {
        var p = f.properties || {};
        if (!f.geometry) { return; }
        if (p.kind === "line") {
          group.addLayer(routeLine(f.geometry.coordinates.map(function (x) { return [x[1], x[0]]; }), c));
          return;
        }
        var latlng = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        var popup = '<p class="popup__title"><a href="' + esc(p.url) + '">' + esc(t.stop + " " + p.order + ": " + p.name) + "</a></p>";
        if (PINNED[p.precision]) {
          var icon = L.divIcon({
            className: "stop-marker", iconSize: [28, 28], iconAnchor: [14, 14], popupAnchor: [0, -12],
            html: '<span style="--rf:' + esc(c.fill) + ";--ro:" + esc(c.outline) + ";--rt:" + esc(c.text) + '">' + esc(p.order) + "</span>"
          });
          group.addLayer(L.marker(latlng, { icon: icon, title: p.name, keyboard: true }).bindPopup(popup));
        } else {
          var key = latlng.join(",");
          if (!areas[key]) { areas[key] = { latlng: latlng, radius: p.uncertainty_m, orders: [], popups: [] }; }
          areas[key].orders.push(p.order);
          areas[key].popups.push(popup);
        }
      });
      Object.keys(areas).forEach(function (key) {
        var a = areas[key], circle = areaCircle(a.latlng, a.radius);
        circle.bindTooltip(a.orders.join(", "), { permanent: true, direction: "center", className: "area-label" });
        group.addLayer(circle.bindPopup(a.popups.join("")));
      });
      if (group.getLayers().length) { map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 13, animate: false }); }
      el.setAttribute("data-ready", "true");
    }).catch(function () { showError(el, t.error); el.setAttribute("data-ready", "error"); });
  }

  /* ---- Points of any GeoJSON list (the partner directory, a trail): a pin each, opening its page,
   * and a line for a LineString (a trail's track) ---------------------------------------------- */
  function pointsMap(el) {
    var t = strings(el);
    var map = baseMap(el, { scrollWheelZoom: false });
    var group = L.featureGroup().addTo(map);
    getJSON(el.dataset.geojson).then(function (gj) {
      (gj.features || []).forEach(function (f) {
        var p = f.properties || {};
        if (!f.geometry) { return; }
        if (f.geometry.type === "LineString") {
          var line = f.geometry.coordinates.map(function (x) { return [x[1], x[0]]; });
          if (p.colour) {
            // A trip plan's day: the road, or dashed where the stops are joined straight (the page's legend says which).
            group.addLayer(L.polyline(line, {
              color: p.colour, weight: 5, opacity: 0.85, dashArray: p.road ? null : "8 8", interactive: false
            }));
          } else {
            // A trail's surveyed track is drawn under the pins, as a route's line is.
            group.addLayer(routeLine(line, DEFAULT_COLOUR));
          }
          return;
        }
        var latlng = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
        if (p.kind === "start") {
          group.addLayer(L.circleMarker(latlng, { radius: 8, color: "#1a1a1a", weight: 3, fillColor: "#fff", fillOpacity: 1 })
            .bindTooltip(esc(p.name)));
          return;
        }
        var title = p.url ? '<a href="' + esc(p.url) + '">' + esc(p.name) + "</a>" : esc(p.name);
        var popup = '<p class="popup__title">' + title + "</p>" +
          (p.kind_label ? '<p class="popup__type">' + esc(p.kind_label) + "</p>" : "");
        var icon = p.label ? L.divIcon({
          className: "stop-marker", iconSize: [34, 28], iconAnchor: [17, 14], popupAnchor: [0, -12],
          html: '<span style="--rf:' + esc(p.colour || "#1d5e40") + ';--ro:#fff;--rt:#fff">' + esc(p.label) + "</span>"
        }) : siteIcon("published");
        group.addLayer(L.marker(latlng, { icon: icon, title: p.name, keyboard: true }).bindPopup(popup));
      });
      if (group.getLayers().length) { map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 13, animate: false }); }
      else { map.setView(CENTRE, 9); }
      el.setAttribute("data-ready", "true");
    }).catch(function () { showError(el, t.error); el.setAttribute("data-ready", "error"); });
  }

  /* ---- Loading Leaflet when a map needs it ---------------------------------------------------- */
  var loaded = {};

  function load(url, make) {
    if (!loaded[url]) {
      loaded[url] = new Promise(function (resolve, reject) {
        var node = make(url);
        node.addEventListener("load", function () { resolve(); });
        node.addEventListener("error", function () { reject(new Error("could not load " + url)); });
      });
    }
    return loaded[url];
  }

  /* Style sheets are inserted in the order asked, all before site.css. */
  function loadStyle(url) {
    return load(url, function (href) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      document.head.insertBefore(link, SITE_CSS);
      return link;
    });
  }

  function loadScript(url) {
    return load(url, function (src) {
      var script = document.createElement("script");
      script.src = src;
      document.head.appendChild(script);
      return script;
    });
  }

  function styles(list) {
    return Promise.all((list || "").split(" ").filter(Boolean).map(loadStyle));
  }

  /* Leaflet (and the cluster plugin for the maps that group pins), with their style sheets. */
  function assets(clustered) {
    var css = styles((ASSETS.leafletCss || "") + (clustered ? " " + (ASSETS.clusterCss || "") : ""));
    var js = window.L ? Promise.resolve() : loadScript(ASSETS.leaflet);
    if (clustered) {
      js = js.then(function () { return window.L.markerClusterGroup || !ASSETS.cluster ? null : loadScript(ASSETS.cluster); });
    }
    return Promise.all([css, js]);
  }

  /* Runs `fn` when `el` comes near the screen (at once without IntersectionObserver). */
  function whenNear(el, fn) {
    if (!window.IntersectionObserver) { fn(); return; }
    var seen = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); fn(); }
    }, { rootMargin: "400px 0px" });
    seen.observe(el);
  }

  var kinds = { full: fullMap, overview: overviewMap, site: siteMap, route: routeMap, points: pointsMap };
  var CLUSTERED = { full: true, overview: true };
  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-map]"), function (el) {
      var kind = el.dataset.map, fn = kinds[kind];
      if (!fn) { return; }
      // The "needs JavaScript" line goes at once: the map is on its way.
      el.classList.add("is-live");
      var go = function () {
        assets(CLUSTERED[kind]).then(nextTask).then(function () { fn(el); }).catch(function (err) {
          showError(el, strings(el).error);
          el.setAttribute("data-ready", "error");
          if (window.console) { console.error(err); }
        });
      };
      if (kind === "full") { go(); } else { whenNear(el, go); }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
