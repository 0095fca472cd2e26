"""Links between pages of the site, written in content as ``[text](lesson:ID#section)``.

Editors cannot know where a page will sit relative to another (site, print kit, quiz data), so content
names the target instead of writing a path: ``lesson:ID`` (optionally ``#section-id``), ``quiz:ID``,
``event:ID``, ``training:ID``, ``glossary:ID`` and ``page:NAME`` for the site's fixed pages (``help``,
``laws``, ``glossary``, …). ``dandelion check`` refuses a target that does not exist; each renderer
turns the links into what its medium can use (:func:`rewrite`): a relative URL on the site, the full
address or plain text on paper.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

#: The site's fixed pages, by the name content uses after ``page:``.
PAGES = {
    "home": "index.md",
    "lessons": "lessons/index.md",
    "events": "events/index.md",
    "quizzes": "quizzes/index.md",
    "training": "training/index.md",
    "glossary": "glossary.md",
    "laws": "laws.md",
    "help": "help.md",
    "lecturers": "lecturers.md",
    "kits": "kits.md",
}
KINDS = ("lesson", "quiz", "event", "training", "glossary", "page")

_LINK = re.compile(
    r"\[(?P<label>[^\]\n]*)\]\(\s*(?P<kind>" + "|".join(KINDS) + r"):(?P<id>[A-Za-z0-9_-]*)"
    r"(?:#(?P<anchor>[A-Za-z0-9_-]*))?\s*\)"
)


@dataclass(frozen=True)
class Link:
    label: str
    kind: str
    id: str
    anchor: str | None
    offset: int

    @property
    def site_path(self) -> str:
        """The target as a site page path (``lessons/x.md#sec``), for :func:`generator.site` links."""
        if self.kind == "page":
            path = PAGES[self.id]
        elif self.kind == "glossary":
            path = f"glossary.md#{self.id}"
        else:
            folder = {"lesson": "lessons", "quiz": "quizzes", "event": "events", "training": "training"}[self.kind]
            path = f"{folder}/{self.id}.md"
        return path + (f"#{self.anchor}" if self.anchor and self.kind != "glossary" else "")


def _link(match: re.Match[str]) -> Link:
    return Link(match["label"], match["kind"], match["id"], match["anchor"], match.start())


def find(text: str) -> Iterator[Link]:
    """Every internal link in a Markdown text."""
    return (_link(match) for match in _LINK.finditer(text))


def rewrite(text: str, url: Callable[[Link], str | None]) -> str:
    """``text`` with each internal link's target replaced by ``url(link)``; where that is None, the
    link becomes its label (paper without a site address)."""
    if "](" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        target = url(_link(match))
        return match["label"] if target is None else f"[{match['label']}]({target})"

    return _LINK.sub(one, text)
