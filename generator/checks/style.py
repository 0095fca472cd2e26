"""Style lint (warnings only): Chinese style, list indentation and plain language for young readers."""

from __future__ import annotations

import re
from typing import Any

from .. import model
from ..errors import Diagnostics
from ..yamlload import Document, PathKey

_LIST_ITEM = re.compile(r"^( *)(?:[-*+]|\d+[.)]) \S")


def check_list_indent(text: model.Text, doc: Document, path: PathKey, diagnostics: Diagnostics) -> None:
    """Warn where a list item meant as a sub-item is indented 1–3 spaces more than the item above.

    The site's Markdown nests a list only under 4 spaces; with 2 or 3 (what most editors type) the
    sub-items silently show at the level of their parent.
    """
    for lang, value in text.values.items():
        where = doc.loc((*path, lang) if len(text.values) > 1 else path)
        above: int | None = None
        for line in value.splitlines():
            item = _LIST_ITEM.match(line)
            if item:
                indent = len(item.group(1))
                if above is not None and 0 < indent - above < 4 and indent % 4:
                    diagnostics.warning(where, f"list item “{line.strip()[:24]}” is indented {indent} spaces: "
                                               "a sub-list needs 4 spaces more than its parent item, or it shows at the parent's level", code="DL901")
                    break
                above = indent
            elif not line.strip():
                continue
            elif not line.startswith(" "):
                above = None  # a paragraph ends the list


def check_chinese_style(text: model.Text, doc: Document, path: PathKey, diagnostics: Diagnostics) -> None:
    """The Chinese text against :func:`generator.zh.lint_zh` (punctuation, spacing …)."""
    value = text.values.get("zh")
    if not value:
        return
    from ..zh import lint_zh

    for offset, message in lint_zh(value):
        diagnostics.warning(doc.loc(path), f"{message} (at “{excerpt(value, offset)}”)", code="DL902")


def check_plain_language(project: model.Project, origins: Any, diagnostics: Diagnostics) -> None:
    """Pupil-facing text of every lesson for children (see :mod:`generator.zh.readability`): the
    lesson's title, sections, key points and slogans, and its whole quiz. Speaker notes, objectives
    and materials are for adults. A quiz shared by two lessons is checked once, with the glossary of
    the first lesson (in file order)."""
    from ..zh.readability import readability

    checked_quizzes: set[str] = set()
    lessons = sorted((doc.rel, item_id) for (kind, item_id), (doc, _) in origins.items.items() if kind == "lesson")
    for _, lesson_id in lessons:
        lesson = project.lessons.get(lesson_id)
        if lesson is None or not lesson.for_children:
            continue
        doc, base = origins.items[("lesson", lesson_id)]
        allowed: list[str] = []
        for term_id in lesson.glossary:
            term = project.glossary.get(term_id)
            if term is not None:
                allowed += [t.values.get("zh", "") for t in (term.term, *term.aliases)]
        texts: list[tuple[Document, PathKey, model.Text]] = [(doc, (*base, "title"), lesson.title)]
        for i, section in enumerate(lesson.sections):
            texts += [(doc, (*base, "sections", i, "title"), section.title),
                      (doc, (*base, "sections", i, "body"), section.body)]
        for field in ("key_points", "slogans"):
            texts += [(doc, (*base, field, i), t) for i, t in enumerate(getattr(lesson, field))]
        if lesson.quiz in project.quizzes and ("quiz", lesson.quiz) in origins.items and lesson.quiz not in checked_quizzes:
            checked_quizzes.add(lesson.quiz)
            quiz_doc, quiz_base = origins.items[("quiz", lesson.quiz)]
            texts += [(quiz_doc, path, t) for path, t in model.iter_texts(project.quizzes[lesson.quiz], quiz_base)]
        for text_doc, path, text in texts:
            value = text.values.get("zh") if text is not None else None
            for offset, message in readability(value or "", allowed):
                diagnostics.warning(text_doc.loc(path), f"{message} (at “{excerpt(value or '', offset)}”)", code="DL903")


def excerpt(text: str, offset: int, width: int = 8) -> str:
    """A few characters either side of ``offset``, on one line, to quote in a warning."""
    start = max(0, offset - width)
    return text[start : offset + width].replace("\n", " ")
