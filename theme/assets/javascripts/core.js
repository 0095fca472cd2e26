/*
 * Dandelion (蒲公英) browser core: what every Dandelion script shares, in one place.
 *
 * Load order (generator/site/scripts.py writes it into each page):
 *   every page           core.js, dandelion.js
 *   quiz pages           + scoring.js, quiz.js
 *   training pages, their certificates and the lessons that are training units
 *                        + scoring.js, training.js
 * Each later script checks that what it needs was loaded before it and says so if not.
 *
 * A classic script, not an ES module (Chromium blocks modules from file://): it sets
 * window.Dandelion, and module.exports when Node loads it (tests/js).
 *
 *   keys       every localStorage key ("dandelion:v1:…"); generator/site/scripts.py STORAGE_PREFIX is
 *              the Python twin of the prefix (the site's front door reads the remembered language)
 *   storage    localStorage when it works (it throws in some phones' private modes), else memory; in a
 *              SCORM package launched by an LMS, the LMS's cmi.suspend_data (scorm.js)
 *   translator strings: t(key, params) fills {name} placeholders; a value may be a plural object
 *              {"one": "…", "other": "…"} chosen with Intl.PluralRules(lang) by params.count, or
 *              else by the first placeholder of the "other" form whose value is a number; the table is
              the catalogue's, carried by the page (elementStrings reads a widget's data-strings); a
              missing key shows as the key, with a console warning
 *   formatDate an ISO date as people write it (Intl.DateTimeFormat): 2026年11月29日, 29 November 2026
 *   records    the stored quiz and training records and the exported results file
 *              (generator/results.py reads the file)
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.Dandelion = api;
})(typeof window !== "undefined" ? window : this, function () {
  "use strict";

  var has = function (obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); };

  /* ------------------------------------------------------------------ storage keys */

  var PREFIX = "dandelion:v1:";
  var keys = {
    prefix: PREFIX,
    /** the language a visitor last chose: "zh" | "en" (plain text, read by the front door) */
    lang: PREFIX + "lang",
    /** the pinyin switch: "on" | "off" (plain text) */
    pinyin: PREFIX + "pinyin",
    probe: PREFIX + "probe",
    /** {"attempts", "best", "last", "passed_at"}: see records.quiz */
    quiz: function (quizId) { return PREFIX + "quiz:" + quizId; },
    /** {"read": [unit ids], "name"}: see records.training */
    training: function (trainingId) { return PREFIX + "training:" + trainingId; },
    isOurs: function (key) { return typeof key === "string" && key.indexOf(PREFIX) === 0; }
  };

  /* ------------------------------------------------------------------ storage */

  /** A key-value store on `getBackend()` (a Storage such as localStorage; the getter may throw),
   *  falling back to memory for this page when the backend cannot be used. */
  function createStorage(getBackend) {
    var memory = {};
    var backend = null;
    try {
      backend = getBackend();
      backend.setItem(keys.probe, "1");
      backend.removeItem(keys.probe);
    } catch (e) {
      backend = null;
    }
    // memory holds what the backend refused (a full store, a revoked permission): newer than the backend's
    function getText(key) {
      if (has(memory, key)) return memory[key];
      try {
        return backend ? backend.getItem(key) : null;
      } catch (e) {
        return null;
      }
    }
    function setText(key, value) {
      var text = String(value);
      try {
        if (backend) {
          backend.setItem(key, text);
          delete memory[key];
          return;
        }
      } catch (e) { /* keep it for this page */ }
      memory[key] = text;
    }
    return {
      ok: backend !== null,
      getText: getText,
      setText: setText,
      /** The stored JSON value, or null when missing or not JSON. */
      get: function (key) {
        try {
          var raw = getText(key);
          return raw ? JSON.parse(raw) : null;
        } catch (e) {
          return null;
        }
      },
      set: function (key, value) { setText(key, JSON.stringify(value)); }
    };
  }

  /* ------------------------------------------------------------------ strings */

  /** `template` with each {name} replaced by params[name]; unknown names stay as they are. */
  function format(template, params) {
    var values = params || {};
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return has(values, name) ? String(values[name]) : whole;
    });
  }

  function isPlural(value) {
    return value !== null && typeof value === "object" && typeof value.other === "string";
  }

  /** The number a plural value agrees with: params.count, else the first numeric placeholder. */
  function pluralCount(forms, params) {
    if (typeof params.count === "number") return params.count;
    var names = forms.other.match(/\{\w+\}/g) || [];
    for (var i = 0; i < names.length; i++) {
      var value = params[names[i].slice(1, -1)];
      if (typeof value === "number") return value;
    }
    return null;
  }

  function pluralTemplate(forms, lang, params) {
    var count = pluralCount(forms, params);
    if (count === null) return forms.other;
    var category = "other";
    try {
      category = new Intl.PluralRules(lang).select(count);
    } catch (e) { /* an unknown language: "other" */ }
    return typeof forms[category] === "string" ? forms[category] : forms.other;
  }

  var warnedKeys = {};

  /** t(key, params) over `table` ({key: text | {one, other, …}}), the catalogue's strings that the page
   *  carries (quiz or training JSON "strings", or a widget's data-strings attribute). There is no second
   *  copy in the scripts: an unknown key gives the key itself, so a missing string shows up instead of an
   *  empty button or a silent English word, and the console says which key once. */
  function translator(lang, table) {
    function lookup(key) {
      if (!table || typeof table !== "object" || !has(table, key)) return null;
      var value = table[key];
      return typeof value === "string" || isPlural(value) ? value : null;
    }
    return function t(key, params) {
      var value = lookup(key);
      if (value === null) {
        if (!has(warnedKeys, key) && typeof console !== "undefined" && console.warn) {
          warnedKeys[key] = true;
          console.warn("Dandelion: no string \"" + key + "\" on this page (generator/locale/*/LC_MESSAGES/dandelion.po)");
        }
        return key;
      }
      var values = params || {};
      return format(isPlural(value) ? pluralTemplate(value, lang, values) : value, values);
    };
  }

  /** The strings a widget element carries in its data-strings attribute ({} when it has none). */
  function elementStrings(element) {
    try {
      var table = JSON.parse(element.getAttribute("data-strings") || "{}");
      return table && typeof table === "object" ? table : {};
    } catch (e) {
      return {};
    }
  }

  /** "zh" or "en" (…) of a language tag such as "zh-CN": the key of the string tables. */
  function baseLanguage(lang) {
    return String(lang || "").toLowerCase().split("-")[0];
  }

  /** The base language of the page (<html lang>), "zh" when it has none. */
  function pageLanguage() {
    return baseLanguage(document.documentElement.getAttribute("lang")) || "zh";
  }

  /* ------------------------------------------------------------------ dates */

  /** Locales whose default order is not the one the site prints (English dates: 29 November 2026). */
  var DATE_LOCALES = { en: "en-GB" };

  /** An ISO date (2026-11-29) as people write it in `lang`; anything else comes back unchanged. */
  function formatDate(iso, lang) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return iso || "";
    var locale = DATE_LOCALES[baseLanguage(lang)] || lang || "zh";
    var day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    try {
      return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(day);
    } catch (e) {
      return iso;
    }
  }

  function two(x) { return (x < 10 ? "0" : "") + x; }

  /** The local date of `when` (default now) as YYYY-MM-DD. */
  function todayISO(when) {
    var d = when || new Date();
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  /** The local time of `when` (default now) with its UTC offset, e.g. 2026-06-26T09:30:00+08:00. */
  function nowISO(when) {
    var d = when || new Date();
    var offset = -d.getTimezoneOffset();
    var sign = offset >= 0 ? "+" : "-";
    offset = Math.abs(offset);
    return todayISO(d) + "T" + two(d.getHours()) + ":" + two(d.getMinutes()) + ":" + two(d.getSeconds()) +
      sign + two(Math.floor(offset / 60)) + ":" + two(offset % 60);
  }

  /* ------------------------------------------------------------------ records */

  var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  function finite(v) { return typeof v === "number" && isFinite(v) ? v : null; }

  /** The answers of one attempt as stored: [{id, given}], one per question asked, or null. */
  function answerList(raw) {
    if (!Array.isArray(raw)) return null;
    var out = [];
    for (var i = 0; i < raw.length; i++) {
      var a = raw[i];
      if (!a || typeof a !== "object" || typeof a.id !== "string") return null;
      out.push({ id: a.id, given: a.given === undefined ? null : a.given });
    }
    return out;
  }

  /** A stored quiz record, whatever the browser holds (missing, damaged or old), made valid.
   *  best_answers, best_lang and best_version are those of the attempt that set `best` (they travel
   *  in the results file so the trainer's merge can score them again); `name` is the learner's name
   *  recorded with the last attempt (the one the completion record prints). */
  function quizRecord(raw) {
    var rec = raw && typeof raw === "object" ? raw : {};
    var text = function (v) { return typeof v === "string" ? v : null; };
    return {
      attempts: Math.max(0, Math.floor(finite(rec.attempts) || 0)),
      best: finite(rec.best),
      last: finite(rec.last),
      passed_at: typeof rec.passed_at === "string" && ISO_DATE.test(rec.passed_at) ? rec.passed_at : null,
      best_answers: answerList(rec.best_answers),
      best_lang: text(rec.best_lang),
      best_version: text(rec.best_version),
      name: typeof rec.name === "string" ? rec.name : ""
    };
  }

  /** The quiz record after one more attempt scoring `score` %; the first pass is dated `today`.
   *  `attempt` (optional): {answers, lang, version, name} of this attempt. */
  function withAttempt(record, score, passed, today, attempt) {
    var rec = quizRecord(record);
    var extra = attempt || {};
    var isBest = rec.best === null || score > rec.best;
    return {
      attempts: rec.attempts + 1,
      best: rec.best === null ? score : Math.max(rec.best, score),
      last: score,
      passed_at: rec.passed_at || (passed ? today : null),
      best_answers: isBest ? answerList(extra.answers) : rec.best_answers,
      best_lang: isBest ? (extra.lang || null) : rec.best_lang,
      best_version: isBest ? (extra.version || null) : rec.best_version,
      name: typeof extra.name === "string" ? extra.name.trim() : rec.name
    };
  }

  /** A stored training record made valid: the units marked read and the learner's name. */
  function trainingRecord(raw) {
    var rec = raw && typeof raw === "object" ? raw : {};
    var read = Array.isArray(rec.read) ? rec.read.filter(function (x) { return typeof x === "string"; }) : [];
    return { read: read, name: typeof rec.name === "string" ? rec.name : "" };
  }

  /** The training record with `unitId` marked read or not. */
  function withUnitRead(record, unitId, isRead) {
    var rec = trainingRecord(record);
    var pos = rec.read.indexOf(unitId);
    if (isRead && pos < 0) rec.read.push(unitId);
    if (!isRead && pos >= 0) rec.read.splice(pos, 1);
    return rec;
  }

  var RESULTS_FORMAT = "dandelion-results";
  var RESULTS_VERSION = 2;
  /** The exported file's fields, in order (generator/results.py FIELDS). In CSV, `answers` and
   *  `units` are JSON text in one cell. */
  var EXPORT_FIELDS = ["format", "version", "name", "training", "title", "credit_hours", "units_read",
    "units_total", "quiz", "best_score", "passed_at", "exported_at", "lang", "module_version",
    "quiz_version", "attempts", "passed", "complete", "units", "answers"];

  /** The results file of module `data` for a learner whose progress is `progress`
   *  (scoring.progressOf) and whose final-test record is `quizRec` (records.quiz). The name is the
   *  one recorded with the last attempt, else the one typed on the module page. */
  function resultsRecord(data, progress, exportedAt, quizRec) {
    var q = quizRecord(quizRec);
    return {
      format: RESULTS_FORMAT,
      version: RESULTS_VERSION,
      name: (q.name || progress.name).trim(),
      training: data.id,
      title: typeof data.title === "string" ? data.title : "",
      credit_hours: typeof data.credit_hours === "number" ? data.credit_hours : 0,
      units_read: progress.readCount,
      units_total: progress.total,
      quiz: data.quiz && data.quiz.id ? data.quiz.id : null,
      best_score: progress.best,
      passed_at: progress.passedAt,
      exported_at: exportedAt,
      lang: q.best_lang || (typeof data.lang === "string" ? data.lang : null),
      module_version: typeof data.version === "string" ? data.version : null,
      quiz_version: q.best_version,
      attempts: q.attempts,
      passed: Boolean(progress.passed),
      complete: Boolean(progress.complete),
      units: progress.readIds || [],
      answers: q.best_answers
    };
  }

  /** One CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe. */
  function csvCell(value) {
    if (value === null || value === undefined) return "";
    var s = String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }

  function resultsCSV(record) {
    var head = EXPORT_FIELDS.join(",");
    var row = EXPORT_FIELDS.map(function (k) {
      var v = record[k];
      return csvCell(v !== null && typeof v === "object" ? JSON.stringify(v) : v);
    }).join(",");
    // The byte-order mark makes Excel on Windows read the file as UTF-8 (Chinese names intact).
    return "\ufeff" + head + "\r\n" + row + "\r\n";
  }

  function resultsFileName(record, ext) {
    var who = record.name.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 40);
    return "dandelion-" + record.training + (who ? "-" + who : "") + "." + ext;
  }

  /* ------------------------------------------------------------------ page helpers */

  /** A new element; `text` (plain) goes in with textContent, never as HTML. */
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  var idCounter = 0;
  /** An id unique in the page: `prefix`-`base` made safe-`n`. */
  function uniqueId(prefix, base) {
    idCounter += 1;
    return prefix + "-" + String(base || "x").replace(/[^A-Za-z0-9_-]/g, "_") + "-" + idCounter;
  }

  // In a SCORM package, scorm.js (loaded first) keeps the records in the LMS's cmi.suspend_data.
  var storage = createStorage(function () {
    return window.DandelionScorm && window.DandelionScorm.backend ? window.DandelionScorm.backend : window.localStorage;
  });

  return {
    keys: keys,
    createStorage: createStorage,
    storage: storage,
    format: format,
    translator: translator,
    elementStrings: elementStrings,
    baseLanguage: baseLanguage,
    pageLanguage: pageLanguage,
    formatDate: formatDate,
    todayISO: todayISO,
    nowISO: nowISO,
    element: element,
    uniqueId: uniqueId,
    /** Sent (bubbling) from a quiz's element when an attempt ends; detail {id, score, passed}. */
    QUIZ_FINISHED: "dandelion:quiz-finished",
    records: {
      quiz: quizRecord,
      withAttempt: withAttempt,
      training: trainingRecord,
      withUnitRead: withUnitRead,
      loadQuiz: function (quizId) { return quizRecord(storage.get(keys.quiz(quizId))); },
      saveQuiz: function (quizId, record) { storage.set(keys.quiz(quizId), quizRecord(record)); },
      loadTraining: function (trainingId) { return trainingRecord(storage.get(keys.training(trainingId))); },
      saveTraining: function (trainingId, record) {
        var rec = trainingRecord(record);
        storage.set(keys.training(trainingId), { read: rec.read, name: rec.name });
      },
      RESULTS_FORMAT: RESULTS_FORMAT,
      RESULTS_VERSION: RESULTS_VERSION,
      EXPORT_FIELDS: EXPORT_FIELDS,
      results: resultsRecord,
      csvCell: csvCell,
      resultsCSV: resultsCSV,
      resultsFileName: resultsFileName
    }
  };
});
