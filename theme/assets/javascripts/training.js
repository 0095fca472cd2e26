/*
 * Dandelion (蒲公英) training modules: progress, certificate and results export in the browser.
 *
 * The renderer writes, on a module page and on its certificate page,
 *   <div class="dl-training" data-training-src="dl-training-data-<id>"></div>
 *   <div class="dl-certificate" data-training-src="dl-training-data-<id>"></div>
 *   <script type="application/json" id="dl-training-data-<id>">{"id", "lang", "title", "credit_hours",
 *     "organisation", "pass_mark", "quiz": {"id", "href", "title"}, "units": [{"id", "title", "href"}],
 *     "certificate_href", "strings"}</script>
 * and, on a lesson page that is a unit of one or more modules,
 *   <div class="dl-unit-read" data-unit="lesson-a" data-trainings='["module-id"]'
 *        data-strings='{"unit_read": "…"}'></div>
 * (each widget element carries data-strings, the few catalogue strings it needs without its JSON)
 *
 * Storage (localStorage only; the name never leaves the browser except in a file the learner exports):
 *   core.js keys.training(id) → records.training {"read": ["lesson-a", …], "name": "…"}
 *   core.js keys.quiz(quiz id) → records.quiz, written by quiz.js
 * A module is complete when every unit is marked read and the quiz's best score reaches the module's
 * pass_mark (scoring.js progressOf). Elements with class "dl-training-static" (a plain unit list and
 * quiz link the page may carry for readers without JavaScript) are hidden once the module widget
 * has rendered.
 *
 * "Export my results" downloads (Blob + <a download>, so it works from file://) a JSON or CSV file
 * with the fields in core.js records.EXPORT_FIELDS (with the best attempt's answers and the content
 * versions); generator/results.py re-scores and merges such files into a roster.
 *
 * The certificate page prints a *completion record*, not a certificate (the organisation issues those:
 * `dandelion certificates`). Its name is the one quiz.js recorded with the last final-test attempt
 * (records.quiz name), so changing the name needs a new attempt; the name box sets the name the next
 * attempt records.
 *
 * Needs core.js and scoring.js first; sets Dandelion.training.
 *
 * UI strings: data.strings, the catalogue's training.* messages (generator/quizdata.py); the lesson
 * page's read box and a module whose JSON cannot be read take theirs from the element's data-strings
 * attribute (generator/quizdata.py WIDGET_STRINGS). No copy here: a missing key shows as the key itself
 * (and a console warning). Placeholders: units_read {n} {m},
 * quiz_best {best}, pass_mark {p}, passed_on {date}, credit_hours {h}, missing_units {k},
 * missing_quiz {p}, export_done {file}, cert_details {h} {score} {date}.
 */
