"""The in-browser quiz engine (theme/assets/javascripts/quiz.js) in headless Chromium."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from dl_pages import (
    HOSTILE,
    HOSTILE_IMG,
    all_type_questions,
    hostile_questions,
    quiz_data,
    quiz_html,
    training_data,
    training_html,
    unit_read_html,
    write_page,
)
from quiz_driver import answer, current_id, flat_questions, open_quiz, order_texts, run_quiz, strip_tags

from generator.i18n import catalogue


def stored(page: Any, quiz_id: str) -> dict[str, Any] | None:
    raw = page.evaluate("id => localStorage.getItem('dandelion:v1:quiz:' + id)", quiz_id)
    return json.loads(raw) if raw else None


def missed_ids(page: Any) -> list[str]:
    return page.locator(".dl-quiz__missed-item").evaluate_all("els => els.map(e => e.dataset.questionId)")


@pytest.mark.parametrize("via", ["file", "http"])
def test_every_type_right_then_wrong(make_page, site_root, http_serve, via):
    page = make_page()
    data = quiz_data()
    base = http_serve(site_root) if via == "http" else None
    open_quiz(page, site_root, data, base_url=base)
    assert page.url.startswith("http://127.0.0.1:" if via == "http" else "file://")

    asked = run_quiz(page, data, True)
    assert asked == ["q-single", "q-multiple", "q-tf", "q-fill", "q-order", "case-1-a", "case-1-b"]
    assert page.locator(".dl-quiz__score-value").inner_text() == "100%"
    assert "通过" in page.locator(".dl-quiz__result-verdict").inner_text()
    assert page.locator(".dl-quiz__missed-item").count() == 0
    assert page.locator(".dl-quiz__none-missed").is_visible()
    # focus moved to the results heading, and the result was announced
    assert page.evaluate("document.activeElement.classList.contains('dl-quiz__results-title')")
    page.wait_for_function("document.querySelector('.dl-quiz__live').textContent.includes('100%')")
    rec = stored(page, data["id"])
    best_answers = rec.pop("best_answers")
    assert rec == {"attempts": 1, "best": 100, "last": 100, "passed_at": dt.date.today().isoformat(),
                   "best_lang": "zh", "best_version": None, "name": ""}
    # the answers travel in the results file, so the trainer's merge can score them again
    assert [a["id"] for a in best_answers] == ["q-single", "q-multiple", "q-tf", "q-fill", "q-order", "case-1/case-1-a",
                                               "case-1/case-1-b"]
    from generator.scoring import rescore

    assert rescore(data, best_answers, 60).score == 100

    page.get_by_role("button", name="再试一次").click()
    assert current_id(page) == "q-single"
    assert page.evaluate("document.activeElement.classList.contains('dl-quiz__counter')")
    run_quiz(page, data, False)
    assert page.locator(".dl-quiz__score-value").inner_text() == "0%"
    assert "未通过" in page.locator(".dl-quiz__result-verdict").inner_text()
    assert missed_ids(page) == asked
    # the missed list carries explanations and review links
    single = page.locator(".dl-quiz__missed-item[data-question-id=q-single]")
    assert "冰毒即甲基苯丙胺" in single.locator(".dl-quiz__explanation").inner_text()
    link = single.locator(".dl-quiz__review a")
    assert link.inner_text() == "复习：警惕伪装的新型毒品"
    assert link.get_attribute("href") == "../lessons/new-drugs.html#disguises"
    order = page.locator(".dl-quiz__missed-item[data-question-id=q-order]")
    assert order.locator(".dl-quiz__answer:not(.dl-quiz__answer--given) li").all_inner_texts() == ["虎门销烟", "禁毒法通过", "禁毒法施行"]
    # best stays, last and attempts update, passed_at keeps the first pass
    again = stored(page, data["id"])
    assert {k: again[k] for k in ("attempts", "best", "last", "passed_at")} == {
        "attempts": 2, "best": 100, "last": 0, "passed_at": dt.date.today().isoformat()}
    assert again["best_answers"] == best_answers, "a lower attempt keeps the best attempt's answers"
    assert "历史最高分100%（已完成2次）" in page.locator(".dl-quiz__best").inner_text()


def test_immediate_feedback_shows_explanation_answer_and_review(guarded_page, site_root):
    page = guarded_page
    data = quiz_data()
    open_quiz(page, site_root, data)
    qs = flat_questions(data)
    answer(page, qs["q-single"], False, data["strings"])
    fb = page.locator(".dl-quiz__feedback")
    assert fb.is_visible()
    assert "回答错误" in fb.inner_text()
    assert "冰毒即甲基苯丙胺" in fb.inner_text()
    assert fb.locator(".dl-quiz__review a").get_attribute("href") == "../lessons/new-drugs.html#disguises"
    # the right option and the wrong choice are both marked in words, not only colour
    correct = page.locator(".dl-quiz__option.is-correct")
    assert correct.count() == 1 and "甲基苯丙胺" in correct.inner_text() and "正确答案" in correct.inner_text()
    assert "你的选择" in page.locator(".dl-quiz__option.is-wrong").inner_text()
    # inputs are locked; the same button (still focused) now says Next
    assert page.locator(".dl-quiz__input").evaluate_all("els => els.every(e => e.disabled)")
    button = page.locator(".dl-quiz__question button[type=submit]")
    assert button.inner_text() == "下一题"
    assert page.evaluate("document.activeElement.type") == "submit"
    page.wait_for_function("document.querySelector('.dl-quiz__live').textContent.includes('回答错误')")
    assert "冰毒即甲基苯丙胺" in page.locator(".dl-quiz__live").inner_text()


def test_submit_without_answer_asks_for_one(guarded_page, site_root):
    page = guarded_page
    data = quiz_data()
    open_quiz(page, site_root, data)
    page.locator(".dl-quiz__question button[type=submit]").click()
    assert page.locator(".dl-quiz__error").inner_text() == "请先作答，再提交。"
    assert page.locator(".dl-quiz__feedback").is_hidden()
    assert current_id(page) == "q-single"


def test_fill_blank_accepts_a_typed_answer_with_other_width_spaces_and_punctuation(guarded_page, site_root):
    """In use; the normalising rules themselves are unit-tested in tests/js/scoring.test.js."""
    page = guarded_page
    fill = next(q for q in all_type_questions() if q["type"] == "fill_blank")  # answers 甲基苯丙胺, 冰毒
    data = quiz_data("fill", questions=[fill])
    open_quiz(page, site_root, data)
    for typed, verdict in (("  「冰　毒」。", "回答正确"), ("ＢＩＮＧ毒", "回答错误"), ("海洛因", "回答错误")):
        page.fill(".dl-quiz__text", typed)
        page.locator(".dl-quiz__question button[type=submit]").click()
        assert page.locator(".dl-quiz__verdict").inner_text().strip() == verdict, typed
        page.locator(".dl-quiz__question button[type=submit]").click()
        page.get_by_role("button", name="再试一次").click()


def test_multiple_partial_credit_rule_is_shown_and_applied(guarded_page, site_root):
    page = guarded_page
    multiple = next(q for q in all_type_questions() if q["type"] == "multiple")
    data = quiz_data("partial", questions=[multiple], pass_mark=50)
    open_quiz(page, site_root, data)
    assert page.locator(".dl-quiz__rule").inner_text() == catalogue("zh").gettext("quiz.partial_rule")
    # one of two right answers picked (the rule's other cases: tests/js/scoring.test.js): partly correct, half a point, 50% ≥ pass mark 50
    page.locator(".dl-quiz__option", has_text="跳跳糖").click()
    page.locator(".dl-quiz__question button[type=submit]").click()
    assert page.locator(".dl-quiz__verdict").inner_text().strip() == "部分正确"
    assert page.locator(".dl-quiz__feedback .dl-quiz__points").inner_text() == "本题得分：0.5（满分1分）"
    page.locator(".dl-quiz__question button[type=submit]").click()
    assert page.locator(".dl-quiz__score-value").inner_text() == "50%"
    assert page.locator(".dl-quiz__score-line").inner_text() == "共1题，得0.5分"
    assert "通过" in page.locator(".dl-quiz__result-verdict").inner_text()
    # a partly right question still counts as one to review
    assert missed_ids(page) == ["q-multiple"]


@pytest.mark.parametrize(("right", "passed"), [(3, True), (2, False)])
def test_pass_mark_boundary(guarded_page, site_root, right, passed):
    page = guarded_page
    tfs = [{"id": f"t{i}", "type": "true_false", "prompt_html": f"<p>陈述 {i}</p>", "answer": True,
            "explanation_html": "", "review": None} for i in range(5)]
    data = quiz_data("boundary", questions=tfs, pass_mark=60)
    open_quiz(page, site_root, data)
    run_quiz(page, data, {f"t{i}": i < right for i in range(5)})
    pct = right * 20
    assert page.locator(".dl-quiz__score-value").inner_text() == f"{pct}%"
    verdict = page.locator(".dl-quiz__result-verdict").inner_text()
    assert ("未通过" not in verdict) is passed
    assert "及格线60%" in verdict
    assert (stored(page, "boundary")["passed_at"] is not None) is passed


def test_training_pass_mark_overrides_quiz_pass_mark(guarded_page, site_root):
    page = guarded_page
    tfs = [{"id": f"t{i}", "type": "true_false", "prompt_html": "<p>x</p>", "answer": True, "explanation_html": "",
            "review": None} for i in range(5)]
    data = quiz_data("module-q", questions=tfs, pass_mark=60, training={"id": "m", "pass_mark": 80})
    open_quiz(page, site_root, data)
    assert "及格线80%" in page.locator(".dl-quiz__meta").inner_text()
    assert "这是培训模块的结业测验：成绩达到80%即通过，计入学时。" in page.locator(".dl-quiz__meta").inner_text()
    run_quiz(page, data, {"t0": True, "t1": True, "t2": True, "t3": False, "t4": False})
    assert page.locator(".dl-quiz__score-value").inner_text() == "60%"
    assert "未通过" in page.locator(".dl-quiz__result-verdict").inner_text()
    assert stored(page, "module-q")["passed_at"] is None


def test_feedback_at_end_only(guarded_page, site_root):
    page = guarded_page
    data = quiz_data("end-only", feedback="end")
    open_quiz(page, site_root, data)
    assert page.locator(".dl-quiz__question button[type=submit]").inner_text() == "下一题"
    qs = flat_questions(data)
    answer(page, qs["q-single"], False, data["strings"])
    # no verdict: straight to the next question, focus on its heading
    assert current_id(page) == "q-multiple"
    assert page.locator(".dl-quiz__feedback:visible").count() == 0
    assert page.locator(".dl-quiz__option.is-correct").count() == 0
    assert page.evaluate("document.activeElement.classList.contains('dl-quiz__counter')")
    plan = {qid: True for qid in qs}
    plan["q-single"] = False
    # finish the rest correctly; the last button says "see results"
    while page.locator(".dl-quiz__question").count():
        qid = current_id(page)
        if qid == "case-1-b":
            assert page.locator(".dl-quiz__question button[type=submit]").inner_text() == "查看结果"
        answer(page, qs[qid], plan[qid], data["strings"])
    assert page.locator(".dl-quiz__score-value").inner_text() == "85%"  # 6 of 7, floored
    assert missed_ids(page) == ["q-single"]
    assert "冰毒即甲基苯丙胺" in page.locator(".dl-quiz__missed-item .dl-quiz__explanation").inner_text()


def test_scenario_shows_case_text_with_each_sub_question(guarded_page, site_root):
    page = guarded_page
    scenario = next(q for q in all_type_questions() if q["type"] == "scenario")
    data = quiz_data("case", questions=[scenario])
    open_quiz(page, site_root, data)
    for qid in ("case-1-a", "case-1-b"):
        assert current_id(page) == qid
        case = page.locator(".dl-quiz__case")
        assert "案例" in case.locator(".dl-quiz__case-label").inner_text()
        assert "小林在聚会上收到一包“奶茶”粉末" in case.inner_text()
        answer(page, flat_questions(data)[qid], True, data["strings"])  # answers and submits
        # the case's own explanation follows its last sub-question only
        about = page.locator(".dl-quiz__explanation--case")
        if qid == "case-1-a":
            assert about.count() == 0
        else:
            assert "案例小结" in about.inner_text() and "来路不明的“奶茶”可能掺了毒品" in about.inner_text()
            page.wait_for_function("document.querySelector('.dl-quiz__live').textContent.includes('案例小结')")
        page.locator(".dl-quiz__question button[type=submit]").click()
    assert page.locator(".dl-quiz__score-line").inner_text() == "共2题，得2分"


def test_shuffle_changes_question_and_option_order(guarded_page, site_root):
    page = guarded_page
    questions = [{"id": f"s{i}", "type": "single", "prompt_html": f"<p>第{i}题</p>",
                  "options": [{"html": f"选项{i}-{k}", "correct": k == 0} for k in range(5)],
                  "explanation_html": "", "review": None} for i in range(6)]
    data = quiz_data("shuffled", questions=questions, shuffle=True)
    open_quiz(page, site_root, data)
    seen_first: set[str] = set()
    seen_options: set[tuple[str, ...]] = set()
    for _ in range(12):
        seen_first.add(current_id(page))
        seen_options.add(tuple(page.locator(".dl-quiz__option-text").all_inner_texts()))
        run_quiz(page, data, True)
        page.get_by_role("button", name="再试一次").click()
    assert len(seen_first) > 1
    assert len(seen_options) > 1


def test_draw_n_asks_n_from_the_bank_and_redraws_on_retry(guarded_page, site_root):
    page = guarded_page
    bank = [{"id": f"d{i}", "type": "true_false", "prompt_html": f"<p>陈述 {i}</p>", "answer": True,
             "explanation_html": "", "review": None} for i in range(5)]
    bank.append(next(q for q in all_type_questions() if q["type"] == "scenario"))
    data = quiz_data("drawn", questions=bank, draw=3)
    open_quiz(page, site_root, data)
    draws = set()
    for _ in range(10):
        asked = run_quiz(page, data, True)
        top = {("case-1" if a.startswith("case-1-") else a) for a in asked}
        assert len(top) == 3, asked  # a scenario counts as one drawn question
        if "case-1" in top:
            assert len(asked) == 4 and "case-1-a" in asked and "case-1-b" in asked
        assert page.locator(".dl-quiz__score-line").inner_text() == f"共{len(asked)}题，得{len(asked)}分"
        draws.add(frozenset(top))
        page.get_by_role("button", name="再试一次").click()
    assert len(draws) > 1


def test_ordering_never_starts_in_the_right_order(guarded_page, site_root):
    page = guarded_page
    two = {"id": "o2", "type": "ordering", "prompt_html": "<p>排序</p>", "items_html": ["第一", "第二"],
           "explanation_html": "", "review": None}
    data = quiz_data("order-two", questions=[two])
    open_quiz(page, site_root, data)
    for _ in range(15):
        assert order_texts(page) == ["第二", "第一"]
        page.locator(".dl-quiz__question button[type=submit]").click()
        page.locator(".dl-quiz__question button[type=submit]").click()
        page.get_by_role("button", name="再试一次").click()


def test_ordering_keyboard_only(guarded_page, site_root):
    page = guarded_page
    ordering = next(q for q in all_type_questions() if q["type"] == "ordering")
    tf = {"id": "warmup", "type": "true_false", "prompt_html": "<p>热身</p>", "answer": True,
          "explanation_html": "", "review": None}
    data = quiz_data("kbd", questions=[tf, ordering])
    open_quiz(page, site_root, data)
    kb = page.keyboard

    def active() -> dict[str, Any]:
        return page.evaluate("""() => { const a = document.activeElement;
            const li = a.closest('.dl-quiz__order-item');
            return {tag: a.tagName, type: a.type || '', label: a.getAttribute('aria-label') || '',
                    text: a.textContent.trim(), item: li ? li.querySelector('.dl-quiz__order-text').textContent.trim() : null}; }""")

    # question 1 by keyboard: Tab to the first radio, Space, Enter submits, Enter again = next
    for _ in range(10):
        kb.press("Tab")
        if active()["type"] == "radio":
            break
    kb.press("Space")
    kb.press("Enter")
    assert page.locator(".dl-quiz__verdict").inner_text().strip() == "回答正确"
    assert active()["text"] == "下一题"
    kb.press("Enter")
    assert current_id(page) == "q-order"

    wanted = [strip_tags(h) for h in ordering["items_html"]]
    # every move button has an accessible name naming its item
    labels = page.locator(".dl-quiz__icon-btn").evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))")
    assert sorted(labels) == sorted([f"上移：{w}" for w in wanted] + [f"下移：{w}" for w in wanted])
    for i, text in enumerate(wanted):
        j = order_texts(page).index(text)
        if j == i:
            continue
        for _ in range(12):  # Tab forward to this item's Move up button
            kb.press("Tab")
            a = active()
            if a["item"] == text and a["label"].startswith("上移"):
                break
        else:
            raise AssertionError(f"Tab never reached the Move up button of {text}")
        for _ in range(j - i):
            kb.press("Enter")
            # focus stays on the moved item's controls
            assert active()["item"] == text
        page.wait_for_function("t => document.querySelector('.dl-quiz__live').textContent.includes(t)", arg=f"已移到第{i + 1}位")
    assert order_texts(page) == wanted
    for _ in range(12):
        kb.press("Tab")
        if active()["type"] == "submit":
            break
    kb.press("Enter")
    assert page.locator(".dl-quiz__verdict").inner_text().strip() == "回答正确"


def test_ordering_drag_and_drop(guarded_page, site_root):
    page = guarded_page
    ordering = next(q for q in all_type_questions() if q["type"] == "ordering")
    data = quiz_data("drag", questions=[ordering])
    open_quiz(page, site_root, data)
    start = order_texts(page)
    last = page.locator(".dl-quiz__order-item").nth(2)
    last.locator(".dl-quiz__handle").drag_to(page.locator(".dl-quiz__order-item").nth(0))
    assert order_texts(page) == [start[2], start[0], start[1]]
    assert page.locator(".dl-quiz__order-pos").all_inner_texts() == ["1", "2", "3"]
    # drag the rest into place and get it right
    wanted = [strip_tags(h) for h in ordering["items_html"]]
    for i, text in enumerate(wanted):
        j = order_texts(page).index(text)
        if j != i:
            page.locator(".dl-quiz__order-item").nth(j).locator(".dl-quiz__handle").drag_to(
                page.locator(".dl-quiz__order-item").nth(i))
    assert order_texts(page) == wanted
    page.locator(".dl-quiz__question button[type=submit]").click()
    assert page.locator(".dl-quiz__verdict").inner_text().strip() == "回答正确"


def test_hostile_text_is_shown_not_run(guarded_page, site_root):
    page = guarded_page
    data = quiz_data("hostile", questions=hostile_questions())
    data["title"] = HOSTILE
    open_quiz(page, site_root, data)
    prompt = page.locator(".dl-quiz__prompt").inner_text()
    assert "引号 \"双\" 与 '单' " + HOSTILE in prompt
    assert "选项 \"A\" '" + HOSTILE + "'" in page.locator(".dl-quiz__option-text").first.inner_text()
    page.locator(".dl-quiz__option").first.click()
    page.locator(".dl-quiz__question button[type=submit]").click()
    link = page.locator(".dl-quiz__review a")
    assert link.inner_text() == "复习：" + HOSTILE + HOSTILE_IMG  # plain text stays plain text
    page.locator(".dl-quiz__question button[type=submit]").click()
    page.fill(".dl-quiz__text", HOSTILE_IMG)
    page.locator(".dl-quiz__question button[type=submit]").click()
    assert page.locator(".dl-quiz__verdict").inner_text().strip() == "回答正确"
    page.locator(".dl-quiz__question button[type=submit]").click()
    assert page.locator(".dl-quiz__score-value").inner_text() == "100%"
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".dl-quiz img").count() == 0
    # the embedded JSON still parses to exactly the data we wrote (escaping round-trips)
    embedded = page.evaluate("JSON.parse(document.getElementById('dl-quiz-data-hostile').textContent)")
    assert embedded == data
    assert not page.guard.dialogs


def test_english_quiz_uses_english_strings(guarded_page, site_root):
    page = guarded_page
    data = quiz_data("english", lang="en")
    open_quiz(page, site_root, data)
    assert page.locator(".dl-quiz__counter").inner_text() == "Question 1 of 7"
    assert page.locator(".dl-quiz").get_attribute("lang") == "en"
    assert page.locator(".dl-quiz__hint").inner_text() == "Choose one answer."
    run_quiz(page, data, {"q-single": True, "q-multiple": False, "q-tf": True, "q-fill": True, "q-order": True,
                          "case-1-a": True, "case-1-b": True})
    assert page.locator(".dl-quiz__results-title").inner_text() == "Your results"
    assert page.locator(".dl-quiz__score-value").inner_text() == "85%"
    assert "Passed" in page.locator(".dl-quiz__result-verdict").inner_text()
    assert page.get_by_role("button", name="Try again").is_visible()


def test_a_missing_string_shows_its_key_and_warns_and_bad_data_says_so(guarded_page, site_root):
    page = guarded_page
    warnings: list[str] = []
    page.on("console", lambda message: warnings.append(message.text) if message.type == "warning" else None)
    data = quiz_data("missing")
    data["strings"] = {"submit": "交卷"}  # the page's JSON is the only source: nothing falls back to a copy
    body = quiz_html(data) + '<div class="dl-quiz" id="broken" data-quiz-src="nope"></div>'
    write_page(site_root, "quizzes/missing.html", body)
    page.goto((site_root / "quizzes/missing.html").as_uri())
    assert page.locator(".dl-quiz__question button[type=submit]").inner_text() == "交卷"
    assert page.locator(".dl-quiz__counter").inner_text() == "question_n_of_m"
    assert any('"question_n_of_m"' in text for text in warnings)
    # a container without data-strings and without JSON: the key, not a silent Chinese or English word
    assert page.locator("#broken").inner_text() == "load_error"


def test_best_score_survives_reload(guarded_page, site_root):
    page = guarded_page
    data = quiz_data("reload")
    open_quiz(page, site_root, data)
    assert "还没有完成过本测验" in page.locator(".dl-quiz__meta").inner_text()
    run_quiz(page, data, {"q-single": True, "q-multiple": True, "q-tf": True, "q-fill": True, "q-order": False,
                          "case-1-a": False, "case-1-b": False})
    page.reload()
    page.wait_for_selector(".dl-quiz__question")
    assert "历史最高分57%（已完成1次）" in page.locator(".dl-quiz__meta").inner_text()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_widgets_without_json_speak_the_catalogue_from_data_strings(guarded_page, site_root, lang):
    page = guarded_page
    body = (quiz_html(quiz_data("gone", lang=lang)).replace('data-quiz-src="dl-quiz-data-gone"', 'data-quiz-src="nope"', 1)
            + training_html(training_data(lang=lang)).replace('data-training-src="', 'data-training-src="nope', 1)
            + unit_read_html("lesson-a", ["module-id"], lang))
    write_page(site_root, f"{lang}/widgets.html", body, lang=lang)
    page.goto((site_root / f"{lang}/widgets.html").as_uri())
    strings = catalogue(lang)
    assert page.locator(".dl-quiz").inner_text() == strings.gettext("quiz.load_error")
    assert page.locator(".dl-training").inner_text() == strings.gettext("training.load_error")
    assert page.locator(".dl-unit-read").inner_text() == strings.gettext("training.unit_read")


def test_every_control_is_labelled_and_big_enough(make_page, site_root):
    page = make_page(360, 800)
    data = quiz_data("a11y")
    open_quiz(page, site_root, data, material=True)
    qs = flat_questions(data)
    seen_types = set()
    while page.locator(".dl-quiz__question").count():
        qid = current_id(page)
        seen_types.add(qs[qid]["type"])
        problems = page.evaluate("""() => {
            const out = [];
            for (const i of document.querySelectorAll('.dl-quiz input')) {
              if (!i.labels.length && !i.getAttribute('aria-label')) out.push('unlabelled input ' + i.outerHTML);
            }
            const targets = document.querySelectorAll('.dl-quiz button, .dl-quiz .dl-quiz__option, .dl-quiz input[type=text]');
            for (const t of targets) {
              const r = t.getBoundingClientRect();
              if (r.width < 44 || r.height < 44) out.push('small target ' + t.className + ' ' + r.width + 'x' + r.height);
              if (t.tagName === 'BUTTON' && !(t.getAttribute('aria-label') || t.textContent.trim())) out.push('nameless button');
            }
            if (document.scrollingElement.scrollWidth > window.innerWidth) out.push('horizontal scroll ' + document.scrollingElement.scrollWidth);
            return out; }""")
        assert problems == [], qid
        answer(page, qs[qid], True, data["strings"])
        page.locator(".dl-quiz__question button[type=submit]").click()
    assert seen_types == {"single", "multiple", "true_false", "fill_blank", "ordering"}


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_accessibility_violations(make_page, site_root, scheme):
    axe_mod = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python not installed")
    page = make_page(1280, 900)
    data = quiz_data("axe")
    open_quiz(page, site_root, data, material=True, scheme=scheme)
    axe = axe_mod.Axe()
    qs = flat_questions(data)
    reports = []
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}}
    while page.locator(".dl-quiz__question").count():
        qid = current_id(page)
        answer(page, qs[qid], qid != "q-multiple", data["strings"])  # feedback visible, right and wrong
        result = axe.run(page, context=".dl-quiz", options=options)
        reports.append((qid, result.response["violations"]))
        page.locator(".dl-quiz__question button[type=submit]").click()
    result = axe.run(page, context=".dl-quiz", options=options)
    reports.append(("results", result.response["violations"]))
    bad = [(qid, v["id"], [n["html"][:120] for n in v["nodes"]]) for qid, vs in reports for v in vs]
    assert bad == []


def test_works_without_local_storage(make_page, site_root):
    """Some phone browsers (private modes, locked-down WebViews) throw on localStorage."""
    page = make_page()
    page.context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('denied', 'SecurityError'); }});")
    data = quiz_data("no-storage")
    open_quiz(page, site_root, data)
    assert page.locator(".dl-quiz__warning").inner_text() == catalogue("zh").gettext("quiz.storage_unavailable")
    run_quiz(page, data, True)
    assert page.locator(".dl-quiz__score-value").inner_text() == "100%"
    assert "历史最高分100%（已完成1次）" in page.locator(".dl-quiz__best").inner_text()


def test_network_guard_catches_remote_requests(make_page, site_root):
    """The guard every browser test relies on does fail when a page reaches off the machine."""
    page = make_page()
    write_page(site_root, "remote.html", '<img src="https://example.invalid/x.png" alt="">')
    page.goto((site_root / "remote.html").as_uri())
    page.wait_for_load_state("load")
    assert page.guard.remote == ["https://example.invalid/x.png"]
    with pytest.raises(AssertionError, match="requests left the machine"):
        page.guard.check()
    page.guard.remote.clear()


@pytest.mark.parametrize("name", ["core.js", "scoring.js", "quiz.js", "training.js", "dandelion.js", "../stylesheets/quiz.css"])
def test_engine_has_no_network_code(name):
    from dl_pages import THEME_ASSETS

    source = (THEME_ASSETS / "javascripts" / name).resolve().read_text("utf-8")
    for banned in ("fetch(", "XMLHttpRequest", "import(", "sendBeacon", "WebSocket", "@import", "url(http", "//cdn"):
        assert banned not in source, banned
    # the only absolute URL is the SVG namespace name, which is never requested
    assert set(re.findall(r"https?://[^\s\"')]+", source)) <= {"http://www.w3.org/2000/svg"}


@pytest.mark.parametrize("whole", [False, True])
def test_whole_points_for_pupils_and_villagers(guarded_page, site_root, whole: bool):
    page = guarded_page
    multiple = next(q for q in all_type_questions() if q["type"] == "multiple")
    data = quiz_data("whole" if whole else "fractions", questions=[multiple])
    data["whole_points"] = whole
    open_quiz(page, site_root, data)
    rule = page.locator(".dl-quiz__rule").inner_text()
    assert ("正确的都选上" in rule) == whole and ("1 ÷ 正确选项数" in rule) == (not whole)
    page.locator(".dl-quiz__option").nth(0).click()  # one of the two right answers only
    page.locator(".dl-quiz__question button[type=submit]").click()
    verdict = page.locator(".dl-quiz__verdict").inner_text()
    assert ("回答错误" in verdict) == whole and ("部分正确" in verdict) == (not whole)
    page.locator(".dl-quiz__question button[type=submit]").click()
    assert page.locator(".dl-quiz__score-line").inner_text() == ("共1题，得0分" if whole else "共1题，得0.5分")
