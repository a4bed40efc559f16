// Programme pages: show each time also in the visitor's own time zone (the browser's), and
// offer that zone in the selector, when it differs from the fair's and none was chosen.
(function () {
  "use strict";
  var browserZone;
  try {
    browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  var select = document.querySelector("[data-tz-select]");
  var params = new URLSearchParams(window.location.search);
  if (select && browserZone && !Array.prototype.some.call(select.options, function (option) {
    return option.value === browserZone;
  })) {
    var option = document.createElement("option");
    option.value = browserZone;
    option.textContent = browserZone + " (" + select.getAttribute("data-browser-label") + ")";
    select.appendChild(option);
  }
  if (params.get("tz")) {
    return; // the server already shows the chosen zone
  }
  var fairZone = document.querySelector("[data-tz-select] option[value='']");
  var format = new Intl.DateTimeFormat(undefined, {
    hour: "2-digit", minute: "2-digit", hour12: false, timeZone: browserZone
  });
  var sample = document.querySelector("time[data-local-time]");
  if (!sample) {
    return;
  }
  document.querySelectorAll("time[data-local-time]").forEach(function (element) {
    var start = new Date(element.getAttribute("datetime"));
    var end = new Date(element.getAttribute("data-end"));
    var local = format.format(start) + "–" + format.format(end);
    if (local === element.textContent.trim()) {
      return; // the visitor is in the fair's zone
    }
    var span = document.createElement("span");
    span.className = "visitor-time";
    span.textContent = " (" + local + " " + browserZone + ")";
    element.insertAdjacentElement("afterend", span);
  });
  void fairZone;
})();
