"""generator.quizdata: the JSON the browser quiz engine reads."""

from __future__ import annotations

from pathlib import Path

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
