/* The article page: a click on marked text shows every annotation covering it (innermost
   first) in the side panel and highlights the first one's whole extent; #span-START-END in the
   address (from any list elsewhere) opens the annotation at that span. */
(function () {
  "use strict";

  function show(ids) {
    var detail = document.getElementById("detail");
    detail.querySelectorAll("section.ann").forEach(function (s) { s.hidden = true; });
    document.querySelectorAll("#text .m.active").forEach(function (s) { s.classList.remove("active"); });
    var any = false;
    ids.forEach(function (id) {
      var sec = document.getElementById("ann-" + id);
      if (sec) { sec.hidden = false; detail.appendChild(sec); any = true; }
    });
    document.getElementById("detail-empty").hidden = any;
    if (!ids.length) { return; }
    var first = null;
    document.querySelectorAll("#text .m").forEach(function (s) {
      if ((" " + s.dataset.ann + " ").indexOf(" " + ids[0] + " ") >= 0) {
        s.classList.add("active");
        first = first || s;
      }
    });
    return first;
  }

  function fromHash() {
    var m = /^#span-(\d+)-(\d+)$/.exec(window.location.hash);
    if (!m) { return; }
    var ids = [];
    document.querySelectorAll("#detail section.ann").forEach(function (s) {
      if (s.dataset.start === m[1] && s.dataset.end === m[2]) { ids.push(s.id.slice(4)); }
    });
    var first = show(ids);
    if (first) { first.scrollIntoView({ block: "center" }); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("text");
    if (!text) { return; }
    text.addEventListener("click", function (e) {
      var span = e.target.closest("span.m");
      if (span) { show(span.dataset.ann.split(" ")); }
    });
    document.querySelectorAll("[data-open]").forEach(function (a) {
      a.addEventListener("click", function () { window.setTimeout(function () { show([a.dataset.open]); }, 0); });
    });
    window.addEventListener("hashchange", fromHash);
    fromHash();
  });
})();
