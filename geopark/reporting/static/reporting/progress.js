// Polls the reports' status while any of them is queued or running, and updates the progress bars
// and download links in place. No build step; served as a static file (the CSP allows no inline script).
(function () {
  "use strict";
  var script = document.currentScript;
  var downloadLabel = (script && script.dataset.downloadLabel) || "Download";
  var table = document.querySelector("table.gp-reports");
  if (!table) return;
  var url = table.dataset.statusUrl;

  function pending() {
    return Array.prototype.slice.call(table.querySelectorAll("tr[data-report][data-finished='0']"));
  }

  function update(report) {
    var row = table.querySelector("tr[data-report='" + report.id + "']");
    if (!row) return;
    row.querySelector("progress").value = report.progress;
    row.querySelector("[data-role=step]").textContent =
      report.status_label + (report.step ? " · " + report.step : "") + (report.error ? ": " + report.error : "");
    var fingerprint = row.querySelector("[data-role=fingerprint]");
    if (report.fingerprint && !fingerprint.querySelector("code")) {
      var code = document.createElement("code");
      code.title = report.fingerprint;
      code.textContent = report.fingerprint.slice(0, 12);
      fingerprint.appendChild(code);
    }
    if (report.status === "done" || report.status === "failed") {
      row.dataset.finished = "1";
    }
    if (report.download) {
      var cell = row.querySelector("[data-role=download]");
      if (!cell.querySelector("a")) {
        var link = document.createElement("a");
        link.href = report.download;
        link.textContent = downloadLabel;
        cell.appendChild(link);
      }
    }
  }

  function poll() {
    var rows = pending();
    if (!rows.length) return;
    var ids = rows.map(function (row) { return row.dataset.report; }).join(",");
    fetch(url + "?ids=" + ids, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { reports: [] }; })
      .then(function (data) { data.reports.forEach(update); })
      .catch(function () {})
      .then(function () { window.setTimeout(poll, 1000); });
  }

  window.setTimeout(poll, 500);
})();
