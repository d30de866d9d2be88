/* Shared page behaviour: the write token (kept for this tab only) and the correction forms. */
(function () {
  "use strict";

  function token() {
    var input = document.getElementById("token");
    return input ? input.value : "";
  }

  function judge(form, verdict) {
    var out = form.querySelector("output");
    var value = form.querySelector("input[name=value]").value.trim();
    var body = { article: form.dataset.article, target: form.dataset.target,
                 start: Number(form.dataset.start), end: Number(form.dataset.end), verdict: verdict };
    if (value) { body.value = form.dataset.target === "figure" && !isNaN(Number(value)) ? Number(value) : value; }
    out.textContent = "bezig…";
    fetch("/api/corrections", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token() },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (data) {
        out.textContent = r.ok ? "opgeslagen als correctie #" + data.id : "niet opgeslagen: " + data.error.message;
      });
    }).catch(function () { out.textContent = "niet opgeslagen: geen verbinding"; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("token");
    if (input) {
      input.value = window.sessionStorage.getItem("kroniek-token") || "";
      input.addEventListener("change", function () { window.sessionStorage.setItem("kroniek-token", input.value); });
    }
    document.querySelectorAll("form.judge button[data-verdict]").forEach(function (b) {
      b.addEventListener("click", function () { judge(b.closest("form"), b.dataset.verdict); });
    });
  });
})();
