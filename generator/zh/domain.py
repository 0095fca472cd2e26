"""The domain phrase dictionary ``phrases.txt``: drug, legal and social-work words, Hainan places, neutral
tones and the exceptions to them, parsed and checked once (the format is described at the top of the file)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from generator.zh.core import is_han, parse_reading

__all__ = ["DomainPhrase", "domain_words", "load_domain_phrases"]


class DomainPhrase(NamedTuple):
    word: str
    syllables: tuple[str, ...]
    section: str  # the comment heading it is listed under, e.g. "legal"
    line: int


def _read_phrase_lines(text: str, source: str) -> list[DomainPhrase]:
    phrases: list[DomainPhrase] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    section = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            heading = re.match(r"#\s*==\s*(.+?)\s*==", line)
            if heading:
                section = heading.group(1)
            continue
        line = line.split("#", 1)[0].strip()
        word, _, reading = line.partition(" ")
        parsed, word_problems = parse_reading(word, reading)
        if any(not is_han(ch) for ch in word):
            word_problems.append(f"{word!r}: domain phrases are Han characters only")
        if len(word) < 2:
            word_problems.append(f"{word!r}: a domain phrase needs at least two characters")
        if word in seen:
            word_problems.append(f"{word!r} already listed on line {seen[word]}")
        if word_problems or parsed is None:
            problems.extend(f"{source}:{number}: {p}" for p in word_problems)
            continue
        seen[word] = number
        phrases.append(DomainPhrase(word, tuple(s for s in parsed if s), section, number))
    if problems:
        raise ValueError("bad domain phrase dictionary:\n" + "\n".join(problems))
    return phrases


@lru_cache(maxsize=1)
def load_domain_phrases() -> tuple[DomainPhrase, ...]:
    """The domain dictionary ``phrases.txt`` shipped in this package, parsed and checked (once)."""
    text = resources.files(__package__).joinpath("phrases.txt").read_text(encoding="utf-8")
    return tuple(_read_phrase_lines(text, "phrases.txt"))


@lru_cache(maxsize=1)
def domain_words() -> frozenset[str]:
    """The words of the domain dictionary (search keys are always made for them)."""
    return frozenset(phrase.word for phrase in load_domain_phrases())
