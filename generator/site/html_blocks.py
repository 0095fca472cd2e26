"""Finished HTML blocks kept out of the site engine's Markdown parser.

A page's Markdown (``pages.py``) is mostly HTML blocks that Dandelion has already rendered and sanitised
(:mod:`generator.markup`), between Markdown headings that the engine turns into the table of contents.
Python-Markdown would read every such block with its HTML parser only to store it away and write it back
unchanged: at 200 lessons that was about a third of the engine's time. So before the engine runs, each
top-level block is replaced by a token on a line of its own (:func:`stash_blocks`); the engine writes the
token as a one-word paragraph, and the block goes back in its place as soon as the engine has converted
the page (:func:`restore_html`), before anything reads the page's HTML (its search index, the page
template). The page comes out byte for byte as before (tests/site/test_html_blocks.py).

Only what Python-Markdown itself would have kept verbatim is stashed: a run of blank-line separated
chunks that starts at the line's first column with a block-level tag, whose elements all close inside
it and that has no text outside its elements. Anything else (a chunk that starts with an inline tag,
Markdown after an element, an element left open to the end) stays for the parser, as does every page
that asks for Markdown inside HTML (``markdown="1"``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

from markdown.util import BLOCK_LEVEL_ELEMENTS

_BLOCK_TAGS = frozenset(BLOCK_LEVEL_ELEMENTS)
VOID_TAGS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
_RAW_TEXT_TAGS = ("script", "style", "textarea")  # their content is not markup
# Phrasing elements that cannot hold a block and that sanitised HTML always closes: the scan passes over
# them (about two thirds of a page's tags). One at the top level still counts as text there.
_INLINE_TAGS = "a abbr b br code em i img kbd mark q rp rt ruby s small span strong sub sup u wbr rect text tspan"
# A start or end tag other than those; attribute values may hold ">" inside quotes. Comments and
# declarations are not matched: a chunk with one is left to the parser.
_TAG = re.compile(r"<(/?)(?!(?:" + "|".join(_INLINE_TAGS.split()) + r")[\s/>])([A-Za-z][A-Za-z0-9-]*)"
                  r"""([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>""")
_FIRST_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)[\s/>]")
# ``<div markdown>`` / ``markdown="1"``: the page wants Markdown inside HTML (md_in_html); it is left whole
_MARKDOWN_INSIDE = re.compile(r"<[^>]*\smarkdown\b")
TOKEN_PREFIX = "dlhtmlblock"  # a page whose text holds it is left whole
_TOKEN_LINE = re.compile(rf"^({TOKEN_PREFIX}[0-9a-f]{{32}})$", re.MULTILINE)
_TOKEN_PARAGRAPH = re.compile(rf"<p>({TOKEN_PREFIX}[0-9a-f]{{32}})</p>")


def stash_blocks(markdown: str, blocks: dict[str, str]) -> str:
    """``markdown`` with each top-level finished HTML block replaced by a token line; the blocks are added
    to ``blocks`` (token → HTML). A token is a hash of its block, so unchanged pages keep the same source
    (and the engine's dirty build skips them)."""
    if _MARKDOWN_INSIDE.search(markdown) or TOKEN_PREFIX in markdown:
        return markdown
    chunks = markdown.split("\n\n")
    out: list[str] = []
    index = 0
    while index < len(chunks):
        start = _FIRST_TAG.match(chunks[index])
        if start is None or start.group(1).lower() not in _BLOCK_TAGS:
            out.append(chunks[index])
            index += 1
            continue
        end = index
        unit = chunks[index]
        state = _shape(unit)
        while state == "open" and end + 1 < len(chunks):
            end += 1
            unit += "\n\n" + chunks[end]
            state = _shape(unit)
        if state != "closed":
            out.extend(chunks[index:])  # not a clean block: the parser reads it (and the rest) as before
            break
        tail = len(unit) - len(unit.rstrip("\n"))
        body = unit.rstrip("\n")
        token = TOKEN_PREFIX + hashlib.blake2b(body.encode(), digest_size=16).hexdigest()
        blocks[token] = body
        out.append(token + "\n" * tail)
        index = end + 1
    return "\n\n".join(out)


def _shape(unit: str) -> str:
    """``"closed"``: only block-level elements, all closed, no text between them; ``"open"``: so far so
    good but an element is still open; ``"other"``: anything else."""
    if "<!" in unit or "<?" in unit:
        return "other"  # a comment or declaration: the parser's to read
    stack: list[str] = []
    position = 0  # where the text after the last tag starts
    skip_to = 0  # the end of a script's (or style's) content
    for match in _TAG.finditer(unit):
        if match.start() < skip_to:
            continue
        if not stack and unit[position : match.start()].strip():
            return "other"  # text outside any element: Markdown's to read
        position = match.end()
        closing, name = match.group(1) == "/", match.group(2).lower()
        if not stack and (closing or name not in _BLOCK_TAGS):
            return "other"
        if closing:
            if not stack or stack[-1] != name:
                return "other"
            stack.pop()
        elif name in _RAW_TEXT_TAGS:
            end = unit.lower().find(f"</{name}>", position)
            if end < 0:
                return "open"
            skip_to = position = end + len(name) + 3
        elif name not in VOID_TAGS and not match.group(3).endswith("/"):
            stack.append(name)
    if stack:
        return "open"
    return "other" if unit[position:].strip() else "closed"


def restore_html(html: str, blocks: Mapping[str, str]) -> str:
    """The engine's HTML of a page with each token paragraph replaced by its block."""
    if TOKEN_PREFIX not in html:
        return html
    # Python-Markdown writes a blank line after a raw block, except at the very end of the page
    restored = _TOKEN_PARAGRAPH.sub(lambda match: blocks[match.group(1)] + "\n", html)
    return restored[:-1] if _TOKEN_PARAGRAPH.fullmatch(html, html.rfind("<p>")) else restored


def restore_markdown(markdown: str, blocks: Mapping[str, str]) -> str:
    """A stashed source with its blocks back in place (the page's Markdown as :mod:`pages` wrote it)."""
    return _TOKEN_LINE.sub(lambda match: blocks[match.group(1)], markdown)
