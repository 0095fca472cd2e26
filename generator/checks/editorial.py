"""Editing notes never reach readers: 未经核实, 待核实, 待定, TODO, FIXME, TBD and "unverified" in a
published text are errors.

Editors mark what they still have to check; a pupil or a villager must never read "待核实" in a lesson
or "TODO" on a poster, and a fact marked unverified must not be published as if it were checked.
Latin notes are matched as whole words in any case (``todo``, ``Tbd``), so words that merely contain
them ("mastodon", "tbdx") pass.
"""

from __future__ import annotations

import re

from .. import model
from ..errors import Diagnostics
from ..yamlload import Document, PathKey
from .privacy import plain_strings

#: the notes, longest first so that 未经核实 is named rather than the 核实 inside it
EDITING_NOTES = ("未经核实", "待核实", "待定", "TODO", "FIXME", "TBD", "unverified")
_NOTE = re.compile(
    "|".join(re.escape(note) if not note.isascii() else rf"(?<![A-Za-z0-9_]){re.escape(note)}(?![A-Za-z0-9_])"
             for note in EDITING_NOTES),
    re.IGNORECASE,
)


def editing_notes(value: str) -> list[str]:
    """The editing notes in one string, as written, each once, in order of appearance."""
    found: list[str] = []
    for match in _NOTE.finditer(value):
        if match.group(0) not in found:
            found.append(match.group(0))
    return found


def check_editing_notes(text: model.Text, doc: Document, path: PathKey, diagnostics: Diagnostics) -> None:
    """Every language of ``text``, reported at the language's line when the text has several."""
    for lang, value in text.values.items():
        notes = editing_notes(value)
        if notes:
            where = doc.loc((*path, lang) if len(text.values) > 1 else path)
            diagnostics.error(where, _message(notes), code="DL701")


def _message(notes: list[str]) -> str:
    listed = "、".join(f"“{note}”" for note in notes)
    return (f"editing note {listed} in published text: check the fact and remove the note "
            "(or leave the sentence out until it is checked)")


def check_answer_notes(project: model.Project, quiz: model.Quiz, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    """Fill-in answers are published too (the answer key prints them): no editing notes there either."""
    for path, value in plain_strings(quiz, base):
        if "answer" in path and (notes := editing_notes(value)):
            diagnostics.error(doc.loc(path), _message(notes), code="DL701")
