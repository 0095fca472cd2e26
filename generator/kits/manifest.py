"""``kits/manifest.json``: one entry per kit file, for the site's download links, tests and schools' scripts.

Shape (``schema`` 1)::

    {
      "schema": 1,
      "generator": "dandelion 0.1.0",
      "edition": "public",
      "files": [
        {"path": "kits/zh/lessons/new-drugs/campus/handout.pdf", "kind": "handout", "lesson": "new-drugs",
         "setting": "campus", "language": "zh", "edition": "public", "title": "…", "pages": 2, "bytes": 183211},
        {"path": "kits/zh/events/x/poster.png", "kind": "poster-png", "event": "x", "setting": "campus",
         "language": "zh", "edition": "public", "title": "…", "width": 3508, "height": 4961, "bytes": 512000},
        …
      ]
    }

``path`` is relative to the output folder; ``lesson`` or ``event`` names what the file is for; ``pages``
is given for PDFs, ``width``/``height`` (pixels) for PNGs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import __version__
from ..i18n import catalogue

MANIFEST_PATH = "kits/manifest.json"
SCHEMA = 1

KINDS = (
    "plan", "handout", "worksheet", "answer-key", "sign-in", "feedback", "certificate", "poster-png", "poster-pdf",
    "share-image",
)


def manifest_json(entries: list[dict[str, Any]], edition: str) -> str:
    doc = {"schema": SCHEMA, "generator": f"dandelion {__version__}", "edition": edition, "files": entries}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def read_manifest(out: Path) -> dict[str, Any]:
    """The manifest of a built output folder (``{"files": []}`` when it has no kits)."""
    path = Path(out) / MANIFEST_PATH
    if not path.is_file():
        return {"schema": SCHEMA, "edition": None, "files": []}
    return json.loads(path.read_text(encoding="utf-8"))


def _size(n: int, lang: str) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


def info(entry: dict[str, Any], lang: str) -> str:
    """``PDF · 2 页 · 180 KB`` / ``PNG · 3508×4961 · 1.2 MB``."""
    fmt = entry["path"].rsplit(".", 1)[-1].upper()
    parts = [fmt]
    if "pages" in entry:
        parts.append(catalogue(lang).ngettext("kit.pages", entry["pages"]))
    if "width" in entry:
        parts.append(f"{entry['width']}×{entry['height']}")
    parts.append(_size(entry["bytes"], lang))
    return " · ".join(parts)


def label(entry: dict[str, Any], lang: str, setting_name: str | None) -> str:
    text = catalogue(lang).gettext(f"kit.{entry['kind']}")
    return f"{text} · {setting_name}" if setting_name and entry.get("lesson") else text


def links(
    entries: list[dict[str, Any]], settings: dict[str, dict[str, str]], default_lang: str,
) -> dict[str, list[dict[str, Any]]]:
    """The site's download links per ``lesson:<id>`` / ``event:<id>`` (see ``render_kits``).

    ``settings``: setting id → its name per language (``site_config.yml``'s ``settings``).
    """
    out: dict[str, list[dict[str, Any]]] = {}
    for e in entries:
        key = f"lesson:{e['lesson']}" if "lesson" in e else f"event:{e['event']}"
        names = settings.get(e.get("setting", "")) or {}
        fallback = names.get(default_lang) or next(iter(names.values()), None) or e.get("setting")
        zh_name, en_name = names.get("zh") or fallback, names.get("en") or fallback
        out.setdefault(key, []).append({
            "label": label(e, "zh", zh_name),
            "label_en": label(e, "en", en_name),
            "href": "../" + e["path"],
            "info": info(e, "zh"),
            "info_en": info(e, "en"),
            "kind": e["kind"],
            "language": e["language"],
            "setting": e.get("setting"),
        })
    return out
