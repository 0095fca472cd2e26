"""Content text → safe HTML: the one path every content field takes to every output.

A Markdown field (a lesson body, a quiz prompt, a glossary definition …) is rendered here once, for
the site pages, the quiz and training data and the kit PDFs alike: :func:`render` runs
Python-Markdown, rewrites the project's own links (``lesson:ID#section``, ``page:help`` …) for the
medium, adds pinyin ruby when asked, and then passes the result through one sanitiser (nh3, Rust's
ammonia) with an allow-list of only what content needs. The sanitiser runs last and parses the HTML
as a browser does, so whatever a hostile text smuggles past Python-Markdown (HTML comments,
processing instructions, CDATA-like openers, ``javascript:`` reference definitions inside a
blockquote, list item or admonition, entity-encoded schemes, attribute lists …) comes out as inert
text or not at all: no element that can run a script, no event handler, no link other than http,
https, mailto, tel or a relative one. ``dandelion check`` still refuses raw HTML and unsafe links with
file and line (an editor's lint); this module is the guard.

The site engine then only lays the already-safe HTML out: page templates embed it as raw HTML
blocks, which Python-Markdown (in MkDocs) stores away and writes back untouched.

Plain-text fields (titles, labels, names) are never rendered as Markdown; :func:`escape_text` and
:func:`embed_json` escape them for HTML and for ``<script type="application/json">``.
"""

from __future__ import annotations

import functools
import html as _html
import json
import re
import threading
from collections.abc import Callable
from typing import Any

import markdown as _markdown
import nh3

from . import links
from .zh.slug import slugify

#: Turns a content link (``lesson:ID#section``) into the URL for the medium, or None for "its words only".
LinkTarget = Callable[[links.Link], "str | None"]
#: Adds pinyin to the text nodes of an HTML fragment (``Pinyin.annotate_html`` with its form).
Annotate = Callable[[str], str]

#: What content Markdown may use: the features the site has always offered (tables, lists, admonitions,
#: collapsible ``???`` blocks, definition lists, fenced code) and heading anchors. No ``attr_list``
#: (it adds any attribute) and no ``md_in_html``.
_EXTENSIONS = ["tables", "sane_lists", "admonition", "def_list", "pymdownx.details", "pymdownx.superfences", "toc"]

#: Material's admonition types (and their aliases): the only classes an admonition may carry.
ADMONITION_TYPES = frozenset({
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check", "done",
    "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing", "danger", "error",
    "bug", "example", "quote", "cite",
})
#: Ruby for the site (``zh-nobr``) and the print form WeasyPrint lays out (``py-*``); see generator.zh.ruby.
_RUBY_CLASSES = {"zh-nobr", "py-c", "py-t", "py-g"}

TAGS = frozenset({
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "code", "pre", "blockquote",
    "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "sub", "sup", "kbd", "mark", "abbr",
    "small", "hr", "span", "del", "div", "details", "summary", "dl", "dt", "dd", "ruby", "rt", "rp",
})
_ATTRIBUTES = {
    "a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}, "details": {"open"},
    "td": {"align", "style"}, "th": {"align", "style"},
    **{f"h{level}": {"id"} for level in range(2, 7)},
}
_CLASSES = {
    "a": {"headerlink"},
    "div": {"admonition", *ADMONITION_TYPES},
    "details": set(ADMONITION_TYPES),
    "p": {"admonition-title"},
    "span": _RUBY_CLASSES,
}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
#: Heading anchors: a slug, never one of the page's own element ids (``dl-quiz-data-…`` would let a
#: heading stand in for the quiz data) nor Material's (``__drawer`` …).
_SAFE_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")

_HEADING = re.compile(r"^(#{1,6})(\s)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def render(
    text: str,
    *,
    inline: bool = False,
    shift: int = 0,
    link: LinkTarget | None = None,
    annotate: Annotate | None = None,
) -> str:
    """One content field (Markdown) as sanitised HTML.

    ``inline`` drops the ``<p>`` around a one-paragraph text (options, list items); ``shift`` pushes
    headings down below the page's own; ``link`` turns content links into URLs for the medium (None:
    they keep their words only); ``annotate`` adds pinyin ruby. The sanitiser runs after all of them.
    """
    if not text.strip():
        return ""
    if link is None and annotate is None:
        return _render_words_only(text, inline, shift)
    source = links.rewrite(text, link or (lambda _target: None))
    if annotate is None:
        return _sanitised(source, shift, inline)
    return _finish(sanitise(annotate(_markdown_html(source, shift))), inline)


