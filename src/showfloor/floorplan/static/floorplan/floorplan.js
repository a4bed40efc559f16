// Interactive hall plan: zoom and pan (svg-pan-zoom), and bring searched booths into view.
(function () {
  "use strict";
  var frame = document.getElementById("plan-frame");
  if (!frame || typeof svgPanZoom === "undefined") return;
  var svg = frame.querySelector("svg.hall-plan");
  if (!svg) return;
  svg.setAttribute("width", "100%");
  svg.setAttribute("height", "100%");
  var plan = svgPanZoom(svg, {
    zoomEnabled: true,
    controlIconsEnabled: false,
    fit: true,
    center: true,
    minZoom: 0.5,
    maxZoom: 60,
    zoomScaleSensitivity: 0.3,
    dblClickZoomEnabled: true,
  });

  function focusOn(element) {
    var box = element.getBBox();
    var sizes = plan.getSizes();
    var perLevel = sizes.realZoom / plan.getZoom();
    var target = Math.min(sizes.width / (box.width * 10), sizes.height / (box.height * 10));
    plan.zoom(Math.max(1, Math.min(60, target / perLevel)));
    var real = plan.getSizes().realZoom;
    plan.pan({
      x: sizes.width / 2 - real * (box.x + box.width / 2),
      y: sizes.height / 2 - real * (box.y + box.height / 2),
    });
    element.classList.add("is-highlighted");
  }

  frame.querySelectorAll("[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var action = button.getAttribute("data-zoom");
      if (action === "in") plan.zoomIn();
      else if (action === "out") plan.zoomOut();
      else { plan.resetZoom(); plan.center(); }
    });
  });
  document.querySelectorAll("a.match[data-booth]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var booth = document.getElementById(link.getAttribute("data-booth"));
      if (booth) { event.preventDefault(); focusOn(booth); }
    });
  });
  var first = svg.querySelector(".booth.is-highlighted");
  if (!first && location.hash.indexOf("#booth-") === 0) {
    first = document.getElementById(location.hash.slice(1));
  }
  if (first) focusOn(first);
  window.addEventListener("resize", function () { plan.resize(); });
  frame.setAttribute("data-ready", "true");
  window.showfloorPlanReady = performance.now();
})();
