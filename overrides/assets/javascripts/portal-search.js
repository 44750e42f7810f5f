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

// Search: Pagefind's default UI in a dialog, loaded on first use. A page view downloads
// no search code and no index; opening search (the header button or "/") loads them once.
(function () {
  "use strict";
  var button = document.querySelector("[data-portal-search]");
  var dialog = document.querySelector("dialog.portal-search");
  if (!button || !dialog) return;
  // Absolute paths: Pagefind needs them when the site is served under a sub-path (/portal/)
  var bundle = new URL(dialog.dataset.portalBundle, document.baseURI);
  var root = new URL(dialog.dataset.portalRoot, document.baseURI);
  var loading = null;

  function load() {
    if (loading) return loading;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = bundle.href + "pagefind-ui.css";
    document.head.appendChild(css);
    loading = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = bundle.href + "pagefind-ui.js";
      script.onload = resolve;
      script.onerror = function () { loading = null; reject(new Error("search could not load")); };
      document.head.appendChild(script);
    }).then(function () {
      // The UI reads its language (labels, index) from <html lang>
      new PagefindUI({
        element: dialog.querySelector(".portal-search__ui"),
        bundlePath: bundle.pathname,
        baseUrl: root.pathname,
        showImages: false,
        showSubResults: false,
        autofocus: true,
        // Less weight on page length than Pagefind's default (0.75): a long page such as the
        // glossary must still rank first for the terms it defines
        ranking: { pageLength: 0.25 },
        // Pagefind has no zh-Hant strings (it would show Simplified): the language's own, if set
        translations: dialog.dataset.portalTranslations ? JSON.parse(dialog.dataset.portalTranslations) : undefined
      });
    });
    return loading;
  }

  function open() {
    load().then(function () {
      if (!dialog.open) dialog.showModal();
      var input = dialog.querySelector("input");
      if (!input) return;
      // Pagefind's input has only a title; screen readers need a label (axe: label-title-only)
      input.setAttribute("aria-label", dialog.getAttribute("aria-label"));
      input.focus();
    });
  }

  function typing(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  button.addEventListener("click", open);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || typing(document.activeElement)) return;
    event.preventDefault();
    open();
  });
  dialog.querySelector("[data-portal-search-close]").addEventListener("click", function () { dialog.close(); });
  // A click on the backdrop (outside the dialog's box) closes it
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", function () { button.focus(); });
})();
