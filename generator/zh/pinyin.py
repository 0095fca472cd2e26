"""Tone-marked pinyin for Chinese text: pypinyin plus a domain phrase dictionary, grammar rules and overrides.

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
5. Grammar rules (``generator.zh.grammar``) correct polyphones by their neighbours and jieba's parts of
   speech: 玩得很开心 de, 你得告诉老师 děi, 上了坏人的当 dàng, 种不好地 zhòng … Domain phrases are
   never changed by a rule.
6. 一 and 不 are written yī and bù (citation tone) wherever the reading came from steps 3–5; with
   ``sandhi=True`` (readers' ruby) their tone changes are marked instead (``generator.zh.sandhi``).

Each run's result is cached (``functools.lru_cache`` per instance), and so are jieba's cut and
pypinyin's reading per word (module-wide), so repeated titles, slogans and glossary terms cost a look-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from pypinyin import Style
from pypinyin import pinyin as _pypinyin

from generator.zh import ruby, search
from generator.zh.core import (
    CHAR_DICT,
    HAN_RUN,
    cut,
    is_han,
    jieba_tokenizer,
    parse_reading,
    tone_number,
    toneless,
    validate_syllable,
)
from generator.zh.domain import DomainPhrase, load_domain_phrases
from generator.zh.grammar import Word, apply_rules
from generator.zh.sandhi import apply_sandhi

__all__ = [
    "HAN_RUN",
    "DomainPhrase",
    "Pinyin",
    "default_pinyin",
    "is_han",
    "jieba_tokenizer",
    "load_domain_phrases",
    "plain_pypinyin_line",
    "tone_number",
    "toneless",
    "validate_overrides",
    "validate_syllable",
]

# One reading per character, in every context (the conventions documented in the package docstring):
# citation tones for 一 and 不; 谁 as shéi, the reading 《现代汉语词典》 lists first and school books teach
# (pypinyin gives the variant shuí).
_CITATION = {"一": "yī", "不": "bù", "谁": "shéi"}

Syllables = tuple[str | None, ...]


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
        _, word_problems = parse_reading(word, reading)
        problems.extend(f"pinyin_overrides: {p}" for p in word_problems)
    return problems


def _cite(char: str, syllable: str) -> str:
    return _CITATION.get(char, syllable)


@lru_cache(maxsize=65536)
def _pypinyin_segment(segment: str) -> Syllables:
    """pypinyin's reading of one segment (a phrase or a single character), None where it has none."""
    out: list[str | None] = []
    result = _pypinyin(segment, style=Style.TONE, errors=lambda chars: [None] * len(chars))
    for item in result:
        out.append(item[0] if item else None)
    if len(out) != len(segment):  # defensive: never misalign readings and characters
        out = [(_pypinyin(ch, style=Style.TONE)[0][0] if ord(ch) in CHAR_DICT else None) for ch in segment]
    return tuple(out)


_cut = cut  # the name bench/pinyin_speed.py clears


def plain_pypinyin_line(text: str) -> str:
    """What plain pypinyin (no domain dictionary, no conventions) gives, in the CLI line format.

    The baseline of ``bench/pinyin_accuracy.py``.
    """
    syllables: list[str] = []
    for run in HAN_RUN.findall(text):
        for ch, item in zip(run, _pypinyin(run, style=Style.TONE), strict=True):
            if ord(ch) in CHAR_DICT and item:
                syllables.append(item[0])
    return " ".join(syllables)


