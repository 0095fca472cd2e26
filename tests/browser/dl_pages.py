"""Write small offline HTML pages that exercise quiz.js and training.js.

The pages mirror the built site's layout (``<root>/assets/...`` plus pages one folder down, loading
the engine by relative path), so they work from ``file://`` and from a local HTTP server alike.
With ``material=True`` they also load MkDocs Material's own stylesheet and wrap the content in
Material's page skeleton (header, tabs, sidebar, footer), which is what screenshots and the print
test need.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
THEME_ASSETS = REPO / "theme" / "assets"


def embed_json(obj: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">`` (same rule as the generator)."""
    text = json.dumps(obj, ensure_ascii=False)
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def _material_css() -> Path | None:
    try:
        import material
    except ImportError:
        return None
    found = sorted((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
    return found[0] if found else None


def prepare_root(root: Path) -> Path:
    """Copy the current theme assets (and Material's CSS, if installed) under ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(THEME_ASSETS, root / "assets", dirs_exist_ok=True)
    css = _material_css()
    if css is not None:
        (root / "assets" / "material").mkdir(parents=True, exist_ok=True)
        shutil.copy(css, root / "assets" / "material" / "main.css")
        palette = sorted(css.parent.glob("palette.*.min.css"))
        if palette:
            shutil.copy(palette[0], root / "assets" / "material" / "palette.css")
    return root


def write_page(
    root: Path,
    rel_path: str,
    body_html: str,
    *,
    lang: str = "zh",
    title: str = "Dandelion test page",
    material: bool = False,
    scripts: tuple[str, ...] = ("core.js", "scoring.js", "quiz.js", "training.js"),
    scheme: str = "default",
) -> Path:
    """Write ``root/rel_path`` containing ``body_html`` and the engine's CSS/JS by relative path."""
    path = root / rel_path
    path.parent.mkdir(parents=True, exist_ok=True)
    up = "../" * (len(Path(rel_path).parts) - 1)
    head = [f'<link rel="stylesheet" href="{up}assets/stylesheets/quiz.css">']
    if material and (root / "assets" / "material" / "main.css").exists():
        head.insert(0, f'<link rel="stylesheet" href="{up}assets/material/main.css">')
        if (root / "assets" / "material" / "palette.css").exists():
            head.insert(1, f'<link rel="stylesheet" href="{up}assets/material/palette.css">')
    tail = "\n".join(f'<script src="{up}assets/javascripts/{name}"></script>' for name in scripts)
    if material:
        page = f"""<body dir="ltr" data-md-color-scheme="{scheme}" data-md-color-primary="indigo" data-md-color-accent="indigo">
<div class="md-container">
<header class="md-header" data-md-component="header"><nav class="md-header__inner md-grid">
<div class="md-header__title"><span class="md-ellipsis">海南“蒲公英”禁毒宣讲团</span></div></nav></header>
<main class="md-main"><div class="md-main__inner md-grid">
<div class="md-sidebar md-sidebar--primary"><div class="md-sidebar__scrollwrap"><nav class="md-nav">导航</nav></div></div>
<div class="md-content"><article class="md-content__inner md-typeset">
<h1>{html.escape(title)}</h1>
{body_html}
</article></div></div></main>
<footer class="md-footer"><div class="md-footer-meta md-typeset"><div class="md-footer-meta__inner md-grid">页脚</div></div></footer>
</div>
{tail}
</body>"""
    else:
        page = f"<body>\n<main>\n<h1>{html.escape(title)}</h1>\n{body_html}\n</main>\n{tail}\n</body>"
    path.write_text(
        f"""<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
{chr(10).join(head)}
</head>
{page}
</html>
""",
        encoding="utf-8",
    )
    return path


def quiz_html(data: dict[str, Any]) -> str:
    from generator.quizdata import widget_strings

    src = f"dl-quiz-data-{data['id']}"
    return (
        f'<div class="dl-quiz" data-quiz-src="{src}"{widget_strings("dl-quiz", data["lang"])}></div>\n'
        f'<script type="application/json" id="{src}">{embed_json(data)}</script>'
    )


def training_html(data: dict[str, Any], *, certificate: bool = False) -> str:
    from generator.quizdata import widget_strings

    src = f"dl-training-data-{data['id']}"
    cls = "dl-certificate" if certificate else "dl-training"
    return (
        f'<div class="{cls}" data-training-src="{src}"{widget_strings(cls, data["lang"])}></div>\n'
        f'<script type="application/json" id="{src}">{embed_json(data)}</script>'
    )


def unit_read_html(unit: str, trainings: list[str], lang: str = "zh") -> str:
    from generator.quizdata import widget_strings

    return (f"<div class=\"dl-unit-read\" data-unit=\"{unit}\" data-trainings='{html.escape(json.dumps(trainings), quote=False)}'"
            f"{widget_strings('dl-unit-read', lang)}></div>")


def strings(lang: str) -> dict[str, str | dict[str, str]]:
    from generator.i18n import catalogue

    return catalogue(lang).table("quiz")


def training_strings(lang: str) -> dict[str, str | dict[str, str]]:
    from generator.i18n import catalogue

    return catalogue(lang).table("training")


HOSTILE = "</script><script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=\"window.__pwned=1;alert(2)\">"


def quiz_data(
    quiz_id: str = "all-types",
    *,
    lang: str = "zh",
    shuffle: bool = False,
    feedback: str = "immediate",
    draw: int | None = None,
    pass_mark: int = 60,
    training: dict[str, Any] | None = None,
    questions: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A quiz covering every question type (Chinese or English)."""
    zh = lang == "zh"
    if questions is None:
        questions = all_type_questions(zh)
    return {
        "id": quiz_id,
        "lang": lang,
        "title": "新型毒品知识测验" if zh else "New drugs quiz",
        "pass_mark": pass_mark,
        "shuffle": shuffle,
        "draw": draw,
        "feedback": feedback,
        "training": training,
        "questions": questions,
        "strings": strings(lang),
    }


def all_type_questions(zh: bool = True) -> list[dict[str, Any]]:
    review = {"href": "../lessons/new-drugs.html#disguises", "label": "警惕伪装的新型毒品" if zh else "Disguised drugs"}
    return [
        {
            "id": "q-single",
            "type": "single",
            "prompt_html": "<p>“冰毒”的化学名称是什么？</p>" if zh else "<p>What is the chemical name of “ice”?</p>",
            "options": [
                {"html": "甲基苯丙胺" if zh else "Methamphetamine", "correct": True},
                {"html": "氯胺酮" if zh else "Ketamine", "correct": False},
                {"html": "咖啡因" if zh else "Caffeine", "correct": False},
            ],
            "explanation_html": "<p>冰毒即甲基苯丙胺。</p>" if zh else "<p>Ice is methamphetamine.</p>",
            "review": review,
        },
        {
            "id": "q-multiple",
            "type": "multiple",
            "prompt_html": "<p>哪些是新型毒品常见的伪装？</p>" if zh else "<p>Which are common disguises of new drugs?</p>",
            "options": [
                {"html": "“奶茶”粉末" if zh else "“Milk tea” powder", "correct": True},
                {"html": "跳跳糖" if zh else "Popping candy", "correct": True},
                {"html": "白开水" if zh else "Plain water", "correct": False},
                {"html": "新鲜水果" if zh else "Fresh fruit", "correct": False},
            ],
            "explanation_html": "<p>伪装包装的内容物各不相同。</p>" if zh else "<p>Contents of disguised products vary.</p>",
            "review": None,
        },
        {
            "id": "q-tf",
            "type": "true_false",
            "prompt_html": "<p>吸毒是违法行为。</p>" if zh else "<p>Drug use is a violation of the law.</p>",
            "answer": True,
            "explanation_html": "<p>依照治安管理处罚法处罚。</p>" if zh else "<p>It is punished under public-order law.</p>",
            "review": None,
        },
        {
            "id": "q-fill",
            "type": "fill_blank",
            "prompt_html": "<p>“冰毒”的化学名称是____。</p>" if zh else "<p>The chemical name of “ice” is ____.</p>",
            "answers": ["甲基苯丙胺", "冰毒"] if zh else ["methamphetamine", "meth"],
            "explanation_html": "<p>甲基苯丙胺。</p>" if zh else "<p>Methamphetamine.</p>",
            "review": review,
        },
        {
            "id": "q-order",
            "type": "ordering",
            "prompt_html": "<p>按时间先后排列。</p>" if zh else "<p>Put these in time order.</p>",
            "items_html": ["虎门销烟" if zh else "Humen opium destruction", "禁毒法通过" if zh else "Anti-Drug Law adopted",
                           "禁毒法施行" if zh else "Anti-Drug Law in force"],
            "explanation_html": "<p>1839 年、2007 年、2008 年。</p>",
            "review": None,
        },
        {
            "id": "case-1",
            "type": "scenario",
            "prompt_html": "<p>案例：小林在聚会上收到一包“奶茶”粉末。</p>" if zh else "<p>Case: at a party Lin is offered a sachet of “milk tea” powder.</p>",
            "explanation_html": "<p>来路不明的“奶茶”可能掺了毒品。</p>" if zh else "<p>“Milk tea” of unknown origin may be laced.</p>",
            "review": None,
            "questions": [
                {
                    "id": "case-1-a",
                    "type": "single",
                    "prompt_html": "<p>小林应该怎么做？</p>" if zh else "<p>What should Lin do?</p>",
                    "options": [
                        {"html": "拒绝并离开" if zh else "Refuse and leave", "correct": True},
                        {"html": "尝一点点" if zh else "Try a little", "correct": False},
                    ],
                    "explanation_html": "<p>坚决拒绝。</p>" if zh else "<p>Refuse firmly.</p>",
                    "review": None,
                },
                {
                    "id": "case-1-b",
                    "type": "true_false",
                    "prompt_html": "<p>包装好看就说明安全。</p>" if zh else "<p>A nice package means it is safe.</p>",
                    "answer": False,
                    "explanation_html": "<p>包装不能说明内容。</p>" if zh else "<p>The package says nothing about the contents.</p>",
                    "review": None,
                },
            ],
        },
    ]


def hostile_questions() -> list[dict[str, Any]]:
    """Questions whose text tries to break out of the page; nothing of it may run."""
    esc = html.escape(HOSTILE, quote=True)
    return [
        {
            "id": "q-hostile",
            "type": "single",
            # sanitised HTML as the generator would produce it, plus a raw script the sanitiser
            # would have removed: scripts inserted with innerHTML must not run either
            "prompt_html": f"<p>引号 \"双\" 与 '单' {esc}</p>{HOSTILE}",
            "options": [
                {"html": f"选项 \"A\" '{esc}'", "correct": True},
                {"html": "选项 B", "correct": False},
            ],
            "explanation_html": f"<p>{esc}</p>",
            "review": {"href": "../lessons/x.html", "label": HOSTILE + HOSTILE_IMG},
        },
        {
            "id": "q-hostile-fill",
            "type": "fill_blank",
            "prompt_html": "<p>填写：</p>",
            "answers": [HOSTILE_IMG],
            "explanation_html": "",
            "review": None,
        },
    ]


def training_data(
    training_id: str = "community-rehab-basics",
    *,
    lang: str = "zh",
    quiz_id: str = "module-quiz",
    pass_mark: int = 80,
) -> dict[str, Any]:
    zh = lang == "zh"
    return {
        "id": training_id,
        "lang": lang,
        "title": "社区戒毒康复基础" if zh else "Community rehabilitation basics",
        "credit_hours": 4,
        "organisation": "海南省戒毒管理局" if zh else "Hainan Provincial Drug Rehabilitation Administration",
        "pass_mark": pass_mark,
        "quiz": {"id": quiz_id, "href": f"../quizzes/{quiz_id}.html", "title": "结业测验" if zh else "Final quiz"},
        "units": [
            {"id": "lesson-a", "title": "社区戒毒的法律依据" if zh else "The law on community rehabilitation", "href": "../lessons/lesson-a.html"},
            {"id": "lesson-b", "title": "动机访谈入门" if zh else "Motivational interviewing", "href": "../lessons/lesson-b.html"},
        ],
        "certificate_href": f"{training_id}-certificate.html",
        "strings": training_strings(lang),
    }
