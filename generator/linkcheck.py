"""After a build: every internal link and anchor of the output resolves.

Pages link to each other with relative URLs (the site works from ``file://``), content links to sections
(``lesson:id#section``) and kits to files; a renamed section or a kit that is no longer made leaves a dead
link that no content check can see, because only the built pages know their anchors. This reads every
HTML page of an output folder once, collects the ids it defines, and checks every relative ``href`` and
``src`` (page, file, ``#anchor``). Links to other hosts are not followed (the site must not make requests
anyway); ``mailto:`` and ``tel:`` are fine.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

_LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("img", "src"), ("script", "src"), ("source", "src"),
                    ("iframe", "src"), ("area", "href"), ("video", "src"), ("audio", "src")}


@dataclass(frozen=True)
class BrokenLink:
    page: str  # relative to the output folder
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url} ({self.reason})"


#: Text no link or id inside counts: comments, and what scripts, styles and text areas hold (a script may
#: carry "<a href=…>" in a string); a script's own tag stays (its ``src`` is a link).
_OPAQUE = re.compile(r"<!--.*?-->|(<(script|style|textarea)\b[^>]*>).*?</\2\s*>", re.S | re.I)
_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^>]*)?)>")
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


@dataclass
class _Page:
    """What the link check needs of one page: the ids it defines, the URLs it links to, its ``<base>``."""

    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    base: str | None = None


def _read_page(markup: str) -> _Page:
    """The ids and links of a page of the built site.

    A scan of start tags with regular expressions rather than a full HTML parser: the build's own pages
    are well-formed, and a parser was most of the check's time (10 s at 200 lessons)."""
    page = _Page()
    text = _OPAQUE.sub(lambda found: found.group(1) or "", markup)
    for tag_match in _START_TAG.finditer(text):
        tag = tag_match.group(1).lower()
        for found in _ATTRIBUTE.finditer(tag_match.group(2)):
            raw = next((value for value in found.groups()[1:] if value is not None), None)
            if raw is None:
                continue
            name, value = found.group(1).lower(), html.unescape(raw)
            if name == "id" or (name == "name" and tag == "a"):
                page.ids.add(value)
            if (tag, name) in _LINK_ATTRIBUTES:
                page.links.append(value)
            if tag == "base" and name == "href":
                page.base = value
    return page


def check_links(out: Path) -> list[BrokenLink]:
    """Every broken internal link or anchor in the HTML pages under ``out``."""
    files = {path.relative_to(out).as_posix() for path in out.rglob("*") if path.is_file()}
    pages = {rel: _read_page((out / rel).read_text(encoding="utf-8", errors="replace"))
             for rel in sorted(files) if rel.endswith(".html")}
    broken: list[BrokenLink] = []
    for rel, page in pages.items():
        if page.base is not None or rel.rsplit("/", 1)[-1] == "404.html":
            continue  # the "not found" page is shown at any depth: it links through the site's address on purpose
        for url in page.links:
            problem = _problem(files, rel, url, pages)
            if problem:
                broken.append(BrokenLink(rel, url, problem))
    return broken


def _problem(files: set[str], page: str, url: str, pages: dict[str, _Page]) -> str | None:
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc or url.startswith("//"):
        return None  # another host, mailto:, tel:, data: … are not files of this site
    if not parts.path:
        target = page
    else:
        if parts.path.startswith("/"):
            return "an absolute path breaks when the site is opened from a folder or USB stick"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        if target.startswith("../") or target == "..":
            return "leaves the site folder"
        if target not in files and posixpath.join(target, "index.html") in files:
            target = posixpath.join(target, "index.html")  # a folder: its index page
        if target not in files:
            return "no such file"
    if parts.fragment and target in pages:
        anchor = unquote(parts.fragment)
        state = "=" in anchor  # #audience=primary: a filter state the page's script reads, not an anchor
        if not state and anchor not in pages[target].ids and anchor not in ("", "top", "__search", "__drawer"):
            return f"no #{anchor} on {target}"
    return None
