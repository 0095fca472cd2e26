"""Putting plain text into generated page Markdown safely.

Plain texts (titles, labels) are escaped so that ``*``, ``_``, ``<`` or ``[`` in a title are shown,
not interpreted. Markdown fields (bodies, notes) never come through here: :func:`generator.markup.render`
turns them into sanitised HTML, which the page embeds as a raw HTML block.
"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}!|~])")


def escape_inline(text: str) -> str:
    """Plain text → Markdown that displays exactly that text on one line."""
    text = html.escape(text, quote=False)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\s*)([#+\-]|\d+\.)(\s)", lambda match: match.group(1) + "\\" + match.group(2) + match.group(3), text)
    return " ".join(text.split())


def escape_attr(text: str) -> str:
    """Plain text for an HTML attribute value or element content in a raw HTML block."""
    return html.escape(" ".join(text.split()), quote=True)
