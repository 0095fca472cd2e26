/*
 * Dandelion (蒲公英) quiz engine: plain JavaScript, no framework, no network.
 *
 * The site renderer writes
 *   <div class="dl-quiz" data-quiz-src="dl-quiz-data-<id>" data-strings='{"load_error": "…"}'></div>
 *   <script type="application/json" id="dl-quiz-data-<id>">{…}</script>
 * and this file turns every such element into a quiz. All scoring happens in the browser
 * (scoring.js); results go to localStorage only (core.js keys.quiz(id) → core.js records.quiz).
 * `*_html` fields are sanitised HTML from the generator (inserted with innerHTML); every other
 * string is plain text (inserted with textContent).
 *
 * Needs core.js and scoring.js first (scoring rules: the top of scoring.js); sets Dandelion.quiz.
 *
 * UI strings: data.strings[key], the catalogue's quiz.* messages (generator/locale/<lang>/LC_MESSAGES/
 * dandelion.po, written by generator/quizdata.py), looked up with core.js translator(); this file keeps
 * no copy, so a missing key shows as the key itself (and a console warning). When the JSON cannot be
 * read, the "could not be read" message comes from the container's data-strings attribute
 * (generator/quizdata.py WIDGET_STRINGS). Keys and the placeholders each receives:
 *   submit, next, finish, retry                      button labels
 *   correct, incorrect, partly_correct               verdict after a question
 *   points_earned {points}                           points for a partly correct question
 *   score, score_line {points} {total}, score_announce {pct} {verdict}   end screen
 *   passed, failed, pass_mark {p}, training_pass_mark {p}
 *   best_so_far {best} {attempts}, no_attempts, passed_on {date}
 *   question_count {m}, question_n_of_m {n} {m}
 *   case                                             label above a scenario's case text
 *   choose_one, choose_all, partial_rule, whole_rule, true_false_hint, true, false
 *   fill_hint, answer_label
 *   ordering_hint, move_up, move_down, drag_handle, moved_to {item} {pos}
 *   need_answer, your_answer, your_choice, correct_answer, correct_order, no_answer
 *   explanation, case_explanation, review, answer_recorded, results, missed, none_missed
 *   storage_unavailable, load_error
 *   colon                                            label separator ("：" or ": ")
 */
