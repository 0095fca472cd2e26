/* Dandelion site behaviour: catalogue filters, pinyin toggle, remembered language.
   Plain JavaScript, no requests, works from file://. Needs core.js first (storage keys). */
(function () {
  "use strict";
  var core = window.Dandelion;
  if (!core || !core.storage) throw new Error("dandelion.js needs core.js loaded before it");
  var storage = core.storage;

  /* Remember the language a visitor picks, for the site's front door. */
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest("[data-dl-lang]");
    if (link) storage.setText(core.keys.lang, link.getAttribute("data-dl-lang"));
  });
  if (document.documentElement.getAttribute("lang")) storage.setText(core.keys.lang, core.pageLanguage());

  /* Lesson catalogue: filter cards by audience, setting, topic and duration. */
  function initFilters(form) {
    var cards = Array.prototype.slice.call(document.querySelectorAll(".dl-card"));
    var count = form.querySelector(".dl-filter-count");
    var none = document.querySelector(".dl-no-match");
    function apply() {
      var a = form.elements.audience.value, s = form.elements.setting.value;
      var t = form.elements.topic.value, d = parseInt(form.elements.duration.value, 10);
      var shown = 0;
      cards.forEach(function (card) {
        var ok = (!a || card.dataset.audiences.split(" ").indexOf(a) >= 0) &&
          (!s || card.dataset.settings.split(" ").indexOf(s) >= 0) &&
          (!t || card.dataset.topics.split(" ").indexOf(t) >= 0) &&
          (!d || parseInt(card.dataset.duration, 10) <= d);
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = count.dataset.template.replace("{n}", shown).replace("{m}", cards.length);
      if (none) none.hidden = shown !== 0;
      var params = [];
      ["audience", "setting", "topic", "duration"].forEach(function (k) {
        if (form.elements[k].value) params.push(k + "=" + encodeURIComponent(form.elements[k].value));
      });
      try { history.replaceState(null, "", params.length ? "#" + params.join("&") : location.pathname); } catch (e) {}
    }
    /* Filters can be shared as a link: lessons/index.html#audience=primary&setting=village */
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var kv = pair.split("=");
      if (kv.length === 2 && form.elements[kv[0]]) form.elements[kv[0]].value = decodeURIComponent(kv[1]);
    });
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    apply();
  }

  /* Pinyin toggle on lessons for primary pupils and villagers; the choice is remembered. */
  function initPinyin(holder) {
    var id = "dl-pinyin-" + Math.random().toString(36).slice(2);
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.id = id;
    label.setAttribute("for", id);
    label.appendChild(box);
    label.appendChild(document.createTextNode(holder.dataset.label));
    holder.appendChild(label);
    function set(on) {
      document.body.classList.toggle("dl-show-pinyin", on);
      box.checked = on;
    }
    set(storage.getText(core.keys.pinyin) === "on");
    box.addEventListener("change", function () {
      storage.setText(core.keys.pinyin, box.checked ? "on" : "off");
      set(box.checked);
    });
  }

  /* Material's search overlay is a dialog without a name; give it the search field's label. */
  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role=dialog]");
    var input = document.querySelector(".md-search__input");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      dialog.setAttribute("aria-label", (input && (input.getAttribute("aria-label") || input.getAttribute("placeholder"))) || "Search");
    }
  }

  /* Pinyin search. The Chinese site's search index carries, per page, the toneless pinyin of its
     Chinese words joined ("bingdu") and their initials ("bd"). A query typed with spaces between
     syllables ("bing du") is squeezed to "bingdu" before Material's search reads it, so it finds
     冰毒 rather than every page with a word starting "du". Only queries made entirely of pinyin
     syllables are touched, and only on the Chinese site. */
  var SYLLABLE = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:a|ai|an|ang|ao|e|ei|en|eng|er|i|ia|ian|iang|iao|ie|in|ing|iong|iu|o|ong|ou|u|ua|uai|uan|uang|ue|ui|un|uo|v|ve|ü|üe)$/;
  function squeezePinyin(query) {
    var words = query.trim().toLowerCase().split(/\s+/);
    if (words.length < 2 || words.length > 6) return query;
    for (var i = 0; i < words.length; i++) if (!SYLLABLE.test(words[i])) return query;
    return words.join("");
  }
  function initPinyinSearch() {
    var input = document.querySelector(".md-search__input");
    var lang = document.documentElement.getAttribute("lang") || "";
    if (!input || lang.indexOf("zh") !== 0) return;
    var native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");
    Object.defineProperty(input, "value", {
      configurable: true,
      get: function () { return squeezePinyin(native.get.call(this)); },
      set: function (v) { native.set.call(this, v); }
    });
  }

  /* Material's search reads the box on keyup. Text that arrives without one (a phone keyboard's
     suggestion, an input method's word, pasting from a menu, voice input) would not be searched until
     the next key: announce each such input as a keyup too. */
  function searchEveryInput() {
    var input = document.querySelector(".md-search__input");
    if (!input) return;
    input.addEventListener("input", function (ev) {
      if (!ev.isComposing) input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
  }

  function init() {
    nameSearchDialog();
    searchEveryInput();
    initPinyinSearch();
    var form = document.querySelector(".dl-filters");
    if (form) initFilters(form);
    Array.prototype.forEach.call(document.querySelectorAll(".dl-pinyin-toggle"), initPinyin);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
