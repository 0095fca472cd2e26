"""Tone-marked pinyin for Chinese text: pypinyin plus a domain phrase dictionary plus editor overrides.

How a text is read (the conventions are in the package docstring):

1. Editor overrides (``site_config.yml`` → ``pinyin_overrides``) are matched first, as plain substrings of
   the text, longest key first. Their readings are used exactly as written.
2. What is left is cut into runs of Han characters, and jieba cuts each run into words (a private
   tokenizer, HMM off, so the cut is deterministic). Word boundaries are what plain pypinyin lacks: its
   own greedy phrase matching reads 使用了当地方言 as 了当/地方 (liǎo dàng) and 每学期都会 as 都会 (dū huì).
3. A domain phrase (``phrases.txt``) replaces a sequence of whole jieba words that spells it (期限/为 →
   期限为 qī xiàn wéi), or part of one longer word (犯罪行为 contains 行为). It never applies across the
   inside of another word: in 银行/为/客户 the entry 行为 cannot match.
4. Other words are read by pypinyin (its phrase list, else character by character).
5. 一 and 不 are written yī and bù (citation tone) wherever the reading came from steps 3–4.

Each run's result is cached (``functools.lru_cache`` per instance), and so are jieba's cut and
pypinyin's reading per word (module-wide), so repeated titles, slogans and glossary terms cost a look-up.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from pypinyin import Style
from pypinyin import pinyin as _pypinyin
from pypinyin.contrib.tone_convert import to_normal, to_tone, to_tone3
from pypinyin.pinyin_dict import pinyin_dict as _CHAR_DICT

if TYPE_CHECKING:
    import jieba

__all__ = [
    "HAN_RUN",
    "DomainPhrase",
    "Pinyin",
    "default_pinyin",
    "is_han",
    "load_domain_phrases",
    "plain_pypinyin_line",
    "tone_number",
    "toneless",
    "validate_overrides",
    "validate_syllable",
]

# Han characters: the CJK unified ideograph blocks (basic, extensions A–H), compatibility ideographs and
# 〇 (U+3007, Unicode script Han). Private-use characters that pypinyin happens to know are not Han here.
_HAN_CLASS = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002ebef\U0002f800-\U0002fa1f\U00030000-\U0003134f\U00031350-\U000323af"
)
HAN_RUN = re.compile(f"[{_HAN_CLASS}]+")
_HAN_CHAR = re.compile(f"[{_HAN_CLASS}]")

# One reading per character, in every context (the conventions documented in the package docstring):
# citation tones for 一 and 不; 谁 as shéi, the reading 《现代汉语词典》 lists first and school books teach
# (pypinyin gives the variant shuí).
_CITATION = {"一": "yī", "不": "bù", "谁": "shéi"}


def is_han(char: str) -> bool:
    """True if ``char`` (one character) is a Han character in the sense of this module."""
    return bool(_HAN_CHAR.fullmatch(char))


_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def _strip_tones(syllable: str) -> str:
    """Drop the four tone marks, keep ü (lǜ → lü)."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", syllable) if ch not in _TONE_MARKS)
    return unicodedata.normalize("NFC", bare)


@lru_cache(maxsize=1)
def _valid_syllables() -> frozenset[str]:
    """Every toneless syllable (ü written as ü) that occurs in pypinyin's character readings."""
    found: set[str] = set()
    for readings in set(_CHAR_DICT.values()):
        found.update(_strip_tones(reading) for reading in readings.split(","))
    return frozenset(found)


def tone_number(syllable: str) -> int:
    """1–4 for a tone-marked syllable, 5 for the neutral tone (no mark)."""
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONE_MARKS:
            return _TONE_MARKS[ch]
    return 5


def toneless(syllable: str) -> str:
    """ASCII form used for slugs, sort keys and search keys: tone marks dropped, ü written v (lǜ → lv)."""
    return to_normal(syllable)


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
    plain = _strip_tones(syllable)
    if plain not in _valid_syllables():
        return f"{syllable!r} is not a pinyin syllable"
    marks = sum(1 for ch in unicodedata.normalize("NFD", syllable) if ch in _TONE_MARKS)
    if marks > 1:
        return f"{syllable!r} has more than one tone mark"
    canonical = to_tone(to_tone3(syllable, v_to_u=True))
    if unicodedata.normalize("NFC", syllable) != canonical:
        return f"{syllable!r}: tone mark on the wrong vowel (write {canonical!r})"
    return None


def _parse_reading(word: str, reading: str) -> tuple[tuple[str | None, ...] | None, list[str]]:
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


