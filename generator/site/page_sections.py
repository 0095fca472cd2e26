"""A page's search sections, cut from the engine's HTML before the finished blocks go back in.

Material's search plugin reads every finished page with Python's HTML parser to cut it into sections (a
section per heading with an id) — about a sixth of the engine's time, all of it in pure-Python parser
callbacks, for text that Dandelion then turns into its own index (``search_index``). Here the sections
come from the page as the engine converted it while its finished blocks are still tokens
(``html_blocks``): the headings with ids are then the page's own Markdown headings, so the cut is a
scan of a small text, and each section's blocks are put back afterwards. The entries are Material's
(``location``, ``title``, ``text``: the text with the tags Material drops removed), so after
``search_index.plain_text`` they are what Material's parser gives (tests/site/test_page_sections.py).

:func:`entries` returns None when the page is not of that simple shape (a heading with an id inside a
block, a list or a quotation; a page whose blocks were not stashed); the engine then asks Material.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .html_blocks import VOID_TAGS, restore_html

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)\b([^>]*)>")
_HEADING = re.compile(r"h[1-6]")
_ID = re.compile(r"""\sid=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_ID_HEADING = re.compile(r"<h[1-6]\b[^>]*\sid=", re.I)
# Material keeps these tags in an entry, bare; it drops every other tag and the text of the skipped ones.
_KEPT = frozenset(["p", "code", "pre", "li", "ol", "ul", "sub", "sup"])
_ANY_TAG = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9-]*)[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
_SKIPPED = re.compile(r"<(script|style|object)\b[^>]*>.*?</\1\s*>", re.S | re.I)
# Material's parser treats these its own way (left out of search; line numbers; comments, declarations)
_OTHER_SHAPES = ("data-search-exclude", "linenodiv", "<!", "<?")
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def entries(converted: str, blocks: Mapping[str, str], url: str, page_title: str) -> list[dict[str, str]] | None:
    """The search entries of a page from its converted HTML with block tokens (see module doc), or None."""
    if any(mark in converted for mark in _OTHER_SHAPES):
        return None
    cuts: list[tuple[int, int, str, str, str]] = []  # (start, end, tag, id, title HTML) of each id'ed heading
    depth = 0
    open_heading: tuple[int, str, str, int] | None = None  # (start, tag, id, end of start tag)
    for match in _TAG.finditer(converted):
        closing, name = match.group(1) == "/", match.group(2).lower()
        if open_heading is not None:
            if closing and name == open_heading[1]:
                start, tag, anchor, inner = open_heading
                cuts.append((start, match.end(), tag, anchor, converted[inner : match.start()]))
                open_heading = None
            continue
        if name in VOID_TAGS:
            continue
        if closing:
            depth -= 1
            continue
        if _HEADING.fullmatch(name):
            found = _ID.search(match.group(3))
            if found is not None:
                if depth:
                    return None  # a heading inside another element: Material's nesting rules apply
                open_heading = (match.start(), name, next(g for g in found.groups() if g is not None), match.end())
                continue
        depth += 1
    if open_heading is not None:
        return None
    sections: list[tuple[str | None, str, str]] = []  # (id, title HTML, text HTML with tokens)
    first = cuts[0] if cuts else None
    if first is None or first[0] > 0 or first[2] != "h1":
        sections.append((None, "", converted[: first[0] if first else len(converted)]))
    for number, (_start, end, _tag, anchor, title) in enumerate(cuts):
        following = cuts[number + 1][0] if number + 1 < len(cuts) else len(converted)
        sections.append((anchor if sections else None, title, converted[end:following]))
    out = []
    for anchor, title, text in sections:
        restored = restore_html(text, blocks)
        if _ID_HEADING.search(restored) or any(mark in restored for mark in _OTHER_SHAPES):
            return None  # a block holds a heading with an id (a section Material would cut there), a comment …
        title_text = _kept(_PERMALINK.sub("", title)).strip() or page_title
        out.append({"location": url + (f"#{anchor}" if anchor else ""), "title": title_text,
                    "text": _kept(restored).strip()})
    return out


def _kept(fragment: str) -> str:
    """The HTML with what Material drops from an entry dropped: script/style/object with their text,
    every tag but p, code, pre, li, ol, ul, sub and sup."""
    return _ANY_TAG.sub(_bare_if_kept, _SKIPPED.sub("", fragment))


def _bare_if_kept(match: re.Match[str]) -> str:
    name = match.group(2).lower()
    return f"<{match.group(1)}{name}>" if name in _KEPT else ""
