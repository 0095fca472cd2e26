"""Pinyin annotation as HTML: ``<ruby>`` for the site, inline-blocks for WeasyPrint.

Site form (``ruby_html``): one ``<ruby>字<rt>zì</rt></ruby>`` per Han character. One ruby per character
keeps each syllable over its own character and lets lines break between characters. A Han character and
the closing punctuation after it (，。！？ …) or the opening punctuation before it (“《（ …) are wrapped in
``<span class="zh-nobr">`` so that a line never starts with ，。 or ends with “《; ``RUBY_CSS`` gives that
span ``white-space: nowrap``.

Print form (``print_ruby_html``): WeasyPrint does not lay out ``<ruby>`` (its issue #406), so each Han
character becomes an inline-block of two lines, the syllable over the character::

    <span class="py-c"><span class="py-t">zì</span>字</span>

Inline-blocks sit on the baseline of their last line, the character, so they line up with punctuation and
Latin text set normally between them. Lines may break between any two groups (WeasyPrint and browsers
break between inline-blocks); punctuation is kept with its character inside a ``<span class="py-g">``
(``white-space: nowrap``), so a line never starts with ，。 or ends with “《. ``PRINT_RUBY_CSS`` is the
stylesheet the print form needs; the kit template includes it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from generator.zh.core import SyllableReader

__all__ = [
    "CLOSING_PUNCTUATION",
    "OPENING_PUNCTUATION",
    "PRINT_RUBY_CSS",
    "RUBY_CSS",
    "annotate_html",
    "print_ruby_html",
    "ruby_html",
]

# Characters that must not start a line (they close something or end a clause) and that must not end one.
CLOSING_PUNCTUATION = frozenset("，。、；：！？）》〉」』】〕〗’”…—·‥％‰,.;:!?)]}%")
OPENING_PUNCTUATION = frozenset("（《〈「『【〔〖‘“([{")

RUBY_CSS = """\
/* Pinyin annotation on the site (generator.zh.ruby.ruby_html). */
ruby { ruby-position: over; }
ruby > rt { font-size: 0.55em; padding: 0 0.15em; font-family: "Noto Sans", "DejaVu Sans", sans-serif; }
.zh-nobr { white-space: nowrap; }
"""

PRINT_RUBY_CSS = """\
/* Pinyin annotation in print (generator.zh.ruby.print_ruby_html); WeasyPrint does not lay out <ruby>. */
.py-g { white-space: nowrap; }
.py-c {
  display: inline-block;
  text-align: center;
  text-indent: 0;
  min-width: 1em;
  line-height: 1.25;
  vertical-align: baseline;
}
.py-t {
  display: block;
  font-size: 0.5em;
  line-height: 1.3;
  padding: 0 0.15em; /* long syllables widen their cell: keep them apart */
  white-space: nowrap;
  font-family: "Noto Sans", "DejaVu Sans", sans-serif;
  letter-spacing: 0;
}
"""


def _groups(pairs: Sequence[tuple[str, str | None]]) -> list[list[tuple[str, str | None]]]:
    """Split annotated characters into groups that must stay on one line.

    A group is: opening punctuation, then one Han character, then closing punctuation. Other characters
    (Latin, digits, spaces) form groups of their own: one character each, so the browser's own breaking
    rules apply to them.
    """
    groups: list[list[tuple[str, str | None]]] = []
    pending_open: list[tuple[str, str | None]] = []
    for ch, syl in pairs:
        if syl is not None:
            groups.append([*pending_open, (ch, syl)])
            pending_open = []
        elif ch in OPENING_PUNCTUATION:
            pending_open.append((ch, syl))
        elif ch in CLOSING_PUNCTUATION and groups and not pending_open and groups[-1][-1][0] != " ":
            groups[-1].append((ch, syl))
        else:
            groups.extend([[p] for p in pending_open])
            pending_open = []
            groups.append([(ch, syl)])
    groups.extend([[p] for p in pending_open])
    return groups


def _has_han(group: list[tuple[str, str | None]]) -> bool:
    return any(syl is not None for _, syl in group)


def ruby_html(pairs: Sequence[tuple[str, str | None]]) -> str:
    """Site markup for (character, syllable) pairs as returned by ``Pinyin.syllables``."""
    out: list[str] = []
    for group in _groups(pairs):
        parts = [
            f"<ruby>{html.escape(ch)}<rt>{html.escape(syl)}</rt></ruby>" if syl is not None else html.escape(ch)
            for ch, syl in group
        ]
        if len(group) > 1 and _has_han(group):
            out.append(f'<span class="zh-nobr">{"".join(parts)}</span>')
        else:
            out.append("".join(parts))
    return "".join(out)


def print_ruby_html(pairs: Sequence[tuple[str, str | None]]) -> str:
    """WeasyPrint markup for (character, syllable) pairs; needs ``PRINT_RUBY_CSS``."""
    out: list[str] = []
    for group in _groups(pairs):
        if _has_han(group):
            cells = "".join(
                f'<span class="py-c"><span class="py-t">{html.escape(syl)}</span>{html.escape(ch)}</span>'
                if syl is not None
                else html.escape(ch)
                for ch, syl in group
            )
            out.append(f'<span class="py-g">{cells}</span>')
        else:
            out.append("".join(html.escape(ch) for ch, _ in group))
    return "".join(out)


# -- HTML fragments ----------------------------------------------------------------------------------------

# Text inside these elements is never annotated: code, scripts, existing ruby, form fields, SVG/MathML.
_SKIP_TAGS = frozenset(
    {
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "textarea",
        "ruby",
        "rt",
        "rp",
        "svg",
        "math",
        "title",
        "head",
        "option",
        "select",
    }
)
_TOKEN = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>|<\?[^>]*>|</?[A-Za-z][^>]*>", re.S)
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9:-]*)")


def annotate_html(reader: SyllableReader, fragment: str, form: str = "ruby", *, sandhi: bool = True) -> str:
    """Annotate every text node of an HTML ``fragment`` (rendered Markdown, a title …).

    Tags, attributes and comments are kept byte for byte; text inside ``_SKIP_TAGS`` is kept as is;
    other text is unescaped, annotated and escaped again. ``form`` is "ruby" (site) or "print";
    ``sandhi`` marks the tone changes of 一 and 不, as readers' ruby does by default.
    """
    if form not in ("ruby", "print"):
        raise ValueError(f"form must be 'ruby' or 'print', not {form!r}")
    markup = ruby_html if form == "ruby" else print_ruby_html

    def convert(chunk: str) -> str:
        return markup(reader.syllables(chunk, sandhi=sandhi))

    out: list[str] = []
    skip_depth: dict[str, int] = {}
    pos = 0

    def text(chunk: str) -> None:
        if not chunk:
            return
        if any(skip_depth.values()):
            out.append(chunk)
        else:
            out.append(convert(html.unescape(chunk)))

    for match in _TOKEN.finditer(fragment):
        text(fragment[pos : match.start()])
        tag = match.group()
        out.append(tag)
        pos = match.end()
        name_match = _TAG_NAME.match(tag)
        if not name_match:
            continue
        name = name_match.group(1).lower()
        if name not in _SKIP_TAGS or tag.endswith("/>"):
            continue
        if tag.startswith("</"):
            skip_depth[name] = max(0, skip_depth.get(name, 0) - 1)
        else:
            skip_depth[name] = skip_depth.get(name, 0) + 1
    text(fragment[pos:])
    return "".join(out)
