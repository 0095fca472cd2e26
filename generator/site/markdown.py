"""Putting content into generated Markdown safely.

Plain texts (titles, labels) are escaped so that ``*``, ``_``, ``<`` or ``[`` in a title are shown,
not interpreted. Markdown texts (bodies, notes) are inserted as Markdown with their headings
shifted below the page's own headings. ``resolve`` has already refused raw HTML in Markdown texts.
"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}!|~])")
_HEADING = re.compile(r"^(#{1,6})(\s)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def escape_inline(text: str) -> str:
    """Plain text → Markdown that displays exactly that text on one line."""
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\s*)([#+\-]|\d+\.)(\s)", lambda m: m.group(1) + "\\" + m.group(2) + m.group(3), text)
    return " ".join(text.split())


def escape_attr(text: str) -> str:
    """Plain text for an HTML attribute value or element content in a raw HTML block."""
    return html.escape(" ".join(text.split()), quote=True)


def block(text: str, shift: int = 0, indent: int = 0) -> str:
    """A Markdown text with headings pushed down ``shift`` levels and every line indented."""
    lines = []
    in_fence = False
    for line in text.strip("\n").splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and shift:
            m = _HEADING.match(line)
            if m:
                level = min(6, len(m.group(1)) + shift)
                line = "#" * level + line[len(m.group(1)) :]
        lines.append((" " * indent + line) if line.strip() else "")
    return "\n".join(lines)


def plain(text: str) -> str:
    """Markdown text reduced to plain text (for descriptions and meta tags)."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"[*_`#>]", "", text)
    return " ".join(text.split())
