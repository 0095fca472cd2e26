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
 *   <div class="dl-unit-read" data-unit="lesson-a" data-trainings='["module-id"]'></div>
 *
 * Storage (localStorage only; the name never leaves the browser except in a file the learner exports):
 *   dandelion:v1:training:<id> → {"read": ["lesson-a", …], "name": "…"}
 *   dandelion:v1:quiz:<quiz-id> → written by quiz.js: {"attempts", "best", "last", "passed_at"}
 * A module is complete when every unit is marked read and the quiz's best score reaches the module's
 * pass_mark. Elements with class "dl-training-static" (a plain unit list and quiz link the page may
 * carry for readers without JavaScript) are hidden once the module widget has rendered.
 *
 * "Export my results" downloads (Blob + <a download>, so it works from file://) a JSON or CSV file
 * with the fields in EXPORT_FIELDS; generator/results.py merges such files into a roster.
 *
 * UI strings: data.strings, with FALLBACK (same keys as TRAINING_STRINGS in
 * generator/quiz_strings.py; a browser test checks they agree). Placeholders: units_read {n} {m},
 * quiz_best {best}, pass_mark {p}, passed_on {date}, credit_hours {h}, missing_units {k},
 * missing_quiz {p}, export_done {file}, cert_details {h} {score} {date}.
 */
(function () {
  "use strict";

  var PREFIX = "dandelion:v1:";
  var EXPORT_FIELDS = ["format", "version", "name", "training", "title", "credit_hours", "units_read",
    "units_total", "quiz", "best_score", "passed_at", "exported_at"];

  var FALLBACK = {
    zh: {
      progress_heading: "学习进度",
      complete: "已完成本模块",
      incomplete: "尚未完成本模块",
      units_heading: "学习单元",
      units_read: "已读{n}/{m}个单元",
      mark_read: "已读",
      unit_read: "我已读完本课（计入培训进度）",
      quiz_heading: "结业测验",
      take_quiz: "参加结业测验",
      quiz_best: "最高分{best}%",
      quiz_not_taken: "还没有参加结业测验",
      pass_mark: "及格线{p}%",
      passed_on: "通过日期：{date}",
      not_passed_yet: "尚未通过",
      credit_hours: "{h}学时",
      credit_hours_label: "学时",
      missing_heading: "还差以下几项：",
      missing_units: "还有{k}个单元未标记为已读：",
      missing_quiz: "结业测验成绩尚未达到{p}%。",
      certificate_link: "查看并打印结业证书",
      name_label: "你的姓名",
      name_hint: "姓名只保存在这个浏览器里，用于证书和导出的成绩文件。",
      export_heading: "导出我的成绩",
      export_hint: "下载成绩文件，交给培训负责人汇总。",
      export_json: "下载 JSON 文件",
      export_csv: "下载 CSV 文件（可用 Excel 打开）",
      export_need_name: "请先填写姓名，再导出。",
      export_done: "已生成文件：{file}",
      print: "打印证书",
      cert_heading: "结业证书",
      cert_intro: "兹证明",
      cert_completed: "完成了培训模块",
      cert_details: "共{h}学时，结业测验成绩{score}%，于{date}通过。",
      cert_name_missing: "（请在上方填写姓名）",
      cert_note: "本证书由学员在网页上自行打印，以培训负责人汇总的成绩记录为准。",
      cert_unavailable: "暂时还不能打印证书",
      storage_unavailable: "这个浏览器无法保存学习进度，关闭页面后记录会消失。",
      load_error: "培训数据无法读取，请告诉网站编辑。",
      colon: "："
    },
    en: {
      progress_heading: "Your progress",
      complete: "Module complete",
      incomplete: "Module not complete yet",
      units_heading: "Units",
      units_read: "{n} of {m} units read",
      mark_read: "Read",
      unit_read: "I have read this lesson (counts towards my training)",
      quiz_heading: "Final quiz",
      take_quiz: "Take the final quiz",
      quiz_best: "Best score {best}%",
      quiz_not_taken: "You have not taken the final quiz yet",
      pass_mark: "Pass mark {p}%",
      passed_on: "Passed on {date}",
      not_passed_yet: "Not passed yet",
      credit_hours: "{h} credit hours",
      credit_hours_label: "Credit hours",
      missing_heading: "Still to do:",
      missing_units: "Units not yet marked as read ({k}):",
      missing_quiz: "You have not yet scored {p}% on the final quiz.",
      certificate_link: "View and print your certificate",
      name_label: "Your name",
      name_hint: "Your name stays in this browser only; it is used for the certificate and the results file.",
      export_heading: "Export my results",
      export_hint: "Download your results and give the file to your trainer, who merges everyone's results.",
      export_json: "Download JSON file",
      export_csv: "Download CSV file (opens in Excel)",
      export_need_name: "Please type your name before exporting.",
      export_done: "File created: {file}",
      print: "Print certificate",
      cert_heading: "Certificate of Completion",
      cert_intro: "This certifies that",
      cert_completed: "has completed the training module",
      cert_details: "{h} credit hours · final quiz score {score}% · passed on {date}",
      cert_name_missing: "(type your name above)",
      cert_note: "Printed by the trainee. The official record is the results list kept by the trainer.",
      cert_unavailable: "The certificate is not available yet",
      storage_unavailable: "This browser cannot save your progress; it will be lost when you close the page.",
      load_error: "The training data could not be read; please tell the site's editors.",
      colon: ": "
    }
  };

  /* ------------------------------------------------------------------ helpers */

  function fmt(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function langKey(lang) {
    return String(lang || "").toLowerCase().indexOf("en") === 0 ? "en" : "zh";
  }

  /** An ISO date as people write it (2026年11月29日, 29 November 2026): quiz.js, loaded before this file
   *  on every page, knows how; without it the ISO date stands. */
  function showDate(iso, lang) {
    var quiz = window.DandelionQuiz;
    return quiz && quiz.showDate ? quiz.showDate(iso, lang) : (iso || "");
  }

  function stringsFor(lang, given) {
    var base = FALLBACK[langKey(lang)];
    var out = {};
    var key;
    for (key in base) if (Object.prototype.hasOwnProperty.call(base, key)) out[key] = base[key];
    if (given && typeof given === "object") {
      for (key in given) {
        if (Object.prototype.hasOwnProperty.call(given, key) && typeof given[key] === "string") out[key] = given[key];
      }
    }
    return out;
  }

  /** Create an element; `text` is plain text (textContent), never HTML. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  var idCounter = 0;
  function uid(base) {
    idCounter += 1;
    return "dlt-" + String(base || "t").replace(/[^A-Za-z0-9_-]/g, "_") + "-" + idCounter;
  }

  function two(x) { return (x < 10 ? "0" : "") + x; }

  /** Local time with its UTC offset, e.g. 2026-06-26T09:30:00+08:00. */
  function isoNow() {
    var d = new Date();
    var off = -d.getTimezoneOffset();
    var sign = off >= 0 ? "+" : "-";
    off = Math.abs(off);
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()) + "T" + two(d.getHours()) + ":" +
      two(d.getMinutes()) + ":" + two(d.getSeconds()) + sign + two(Math.floor(off / 60)) + ":" + two(off % 60);
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

  /* ------------------------------------------------------------------ storage */

  var storage = (function () {
    var memory = {};
    var ok = false;
    try {
      var probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      ok = true;
    } catch (e) {
      ok = false;
    }
    return {
      ok: ok,
      get: function (key) {
        try {
          var raw = ok ? window.localStorage.getItem(key) : (memory[key] || null);
          return raw ? JSON.parse(raw) : null;
        } catch (e) {
          return null;
        }
      },
      set: function (key, value) {
        var raw = JSON.stringify(value);
        try {
          if (ok) window.localStorage.setItem(key, raw);
          else memory[key] = raw;
        } catch (e) {
          memory[key] = raw;
        }
      }
    };
  })();

  function loadTraining(id) {
    var rec = storage.get(PREFIX + "training:" + id) || {};
    var read = Array.isArray(rec.read) ? rec.read.filter(function (x) { return typeof x === "string"; }) : [];
    return { read: read, name: typeof rec.name === "string" ? rec.name : "" };
  }

  function saveTraining(id, rec) {
    storage.set(PREFIX + "training:" + id, { read: rec.read, name: rec.name });
  }

  function setUnitRead(trainingId, unitId, isRead) {
    var rec = loadTraining(trainingId);
    var pos = rec.read.indexOf(unitId);
    if (isRead && pos < 0) rec.read.push(unitId);
    if (!isRead && pos >= 0) rec.read.splice(pos, 1);
    saveTraining(trainingId, rec);
  }

  function loadQuiz(id) {
    var rec = storage.get(PREFIX + "quiz:" + id) || {};
    var best = typeof rec.best === "number" && isFinite(rec.best) ? rec.best : null;
    var passedAt = typeof rec.passed_at === "string" && /^\d{4}-\d{2}-\d{2}$/.test(rec.passed_at) ? rec.passed_at : null;
    return { best: best, passed_at: passedAt };
  }

  /** Everything a page shows about one learner's progress in module `data`. */
  function progressOf(data) {
    var rec = loadTraining(data.id);
    var units = Array.isArray(data.units) ? data.units : [];
    var unread = units.filter(function (u) { return rec.read.indexOf(u.id) < 0; });
    var quiz = data.quiz && data.quiz.id ? loadQuiz(data.quiz.id) : { best: null, passed_at: null };
    var passMark = typeof data.pass_mark === "number" ? data.pass_mark : 60;
    var passed = quiz.best !== null && quiz.best >= passMark;
    return {
      name: rec.name,
      total: units.length,
      readCount: units.length - unread.length,
      unread: unread,
      best: quiz.best,
      passMark: passMark,
      passed: passed,
      passedAt: passed ? quiz.passed_at : null,
      complete: unread.length === 0 && passed
    };
  }

  /* ------------------------------------------------------------------ export */

  function exportRecord(data) {
    var p = progressOf(data);
    return {
      format: "dandelion-results",
      version: 1,
      name: p.name.trim(),
      training: data.id,
      title: typeof data.title === "string" ? data.title : "",
      credit_hours: typeof data.credit_hours === "number" ? data.credit_hours : 0,
      units_read: p.readCount,
      units_total: p.total,
      quiz: data.quiz && data.quiz.id ? data.quiz.id : null,
      best_score: p.best,
      passed_at: p.passedAt,
      exported_at: isoNow()
    };
  }

  /** One CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe. */
  function csvCell(value) {
    if (value === null || value === undefined) return "";
    var s = String(value);
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }

  function toCSV(record) {
    var head = EXPORT_FIELDS.join(",");
    var row = EXPORT_FIELDS.map(function (k) { return csvCell(record[k]); }).join(",");
    // The byte-order mark makes Excel on Windows read the file as UTF-8 (Chinese names intact).
    return "\ufeff" + head + "\r\n" + row + "\r\n";
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

  function exportFileName(record, ext) {
    var who = record.name.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 40);
    return "dandelion-" + record.training + (who ? "-" + who : "") + "." + ext;
  }

  /* ------------------------------------------------------------------ shared pieces */

  /** The name box (certificate and export); every box for the same module stays in sync. */
  function nameField(ctx) {
    var S = ctx.S;
    var wrap = el("div", "dl-training__name");
    var id = uid(ctx.data.id + "-name");
    var hintId = id + "-hint";
    var label = el("label", "dl-training__label", S.name_label);
    label.setAttribute("for", id);
    var input = el("input", "dl-training__input");
    input.type = "text";
    input.id = id;
    input.maxLength = 60;
    input.setAttribute("autocomplete", "name");
    input.setAttribute("aria-describedby", hintId);
    input.value = loadTraining(ctx.data.id).name;
    var hint = el("p", "dl-training__hint", S.name_hint);
    hint.id = hintId;
    input.addEventListener("input", function () {
      var rec = loadTraining(ctx.data.id);
      rec.name = input.value;
      saveTraining(ctx.data.id, rec);
      updateAll(input);
    });
    wrap.appendChild(label);
    wrap.appendChild(input);
    wrap.appendChild(hint);
    ctx.updaters.push(function (source) {
      if (source !== input) input.value = loadTraining(ctx.data.id).name;
    });
    return { node: wrap, input: input };
  }

  function exportSection(ctx, field) {
    var S = ctx.S;
    var section = el("section", "dl-training__export");
    var h = el("h2", "dl-training__heading", S.export_heading);
    h.id = uid(ctx.data.id + "-export");
    section.setAttribute("aria-labelledby", h.id);
    section.appendChild(h);
    section.appendChild(el("p", "dl-training__hint", S.export_hint));
    if (!field) {
      field = nameField(ctx);
      section.appendChild(field.node);
    }
    var actions = el("div", "dl-training__actions");
    var status = el("p", "dl-training__status-msg");
    status.setAttribute("role", "status");
    function run(ext) {
      var record = exportRecord(ctx.data);
      if (!record.name) {
        status.textContent = S.export_need_name;
        status.classList.add("is-error");
        field.input.focus();
        return;
      }
      status.classList.remove("is-error");
      var name = exportFileName(record, ext);
      if (ext === "json") download(name, JSON.stringify(record, null, 2) + "\n", "application/json");
      else download(name, toCSV(record), "text/csv;charset=utf-8");
      status.textContent = fmt(S.export_done, { file: name });
    }
    var json = el("button", "dl-training__btn", S.export_json);
    json.type = "button";
    json.setAttribute("data-export", "json");
    json.addEventListener("click", function () { run("json"); });
    var csv = el("button", "dl-training__btn", S.export_csv);
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
    var S = ctx.S;
    var box = el("div", "dl-training__missing");
    box.appendChild(el("p", "dl-training__missing-title", S.missing_heading));
    var ul = el("ul", "dl-training__missing-list");
    if (p.unread.length) {
      var li = el("li", null, fmt(S.missing_units, { k: p.unread.length }));
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
      q.appendChild(el("span", null, fmt(S.missing_quiz, { p: p.passMark }) + " "));
      if (ctx.data.quiz && ctx.data.quiz.href) {
        var a = el("a", null, S.take_quiz);
        a.href = ctx.data.quiz.href;
        q.appendChild(a);
      }
      ul.appendChild(q);
    }
    box.appendChild(ul);
    return box;
  }

  function statusLine(S, complete) {
    var p = el("p", "dl-training__status dl-training__status--" + (complete ? "complete" : "incomplete"));
    p.appendChild(el("span", "dl-training__status-mark", complete ? "✓" : "…")).setAttribute("aria-hidden", "true");
    p.appendChild(el("span", null, complete ? S.complete : S.incomplete));
    return p;
  }

  /* ------------------------------------------------------------------ module page */

  function renderModule(root, data) {
    var S = stringsFor(data.lang, data.strings);
    var ctx = { data: data, S: S, updaters: [] };
    root.textContent = "";
    root.setAttribute("lang", data.lang || "zh");
    if (!storage.ok) root.appendChild(el("p", "dl-training__warning", S.storage_unavailable));

    // Progress summary
    var progress = el("section", "dl-training__progress");
    var ph = el("h2", "dl-training__heading", S.progress_heading);
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
    var unitsDd = fact(S.units_heading);
    var quizDd = fact(S.quiz_heading);
    fact(S.credit_hours_label).textContent = fmt(S.credit_hours, { h: data.credit_hours });
    progress.appendChild(facts);
    var missingSlot = el("div");
    progress.appendChild(missingSlot);
    var certWrap = el("p", "dl-training__cert-link");
    var cert = el("a", "dl-training__btn dl-training__btn--primary", S.certificate_link);
    if (data.certificate_href) cert.href = data.certificate_href;
    certWrap.appendChild(cert);
    progress.appendChild(certWrap);
    root.appendChild(progress);

    // Units with their "read" boxes
    var unitsSec = el("section", "dl-training__units-section");
    var uh = el("h2", "dl-training__heading", S.units_heading);
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
      label.appendChild(el("span", null, S.mark_read));
      label.appendChild(el("span", "dl-sr-only", S.colon + (unit.title || unit.id)));
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
      var qh = el("h2", "dl-training__heading", S.quiz_heading);
      qh.id = uid(data.id + "-quiz");
      quizSec.setAttribute("aria-labelledby", qh.id);
      quizSec.appendChild(qh);
      var qp = el("p");
      var qa = el("a", "dl-training__btn", S.take_quiz + (data.quiz.title ? S.colon + data.quiz.title : ""));
      qa.href = data.quiz.href;
      qp.appendChild(qa);
      quizSec.appendChild(qp);
      root.appendChild(quizSec);
    }

    root.appendChild(exportSection(ctx, null));

    ctx.updaters.push(function () {
      var p = progressOf(data);
      statusSlot.textContent = "";
      statusSlot.appendChild(statusLine(S, p.complete));
      unitsDd.textContent = fmt(S.units_read, { n: p.readCount, m: p.total });
      var bar = el("progress", "dl-training__bar");
      bar.max = Math.max(1, p.total);
      bar.value = p.readCount;
      bar.setAttribute("aria-label", fmt(S.units_read, { n: p.readCount, m: p.total }));
      unitsDd.appendChild(bar);
      var quizText = [p.best === null ? S.quiz_not_taken : fmt(S.quiz_best, { best: p.best }), fmt(S.pass_mark, { p: p.passMark })];
      quizText.push(p.passed ? fmt(S.passed_on, { date: showDate(p.passedAt, data.lang) || "—" }) : S.not_passed_yet);
      quizDd.textContent = "";
      quizText.forEach(function (part, i) {
        if (i) quizDd.appendChild(document.createTextNode(" · "));
        quizDd.appendChild(el("span", "dl-training__part", part));
      });
      missingSlot.textContent = "";
      if (!p.complete) missingSlot.appendChild(missingList(ctx, p));
      certWrap.hidden = !p.complete;
      var read = loadTraining(data.id).read;
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
    var S = stringsFor(data.lang, data.strings);
    var ctx = { data: data, S: S, updaters: [] };
    root.textContent = "";
    root.setAttribute("lang", data.lang || "zh");
    markPrintPath(root);

    var controls = el("div", "dl-certificate__controls");
    if (!storage.ok) controls.appendChild(el("p", "dl-training__warning", S.storage_unavailable));
    var field = nameField(ctx);
    controls.appendChild(field.node);
    var actions = el("div", "dl-training__actions");
    var print = el("button", "dl-training__btn dl-training__btn--primary", S.print);
    print.type = "button";
    print.addEventListener("click", function () { window.print(); });
    actions.appendChild(print);
    controls.appendChild(actions);
    root.appendChild(controls);

    var sheet = el("div", "dl-certificate__sheet");
    var inner = el("div", "dl-certificate__frame");
    inner.appendChild(el("p", "dl-certificate__org", data.organisation || ""));
    inner.appendChild(el("h2", "dl-certificate__title", S.cert_heading));
    inner.appendChild(el("p", "dl-certificate__intro", S.cert_intro));
    var nameLine = el("p", "dl-certificate__name");
    inner.appendChild(nameLine);
    inner.appendChild(el("p", "dl-certificate__intro", S.cert_completed));
    inner.appendChild(el("p", "dl-certificate__module", data.title || ""));
    var details = el("p", "dl-certificate__details");
    inner.appendChild(details);
    var foot = el("div", "dl-certificate__foot");
    foot.appendChild(el("p", "dl-certificate__issuer", data.organisation || ""));
    var dateLine = el("p", "dl-certificate__date");
    foot.appendChild(dateLine);
    inner.appendChild(foot);
    inner.appendChild(el("p", "dl-certificate__note", S.cert_note));
    sheet.appendChild(inner);
    root.appendChild(sheet);

    var missing = el("div", "dl-certificate__missing");
    root.appendChild(missing);
    root.appendChild(exportSection(ctx, field));

    ctx.updaters.push(function () {
      var p = progressOf(data);
      var name = p.name.trim();
      nameLine.textContent = name || S.cert_name_missing;
      nameLine.classList.toggle("is-empty", !name);
      details.textContent = fmt(S.cert_details, { h: data.credit_hours, score: p.best === null ? "—" : p.best, date: showDate(p.passedAt, data.lang) || "—" });
      dateLine.textContent = showDate(p.passedAt, data.lang);
      sheet.hidden = !p.complete;
      print.hidden = !p.complete;
      missing.hidden = p.complete;
      missing.textContent = "";
      if (!p.complete) {
        missing.appendChild(el("h2", "dl-training__heading", S.cert_unavailable));
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
    trainings = Array.isArray(trainings) ? trainings.filter(function (t) { return typeof t === "string" && t; }) : [];
    if (!unitId || !trainings.length) return null;
    var S = stringsFor(root.getAttribute("data-lang") || document.documentElement.getAttribute("lang"), null);
    root.textContent = "";
    var label = el("label", "dl-training__toggle dl-training__toggle--lesson");
    var box = el("input");
    box.type = "checkbox";
    label.appendChild(box);
    label.appendChild(el("span", null, S.unit_read));
    root.appendChild(label);
    box.addEventListener("change", function () {
      trainings.forEach(function (t) { setUnitRead(t, unitId, box.checked); });
      updateAll(box);
    });
    return {
      updaters: [function () {
        // Reading a lesson is one fact: ticked when any of its modules has it; ticking sets them all.
        box.checked = trainings.some(function (t) { return loadTraining(t).read.indexOf(unitId) >= 0; });
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
    root.appendChild(el("p", "dl-training__warning", stringsFor(lang, null).load_error));
  }

  function initAll() {
    var lang = document.documentElement.getAttribute("lang");
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
    if (!ev.key || ev.key.indexOf(PREFIX) === 0) updateAll(null);
  });
  window.addEventListener("pageshow", function () { updateAll(null); });
  document.addEventListener("dandelion:quiz-finished", function () { updateAll(null); });

  window.DandelionTraining = {
    init: initAll,
    progressOf: progressOf,
    exportRecord: exportRecord,
    toCSV: toCSV,
    FALLBACK_STRINGS: FALLBACK,
    EXPORT_FIELDS: EXPORT_FIELDS
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
  else initAll();
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(initAll);
})();
