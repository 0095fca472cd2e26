"""The Excel question-bank template shipped as ``docs/question-bank-template.xlsx``.

Regenerate it with::

    .venv/bin/python -c "from generator.interop.template import write_template; write_template('docs/question-bank-template.xlsx')"

The template is an ordinary question bank (one example of every question type, in Chinese and
English, facts from ``/work/shared/facts.md``) written by :func:`generator.interop.excel.workbook_for`,
plus a ``help`` sheet; so whatever the template shows, the importer reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import model as m

EXAMPLE_QUIZ: dict[str, Any] = {
    "id": "example-bank",
    "title": {"zh": "禁毒知识题库（示例）", "en": "Anti-drug knowledge bank (example)"},
    "pass_mark": 60,
    "shuffle": True,
    "questions": [
        {
            "id": "q1", "type": "single",
            "prompt": {"zh": "冰毒的化学名称是什么？", "en": "What is the chemical name of 冰毒 (\"ice\")?"},
            "options": [
                {"text": {"zh": "甲基苯丙胺", "en": "Methamphetamine"}, "correct": True},
                {"text": {"zh": "氯胺酮", "en": "Ketamine"}},
                {"text": {"zh": "吗啡", "en": "Morphine"}},
                {"text": {"zh": "可卡因", "en": "Cocaine"}},
            ],
            "explanation": {"zh": "《禁毒法》第二条列举的毒品包括甲基苯丙胺（冰毒）。",
                            "en": "Article 2 of the Anti-Drug Law lists methamphetamine (\"ice\") as a drug."},
        },
        {
            "id": "q2", "type": "multiple",
            "prompt": {"zh": "不法分子曾把毒品伪装成下面哪些样子？（多选）",
                       "en": "Which of these have been used to disguise drugs? (Choose all that apply)"},
            "options": [
                {"text": {"zh": "奶茶粉", "en": "Milk-tea powder"}, "correct": True},
                {"text": {"zh": "跳跳糖", "en": "Popping candy"}, "correct": True},
                {"text": {"zh": "“邮票”小纸片", "en": "Paper \"stamps\""}, "correct": True},
                {"text": {"zh": "学校发的课本", "en": "School textbooks"}},
            ],
            "explanation": {"zh": "奶茶粉、跳跳糖和“邮票”都是常见的毒品伪装，包装里的成分并不固定。",
                            "en": "Milk-tea powder, popping candy and \"stamps\" are common disguises; their contents vary."},
        },
        {
            "id": "q3", "type": "true_false",
            "prompt": {"zh": "吸毒人员主动到公安机关登记或者到医疗机构接受戒毒治疗的，不予处罚。",
                       "en": "A drug user who registers with the police or seeks treatment at a medical institution of their own accord is not punished."},
            "answer": True,
            "explanation": {"zh": "《禁毒法》第六十二条。", "en": "Article 62 of the Anti-Drug Law."},
        },
        {
            "id": "q4", "type": "fill_blank",
            "prompt": {"zh": "禁毒工作实行“____为主，综合治理”的方针。",
                       "en": "Anti-drug work follows the principle \"____ first, comprehensive governance\"."},
            "answer": {"zh": ["预防"], "en": ["prevention"]},
            "explanation": {"zh": "《禁毒法》第四条。", "en": "Article 4 of the Anti-Drug Law."},
        },
        {
            "id": "q5", "type": "ordering",
            "prompt": {"zh": "按出现的先后，给三代毒品排序。", "en": "Put the three generations of drugs in order."},
            "answer": [
                {"zh": "鸦片、海洛因等传统毒品", "en": "Plant-derived drugs such as opium and heroin"},
                {"zh": "冰毒、摇头丸等合成毒品", "en": "Synthetic drugs such as methamphetamine and MDMA"},
                {"zh": "新精神活性物质", "en": "New psychoactive substances"},
            ],
        },
        {
            "id": "case-1", "type": "scenario",
            "prompt": {"zh": "小林在聚会上拿到一包包装精美的“奶茶粉”，朋友说喝了能提神。",
                       "en": "At a party, Lin is handed a nicely packaged \"milk-tea powder\"; a friend says it gives you energy."},
            "questions": [
                {
                    "id": "case-1-a", "type": "single",
                    "prompt": {"zh": "小林最稳妥的做法是什么？", "en": "What is the safest thing for Lin to do?"},
                    "options": [
                        {"text": {"zh": "拒绝，离开，并告诉老师或家长", "en": "Refuse, leave, and tell a teacher or parent"}, "correct": True},
                        {"text": {"zh": "尝一点试试", "en": "Try a little"}},
                        {"text": {"zh": "带回家以后再喝", "en": "Take it home for later"}},
                    ],
                },
                {
                    "id": "case-1-b", "type": "true_false",
                    "prompt": {"zh": "包装精美、印着品牌标志的饮品就一定安全。",
                               "en": "A drink in professional packaging with a brand logo must be safe."},
                    "answer": False,
                },
            ],
        },
    ],
}

HEADER_NOTES: dict[str, str] = {
    "id": "题目编号（可空）：小写字母、数字、连字符，如 q1。空着则自动编为 q1、q2……\nQuestion id (optional): lowercase letters, digits, hyphens.",
    "type": "题型：single 单选 / multiple 多选 / true_false 判断 / fill_blank 填空 / ordering 排序 / scenario 案例\nQuestion type.",
    "scenario": "属于哪个案例：填案例那一行的 id；普通题目空着。\nFor a case's question: the id of the scenario row.",
    "prompt": "题干（必填）。可用 Markdown。\nThe question text (required). Markdown allowed.",
    "option": "选项：单选、多选题用，从选项 1 开始连续填写。\nOptions for single/multiple questions, from option 1 without gaps.",
    "correct": "正确选项：字母或序号，多个用逗号分隔，如 A 或 A,C（1 或 1,3）。\nRight option(s): A or A,C (or 1 or 1,3).",
    "answer": "判断题：对/错（true/false）。填空题：可接受的答案，用 | 分隔。排序题：按正确顺序写各项，用 | 分隔。\n"
              "true_false: true/false; fill_blank: accepted answers separated by |; ordering: items in order separated by |.",
    "explanation": "答题后显示的解析（可空）。\nExplanation shown after answering (optional).",
    "lesson": "复习用的课程 id（可空）。\nLesson id to review (optional).",
    "section": "该课程中的小节 id（可空，需同时填 lesson）。\nSection id in that lesson (optional; needs lesson).",
}

HELP_ROWS: list[tuple[str, str]] = [
    ("蒲公英题库模板 / Dandelion question-bank template", ""),
    ("", ""),
    ("怎么填 / How to fill it", ""),
    ("questions 工作表", "每行一道题，第 1 行是列名，请勿改动列名。示例题目可直接改写或删除。"),
    ("The questions sheet", "One question per row; row 1 holds the column names — keep them. Overwrite or delete the examples."),
    ("quiz 工作表", "测验的标题、及格分（pass_mark，百分制）、是否打乱顺序（shuffle）等。"),
    ("The quiz sheet", "The quiz's title, pass mark (percent), shuffle and other settings."),
    ("", ""),
    ("列 / Column", "说明 / Meaning"),
    *((name, note) for name, note in HEADER_NOTES.items()),
    ("", ""),
    ("语言 / Languages", "列名后缀 _zh、_en 表示语言；只填中文也可以。A column suffix _zh / _en gives the language; Chinese only is fine."),
    ("导入 / Import", "dandelion quiz import 题库.xlsx  →  quizzes/<id>.yml，然后运行 dandelion check。"),
    ("", "dandelion quiz import bank.xlsx  →  quizzes/<id>.yml, then run dandelion check."),
    ("详细说明 / Details", "docs/question-banks.md"),
]


def example_quiz() -> m.Quiz:
    return m.Quiz.model_validate(EXAMPLE_QUIZ, context={"default_lang": "zh"})


def style_workbook(wb: Any, languages: list[str]) -> None:
    """Make a question-bank workbook pleasant to fill: bold frozen header, notes, widths, a type list."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws = wb["questions"]
    header_fill = PatternFill("solid", fgColor="FFE8F0E0")
    for cell in ws[1]:
        name = str(cell.value or "")
        cell.font = Font(bold=True)
        cell.fill = header_fill
        base = name.split("_")[0]
        note = HEADER_NOTES.get(name) or HEADER_NOTES.get(base) or HEADER_NOTES.get("_".join(name.split("_")[:-1]))
        if note:
            cell.comment = Comment(note, "Dandelion", width=320, height=140)
        wide = base in ("prompt", "explanation", "answer")
        ws.column_dimensions[get_column_letter(cell.column)].width = 40 if wide else 18 if base == "option" else 12
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "D2"
    type_col = next((c.column for c in ws[1] if c.value == "type"), None)
    if type_col is not None:
        letter = get_column_letter(type_col)
        rule = DataValidation(type="list", formula1='"single,multiple,true_false,fill_blank,ordering,scenario"', allow_blank=True,
                              showErrorMessage=False)
        rule.add(f"{letter}2:{letter}1000")
        ws.add_data_validation(rule)
    settings = wb["quiz"]
    for cell in settings[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    settings.column_dimensions["A"].width = 18
    settings.column_dimensions["B"].width = 50
    help_ws = wb.create_sheet("help")
    for first, second in HELP_ROWS:
        help_ws.append([first, second])
    help_ws["A1"].font = Font(bold=True, size=14)
    for row in help_ws.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.column == 1 and cell.value and row[1].value in ("", None, "说明 / Meaning"):
                cell.font = Font(bold=True, size=cell.font.size)
    help_ws.column_dimensions["A"].width = 28
    help_ws.column_dimensions["B"].width = 100


def write_template(path: str | Path) -> Path:
    """Write the trainers' template (example bank, notes on every column, a help sheet) to ``path``."""
    from .excel import workbook_for

    path = Path(path)
    wb = workbook_for(example_quiz(), ["zh", "en"], "zh", min_options=6)
    style_workbook(wb, ["zh", "en"])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
