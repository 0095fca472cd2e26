"""How a question-bank workbook looks: notes on every column, widths, a type list and a help sheet.

A leaf module: :mod:`.excel` styles every workbook it writes with it, and :mod:`.template` (the
trainers' template) builds on :mod:`.excel`; neither needs the other to style a sheet.
"""

from __future__ import annotations

from typing import Any

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
