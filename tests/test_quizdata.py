"""generator.quizdata: the JSON the browser quiz engine reads."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from hostile import html_values, poison, script_capable

from generator import quizdata
from generator.i18n import catalogue
from generator.loader import load_project
from generator.quizdata import quiz_data

ROOT = Path(__file__).parents[1]


def test_options_come_in_the_worksheet_order_not_the_written_one() -> None:
    project = load_project(ROOT).project
    assert project is not None
    first_right = 0
    for quiz in project.quizzes.values():
        data = quiz_data(project, quiz, "zh", lambda target: target)
        by_id = {q["id"]: q for q in data["questions"]}
        for q in quiz.questions:
            if q.type not in ("single", "multiple"):
                continue
            shown = [o["correct"] for o in by_id[q.id]["options"]]
            assert shown == [o.correct for o in q.printed_options()]
            first_right += q.type == "single" and shown[0]
    # editors write the right answer first; on screen it must not always be A
    singles = sum(q.type == "single" for quiz in project.quizzes.values() for q in quiz.questions)
    assert first_right < 0.5 * singles


def test_whole_points_only_for_quizzes_of_pupils_and_villagers() -> None:
    project = load_project(ROOT).project
    assert project is not None

    def whole(quiz_id: str) -> bool:
        return quiz_data(project, project.quizzes[quiz_id], "zh", lambda target: target)["whole_points"]

    assert whole("primary-saying-no-quiz") and whole("village-drug-harms-quiz")
    assert not whole("high-laced-vapes-quiz") and not whole("mi-relapse-prevention-quiz")


def test_hostile_texts_reach_the_quiz_data_as_safe_html() -> None:
    """Every text of the mini project hostile: no HTML value of the quiz data (the engine puts them into
    the page) can run a script, with or without pinyin, and the embedded JSON cannot end its script."""
    from generator.markup import embed_json
    from generator.zh import Pinyin

    project = poison(load_project(ROOT / "tests" / "fixtures" / "mini").project)
    pinyin = Pinyin()
    for quiz in project.quizzes.values():
        for lang, annotate in (("zh", lambda html: pinyin.annotate_html(html, form="ruby")), ("en", None)):
            data = quiz_data(project, quiz, lang, lambda target: "../" + target, annotate)
            values = html_values(data)
            assert len(values) >= 2 * len(quiz.questions)
            assert {value: script_capable(value) for value in values if script_capable(value)} == {}
            assert "</" not in embed_json(data)



@pytest.mark.parametrize("lang", ["zh", "en"])
def test_widget_strings_carry_the_catalogue_escaped_for_the_attribute(lang: str) -> None:
    for element, (prefix, keys) in quizdata.WIDGET_STRINGS.items():
        attribute = quizdata.widget_strings(element, lang)
        found = re.fullmatch(r' data-strings="([^"<>]*)"', attribute)
        assert found, attribute  # no raw quote or angle bracket can end the attribute or open a tag
        table = catalogue(lang).table(prefix)
        assert json.loads(html.unescape(found.group(1))) == {key: table[key] for key in keys}
