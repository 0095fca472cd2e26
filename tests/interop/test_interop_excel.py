"""Excel question banks: what trainers type imports, every bad cell is reported with sheet, row and
column, and the shipped template imports cleanly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from interop_helpers import CheckYaml, load_quiz_yaml
from openpyxl import Workbook, load_workbook

from generator import model
from generator.interop import QuestionBankError, import_file, write_template
from generator.interop.excel import parse_correct, split_items
from generator.interop.template import example_quiz
from generator.loader import load_project

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "docs" / "question-bank-template.xlsx"

HEADER = ["id", "type", "scenario", "prompt_zh", "prompt_en", "option_1_zh", "option_1_en", "option_2_zh", "option_2_en",
          "option_3_zh", "option_3_en", "correct", "answer_zh", "answer_en", "explanation_zh", "explanation_en", "lesson", "section"]


def make_xlsx(
    path: Path, rows: list[dict[str, Any]], *, header: list[str] = HEADER, quiz: list[list[Any]] | None = None,
    sheet: str = "questions",
) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for row in rows:
        ws.append([row.get(name) for name in header])
    if quiz is not None:
        qs = wb.create_sheet("quiz")
        for line in quiz:
            qs.append(line)
    wb.save(path)
    return path


def problems(path: Path, **kwargs: Any) -> list[str]:
    with pytest.raises(QuestionBankError) as caught:
        import_file(path, **kwargs)
    return caught.value.problems


# --- good banks -------------------------------------------------------------------------------------


def test_trainer_style_bank_imports(tmp_path: Path, check_yaml: CheckYaml) -> None:
    rows = [
        {"type": "单选", "prompt_zh": "冰毒的化学名称是？", "option_1_zh": "甲基苯丙胺", "option_2_zh": "氯胺酮", "correct": "Ａ"},
        {"type": "多选题", "prompt_zh": "哪些是伪装？", "option_1_zh": "奶茶粉", "option_2_zh": "课本", "option_3_zh": "跳跳糖",
         "correct": "a、c"},
        {"type": "判断", "prompt_zh": "包装精美就安全。", "answer_zh": "错"},
        {"type": "True_False", "prompt_zh": "禁毒法第二条列有冰毒。", "answer_zh": True},
        {"type": "判断题", "prompt_zh": "用对号。", "correct": "√"},
        {"type": "填空", "prompt_zh": "冰毒的化学名称是____。", "answer_zh": "甲基苯丙胺 | 甲基安非他明", "answer_en": "methamphetamine"},
        {"type": "fill blank", "prompt_zh": "数字答案____。", "answer_zh": 2026},
        {"type": "排序", "prompt_zh": "排序。", "answer_zh": "第一|第二 \\| 半|第三"},
        {"id": "case-a", "type": "案例", "prompt_zh": "案例文字。", "explanation_zh": "案例解析"},
        {"type": "single", "scenario": "case-a", "prompt_zh": "怎么办？", "option_1_zh": "拒绝", "option_2_zh": "尝试", "correct": 1},
        {"id": "keep-me", "type": "single", "prompt_zh": "保留编号", "option_1_zh": "是", "option_2_zh": "否", "correct": "1",
         "lesson": "first-lesson", "section": "what-is-a-drug"},
        {"type": "true_false", "scenario": "case-a", "prompt_zh": "第二问。", "answer_zh": "TRUE"},
    ]
    path = make_xlsx(tmp_path / "社工培训题库.xlsx", rows, quiz=[["setting", "value"], ["title_zh", "社工培训题库"],
                                                              ["title_en", "Social-worker training bank"], ["pass_mark", 80],
                                                              ["shuffle", "是"], ["feedback", "end"]])
    result = import_file(path, languages=["zh", "en"])
    assert result.warnings == []
    assert result.quiz_id == "she-gong-pei-xun-ti-ku"
    assert result.question_count == 11
    quiz = check_yaml(result.yaml_text, result.quiz_id)
    assert quiz.title == model.Text({"zh": "社工培训题库", "en": "Social-worker training bank"})
    assert (quiz.pass_mark, quiz.shuffle, quiz.feedback) == (80, True, "end")
    qs = quiz.questions
    assert [q.id for q in qs] == ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "case-a", "keep-me"]
    assert [q.type for q in qs] == ["single", "multiple", "true_false", "true_false", "true_false", "fill_blank", "fill_blank",
                                    "ordering", "scenario", "single"]
    assert [o.correct for o in qs[1].options] == [True, False, True]
    assert [qs[2].answer, qs[3].answer, qs[4].answer] == [False, True, True]
    assert qs[5].answer == {"zh": ["甲基苯丙胺", "甲基安非他明"], "en": ["methamphetamine"]}
    assert qs[6].answer == ["2026"]
    assert [t.get("zh") for t in qs[7].answer] == ["第一", "第二 | 半", "第三"]
    scenario = qs[8]
    assert [(s.id, s.type) for s in scenario.questions] == [("q10", "single"), ("q12", "true_false")]
    assert scenario.explanation == model.Text({"zh": "案例解析"})
    assert (qs[9].lesson, qs[9].section) == ("first-lesson", "what-is-a-drug")
    # plain strings in the default language, maps only where a second language is given
    assert "  - id: q1\n    type: single\n    prompt: 冰毒的化学名称是？\n" in result.yaml_text


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    quiz = load_quiz_yaml("title: t\nquestions:\n  - {id: q1, type: true_false, prompt: '=1+1 is 2', answer: true}\n", "f")
    from generator.interop import write_xlsx

    path = tmp_path / "f.xlsx"
    write_xlsx(quiz, path, ["zh", "en"], "zh")
    cell = load_workbook(path)["questions"]["D2"]
    assert (cell.value, cell.data_type) == ("=1+1 is 2", "s")
    assert load_quiz_yaml(import_file(path).yaml_text, "f").questions[0].prompt.get("zh") == "=1+1 is 2"


@pytest.mark.parametrize("raw, expected", [
    ("A", {1}), ("a,c", {1, 3}), ("AC", {1, 3}), ("Ａ，Ｃ", {1, 3}), ("B、D", {2, 4}), ("1, 3", {1, 3}), ("2；4", {2, 4}),
    ("A C", {1, 3}), ("", None), ("A-C", None), ("0", None), ("甲", None),
])
def test_parse_correct(raw: str, expected: set[int] | None) -> None:
    assert parse_correct(raw) == expected


def test_split_items() -> None:
    assert split_items("a | b|c ") == ["a", "b", "c"]
    assert split_items("x \\| y | z") == ["x | y", "z"]
    assert split_items(" | ") == []


# --- bad banks --------------------------------------------------------------------------------------


def test_every_bad_row_is_reported_with_sheet_row_and_column(tmp_path: Path) -> None:
    rows = [
        {"type": "single", "prompt_zh": "好题", "option_1_zh": "甲", "option_2_zh": "乙", "correct": "A"},
        {"type": "essay", "prompt_zh": "未知题型"},
        {"type": "single", "option_1_zh": "甲", "option_2_zh": "乙", "correct": "A"},
        {"type": "single", "prompt_zh": "C 是空的", "option_1_zh": "甲", "option_2_zh": "乙", "correct": "C"},
        {"type": "single", "prompt_zh": "两个正确", "option_1_zh": "甲", "option_2_zh": "乙", "correct": "A,B"},
        {"type": "true_false", "prompt_zh": "判断", "answer_zh": "maybe"},
        {"type": "single", "prompt_zh": "选项有空缺", "option_1_zh": "甲", "option_3_zh": "丙", "correct": "A"},
        {"type": "multiple", "prompt_zh": "没有正确项", "option_1_zh": "甲", "option_2_zh": "乙"},
        {"type": "fill_blank", "prompt_zh": "没有答案"},
        {"type": "ordering", "prompt_zh": "语言数目不同", "answer_zh": "一|二|三", "answer_en": "one|two"},
        {"type": "ordering", "prompt_zh": "只有一项", "answer_zh": "一"},
        {"id": "Q-1", "type": "true_false", "prompt_zh": "大写编号", "answer_zh": "对"},
        {"type": "true_false", "prompt_zh": "未知案例", "answer_zh": "对", "scenario": "nope"},
        {"id": "lonely", "type": "scenario", "prompt_zh": "没有小题的案例"},
        {"type": "scenario", "prompt_zh": "没有编号的案例"},
        {"type": "single", "prompt_zh": "选项重复", "option_1_zh": "甲", "option_2_zh": "甲", "correct": "A"},
        {"type": "single", "prompt_zh": "坏字母", "option_1_zh": "甲", "option_2_zh": "乙", "correct": "A-B"},
        {"type": "true_false", "prompt_zh": "课程编号", "answer_zh": "对", "lesson": "第一课"},
        {"type": "single", "prompt_zh": "只有一个选项", "option_1_zh": "甲", "correct": "A"},
        {"id": "q1", "type": "true_false", "prompt_zh": "编号重复 1", "answer_zh": "对"},
        {"id": "q1", "type": "true_false", "prompt_zh": "编号重复 2", "answer_zh": "对"},
        {"type": "true_false", "prompt_zh": "<script>alert(1)</script>", "answer_zh": "对"},
        {"type": "true_false", "prompt_zh": "电话 13912345678", "answer_zh": "对"},
    ]
    path = make_xlsx(tmp_path / "bad.xlsx", rows)
    assert problems(path) == [
        'Sheet "questions", row 3, column B (type): unknown type \'essay\': use single, multiple, true_false, fill_blank, '
        "ordering or scenario (or 单选, 多选, 判断, 填空, 排序, 案例)",
        'Sheet "questions", row 4, column D (prompt_zh): missing prompt: every question needs its text',
        'Sheet "questions", row 5, column L (correct): correct names option C, but option C is empty',
        'Sheet "questions", row 6, column L (correct): a single-choice question has exactly one right option, but correct '
        "names 2 (A, B); use type multiple for several",
        'Sheet "questions", row 7, column M (answer_zh): a true/false answer must be true or false (对 or 错), not \'maybe\'',
        'Sheet "questions", row 8, column H (option_2_zh): option 2 is empty but a later option is filled: fill the options '
        "from option 1 without gaps",
        'Sheet "questions", row 9, column L (correct): missing correct: name the right option(s), e.g. A or A,C (or 1 / 1,3)',
        'Sheet "questions", row 10, column M (answer_zh): missing answer: write the accepted answers, separated by | '
        "(e.g. 甲基苯丙胺 | 冰毒)",
        'Sheet "questions", row 11, column M (answer_zh): the languages list different numbers of items (zh: 3, en: 2)',
        'Sheet "questions", row 12, column M (answer_zh): an ordering question needs at least two items, separated by |',
        'Sheet "questions", row 13, column A (id): \'Q-1\' is not an id: use lowercase letters, digits and hyphens, '
        "like q1 or meth-name (did you mean 'q-1'?)",
        'Sheet "questions", row 16, column A (id): a scenario needs an id, so that its questions can name it in their '
        "`scenario` column",
        'Sheet "questions", row 17, column F (option_1_zh): two options have the same text',
        'Sheet "questions", row 18, column L (correct): \'A-B\' does not name options: write letters like A or A,C, '
        "or numbers like 1 or 1,3",
        'Sheet "questions", row 19, column Q (lesson): \'第一课\' is not an id: use the lesson\'s id (lowercase letters, '
        "digits, hyphens)",
        'Sheet "questions", row 20, column F (option_1_zh): a choice question needs at least two options',
        'Sheet "questions", row 22: the id \'q1\' is already used in row 21',
        'Sheet "questions", row 14, column C (scenario): no scenario row has the id \'nope\' (scenario ids: lonely)',
        'Sheet "questions", row 15: scenario \'lonely\' has no questions: write \'lonely\' in the `scenario` column of the '
        "rows that belong to it",
    ]


def test_text_the_site_would_refuse_is_reported_at_its_cell(tmp_path: Path) -> None:
    rows = [
        {"type": "true_false", "prompt_zh": "<script>alert(1)</script>", "answer_zh": "对"},
        {"type": "single", "prompt_zh": "好", "option_1_zh": "甲", "option_2_en": "[x](javascript:alert(1))",
         "option_2_zh": "乙", "correct": "A"},
        {"type": "true_false", "prompt_zh": "电话 13912345678", "answer_zh": "对"},
    ]
    assert problems(make_xlsx(tmp_path / "unsafe.xlsx", rows)) == [
        'Sheet "questions", row 2, column D (prompt_zh): raw HTML <script> is not allowed in Markdown text: write Markdown '
        "(only plain abbr, br, kbd, mark, small, sub, sup tags pass)",
        'Sheet "questions", row 3, column I (option_2_en): a link with a javascript: address is not allowed: link with '
        "http(s) addresses or to pages of this site",
        'Sheet "questions", row 4, column D (prompt_zh): this text contains what looks like a mobile phone number: '
        "published material must never carry personal data",
    ]


def test_header_problems(tmp_path: Path) -> None:
    path = make_xlsx(tmp_path / "h.xlsx", [{"id": "x"}], header=["id", "prompt_zh", "prompt_zh", "prompt_fr", "notes"])
    assert problems(path, languages=["zh", "en"]) == [
        'Sheet "questions", row 1, column C (prompt_zh): the same column appears twice (also column B)',
        'Sheet "questions", row 1, column D (prompt_fr): unknown language \'fr\' in the column name: the site has zh, en',
        'Sheet "questions", row 1: no `type` column: row 1 must hold the column names (id, type, prompt_zh, …)',
    ]


def test_unknown_column_is_a_warning(tmp_path: Path) -> None:
    header = ["type", "prompt", "answer", "备注"]
    path = make_xlsx(tmp_path / "w.xlsx", [{"type": "true_false", "prompt": "对吗", "answer": "对", "备注": "x"}], header=header)
    result = import_file(path)
    assert result.warnings == ['Sheet "questions", row 1, column D (备注): unknown column, ignored (see docs/question-banks.md for the column names)']


def test_empty_sheet_and_empty_header_row(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "questions"
    wb.save(tmp_path / "empty.xlsx")
    assert problems(tmp_path / "empty.xlsx") == [
        'Sheet "questions": the sheet is empty: row 1 must hold the column names and each later row one question '
        "(see docs/question-banks.md or the template)"]
    path = make_xlsx(tmp_path / "header-only.xlsx", [])
    assert problems(path) == ['Sheet "questions": no questions: put one question on each row below the column names']
    wb = Workbook()
    ws = wb.active
    ws.title = "questions"
    ws["A3"] = "type"
    wb.save(tmp_path / "late.xlsx")
    assert problems(tmp_path / "late.xlsx") == ['Sheet "questions", row 1: row 1 must hold the column names (id, type, prompt_zh, …); it is empty']


def test_not_an_xlsx_file(tmp_path: Path) -> None:
    fake = tmp_path / "bank.xlsx"
    fake.write_text("id,type,prompt\n1,single,x\n", encoding="utf-8")
    assert problems(fake) == ["this is not an Excel .xlsx file (an .xlsx file is a zip archive): save the bank as .xlsx"]
    old = tmp_path / "bank.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    assert problems(old) == ["this is an old .xls workbook: open it in Excel or WPS and save it as .xlsx"]
    import zipfile

    other_zip = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other_zip, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    assert problems(other_zip)[0].startswith("this file cannot be read as an Excel workbook")


def test_sheet_choice(tmp_path: Path) -> None:
    # a single sheet of any name is the questions sheet
    path = make_xlsx(tmp_path / "one.xlsx", [{"type": "true_false", "prompt_zh": "对吗", "answer_zh": "对"}], sheet="Sheet1")
    assert import_file(path).question_count == 1
    # several sheets and none called questions: say so
    wb = load_workbook(path)
    wb.create_sheet("Sheet2")
    wb.save(path)
    assert problems(path) == ['no sheet named "questions" (the sheets are: Sheet1, Sheet2); name the sheet holding the questions "questions"']


def test_quiz_sheet_problems(tmp_path: Path) -> None:
    rows = [{"type": "true_false", "prompt_zh": "对吗", "answer_zh": "对"}]
    quiz = [["setting", "value"], ["pass_mark", 150], ["shuffle", "maybe"], ["feedback", "later"], ["colour", "red"],
            ["id", "Bad Id"], ["draw", 0], ["title_fr", "Titre"]]
    assert problems(make_xlsx(tmp_path / "q.xlsx", rows, quiz=quiz), languages=["zh", "en"]) == [
        'Sheet "quiz", row 2, column B (value): pass_mark must be a whole number from 0 to 100 (percent), not \'150\'',
        'Sheet "quiz", row 3, column B (value): shuffle must be true or false, not \'maybe\'',
        'Sheet "quiz", row 4, column B (value): feedback must be immediate (after each answer) or end, not \'later\'',
        'Sheet "quiz", row 5, column A (setting): unknown setting \'colour\': use id, title, description, pass_mark, shuffle, '
        "draw, feedback, lesson (title_en, description_zh … for languages)",
        'Sheet "quiz", row 6, column B (value): \'Bad Id\' is not an id: use lowercase letters, digits and hyphens',
        'Sheet "quiz", row 7, column B (value): draw must be a whole number, 1 or more, not \'0\'',
        'Sheet "quiz", row 8, column A (setting): unknown language \'fr\'',
    ]


# --- the shipped template ---------------------------------------------------------------------------


def test_shipped_template_imports_cleanly(check_yaml: CheckYaml) -> None:
    result = import_file(TEMPLATE, languages=["zh", "en"])
    assert result.warnings == []
    assert result.quiz_id == "example-bank"
    quiz = check_yaml(result.yaml_text, result.quiz_id)
    assert quiz.questions == example_quiz().questions
    assert {q.type for q in quiz.questions} == {"single", "multiple", "true_false", "fill_blank", "ordering", "scenario"}


def test_shipped_template_is_up_to_date(tmp_path: Path) -> None:
    """docs/question-bank-template.xlsx is what write_template makes (regenerate it if this fails)."""
    fresh = write_template(tmp_path / "fresh.xlsx")

    def cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
        wb = load_workbook(path)
        return {ws.title: [tuple(c.value for c in row) for row in ws.iter_rows()] for ws in wb.worksheets}

    assert cells(TEMPLATE) == cells(fresh)
    wb = load_workbook(TEMPLATE)
    assert wb.sheetnames == ["questions", "quiz", "help"]
    header = wb["questions"][1]
    assert all(cell.comment is not None for cell in header)
    assert [c.value for c in header[:5]] == ["id", "type", "scenario", "prompt_zh", "prompt_en"]


def test_cells_a_type_does_not_use_are_reported_as_ignored(tmp_path: Path) -> None:
    rows = [
        {"type": "true_false", "prompt_zh": "对吗", "answer_zh": "对", "option_1_zh": "多余"},
        {"id": "c", "type": "scenario", "prompt_zh": "案例", "correct": "A", "answer_zh": "x"},
        {"type": "true_false", "scenario": "c", "prompt_zh": "小题", "answer_zh": "错"},
    ]
    result = import_file(make_xlsx(tmp_path / "extra.xlsx", rows))
    assert result.warnings == [
        'Sheet "questions", row 2, column F (option_1_zh): not used by this type of question: ignored',
        'Sheet "questions", row 3, column L (correct): not used by this type of question: ignored',
        'Sheet "questions", row 3, column M (answer_zh): not used by this type of question: ignored',
    ]


@pytest.mark.parametrize("name, expected", [
    ("新型毒品 题库.xlsx", "xin-xing-du-pin-ti-ku"), ("My Bank 2024.xlsx", "my-bank-2024"), ("!!!.xlsx", "imported-quiz"),
])
def test_quiz_id_and_title_from_the_file_name(tmp_path: Path, name: str, expected: str) -> None:
    path = make_xlsx(tmp_path / name, [{"type": "true_false", "prompt_zh": "对吗", "answer_zh": "对"}])
    result = import_file(path)
    assert result.quiz_id == expected
    assert load_quiz_yaml(result.yaml_text, expected).title == model.Text({"zh": Path(name).stem})


def test_a_rule_of_the_quiz_reads_the_same_in_import_and_check(tmp_path: Path, project: Path) -> None:
    """`draw` beyond the bank: no cell check of the importer catches it; the model's rule does, in the
    words `dandelion check` uses for the same quiz written by hand."""
    rows = [{"type": "true_false", "prompt_zh": "一", "answer_zh": "对"}, {"type": "true_false", "prompt_zh": "二", "answer_zh": "错"}]
    path = make_xlsx(tmp_path / "bank.xlsx", rows, quiz=[["setting", "value"], ["draw", 5]])
    rule = "draw is 5 but the quiz has only 2 questions"
    assert problems(path) == [f'Sheet "quiz", draw: {rule}']
    (project / "quizzes" / "bank.yml").write_text(
        "title: 题库\ndraw: 5\nquestions:\n  - {id: q1, type: true_false, prompt: 一, answer: true}\n"
        "  - {id: q2, type: true_false, prompt: 二, answer: false}\n", encoding="utf-8")
    checked = [str(d) for d in load_project(project).diagnostics.errors]
    assert checked == [f"quizzes/bank.yml:2:7: error: {rule}"]


def test_a_review_section_without_a_lesson_is_refused_at_its_cell(tmp_path: Path) -> None:
    """Before the model carried this rule, the import wrote a quiz that `dandelion check` then refused."""
    path = make_xlsx(tmp_path / "bank.xlsx", [{"type": "true_false", "prompt_zh": "一", "answer_zh": "对", "section": "intro"}])
    assert problems(path) == ['Sheet "questions", row 2, column R (section): `section` needs a `lesson` (on the question or the quiz)']
