/*
 * Exit this page: improves the plain link in partials/vj-exit.html, which works alone.
 *
 * - Pressing Shift 3 times on its own leaves the page, as in GOV.UK's "Exit this page"
 *   (govuk-frontend). Shift used with another key does not count, another key starts
 *   the count again, and the count resets after 5 seconds without a press. Each press
 *   lights one of 3 dots on the button, as GOV.UK's indicator does, so a reader sees
 *   the count; each is also announced in the status region for screen reader users
 *   (the dots themselves are hidden from them, so nothing is said twice).
 * - On leaving, the page is blanked at once, before the other site loads: on a slow
 *   connection the page would otherwise stay on screen for seconds.
 * - It leaves with location.replace, not a link: the browser swaps this page's entry
 *   in its history for the other site, so Back does not bring it up again. GOV.UK
 *   keeps its page in history; we go further because the person watching may press
 *   Back. Pages read before this one stay in history (see "Staying safe online").
 * - Its words are the page's, in the page's language: partials/vj-exit.html puts them in
 *   data-vj-exit-* attributes. The English here is used only if one is missing.
 */
(function () {
  "use strict";

  var PRESSES_TO_EXIT = 3;
  var RESET_AFTER_MS = 5000;
  var MESSAGES = {
    2: "Shift, press 2 more times to exit.",
    1: "Shift, press 1 more time to exit.",
    expired: "Exit this page expired.",
    // Neutral words: they stay on screen while the other site loads.
    leaving: "Loading."
  };

  var root = document.querySelector("[data-vj-exit]");
  var links = document.querySelectorAll("[data-vj-exit-link]");
  if (!root || links.length === 0) {
    return;
  }
  // data-vj-exit-pressed-2, -pressed-1, -expired and -leaving.
  Object.keys(MESSAGES).forEach(function (key) {
    var attribute = "data-vj-exit-" + (/^[0-9]+$/.test(key) ? "pressed-" + key : key);
    MESSAGES[key] = root.getAttribute(attribute) || MESSAGES[key];
  });
  var status = root.querySelector("[data-vj-exit-status]");
  var exitUrl = links[0].href;
  var lights = addIndicator(links[0]);

  var presses = 0;
  var shiftAlone = false;
  var resetTimer = null;
  var clearTimer = null;

  // Three dots on the button, lit one per press of Shift.
  function addIndicator(button) {
    var indicator = document.createElement("span");
    indicator.className = "vj-exit__indicator";
    indicator.setAttribute("aria-hidden", "true");
    indicator.setAttribute("data-vj-exit-indicator", "");
    var dots = [];
    for (var i = 0; i < PRESSES_TO_EXIT; i += 1) {
      var dot = document.createElement("span");
      dot.className = "vj-exit__light";
      indicator.appendChild(dot);
      dots.push(dot);
    }
    button.appendChild(indicator);
    return { indicator: indicator, dots: dots };
  }

  function showPresses(count) {
    lights.indicator.classList.toggle("vj-exit__indicator--visible", count > 0);
    lights.dots.forEach(function (dot, index) {
      dot.classList.toggle("vj-exit__light--on", index < count);
    });
  }

  function announce(message) {
    if (status) {
      status.textContent = message;
    }
  }

  function stopTimers() {
    window.clearTimeout(resetTimer);
    window.clearTimeout(clearTimer);
    resetTimer = null;
    clearTimer = null;
  }

  function expire() {
    stopTimers();
    presses = 0;
    showPresses(0);
    announce(MESSAGES.expired);
    // Clear the message later, so a screen reader does not find it again by chance.
    clearTimer = window.setTimeout(function () { announce(""); }, RESET_AFTER_MS);
  }

  function exitPage(event) {
    if (event) {
      event.preventDefault();
    }
    stopTimers();
    presses = 0;
    showPresses(0);
    announce("");
    var overlay = document.createElement("div");
    overlay.className = "vj-exit-overlay";
    overlay.setAttribute("role", "alert");
    document.body.appendChild(overlay);
    document.documentElement.classList.add("vj-exit-leaving");
    // Text set after the element is in the page is announced more reliably.
    overlay.textContent = MESSAGES.leaving;
    document.title = MESSAGES.leaving;
    leaveAfterPaint();
  }

  // Leave once the blank overlay has been drawn, so anyone looking at the screen sees it
  // at once rather than the page lingering while the other site loads. The timer is a
  // fallback for browsers that hold back animation frames.
  function leaveAfterPaint() {
    var left = false;
    function leave() {
      if (!left) {
        left = true;
        window.location.replace(exitUrl);
      }
    }
    window.requestAnimationFrame(function () {
      window.setTimeout(leave, 0);
    });
    window.setTimeout(leave, 100);
  }

  function onKeyDown(event) {
    if (event.key === "Shift") {
      if (!event.repeat) {
        shiftAlone = true;
      }
      return;
    }
    // Any other key: the Shift being held is a modifier, and a sequence in progress
    // was interrupted.
    shiftAlone = false;
    if (presses > 0) {
      expire();
    }
  }

  function onKeyUp(event) {
    if (event.key !== "Shift" || !shiftAlone) {
      return;
    }
    shiftAlone = false;
    presses += 1;
    stopTimers();
    if (presses >= PRESSES_TO_EXIT) {
      exitPage(null);
      return;
    }
    showPresses(presses);
    announce(MESSAGES[PRESSES_TO_EXIT - presses]);
    resetTimer = window.setTimeout(expire, RESET_AFTER_MS);
  }

  // If the browser shows this page again from its back-forward cache, take the blank
  // overlay away and start counting afresh. Only then: pageshow also comes with the
  // first load, and this script runs well before that (it comes just after the exit
  // bar), so a count or a leaving already under way must not be undone.
  function onPageShow(event) {
    if (!event.persisted) {
      return;
    }
    document.documentElement.classList.remove("vj-exit-leaving");
    var overlays = document.querySelectorAll(".vj-exit-overlay");
    for (var i = 0; i < overlays.length; i += 1) {
      overlays[i].parentNode.removeChild(overlays[i]);
    }
    stopTimers();
    presses = 0;
    showPresses(0);
    announce("");
  }

  for (var i = 0; i < links.length; i += 1) {
    links[i].addEventListener("click", exitPage);
  }
  // On window, capturing: the first place a key event reaches. Other scripts stop some
  // keys there (vj-a11y-keys.js hides "S" from Material); stopPropagation does not stop
  // other listeners on the same target, so we still see Shift+S as Shift with a key.
  window.addEventListener("keydown", onKeyDown, true);
  window.addEventListener("keyup", onKeyUp, true);
  window.addEventListener("pageshow", onPageShow);
})();
