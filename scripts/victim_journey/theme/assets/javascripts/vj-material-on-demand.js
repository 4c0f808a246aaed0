/*
 * Load Material for MkDocs' JavaScript only when a reader starts a search.
 *
 * Why: Material's bundle (about 35 KB compressed) starts its search worker at once, and
 * the worker fetches the whole search index. On a pay-as-you-go phone that is most of a
 * first visit's weight, for a feature most readers never use. Every page works without
 * any of it (the drawer and the table of contents are CSS), so it waits until the search
 * box is focused or pressed.
 *
 * Material starts on DOMContentLoaded, which has already happened by then, so the event
 * is sent again once the bundle has run. None of our own scripts listen for it.
 *
 * Before it runs, the page's <link rel="alternate" hreflang> tags are taken out of the
 * live page. They are for search engines, which read the page as it was served. Material
 * fetches the whole sitemap.xml for each of them (to map pages between languages when
 * its own language selector is used), which would cost a reader on a phone a download the
 * size of the site's list of pages, and this site's language switcher does not need it.
 */
(function () {
  "use strict";

  var holder = document.querySelector("script[data-vj-material]");
  if (!holder) {
    return;
  }
  var requested = false;
  // Material's CSS hides search while the page is marked "no-js"; this class shows it
  // again (see victim-journey.css), and the rest of the page keeps its no-JS layout
  // until Material has loaded.
  document.documentElement.classList.add("vj-search-on-demand");

  function loadMaterial() {
    if (requested) {
      return;
    }
    requested = true;
    var alternates = document.querySelectorAll("link[rel=alternate][hreflang]");
    for (var i = 0; i < alternates.length; i++) {
      alternates[i].remove();
    }
    var script = document.createElement("script");
    script.src = holder.getAttribute("data-vj-material");
    script.addEventListener("load", function () {
      document.dispatchEvent(new Event("DOMContentLoaded"));
      document.documentElement.setAttribute("data-vj-material", "ready");
    });
    document.body.appendChild(script);
  }

  function startsSearch(target) {
    return target instanceof Element &&
      target.closest(".md-search, label[for='__search'], [data-vj-header-button='__search']") !== null;
  }

  document.addEventListener("focusin", function (event) {
    if (startsSearch(event.target)) {
      loadMaterial();
    }
  });
  document.addEventListener("pointerdown", function (event) {
    if (startsSearch(event.target)) {
      loadMaterial();
    }
  }, true);
})();
