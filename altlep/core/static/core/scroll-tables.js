// A table too wide for a phone scrolls inside its own box (site.css). Chromium and Firefox let
// the keyboard reach such a box by themselves; this does the same in other browsers: a box that
// scrolls sideways with nothing focusable inside becomes a tab stop of its own, so it can be
// scrolled with the arrow keys. Without JavaScript the page still works; only that tab stop is
// missing where the browser does not give it.
(function () {
  "use strict";
  var BOXES = "table, .table-scroll";
  var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

  function markScrollingBoxes() {
    document.querySelectorAll(BOXES).forEach(function (box) {
      var ours = box.hasAttribute("data-scroll-stop");
      if (box.hasAttribute("tabindex") && !ours) return; // a template's own choice wins
      var scrolls = box.scrollWidth > box.clientWidth;
      if (scrolls && !box.querySelector(FOCUSABLE)) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-scroll-stop", "");
      } else if (ours) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-scroll-stop");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", markScrollingBoxes);
  window.addEventListener("resize", markScrollingBoxes);
  document.addEventListener("htmx:afterSettle", markScrollingBoxes);
})();