class Pinyin:
    """Pinyin reader for one project (domain dictionary + grammar rules + that project's overrides).

    ``overrides`` maps a word to its reading, e.g. ``{"乐东": "lè dōng"}``: space-separated tone-marked
    syllables, one per Han character of the word (a neutral-tone syllable has no mark). A bad entry raises
    ValueError listing every problem. Create one instance per build and reuse it: it caches.

    ``sandhi``: plain readings (``syllables``, ``line``) write 一 and 不 in their citation tones unless
    ``sandhi=True``; the readers' ruby (``ruby_html``, ``print_ruby_html``, ``annotate_html``) marks their
    tone changes unless ``sandhi=False``.
    """

    def __init__(self, overrides: Mapping[str, str] | None = None, *, cache_size: int = 8192) -> None:
        problems = validate_overrides(overrides)
        if problems:
            raise ValueError("invalid pinyin_overrides in site_config.yml:\n  " + "\n  ".join(problems))
        self._overrides: dict[str, Syllables] = {}
        for word, reading in (overrides or {}).items():
            parsed, _ = parse_reading(word, reading)
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
        self._sandhi_run = lru_cache(maxsize=cache_size)(self._read_run_with_sandhi)
        self._text = lru_cache(maxsize=cache_size)(self._read_text)

    # -- core -------------------------------------------------------------------------------------------
    def words(self, run: str) -> tuple[tuple[str, Syllables], ...]:
        """Segment a Han run into words and read each: [(word, syllables)] (citation tones for 一/不).

        jieba cuts the run; a domain phrase replaces a sequence of whole jieba words that spells it
        (期限/为 → 期限为) or, as an overlay, part of one longer word (犯罪行为 contains 行为); a domain
        phrase that would start or end inside a jieba word of another shape is not applied (银行/为 does
        not become 银 + 行为). Other words are read by pypinyin (its phrase list, then its characters) and
        then corrected by the grammar rules (``generator.zh.grammar``).
        """
        return self._run(run)

    def _segment_run(self, run: str) -> tuple[tuple[str, Syllables], ...]:
        tokens = cut(run)
        out: list[Word] = []
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
                out.append(Word(best[1], list(self._domain[best[1]]), fixed=True))
                i = best[0] + 1
                continue
            token = tokens[i]
            out.append(Word(token, list(self._overlay(token, _pypinyin_segment(token)))))
            i += 1
        apply_rules(out)
        return tuple(
            (word.text, tuple(_cite(ch, s) if s else None for ch, s in zip(word.text, word.syllables, strict=True)))
            for word in out
        )

    def _read_run_with_sandhi(self, run: str) -> Syllables:
        return apply_sandhi(self._run(run))

    def _readings(self, run: str, sandhi: bool) -> Iterable[str | None]:
        if sandhi:
            return self._sandhi_run(run)
        return (syl for _, syls in self._run(run) for syl in syls)

    def _overlay(self, phrase: str, syls: Syllables) -> Syllables:
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

    def _pieces(self, text: str) -> Iterable[tuple[str, Syllables | None]]:
        """Split ``text`` into (piece, fixed readings) — readings only for override matches."""
        if self._override_re is None:
            yield text, None
            return
        pos = 0
        for match in self._override_re.finditer(text):
            if match.start() > pos:
                yield text[pos : match.start()], None
            yield match.group(), self._overrides[match.group()]
            pos = match.end()
        if pos < len(text):
            yield text[pos:], None

    def _read_text(self, text: str, sandhi: bool) -> tuple[tuple[str, str | None], ...]:
        out: list[tuple[str, str | None]] = []
        for piece, fixed in self._pieces(text):
            if fixed is not None:
                out.extend(zip(piece, fixed, strict=True))
                continue
            pos = 0
            for match in HAN_RUN.finditer(piece):
                out.extend((ch, None) for ch in piece[pos : match.start()])
                out.extend(zip(match.group(), self._readings(match.group(), sandhi), strict=True))
                pos = match.end()
            out.extend((ch, None) for ch in piece[pos:])
        return tuple(out)

    def syllables(self, text: str, *, sandhi: bool = False) -> list[tuple[str, str | None]]:
        """Each character of ``text`` with its tone-marked syllable, None for non-Han characters.

        Han characters whose reading nobody knows (rare extension characters) also get None. ``sandhi``:
        mark the tone changes of 一 and 不 (一个 yí gè, 不要 bú yào) instead of their citation tones.
        """
        return list(self._text(text, sandhi))

    def line(self, text: str, *, sandhi: bool = False) -> str:
        """The ``dandelion pinyin TEXT`` contract: one syllable per Han character, single spaces, nothing else."""
        return " ".join(syl for _, syl in self._text(text, sandhi) if syl)

    def toneless_syllables(self, text: str) -> list[str]:
        """Toneless ASCII syllables of the Han characters of ``text`` (ü as v)."""
        return [toneless(syl) for _, syl in self._text(text, False) if syl]

    # -- markup, search (implemented in sibling modules, exposed here for one import) --------------------
    def ruby_html(self, text: str, *, sandhi: bool = True) -> str:
        """HTML-escaped ``text`` with ``<ruby>字<rt>zì</rt></ruby>`` around each Han character."""
        return ruby.ruby_html(self._text(text, sandhi))

    def print_ruby_html(self, text: str, *, sandhi: bool = True) -> str:
        """WeasyPrint-safe annotation (inline-blocks, see ``PRINT_RUBY_CSS``) of HTML-escaped ``text``."""
        return ruby.print_ruby_html(self._text(text, sandhi))

    def annotate_html(self, html_fragment: str, form: str = "ruby", *, sandhi: bool = True) -> str:
        """Annotate the text nodes of an HTML fragment (``form``: "ruby" for the site, "print" for PDFs)."""
        return ruby.annotate_html(self, html_fragment, form, sandhi=sandhi)

    def search_keys(self, text: str, terms: Iterable[str] = ()) -> list[str]:
        """Compact pinyin search keys for ``text``; ``terms`` (glossary terms) always get keys when they
        occur. See ``generator.zh.search``."""
        return search.search_keys(text, self, terms)

    def cache_info(self) -> object:
        """Hit/miss statistics of the per-run cache (for the speed bench)."""
        return self._run.cache_info()


@lru_cache(maxsize=1)
def default_pinyin() -> Pinyin:
    """A shared reader without project overrides (slugs and sort keys use it, so they never depend on
    an editor's overrides)."""
    return Pinyin()
