/*
 * Show and hide each step of the home page's step-by-step list, as GOV.UK's step-by-step
 * navigation does. Without JavaScript every step's summary is shown and there are no
 * buttons; nothing here is needed to read the page.
 *
 * - Each step's heading gets a real <button> after its link, with aria-expanded and
 *   aria-controls, and words that say which step it is for screen readers
 *   ("Show<hidden> Reporting a crime</hidden>").
 * - A "Show all steps" button before the list opens or closes every step.
 * - Steps start closed, as on GOV.UK. Nothing is remembered: the page starts the same
 *   way each time, and nothing is stored in the browser.
 * - The words are the page's, in its language: data-vj-* attributes on the list
 *   (home.md.j2, journey/interface-text.yml).
 */
(function () {
  "use strict";

  function words(list, name, english) {
    return list.getAttribute("data-vj-" + name) || english;
  }

  function setUp(list) {
    var steps = [];
    Array.prototype.forEach.call(list.querySelectorAll(".vj-step"), function (step) {
      var title = step.querySelector(".vj-step__title");
      var summary = step.querySelector(".vj-step__summary");
      if (!title || !summary || !summary.id) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "vj-step__toggle";
      button.setAttribute("aria-controls", summary.id);
      var label = document.createElement("span");
      var which = document.createElement("span");
      which.className = "vj-visually-hidden";
      which.textContent = " " + title.textContent.trim();
      button.appendChild(label);
      button.appendChild(which);
      title.appendChild(document.createTextNode(" "));
      title.appendChild(button);
      var entry = { button: button, label: label, summary: summary };
      steps.push(entry);
      button.addEventListener("click", function () {
        show(entry, summary.hidden);
        showAllButton();
      });
    });
    if (steps.length === 0) {
      return;
    }

    function show(entry, open) {
      entry.summary.hidden = !open;
      entry.button.setAttribute("aria-expanded", open ? "true" : "false");
      entry.label.textContent = open ? words(list, "hide", "Hide") :
        words(list, "show", "Show");
    }

    var all = document.createElement("button");
    all.type = "button";
    all.className = "vj-step-by-step__all";
    all.setAttribute("aria-controls", steps.map(function (entry) {
      return entry.summary.id;
    }).join(" "));
    list.parentNode.insertBefore(all, list);

    function allOpen() {
      return steps.every(function (entry) { return !entry.summary.hidden; });
    }

    function showAllButton() {
      var open = allOpen();
      all.setAttribute("aria-expanded", open ? "true" : "false");
      all.textContent = open ? words(list, "hide-all", "Hide all steps") :
        words(list, "show-all", "Show all steps");
    }

    all.addEventListener("click", function () {
      var open = !allOpen();
      steps.forEach(function (entry) { show(entry, open); });
      showAllButton();
    });

    steps.forEach(function (entry) { show(entry, false); });
    showAllButton();
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-vj-step-by-step]"), setUp);
})();
