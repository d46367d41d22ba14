/* Admin map picker for a site's position. The latitude and longitude inputs stay the source of
 * truth (they work without JavaScript); a click on the map or a drag of the pin writes both with
 * six decimals, and typing in them moves the pin. */
(function () {
  "use strict";
  var CENTRE = [21.85, 106.6];
  var OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

  function findLon(latInput, lonName) {
    var scope = latInput.closest("form") || document;
    var prefix = latInput.name ? latInput.name.replace(/lat$/, "") : "";
    return scope.querySelector('input[name="' + prefix + lonName + '"]') ||
      scope.querySelector('input[name="' + lonName + '"]') ||
      scope.querySelector('input[name$="' + lonName + '"]');
  }

  function readNumber(input) {
    var v = parseFloat(String(input.value || "").replace(",", "."));
    return isFinite(v) ? v : null;
  }

  function write(input, value) {
    input.value = value.toFixed(6);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function init(el) {
    if (el.getAttribute("data-ready") || !window.L) { return; }
    var latInput = document.getElementById(el.dataset.latInput || "");
    if (!latInput) { return; }
    var lonInput = findLon(latInput, el.dataset.lonName || "lon");
    if (!lonInput) { return; }
    el.setAttribute("data-ready", "true");

    var map = L.map(el, { scrollWheelZoom: false, minZoom: 5, maxZoom: 18 });
    var tiles = el.hasAttribute("data-tile-url") ? el.dataset.tileUrl : OSM;
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18, attribution: el.dataset.tileAttribution || "&copy; OpenStreetMap contributors" }).addTo(map);
    }
    var marker = null;

    function place(latlng, fromMap) {
      if (!marker) {
        // A CSS pin (no image files: hashed static names would hide Leaflet's default icon).
        var icon = L.divIcon({ className: "geopark-map-picker__pin", html: "<span></span>", iconSize: [26, 36], iconAnchor: [13, 34] });
        marker = L.marker(latlng, { draggable: true, autoPan: true, icon: icon, keyboard: false }).addTo(map);
        marker.on("dragend", function () { place(marker.getLatLng(), true); });
      } else {
        marker.setLatLng(latlng);
      }
      if (fromMap) {
        var ll = L.latLng(latlng).wrap();
        write(latInput, ll.lat);
        write(lonInput, ll.lng);
      }
    }

    function fromInputs(recentre) {
      var lat = readNumber(latInput), lon = readNumber(lonInput);
      if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) { return false; }
      place([lat, lon], false);
      if (recentre) { map.setView([lat, lon], Math.max(map.getZoom() || 0, 13)); }
      return true;
    }

    if (!fromInputs(true)) { map.setView(CENTRE, 8); }
    map.on("click", function (e) { place(e.latlng, true); });
    [latInput, lonInput].forEach(function (input) {
      input.addEventListener("change", function () { fromInputs(false); if (marker) { map.panTo(marker.getLatLng()); } });
    });

    // Panels inside hidden tabs have no size when the page loads: redraw when they appear.
    if (window.ResizeObserver) {
      new ResizeObserver(function () { map.invalidateSize(); }).observe(el);
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".geopark-map-picker"), init);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
  // Wagtail may insert panels after load (e.g. in modals); look again when the DOM changes.
  if (window.MutationObserver) {
    new MutationObserver(function () { if (document.querySelector(".geopark-map-picker:not([data-ready])")) { start(); } })
      .observe(document.documentElement, { childList: true, subtree: true });
  }
})();
