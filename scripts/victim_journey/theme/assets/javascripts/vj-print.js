/*
 * The Print button on the whole-guide page (print.md.j2). Printing from a page needs
 * JavaScript (window.print), so the button is sent hidden and shown here; without
 * JavaScript the browser's own Print menu does the same thing.
 */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-vj-print-button]"),
    function (holder) {
      var button = holder.querySelector("button");
      if (!button) {
        return;
      }
      button.addEventListener("click", function () { window.print(); });
      holder.hidden = false;
    });
})();
