"""The Excel question-bank template shipped as ``docs/question-bank-template.xlsx``.

Regenerate it with::

    .venv/bin/python -c "from generator.interop.template import write_template; write_template('docs/question-bank-template.xlsx')"

The template is an ordinary question bank (one example of every question type, in Chinese and
English, facts from ``/work/shared/facts.md``) written by :func:`generator.interop.excel.workbook_for`
and styled by :func:`generator.interop.workbook_style.style_workbook` (column notes, a ``help``
sheet); so whatever the template shows, the importer reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import model
from .excel import workbook_for
from .workbook_style import style_workbook

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

def example_quiz() -> model.Quiz:
    return model.Quiz.model_validate(EXAMPLE_QUIZ, context={"default_lang": "zh"})


def write_template(path: str | Path) -> Path:
    """Write the trainers' template (example bank, notes on every column, a help sheet) to ``path``."""
    path = Path(path)
    wb = workbook_for(example_quiz(), ["zh", "en"], "zh", min_options=6)
    style_workbook(wb, ["zh", "en"])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