@functools.lru_cache(maxsize=16384)
def _render_words_only(text: str, inline: bool, shift: int) -> str:
    """:func:`render` without link targets or pinyin: a pure function of its arguments, so kept (the
    slides measure each block of a section this way, then render the same blocks again)."""
    return _sanitised(links.rewrite(text, lambda _target: None), shift, inline)


@functools.lru_cache(maxsize=16384)
def _sanitised(source: str, shift: int, inline: bool) -> str:
    """Finished HTML of Markdown whose links are already rewritten: kept, because the same text with the
    same links turns up on many pages (a glossary entry on the glossary and on each lesson that uses it;
    two of every five texts of a site were repeats)."""
    return _finish(sanitise(_markdown_html(source, shift)), inline)


def _finish(out: str, inline: bool) -> str:
    out = out.strip()
    if inline and out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


def sanitise(html: str) -> str:
    """HTML reduced to the allow-list: content tags, no script-capable element, attribute or URL."""
    return nh3.clean(
        html, tags=set(TAGS), attributes=_ATTRIBUTES, allowed_classes=_CLASSES, attribute_filter=_attribute,
        url_schemes=set(URL_SCHEMES), filter_style_properties={"text-align"}, link_rel=None,
        clean_content_tags={"script", "style"},
    )


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id":
        return value if _SAFE_ID.fullmatch(value) and not value.startswith("dl-") else None
    return value


def plain_text(text: str) -> str:
    """Markdown → plain text on one line (descriptions, card summaries, first sentences on paper)."""
    rendered = nh3.clean(_markdown_html(links.rewrite(text, lambda _target: None), 0), tags=set())
    return " ".join(_html.unescape(rendered).split())


_renderers = threading.local()


def _renderer() -> _markdown.Markdown:
    """This thread's Python-Markdown instance, reset for the next text.

    Making an instance registers every extension and deep-copies its settings: that cost more than
    converting a typical field, and a build of 200 lessons converts some 19,000 fields (a fifth of the
    build's time went into making instances). ``reset()`` clears everything one conversion leaves behind."""
    renderer = getattr(_renderers, "markdown", None)
    if renderer is None:
        renderer = _markdown.Markdown(
            extensions=_EXTENSIONS,
            extension_configs={"toc": {"permalink": "#", "slugify": heading_slug}},
            output_format="html",
        )
        _renderers.markdown = renderer
    return renderer.reset()


@functools.lru_cache(maxsize=16384)
def _markdown_html(text: str, shift: int) -> str:
    """Python-Markdown's HTML (not yet sanitised) for ``text`` with headings shifted ``shift`` levels."""
    html = _renderer().convert(_shift_headings(text, shift) if shift else text)
    # The page owns its one <h1>; a content heading of level 1 (ATX or setext) becomes h2, keeping its id,
    # so its permalink never points at an anchor the sanitiser removed with the h1.
    return _LEVEL_ONE.sub(r"<\1h2", html)


_LEVEL_ONE = re.compile(r"<(/?)h1\b")


def heading_slug(value: str, separator: str = "-") -> str:
    """Anchor of a heading, in content and on the page alike: pinyin for Chinese (教学目标 →
    jiao-xue-mu-biao), where Python-Markdown's own slugify drops every Han character and numbers the
    headings _1, _2 …; never ``dl-…``, the prefix of the page's own element ids (a heading named
    "dl quiz data basics" must not stand in for the quiz data)."""
    slug = slugify(value, fallback="section")
    return ("section-" + slug if slug.startswith("dl-") else slug).replace("-", separator)


def _shift_headings(text: str, shift: int) -> str:
    """``text`` with ATX headings (outside fenced code) pushed down ``shift`` levels, at most to h6."""
    lines = []
    in_fence = False
    for line in text.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            found = _HEADING.match(line)
            if found:
                line = "#" * min(6, len(found.group(1)) + shift) + line[len(found.group(1)):]
        lines.append(line)
    return "\n".join(lines)


def escape_text(text: str) -> str:
    """Plain text → HTML text, safe in element content and in a quoted attribute value."""
    return _html.escape(text, quote=True)


def embed_json(obj: Any) -> str:
    """JSON that is safe inside ``<script type="application/json">``: nothing in it can end the script."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )
