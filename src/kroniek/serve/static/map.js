/* Maps with Leaflet over Natural Earth 1:110m country outlines (vendored TopoJSON): no tile
   server, nothing leaves the machine. data-map="countries": mentions per country, shaded and
   with a circle per country; data-map="pin": one entity's place. */
(function () {
  "use strict";

  function json(id) { var el = document.getElementById(id); return el ? JSON.parse(el.textContent) : null; }

  /* Natural Earth rings that cross the antimeridian jump from 180 to -180 degrees; Leaflet
     would draw that jump as a band across the world, so each ring is made continuous. */
  function unwrap(ring) {
    var shift = 0;
    return ring.map(function (pt, i) {
      if (i > 0) {
        var step = pt[0] - ring[i - 1][0];
        if (step > 180) { shift -= 360; } else if (step < -180) { shift += 360; }
      }
      return [pt[0] + shift, pt[1]];
    });
  }

  function outlines(done) {
    fetch("/static/vendor/world-atlas/countries-110m.json")
      .then(function (r) { return r.json(); })
      .then(function (world) {
        var geo = topojson.feature(world, world.objects.countries);
        geo.features = geo.features.filter(function (f) { return f.id !== "010"; });  // Antarctica
        geo.features.forEach(function (f) {
          var g = f.geometry;
          if (g && g.type === "Polygon") { g.coordinates = g.coordinates.map(unwrap); }
          if (g && g.type === "MultiPolygon") {
            g.coordinates = g.coordinates.map(function (p) { return p.map(unwrap); });
          }
        });
        done(geo);
      });
  }

  function baseMap(el, center, zoom) {
    var map = L.map(el, { minZoom: 1, maxZoom: 7, worldCopyJump: false }).setView(center, zoom);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth");
    return map;
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function popup(c) {
    var box = document.createElement("div");
    var head = document.createElement("strong");
    head.textContent = c.name + ": " + c.mentions + " vermeldingen in " + c.articles + " artikelen";
    box.appendChild(head);
    var list = document.createElement("ul");
    c.entities.forEach(function (e) {
      var li = document.createElement("li");
      li.appendChild(link("/entity/" + encodeURIComponent(e.id != null ? e.id : e.entity), e.entity));
      li.appendChild(document.createTextNode(" (" + e.mentions + ")"));
      list.appendChild(li);
    });
    box.appendChild(list);
    return box;
  }

  function countries(el, rows) {
    var map = baseMap(el, [30, 15], 2);
    var byId = {};
    var most = 1;
    rows.forEach(function (c) { if (c.numeric) { byId[c.numeric] = c; } most = Math.max(most, c.mentions); });
    outlines(function (geo) {
      L.geoJSON(geo, {
        style: function (f) {
          var c = byId[f.id];
          var t = c ? Math.sqrt(c.mentions / most) : 0;
          return { color: "#8a8a8a", weight: 0.6, fillColor: c ? "#c0392b" : "#f4f1ea",
                   fillOpacity: c ? 0.15 + 0.7 * t : 1 };
        },
        onEachFeature: function (f, layer) {
          var c = byId[f.id];
          layer.bindTooltip((f.properties && f.properties.name || "") + (c ? ": " + c.mentions : ""));
          if (c) { layer.bindPopup(popup(c)); }
        }
      }).addTo(map);
      rows.forEach(function (c) {
        if (c.lat == null || c.lon == null) { return; }
        L.circleMarker([c.lat, c.lon], { radius: 4 + 14 * Math.sqrt(c.mentions / most), color: "#7b1d12",
                                          weight: 1, fillColor: "#e74c3c", fillOpacity: 0.8 })
          .bindPopup(popup(c)).addTo(map);
      });
      el.dataset.drawn = "1";
    });
  }

  function pin(el, p) {
    var map = baseMap(el, [p.lat, p.lon], 4);
    outlines(function (geo) {
      L.geoJSON(geo, { style: { color: "#8a8a8a", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map);
      L.circleMarker([p.lat, p.lon], { radius: 8, color: "#7b1d12", fillColor: "#e74c3c", fillOpacity: 0.9 })
        .bindTooltip(p.label, { permanent: true, direction: "right" }).addTo(map);
      el.dataset.drawn = "1";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-map]").forEach(function (el) {
      if (el.dataset.map === "countries") { countries(el, json("map-data")); }
      if (el.dataset.map === "pin") { pin(el, json("map-data")); }
    });
  });
})();
