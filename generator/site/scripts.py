"""The site's own scripts (``theme/assets/javascripts/``): which page loads which, in what order.

Every page loads :data:`EVERY_PAGE`; a page with a quiz or a training widget adds that widget's
scripts (:data:`WIDGETS`), so the quiz and training code (most of the site's own JavaScript) is read
only where it is used. Each list is in load order: a script comes after the scripts it needs (each
script also checks this itself and fails loudly). The engine module turns the lists into script tags.
"""

from __future__ import annotations

from collections.abc import Iterable

#: The prefix of every localStorage key the site writes; ``core.js`` builds its keys from the same
#: text (a unit test compares the two), and the site's front door reads ``<prefix>lang``.
STORAGE_PREFIX = "dandelion:v1:"
#: The visitor's chosen language ("zh", "en"), as plain text: ``core.js`` keys.lang.
LANGUAGE_KEY = STORAGE_PREFIX + "lang"

#: Where the scripts live, relative to a language's site root.
FOLDER = "assets/javascripts"

#: Loaded by every page: the shared core (storage keys, strings, dates), then the site behaviour
#: (catalogue filters, pinyin switch and search, remembered language).
EVERY_PAGE: tuple[str, ...] = ("core.js", "dandelion.js")

#: Widget → the scripts it needs beyond :data:`EVERY_PAGE`, in load order.
WIDGETS: dict[str, tuple[str, ...]] = {
    "quiz": ("scoring.js", "quiz.js"),
    "training": ("scoring.js", "training.js"),
    "events": ("events.js",),
    "kits": ("kits.js",),
}


def asset_path(name: str) -> str:
    """A script's path relative to the site root, e.g. ``assets/javascripts/quiz.js``."""
    return f"{FOLDER}/{name}"


def every_page() -> list[str]:
    return [asset_path(name) for name in EVERY_PAGE]


def for_widgets(widgets: Iterable[str]) -> list[str]:
    """The extra scripts of a page showing ``widgets`` (in the order they first appear), each once."""
    out: list[str] = []
    for widget in widgets:
        for name in WIDGETS[widget]:
            if asset_path(name) not in out:
                out.append(asset_path(name))
    return out