def validate_overrides(overrides: Mapping[str, object] | None) -> list[str]:
    """Problems in a ``pinyin_overrides`` mapping, one readable message each (empty list: all good).

    ``dandelion check`` can report these as diagnostics; :class:`Pinyin` raises them as ValueError.
    """
    if not overrides:
        return []
    if not isinstance(overrides, Mapping):
        return ['pinyin_overrides must be a mapping of word to reading, e.g. {乐东: "lè dōng"}']
    problems: list[str] = []
    for word, reading in overrides.items():
        if not isinstance(word, str) or not word.strip():
            problems.append(f"pinyin_overrides: key {word!r} must be a non-empty string")
            continue
        if not isinstance(reading, str):
            problems.append(
                f'pinyin_overrides[{word!r}]: reading must be a string such as "lè dōng", not {type(reading).__name__}'
            )
            continue
        _, word_problems = _parse_reading(word, reading)
        problems.extend(f"pinyin_overrides: {p}" for p in word_problems)
    return problems


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
        parsed, word_problems = _parse_reading(word, reading)
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


def _cite(char: str, syllable: str) -> str:
    return _CITATION.get(char, syllable)


@lru_cache(maxsize=65536)
def _pypinyin_segment(segment: str) -> tuple[str | None, ...]:
    """pypinyin's reading of one segment (a phrase or a single character), None where it has none."""
    out: list[str | None] = []
    result = _pypinyin(segment, style=Style.TONE, errors=lambda chars: [None] * len(chars))
    for item in result:
        out.append(item[0] if item else None)
    if len(out) != len(segment):  # defensive: never misalign readings and characters
        out = [(_pypinyin(ch, style=Style.TONE)[0][0] if ord(ch) in _CHAR_DICT else None) for ch in segment]
    return tuple(out)


@lru_cache(maxsize=1)
def jieba_tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer with jieba's own dictionary (jieba's global one is left alone)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=65536)
def _cut(run: str) -> tuple[str, ...]:
    """jieba's words for a Han run (HMM off: unknown sequences stay single characters, deterministic)."""
    return tuple(jieba_tokenizer().cut(run, HMM=False))


def plain_pypinyin_line(text: str) -> str:
    """What plain pypinyin (no domain dictionary, no conventions) gives, in the CLI line format.

    The baseline of ``bench/pinyin_accuracy.py``.
    """
    syllables: list[str] = []
    for run in HAN_RUN.findall(text):
        for ch, item in zip(run, _pypinyin(run, style=Style.TONE), strict=True):
            if ord(ch) in _CHAR_DICT and item:
                syllables.append(item[0])
    return " ".join(syllables)


