// A page opened from a search result marks the words found (each result's link names them,
// ?highlight=…: portal-search-ui.js) and shows the first one. Pagefind's own highlighter, from
// the language's bundle. Loaded by portal-search.js only for such a view: a page view from
// anywhere else downloads neither.
var dialog = document.querySelector("dialog.portal-search");
import(new URL(dialog.dataset.portalBundle + "pagefind-highlight.js", document.baseURI).href).then(function (module) {
  new module.default({
    highlightParam: "highlight",
    addStyles: false,  // an inline style: Material already styles a <mark> in the text
    markOptions: { className: "portal-highlight", exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *", "[hidden] *"] }
  });
  var shown = Array.prototype.filter.call(document.querySelectorAll("mark.portal-highlight"),
    function (mark) { return mark.getClientRects().length; })[0];
  if (shown && !location.hash) shown.scrollIntoView({ block: "center" });
}).catch(function () { /* the page reads as it is without the marks */ });
