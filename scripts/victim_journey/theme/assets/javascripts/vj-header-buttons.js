/*
 * Keyboard buttons for Material's menu and search, and the state of its menu sections.
 *
 * Material opens its menu drawer and its folded search box with <label>s for hidden
 * checkboxes: a mouse or a finger can press them, a keyboard cannot. While closed, the
 * drawer and the search box are hidden and out of the Tab order (vj-keyboard-zoom.css),
 * so without a keyboard button they could not be reached at all. Each label is replaced
 * here by a real <button> with aria-expanded, in the same place and with the same icon;
 * Escape closes what it opened and gives focus back to it. Without JavaScript the labels
 * stay, for a mouse or a finger, and the page's own links (the journey at the top of
 * each stage, the footer) lead everywhere.
 *
 * Material's menu sections ("Step by step") are <label>s that take focus; they are given
 * the role and the state of a button (vj-a11y-keys.js presses them with Enter and Space).
 *
 * The buttons' names are the page's words, in the page's language: this script's own tag
 * holds them (data-vj-menu, data-vj-search; partials/vj-scripts.html).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var NAMES = {
    __drawer: (script && script.getAttribute("data-vj-menu")) || "Menu",
    __search: (script && script.getAttribute("data-vj-search")) || "Search"
  };
  var CONTROLS = { __drawer: "vj-navigation", __search: "vj-search" };
  var buttons = {};

  function toggleFor(id) {
    return document.getElementById(id);
  }

  function sync() {
    Object.keys(buttons).forEach(function (id) {
      var toggle = toggleFor(id);
      buttons[id].setAttribute("aria-expanded", toggle && toggle.checked ? "true" : "false");
    });
    Array.prototype.forEach.call(
      document.querySelectorAll("label.md-nav__link[for][tabindex]"), function (label) {
        var toggle = toggleFor(label.getAttribute("for"));
        if (toggle) {
          label.setAttribute("role", "button");
          label.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
        }
      });
  }

  function replace(label) {
    var id = label.getAttribute("for");
    var target = id === "__drawer" ? document.querySelector(".md-sidebar--primary")
      : document.querySelector(".md-search");
    if (!toggleFor(id) || !target) {
      return;
    }
    if (!target.id) {
      target.id = CONTROLS[id];
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " vj-header-button vj-header-button--" +
      (id === "__drawer" ? "menu" : "search");
    button.setAttribute("aria-label", NAMES[id]);
    button.setAttribute("aria-controls", target.id);
    button.setAttribute("data-vj-header-button", id);
    while (label.firstChild) {
      button.appendChild(label.firstChild);
    }
    label.parentNode.insertBefore(button, label);
    label.parentNode.removeChild(label);
    buttons[id] = button;
    button.addEventListener("click", function () {
      var toggle = toggleFor(id);
      toggle.click(); // fires "change", which Material listens for once it is loaded
      sync();
      if (id === "__search" && toggle.checked) {
        var input = document.querySelector(".md-search__input");
        if (input) {
          input.focus();
        }
      }
    });
  }

  Array.prototype.forEach.call(
    document.querySelectorAll("label.md-header__button[for='__drawer'], " +
      "label.md-header__button[for='__search']"), replace);

  // Escape closes the drawer or the search box and gives focus back to its button.
  var openOnEscape = null;
  window.addEventListener("keydown", function (event) {
    openOnEscape = null;
    if (event.key !== "Escape") {
      return;
    }
    Object.keys(buttons).forEach(function (id) {
      if (toggleFor(id).checked) {
        openOnEscape = id;
      }
    });
  }, true);
  window.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !openOnEscape) {
      return;
    }
    var toggle = toggleFor(openOnEscape);
    if (toggle.checked) {
      toggle.click();
    }
    buttons[openOnEscape].focus();
    openOnEscape = null;
    sync();
  });

  document.addEventListener("change", sync);
  document.addEventListener("focusin", sync);
  sync();
})();
