/*
 * Keyboard fixes to Material for MkDocs (see theme/main.html). Both listen on window
 * in the capturing phase, which runs before Material's own handler on window, whether
 * Material's script is loaded at the start or later (vj-material-on-demand.js).
 *
 * 1. One-key shortcuts off. Material goes to the next or previous page when "n", "p", "."
 *    or "," is pressed, and to the search box on "s", "f" or "/". Shortcuts made of one
 *    character fail WCAG 2.1.4 (Character Key Shortcuts): people who use speech input set
 *    them off by accident, and so may a reader in a hurry. In a text box they are just
 *    letters, so they are left alone there.
 *
 * 2. Menu sections open with the keyboard. Material's menu sections are <label>s that
 *    take focus (tabindex="0") and open with a click, through a hidden checkbox. A label
 *    does nothing with Enter or Space by itself, and Material's script, which clicks it on
 *    Enter, may not be loaded. Enter and Space click it here, as they would a button, and
 *    Material never sees the key, so the section is not toggled twice (WCAG 2.1.1).
 */
(function () {
  "use strict";
  var SHORTCUTS = ["n", "N", "p", "P", ".", ",", "s", "S", "f", "F", "/"];

  function isTyping(element) {
    return !!element && (element.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  function isLabelButton(element) {
    return element instanceof HTMLLabelElement && element.hasAttribute("for") &&
      element.tabIndex >= 0;
  }

  window.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if ((event.key === "Enter" || event.key === " ") && isLabelButton(target)) {
      event.preventDefault(); // Space would scroll the page
      event.stopPropagation();
      target.click();
      return;
    }
    if (SHORTCUTS.indexOf(event.key) !== -1 && !isTyping(target)) {
      // The key keeps its normal effect (none, on a page) but Material never sees it.
      event.stopPropagation();
    }
  }, true);
})();
