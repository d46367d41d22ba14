/* Draws the statistics charts over the tables that already show the same figures (the tables are
   the page without this script). Data: the JSON block #stat-charts (presentation.chart_data); null
   is a withheld figure, drawn as a gap, never as zero. Chart.js is vendored (vendor/chartjs). */
(function () {
  "use strict";
  var source = document.getElementById("stat-charts");
  if (!source || typeof window.Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var lang = document.documentElement.lang || "vi";
  var locale = { vi: "vi-VN", en: "en-GB", zh: "zh-CN" }[lang.slice(0, 2)] || "vi-VN";
  var number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  var GREEN = "#2f6b3b", GREY = "#9aa5a0", AMBER = "#c98a1b", BLUE = "#2b5d8a";

  function axis() {
    return { beginAtZero: true, ticks: { callback: function (v) { return number.format(v); } } };
  }
  function options(extra) {
    var o = {
      responsive: true,
      maintainAspectRatio: false,
      locale: locale,
      interaction: { mode: "index", intersect: false },
      plugins: {
        tooltip: { callbacks: { label: function (c) {
          return c.dataset.label + ": " + (c.raw === null ? "—" : number.format(c.raw));
        } } }
      },
      scales: { y: axis() }
    };
    return Object.assign(o, extra || {});
  }
  function bars(names, label, values, color) {
    return {
      type: "bar",
      data: { labels: names, datasets: [{ label: label, data: values, backgroundColor: color }] },
      options: options({ indexAxis: "y", scales: { x: axis() }, plugins: { legend: { display: false } } })
    };
  }
  var configs = {
    visitors: {
      type: "line",
      data: { labels: data.months, datasets: [
        { label: data.visitors.labels[0], data: data.visitors.current, borderColor: GREEN, backgroundColor: GREEN, spanGaps: false },
        { label: data.visitors.labels[1], data: data.visitors.previous, borderColor: GREY, backgroundColor: GREY, borderDash: [6, 4] }
      ] },
      options: options()
    },
    segments: {
      type: "bar",
      data: { labels: data.months.slice(0, data.segments.domestic.length), datasets: [
        { label: data.segments.labels[0], data: data.segments.domestic, backgroundColor: GREEN },
        { label: data.segments.labels[1], data: data.segments.international, backgroundColor: AMBER }
      ] },
      options: options({ scales: { x: { stacked: true }, y: Object.assign(axis(), { stacked: true }) } })
    },
    revenue: {
      type: "bar",
      data: { labels: data.months, datasets: [
        { label: data.revenue.label + " " + data.visitors.labels[0].replace(/\D+/g, ""), data: data.revenue.current, backgroundColor: BLUE },
        { label: data.revenue.label + " " + data.visitors.labels[1].replace(/\D+/g, ""), data: data.revenue.previous, backgroundColor: GREY }
      ] },
      options: options()
    },
    communes: bars(data.communes.names, data.communes.label, data.communes.values, GREEN),
    kinds: bars(data.kinds.names, data.kinds.label, data.kinds.values, AMBER)
  };
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var config = configs[canvas.getAttribute("data-chart")];
    if (!config || !config.data.labels.length) return;
    var figure = canvas.parentNode;
    figure.hidden = false;
    if (config.options.indexAxis === "y") {
      figure.style.height = Math.max(160, 28 * config.data.labels.length + 60) + "px";
    }
    new window.Chart(canvas, config);
  });
})();
