// A page opened from a search result marks the words found (each result's link names them,
// ?highlight=…: portal-search-ui.js) and shows the first one. Pagefind's own highlighter, from
// the language's bundle. Loaded by portal-search.js only for such a view: a page view from
// anywhere else downloads neither.
var dialog = document.querySelector("dialog.portal-search");
// Only the article: a page without one (404) has nothing the result was found in
var article = document.querySelector("[data-pagefind-body]");
if (article) import(new URL(dialog.dataset.portalBundle + "pagefind-highlight.js", document.baseURI).href).then(function (module) {
  new module.default({
    highlightParam: "highlight",
    addStyles: false,  // an inline style: Material already styles a <mark> in the text
    markOptions: {
      className: "portal-highlight", exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *", "[hidden] *"],
      // English: whole words (EV is not evERY); Chinese has no spaces between words
      accuracy: document.documentElement.lang.indexOf("zh") === 0 ? "partially"
        : { value: "exactly", limiters: [",", ".", ";", ":", "!", "?", "(", ")", "[", "]", "\"", "'", "“", "”", "‘", "’"] }
    }
  });
  var shown = Array.prototype.filter.call(document.querySelectorAll("mark.portal-highlight"),
    function (mark) { return mark.getClientRects().length; })[0];
  if (shown && !location.hash) shown.scrollIntoView({ block: "center" });
}).catch(function () { /* the page reads as it is without the marks */ });
