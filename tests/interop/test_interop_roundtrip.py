"""Export → import → compare, for every question type, in both languages, GIFT and Excel; and every
imported quiz passes the project's own checks."""

from __future__ import annotations

from pathlib import Path

import pytest
from interop_helpers import FULL_QUIZ, HOSTILE, CheckYaml, build_quiz, flat, load_quiz_yaml

from generator import model
from generator.interop import QuestionBankError, export_gift, import_file, write_xlsx


def _gift_roundtrip(tmp_path: Path, quiz: model.Quiz, lang: str, name: str = "bank") -> tuple[model.Quiz, list[str], str]:
    exported = export_gift(quiz, lang, "zh")
    path = tmp_path / f"{name}.gift"
    path.write_text(exported.text, encoding="utf-8")
    result = import_file(path, default_lang="zh", lang=lang)
    return load_quiz_yaml(result.yaml_text, result.quiz_id), result.warnings, result.yaml_text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_gift_roundtrip_keeps_every_question(tmp_path: Path, full_quiz: model.Quiz, lang: str, check_yaml: CheckYaml) -> None:
    imported, warnings, yaml_text = _gift_roundtrip(tmp_path, full_quiz, lang)
    assert flat(imported, lang) == flat(full_quiz, lang)
    assert imported.title.get(lang) == full_quiz.title.get(lang)
    # what was exported imports without a single complaint
    assert warnings == []
    loaded = check_yaml(yaml_text, "bank")
    assert flat(loaded, lang) == flat(full_quiz, lang)


@pytest.mark.parametrize("qtype", ["single", "multiple", "true_false", "fill_blank", "ordering", "scenario"])
def test_gift_roundtrip_each_type_alone(tmp_path: Path, qtype: str, check_yaml: CheckYaml) -> None:
    data = dict(FULL_QUIZ, questions=[q for q in FULL_QUIZ["questions"] if q["type"] == qtype])
    quiz = build_quiz(data)
    imported, _, yaml_text = _gift_roundtrip(tmp_path, quiz, "zh", name=f"only-{qtype.replace('_', '-')}")
    assert [q.type for q in imported.questions] == [qtype] * len(data["questions"])
    assert flat(imported, "zh") == flat(quiz, "zh")
    check_yaml(yaml_text, f"only-{qtype.replace('_', '-')}")


def test_gift_roundtrip_hostile_text_survives(tmp_path: Path) -> None:
    text = HOSTILE + "\nsecond line\n\nnew paragraph // not a comment\n//still text"
    quiz = build_quiz({
        "id": "hostile", "title": "t",
        "questions": [
            {"id": "q1", "type": "single", "prompt": text, "explanation": text,
             "options": [{"text": text, "correct": True}, {"text": "`</script>`" + HOSTILE}]},
            {"id": "q2", "type": "multiple", "prompt": text,
             "options": [{"text": "%100% " + HOSTILE, "correct": True}, {"text": "[markdown] " + HOSTILE}]},
            {"id": "q3", "type": "fill_blank", "prompt": text, "answer": [HOSTILE.replace("->", "=>"), "*", "%50%x", "[x]", "TRUE"]},
            {"id": "q4", "type": "ordering", "prompt": text, "answer": [HOSTILE, "b -> a", "`</script>`"]},
            {"id": "q5", "type": "true_false", "prompt": text, "answer": True, "explanation": "####"},
        ],
    })
    imported, warnings, _ = _gift_roundtrip(tmp_path, quiz, "zh", name="hostile")
    assert flat(imported, "zh") == flat(quiz, "zh")
    assert warnings == []


def test_gift_import_refuses_raw_html_at_its_line(tmp_path: Path) -> None:
    """The exporters write any text safely, but the project refuses raw HTML; the import says where."""
    quiz = build_quiz({"id": "raw", "title": "t", "questions": [
        {"id": "q1", "type": "true_false", "prompt": "ok", "answer": True},
        {"id": "q2", "type": "single", "prompt": "fine",
         "options": [{"text": "</script><script>alert(1)</script>", "correct": True}, {"text": "b"}]},
    ]})
    path = tmp_path / "raw.gift"
    path.write_text(export_gift(quiz, "zh", "zh").text, encoding="utf-8")
    with pytest.raises(QuestionBankError) as caught:
        import_file(path)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("::q2::"))
    assert caught.value.problems == [
        f"line {line} (option 1): raw HTML <script> is not allowed in Markdown text: write Markdown "
        "(only plain abbr, br, kbd, mark, small, sub, sup tags pass)"
    ]


