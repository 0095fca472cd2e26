"""After a build: every internal link and anchor of the output resolves.

Pages link to each other with relative URLs (the site works from ``file://``), content links to sections
(``lesson:id#section``) and kits to files; a renamed section or a kit that is no longer made leaves a dead
link that no content check can see, because only the built pages know their anchors. This reads every
HTML page of an output folder once, collects the ids it defines, and checks every relative ``href`` and
``src`` (page, file, ``#anchor``). Links to other hosts are not followed (the site must not make requests
anyway); ``mailto:`` and ``tel:`` are fine.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
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


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if (tag, name) in _LINK_ATTRIBUTES:
                self.links.append(value)
            if tag == "base" and name == "href":
                self.base = value


def check_links(out: Path) -> list[BrokenLink]:
    """Every broken internal link or anchor in the HTML pages under ``out``."""
    pages: dict[str, _Page] = {}
    for path in sorted(out.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        pages[path.relative_to(out).as_posix()] = parser
    broken: list[BrokenLink] = []
    for rel, page in pages.items():
        if page.base is not None or rel.rsplit("/", 1)[-1] == "404.html":
            continue  # the "not found" page is shown at any depth: it links through the site's address on purpose
        for url in page.links:
            problem = _problem(out, rel, url, pages)
            if problem:
                broken.append(BrokenLink(rel, url, problem))
    return broken


def _problem(out: Path, page: str, url: str, pages: dict[str, _Page]) -> str | None:
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
        file = out / target
        if file.is_dir():
            target = posixpath.join(target, "index.html")
            file = out / target
        if not file.is_file():
            return "no such file"
    if parts.fragment and target in pages:
        anchor = unquote(parts.fragment)
        state = "=" in anchor  # #audience=primary: a filter state the page's script reads, not an anchor
        if not state and anchor not in pages[target].ids and anchor not in ("", "top", "__search", "__drawer"):
            return f"no #{anchor} on {target}"
    return None
