"""A small HTML → Markdown converter for question text that comes from Moodle as HTML.

Moodle writes question text as HTML (GIFT ``[html]``, or its default "Moodle auto-format", which
allows tags). Our content is Markdown and ``dandelion check`` refuses raw HTML, so imported HTML
is turned into the Markdown it means: paragraphs, line breaks, bold, italics, code, lists and
links. Everything else keeps its text and loses its tag; images, media and scripts are dropped and
reported, because the site cannot show a picture that lives inside someone's Moodle.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_DROP_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "video", "audio", "svg", "math"}
_REPORTED = {"img": "an image", "iframe": "an embedded page", "video": "a video", "audio": "a sound", "object": "an embedded object",
             "table": "a table (its cells were kept as text)", "svg": "a drawing", "math": "a formula"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "section", "article"}
_TAG_RE = re.compile(r"<\s*/?\s*[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?\s*>")


def looks_like_html(text: str) -> bool:
    return bool(_TAG_RE.search(text))


class _Converter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropped: dict[str, None] = {}
        self.skip = 0
        self.lists: list[list[int]] = []  # per open list: [is_ordered, counter]
        self.links: list[str | None] = []
        self.pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _REPORTED:
            self.dropped[_REPORTED[tag]] = None
        if tag in _DROP_WITH_CONTENT:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in _BLOCK:
            self.out.append("\n\n")
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.out.append("**")
            if tag == "pre":
                self.pre += 1
        elif tag == "br":
            self.out.append("\n")
        elif tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag == "code" and not self.pre:
            self.out.append("`")
        elif tag in ("ul", "ol"):
            self.lists.append([tag == "ol", 0])
            self.out.append("\n\n")
        elif tag == "li":
            self.out.append("\n")
            if self.lists:
                entry = self.lists[-1]
                entry[1] += 1
                self.out.append("   " * (len(self.lists) - 1) + (f"{entry[1]}. " if entry[0] else "- "))
            else:
                self.out.append("- ")
        elif tag == "a":
            href = dict(attrs).get("href") or ""
            ok = re.match(r"^(https?:|mailto:)", href.strip(), re.I)
            self.links.append(href.strip() if ok else None)
            if ok:
                self.out.append("[")
        elif tag in ("td", "th"):
            self.out.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "img", "hr"):
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_WITH_CONTENT:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag in _BLOCK:
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.out.append("**")
            if tag == "pre":
                self.pre = max(0, self.pre - 1)
            self.out.append("\n\n")
        elif tag in ("strong", "b"):
            self.out.append("**")
        elif tag in ("em", "i"):
            self.out.append("*")
        elif tag == "code" and not self.pre:
            self.out.append("`")
        elif tag in ("ul", "ol"):
            if self.lists:
                self.lists.pop()
            self.out.append("\n\n")
        elif tag == "a" and self.links:
            href = self.links.pop()
            if href:
                self.out.append(f"]({href})")

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if not self.pre:
            data = re.sub(r"\s+", " ", data)
        # Text that HTML showed literally must stay literal in Markdown.
        data = data.replace("\\", "\\\\").replace("*", "\\*").replace("`", "\\`").replace("<", "&lt;")
        self.out.append(data)


def html_to_markdown(text: str) -> tuple[str, list[str]]:
    """Markdown for an HTML fragment, and what was dropped (``["an image", …]``)."""
    conv = _Converter()
    conv.feed(text)
    conv.close()
    md = "".join(conv.out)
    md = re.sub(r"[ \t]+\n", "\n", md)
    md = re.sub(r"\n[ \t]+(?=[^ \t])(?![0-9]+\. |- )", "\n", md)
    md = re.sub(r"\n{3,}", "\n\n", md)
    md = md.replace("****", "")
    return md.strip(), list(conv.dropped)