def test_gift_short_answer_with_arrow_is_left_out_with_a_warning() -> None:
    quiz = build_quiz({"id": "arrow", "title": "t", "questions": [
        {"id": "q1", "type": "fill_blank", "prompt": "p", "answer": ["a -> b", "ok"]},
        {"id": "q2", "type": "fill_blank", "prompt": "p", "answer": ["c -> d"]},
        {"id": "q3", "type": "true_false", "prompt": "p", "answer": True},
    ]})
    result = export_gift(quiz, "zh", "zh")
    assert "=ok" in result.text and "a -> b" not in result.text and "::q2::" not in result.text
    assert any(w.startswith("q1: answer 'a -> b' left out") for w in result.warnings)
    assert any(w.startswith("q2: skipped") for w in result.warnings)


def test_gift_roundtrip_english_only_writes_language_maps(tmp_path: Path) -> None:
    quiz = build_quiz(FULL_QUIZ)
    _, _, yaml_text = _gift_roundtrip(tmp_path, quiz, "en")
    assert "title: {en: 'Every type: test #1'}" in yaml_text
    assert "answer: {en: [methamphetamine, meth*amphetamine, a=b {c}]}" in yaml_text or "en:" in yaml_text


def test_gift_scenario_explanation_is_reported_not_silently_lost(full_quiz: model.Quiz) -> None:
    data = dict(FULL_QUIZ)
    data["questions"] = [dict(q) for q in FULL_QUIZ["questions"]]
    data["questions"][-1]["explanation"] = "案例解析"
    result = export_gift(build_quiz(data), "zh", "zh")
    assert any("case-1" in w and "explanation" in w for w in result.warnings)


@pytest.mark.parametrize("name", ["full", "题库"])
def test_excel_roundtrip_is_exact(tmp_path: Path, full_quiz: model.Quiz, check_yaml: CheckYaml, name: str) -> None:
    quiz = build_quiz(dict(FULL_QUIZ, pass_mark=80, shuffle=True, draw=5, feedback="end",
                           description={"zh": "说明：{x}", "en": "About = this"}, lesson="first-lesson"))
    # review links survive an Excel round trip (GIFT has no place for them)
    quiz.questions[2].lesson = "first-lesson"
    quiz.questions[2].section = "what-is-a-drug"
    path = tmp_path / f"{name}.xlsx"
    write_xlsx(quiz, path, ["zh", "en"], "zh")
    result = import_file(path, default_lang="zh", languages=["zh", "en"])
    assert result.quiz_id == "full"  # from the quiz sheet, whatever the file is called
    assert result.warnings == []
    imported = load_quiz_yaml(result.yaml_text, result.quiz_id)
    assert imported.questions == quiz.questions
    for field in ("title", "description", "pass_mark", "shuffle", "draw", "feedback", "lesson"):
        assert getattr(imported, field) == getattr(quiz, field), field
    loaded = check_yaml(result.yaml_text, "full")
    assert loaded.questions == quiz.questions


def test_excel_roundtrip_of_gift_import(tmp_path: Path, full_quiz: model.Quiz) -> None:
    """A bank imported from GIFT can be edited in Excel and comes back the same."""
    first, _, _ = _gift_roundtrip(tmp_path, full_quiz, "zh")
    path = tmp_path / "again.xlsx"
    write_xlsx(first, path, ["zh", "en"], "zh")
    again = load_quiz_yaml(import_file(path).yaml_text, "bank")
    assert again.questions == first.questions


def test_shipped_quizzes_roundtrip_through_gift_and_excel(tmp_path: Path, project: Path) -> None:
    """The example quizzes of the repository survive both formats."""
    from generator.loader import load_project

    root = Path(__file__).resolve().parents[2]
    result = load_project(root)
    assert result.project is not None
    quizzes = list(result.project.quizzes.values())
    assert quizzes
    for quiz in quizzes:
        for lang in ("zh", "en"):
            imported, _, _ = _gift_roundtrip(tmp_path, quiz, lang, name=quiz.id)
            assert flat(imported, lang, explanations=True) == flat(quiz, lang), (quiz.id, lang)
        path = tmp_path / f"{quiz.id}.xlsx"
        write_xlsx(quiz, path, ["zh", "en"], "zh")
        back = load_quiz_yaml(import_file(path).yaml_text, quiz.id)
        for lang in ("zh", "en"):
            assert flat(back, lang) == flat(quiz, lang), (quiz.id, lang)
        assert [(q.lesson, q.section) for _, q in back.all_questions()] == [(q.lesson, q.section) for _, q in quiz.all_questions()]
