// Links into another language (the switcher, the 404 page's home links) are followed as
// written: they already name the page in that language. Material's script would re-route such a
// click through the language folder's sitemap.xml and, when the page is not found there, send it
// to the language's root without its slash: a redirect, and the wrong page (mkdocs-material
// issue 8576). Its handler listens on <body>; this one, on the document in the capture phase,
// keeps the click from reaching it. Language roots: the head's hreflang links.
(function () {
  "use strict";
  var roots = Array.prototype.map.call(
    document.querySelectorAll('link[rel=alternate][hreflang]:not([hreflang=x-default])'),
    function (link) { return new URL(link.href).pathname; });
  if (roots.length < 2) return;
  function language(url) {  // the longest language root the path starts with
    return roots.reduce(function (found, root) {
      return url.pathname.indexOf(root) === 0 && root.length > found.length ? root : found;
    }, "");
  }
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element && event.target.closest("a[href]");
    if (!link || link.target || link.origin !== location.origin) return;
    if (language(new URL(link.href)) !== language(location)) event.stopPropagation();
  }, true);
})();

// Search: the header button, the "/" key and a search asked for in the address (?q=…, from
// another language's offer) load the search code on first use (portal-search-ui.js: Pagefind's
// UI, the index, the Chinese query handling); a page view loads none of it.
(function () {
  "use strict";
  var button = document.querySelector("[data-portal-search]");
  var dialog = document.querySelector("dialog.portal-search");
  if (!button || !dialog) return;
  var code = null;

  function open(term) {
    if (!code) {
      code = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL(dialog.dataset.portalScript, document.baseURI).href;
        script.onload = resolve;
        script.onerror = function () { code = null; reject(new Error("search could not load")); };
        document.head.appendChild(script);
      });
    }
    code.then(function () { window.portalSearch(term); });
  }

  function typing(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  button.addEventListener("click", function () { open(); });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || typing(document.activeElement)) return;
    event.preventDefault();
    open();
  });
  var address = new URLSearchParams(location.search);
  if (address.get("q")) open(address.get("q"));
  // Opened from a search result: portal-highlight.js marks the words found
  if (address.has("highlight")) import(new URL("portal-highlight.js", new URL(dialog.dataset.portalScript, document.baseURI)).href);
})();
