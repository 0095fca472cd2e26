"""Pinyin ordering and letter index for glossaries and indexes.

Order (as in Chinese dictionaries, syllable by syllable):

* leading punctuation and spaces are ignored (“奶茶”粉末 sorts under N);
* each Han character counts as its toneless syllable (ü as v, so lü follows lu), each run of Latin letters
  (accents dropped, case folded) as one syllable-like word, each run of digits as a number
  (2 before 10); so K粉 (k, fen) sorts before 卡片 (ka, pian);
* units are compared one after another, as a dictionary does character by character: by syllable, then
  tone (1, 2, 3, 4, neutral), then code point (一生 yī, 医生 yī, 移交 yí, 意见 yì); the original text
  breaks remaining ties, so the order is total and does not depend on input order;
* entries whose first unit is not a letter (digits, symbols, unknown characters) come last, under '#'.

``index_letter`` gives the entry's letter: A–Z from its first Han syllable or Latin letter, '#' otherwise.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

from generator.zh.core import tone_number, toneless
from generator.zh.pinyin import Pinyin, default_pinyin

__all__ = ["group_by_letter", "index_letter", "sort_key"]

T = TypeVar("T")

# A unit is (kind, text, tone): kind 0 = letters (Han syllable or Latin word), 1 = number, 2 = other.


def _fold(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).lower()


def _units(text: str, pinyin: Pinyin) -> list[tuple[int, str, int, str]]:
    """(kind, sort text, tone, original characters) for each unit of ``text``."""
    units: list[tuple[int, str, int, str]] = []
    latin: list[str] = []
    digits: list[str] = []

    def flush() -> None:
        if latin:
            word = "".join(latin)
            units.append((0, _fold(word), 0, word))
            latin.clear()
        if digits:
            number = "".join(digits)
            units.append((1, number.lstrip("0").rjust(20, "0"), 0, number))
            digits.clear()

    for ch, syl in pinyin.syllables(unicodedata.normalize("NFKC", text)):
        if syl is not None:
            flush()
            units.append((0, toneless(syl), tone_number(syl), ch))
            continue
        folded = _fold(ch)
        if folded.isascii() and folded.isalpha():
            if digits:
                flush()
            latin.append(ch)
        elif ch.isascii() and ch.isdigit():
            if latin:
                flush()
            digits.append(ch)
        else:
            flush()
            if ch.isalnum():  # a Han character without reading, another script: kept, sorted last
                units.append((2, ch, 0, ch))
    flush()
    return units


def sort_key(text: str, pinyin: Pinyin | None = None) -> tuple:
    """Key for ``sorted(..., key=sort_key)``: pinyin order as described in the module docstring.

    Pass the project's ``Pinyin`` so that editor overrides also correct the order.
    """
    units = _units(text, pinyin or default_pinyin())
    last_group = 1 if not units or units[0][0] != 0 else 0
    return (last_group, tuple(units), text)


def index_letter(text: str, pinyin: Pinyin | None = None) -> str:
    """'A'–'Z' for the first Han syllable or Latin letter of ``text``; '#' for digits, symbols, empty."""
    units = _units(text, pinyin or default_pinyin())
    if units and units[0][0] == 0 and units[0][1][:1].isalpha():
        return units[0][1][0].upper()
    return "#"


def group_by_letter(
    items: Iterable[T], key: Callable[[T], str] = str, pinyin: Pinyin | None = None
) -> list[tuple[str, list[T]]]:
    """Sort ``items`` by ``key(item)`` in pinyin order and group them: [("B", [...]), ..., ("#", [...])].

    Only letters that have entries appear; '#' comes last. Items with equal keys keep their input order.
    """
    reader = pinyin or default_pinyin()
    decorated = sorted(((sort_key(key(it), reader), n, it) for n, it in enumerate(items)), key=lambda t: t[:2])
    groups: list[tuple[str, list[T]]] = []
    for _, _, item in decorated:
        letter = index_letter(key(item), reader)
        if not groups or groups[-1][0] != letter:
            groups.append((letter, []))
        groups[-1][1].append(item)
    return groups