(function () {
  "use strict";

  var core = window.Dandelion;
  if (!core || !core.scoring) throw new Error("training.js needs core.js and scoring.js loaded before it");
  var records = core.records;

  /* ------------------------------------------------------------------ helpers */

  var el = core.element;

  function uid(base) {
    return core.uniqueId("dlt", base || "t");
  }

  function parseJSONScript(id) {
    var script = id ? document.getElementById(id) : null;
    if (!script) return null;
    try {
      var data = JSON.parse(script.textContent);
      return data && typeof data === "object" && data.id ? data : null;
    } catch (e) {
      return null;
    }
  }

  /* ------------------------------------------------------------------ progress and export */

  function setUnitRead(trainingId, unitId, isRead) {
    records.saveTraining(trainingId, records.withUnitRead(records.loadTraining(trainingId), unitId, isRead));
  }

  /** Everything a page shows about one learner's progress in module `data`. */
  function progressOf(data) {
    var quizRecord = data.quiz && data.quiz.id ? records.loadQuiz(data.quiz.id) : null;
    return core.scoring.progressOf(data, records.loadTraining(data.id), quizRecord);
  }

  function download(filename, text, mime) {
    var blob = new Blob([text], { type: mime });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = filename;
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () {
      URL.revokeObjectURL(url);
      if (a.parentNode) a.parentNode.removeChild(a);
    }, 1500);
  }

  /* ------------------------------------------------------------------ shared pieces */

  /** The name box (certificate and export); every box for the same module stays in sync. */
  function nameField(ctx) {
    var t = ctx.t;
    var wrap = el("div", "dl-training__name");
    var id = uid(ctx.data.id + "-name");
    var hintId = id + "-hint";
    var label = el("label", "dl-training__label", t("name_label"));
    label.setAttribute("for", id);
    var input = el("input", "dl-training__input");
    input.type = "text";
    input.id = id;
    input.maxLength = 60;
    input.setAttribute("autocomplete", "name");
    input.setAttribute("aria-describedby", hintId);
    input.value = records.loadTraining(ctx.data.id).name;
    var hint = el("p", "dl-training__hint", t("name_hint"));
    hint.id = hintId;
    input.addEventListener("input", function () {
      var rec = records.loadTraining(ctx.data.id);
      rec.name = input.value;
      records.saveTraining(ctx.data.id, rec);
      updateAll(input);
    });
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(hint);
    ctx.updaters.push(function (source) {
      if (source !== input) input.value = records.loadTraining(ctx.data.id).name;
    });
    return { node: wrap, input: input };
  }

  function exportSection(ctx, field) {
    var t = ctx.t;
    var section = el("section", "dl-training__export");
    var h = el("h2", "dl-training__heading", t("export_heading"));
    h.id = uid(ctx.data.id + "-export");
    section.setAttribute("aria-labelledby", h.id);
    section.appendChild(h);
    section.appendChild(el("p", "dl-training__hint", t("export_hint")));
    if (!field) {
      field = nameField(ctx);
      section.appendChild(field.node);
    }
    var actions = el("div", "dl-training__actions");
    var status = el("p", "dl-training__status-msg");
    status.setAttribute("role", "status");
    function run(ext) {
      var quizRec = ctx.data.quiz && ctx.data.quiz.id ? records.loadQuiz(ctx.data.quiz.id) : null;
      var record = records.results(ctx.data, progressOf(ctx.data), core.nowISO(), quizRec);
      if (!record.name) {
        status.textContent = t("export_need_name");
        status.classList.add("is-error");
        field.input.focus();
        return;
      }
      status.classList.remove("is-error");
      var name = records.resultsFileName(record, ext);
      if (ext === "json") download(name, JSON.stringify(record, null, 2) + "\n", "application/json");
      else download(name, records.resultsCSV(record), "text/csv;charset=utf-8");
      status.textContent = t("export_done", { file: name });
    }
    var json = el("button", "dl-training__btn", t("export_json"));
    json.type = "button";
    json.setAttribute("data-export", "json");
    json.addEventListener("click", function () { run("json"); });
    var csv = el("button", "dl-training__btn", t("export_csv"));
    csv.type = "button";
    csv.setAttribute("data-export", "csv");
    csv.addEventListener("click", function () { run("csv"); });
    actions.appendChild(json);
    actions.appendChild(csv);
    section.appendChild(actions);
    section.appendChild(status);
    return section;
  }

  function unitLink(unit) {
    var a = el("a", "dl-training__unit-link", unit.title || unit.id);
    if (typeof unit.href === "string") a.href = unit.href;
    return a;
  }

  /** "Still to do" list: unread units (linked) and the quiz. */
  function missingList(ctx, p) {
    var t = ctx.t;
    var box = el("div", "dl-training__missing");
    box.appendChild(el("p", "dl-training__missing-title", t("missing_heading")));
    var ul = el("ul", "dl-training__missing-list");
    if (p.unread.length) {
      var li = el("li", null, t("missing_units", { k: p.unread.length }));
      var sub = el("ul");
      p.unread.forEach(function (u) {
        var item = el("li");
        item.appendChild(unitLink(u));
        sub.appendChild(item);
      });
      li.appendChild(sub);
      ul.appendChild(li);
    }
    if (!p.passed) {
      var q = el("li");
      q.appendChild(el("span", null, t("missing_quiz", { p: p.passMark }) + " "));
      if (ctx.data.quiz && ctx.data.quiz.href) {
        var a = el("a", null, t("take_quiz"));
        a.href = ctx.data.quiz.href;
        q.appendChild(a);
      }
      ul.appendChild(q);
    }
    box.appendChild(ul);
    return box;
  }

  function statusLine(t, complete) {
    var p = el("p", "dl-training__status dl-training__status--" + (complete ? "complete" : "incomplete"));
    p.appendChild(el("span", "dl-training__status-mark", complete ? "✓" : "…")).setAttribute("aria-hidden", "true");
    p.appendChild(el("span", null, complete ? t("complete") : t("incomplete")));
    return p;
  }

  /* ------------------------------------------------------------------ module page */

  function renderModule(root, data) {
    var t = core.translator(data.lang || "zh", data.strings);
    var ctx = { data: data, t: t, updaters: [] };
    root.textContent = "";
    root.setAttribute("lang", data.lang || "zh");
    if (!core.storage.ok) root.appendChild(el("p", "dl-training__warning", t("storage_unavailable")));

    // Progress summary
    var progress = el("section", "dl-training__progress");
    var ph = el("h2", "dl-training__heading", t("progress_heading"));
    ph.id = uid(data.id + "-progress");
    progress.setAttribute("aria-labelledby", ph.id);
    progress.appendChild(ph);
    var statusSlot = el("div", "dl-training__status-slot");
    progress.appendChild(statusSlot);
    var facts = el("dl", "dl-training__facts");
    function fact(label) {
      var row = el("div", "dl-training__fact");
      row.appendChild(el("dt", null, label));
      var dd = el("dd");
      row.appendChild(dd);
      facts.appendChild(row);
      return dd;
    }
    var unitsDd = fact(t("units_heading"));
    var quizDd = fact(t("quiz_heading"));
    fact(t("credit_hours_label")).textContent = t("credit_hours", { h: data.credit_hours });
    progress.appendChild(facts);
    var missingSlot = el("div");
    progress.appendChild(missingSlot);
    var certWrap = el("p", "dl-training__cert-link");
    var cert = el("a", "dl-training__btn dl-training__btn--primary", t("certificate_link"));
    if (data.certificate_href) cert.href = data.certificate_href;
    certWrap.appendChild(cert);
    progress.appendChild(certWrap);
    root.appendChild(progress);

    // Units with their "read" boxes
    var unitsSec = el("section", "dl-training__units-section");
    var uh = el("h2", "dl-training__heading", t("units_heading"));
    uh.id = uid(data.id + "-units");
    unitsSec.setAttribute("aria-labelledby", uh.id);
    unitsSec.appendChild(uh);
    var list = el("ol", "dl-training__units");
    var boxes = [];
    (data.units || []).forEach(function (unit) {
      var li = el("li", "dl-training__unit");
      li.setAttribute("data-unit", unit.id);
      li.appendChild(unitLink(unit));
      var label = el("label", "dl-training__toggle");
      var box = el("input");
      box.type = "checkbox";
      box.setAttribute("data-unit", unit.id);
      label.appendChild(box);
      label.appendChild(el("span", null, t("mark_read")));
      label.appendChild(el("span", "dl-sr-only", t("colon") + (unit.title || unit.id)));
      box.addEventListener("change", function () {
        setUnitRead(data.id, unit.id, box.checked);
        updateAll(box);
      });
      li.appendChild(label);
      list.appendChild(li);
      boxes.push({ unit: unit, box: box, li: li });
    });
    unitsSec.appendChild(list);
    root.appendChild(unitsSec);

    // Final quiz
    if (data.quiz && data.quiz.href) {
      var quizSec = el("section", "dl-training__quiz");
      var qh = el("h2", "dl-training__heading", t("quiz_heading"));
      qh.id = uid(data.id + "-quiz");
      quizSec.setAttribute("aria-labelledby", qh.id);
      quizSec.appendChild(qh);
      var qp = el("p");
      var qa = el("a", "dl-training__btn", t("take_quiz") + (data.quiz.title ? t("colon") + data.quiz.title : ""));
      qa.href = data.quiz.href;
      qp.appendChild(qa);
      quizSec.appendChild(qp);
      root.appendChild(quizSec);
    }

    root.appendChild(exportSection(ctx, null));

    ctx.updaters.push(function () {
      var p = progressOf(data);
      statusSlot.textContent = "";
      statusSlot.appendChild(statusLine(t, p.complete));
      unitsDd.textContent = t("units_read", { n: p.readCount, m: p.total });
      var bar = el("progress", "dl-training__bar");
      bar.max = Math.max(1, p.total);
      bar.value = p.readCount;
      bar.setAttribute("aria-label", t("units_read", { n: p.readCount, m: p.total }));
      unitsDd.appendChild(bar);
      var quizText = [p.best === null ? t("quiz_not_taken") : t("quiz_best", { best: p.best }), t("pass_mark", { p: p.passMark })];
      quizText.push(p.passed ? t("passed_on", { date: core.formatDate(p.passedAt, data.lang) || "—" }) : t("not_passed_yet"));
      quizDd.textContent = "";
      quizText.forEach(function (part, i) {
        if (i) quizDd.appendChild(document.createTextNode(" · "));
        quizDd.appendChild(el("span", "dl-training__part", part));
      });
      missingSlot.textContent = "";
      if (!p.complete) missingSlot.appendChild(missingList(ctx, p));
      certWrap.hidden = !p.complete;
      var read = records.loadTraining(data.id).read;
      boxes.forEach(function (b) {
        var isRead = read.indexOf(b.unit.id) >= 0;
        b.box.checked = isRead;
        b.li.classList.toggle("is-read", isRead);
      });
    });
    return ctx;
  }

  /* ------------------------------------------------------------------ certificate page */

  /** Mark the path from <body> to the certificate so print CSS can hide everything else. */
  function markPrintPath(root) {
    document.body.classList.add("dl-certificate-page");
    for (var n = root.parentNode; n && n !== document.documentElement; n = n.parentNode) {
      if (n.classList) n.classList.add("dl-cert-path");
    }
  }

  function renderCertificate(root, data) {
    var t = core.translator(data.lang || "zh", data.strings);
    var ctx = { data: data, t: t, updaters: [] };
    root.textContent = "";
    root.setAttribute("lang", data.lang || "zh");
    markPrintPath(root);

    var controls = el("div", "dl-certificate__controls");
    if (!core.storage.ok) controls.appendChild(el("p", "dl-training__warning", t("storage_unavailable")));
    var field = nameField(ctx);
    controls.appendChild(field.node);
    var actions = el("div", "dl-training__actions");
    var print = el("button", "dl-training__btn dl-training__btn--primary", t("print"));
    print.type = "button";
    print.addEventListener("click", function () { window.print(); });
    actions.appendChild(print);
    controls.appendChild(actions);
    root.appendChild(controls);

    var sheet = el("div", "dl-certificate__sheet");
    var inner = el("div", "dl-certificate__frame");
    inner.appendChild(el("p", "dl-certificate__org", data.organisation || ""));
    inner.appendChild(el("h2", "dl-certificate__title", t("cert_heading")));
    inner.appendChild(el("p", "dl-certificate__intro", t("cert_intro")));
    var nameLine = el("p", "dl-certificate__name");
    inner.appendChild(nameLine);
    inner.appendChild(el("p", "dl-certificate__intro", t("cert_completed")));
    inner.appendChild(el("p", "dl-certificate__module", data.title || ""));
    var details = el("p", "dl-certificate__details");
    inner.appendChild(details);
    var foot = el("div", "dl-certificate__foot");
    foot.appendChild(el("p", "dl-certificate__issuer", data.organisation || ""));
    var dateLine = el("p", "dl-certificate__date");
    foot.appendChild(dateLine);
    inner.appendChild(foot);
    inner.appendChild(el("p", "dl-certificate__note", t("cert_note")));
    var nameNote = el("p", "dl-certificate__name-note");
    controls.appendChild(nameNote);
    sheet.appendChild(inner);
    root.appendChild(sheet);

    var missing = el("div", "dl-certificate__missing");
    root.appendChild(missing);
    root.appendChild(exportSection(ctx, field));

    ctx.updaters.push(function () {
      var p = progressOf(data);
      var quizRec = data.quiz && data.quiz.id ? records.loadQuiz(data.quiz.id) : null;
      var name = quizRec ? quizRec.name.trim() : p.name.trim();
      nameLine.textContent = name || t("cert_name_missing");
      nameNote.textContent = quizRec ? t("cert_name_recorded") : "";
      nameLine.classList.toggle("is-empty", !name);
      details.textContent = t("cert_details", { h: data.credit_hours, score: p.best === null ? "—" : p.best, date: core.formatDate(p.passedAt, data.lang) || "—" });
      dateLine.textContent = core.formatDate(p.passedAt, data.lang);
      sheet.hidden = !p.complete;
      print.hidden = !p.complete;
      missing.hidden = p.complete;
      missing.textContent = "";
      if (!p.complete) {
        missing.appendChild(el("h2", "dl-training__heading", t("cert_unavailable")));
        missing.appendChild(missingList(ctx, p));
      }
    });
    return ctx;
  }

  /* ------------------------------------------------------------------ lesson page */

  function renderUnitRead(root) {
    var unitId = root.getAttribute("data-unit");
    var trainings;
    try {
      trainings = JSON.parse(root.getAttribute("data-trainings") || "[]");
    } catch (e) {
      trainings = [];
    }
    trainings = Array.isArray(trainings) ? trainings.filter(function (id) { return typeof id === "string" && id; }) : [];
    if (!unitId || !trainings.length) return null;
    var t = core.translator(root.getAttribute("data-lang") || core.pageLanguage(), core.elementStrings(root));
    root.textContent = "";
    var label = el("label", "dl-training__toggle dl-training__toggle--lesson");
    var box = el("input");
    box.type = "checkbox";
    label.appendChild(box);
    label.appendChild(el("span", null, t("unit_read")));
    root.appendChild(label);
    box.addEventListener("change", function () {
      trainings.forEach(function (id) { setUnitRead(id, unitId, box.checked); });
      updateAll(box);
    });
    return {
      updaters: [function () {
        // Reading a lesson is one fact: ticked when any of its modules has it; ticking sets them all.
        box.checked = trainings.some(function (id) { return records.loadTraining(id).read.indexOf(unitId) >= 0; });
      }]
    };
  }

  /* ------------------------------------------------------------------ wiring */

  var contexts = [];

  function updateAll(source) {
    contexts.forEach(function (ctx) {
      ctx.updaters.forEach(function (fn) { fn(source); });
    });
  }

  function failed(root, lang) {
    root.textContent = "";
    root.appendChild(el("p", "dl-training__warning", core.translator(lang, core.elementStrings(root))("load_error")));
  }

  function initAll() {
    var lang = core.pageLanguage();
    var found = document.querySelectorAll(".dl-training[data-training-src], .dl-certificate[data-training-src], .dl-unit-read[data-unit]");
    for (var i = 0; i < found.length; i++) {
      var root = found[i];
      if (root.getAttribute("data-dl-ready")) continue;
      root.setAttribute("data-dl-ready", "1");
      var ctx = null;
      if (root.classList.contains("dl-unit-read")) {
        ctx = renderUnitRead(root);
      } else {
        var data = parseJSONScript(root.getAttribute("data-training-src"));
        if (!data) { failed(root, lang); continue; }
        ctx = root.classList.contains("dl-certificate") ? renderCertificate(root, data) : renderModule(root, data);
        if (root.classList.contains("dl-training")) {
          var statics = document.querySelectorAll(".dl-training-static");
          for (var k = 0; k < statics.length; k++) statics[k].hidden = true;
        }
      }
      if (ctx) {
        ctx.root = root;
        contexts.push(ctx);
      }
    }
    // Drop widgets whose page was replaced (instant navigation).
    contexts = contexts.filter(function (c) { return document.documentElement.contains(c.root); });
    updateAll(null);
  }

  // Keep progress current when a quiz finishes in another tab or the page comes back from the cache.
  window.addEventListener("storage", function (ev) {
    if (!ev.key || core.keys.isOurs(ev.key)) updateAll(null);
  });
  window.addEventListener("pageshow", function () { updateAll(null); });
  document.addEventListener(core.QUIZ_FINISHED, function () { updateAll(null); });

  core.training = {
    init: initAll
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
  else initAll();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(initAll);
})();
