"""The leaf of ``generator.zh``: what every other module here needs, importing nothing from ``generator``.

Layers (each module imports only from layers below it; ``tests/zh/test_zh_layers.py`` checks this):

1. ``core`` (this module): Han character classes, syllable helpers (tone number, toneless form,
   validation), jieba's private tokenizer, its cut and part-of-speech table, and ``SyllableReader``, the
   protocol the markup and search modules need from a reader;
2. ``grammar``, ``sandhi``, ``ruby``, ``search``, ``numerals``: plain functions on syllables and words;
3. ``pinyin``: the ``Pinyin`` reader, which puts them together;
4. ``collate``, ``slug``, ``readability``, ``lint``: users of the reader; ``__init__`` re-exports.

The syllable helpers are pure and called once per character of every slug, sort key and search key (issue
12 counted 205,527 ``toneless`` calls in one build), so they are cached by syllable: a text has at most
about 1,500 distinct syllables.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from pypinyin.contrib.tone_convert import to_normal, to_tone, to_tone3
from pypinyin.pinyin_dict import pinyin_dict as CHAR_DICT

if TYPE_CHECKING:
    import jieba

__all__ = [
    "CHAR_DICT",
    "HAN_RUN",
    "SyllableReader",
    "cut",
    "is_han",
    "jieba_tokenizer",
    "parse_reading",
    "strip_tones",
    "tone_number",
    "toneless",
    "validate_syllable",
    "word_set",
    "word_tags",
]

# Han characters: the CJK unified ideograph blocks (basic, extensions A–H), compatibility ideographs and
# 〇 (U+3007, Unicode script Han). Private-use characters that pypinyin happens to know are not Han here.
_HAN_CLASS = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002ebef\U0002f800-\U0002fa1f\U00030000-\U0003134f\U00031350-\U000323af"
)
HAN_RUN = re.compile(f"[{_HAN_CLASS}]+")
_HAN_CHAR = re.compile(f"[{_HAN_CLASS}]")


class SyllableReader(Protocol):
    """What ``ruby`` and ``search`` need from a reader (``generator.zh.pinyin.Pinyin`` is one)."""

    def syllables(self, text: str, *, sandhi: bool = False) -> list[tuple[str, str | None]]: ...

    def words(self, run: str) -> Sequence[tuple[str, tuple[str | None, ...]]]: ...


def is_han(char: str) -> bool:
    """True if ``char`` (one character) is a Han character in the sense of this module."""
    return bool(_HAN_CHAR.fullmatch(char))


_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


@lru_cache(maxsize=4096)
def strip_tones(syllable: str) -> str:
    """Drop the four tone marks, keep ü (lǜ → lü)."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", syllable) if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", bare)


@lru_cache(maxsize=1)
def _valid_syllables() -> frozenset[str]:
    """Every toneless syllable (ü written as ü) that occurs in pypinyin's character readings."""
    found: set[str] = set()
    for readings in set(CHAR_DICT.values()):
        found.update(strip_tones(reading) for reading in readings.split(","))
    return frozenset(found)


@lru_cache(maxsize=4096)
def tone_number(syllable: str) -> int:
    """1–4 for a tone-marked syllable, 5 for the neutral tone (no mark)."""
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONE_MARKS:
            return _TONE_MARKS[ch]
    return 5


@lru_cache(maxsize=4096)
def toneless(syllable: str) -> str:
    """ASCII form used for slugs, sort keys and search keys: tone marks dropped, ü written v (lǜ → lv)."""
    return to_normal(syllable)


