/* Starts the vendored Swagger UI on /api/openapi.json (a static file: the page allows no inline script). */
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