class Pinyin:
    """Pinyin reader for one project (domain dictionary + that project's overrides).

    ``overrides`` maps a word to its reading, e.g. ``{"乐东": "lè dōng"}``: space-separated tone-marked
    syllables, one per Han character of the word (a neutral-tone syllable has no mark). A bad entry raises
    ValueError listing every problem. Create one instance per build and reuse it: it caches.
    """

    def __init__(self, overrides: Mapping[str, str] | None = None, *, cache_size: int = 8192) -> None:
        problems = validate_overrides(overrides)
        if problems:
            raise ValueError("invalid pinyin_overrides in site_config.yml:\n  " + "\n  ".join(problems))
        self._overrides: dict[str, tuple[str | None, ...]] = {}
        for word, reading in (overrides or {}).items():
            parsed, _ = _parse_reading(word, reading)
            assert parsed is not None
            self._overrides[word] = parsed
        self._override_re = (
            re.compile("|".join(re.escape(w) for w in sorted(self._overrides, key=lambda w: (-len(w), w))))
            if self._overrides
            else None
        )
        self._domain: dict[str, tuple[str, ...]] = {p.word: p.syllables for p in load_domain_phrases()}
        self._domain_prefixes = {w[:i] for w in self._domain for i in range(1, len(w) + 1)}
        self._max_word = max((len(w) for w in self._domain), default=1)
        self._domain_chars = frozenset("".join(self._domain))
        self._run = lru_cache(maxsize=cache_size)(self._segment_run)

    # -- core -------------------------------------------------------------------------------------------
    def words(self, run: str) -> tuple[tuple[str, tuple[str | None, ...]], ...]:
        """Segment a Han run into words and read each: [(word, syllables)].

        jieba cuts the run; a domain phrase replaces a sequence of whole jieba words that spells it
        (期限/为 → 期限为) or, as an overlay, part of one longer word (犯罪行为 contains 行为); a domain
        phrase that would start or end inside a jieba word of another shape is not applied (银行/为 does
        not become 银 + 行为). Other words are read by pypinyin (its phrase list, then its characters).
        """
        return self._run(run)

    def _segment_run(self, run: str) -> tuple[tuple[str, tuple[str | None, ...]], ...]:
        tokens = _cut(run)
        out: list[tuple[str, tuple[str | None, ...]]] = []
        i = 0
        while i < len(tokens):
            best: tuple[int, str] | None = None
            acc = ""
            for j in range(i, len(tokens)):
                acc += tokens[j]
                if acc in self._domain:
                    best = (j, acc)
                if len(acc) >= self._max_word or acc not in self._domain_prefixes:
                    break
            if best is not None:
                out.append((best[1], self._domain[best[1]]))
                i = best[0] + 1
                continue
            token = tokens[i]
            out.append((token, self._overlay(token, _pypinyin_segment(token))))
            i += 1
        return tuple(
            (word, tuple(_cite(ch, s) if s else None for ch, s in zip(word, syls, strict=True))) for word, syls in out
        )

    def _readings(self, run: str) -> list[str | None]:
        return [syl for _, syls in self._run(run) for syl in syls]

    def _overlay(self, phrase: str, syls: tuple[str | None, ...]) -> tuple[str | None, ...]:
        """Apply domain words found inside one longer jieba word (leftmost-longest), e.g. 朋友 in 小朋友."""
        if len(phrase) < 3 or not self._domain_chars.intersection(phrase):
            return syls
        out = list(syls)
        i = 0
        while i < len(phrase) - 1:
            for j in range(min(len(phrase), i + self._max_word), i + 1, -1):
                found = self._domain.get(phrase[i:j])
                if found is not None:
                    out[i:j] = found
                    i = j
                    break
            else:
                i += 1
        return tuple(out)

    def _pieces(self, text: str) -> Iterable[tuple[str, tuple[str | None, ...] | None]]:
        """Split ``text`` into (piece, fixed readings) — readings only for override matches."""
        if self._override_re is None:
            yield text, None
            return
        pos = 0
        for m in self._override_re.finditer(text):
            if m.start() > pos:
                yield text[pos : m.start()], None
            yield m.group(), self._overrides[m.group()]
            pos = m.end()
        if pos < len(text):
            yield text[pos:], None

    def syllables(self, text: str) -> list[tuple[str, str | None]]:
        """Each character of ``text`` with its tone-marked syllable, None for non-Han characters.

        Han characters whose reading nobody knows (rare extension characters) also get None.
        """
        out: list[tuple[str, str | None]] = []
        for piece, fixed in self._pieces(text):
            if fixed is not None:
                out.extend(zip(piece, fixed, strict=True))
                continue
            pos = 0
            for m in HAN_RUN.finditer(piece):
                out.extend((ch, None) for ch in piece[pos : m.start()])
                out.extend(zip(m.group(), self._readings(m.group()), strict=True))
                pos = m.end()
            out.extend((ch, None) for ch in piece[pos:])
        return out

    def line(self, text: str) -> str:
        """The ``dandelion pinyin TEXT`` contract: one syllable per Han character, single spaces, nothing else."""
        return " ".join(syl for _, syl in self.syllables(text) if syl)

    def toneless_syllables(self, text: str) -> list[str]:
        """Toneless ASCII syllables of the Han characters of ``text`` (ü as v)."""
        return [toneless(syl) for _, syl in self.syllables(text) if syl]

    # -- markup, search (implemented in sibling modules, exposed here for one import) --------------------
    def ruby_html(self, text: str) -> str:
        """HTML-escaped ``text`` with ``<ruby>字<rt>zì</rt></ruby>`` around each Han character."""
        from generator.zh.ruby import ruby_html

        return ruby_html(self.syllables(text))

    def print_ruby_html(self, text: str) -> str:
        """WeasyPrint-safe annotation (inline-blocks, see ``PRINT_RUBY_CSS``) of HTML-escaped ``text``."""
        from generator.zh.ruby import print_ruby_html

        return print_ruby_html(self.syllables(text))

    def annotate_html(self, html_fragment: str, form: str = "ruby") -> str:
        """Annotate the text nodes of an HTML fragment (``form``: "ruby" for the site, "print" for PDFs)."""
        from generator.zh.ruby import annotate_html

        return annotate_html(self, html_fragment, form)

    def search_keys(self, text: str, terms: Iterable[str] = ()) -> list[str]:
        """Compact pinyin search keys for ``text``; ``terms`` (glossary terms) always get keys when they
        occur. See ``generator.zh.search``."""
        from generator.zh.search import search_keys

        return search_keys(text, self, terms)

    def cache_info(self) -> object:
        """Hit/miss statistics of the per-run cache (for the speed bench)."""
        return self._run.cache_info()


@lru_cache(maxsize=1)
def default_pinyin() -> Pinyin:
    """A shared reader without project overrides (slugs and sort keys use it, so they never depend on
    an editor's overrides)."""
    return Pinyin()
