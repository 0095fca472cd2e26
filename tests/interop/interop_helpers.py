"""Shared data and helpers of the interop tests (the fixtures that use them are in ``conftest.py``):
a quiz with every question type and hostile text, and comparisons of quizzes in one language."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import yaml

from generator import model

#: Every GIFT special character, quotes, a backslash, a CDATA end, an arrow, a leading weight and a
#: script end tag (in a code span: the project refuses raw HTML in any text, but shows code as text).
HOSTILE = 'braces {x} ~tilde =eq #hash :colon "double" \'single\' back\\slash ]]> arrow -> %50% `</script>` end'

FULL_QUIZ: dict[str, Any] = {
    "id": "full",
    "title": {"zh": "全部题型：{测试} / 第一套", "en": "Every type: test #1"},
    "questions": [
        {
            "id": "s1", "type": "single",
            "prompt": {"zh": "单选题：冰毒的化学名称是什么？{注意} ~ = # :", "en": f"Single: {HOSTILE}"},
            "options": [
                {"text": {"zh": "甲基苯丙胺 `</script>`", "en": "`</script>` **Methamphetamine** H<sub>2</sub>"}, "correct": True},
                {"text": {"zh": "氯胺酮 = K粉", "en": "Ketamine = \"K\""}},
                {"text": {"zh": "%50% 吗啡", "en": "%50% morphine"}},
                {"text": {"zh": "[html]可卡因", "en": "[plain]cocaine"}},
            ],
            "explanation": {"zh": "第一段：《禁毒法》第二条。\n\n第二段 #标签 {括号}", "en": f"Line one\nline two {HOSTILE}"},
        },
        {
            "id": "m1", "type": "multiple",
            "prompt": {"zh": "多选题：哪些是毒品的伪装？\n\n- 列表项\n- 第二项", "en": "Multiple: which are disguises?"},
            "options": [
                {"text": {"zh": "奶茶粉", "en": "Milk-tea powder"}, "correct": True},
                {"text": {"zh": "跳跳糖", "en": "Popping candy ~ sweets"}, "correct": True},
                {"text": {"zh": "课本", "en": "Textbooks"}},
            ],
        },
        {
            "id": "t1", "type": "true_false",
            "prompt": {"zh": "包装精美的饮品一定安全。", "en": "A nicely packaged drink is always safe: true?"},
            "answer": False,
            "explanation": {"zh": "错。", "en": "False."},
        },
        {
            "id": "t2", "type": "true_false",
            "prompt": {"zh": "禁毒工作实行预防为主的方针。", "en": "Prevention comes first."},
            "answer": True,
        },
        {
            "id": "f1", "type": "fill_blank",
            "prompt": {"zh": "冰毒的化学名称是____。", "en": "The chemical name of \"ice\" is ____."},
            "answer": {"zh": ["甲基苯丙胺", "甲基安非他明"], "en": ["methamphetamine", "meth*amphetamine", "a=b {c}"]},
            "explanation": {"zh": "见《禁毒法》第二条。", "en": "See Article 2."},
        },
        {
            "id": "o1", "type": "ordering",
            "prompt": {"zh": "给三代毒品排序。", "en": "Order the three generations."},
            "answer": [
                {"zh": "传统毒品 -> 第一代", "en": "plant-derived -> first"},
                {"zh": "合成毒品 `</script>`", "en": "synthetic = second"},
                {"zh": "新精神活性物质", "en": "new psychoactive substances #3"},
            ],
        },
        {
            "id": "case-1", "type": "scenario",
            "prompt": {"zh": "案例：小林在聚会上拿到一包“奶茶粉”。", "en": f"Case: Lin is handed a \"milk-tea powder\". {HOSTILE}"},
            "questions": [
                {
                    "id": "case-1-a", "type": "single",
                    "prompt": {"zh": "最稳妥的做法是？", "en": "The safest thing to do?"},
                    "options": [
                        {"text": {"zh": "拒绝并离开", "en": "Refuse and leave"}, "correct": True},
                        {"text": {"zh": "尝一点", "en": "Try a little"}},
                    ],
                },
                {
                    "id": "case-1-b", "type": "fill_blank",
                    "prompt": {"zh": "应当告诉____。", "en": "Tell a ____."},
                    "answer": ["老师", "家长"],
                },
            ],
        },
    ],
}


def build_quiz(data: dict[str, Any], default_lang: str = "zh") -> model.Quiz:
    return model.Quiz.model_validate(copy.deepcopy(data), context={"default_lang": default_lang})


CheckYaml = Callable[[str, str], model.Quiz]


def load_quiz_yaml(yaml_text: str, quiz_id: str, default_lang: str = "zh") -> model.Quiz:
    """The model of an imported quiz, without a project (for comparing texts)."""
    return build_quiz({"id": quiz_id, **yaml.safe_load(yaml_text)}, default_lang)


def flat(quiz: model.Quiz, lang: str, default: str = "zh", *, explanations: bool = True) -> list[dict[str, Any]]:
    """What a question bank must keep of a quiz in one language: per question (scenario sub-questions
    included, after their scenario) its id, type, prompt, options with right flags and answers.
    Leading and trailing white space is not kept (Moodle trims it, and Markdown ignores it)."""
    out = []
    for _, q in quiz.all_questions():
        item: dict[str, Any] = {"id": q.id, "type": q.type, "prompt": q.prompt.get(lang, default).strip()}
        if explanations and not isinstance(q, model.ScenarioQuestion):
            item["explanation"] = q.explanation.get(lang, default).strip() if q.explanation else None
        if isinstance(q, (model.SingleQuestion, model.MultipleQuestion)):
            item["options"] = [(o.text.get(lang, default).strip(), o.correct) for o in q.options]
        elif isinstance(q, model.TrueFalseQuestion):
            item["answer"] = q.answer
        elif isinstance(q, model.FillBlankQuestion):
            item["answer"] = q.answers_for(lang, default)
        elif isinstance(q, model.OrderingQuestion):
            item["answer"] = [t.get(lang, default).strip() for t in q.answer]
        elif isinstance(q, model.ScenarioQuestion):
            item["questions"] = [sub.id for sub in q.questions]
        out.append(item)
    return out
