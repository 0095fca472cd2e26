"""Markdown content → safe HTML, for places that need HTML rather than Markdown (quiz data, PDFs).

Content Markdown is rendered with Python-Markdown and then sanitised with nh3 (Rust's ammonia):
even if a hostile string slipped past the content checks, no script, event handler or foreign
URL scheme survives.
"""

from __future__ import annotations

import functools
import html as _html
import json
from typing import Any

import markdown as _markdown
import nh3

_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "code", "pre", "blockquote", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td", "sub", "sup", "kbd", "mark", "abbr", "small", "hr", "span", "del",
    "ruby", "rt", "rp",
}
_ATTRS = {"a": {"href", "title"}, "abbr": {"title"}, "span": {"class"}, "td": {"align"}, "th": {"align"}}


@functools.lru_cache(maxsize=8192)
def markdown_to_html(text: str, *, inline: bool = False) -> str:
    """Render Markdown and sanitise the result; ``inline`` strips a single wrapping <p>."""
    html = _markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    clean = nh3.clean(html, tags=_TAGS, attributes=_ATTRS, url_schemes={"http", "https", "mailto"}, link_rel="noopener")
    if inline and clean.startswith("<p>") and clean.endswith("</p>") and clean.count("<p>") == 1:
        clean = clean[3:-4]
    return clean


def escape_text(text: str) -> str:
    """Plain text → HTML text."""
    return _html.escape(text, quote=True)


def embed_json(obj: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: nothing in it can end the script."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
