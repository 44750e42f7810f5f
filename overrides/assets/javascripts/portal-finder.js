/* The park finder on the parks index (generator/templates/parks_index.md.j2). Without this
   script the page shows every park; with it, three filters (industry, district, kind of
   platform) narrow the list. The filters are kept in the address (?sectors=…&place=…&kind=…),
   so a filtered list can be shared and the back button restores it. */
(function () {
  "use strict";
  var box = document.querySelector("[data-portal-finder]");
  if (!box) return;
  var selects = box.querySelectorAll("select[data-filter]");
  var items = document.querySelectorAll("[data-finder-item]");
  var groups = document.querySelectorAll("[data-finder-group]");
  var count = box.querySelector("[data-finder-count]");
  var params = new URLSearchParams(window.location.search);

  function apply(push) {
    var shown = 0, query = new URLSearchParams();
    var wanted = {};
    selects.forEach(function (s) {
      wanted[s.dataset.filter] = s.value;
      if (s.value) query.set(s.dataset.filter, s.value);
    });
    items.forEach(function (li) {
      var ok = (!wanted.sectors || li.dataset.sectors.split(" ").indexOf(wanted.sectors) >= 0) &&
               (!wanted.place || li.dataset.place === wanted.place) &&
               (!wanted.kind || li.dataset.kind === wanted.kind);
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    groups.forEach(function (g) {
      g.hidden = !g.querySelector("[data-finder-item]:not([hidden])");
    });
    count.textContent = count.dataset.template.replace("{n}", shown).replace("{total}", items.length);
    if (push) {
      var q = query.toString();
      history.replaceState(null, "", window.location.pathname + (q ? "?" + q : "") + "#park-finder");
    }
  }

  selects.forEach(function (s) {
    var value = params.get(s.dataset.filter);
    if (value && s.querySelector('option[value="' + CSS.escape(value) + '"]')) s.value = value;
    s.addEventListener("change", function () { apply(true); });
  });
  box.hidden = false;
  apply(false);
})();
