/* Starts the vendored Swagger UI on /api/openapi.json (a static file: the page allows no inline script). */
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  // validatorUrl: null — Swagger UI would otherwise send the schema to an outside validator
  window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
                                validatorUrl: null });
});
