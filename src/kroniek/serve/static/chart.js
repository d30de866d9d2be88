/* Charts with uPlot: trends (one line per query or event type, a click opens that period's
   articles or events) and
   figure series (one line per source, qualifiers written at the points, disagreements ringed,
   a click opens the article at the figure). Data comes from <script type="application/json">. */
(function () {
  "use strict";
  var COUNTS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];
  var COLORS = ["#1f5fa8", "#c0392b", "#27875a", "#8e44ad", "#d68910", "#138d9c", "#6d4c41", "#555555"];

  function ts(iso) { return Date.parse(iso + "T00:00:00Z") / 1000; }
  function width(el) { return Math.max(320, Math.floor(el.getBoundingClientRect().width) || 640); }
  function json(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }

  function trend(el, data) {
    var xs = data.starts.map(ts);
    var cols = [xs];
    var series = [{ label: "periode", value: function (u, v, s, i) { return i == null ? "" : data.periods[i]; } }];
    data.series.forEach(function (s, i) {
      cols.push(s.counts);
      series.push({ label: s.label, stroke: COLORS[i % COLORS.length], width: 2,
                    points: { show: true, size: 7 } });
    });
    var focused = 1;
    var u = new uPlot({
      width: width(el), height: 260, series: series,
      axes: [{}, { label: data.unit || "artikelen", size: 60, incrs: COUNTS }],
      scales: { x: { time: true }, y: { range: function (u, lo, hi) { return [0, Math.max(1, hi)]; } } },
      cursor: { focus: { prox: 24 } }, focus: { alpha: 0.35 },
      hooks: { setSeries: [function (u, i) { if (i != null) { focused = i; } }] }
    }, cols, el);
    u.over.addEventListener("click", function () {
      var i = u.cursor.idx;
      if (i == null) { return; }
      var s = data.series[focused - 1] || data.series[0];
      var params = new URLSearchParams();
      if (s.query) { params.set("q", s.query); }
      if (s.type) { params.set("type", s.type); }
      params.set("from", data.starts[i]);
      params.set("to", data.ends[i]);
      if (!data.link.page) { params.set("sort", "date"); }
      (data.link.entity || []).forEach(function (e) { params.append("entity", e); });
      ["source", "story", "count", "actor", "target"].forEach(function (k) {
        if (data.link[k]) { params.set(k, data.link[k]); }
      });
      window.location.href = (data.link.page || "/") + "?" + params.toString();
    });
    el.dataset.drawn = "1";
  }

  function figures(el, data) {
    var pts = data.points;
    if (!pts.length) { el.textContent = "Geen cijfers om te tekenen."; el.dataset.drawn = "1"; return; }
    var xs = [], last = null, k = 0;
    pts.forEach(function (p) {
      var x = ts(p.day);
      if (x === last) { k += 1; } else { k = 0; last = x; }
      xs.push(x + k * 3600);
    });
    var cols = [xs];
    var series = [{ label: "datum" }];
    data.sources.forEach(function (src, si) {
      cols.push(pts.map(function (p) { return p.source === src ? p.value : null; }));
      series.push({ label: src === "?" ? "bron onbekend" : src, stroke: COLORS[si % COLORS.length], width: 2, spanGaps: true,
                    points: { show: true, size: 9 } });
    });
    var dpr = window.devicePixelRatio || 1;
    var u = new uPlot({
      width: width(el), height: 320, series: series, scales: { x: { time: true } },
      axes: [{}, { size: 70 }],
      hooks: { draw: [function (u) {
        var ctx = u.ctx;
        ctx.save();
        ctx.font = (11 * dpr) + "px sans-serif";
        ctx.fillStyle = "#222";
        pts.forEach(function (p, i) {
          var x = u.valToPos(xs[i], "x", true), y = u.valToPos(p.value, "y", true);
          ctx.fillText(p.label, x + 7 * dpr, y - 7 * dpr);
          if (p.disputed) {
            ctx.strokeStyle = "#d40000";
            ctx.lineWidth = 2 * dpr;
            ctx.beginPath();
            ctx.arc(x, y, 9 * dpr, 0, 2 * Math.PI);
            ctx.stroke();
          }
        });
        ctx.restore();
      }] }
    }, cols, el);
    u.over.addEventListener("click", function () {
      var i = u.cursor.idx;
      if (i != null && pts[i]) { window.location.href = pts[i].href; }
    });
    el.dataset.drawn = "1";
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      if (el.dataset.chart === "trend") { trend(el, json("trend-data")); }
      if (el.dataset.chart === "figures") { figures(el, json("figure-data")); }
    });
  });
})();
