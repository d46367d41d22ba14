/* Visitor report form: a "use my location" button that fills latitude and longitude.
   Without JavaScript (or without geolocation) the button stays hidden and the form works as is. */
(function () {
  "use strict";

  function setUp(form) {
    var button = form.querySelector("[data-geolocate]");
    var status = form.querySelector("[data-geolocate-status]");
    var lat = form.querySelector('input[name="lat"]');
    var lon = form.querySelector('input[name="lon"]');
    if (!button || !lat || !lon || !("geolocation" in navigator)) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      status.textContent = form.getAttribute("data-t-locating") || "";
      button.disabled = true;
      navigator.geolocation.getCurrentPosition(function (pos) {
        lat.value = pos.coords.latitude.toFixed(6);
        lon.value = pos.coords.longitude.toFixed(6);
        status.textContent = form.getAttribute("data-t-located") || "";
        button.disabled = false;
      }, function () {
        status.textContent = form.getAttribute("data-t-denied") || "";
        button.disabled = false;
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-report-form]"), setUp);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
