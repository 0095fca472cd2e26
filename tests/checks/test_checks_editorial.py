"""generator.checks.editorial: editing notes in published text are errors at their line."""

from __future__ import annotations

import pytest
from samples import LESSON

from generator.checks.editorial import editing_notes


def lesson_body(zh: str, en: str = "Body") -> str:
    return LESSON.replace("body: {zh: 正文, en: Body}", f"body: {{zh: '{zh}', en: '{en}'}}")


@pytest.mark.parametrize("zh,en,note", [
    ("数据未经核实", "Body", "未经核实"),
    ("（待核实）全省有25个中心", "Body", "待核实"),
    ("时间待定", "Body", "待定"),
    ("正文", "TODO: add the figure", "TODO"),
    ("正文", "fixme later", "fixme"),
    ("正文", "Date: tbd", "tbd"),
    ("正文", "An Unverified figure", "Unverified"),
])
def test_editing_notes_are_errors_at_their_language(lines, zh: str, en: str, note: str) -> None:
    source = lesson_body(zh, en)
    line = source.splitlines()[8]
    column = line.index(f"'{zh if note in zh else en}'") + 1
    message = (f"editing note “{note}” in published text: check the fact and remove the note "
               "(or leave the sentence out until it is checked)")
    found = lines({"content/lessons/x.yml": source})
    assert [item for item in found if "editing note" in item] == [f"content/lessons/x.yml:9:{column}: error: {message}"]


def test_titles_fill_in_answers_and_config_are_checked(lines) -> None:
    lesson = LESSON.replace("title: {zh: 认识毒品, en: What drugs are}", "title: {zh: 认识毒品（待定）, en: What drugs are}")
    quiz = ("title: {zh: 测验, en: Quiz}\nquestions:\n  - id: q1\n    type: fill_blank\n"
            "    prompt: {zh: 填空, en: Fill in}\n    answer: [冰毒, TODO]\n")
    found = lines({"content/lessons/x.yml": lesson, "quizzes/q.yml": quiz})
    assert [item.split(": error:")[0] for item in found if "editing note" in item] == [
        "content/lessons/x.yml:1:13", "quizzes/q.yml:6:18"]


def test_words_that_contain_a_note_pass() -> None:
    assert editing_notes("Mastodon, tbdx, autodone, 确定, 核实过的数字") == []
    assert editing_notes("todo TODO 待定") == ["todo", "TODO", "待定"]
