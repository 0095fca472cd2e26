"""Moodle XML export of a quiz in one language.

The layout is the one Moodle's XML writer produces (``question/format/xml/format.php``), so
Moodle's reader finds every element where it looks for it:

* ``<quiz>`` holding a ``category`` pseudo-question (``$course$/top/<quiz title>``) and then one
  ``<question type="…">`` per question, each with ``<name><text>`` (the question id; scenario
  sub-questions ``scenario-id/question-id``), ``<questiontext format="html">``,
  ``<generalfeedback>`` (our explanation), ``<defaultgrade>``, ``<penalty>`` and ``<hidden>``;
* text is our Markdown rendered and sanitised by :func:`generator.markup.render`, the
  same HTML the site shows, inside ``<![CDATA[…]]>``; a ``]]>`` in the text is split across two
  CDATA sections, and characters XML forbids are removed (with a warning);
* ``single``/``multiple`` → ``multichoice`` with ``<single>true|false</single>``,
  ``<shuffleanswers>`` from the quiz's ``shuffle`` and fractions as in GIFT (right options share
  100 %, each wrong one takes away as much as a right one gives — the site's own scoring);
* ``true_false`` → ``truefalse`` with answers ``true``/``false`` and fractions 100/0;
* ``fill_blank`` → ``shortanswer``, ``<usecase>0</usecase>`` (the site ignores case too) and
  Moodle's ``*`` wildcard escaped;
* ``ordering`` → ``matching`` (items ↔ positions "1", "2" …, always shuffled), with a warning:
  see :mod:`generator.interop.gift` for why matching rather than the optional Ordering plugin;
* ``scenario`` → a ``description`` question with the case text (and the scenario's explanation
  as its general feedback), followed by its sub-questions.
"""

from __future__ import annotations

import html
import re
from typing import Any

from .. import markup, model
from .common import ExportResult, TextPicker, category_path, export_notes, share

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.stripped = False

    def clean(self, text: str) -> str:
        cleaned = _XML_ILLEGAL.sub("", text)
        if cleaned != text:
            self.stripped = True
        return cleaned

    def text(self, value: str) -> str:
        """A ``<text>`` element: CDATA when the value has markup, else plain escaped text."""
        value = self.clean(value)
        if any(ch in value for ch in "<>&"):
            return "<text><![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]></text>"
        return f"<text>{value}</text>"

    def add(self, indent: int, line: str) -> None:
        self.lines.append("  " * indent + line)

    def block(self, indent: int, tag: str, value: str, fmt: str | None = "html") -> None:
        attr = f' format="{fmt}"' if fmt else ""
        self.add(indent, f"<{tag}{attr}>")
        self.add(indent + 1, self.text(value))
        self.add(indent, f"</{tag}>")


def _html(text: str, *, inline: bool = False) -> str:
    """Our Markdown as the site's sanitised HTML; when sanitising leaves nothing visible (a text made
    only of markup such as ``</script>``), the text itself is shown literally instead."""
    out = markup.render(text, inline=inline)
    if text.strip() and not re.sub(r"<[^>]*>", "", out).strip():
        out = html.escape(text)
    return out


