// Search: Pagefind's default UI in a dialog. This file, Pagefind and the index load when a reader
// first opens search (assets/javascripts/portal-search.js, in every page, loads it); a page view
// downloads none of them.
//
// One Pagefind bundle per language, in the language's folder (generator/publish/search.py).
// Chinese: both Chinese indexes read Simplified (the Traditional
// pages are indexed as their Simplified rendering, character for character), so a query is
// turned into Simplified first (t2s.json, in each Chinese bundle), and a Traditional result shows
// its own characters again (its `hant` metadata: the Han characters of its text, in order);
// a long Chinese run is cut into the index's words (t2s.json lists them), as the index was.
// Synonyms are indexed after a "⁂" and cut from excerpts; a query that is one of them (or the
// title of a page they name) shows that page above the results (best.json, in each bundle:
// data/search_synonyms.yml says where a term leads, whatever Pagefind ranks first). A query with
// no result here shows how many the other two languages have (each language's own bundle), with
// links to search there.
(function () {
  "use strict";
  var button = document.querySelector("[data-portal-search]");
  var dialog = document.querySelector("dialog.portal-search");
  if (!button || !dialog) return;
  // Absolute paths: Pagefind needs them when the site is served under a sub-path (/portal/)
  var bundle = new URL(dialog.dataset.portalBundle, document.baseURI);
  var root = new URL(dialog.dataset.portalRoot, document.baseURI);
  var language = (document.documentElement.lang || "en").toLowerCase();
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
  // A result's link carries the query's words in this parameter; the page it opens marks them
  // (portal-search.js)
  var HIGHLIGHT = "highlight";
  var WORDS = {
    "en": { none: "No results in English. In the other languages:", count: function (n) { return n + (n === 1 ? " result" : " results"); }, name: "English",
            nowhere: "No results in any language: the published sources may not cover this. Ask the investment promotion offices:", contact: "Contact",
            best: "Best match: " },
    "zh": { none: "简体中文版没有结果。其他语言版本：", count: function (n) { return n + " 个结果"; }, name: "简体中文",
            nowhere: "所有语言版本都没有结果，公开来源可能未涉及。请咨询投资促进机构：", contact: "联系我们",
            best: "最相关页面：" },
    "zh-hant": { none: "繁體中文版沒有結果。其他語言版本：", count: function (n) { return n + " 個結果"; }, name: "繁體中文",
                 nowhere: "所有語言版本都沒有結果，公開來源可能未有涵蓋。請向投資促進機構查詢：", contact: "聯絡我們",
                 best: "最相關頁面：" }
  };
  var words = WORDS[language] || WORDS.en;
  var loading = null;
  var ui = null;
  var maps = {};  // per Chinese language, from its bundle's t2s.json: {t2s, words, longest}
  var NO_MAP = { t2s: {}, words: {}, longest: 1 };

  // A Chinese bundle's t2s.json: Traditional character -> Simplified, and the words of its index
  function mapOf(code, at) {
    if (code.indexOf("zh") !== 0) return Promise.resolve(NO_MAP);
    if (!maps[code]) {
      maps[code] = fetch(at.href + "t2s.json").then(function (r) { return r.ok ? r.json() : {}; })
        .then(function (m) {
          var map = { t2s: m.t2s || {}, words: {}, longest: 1 };
          (m.words || []).forEach(function (w) { map.words[w] = true; map.longest = Math.max(map.longest, w.length); });
          return map;
        }, function () { return NO_MAP; });
    }
    return maps[code];
  }
  var own = NO_MAP;  // this language's map, once loaded
  var best = { terms: {}, titles: {} };  // this language's best.json, once loaded

  function simplified(term, map) {
    return term.replace(HAN, function (c) { return map.t2s[c] || c; });
  }

  // A long run of Chinese (5 characters or more) that is not itself an indexed word, cut into
  // the index's words, longest first: 超长期特别国债 -> 超 长期 特别 国债
  function segmented(term, map) {
    return term.replace(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{5,}/g, function (run) {
      if (map.words[run]) return run;
      var parts = [];
      for (var i = 0; i < run.length;) {
        var n = Math.min(map.longest, run.length - i);
        while (n > 1 && !map.words[run.substr(i, n)]) n--;
        parts.push(run.substr(i, n));
        i += n;
      }
      return " " + parts.join(" ") + " ";
    }).replace(/\s+/g, " ").trim();
  }

  function chinese(term, map) {
    return segmented(simplified(term, map), map);
  }

  // Synonyms: indexed first, between two "⁂", never shown: an excerpt holding one starts
  // at or inside them, so what follows the last one is the page's own text
  function withoutSynonyms(excerpt) {
    var last = excerpt.lastIndexOf("⁂");
    return last < 0 ? excerpt : excerpt.slice(last + 1).replace(/^(<\/mark>)?[\s.\u200b]+/, "");
  }

  // A Traditional page's excerpt in its own characters: the excerpt is a run of the indexed
  // (Simplified) content; its n-th Han character is the page's n-th, in `hant`
  function traditional(result) {
    var hant = result.meta && result.meta.hant;
    if (!hant) return result;
    // A copy: Pagefind keeps the page's data, metadata included, for the next search that finds
    // it (a refined query, "load more"); taken out of it, that page came back in Simplified
    var meta = Object.assign({}, result.meta);
    delete meta.hant;  // the page's characters are for the excerpt, not to be shown as metadata
    result = Object.assign({}, result, { meta: meta });
    var plain = result.content.replace(/\u200b/g, "");
    var excerpt = result.excerpt.replace(/<\/?mark>/g, "").replace(/\u200b/g, "");
    var at = plain.indexOf(excerpt);
    if (at < 0) return result;
    var index = (plain.slice(0, at).match(HAN) || []).length;
    result.excerpt = result.excerpt.replace(HAN, function (c) { return hant.charAt(index++) || c; });
    result.url = traditionalTerms(result.url, plain, hant);
    return result;
  }

  // The words a result's link asks its page to highlight (HIGHLIGHT), as that Traditional page
  // writes them: each is found in the indexed (Simplified) text and read from `hant` there
  function traditionalTerms(url, plain, hant) {
    var link = new URL(url, location.href);
    var terms = link.searchParams.getAll(HIGHLIGHT);
    if (!terms.length) return url;
    link.searchParams.delete(HIGHLIGHT);
    terms.forEach(function (term) {
      var at = plain.indexOf(term);
      if (at >= 0) {
        var index = (plain.slice(0, at).match(HAN) || []).length;
        term = term.replace(HAN, function (c) { return hant.charAt(index++) || c; });
      }
      link.searchParams.append(HIGHLIGHT, term);
    });
    return link.pathname + link.search + link.hash;
  }

  // The page data/search_synonyms.yml sends a query to, above the results, in the form (before
  // the results' drawer): compared as generator/read/synonyms.py best_key writes the terms
  var shortcut = document.createElement("p");
  shortcut.className = "portal-search__best";
  shortcut.hidden = true;

  function bestMatch(term) {
    var key = term.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
    if (language.indexOf("zh") === 0) key = simplified(key, own);
    var page = Object.prototype.hasOwnProperty.call(best.terms, key) ? best.terms[key] : null;
    shortcut.hidden = !page;
    if (!page) return;
    shortcut.textContent = words.best;
    var link = document.createElement("a");
    link.href = new URL("../" + page, bundle).pathname;
    link.textContent = best.titles[page] || page;
    shortcut.appendChild(link);
    var form = dialog.querySelector(".pagefind-ui__form");
    var drawer = form && form.querySelector(".pagefind-ui__drawer");
    if (drawer) drawer.before(shortcut);
    else if (form) form.appendChild(shortcut);
  }

  // The words a result's page marks. English: the words as typed (Pagefind names its own forms:
  // R&D as rd, which would mark standaRD). Chinese: the index's words, but a query they cut
  // (超长期特别国债 -> 超 长期 特别 国债) as one phrase on a page that holds it whole: alone, 超 would
  // be marked in every 超过
  var marked = null;

  function markedWords(result) {
    if (!marked) return result;
    if (!marked.phrase && language.indexOf("zh") === 0) return result;
    if (marked.phrase && result.content.replace(/\u200b/g, "").indexOf(marked.phrase) < 0) return result;
    var link = new URL(result.url, location.href);
    link.searchParams.delete(HIGHLIGHT);
    (marked.phrase ? [marked.phrase] : marked.words).forEach(function (w) { link.searchParams.append(HIGHLIGHT, w); });
    return Object.assign({}, result, { url: link.pathname + link.search + link.hash });
  }

  // A source link is left out of the index (generator/publish/search.py): its brackets are not,
  // and read "平台。（）" or "work. (). May" in an excerpt
  function withoutEmptyBrackets(excerpt) {
    return excerpt.replace(/(\S?)\s?[（(]\s*[）)](\.?)/g, function (all, before, dot) {
      return before + (/[.。]/.test(before) ? "" : dot);
    });
  }

  function processResult(result) {
    result = traditional(markedWords(result));
    result.excerpt = withoutEmptyBrackets(withoutSynonyms(result.excerpt));
    return result;
  }

  // The other languages: the language roots of the head's hreflang links, each searched by
  // its own Pagefind instance (its own bundle's pagefind.js, a module of its own). A language's
  // bundle is in its folder: its root's path below the site's root (the shortest of them)
  var roots = Array.prototype.filter.call(
    document.querySelectorAll('link[rel=alternate][hreflang]'),
    function (link) { return link.hreflang !== "x-default"; });
  var others = roots.filter(function (link) { return link.hreflang.toLowerCase() !== language; });
  var top = roots.reduce(function (found, link) {
    var path = new URL(link.href).pathname;
    return found === null || path.length < found.length ? path : found;
  }, null);
  var bundles = {};
  others.forEach(function (link) {
    var folder = new URL(link.href).pathname.slice(top.length);
    bundles[link.hreflang.toLowerCase()] = new URL(folder + "pagefind/", root);
  });
  bundles[language] = bundle;
  var instances = {};
  var asked = 0;
  var offer = document.createElement("p");
  offer.className = "portal-search__elsewhere";
  offer.setAttribute("role", "status");
  offer.hidden = true;

  function instance(code) {
    if (!instances[code]) {
      // This language's: the UI's own instance (the same module), its index already loaded
      if (code === language) return import(bundle.href + "pagefind.js");
      var at = bundles[code];
      instances[code] = import(at.href + "pagefind.js").then(function (pf) {
        return pf.options({ basePath: at.pathname, baseUrl: root.pathname, language: code }).then(function () { return pf; });
      });
    }
    return instances[code];
  }

  function count(code, term) {
    return Promise.all([instance(code), mapOf(code, bundles[code])]).then(function (loaded) {
      return loaded[0].search(code.indexOf("zh") === 0 ? chinese(term, loaded[1]) : term);
    }).then(function (found) { return found.results.length; });
  }

  function elsewhere(term) {
    var ask = ++asked;
    offer.hidden = true;
    if (!term.trim() || !others.length) return;
    count(language, term).then(function (here) {
      if (here || ask !== asked) return;
      return Promise.all(others.map(function (link) { return count(link.hreflang.toLowerCase(), term); }))
        .then(function (counts) {
          if (ask !== asked) return;
          if (!counts.some(function (n) { return n > 0; })) {
            // Nowhere: say so, and where to ask (this language's contact page)
            var own = roots.filter(function (link) { return link.hreflang.toLowerCase() === language; })[0];
            offer.textContent = words.nowhere + " ";
            var contact = document.createElement("a");
            contact.href = new URL(new URL(own ? own.href : root.href).pathname + "contact/", location.href).pathname;
            contact.textContent = words.contact;
            contact.className = "portal-search__contact";
            offer.appendChild(contact);
            offer.hidden = false;
            return;
          }
          offer.textContent = words.none + " ";
          others.forEach(function (link, i) {
            if (!counts[i]) return;  // only where there is something to find
            var target = new URL(link.href);
            var a = document.createElement("a");
            a.href = new URL(target.pathname, location.href).pathname + "?q=" + encodeURIComponent(term);
            a.hreflang = link.hreflang;
            a.lang = link.hreflang;
            a.dataset.portalCount = counts[i];
            a.textContent = (WORDS[link.hreflang.toLowerCase()] || WORDS.en).name + ": " + words.count(counts[i]);
            if (offer.querySelector("a")) offer.appendChild(document.createTextNode(" · "));
            offer.appendChild(a);
          });
          offer.hidden = false;
        });
    }).catch(function () { /* the offer is a help: without it, search works as before */ });
  }

  function load() {
    if (loading) return loading;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = bundle.href + "pagefind-ui.css";
    document.head.appendChild(css);
    var map = mapOf(language, bundle).then(function (m) { own = m; });
    var shortcuts = fetch(bundle.href + "best.json").then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (b) { best = { terms: b.terms || {}, titles: b.titles || {} }; }, function () { /* none: no shortcut */ });
    loading = Promise.all([map, shortcuts, new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = bundle.href + "pagefind-ui.js";
      script.onload = resolve;
      script.onerror = function () { loading = null; reject(new Error("search could not load")); };
      document.head.appendChild(script);
    })]).then(function () {
      // The UI reads its language (labels, index) from <html lang>
      ui = new PagefindUI({
        element: dialog.querySelector(".portal-search__ui"),
        bundlePath: bundle.pathname,
        baseUrl: root.pathname,
        showImages: false,
        showSubResults: false,
        autofocus: true,
        // Less weight on page length than Pagefind's default (0.75): a long page such as the
        // glossary must still rank first for the terms it defines
        ranking: { pageLength: 0.25 },
        highlightParam: HIGHLIGHT,  // passed on to Pagefind: each result's link names the words found
        processTerm: function (term) {
          elsewhere(term);
          bestMatch(term);
          var typed = term.trim().split(/\s+/).filter(Boolean);
          if (language.indexOf("zh") !== 0) {
            marked = { words: typed, phrase: "" };
            return term;
          }
          var words = chinese(term, own);
          // one run of Chinese that the index's words cut: the reader typed no space
          var cut = typed.length === 1 && words.indexOf(" ") > 0 && !/[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff ]/.test(words);
          marked = { words: [], phrase: cut ? words.replace(/ /g, "") : "" };
          return words;
        },
        processResult: processResult,
        // Pagefind has no zh-Hant strings (it would show Simplified): the language's own, if set
        translations: dialog.dataset.portalTranslations ? JSON.parse(dialog.dataset.portalTranslations) : undefined
      });
      dialog.querySelector(".portal-search__ui").after(offer);
    });
    return loading;
  }

  function open(term) {
    load().then(function () {
      if (!dialog.open) dialog.showModal();
      var input = dialog.querySelector("input");
      if (!input) return;
      // Pagefind's input has only a title; screen readers need a label (axe: label-title-only)
      input.setAttribute("aria-label", dialog.getAttribute("aria-label"));
      input.focus();
      if (typeof term === "string" && term) ui.triggerSearch(term);
    });
  }

  window.portalSearch = open;  // for the page's own small script (portal-search.js)
  dialog.querySelector("[data-portal-search-close]").addEventListener("click", function () { dialog.close(); });
  // A click on the backdrop (outside the dialog's box) closes it
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", function () { button.focus(); });
})();
