"""ASCII URL slugs from titles in any mix of Chinese, Latin and digits.

Rules (stable: the same title and the same ``taken`` set always give the same slug):

* text is NFKC-normalised (full-width ＡＢＣ１２３ become ABC123);
* each Han character becomes its toneless pinyin syllable, ü written ``v`` (绿 → lv), using the domain
  dictionary (乐东 → le-dong) but never the project's overrides, so that an editor fixing a reading on
  the page does not move the page;
* Latin letters lose their accents (é → e) and are lowercased; runs of letters/digits stay together;
* everything else separates words; words are joined by ``-``;
* the slug is cut at a word boundary to at most ``max_length`` characters;
* a title with nothing usable (empty, only symbols) gives ``fallback`` ("page");
* if the slug is in ``taken``, ``-2``, ``-3`` … is appended (first free one), and the result is added
  to ``taken``: slugging a list of titles in a fixed order is deterministic.

毒品的危害 → ``du-pin-de-wei-hai``; K粉的危害 → ``k-fen-de-wei-hai``; 6·26国际禁毒日 → ``6-26-guo-ji-jin-du-ri``.
"""

from __future__ import annotations

import re
import unicodedata

from generator.zh.core import toneless
from generator.zh.pinyin import Pinyin, default_pinyin

__all__ = ["slugify"]

_WORD = re.compile(r"[a-z0-9]+")


def _ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def slugify(
    text: str,
    taken: set[str] | None = None,
    *,
    max_length: int = 60,
    fallback: str = "page",
    pinyin: Pinyin | None = None,
) -> str:
    """A lowercase ASCII slug (``[a-z0-9-]``) for ``text``, unique within ``taken`` (which it updates)."""
    reader = pinyin or default_pinyin()
    words: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            words.extend(_WORD.findall(_ascii_fold("".join(current))))
            current.clear()

    for ch, syl in reader.syllables(unicodedata.normalize("NFKC", text or "")):
        if syl is not None:
            flush()
            words.append(toneless(syl))
        elif ch.isalnum() and not ch.isspace():
            current.append(ch)
        else:
            flush()
    flush()

    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            if not slug:  # one very long word: cut it
                slug = word[:max_length]
            break
        slug = candidate
    slug = slug or fallback

    if taken is not None:
        base, n = slug, 2
        while slug in taken:
            slug = f"{base}-{n}"
            n += 1
        taken.add(slug)
    return slug
