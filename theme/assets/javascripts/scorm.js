/*
 * Dandelion (蒲公英) SCORM 1.2 adapter: a training module's unit pages and final test inside an LMS
 * (Moodle), exported by `dandelion training export <module> --format scorm12` (generator/scorm.py).
 *
 * Loaded FIRST on every page of the package (before core.js), because core.js picks its storage when
 * it loads. Each page is one SCO; its <meta name="dl-scorm" content='{"role": "unit"|"quiz",
 * "unit": id, "training": id, "quiz": id, "pass_mark": n}'> says what it is.
 *
 * On launch: find the LMS's API object (the window, its parents, then the opener and its parents),
 * LMSInitialize(""), set cmi.core.lesson_status to "incomplete" when it is "not attempted", read
 * cmi.suspend_data (this SCO's stored records: the same keys core.js writes to localStorage on the site)
 * and cmi.core.student_name, which becomes the learner's name (no typed name: quiz.js records it with
 * the attempt). Every record core.js writes goes to cmi.suspend_data and is committed.
 *   unit SCO  the learner marks the unit read → lesson_status "completed"
 *   quiz SCO  an attempt ends → cmi.core.score.raw (the best score so far, as on the site), .min 0,
 *             .max 100, lesson_status "passed" or "failed" against the pass mark
 * When the learner leaves (pagehide, unload): cmi.core.exit ("suspend" unless complete),
 * cmi.core.session_time, LMSCommit(""), LMSFinish(""), once.
 * Without an LMS nothing of this happens: the pages work standalone with localStorage, like the site.
 *
 * The decisions are pure functions (exported for tests/js/scorm.test.js); boot() wires them to the page.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    root.DandelionScorm = api;
    api.boot(root);
  }
})(typeof window !== "undefined" ? window : this, function () {
  "use strict";

  /** SCORM 1.2 limits cmi.suspend_data to 4096 characters. */
  var MAX_SUSPEND = 4096;
  /** How far up the frames to look (the ADL's reference search stops at 500). */
  var MAX_DEPTH = 500;
  var QUIZ_FINISHED = "dandelion:quiz-finished"; // core.js QUIZ_FINISHED (core loads after this file)

  /** The API object of `win` or one of its parents, else null; a frame of another origin ends the walk. */
  function searchUp(win) {
    var w = win;
    for (var depth = 0; w && depth <= MAX_DEPTH; depth++) {
      try {
        if (w.API && typeof w.API.LMSInitialize === "function") return w.API;
      } catch (e) {
        return null;
      }
      var parent = null;
      try {
        parent = w.parent;
      } catch (e) {
        return null;
      }
      if (!parent || parent === w) return null;
      w = parent;
    }
    return null;
  }

  /** The LMS's SCORM 1.2 API for a page in `win`: its frames first, then the window that opened it. */
  function findAPI(win) {
    var found = searchUp(win);
    if (found) return found;
    var opener = null;
    try {
      opener = win.opener;
    } catch (e) {
      opener = null;
    }
    return opener ? searchUp(opener) : null;
  }

  /** The stored records in cmi.suspend_data: {key: text}; anything else is an empty store. */
  function decodeSuspend(text) {
    if (typeof text !== "string" || !text) return {};
    try {
      var data = JSON.parse(text);
      if (!data || typeof data !== "object" || Array.isArray(data)) return {};
      var out = {};
      Object.keys(data).forEach(function (k) { if (typeof data[k] === "string") out[k] = data[k]; });
      return out;
    } catch (e) {
      return {};
    }
  }

  /** The records as cmi.suspend_data text, or null when they do not fit SCORM 1.2's 4096 characters. */
  function encodeSuspend(store) {
    var text = JSON.stringify(store);
    return text.length <= MAX_SUSPEND ? text : null;
  }

  var CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
  /** cmi.core.student_name ("Last, First" in SCORM 1.2) as people write it: "Mei Li", "王伟". */
  function displayName(lmsName) {
    var name = typeof lmsName === "string" ? lmsName.trim() : "";
    var comma = name.indexOf(",");
    if (comma < 0) return name;
    var last = name.slice(0, comma).trim();
    var first = name.slice(comma + 1).trim();
    if (!first) return last;
    if (!last) return first;
    return CJK.test(last + first) ? last + first : first + " " + last;
  }

  /** The status to set at launch: "incomplete" on a first launch, else null (keep what the LMS has). */
  function launchStatus(current) {
    return !current || current === "not attempted" ? "incomplete" : null;
  }

  /** The cmi values a unit SCO reports once its unit is marked read (or not). */
  function unitReport(isRead) {
    return [["cmi.core.lesson_status", isRead ? "completed" : "incomplete"]];
  }

  /** The cmi values a quiz SCO reports: the best score so far (0…100) against the pass mark. */
  function quizReport(best, passMark) {
    if (typeof best !== "number" || !isFinite(best)) return [];
    var score = Math.max(0, Math.min(100, Math.round(best)));
    return [
      ["cmi.core.score.min", "0"],
      ["cmi.core.score.max", "100"],
      ["cmi.core.score.raw", String(score)],
      ["cmi.core.lesson_status", score >= passMark ? "passed" : "failed"]
    ];
  }

  /** SCORM 1.2 CMITimespan (HHHH:MM:SS) of `ms` milliseconds. */
  function timespan(ms) {
    var seconds = Math.max(0, Math.floor(ms / 1000));
    var pad = function (n, width) { var s = String(n); while (s.length < width) s = "0" + s; return s; };
    return pad(Math.floor(seconds / 3600), 4) + ":" + pad(Math.floor(seconds / 60) % 60, 2) + ":" + pad(seconds % 60, 2);
  }

  /** cmi.core.exit when leaving: "suspend" keeps an unfinished SCO resumable, "" ends a finished one. */
  function exitValue(status) {
    return status === "completed" || status === "passed" ? "" : "suspend";
  }

  /** A session with `api` (the LMS's API object) for the SCO described by `info`; `now` gives ms. */
  function createSession(api, info, now) {
    var clock = now || function () { return Date.now(); };
    var started = clock();
    var store = {};
    var status = null;
    var active = false;
    var finished = false;

    function set(name, value) { api.LMSSetValue(name, value); }
    function commit() { api.LMSCommit(""); }
    function report(values) {
      values.forEach(function (pair) {
        if (pair[0] === "cmi.core.lesson_status") {
          // a finished SCO stays finished: a later, lower attempt does not undo "completed"
          if (status === "completed" && pair[1] === "incomplete") return;
          status = pair[1];
        }
        set(pair[0], pair[1]);
      });
    }

    var session = {
      get active() { return active; },
      get status() { return status; },
      store: store,
      start: function () {
        active = String(api.LMSInitialize("")) === "true";
        if (!active) return false;
        status = api.LMSGetValue("cmi.core.lesson_status") || null;
        var first = launchStatus(status);
        if (first) report([["cmi.core.lesson_status", first]]);
        var saved = decodeSuspend(api.LMSGetValue("cmi.suspend_data"));
        Object.keys(saved).forEach(function (k) { store[k] = saved[k]; });
        commit();
        return true;
      },
      name: function () { return active ? displayName(api.LMSGetValue("cmi.core.student_name")) : ""; },
      /** A Storage for core.js: reads and writes the store, saving it to cmi.suspend_data. */
      backend: {
        getItem: function (key) { return Object.prototype.hasOwnProperty.call(store, key) ? store[key] : null; },
        setItem: function (key, value) {
          store[key] = String(value);
          if (key !== info.prefix + "probe") session.save();
        },
        removeItem: function (key) {
          delete store[key];
          if (key !== info.prefix + "probe") session.save();
        }
      },
      save: function () {
        if (!active || finished) return;
        var text = encodeSuspend(store);
        if (text !== null) set("cmi.suspend_data", text);
        if (info.role === "unit" && info.training && info.unit) {
          var rec = decodeRecord(store[info.prefix + "training:" + info.training]);
          var isRead = Array.isArray(rec.read) && rec.read.indexOf(info.unit) >= 0;
          report(unitReport(isRead));
        }
        commit();
      },
      quizFinished: function () {
        if (!active || finished || info.role !== "quiz") return;
        var rec = decodeRecord(store[info.prefix + "quiz:" + info.quiz]);
        report(quizReport(rec.best, info.pass_mark));
        commit();
      },
      finish: function () {
        if (!active || finished) return;
        set("cmi.core.exit", exitValue(status));
        set("cmi.core.session_time", timespan(clock() - started));
        commit();
        finished = true;
        api.LMSFinish("");
      }
    };
    return session;
  }

  function decodeRecord(text) {
    try {
      var value = JSON.parse(text || "null");
      return value && typeof value === "object" ? value : {};
    } catch (e) {
      return {};
    }
  }

  /** The page's SCO description from <meta name="dl-scorm">, or null. */
  function pageInfo(doc) {
    var meta = doc.querySelector('meta[name="dl-scorm"]');
    if (!meta) return null;
    try {
      var info = JSON.parse(meta.getAttribute("content") || "null");
      return info && typeof info === "object" ? info : null;
    } catch (e) {
      return null;
    }
  }

  /** Wire a session to the page (browser only). */
  function boot(win) {
    var info = pageInfo(win.document);
    var api = info ? findAPI(win) : null;
    if (!api) return; // standalone: the site's own storage and nothing else
    info.prefix = "dandelion:v1:"; // core.js keys.prefix
    var session = createSession(api, info);
    if (!session.start()) return;
    win.DandelionScorm.session = session;
    win.DandelionScorm.backend = session.backend;
    // The learner's name comes from the LMS: it goes into the training record before any widget reads it.
    var name = session.name();
    if (name && info.training) {
      var key = info.prefix + "training:" + info.training;
      var rec = decodeRecord(session.store[key]);
      rec.read = Array.isArray(rec.read) ? rec.read : [];
      rec.name = name;
      session.store[key] = JSON.stringify(rec);
      session.save();
    }
    win.document.addEventListener(QUIZ_FINISHED, function () { session.quizFinished(); });
    var leave = function () { session.finish(); };
    win.addEventListener("pagehide", leave);
    win.addEventListener("beforeunload", leave);
    win.addEventListener("unload", leave);
  }

  return {
    MAX_SUSPEND: MAX_SUSPEND,
    findAPI: findAPI,
    decodeSuspend: decodeSuspend,
    encodeSuspend: encodeSuspend,
    displayName: displayName,
    launchStatus: launchStatus,
    unitReport: unitReport,
    quizReport: quizReport,
    timespan: timespan,
    exitValue: exitValue,
    createSession: createSession,
    pageInfo: pageInfo,
    boot: boot,
    session: null,
    backend: null
  };
});
