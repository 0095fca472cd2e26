/* Dandelion kits page: filter the kits by audience, setting and language (the page's own language
   first), so a lecturer on a phone finds one lesson's kit among dozens. Plain JavaScript, no requests.
   Needs core.js first. The pure part, `visibleSets`, is tested with Node (tests/js/kits.test.js). */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    root.DandelionKits = api;
    if (typeof document !== "undefined") api.start();
  }
})(typeof window !== "undefined" ? window : this, function () {
  "use strict";

  function words(text) { return String(text || "").split(/\s+/).filter(Boolean); }

  /** Which of a kit's sets ({setting, language}) the filters ({audience, setting, language}; "" for
   *  any) leave visible; none when the kit is not for the chosen audience. */
  function visibleSets(kit, sets, filters) {
    if (filters.audience && words(kit.audiences).indexOf(filters.audience) < 0) return [];
    return sets.filter(function (set) {
      return (!filters.setting || set.setting === filters.setting) && (!filters.language || set.language === filters.language);
    });
  }

  function start() {
    function init() {
      var form = document.querySelector(".dl-kit-filters");
      if (!form) return;
      if (!window.Dandelion) throw new Error("kits.js needs core.js loaded before it");
      var kits = Array.prototype.slice.call(document.querySelectorAll(".dl-kit"));
      var count = form.querySelector(".dl-filter-count");
      var none = document.querySelector(".dl-no-match");
      function apply() {
        var filters = { audience: form.elements.audience.value, setting: form.elements.setting.value,
          language: form.elements.language.value };
        var shown = 0;
        kits.forEach(function (kit) {
          var nodes = Array.prototype.slice.call(kit.querySelectorAll(".dl-kit__set"));
          var sets = nodes.map(function (n) { return { setting: n.dataset.setting, language: n.dataset.language, node: n }; });
          var visible = visibleSets({ audiences: kit.dataset.audiences }, sets, filters);
          sets.forEach(function (set) { set.node.hidden = visible.indexOf(set) < 0; });
          kit.hidden = visible.length === 0;
          if (!kit.hidden) shown += 1;
        });
        var template = shown === 1 ? count.dataset.one : count.dataset.template;
        count.textContent = window.Dandelion.format(template, { n: shown, m: kits.length });
        none.hidden = shown !== 0;
      }
      form.elements.language.value = form.dataset.lang || "";
      form.hidden = false;
      form.addEventListener("change", apply);
      form.addEventListener("submit", function (ev) { ev.preventDefault(); });
      apply();
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }

  return { visibleSets: visibleSets, start: start };
});
