// Small behaviours shared by every page. Pages with more add their own module.
(function () {
  "use strict";
  // Confirm destructive actions declared with data-confirm="...".
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute && form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
