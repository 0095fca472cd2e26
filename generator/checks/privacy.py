"""Privacy: nothing that looks like a mobile phone or ID-card number is published."""

from __future__ import annotations

import re

from .. import model as m
from ..errors import Diagnostics
from ..yamlload import Document, PathKey

_MOBILE = re.compile(r"(?<![\d-])1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![\d-])")
_ID_CARD = re.compile(r"(?<![\dA-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])")


def privacy_problems(value: str) -> list[str]:
    """What in one string looks like personal data (at most one message: the ID card wins)."""
    if _ID_CARD.search(value):
        return ["this text contains what looks like an ID-card number: published material must never carry personal data"]
    if _MOBILE.search(value):
        return ["this text contains what looks like a mobile phone number: published material must never carry personal data"]
    return []


def check_privacy(text: m.Text, doc: Document, path: PathKey, diagnostics: Diagnostics) -> None:
    """Every language of ``text``, reported at the text."""
    for value in text.values.values():
        for message in privacy_problems(value):
            diagnostics.error(doc.loc(path), message)