def export_moodle_xml(quiz: model.Quiz, lang: str | None = None, default_lang: str = "zh") -> ExportResult:
    """The quiz as Moodle XML, in ``lang`` (texts missing in it fall back to ``default_lang``)."""
    lang = lang or default_lang
    pick = TextPicker(lang, default_lang)
    warnings: list[str] = []
    w = _Writer()
    w.add(0, '<?xml version="1.0" encoding="UTF-8"?>')
    w.add(0, "<quiz>")
    w.add(0, f"<!-- Dandelion quiz {quiz.id}, language {lang} -->")
    w.add(1, '<question type="category">')
    w.add(2, "<category>")
    w.add(3, w.text(category_path(pick(quiz.title, "the quiz title"))))
    w.add(2, "</category>")
    w.block(2, "info", "")
    w.add(1, "</question>")
    shuffle = "true" if quiz.shuffle else "false"

    def head(q: Any, qtype: str, name: str, grade: str, penalty: str, *, feedback: str | None = None) -> None:
        w.add(1, f'<question type="{qtype}">')
        w.add(2, "<name>")
        w.add(3, w.text(name))
        w.add(2, "</name>")
        w.block(2, "questiontext", _html(pick(q.prompt, q.id)))
        w.block(2, "generalfeedback", _html(pick(q.explanation, q.id)) if feedback is None else feedback)
        w.add(2, f"<defaultgrade>{grade}</defaultgrade>")
        w.add(2, f"<penalty>{penalty}</penalty>")
        w.add(2, "<hidden>0</hidden>")
        w.add(2, "<idnumber></idnumber>")

    def combined_feedback() -> None:
        for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
            w.block(2, tag, "")
        w.add(2, "<shownumcorrect/>")

    def answer(fraction: str, text: str, fmt: str = "html") -> None:
        w.add(2, f'<answer fraction="{fraction}" format="{fmt}">')
        w.add(3, w.text(text))
        w.block(3, "feedback", "")
        w.add(2, "</answer>")

    def question(q: Any, name: str) -> None:
        if isinstance(q, (model.SingleQuestion, model.MultipleQuestion)):
            single = isinstance(q, model.SingleQuestion)
            head(q, "multichoice", name, "1.0000000", "0.3333333")
            w.add(2, f"<single>{'true' if single else 'false'}</single>")
            w.add(2, f"<shuffleanswers>{shuffle}</shuffleanswers>")
            w.add(2, "<answernumbering>abc</answernumbering>")
            w.add(2, "<showstandardinstruction>0</showstandardinstruction>")
            combined_feedback()
            n_right = sum(o.correct for o in q.options)
            weight, exact = ("100", True) if single else share(max(n_right, 1))
            if not exact:
                warnings.append(f"{q.id}: Moodle has no grade for 1/{n_right}; each right option was given {weight}%")
            for o in q.options:
                fraction = weight if o.correct else ("0" if single else f"-{weight}")
                answer(fraction, _html(pick(o.text, q.id), inline=True))
        elif isinstance(q, model.TrueFalseQuestion):
            head(q, "truefalse", name, "1.0000000", "1.0000000")
            answer("100" if q.answer else "0", "true", "moodle_auto_format")
            answer("0" if q.answer else "100", "false", "moodle_auto_format")
        elif isinstance(q, model.FillBlankQuestion):
            head(q, "shortanswer", name, "1.0000000", "0.3333333")
            w.add(2, "<usecase>0</usecase>")
            for accepted in pick.answers(q):
                answer("100", accepted.strip().replace("*", "\\*"), "moodle_auto_format")
        elif isinstance(q, model.OrderingQuestion):
            warnings.append(f"{q.id}: ordering exported as a matching question (each item ↔ its position 1…{len(q.answer)})")
            head(q, "matching", name, "1.0000000", "0.3333333")
            w.add(2, "<shuffleanswers>true</shuffleanswers>")
            combined_feedback()
            for n, item in enumerate(q.answer, 1):
                w.add(2, '<subquestion format="html">')
                w.add(3, w.text(_html(pick(item, q.id), inline=True)))
                w.add(3, "<answer>")
                w.add(4, w.text(str(n)))
                w.add(3, "</answer>")
                w.add(2, "</subquestion>")
        w.add(1, "</question>")

    for q in quiz.questions:
        if isinstance(q, model.ScenarioQuestion):
            w.add(0, f"<!-- scenario {q.id}: the case text, then its {len(q.questions)} questions -->")
            head(q, "description", q.id, "0.0000000", "0.0000000")
            w.add(1, "</question>")
            for sub in q.questions:
                question(sub, f"{q.id}/{sub.id}")
        else:
            question(q, q.id)
    w.add(0, "</quiz>")
    warnings[:0] = pick.warnings()
    warnings.extend(export_notes(quiz))
    if w.stripped:
        warnings.append("control characters that XML cannot hold were removed from the text")
    return ExportResult("\n".join(w.lines) + "\n", warnings)
