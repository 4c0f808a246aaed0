/*
 * Search never dead-ends, and matches whole words.
 *
 * 1. The help box (partials/search.html: 999, the helplines, the A to Z, "Where am I?")
 *    is shown under the results whenever a query is typed. With no result, Material's
 *    "No matching documents" becomes our plain words (data-vj-text-none, in the page's
 *    language), and Enter goes to the A to Z, as the search form does without JavaScript,
 *    instead of doing nothing.
 *
 * 2. Short words match whole. Material adds a wildcard to every word typed, so "go"
 *    also found "going" and "GOV". A word of fewer than 4 letters is sent to Material's
 *    search worker marked "^1" (a boost of 1, which changes no score), so Material adds
 *    no wildcard and lunr finds only that word. Longer words still match the start of a
 *    word ("stalk" finds "stalking"): the index has no stemmer, and readers type words in
 *    many forms. The words are split the way the index was built, with the separator
 *    from the index's own settings, so the common words it leaves out ("I", "him") are
 *    left out here too.
 *
 * Material's JavaScript is loaded only when a search starts (vj-material-on-demand.js),
 * after this script has run, so its worker is made through the wrapper below. Nothing
 * here stores anything or puts the words in an address.
 */
(function () {
  "use strict";

  var help = document.querySelector("[data-vj-search-help]");
  var box = document.querySelector(".md-search__input");
  var meta = document.querySelector(".md-search-result__meta");
  if (!help || !box || !meta || typeof window.Worker !== "function") {
    return;
  }
  // Material's message types: 0 = set up the index, 2 = query.
  var SETUP = 0;
  var QUERY = 2;
  // Characters that already tell lunr what to do with a word: leave such words alone.
  var LUNR_SYNTAX = /[*~^:]/;
  var SHORTEST_PREFIX = 4;
  var separator = null;
  var noneText = help.getAttribute("data-vj-text-none");
  var materialNoneText = null;

  function wholeWords(query) {
    if (separator === null) {
      return query;
    }
    return query.split(separator).filter(function (word) {
      return word !== "";
    }).map(function (word) {
      return LUNR_SYNTAX.test(word) || word.length >= SHORTEST_PREFIX ? word : word + "^1";
    }).join(" ");
  }

  var NativeWorker = window.Worker;
  window.Worker = function (url, options) {
    var worker = new NativeWorker(url, options);
    var post = worker.postMessage;
    worker.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === SETUP && message.data && message.data.config) {
        try {
          separator = new RegExp(message.data.config.separator);
        } catch (error) {
          separator = null;
        }
      } else if (message && message.type === QUERY && typeof message.data === "string") {
        args[0] = { type: QUERY, data: wholeWords(message.data) };
      }
      return post.apply(worker, args);
    };
    return worker;
  };
  window.Worker.prototype = NativeWorker.prototype;

  function readMaterialNoneText() {
    if (materialNoneText === null) {
      var config = document.getElementById("__config");
      try {
        materialNoneText = JSON.parse(config.textContent).translations["search.result.none"];
      } catch (error) {
        materialNoneText = "";
      }
    }
    return materialNoneText;
  }

  function nothingFound() {
    var text = meta.textContent.trim();
    return text !== "" && (text === readMaterialNoneText() || text === noneText);
  }

  function update() {
    if (nothingFound() && meta.textContent.trim() !== noneText) {
      meta.textContent = noneText;  // observed again, but then there is nothing to change
    }
    var typed = box.value.trim() !== "";
    help.hidden = !typed;
    help.classList.toggle("vj-search-help--none", typed && nothingFound());
  }

  new MutationObserver(update).observe(meta, { childList: true, characterData: true,
                                              subtree: true });
  box.addEventListener("input", update);

  // Enter with nothing found: go to the A to Z, as the form does without JavaScript.
  // Material would otherwise stop the form, so this runs first and keeps it from Material.
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && box.value.trim() !== "" && nothingFound()) {
      event.stopPropagation();
      box.form.submit();
      event.preventDefault();
    }
  });
})();
