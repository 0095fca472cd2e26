"""The site's search index: small files the search loads only when a reader searches, and only those a
query needs.

Why not the index MkDocs Material writes: it is one file holding every section's whole text (with a
U+200B between Chinese words: a quarter of it), requested by every page load and stored twice
(``search_index.json`` and ``search_index.js``); at 200 lessons of 1,500 characters it is 4 MB, at 800
lessons 14.5 MB. Here the same sections become

* ``search/meta.js``: how many sections, where each page's sections start, how terms are sharded;
* ``search/t-<shard>.js``: an inverted index, term → [section, weight, section, weight …], cut into
  shards by the term's first character (ASCII letters and digits: one shard each; other characters:
  ``u<code point mod HAN_SHARDS>``), so a query loads only the shards of its terms;
* ``search/d-<chunk>.js``: the sections themselves (location, title, text) in chunks of
  :data:`CHUNK` sections, loaded only for the results shown.

Terms: Chinese text is indexed by character pairs (冰毒 → 冰毒; 依托咪酯 → 依托 托咪 咪酯), so the
browser needs no dictionary to split a query the way the build did; other text by words of letters
and digits, lower-cased. Pinyin keys (``bingdu``, ``bd``, from :mod:`generator.zh.search`) are terms of
the page's first section, weighted by how often their word occurs on the page. The files are classic
scripts (``__dlSearch.add(…)``), because ``file://`` pages can load scripts but not fetch files; the
search worker (``theme/assets/javascripts/search-core.js`` + ``search-worker.js``) reads them and
answers Material's search box. The rules for cutting text into terms exist twice, here and in
``search-core.js``; ``tests/js/search.test.js`` runs both on the same strings.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

#: Shards for terms starting with a character that is not an ASCII letter or digit (Chinese, mostly).
HAN_SHARDS = 64
#: Sections per ``d-<chunk>.js`` file.
CHUNK = 24
#: A word in a section's title counts as this many occurrences in its text.
TITLE_WEIGHT = 5
#: Weights are stored as small integers.
MAX_WEIGHT = 99

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(f"[{_HAN}]+|[0-9a-z\u00c0-\u024f]+")
_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|div|h\d|br|hr|tr|td|th|table|dd|dt|dl|blockquote|pre|figure|figcaption)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u00ad\ufeff]")


@dataclass(frozen=True)
class Section:
    """One searchable section: ``location`` relative to the language's site root (``lessons/x.html#part``)."""

    location: str
    title: str
    text: str


def plain_text(markup: str) -> str:
    """The words of an index entry's HTML (Material keeps ``<p>``, ``<strong>`` …): tags dropped, entities read,
    the U+200B Material puts between Chinese words removed, white space collapsed."""
    return " ".join(html.unescape(_INVISIBLE.sub("", _TAG.sub("", _BLOCK_TAG.sub(" ", markup)))).split())


def normalise(text: str) -> str:
    """What terms are cut from: NFKC (full-width letters become ASCII), lower case, no invisible characters."""
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).lower()


def terms(text: str) -> list[str]:
    """The terms of ``text`` in order (with repeats): pairs of Han characters, a lone Han character, words."""
    out: list[str] = []
    for token in _TOKEN.findall(normalise(text)):
        if len(token) > 1 and token[0] >= "\u3400":  # a Han run (letters and digits end before U+0250)
            out += map(str.__add__, token, token[1:])
        else:
            out.append(token)
    return out


def shard(term: str) -> str:
    """The shard a term is stored in."""
    first = term[0]
    if first.isascii() and first.isalnum():
        return first
    return f"u{ord(first) % HAN_SHARDS}"


def page_of(location: str) -> str:
    return location.split("#", 1)[0]


def build_index(sections: Iterable[Section], page_keys: Mapping[str, Mapping[str, int]]) -> dict[str, str]:
    """The index files of one language's site: {file name under ``search/``: its text}.

    ``sections`` in site order (a page's own section, without ``#``, first); ``page_keys``: per page
    location, extra terms (pinyin keys) and their weights.
    """
    docs = list(sections)
    postings: dict[str, list[int]] = defaultdict(list)
    page_starts: list[int] = []
    last_page = None
    for number, section in enumerate(docs):
        page = page_of(section.location)
        if page != last_page:
            page_starts.append(number)
            last_page = page
        weights = Counter(terms(section.text))
        for term in terms(section.title):
            weights[term] += TITLE_WEIGHT
        if "#" not in section.location:
            for key, count in page_keys.get(page, {}).items():
                weights[key] += count
        for term, weight in weights.items():
            postings[term].extend((number, weight if weight < MAX_WEIGHT else MAX_WEIGHT))

    by_shard: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for term in sorted(postings):
        by_shard[shard(term)][term] = postings[term]
    shards = sorted(by_shard)
    files = {f"t-{name}.js": _script("t", name, by_shard[name]) for name in shards}
    for start in range(0, len(docs), CHUNK):
        rows = [[d.location, d.title, d.text] for d in docs[start:start + CHUNK]]
        files[f"d-{start // CHUNK}.js"] = _script("d", start // CHUNK, rows)
    meta = {"sections": len(docs), "pages": page_starts, "chunk": CHUNK, "han_shards": HAN_SHARDS, "shards": shards}
    files["meta.js"] = _script("meta", "", meta)
    return files


def _script(kind: str, name: object, data: object) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"__dlSearch.add({json.dumps(kind)},{json.dumps(str(name))},{payload});\n"


def write_index(folder: Path, files: Mapping[str, str]) -> None:
    """Write the index files into ``folder`` (a language's ``search/``), removing what was there."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        if old.is_file():
            old.unlink()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
