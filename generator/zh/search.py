r"""Pinyin search keys, so that typing ``bingdu``, ``bing du`` or ``bd`` finds pages with 冰毒.

Keys (``search_keys``): the text is cut into words by the same segmentation the pinyin reader uses (jieba
plus the domain phrases, so 禁毒社工 stays one word). Every *distinct* content word of two or more Han
characters — a domain phrase, a caller-given term (glossary terms), or a word jieba's dictionary tags as a
noun, verbal noun, place, abbreviation or set phrase, minus common function words (我们, 因为 …) — gives
two keys, in order of first appearance and without duplicates:

* its toneless syllables joined: 冰毒 → ``bingdu`` (ü as v: 氯胺酮 → ``lvantong``);
* its initials: ``bd`` (first letter of each syllable: 禁毒社工 → ``jdsg``).

Single characters and plain verbs, adjectives, adverbs, numerals … get no keys: people look a page up by its
topic, and keying every word would cost about 25–30 % of the index instead of about 15–20 %. Keys use the
project's readings (处罚 → ``chufa``, overrides included).

How the site uses them (the lead wires this into MkDocs Material's search):

1. Index: compute the keys once per *page* (``Pinyin.search_keys(title + text, terms=glossary terms)``),
   and add them, space-separated, to the text of that page's first search entry, e.g. in a post-build
   step over ``search/search_index.json`` (or in an element the indexer reads but readers don't see).
   Keys are plain ASCII words, so lunr keeps them whole; its stemmer treats index and query alike.
2. Query: ``query_variants`` gives what to search for. An ASCII-letters-and-spaces query also gets its
   spaces squeezed out (``bing du`` → ``bing du bingdu``), so multi-syllable input works with or without
   spaces; in JavaScript: ``/^[a-z]+( +[a-z]+)+$/i.test(q) ? q + " " + q.replace(/\s+/g, "") : q``.
   Material's search matches the typed prefix of the last term, so ``bing`` already finds ``bingdu``.
3. Size: ``key_overhead`` estimates the growth of the index; tests/zh checks it stays under 25 % on the
   evaluation corpus cut into ~400-character pages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from generator.zh.core import HAN_RUN, SyllableReader, cut, toneless, word_tags
from generator.zh.domain import domain_words

__all__ = ["STOPWORDS", "key_overhead", "query_variants", "search_keys", "weighted_search_keys", "words"]

# Frequent words that would match almost every page: no keys for them.
STOPWORDS = frozenset(
    """
    我们 你们 他们 她们 它们 咱们 自己 大家 别人 这个 那个 这些 那些 这样 那样 这种 那种 这里 那里 哪里 什么 怎么 怎样 为什么 如何 因为 所以 如果 但是 可是 而且 并且 或者
    还是 以及 虽然 然后 而是 不是 就是 只是 还有 已经 可以 可能 能够 应该 需要 没有 不要 不会 不能 一个 一些 一样 一定 一起 一般 通过 进行 其中 非常 比较 特别 时候 之后
    以后 之前 以前 现在 问题 情况 方面 有关 对于 关于 由于 其他 其它 各种
    """.split()  # noqa: SIM905
)


# jieba part-of-speech tags of words that get keys: nouns (n, nr, ns, nt, nz …), verbal nouns (vn), places (s),
# abbreviations (j), idioms and set phrases (i, l). Plain verbs, adverbs, adjectives, numerals, pronouns,
# time words, conjunctions, prepositions and particles don't: people look for a page by its topic, and
# those words would take the index past its size budget. Domain phrases (吸毒, 复吸, 处罚 …) and the
# caller's ``terms`` (glossary terms) always get keys.
_KEY_TAGS = ("n", "s", "j", "i", "l", "vn")


def words(text: str, pinyin: SyllableReader, terms: Iterable[str] = ()) -> list[str]:
    """Distinct content words of two or more Han characters in ``text``, in order of first appearance.

    Words are the reader's own segmentation (jieba plus domain phrases: 禁毒社工 is one word); kept are
    domain phrases and words whose jieba tag is a noun, verb, place, abbreviation or set phrase, minus
    ``STOPWORDS``.
    """
    tags = word_tags()
    terms = list(terms)
    given = set(terms)
    seen: dict[str, None] = {}
    for run in HAN_RUN.findall(text):
        for word, _ in pinyin.words(run):
            if len(word) < 2 or word in STOPWORDS or word in seen:
                continue
            if word in given or word in domain_words() or tags.get(word, "x").startswith(_KEY_TAGS):
                seen[word] = None
    for term in terms:  # a term jieba cuts differently (冰毒片 → 冰毒/片) still counts if it occurs
        if term not in seen and len(term) >= 2 and HAN_RUN.fullmatch(term) and term in text:
            seen[term] = None
    return list(seen)


def search_keys(text: str, pinyin: SyllableReader, terms: Iterable[str] = ()) -> list[str]:
    """Toneless joined pinyin and initials of each distinct content word of ``text`` (no duplicates).

    ``terms``: words that always get keys when they occur in ``text`` (pass the glossary terms).
    """
    return list(weighted_search_keys(text, pinyin, terms))


def weighted_search_keys(text: str, pinyin: SyllableReader, terms: Iterable[str] = ()) -> dict[str, int]:
    """:func:`search_keys` with how often the word behind each key occurs in ``text`` (the most frequent
    word when two words share a key), so a search ranks the pages about 冰毒 above one that names it once."""
    keys: dict[str, int] = {}
    for word in words(text, pinyin, terms):
        syllables = [toneless(s) for _, s in pinyin.syllables(word) if s]
        if len(syllables) < 2:
            continue
        count = max(1, text.count(word))
        for key in ("".join(syllables), "".join(s[0] for s in syllables)):
            keys[key] = max(keys.get(key, 0), count)
    return keys


_PINYIN_QUERY = re.compile(r"[A-Za-z]+(?:\s+[A-Za-z]+)+")


def query_variants(query: str) -> list[str]:
    """Forms of a search query to look up: itself, plus squeezed pinyin if it is spaced ASCII letters."""
    q = " ".join(query.split())
    variants = [q] if q else []
    if _PINYIN_QUERY.fullmatch(q):
        variants.append(q.replace(" ", "").lower())
    return variants


def key_overhead(text: str, pinyin: SyllableReader, terms: Iterable[str] = ()) -> float:
    """Bytes the keys add to a search index, relative to the bytes ``text`` takes in it.

    Measured the way Material writes ``search_index.json``: ``json.dumps`` with ASCII escapes (a Han
    character costs 6 bytes) of the text with a zero-width space between Chinese words (Material does that
    when jieba is installed). Titles, locations and markup are left out: the real index is larger, so its
    real growth is smaller than this ratio.
    """
    indexed = HAN_RUN.sub(lambda match: "\u200b" + "\u200b".join(cut(match.group())) + "\u200b", text)
    size = len(json.dumps(indexed.strip("\u200b")))
    keys = search_keys(text, pinyin, terms)
    added = len(" ".join(keys)) + (1 if keys else 0)
    return added / size if size else 0.0
