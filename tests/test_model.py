"""generator.model: behaviour that lives on the typed model itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import model


def question(qid: str, texts: list[str], qtype: str = "single") -> model.SingleQuestion | model.MultipleQuestion:
    cls = model.SingleQuestion if qtype == "single" else model.MultipleQuestion
    options = [model.Option(text=model.Text({"zh": t, "en": t.upper()}), correct=i == 0) for i, t in enumerate(texts)]
    return cls(id=qid, type=qtype, prompt=model.Text({"zh": "问", "en": "Q"}), options=options)


def test_printed_options_are_a_stable_permutation() -> None:
    q = question("q1", ["甲", "乙", "丙", "丁"])
    first = q.printed_options()
    assert sorted(o.text.values["zh"] for o in first) == ["丁", "丙", "乙", "甲"]
    assert [o.text for o in q.printed_options()] == [o.text for o in first]
    again = question("q1", ["甲", "乙", "丙", "丁"])  # a new build of the same question
    assert [o.text.values["zh"] for o in again.printed_options()] == [o.text.values["zh"] for o in first]


def test_a_right_answer_written_first_is_not_always_first_on_paper() -> None:
    positions = {[o.correct for o in question(f"q{i}", ["对", "错一", "错二", "错三"]).printed_options()].index(True)
                 for i in range(40)}
    assert positions == {0, 1, 2, 3}


def test_ordering_question_is_never_printed_in_order() -> None:
    for n in range(2, 7):
        q = model.OrderingQuestion.model_validate(
            {"id": f"q{n}", "type": "ordering", "prompt": "p", "answer": [str(i) for i in range(n)]},
            context={"default_lang": "zh"})
        printed = q.printed_items()
        assert sorted(x.values["zh"] for x in printed) == [str(i) for i in range(n)]
        assert all(a is not b for a, b in zip(printed, q.answer, strict=True))


def test_answer_key_positions_match_the_printed_order() -> None:
    # identical item texts must still get their own positions
    q = model.OrderingQuestion.model_validate(
        {"id": "q-dup", "type": "ordering", "prompt": "p", "answer": ["冷静", "谈话", "冷静", "求助"]},
        context={"default_lang": "zh"})
    pairs = q.printed_with_positions()
    assert [item for item, _ in pairs] == q.printed_items()
    assert sorted(n for _, n in pairs) == [1, 2, 3, 4]
    assert all(q.answer[n - 1] is item for item, n in pairs)


def test_answer_key_prints_lookalike_answers_once_and_knows_blanks_in_prompts() -> None:
    q = model.FillBlankQuestion.model_validate(
        {"id": "q-class", "type": "fill_blank", "prompt": {"zh": "依托咪酯属于第____类精神药品。", "en": "Class ____"},
         "answer": {"zh": ["二", "2", "Ⅱ", "II", "２", "ii"], "en": ["II", "2"]}},
        context={"default_lang": "zh"})
    assert q.printed_answers("zh", "zh") == ["二", "2", "Ⅱ"]
    assert q.answers_for("zh", "zh") == ["二", "2", "Ⅱ", "II", "２", "ii"]  # the quiz still accepts all
    assert q.blank_in_prompt("zh", "zh")
    plain = q.model_copy(update={"prompt": model.Text({"zh": "冰毒的化学名称是什么？", "en": "What is it?"})})
    assert not plain.blank_in_prompt("zh", "zh")


# --- rules of one item (problems) ----------------------------------------------------------------


def quiz(questions: list[dict], **settings: object) -> model.Quiz:
    return model.Quiz.model_validate({"id": "q", "title": "测验", "questions": questions, **settings},
                                 context={"default_lang": "zh"})


def test_quiz_problems_point_into_the_quiz() -> None:
    single = {"id": "a", "type": "single", "prompt": "问", "options": [{"text": "甲", "correct": True}, {"text": "甲", "correct": True}]}
    case = {"id": "case", "type": "scenario", "prompt": "案例", "questions": [
        {"id": "a", "type": "ordering", "prompt": "排序", "answer": ["一", "一"], "section": "s"}]}
    found = [(p.path, p.message) for p in quiz([single, case], draw=3).problems()]
    assert found == [
        (("questions", 0, "options"), "a single-choice question needs exactly one option with `correct: true` (found 2)"),
        (("questions", 0, "options"), "two options have the same text"),
        (("questions", 1, "questions", 0, "id"), "duplicate question id 'a' in this quiz"),
        (("questions", 1, "questions", 0, "answer"), "two items to order have the same text"),
        (("questions", 1, "questions", 0, "section"), "`section` needs a `lesson` (on the question or the quiz)"),
        (("draw",), "draw is 3 but the quiz has only 2 questions"),
    ]
    assert quiz([single], lesson="x").problems()[0].warning is False


def test_event_problems_depend_on_the_day() -> None:
    event = model.Event.model_validate({"id": "e", "title": "活动", "date": dt.date(2026, 6, 26), "region": "haikou",
                                    "setting": "school", "venue": "礼堂", "status": "done"})
    before = [(p.path, p.warning) for p in event.problems(today=dt.date(2026, 6, 1))]
    after = [(p.path, p.warning) for p in event.problems(today=dt.date(2026, 7, 1))]
    assert before == [(("status",), True), (("status",), True)]  # still to come, and no report
    assert after == [(("status",), True)]


# --- training order -------------------------------------------------------------------------------


def project_with_training(after: dict[str, list[str]]) -> model.Project:
    config = model.SiteConfig.model_validate({"site_name": "站", "organisation": "组", "audiences": {"a": "甲"},
                                          "settings": {"s": "乙"}, "regions": {"r": "丙"}}, context={"default_lang": "zh"})
    project = model.Project(Path("/nowhere"), config)
    for module_id, before in after.items():
        project.training[module_id] = model.Training(id=module_id, title=model.Text({"zh": module_id}), credit_hours=1,
                                                 units=["x"], after=before)
    return project


def test_training_in_order_puts_each_module_after_those_it_names_ties_by_key() -> None:
    project = project_with_training({"a": ["d"], "b": [], "c": ["b", "unknown"], "d": [], "e": ["a"]})
    order = [t.id for t in project.training_in_order(key=lambda t: t.id)]
    assert order == ["b", "c", "d", "a", "e"]
    backwards = [t.id for t in project.training_in_order(key=lambda t: [-ord(ch) for ch in t.id])]
    assert backwards == ["d", "b", "c", "a", "e"]


def test_training_in_order_falls_back_to_the_key_on_a_circle() -> None:
    project = project_with_training({"a": ["b"], "b": ["a"], "c": []})
    assert [t.id for t in project.training_in_order(key=lambda t: t.id)] == ["a", "b", "c"]


@pytest.mark.parametrize(("url", "placeholder"), [
    ("https://example.org/dandelion/", True), ("https://www.example.com/", True), ("http://example.net/x/", True),
    ("https://site.example/", True), ("https://dandelion.test/", True), ("https://a.invalid/", True),
    ("http://localhost:8000/", True), ("http://127.0.0.1/", True),
    ("https://jdj.hainan.gov.cn/dandelion/", False), ("https://school.edu.cn/", False),
    ("https://notexample.org/", False), ("https://example.org.cn/", False),
])
def test_placeholder_addresses_are_recognised(url: str, placeholder: bool) -> None:
    from generator.model import is_placeholder_address

    assert is_placeholder_address(url) is placeholder


def test_printed_links_use_only_a_real_site_address() -> None:
    from generator.kits.documents import page_url
    from generator.model import SiteConfig

    base = {"site_name": "x", "organisation": "y", "audiences": {"a": "A"}, "settings": {"s": "S"}, "regions": {"r": "R"}}
    placeholder = SiteConfig.model_validate({**base, "site_url": "https://example.org/dandelion/"}, context={"default_lang": "zh"})
    assert placeholder.public_address is None and "placeholder" in (placeholder.address_note or "")
    assert page_url(placeholder, "zh", "events", "e") is None  # no QR code or printed link to example.org
    real = SiteConfig.model_validate({**base, "site_url": "https://jdj.hainan.gov.cn/dl/"}, context={"default_lang": "zh"})
    assert real.address_note is None
    assert page_url(real, "zh", "events", "e") == "https://jdj.hainan.gov.cn/dl/zh/events/e.html"
