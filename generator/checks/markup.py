"""Markup safety: the editor's lint of raw HTML, attribute lists, script links and Markdown images.

Texts may not carry raw HTML, attribute lists (``{: onclick=…}``), links with a scheme other than
http(s)/mailto/tel (entity-encoded and reference-style ones included) or Markdown images. Every text
is checked, not only the Markdown fields: a template that starts rendering a field as Markdown must
not open a hole. The check answers with file:line, so an editor learns where the problem is.
"""

from __future__ import annotations

import html
import re

from .. import links, model
from ..errors import Diagnostics
from ..yamlload import Document, PathKey

#: a start or end tag as HTML reads one: the tag name follows ``<`` or ``</`` directly, so plain text such
#: as "A & B < C > D" is text, not a tag ``<c>`` (browsers show it as written, and so does the sanitiser)
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>")
_ALLOWED_TAGS = {"br", "sub", "sup", "kbd", "mark", "abbr", "small"}
#: ``<https://…>`` autolinks: checked as links, not as raw HTML
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
#: inline link and image destinations: ``](dest`` or ``](<dest>`` (a line break inside is kept by
#: Markdown and dropped by browsers, so ``java⏎script:`` is read across it)
_LINK_DEST = re.compile(r"\]\(\s*(<[^>]*>|[^)]*)")
#: reference definitions ``[label]: dest`` (the destination may sit on the next line)
_REF_DEF = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)", re.M)
#: images: ``![alt](src)``, ``![alt][ref]``, ``![alt][]`` and ``![ref]``
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:\(\s*(<[^>]*>|[^)]*)|\[([^\]\n]*)\])?")
#: attribute lists with key=value pairs (Python-Markdown's attr_list would add any attribute)
_ATTR_LIST = re.compile(r"\{:?[ ]*[^}\n ][^}\n]*=[^}\n]*\}")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
#: one-line code spans: their content is shown as text, so `<br>` in backticks is no HTML. A span
#: never crosses a line: an HTML block starting on the next line would be live.
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)[^\n]*?(?<!`)\1(?!`)")
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def check_markup(text: model.Text, doc: Document, path: PathKey, diagnostics: Diagnostics) -> None:
    """Every language of ``text``, reported at the language's line when the text has several."""
    for lang, value in text.values.items():
        where = doc.loc((*path, lang) if len(text.values) > 1 else path)
        for message in markup_problems(value):
            diagnostics.error(where, message, code="DL501")


def markup_problems(original: str) -> list[str]:
    """What in one string would let a text run a script or load something from another host."""
    problems = []
    value = _CODE_SPAN.sub("", original)
    for match in _HTML_TAG.finditer(value):
        if match.group(3).startswith(":") and _AUTOLINK.fullmatch(match.group(0)):
            continue  # an autolink such as <https://…>: its scheme is checked below
        tag = match.group(2).lower()
        if tag not in _ALLOWED_TAGS or match.group(3).strip() not in ("", "/"):
            problems.append(f"raw HTML <{tag}> is not allowed in Markdown text: write Markdown (only plain {', '.join(sorted(_ALLOWED_TAGS))} tags pass)")
            break
    if _ATTR_LIST.search(value):
        problems.append("attribute lists such as {: key=value } are not allowed in text: they can add scripts to the page")
    refs = {_ref_label(label): dest for label, dest in _REF_DEF.findall(value)}
    dests = [*_LINK_DEST.findall(value), *refs.values(), *_AUTOLINK.findall(value)]
    for scheme in sorted({s for s in (_scheme(d) for d in dests) if s and s not in _SAFE_SCHEMES and s not in links.KINDS}):
        problems.append(f"a link with a {scheme}: address is not allowed: link with http(s) addresses or to pages of this site")
    for match in _MD_IMAGE.finditer(value):
        alt, inline, ref = match.groups()
        if inline is not None:
            src = inline
        else:
            src = refs.get(_ref_label(ref or alt))
            if src is None:
                continue  # "![x]" that is not an image
        src = _clean_url(src)
        if _SCHEME.match(src) or src.startswith("//"):
            problems.append(f"image from another host ({src}): the site must work offline; copy it into content/images/ and use a section `image:`")
        else:
            problems.append(f"images in Markdown text are not supported ({src}): use the section's `image:` field with alt text")
    return problems


def _ref_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _clean_url(dest: str) -> str:
    """A link destination as a browser reads it: entities decoded, tabs and line breaks dropped,
    a link title (``(url "title")``) cut off."""
    dest = dest.strip()
    if dest.startswith("<") and dest.endswith(">"):
        dest = dest[1:-1]
    dest = re.sub(r"[\t\n\r]", "", html.unescape(dest))
    dest = dest.strip(" ").split(" ", 1)[0]
    return dest.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")


def _scheme(dest: str) -> str | None:
    found = _SCHEME.match(_clean_url(dest))
    return found.group(1).lower() if found else None