@lru_cache(maxsize=4096)
def validate_syllable(syllable: str) -> str | None:
    """Return None if ``syllable`` is one valid tone-marked (or neutral) pinyin syllable, else a message.

    Valid means: lowercase, known to pypinyin's character data as a syllable, and the tone mark (if any)
    on the vowel where the pinyin rules put it (a/e first, then the o of ou, else the last vowel).
    """
    if not syllable:
        return "empty syllable"
    if syllable != syllable.lower():
        return f"{syllable!r}: write pinyin in lowercase ({syllable.lower()!r})"
    if any(ch.isdigit() for ch in syllable):
        base = re.sub(r"\d", "", syllable)
        digits = re.findall(r"\d", syllable)
        hint = to_tone(base + digits[-1]) if len(digits) == 1 and digits[0] in "12345" else None
        tail = f" (write {hint!r})" if hint else ""
        return f"{syllable!r}: use tone marks, not tone numbers{tail}"
    plain = strip_tones(syllable)
    if plain not in _valid_syllables():
        return f"{syllable!r} is not a pinyin syllable"
    marks = sum(1 for ch in unicodedata.normalize("NFD", syllable) if ch in _TONE_MARKS)
    if marks > 1:
        return f"{syllable!r} has more than one tone mark"
    canonical = to_tone(to_tone3(syllable, v_to_u=True))
    if unicodedata.normalize("NFC", syllable) != canonical:
        return f"{syllable!r}: tone mark on the wrong vowel (write {canonical!r})"
    return None


def parse_reading(word: str, reading: str) -> tuple[tuple[str | None, ...] | None, list[str]]:
    """Split and check one reading for ``word``: one syllable per Han character of ``word``.

    Returns (per-character readings with None for non-Han characters, problems).
    """
    problems: list[str] = []
    syllables = reading.split()
    han_count = sum(1 for ch in word if is_han(ch))
    if han_count == 0:
        return None, [f"{word!r} contains no Han character"]
    if len(syllables) != han_count:
        return None, [
            f"{word!r} has {han_count} Han character(s) but {reading!r} has {len(syllables)} "
            "syllable(s); write one space-separated syllable per Han character"
        ]
    for syl in syllables:
        msg = validate_syllable(unicodedata.normalize("NFC", syl))
        if msg:
            problems.append(f"{word!r}: {msg}")
    if problems:
        return None, problems
    it = iter(unicodedata.normalize("NFC", s) for s in syllables)
    return tuple(next(it) if is_han(ch) else None for ch in word), []


@lru_cache(maxsize=1)
def jieba_tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer with jieba's own dictionary (jieba's global one is left alone)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=65536)
def cut(run: str) -> tuple[str, ...]:
    """jieba's words for a Han run (HMM off: unknown sequences stay single characters, deterministic)."""
    return tuple(jieba_tokenizer().cut(run, HMM=False))


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """jieba's dictionary part-of-speech tag per word (no segmentation, just the table): 得 → ud, 教 → v.

    Reading the table from jieba's 350,000-line dictionary costs about 0.8 s of every build; like jieba's
    own word cache, the table is kept in the temporary folder (``marshal``, 0.2 s to read), named by the
    dictionary file's size and time and jieba's version, so another dictionary or version makes a new one."""
    import jieba

    dictionary = Path(jieba.__file__).with_name("dict.txt")
    try:
        stat = dictionary.stat()
        key = hashlib.sha256(f"{jieba.__version__}\0{dictionary}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    except OSError:
        key = None
    cached = Path(tempfile.gettempdir()) / f"dandelion-word-tags-{key}.marshal" if key else None
    if cached is not None:
        try:
            table = marshal.loads(cached.read_bytes())
            if isinstance(table, dict) and table:
                return table
        except (OSError, ValueError, EOFError, TypeError):
            pass
    from jieba.posseg import POSTokenizer

    table = POSTokenizer(jieba_tokenizer()).word_tag_tab
    if cached is not None:
        temporary = cached.with_suffix(f".{os.getpid()}.tmp")
        try:
            temporary.write_bytes(marshal.dumps(table))
            temporary.replace(cached)
        except OSError:
            temporary.unlink(missing_ok=True)
    return table


def word_set(words: str) -> frozenset[str]:
    """The space-separated words of ``words`` as a set (word lists in rule modules stay readable)."""
    return frozenset(words.split())
