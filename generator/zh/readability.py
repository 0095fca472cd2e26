"""Plain-language warnings for Chinese text meant for young readers (primary pupils).

Two rules, both cheap and explainable to an editor:

* **Short sentences.** A sentence (ended by 。！？；, a line break or a list item) may hold at most
  ``max_chars`` Han characters; 25 is about one line of a primary textbook and one breath when read
  aloud.
* **Common characters.** Every Han character should be one of the 3,755 level-1 characters of
  GB 2312, the classic "frequently used" set that covers roughly the characters children meet in
  their first school years. Python's ``gb2312`` codec gives us the set with no word list to ship: a
  level-1 character encodes to two bytes whose first lies in 0xB0–0xD7. Words the lesson teaches on
  purpose (海洛因, 心瘾 …) are allowed when they are ``allowed``: the lesson's glossary terms and
  their aliases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from generator.zh.core import is_han
from generator.zh.lint import _mask

__all__ = ["MAX_SENTENCE", "is_common", "readability"]

MAX_SENTENCE = 25

_SENTENCE_END = re.compile(r"[。！？；!?;\n]+")


@lru_cache(maxsize=8192)
def is_common(ch: str) -> bool:
    """True for a level-1 (frequently used) character of GB 2312."""
    try:
        raw = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(raw) == 2 and 0xB0 <= raw[0] <= 0xD7


def readability(text: str, allowed: Iterable[str] = (), max_chars: int = MAX_SENTENCE) -> list[tuple[int, str]]:
    """Warnings for ``text`` as (offset, message), sorted by offset.

    ``allowed`` holds words whose characters are accepted even when uncommon (taught terms).
    """
    masked = _mask(text)
    covered = [False] * len(masked)
    for word in {w for w in allowed if w}:
        for match in re.finditer(re.escape(word), masked):
            for i in range(match.start(), match.end()):
                covered[i] = True

    warnings: list[tuple[int, str]] = []
    reported: set[str] = set()
    for i, ch in enumerate(masked):
        if is_han(ch) and not covered[i] and not is_common(ch) and ch not in reported:
            reported.add(ch)
            warnings.append((i, f"“{ch}” is not a common character; for primary pupils use a common word, "
                                "or teach it as a glossary term of the lesson"))

    start = 0
    for end_match in [*_SENTENCE_END.finditer(masked), None]:
        end = end_match.start() if end_match else len(masked)
        count = sum(1 for c in masked[start:end] if is_han(c))
        if count > max_chars:
            warnings.append((start, f"a sentence of {count} characters; for primary pupils keep sentences "
                                    f"to {max_chars} or fewer"))
        start = end_match.end() if end_match else len(masked)
    return sorted(warnings)