(function () {
  "use strict";

  var core = window.Dandelion;
  if (!core || !core.scoring) throw new Error("quiz.js needs core.js and scoring.js loaded before it");
  var scoring = core.scoring;

  /* ------------------------------------------------------------------ helpers */

  var el = core.element;

  /** Text of a node as read aloud: without the pinyin (<rt>) of pages with a pinyin switch. */
  function spokenText(node) {
    var copy = node.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("rt, rp"), function (r) { r.parentNode.removeChild(r); });
    return (copy.textContent || "").replace(/\s+/g, " ").trim();
  }

  /** Insert generator-sanitised HTML (only ever called with `*_html` fields). */
  function htmlEl(tag, className, html) {
    var node = el(tag, className);
    node.innerHTML = typeof html === "string" ? html : "";
    return node;
  }

  var SVG_NS = "http://www.w3.org/2000/svg";
  var ICONS = {
    up: "M7.41 15.41 12 10.83l4.59 4.58L18 14l-6-6-6 6z",
    down: "M7.41 8.59 12 13.17l4.59-4.58L18 10l-6 6-6-6z",
    grip: "M9 4h2v2H9zm4 0h2v2h-2zM9 9h2v2H9zm4 0h2v2h-2zm-4 5h2v2H9zm4 0h2v2h-2zm-4 5h2v2H9zm4 0h2v2h-2z",
    ok: "M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z",
    no: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z",
    half: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18V4a8 8 0 0 1 0 16z"
  };

  function icon(name) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "dl-quiz__icon");
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", ICONS[name]);
    path.setAttribute("fill", "currentColor");
    svg.appendChild(path);
    return svg;
  }

  function uid(base) {
    return core.uniqueId("dlq", base || "q");
  }

  /* ------------------------------------------------------------------ question views */

  /*
   * A view renders one question's inputs into `body` and answers:
   *   answer()  → the learner's answer, or null when nothing is given yet
   *   lock()    → stop further changes
   *   reveal(given) → mark right and wrong in place (immediate feedback)
   *   focusFirst() → focus the first input
   */

  function optionList(quiz, q, order, multiple, ids) {
    var t = quiz.t;
    var fieldset = el("fieldset", "dl-quiz__options");
    fieldset.setAttribute("aria-labelledby", ids.prompt);
    fieldset.setAttribute("aria-describedby", ids.hint);
    var name = uid(q.id);
    var rows = [];
    order.forEach(function (optIndex) {
      var opt = q.options ? q.options[optIndex] : null;
      var label = el("label", "dl-quiz__option");
      var input = el("input", "dl-quiz__input");
      input.type = multiple ? "checkbox" : "radio";
      input.name = name;
      input.value = String(optIndex);
      var text;
      if (q.type === "true_false") text = el("span", "dl-quiz__option-text", optIndex === 0 ? t("true") : t("false"));
      else text = htmlEl("span", "dl-quiz__option-text", opt ? opt.html : "");
      var marks = el("span", "dl-quiz__marks");
      label.appendChild(input);
      label.appendChild(text);
      label.appendChild(marks);
      fieldset.appendChild(label);
      rows.push({ index: optIndex, input: input, label: label, marks: marks });
    });
    return { node: fieldset, rows: rows };
  }

  function badge(kind, text, iconName) {
    var b = el("span", "dl-quiz__badge dl-quiz__badge--" + kind);
    b.appendChild(icon(iconName));
    b.appendChild(el("span", null, text));
    return b;
  }

  function choiceView(quiz, q, ids, shuffle) {
    var t = quiz.t;
    var multiple = q.type === "multiple";
    var isTF = q.type === "true_false";
    var count = isTF ? 2 : (q.options || []).length;
    var order = shuffle && !isTF ? scoring.shuffled(scoring.range(count)) : scoring.range(count);
    var list = optionList(quiz, q, order, multiple, ids);
    function isCorrect(index) {
      return isTF ? (index === 0) === Boolean(q.answer) : Boolean(q.options[index] && q.options[index].correct);
    }
    return {
      node: list.node,
      answer: function () {
        var picked = list.rows.filter(function (r) { return r.input.checked; }).map(function (r) { return r.index; });
        if (!picked.length) return null;
        if (multiple) return picked.sort(function (a, b) { return a - b; });
        return isTF ? picked[0] === 0 : picked[0];
      },
      lock: function () {
        list.rows.forEach(function (r) { r.input.disabled = true; r.label.classList.add("is-locked"); });
      },
      reveal: function () {
        list.rows.forEach(function (r) {
          if (r.input.checked) {
            r.label.classList.add("is-chosen");
            r.marks.appendChild(badge(isCorrect(r.index) ? "chosen-ok" : "chosen-wrong", t("your_choice"), isCorrect(r.index) ? "ok" : "no"));
          }
          if (isCorrect(r.index)) {
            r.label.classList.add("is-correct");
            r.marks.appendChild(badge("correct", t("correct_answer"), "ok"));
          } else if (r.input.checked) {
            r.label.classList.add("is-wrong");
          }
        });
      },
      focusFirst: function () { if (list.rows.length) list.rows[0].input.focus(); },
      hint: isTF ? t("true_false_hint") : multiple ? t("choose_all") : t("choose_one"),
      rule: multiple ? (quiz.whole ? t("whole_rule") : t("partial_rule")) : null
    };
  }

  function fillView(quiz, q, ids) {
    var t = quiz.t;
    var wrap = el("div", "dl-quiz__fill");
    var inputId = uid(q.id + "-answer");
    var label = el("label", "dl-quiz__fill-label", t("answer_label"));
    label.setAttribute("for", inputId);
    var input = el("input", "dl-quiz__text");
    input.type = "text";
    input.id = inputId;
    input.setAttribute("autocomplete", "off");
    input.setAttribute("autocapitalize", "off");
    input.setAttribute("spellcheck", "false");
    input.setAttribute("aria-describedby", ids.prompt + " " + ids.hint);
    wrap.appendChild(label);
    wrap.appendChild(input);
    return {
      node: wrap,
      answer: function () { return input.value.trim() ? input.value : null; },
      lock: function () { input.readOnly = true; input.classList.add("is-locked"); },
      reveal: function (given) {
        input.classList.add(scoring.scoreQuestion(q, given, quiz.whole) === 1 ? "is-correct" : "is-wrong");
      },
      focusFirst: function () { input.focus(); },
      hint: t("fill_hint"),
      rule: null
    };
  }

  function orderingView(quiz, q, ids) {
    var t = quiz.t;
    var items = q.items_html || [];
    var list = el("ol", "dl-quiz__order");
    list.setAttribute("aria-labelledby", ids.prompt);
    list.setAttribute("aria-describedby", ids.hint);
    var locked = false;

    function rows() { return Array.prototype.slice.call(list.children); }

    function refresh() {
      var all = rows();
      all.forEach(function (li, pos) {
        li.querySelector(".dl-quiz__order-pos").textContent = String(pos + 1);
        li._up.disabled = locked || pos === 0;
        li._down.disabled = locked || pos === all.length - 1;
      });
    }

    function announceMove(li) {
      quiz.announce(t("moved_to", { item: li._text, pos: rows().indexOf(li) + 1 }));
    }

    function move(li, delta, button) {
      if (locked) return;
      var all = rows();
      var pos = all.indexOf(li);
      var target = pos + delta;
      if (target < 0 || target >= all.length) return;
      if (delta < 0) list.insertBefore(li, all[target]);
      else list.insertBefore(li, all[target].nextSibling);
      refresh();
      // Keep the keyboard where it was; if that button just became disabled, use its twin.
      if (!button.disabled) button.focus();
      else (button === li._up ? li._down : li._up).focus();
      announceMove(li);
    }

    function startDrag(li, handle, ev) {
      if (locked || (ev.pointerType === "mouse" && ev.button !== 0)) return;
      ev.preventDefault();
      li.classList.add("is-dragging");
      try { handle.setPointerCapture(ev.pointerId); } catch (e) { /* old browsers */ }
      var startIndex = rows().indexOf(li);
      function onMove(e) {
        var under = document.elementFromPoint(e.clientX, e.clientY);
        var over = under && under.closest ? under.closest(".dl-quiz__order-item") : null;
        if (over && over !== li && over.parentNode === list) {
          var all = rows();
          if (all.indexOf(li) < all.indexOf(over)) list.insertBefore(li, over.nextSibling);
          else list.insertBefore(li, over);
          refresh();
        }
      }
      function onEnd() {
        handle.removeEventListener("pointermove", onMove);
        handle.removeEventListener("pointerup", onEnd);
        handle.removeEventListener("pointercancel", onEnd);
        li.classList.remove("is-dragging");
        if (rows().indexOf(li) !== startIndex) announceMove(li);
      }
      handle.addEventListener("pointermove", onMove);
      handle.addEventListener("pointerup", onEnd);
      handle.addEventListener("pointercancel", onEnd);
    }

    scoring.derangedStart(items.length).forEach(function (itemIndex) {
      var li = el("li", "dl-quiz__order-item");
      li.setAttribute("data-index", String(itemIndex));
      var handle = el("span", "dl-quiz__handle");
      handle.setAttribute("aria-hidden", "true");
      handle.title = t("drag_handle");
      handle.appendChild(icon("grip"));
      var pos = el("span", "dl-quiz__order-pos");
      pos.setAttribute("aria-hidden", "true");
      var text = htmlEl("div", "dl-quiz__order-text", items[itemIndex]);
      var buttons = el("span", "dl-quiz__order-buttons");
      li.appendChild(handle);
      li.appendChild(pos);
      li.appendChild(text);
      li.appendChild(buttons);
      list.appendChild(li);
      li._text = spokenText(text);
      var short = li._text.length > 60 ? li._text.slice(0, 57) + "…" : li._text;
      li._up = el("button", "dl-quiz__icon-btn");
      li._up.type = "button";
      li._up.setAttribute("aria-label", t("move_up") + t("colon") + short);
      li._up.title = t("move_up");
      li._up.appendChild(icon("up"));
      li._down = el("button", "dl-quiz__icon-btn");
      li._down.type = "button";
      li._down.setAttribute("aria-label", t("move_down") + t("colon") + short);
      li._down.title = t("move_down");
      li._down.appendChild(icon("down"));
      buttons.appendChild(li._up);
      buttons.appendChild(li._down);
      li._up.addEventListener("click", function () { move(li, -1, li._up); });
      li._down.addEventListener("click", function () { move(li, 1, li._down); });
      handle.addEventListener("pointerdown", function (ev) { startDrag(li, handle, ev); });
    });
    refresh();

    return {
      node: list,
      answer: function () {
        return rows().map(function (li) { return Number(li.getAttribute("data-index")); });
      },
      lock: function () { locked = true; list.classList.add("is-locked"); refresh(); },
      reveal: function (given) {
        list.classList.add(scoring.scoreQuestion(q, given, quiz.whole) === 1 ? "is-correct" : "is-wrong");
      },
      focusFirst: function () {
        var first = list.querySelector("button:not([disabled])");
        if (first) first.focus();
      },
      hint: t("ordering_hint"),
      rule: null
    };
  }

  function makeView(quiz, q, ids, shuffle) {
    if (q.type === "fill_blank") return fillView(quiz, q, ids);
    if (q.type === "ordering") return orderingView(quiz, q, ids);
    return choiceView(quiz, q, ids, shuffle);
  }

  /** The right answer, for feedback and the end screen. */
  function correctAnswerNode(quiz, q) {
    var t = quiz.t;
    var wrap = el("div", "dl-quiz__answer");
    var isOrdering = q.type === "ordering";
    wrap.appendChild(el("p", "dl-quiz__answer-label", isOrdering ? t("correct_order") : t("correct_answer")));
    if (q.type === "single" || q.type === "multiple") {
      var ul = el("ul", "dl-quiz__answer-list");
      (q.options || []).forEach(function (o) { if (o.correct) ul.appendChild(htmlEl("li", null, o.html)); });
      wrap.appendChild(ul);
    } else if (q.type === "true_false") {
      wrap.appendChild(el("p", "dl-quiz__answer-text", q.answer ? t("true") : t("false")));
    } else if (q.type === "fill_blank") {
      wrap.appendChild(el("p", "dl-quiz__answer-text", (q.answers || []).join(" / ")));
    } else if (isOrdering) {
      var ol = el("ol", "dl-quiz__answer-list");
      (q.items_html || []).forEach(function (h) { ol.appendChild(htmlEl("li", null, h)); });
      wrap.appendChild(ol);
    }
    return wrap;
  }

  /** What the learner answered, for the end screen. */
  function givenAnswerNode(quiz, q, given) {
    var t = quiz.t;
    var wrap = el("div", "dl-quiz__answer dl-quiz__answer--given");
    wrap.appendChild(el("p", "dl-quiz__answer-label", t("your_answer")));
    if (given === null || given === undefined) {
      wrap.appendChild(el("p", "dl-quiz__answer-text", t("no_answer")));
    } else if (q.type === "single") {
      wrap.appendChild(htmlEl("p", "dl-quiz__answer-text", q.options[given] ? q.options[given].html : ""));
    } else if (q.type === "multiple") {
      var ul = el("ul", "dl-quiz__answer-list");
      given.forEach(function (i) { ul.appendChild(htmlEl("li", null, q.options[i] ? q.options[i].html : "")); });
      wrap.appendChild(ul);
    } else if (q.type === "true_false") {
      wrap.appendChild(el("p", "dl-quiz__answer-text", given ? t("true") : t("false")));
    } else if (q.type === "fill_blank") {
      wrap.appendChild(el("p", "dl-quiz__answer-text", given));
    } else if (q.type === "ordering") {
      var ol = el("ol", "dl-quiz__answer-list");
      given.forEach(function (i) { ol.appendChild(htmlEl("li", null, q.items_html[i])); });
      wrap.appendChild(ol);
    }
    return wrap;
  }

  function explanationNode(quiz, q, label) {
    var wrap = el("div", "dl-quiz__explanation");
    wrap.appendChild(el("p", "dl-quiz__explanation-label", label || quiz.t("explanation")));
    wrap.appendChild(htmlEl("div", "dl-quiz__explanation-text", q.explanation_html));
    return wrap;
  }

  function reviewLink(quiz, review) {
    if (!review || typeof review.href !== "string" || !review.href) return null;
    var p = el("p", "dl-quiz__review");
    var a = el("a", null, quiz.t("review") + (review.label ? quiz.t("colon") + review.label : ""));
    a.href = review.href;
    p.appendChild(a);
    return p;
  }

  /* ------------------------------------------------------------------ the quiz */

  function Quiz(root, data) {
    this.root = root;
    this.data = data;
    this.lang = data.lang || core.pageLanguage();
    this.t = core.translator(this.lang, data.strings);
    this.passMark = scoring.passMarkOf(data);
    this.immediate = data.feedback !== "end";
    this.whole = data.whole_points === true;
    this.build();
    this.newAttempt();
    this.renderStep(false);
  }

  Quiz.prototype.build = function () {
    var root = this.root;
    root.textContent = "";
    root.classList.add("dl-quiz--ready");
    root.setAttribute("lang", this.lang);
    this.meta = el("div", "dl-quiz__meta");
    this.live = el("div", "dl-quiz__live dl-sr-only");
    this.live.setAttribute("role", "status");
    this.live.setAttribute("aria-live", "polite");
    this.stage = el("div", "dl-quiz__stage");
    root.appendChild(this.meta);
    root.appendChild(this.stage);
    root.appendChild(this.live);
  };

  Quiz.prototype.announce = function (text) {
    var live = this.live;
    live.textContent = "";
    // A fresh text node after a tick makes screen readers repeat an identical message too.
    window.setTimeout(function () { live.textContent = text; }, 60);
  };

  Quiz.prototype.renderMeta = function () {
    var t = this.t;
    var rec = core.records.loadQuiz(this.data.id);
    this.meta.textContent = "";
    var parts = [t("question_count", { m: this.steps.length }), t("pass_mark", { p: this.passMark })];
    parts.push(rec.attempts && rec.best !== null ? t("best_so_far", { best: rec.best, attempts: rec.attempts }) : t("no_attempts"));
    this.meta.appendChild(el("p", "dl-quiz__meta-line", parts.join(" · ")));
    if (this.data.training) {
      this.meta.appendChild(el("p", "dl-quiz__meta-line", t("training_pass_mark", { p: this.passMark })));
    }
    if (!core.storage.ok) this.meta.appendChild(el("p", "dl-quiz__warning", t("storage_unavailable")));
  };

  /** Draw and shuffle per the quiz settings; a scenario counts as one question when drawing. */
  Quiz.prototype.newAttempt = function () {
    var steps = scoring.drawSteps(this.data);
    this.steps = steps;
    this.index = 0;
    this.answers = [];
    this.renderMeta();
  };

  Quiz.prototype.renderStep = function (moveFocus) {
    var self = this;
    var t = this.t;
    var step = this.steps[this.index];
    var q = step.q;
    var n = this.index + 1;
    var m = this.steps.length;
    var ids = { prompt: uid(q.id + "-prompt"), hint: uid(q.id + "-hint") };

    var form = el("form", "dl-quiz__question dl-quiz__question--" + q.type);
    form.setAttribute("novalidate", "");
    form.setAttribute("data-question-id", String(q.id));

    var head = el("div", "dl-quiz__head");
    var counter = el("h2", "dl-quiz__counter", t("question_n_of_m", { n: n, m: m }));
    counter.setAttribute("tabindex", "-1");
    var bar = el("div", "dl-quiz__bar");
    bar.setAttribute("aria-hidden", "true");
    var fill = el("span", "dl-quiz__bar-fill");
    fill.style.width = Math.round(((n - 1) / m) * 100) + "%";
    bar.appendChild(fill);
    head.appendChild(counter);
    head.appendChild(bar);
    form.appendChild(head);

    if (step.scenario) {
      var box = el("div", "dl-quiz__case");
      box.appendChild(el("p", "dl-quiz__case-label", t("case")));
      box.appendChild(htmlEl("div", "dl-quiz__case-text", step.scenario.prompt_html));
      form.appendChild(box);
    }

    var prompt = htmlEl("div", "dl-quiz__prompt", q.prompt_html);
    prompt.id = ids.prompt;
    form.appendChild(prompt);

    var view = makeView(this, q, ids, Boolean(this.data.shuffle));
    var hint = el("p", "dl-quiz__hint", view.hint);
    hint.id = ids.hint;
    form.appendChild(hint);
    if (view.rule) form.appendChild(el("p", "dl-quiz__rule", view.rule));
    form.appendChild(view.node);

    var error = el("p", "dl-quiz__error");
    error.setAttribute("role", "alert");
    form.appendChild(error);
    var feedback = el("div", "dl-quiz__feedback");
    feedback.hidden = true;
    form.appendChild(feedback);

    var actions = el("div", "dl-quiz__actions");
    var button = el("button", "dl-quiz__btn dl-quiz__btn--primary",
      this.immediate ? t("submit") : (n === m ? t("finish") : t("next")));
    button.type = "submit";
    actions.appendChild(button);
    form.appendChild(actions);

    var answered = false;
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (answered) { self.advance(); return; }
      var given = view.answer();
      if (given === null) {
        error.textContent = t("need_answer");
        view.focusFirst();
        return;
      }
      error.textContent = "";
      answered = true;
      var points = scoring.scoreQuestion(q, given, self.whole);
      self.answers[self.index] = { given: given, points: points };
      view.lock();
      if (!self.immediate) {
        self.announce(t("answer_recorded"));
        self.advance();
        return;
      }
      view.reveal(given);
      // after a case's last sub-question, the case's own explanation follows
      var next = self.steps[self.index + 1];
      var caseDone = step.scenario && (!next || next.scenario !== step.scenario) ? step.scenario : null;
      self.showFeedback(feedback, q, points, caseDone);
      button.textContent = n === m ? t("finish") : t("next");
      button.focus();
    });

    this.stage.textContent = "";
    this.stage.appendChild(form);
    if (moveFocus) counter.focus();
  };

  Quiz.prototype.showFeedback = function (box, q, points, scenario) {
    var t = this.t;
    var kind = scoring.verdictOf(points);
    var verdict = kind === "correct" ? t("correct") : kind === "partial" ? t("partly_correct") : t("incorrect");
    box.className = "dl-quiz__feedback dl-quiz__feedback--" + kind;
    box.textContent = "";
    var title = el("p", "dl-quiz__verdict");
    title.appendChild(icon(kind === "correct" ? "ok" : kind === "partial" ? "half" : "no"));
    title.appendChild(el("span", null, verdict));
    box.appendChild(title);
    var spoken = [verdict];
    if (kind === "partial") {
      var pts = t("points_earned", { points: scoring.formatPoints(points) });
      box.appendChild(el("p", "dl-quiz__points", pts));
      spoken.push(pts);
    }
    if (kind !== "correct" && q.type !== "single" && q.type !== "multiple" && q.type !== "true_false") {
      box.appendChild(correctAnswerNode(this, q));
    }
    if (q.explanation_html) {
      var expl = explanationNode(this, q);
      box.appendChild(expl);
      spoken.push(t("explanation") + t("colon") + spokenText(expl.lastChild));
    }
    var link = reviewLink(this, q.review);
    if (link) box.appendChild(link);
    if (scenario && scenario.explanation_html) {
      var about = explanationNode(this, scenario, t("case_explanation"));
      about.classList.add("dl-quiz__explanation--case");
      box.appendChild(about);
      spoken.push(t("case_explanation") + t("colon") + spokenText(about.lastChild));
    }
    box.hidden = false;
    this.announce(spoken.join(" "));
  };

  Quiz.prototype.advance = function () {
    this.index += 1;
    if (this.index >= this.steps.length) this.finish();
    else this.renderStep(true);
  };

  Quiz.prototype.finish = function () {
    var self = this;
    var t = this.t;
    var total = this.steps.length;
    var result = scoring.attemptResult(this.answers, total, this.passMark);
    var pct = result.score;
    var passed = result.passed;
    var attempt = {
      answers: scoring.attemptAnswers(this.steps, this.answers),
      lang: this.lang,
      version: typeof this.data.version === "string" ? this.data.version : null,
      // the name on the completion record is the one recorded with the last attempt
      name: this.data.training ? core.records.loadTraining(this.data.training.id).name : undefined
    };
    var rec = core.records.withAttempt(core.records.loadQuiz(this.data.id), pct, passed, core.todayISO(), attempt);
    core.records.saveQuiz(this.data.id, rec);
    this.renderMeta();

    var section = el("section", "dl-quiz__results");
    var heading = el("h2", "dl-quiz__results-title", t("results"));
    heading.id = uid(this.data.id + "-results");
    heading.setAttribute("tabindex", "-1");
    section.setAttribute("aria-labelledby", heading.id);
    section.appendChild(heading);

    var summary = el("div", "dl-quiz__summary dl-quiz__summary--" + (passed ? "pass" : "fail"));
    var big = el("p", "dl-quiz__score");
    big.appendChild(el("span", "dl-quiz__score-label", t("score") + t("colon")));
    big.appendChild(el("span", "dl-quiz__score-value", pct + "%"));
    summary.appendChild(big);
    summary.appendChild(el("p", "dl-quiz__score-line", t("score_line", { points: scoring.formatPoints(result.points), total: total })));
    var verdict = el("p", "dl-quiz__result-verdict");
    verdict.appendChild(icon(passed ? "ok" : "no"));
    verdict.appendChild(el("span", null, (passed ? t("passed") : t("failed")) + " · " + t("pass_mark", { p: this.passMark })));
    summary.appendChild(verdict);
    summary.appendChild(el("p", "dl-quiz__best", t("best_so_far", { best: rec.best, attempts: rec.attempts })));
    if (rec.passed_at) summary.appendChild(el("p", "dl-quiz__passed-on", t("passed_on", { date: core.formatDate(rec.passed_at, this.lang) })));
    section.appendChild(summary);

    var missedSteps = result.missed;
    section.appendChild(el("h3", "dl-quiz__missed-title", t("missed")));
    if (!missedSteps.length) {
      section.appendChild(el("p", "dl-quiz__none-missed", t("none_missed")));
    } else {
      var list = el("ol", "dl-quiz__missed");
      missedSteps.forEach(function (i) {
        var step = self.steps[i];
        var q = step.q;
        var a = self.answers[i] || { given: null, points: 0 };
        var li = el("li", "dl-quiz__missed-item");
        li.setAttribute("data-question-id", String(q.id));
        li.appendChild(el("p", "dl-quiz__missed-number", t("question_n_of_m", { n: i + 1, m: total })));
        li.appendChild(htmlEl("div", "dl-quiz__prompt", q.prompt_html));
        if (a.points > 0) li.appendChild(el("p", "dl-quiz__points", t("points_earned", { points: scoring.formatPoints(a.points) })));
        li.appendChild(givenAnswerNode(self, q, a.given));
        li.appendChild(correctAnswerNode(self, q));
        if (q.explanation_html) li.appendChild(explanationNode(self, q));
        var link = reviewLink(self, q.review);
        if (link) li.appendChild(link);
        list.appendChild(li);
      });
      section.appendChild(list);
    }

    var actions = el("div", "dl-quiz__actions");
    var retry = el("button", "dl-quiz__btn dl-quiz__btn--primary", t("retry"));
    retry.type = "button";
    retry.addEventListener("click", function () {
      self.newAttempt();
      self.renderStep(true);
    });
    actions.appendChild(retry);
    section.appendChild(actions);

    this.stage.textContent = "";
    this.stage.appendChild(section);
    heading.focus();
    this.announce(t("score_announce", { pct: pct, verdict: passed ? t("passed") : t("failed") }));
    try {
      dispatchFinished(this.root, { id: this.data.id, score: pct, passed: passed, passMark: this.passMark,
        training: this.data.training ? this.data.training.id : null });
    } catch (e) { /* informational only */ }
  };

  /** Tell the page (e.g. a training module widget) that an attempt ended. */
  function dispatchFinished(root, detail) {
    var ev;
    if (typeof window.CustomEvent === "function") ev = new CustomEvent(core.QUIZ_FINISHED, { bubbles: true, detail: detail });
    else return;
    root.dispatchEvent(ev);
  }

  function initOne(root) {
    if (root.getAttribute("data-dl-ready")) return;
    root.setAttribute("data-dl-ready", "1");
    var src = root.getAttribute("data-quiz-src");
    var script = src ? document.getElementById(src) : null;
    var data = null;
    try {
      data = script ? JSON.parse(script.textContent) : null;
    } catch (e) {
      data = null;
    }
    if (!data || typeof data !== "object" || !data.id || !Array.isArray(data.questions) || !data.questions.length) {
      root.textContent = "";
      root.appendChild(el("p", "dl-quiz__warning", core.translator(core.pageLanguage(), core.elementStrings(root))("load_error")));
      return;
    }
    root.quiz = new Quiz(root, data);
  }

  function initAll() {
    var roots = document.querySelectorAll(".dl-quiz[data-quiz-src]");
    for (var i = 0; i < roots.length; i++) initOne(roots[i]);
  }

  core.quiz = {
    init: initAll
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initAll);
  else initAll();
  // MkDocs Material's instant navigation swaps pages without a reload and announces it on document$.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(initAll);
})();
