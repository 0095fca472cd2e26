"""Quiz and training data for the browser engine (``theme/assets/javascripts/quiz.js``).

The page embeds this JSON in ``<script type="application/json">`` via
:func:`generator.markup.embed_json`; ``*_html`` values are sanitised HTML (:func:`generator.markup.render`), every other string is
plain text. The contract is documented at the top of ``quiz.js``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

from . import markup, model
from .i18n import catalogue
from .scoring import module_version, quiz_version

Link = Callable[[str], str]

#: The strings each widget needs without its JSON (``data-strings`` on the widget's element): the quiz's
#: and the module's "could not be read" when the JSON is missing or broken, and the lesson page's read box,
#: which has no JSON at all. The scripts keep no copies; a key missing here shows as the key itself.
WIDGET_STRINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "dl-quiz": ("quiz", ("load_error",)),
    "dl-training": ("training", ("load_error",)),
    "dl-certificate": ("training", ("load_error",)),
    "dl-unit-read": ("training", ("unit_read",)),
}


def widget_strings(element: str, lang: str) -> str:
    """The ``data-strings`` attribute (with its leading space) of a widget element of class ``element``:
    the catalogue's JSON of the keys in :data:`WIDGET_STRINGS`, escaped for a double-quoted attribute."""
    prefix, keys = WIDGET_STRINGS[element]
    table = catalogue(lang).table(prefix)
    text = json.dumps({key: table[key] for key in keys}, ensure_ascii=False, separators=(",", ":"))
    return f' data-strings="{html.escape(text, quote=True)}"'


def quiz_data(project: model.Project, quiz: model.Quiz, lang: str, link: Link,
              annotate: Callable[[str], str] | None = None) -> dict[str, Any]:
    """The JSON the quiz engine needs for ``quiz`` in ``lang``; ``link`` makes page-relative URLs;
    ``annotate`` (pages with a pinyin switch) adds ruby to every HTML text of the questions."""
    default = project.config.default_language

    def localise(text: model.Text | None) -> str:
        return model.text_in(text, lang, default)

    def html(text: model.Text | None, inline: bool = False) -> str:
        if text is None:
            return ""
        return markup.render(localise(text), inline=inline, link=lambda target: link(target.site_path), annotate=annotate)

    def review(q: Any) -> dict[str, str] | None:
        lesson_id = q.lesson or quiz.lesson
        if not lesson_id or lesson_id not in project.lessons:
            return None
        lesson = project.lessons[lesson_id]
        href = f"lessons/{lesson_id}.md" + (f"#{q.section}" if q.section else "")
        label = localise(lesson.title)
        if q.section:
            section = next((s for s in lesson.sections if s.id == q.section), None)
            if section is not None:
                label = f"{label} · {localise(section.title)}"
        return {"href": link(href), "label": label}

    def question(q: Any) -> dict[str, Any]:
        base: dict[str, Any] = {
            "id": q.id, "type": q.type, "prompt_html": html(q.prompt),
            "explanation_html": html(q.explanation), "review": review(q),
        }
        if isinstance(q, (model.SingleQuestion, model.MultipleQuestion)):
            # the printed order: a quiz that is not shuffled shows what the worksheet shows
            base["options"] = [{"html": html(o.text, inline=True), "correct": o.correct} for o in q.printed_options()]
        elif isinstance(q, model.TrueFalseQuestion):
            base["answer"] = q.answer
        elif isinstance(q, model.FillBlankQuestion):
            base["answers"] = q.answers_for(lang, default)
        elif isinstance(q, model.OrderingQuestion):
            base["items_html"] = [html(item, inline=True) for item in q.answer]
        elif isinstance(q, model.ScenarioQuestion):
            base["questions"] = [question(sub) for sub in q.questions]
        return base

    modules = project.training_for_quiz(quiz.id)
    training = None
    if modules:
        module = modules[0]
        training = {"id": module.id, "pass_mark": module.pass_mark if module.pass_mark is not None else quiz.pass_mark}
    return {
        "id": quiz.id,
        "lang": lang,
        "version": quiz_version(quiz),
        "title": localise(quiz.title),
        "pass_mark": quiz.pass_mark,
        "shuffle": quiz.shuffle,
        "draw": quiz.draw,
        "feedback": quiz.feedback,
        "whole_points": project.quiz_for_plain_readers(quiz.id),
        "training": training,
        "questions": [question(q) for q in quiz.questions],
        "strings": catalogue(lang).table("quiz"),
    }


def training_data(project: model.Project, module: model.Training, lang: str, link: Link) -> dict[str, Any]:
    """The JSON the training widget needs: units, quiz, pass mark, certificate page."""
    default = project.config.default_language

    def localise(text: model.Text | None) -> str:
        return model.text_in(text, lang, default)

    quiz = project.quizzes.get(module.quiz) if module.quiz else None
    pass_mark = module.pass_mark if module.pass_mark is not None else (quiz.pass_mark if quiz else 0)
    return {
        "id": module.id,
        "lang": lang,
        "version": module_version(project, module),
        "title": localise(module.title),
        "credit_hours": module.credit_hours,
        "organisation": localise(project.config.organisation),
        "pass_mark": pass_mark,
        "quiz": {"id": quiz.id, "href": link(f"quizzes/{quiz.id}.md"), "title": localise(quiz.title),
                 "version": quiz_version(quiz)} if quiz else None,
        "units": [
            {"id": u, "title": localise(project.lessons[u].title), "href": link(f"lessons/{u}.md")}
            for u in module.units if u in project.lessons
        ],
        "certificate_href": link(f"training/{module.id}-certificate.md"),
        "strings": catalogue(lang).table("training"),
    }
