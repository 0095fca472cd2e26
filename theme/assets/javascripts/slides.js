/*
 * Dandelion slides: the deck (<lang>/slides/<lesson>.html) and its presenter view
 * (<lesson>-presenter.html, lecturer edition). Our own small engine rather than reveal.js: the
 * decks are plain sections the generator has already split to fit, so all that is needed here is
 * paging, a reveal step for quiz answers, blank/fullscreen, swipe, pinyin and the presenter link,
 * and every byte of it must work from file:// and a USB stick (a classic script, no modules, no
 * request to any host). Needs core.js first (storage keys for the pinyin switch).
 *
 * Pure parts (positions, keys, swipes, clocks, timers) are in `logic`, tested with Node
 * (tests/js/slides.test.js); the rest wires them to the page.
 *
 * Deck and presenter talk with postMessage (file:// pages have opaque origins, so nothing else
 * works between their windows): {dandelion: "slides", deck: id, type: "hello" | "state" | "go" |
 * "blank", index, step, on}.
 */
(function (root, factory) {
  "use strict";
  var logic = factory();
  if (typeof module === "object" && module.exports) module.exports = logic;
  else {
    root.DandelionSlides = logic;
    if (typeof document !== "undefined") logic.start();
  }
})(typeof window !== "undefined" ? window : this, function () {
  "use strict";

  /* ------------------------------------------------------------------ pure logic */

  function clamp(n, low, high) { return Math.max(low, Math.min(high, n)); }

  /** The position after `pos` ({index, step}) given each slide's reveal steps. */
  function next(pos, steps) {
    if (pos.step < (steps[pos.index] || 0)) return { index: pos.index, step: pos.step + 1 };
    if (pos.index + 1 < steps.length) return { index: pos.index + 1, step: 0 };
    return { index: pos.index, step: pos.step };
  }

  /** The position before `pos`: back one reveal step, else the previous slide fully revealed. */
  function prev(pos, steps) {
    if (pos.step > 0) return { index: pos.index, step: pos.step - 1 };
    if (pos.index > 0) return { index: pos.index - 1, step: steps[pos.index - 1] || 0 };
    return { index: 0, step: 0 };
  }

  /** A position made valid for a deck whose slides have `steps`. */
  function valid(pos, steps) {
    var index = clamp(Math.floor(Number(pos && pos.index) || 0), 0, Math.max(steps.length - 1, 0));
    var step = clamp(Math.floor(Number(pos && pos.step) || 0), 0, steps[index] || 0);
    return { index: index, step: step };
  }

  /** What a key does: next, prev, first, last, blank, fullscreen, presenter, pinyin, restart or null.
   *  Presentation clickers send PageDown/PageUp (some also "." for blank). */
  function keyAction(key) {
    switch (key) {
      case "ArrowRight": case "ArrowDown": case "PageDown": case " ": case "Spacebar": case "Enter": case "n": case "N":
        return "next";
      case "ArrowLeft": case "ArrowUp": case "PageUp": case "Backspace": case "p": case "P":
        return "prev";
      case "Home": return "first";
      case "End": return "last";
      case "b": case "B": case ".": return "blank";
      case "f": case "F": return "fullscreen";
      case "s": case "S": return "presenter";
      case "y": case "Y": return "pinyin";
      case "r": case "R": return "restart";
      default: return null;
    }
  }

  /** A touch movement (dx, dy in px) as "next", "prev" or null: horizontal, at least 50 px. */
  function swipeAction(dx, dy) {
    if (Math.abs(dx) < 50 || Math.abs(dx) < 1.5 * Math.abs(dy)) return null;
    return dx < 0 ? "next" : "prev";
  }

  /** "#7" or "#7.1" (slide 7, reveal step 1; 1-based slides) as a position; null when not one. */
  function parseHash(hash) {
    var m = /^#?(\d+)(?:\.(\d+))?$/.exec(String(hash || ""));
    return m ? { index: Number(m[1]) - 1, step: Number(m[2] || 0) } : null;
  }

  function hashOf(pos) { return "#" + (pos.index + 1) + (pos.step ? "." + pos.step : ""); }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  /** Seconds as m:ss clock text ("07:05"; "-01:30" when negative, i.e. over time). */
  function clock(seconds) {
    var s = Math.round(seconds);
    var sign = s < 0 ? "-" : "";
    s = Math.abs(s);
    return sign + two(Math.floor(s / 60)) + ":" + two(s % 60);
  }

  /** Timers: time spent per section (seconds) and in total; `tick(section, seconds)` adds time. */
  function createTimers(minutes) {
    var spent = minutes.map(function () { return 0; });
    var total = 0;
    return {
      tick: function (section, seconds) {
        if (section >= 0 && section < spent.length) spent[section] += seconds;
        total += seconds;
      },
      /** seconds left in `section` (negative when over its minutes) */
      left: function (section) { return (minutes[section] || 0) * 60 - (spent[section] || 0); },
      total: function () { return total; },
      restart: function () { spent = minutes.map(function () { return 0; }); total = 0; }
    };
  }

  /** The scale that fits a `w`×`h` stage into a `vw`×`vh` window. */
  function fit(vw, vh, w, h) { return Math.min(vw / w, vh / h); }

  function message(deck, type, extra) {
    var out = { dandelion: "slides", deck: deck, type: type };
    for (var k in extra || {}) if (Object.prototype.hasOwnProperty.call(extra, k)) out[k] = extra[k];
    return out;
  }

  function isOurMessage(data, deck) {
    return !!data && typeof data === "object" && data.dandelion === "slides" && data.deck === deck;
  }

  var STAGE_W = 1280, STAGE_H = 720;

  /* ------------------------------------------------------------------ the page */

  function slidesIn(container) { return Array.prototype.slice.call(container.querySelectorAll(".dl-slide")); }

  function showStep(slide, step) {
    Array.prototype.forEach.call(slide.querySelectorAll("[data-step]"), function (el) {
      el.hidden = Number(el.getAttribute("data-step")) > step;
    });
    Array.prototype.forEach.call(slide.querySelectorAll("[data-before-step]"), function (el) {
      el.hidden = Number(el.getAttribute("data-before-step")) <= step;
    });
    slide.classList.toggle("dl-slide--revealed", step > 0);
  }

  function fitStage(stage, box) {
    var scale = fit(box.clientWidth || window.innerWidth, box.clientHeight || window.innerHeight, STAGE_W, STAGE_H);
    stage.style.transform = "translate(-50%, -50%) scale(" + scale + ")";
  }

  function onKeys(handler) {
    document.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      var target = ev.target;
      if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      var action = keyAction(ev.key);
      if (action && handler(action) !== false) ev.preventDefault();
    });
  }

  /** Keys, swipes and [data-action] buttons all go through one ``act(action)`` (deck and presenter alike). */
  function wireControls(act) {
    onKeys(act);
    onSwipe(act);
    document.addEventListener("click", function (ev) {
      var button = ev.target.closest && ev.target.closest("[data-action]");
      if (button) act(button.getAttribute("data-action"));
    });
  }

  function onSwipe(handler) {
    var start = null;
    document.addEventListener("touchstart", function (ev) {
      if (ev.touches.length === 1) start = { x: ev.touches[0].clientX, y: ev.touches[0].clientY };
    }, { passive: true });
    document.addEventListener("touchend", function (ev) {
      if (!start || !ev.changedTouches.length) return;
      var action = swipeAction(ev.changedTouches[0].clientX - start.x, ev.changedTouches[0].clientY - start.y);
      start = null;
      if (action) handler(action);
    });
  }

  function toggleFullscreen() {
    try {
      if (document.fullscreenElement) document.exitFullscreen();
      else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen();
    } catch (e) { /* not allowed here: nothing to do */ }
  }

  function post(win, data) {
    try { if (win && !win.closed) win.postMessage(data, "*"); } catch (e) { /* the window is gone */ }
  }

  /** The deck: one slide at a time, scaled to the window. */
  function startDeck(body) {
    var core = window.Dandelion;
    var deckId = body.getAttribute("data-deck");
    var stage = document.querySelector(".dl-stage");
    var slides = slidesIn(stage);
    var steps = slides.map(function (s) { return Number(s.getAttribute("data-steps")) || 0; });
    var count = document.querySelector(".dl-deck__count");
    var blank = document.querySelector(".dl-blank");
    var presenterFile = body.getAttribute("data-presenter");
    var presenter = null;
    var pos = valid(parseHash(location.hash) || { index: 0, step: 0 }, steps);

    function render() {
      slides.forEach(function (slide, i) { slide.hidden = i !== pos.index; });
      showStep(slides[pos.index], pos.step);
      if (count) count.textContent = (pos.index + 1) + " / " + slides.length;
      body.setAttribute("data-index", String(pos.index));
      body.setAttribute("data-step", String(pos.step));
      try { history.replaceState(null, "", hashOf(pos)); } catch (e) { /* file:// in some browsers */ }
    }
    function tell() {
      var state = message(deckId, "state", { index: pos.index, step: pos.step, blank: !blank.hidden });
      post(presenter, state);
      post(window.opener, state);
    }
    function go(target, quiet) {
      var to = valid(target, steps);
      if (to.index === pos.index && to.step === pos.step) return;
      pos = to;
      render();
      if (!quiet) tell();
    }
    function setBlank(on) { blank.hidden = !on; }

    var pinyinButton = document.querySelector(".dl-deck__pinyin");
    function setPinyin(on) {
      body.classList.toggle("dl-show-pinyin", on);
      if (pinyinButton) pinyinButton.setAttribute("aria-pressed", on ? "true" : "false");
    }
    if (body.classList.contains("dl-deck--pinyin")) setPinyin(core.storage.getText(core.keys.pinyin) !== "off");

    function act(action) {
      if (action === "next") go(next(pos, steps));
      else if (action === "prev") go(prev(pos, steps));
      else if (action === "first") go({ index: 0, step: 0 });
      else if (action === "last") go({ index: slides.length - 1, step: 0 });
      else if (action === "blank") { setBlank(blank.hidden); tell(); }
      else if (action === "fullscreen") toggleFullscreen();
      else if (action === "pinyin" && pinyinButton) {
        var on = !body.classList.contains("dl-show-pinyin");
        core.storage.setText(core.keys.pinyin, on ? "on" : "off");
        setPinyin(on);
      } else if (action === "presenter" && presenterFile) {
        presenter = window.open(presenterFile + hashOf(pos), "dandelion-presenter-" + deckId);
      } else return false;
      return true;
    }

    wireControls(act);
    blank.addEventListener("click", function () { setBlank(false); tell(); });
    window.addEventListener("message", function (ev) {
      var data = ev.data;
      if (!isOurMessage(data, deckId)) return;
      if (data.type === "hello") { presenter = ev.source; tell(); }
      else if (data.type === "go") { go({ index: data.index, step: data.step }, true); setBlank(!!data.blank); }
    });
    window.addEventListener("resize", function () { fitStage(stage, document.querySelector(".dl-deck")); });
    window.addEventListener("hashchange", function () {
      var asked = parseHash(location.hash);
      if (asked) go(asked);
    });
    fitStage(stage, document.querySelector(".dl-deck"));
    render();
    if (window.opener) post(window.opener, message(deckId, "hello"));
    body.classList.add("dl-ready");
  }

  /** The presenter view: current and next slide, notes and timers; it drives the deck's window. */
  function startPresenter(body) {
    var deckId = body.getAttribute("data-deck");
    var template = document.getElementById("dl-slides");
    var all = slidesIn(template.content);
    var steps = all.map(function (s) { return Number(s.getAttribute("data-steps")) || 0; });
    var timing = JSON.parse(document.getElementById("dl-timing").textContent);
    var minutes = timing.sections.map(function (s) { return s.minutes; });
    var timers = createTimers(minutes);
    var frames = { current: document.querySelector('[data-frame="current"]'), next: document.querySelector('[data-frame="next"]') };
    var notes = Array.prototype.slice.call(document.querySelectorAll(".dl-notes"));
    var count = document.querySelector(".dl-deck__count");
    var sectionClock = document.querySelector(".dl-timer__section");
    var sectionTitle = document.querySelector(".dl-timer__section-title");
    var totalClock = document.querySelector(".dl-timer__total");
    var audience = window.opener || null;
    var blank = false;
    var pos = valid(parseHash(location.hash) || { index: 0, step: 0 }, steps);

    function section() { return Number(all[pos.index].getAttribute("data-section")) || 0; }

    function show(frame, index, step) {
      frame.textContent = "";
      if (index >= all.length) {
        frame.appendChild(document.createTextNode(frame.getAttribute("data-empty") || ""));
        return;
      }
      var stage = document.createElement("div");
      stage.className = "dl-stage dl-stage--preview";
      var slide = all[index].cloneNode(true);
      slide.hidden = false;
      slide.removeAttribute("aria-label");
      showStep(slide, step);
      stage.appendChild(slide);
      frame.appendChild(stage);
      fitStage(stage, frame);
    }
    function render() {
      show(frames.current, pos.index, pos.step);
      var after = next(pos, steps);
      if (after.index === pos.index && after.step === pos.step) show(frames.next, all.length, 0);
      else show(frames.next, after.index, after.step);
      count.textContent = (pos.index + 1) + " / " + all.length;
      notes.forEach(function (n) { n.hidden = Number(n.getAttribute("data-section")) !== section(); });
      body.setAttribute("data-index", String(pos.index));
      updateClocks();
    }
    function updateClocks() {
      var left = timers.left(section());
      sectionClock.textContent = clock(left);
      sectionClock.classList.toggle("dl-timer--over", left < 0);
      sectionTitle.textContent = (timing.sections[section()] || {}).title || "";
      var total = timers.total();
      totalClock.textContent = clock(total);
      totalClock.classList.toggle("dl-timer--over", total > timing.duration * 60);
    }
    function drive() { post(audience, message(deckId, "go", { index: pos.index, step: pos.step, blank: blank })); }
    function go(target, quiet) {
      var to = valid(target, steps);
      if (to.index === pos.index && to.step === pos.step) return;
      pos = to;
      render();
      if (!quiet) drive();
    }
    function act(action) {
      if (action === "next") go(next(pos, steps));
      else if (action === "prev") go(prev(pos, steps));
      else if (action === "first") go({ index: 0, step: 0 });
      else if (action === "last") go({ index: all.length - 1, step: 0 });
      else if (action === "blank") { blank = !blank; drive(); }
      else if (action === "restart") { timers.restart(); updateClocks(); }
      else if (action === "fullscreen") toggleFullscreen();
      else if (action === "audience") {
        audience = window.open(body.getAttribute("data-audience") + hashOf(pos), "dandelion-audience-" + deckId);
      } else return false;
      return true;
    }
    wireControls(act);
    window.addEventListener("message", function (ev) {
      var data = ev.data;
      if (!isOurMessage(data, deckId)) return;
      if (data.type === "hello") { audience = ev.source; drive(); }
      else if (data.type === "state") { blank = !!data.blank; go({ index: data.index, step: data.step }, true); }
    });
    window.addEventListener("resize", render);
    var last = Date.now();
    setInterval(function () {
      var now = Date.now();
      timers.tick(section(), (now - last) / 1000);
      last = now;
      updateClocks();
    }, 250);
    render();
    if (audience) post(audience, message(deckId, "hello"));
    body.classList.add("dl-ready");
  }

  function start() {
    function go() {
      var body = document.body;
      if (!window.Dandelion || !window.Dandelion.storage) throw new Error("slides.js needs core.js loaded before it");
      if (body.classList.contains("dl-deck-page")) startDeck(body);
      else if (body.classList.contains("dl-presenter-page")) startPresenter(body);
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", go);
    else go();
  }

  return {
    next: next, prev: prev, valid: valid, keyAction: keyAction, swipeAction: swipeAction, parseHash: parseHash,
    hashOf: hashOf, clock: clock, createTimers: createTimers, fit: fit, message: message, isOurMessage: isOurMessage,
    STAGE: { width: STAGE_W, height: STAGE_H }, start: start
  };
});
