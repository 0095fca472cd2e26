"""Moodle XML export: well-formed, the elements Moodle's reader looks for, safe HTML and CDATA."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from interop_helpers import FULL_QUIZ, HOSTILE, build_quiz

from generator import model
from generator.interop import export_moodle_xml
from generator.markup import render


def _parse(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    return ET.fromstring(text.encode("utf-8"))


def _questions(root: ET.Element) -> list[ET.Element]:
    return root.findall("question")


def _text(el: ET.Element | None, path: str = "text") -> str:
    assert el is not None
    found = el.find(path)
    assert found is not None, path
    return found.text or ""


def test_structure_and_types(full_quiz: model.Quiz) -> None:
    result = export_moodle_xml(full_quiz, "zh", "zh")
    root = _parse(result.text)
    qs = _questions(root)
    assert [q.get("type") for q in qs] == [
        "category", "multichoice", "multichoice", "truefalse", "truefalse", "shortanswer", "matching",
        "description", "multichoice", "shortanswer",
    ]
    assert [_text(q.find("name")) for q in qs[1:]] == ["s1", "m1", "t1", "t2", "f1", "o1", "case-1", "case-1/case-1-a", "case-1/case-1-b"]
    assert _text(qs[0].find("category")) == "$course$/top/全部题型：{测试} // 第一套"
    for q in qs[1:]:
        assert q.find("questiontext").get("format") == "html"
        assert q.find("generalfeedback") is not None
        assert q.find("defaultgrade").text == ("0.0000000" if q.get("type") == "description" else "1.0000000")
        assert q.find("hidden").text == "0"
    assert result.warnings == ["o1: ordering exported as a matching question (each item ↔ its position 1…3)"]


def test_multichoice_single_and_multiple(full_quiz: model.Quiz) -> None:
    qs = _questions(_parse(export_moodle_xml(full_quiz, "en", "zh").text))
    single, multiple = qs[1], qs[2]
    assert single.find("single").text == "true"
    assert [a.get("fraction") for a in single.findall("answer")] == ["100", "0", "0", "0"]
    assert multiple.find("single").text == "false"
    assert [a.get("fraction") for a in multiple.findall("answer")] == ["50", "50", "-50"]
    assert single.find("shuffleanswers").text == "false"  # the quiz does not shuffle
    assert [_text(a) for a in multiple.findall("answer")] == ["Milk-tea powder", "Popping candy ~ sweets", "Textbooks"]


def test_truefalse_shortanswer_matching_description(full_quiz: model.Quiz) -> None:
    qs = _questions(_parse(export_moodle_xml(full_quiz, "en", "zh").text))
    t1 = qs[3]
    assert [(_text(a), a.get("fraction")) for a in t1.findall("answer")] == [("true", "0"), ("false", "100")]
    assert _text(t1.find("generalfeedback")) == "<p>False.</p>"
    short = qs[5]
    assert short.find("usecase").text == "0"
    assert [(_text(a), a.get("fraction")) for a in short.findall("answer")] == [
        ("methamphetamine", "100"), ("meth\\*amphetamine", "100"), ("a=b {c}", "100")]
    match = qs[6]
    assert match.find("shuffleanswers").text == "true"
    pairs = [(_text(s), _text(s.find("answer"))) for s in match.findall("subquestion")]
    assert pairs == [("plant-derived -&gt; first", "1"), ("synthetic = second", "2"), ("new psychoactive substances #3", "3")]
    description = qs[7]
    assert _text(description.find("questiontext")) == render(full_quiz.questions[-1].prompt.get("en"))
    sub_short = qs[9]
    assert [_text(a) for a in sub_short.findall("answer")] == ["老师", "家长"]  # one list for every language


def test_text_is_the_sites_sanitised_html(full_quiz: model.Quiz) -> None:
    qs = _questions(_parse(export_moodle_xml(full_quiz, "en", "zh").text))
    assert _text(qs[1].find("questiontext")) == render(f"Single: {HOSTILE}")
    assert "]]&gt;" in _text(qs[1].find("questiontext"))  # the text's CDATA end, as HTML shows it
    first_option = _text(qs[1].find("answer"))
    assert first_option == render("`</script>` **Methamphetamine** H<sub>2</sub>", inline=True)
    assert "<code>&lt;/script&gt;</code>" in first_option


def test_cdata_split_and_no_live_markup() -> None:
    quiz = build_quiz({"id": "x", "title": "a ]]> b", "questions": [
        {"id": "q1", "type": "single", "prompt": "x ]]> y ]]]> z",
         "options": [{"text": "</script><script>alert(1)</script>", "correct": True}, {"text": "<b>bold</b> ]]>"}]},
        {"id": "q2", "type": "true_false", "prompt": "bell \x07 and form feed \x0c", "answer": True},
    ]})
    result = export_moodle_xml(quiz, "zh", "zh")
    text = result.text
    assert "<script" not in text and "</script>" not in text.replace("&lt;/script&gt;", "")
    root = _parse(text)
    qs = _questions(root)
    assert _text(qs[0].find("category")) == "$course$/top/a ]]> b"
    assert _text(qs[1].find("questiontext")) == "<p>x ]]&gt; y ]]]&gt; z</p>"
    options = [_text(a) for a in qs[1].findall("answer")]
    # sanitising would leave the first option empty: its text is shown literally instead
    assert options[0] == "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert options[1] == "<b>bold</b> ]]&gt;"
    assert _text(qs[2].find("questiontext")) == "<p>bell  and form feed </p>"
    assert "control characters that XML cannot hold were removed from the text" in result.warnings


def test_raw_cdata_terminator_is_split() -> None:
    """A ``]]>`` in a text that is not escaped by the HTML renderer still cannot end the CDATA early."""
    quiz = build_quiz({"id": "x", "title": "t", "questions": [
        {"id": "q1", "type": "fill_blank", "prompt": "p", "answer": ["a]]>b<"]},
    ]})
    text = export_moodle_xml(quiz, "zh", "zh").text
    assert "<text><![CDATA[a]]]]><![CDATA[>b<]]></text>" in text
    assert _text(_questions(_parse(text))[1].find("answer")) == "a]]>b<"


def test_language_fallback_and_scenario_feedback() -> None:
    data = dict(FULL_QUIZ)
    data["questions"] = [dict(q) for q in FULL_QUIZ["questions"]]
    data["questions"][-1]["explanation"] = {"zh": "案例解析"}
    data["shuffle"] = True
    result = export_moodle_xml(build_quiz(data), "en", "zh")
    qs = _questions(_parse(result.text))
    assert _text(qs[7].find("generalfeedback")) == "<p>案例解析</p>"
    assert qs[1].find("shuffleanswers").text == "true"
    assert result.warnings[0] == "no 'en' text in case-1: the 'zh' text (or the first one given) was exported instead"
