"""``kits/manifest.json``: one entry per kit file written, for the site's download links (their size and page
count), tests and schools' scripts.

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
is given for PDFs, ``width``/``height`` (pixels) for PNGs. A whole-kit zip (kind ``kit-zip``: every file of
one lesson × setting × language, or of one event × language) lists what it holds in ``contents``, in the
zip's order: ``[{"name": "new-drugs-campus-zh/handout.pdf", "path": "kits/zh/…/handout.pdf", "bytes": …}]``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import __version__

MANIFEST_PATH = "kits/manifest.json"
SCHEMA = 1

KINDS = (
    "plan", "handout", "worksheet", "answer-key", "sign-in", "feedback", "certificate", "poster-png", "poster-pdf",
    "share-image", "outline", "kit-zip",
)


def manifest_json(entries: list[dict[str, Any]], edition: str) -> str:
    doc = {"schema": SCHEMA, "generator": f"dandelion {__version__}", "edition": edition, "files": entries}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def read_manifest(out: Path) -> dict[str, Any]:
    """The manifest of a built output folder (``{"files": []}`` when it has no kits)."""
    return load_manifest(Path(out) / MANIFEST_PATH)


def load_manifest(path: Path) -> dict[str, Any]:
    """A manifest file (``{"files": []}`` when there is none)."""
    if not path.is_file():
        return {"schema": SCHEMA, "edition": None, "files": []}
    return json.loads(path.read_text(encoding="utf-8"))


def existing_kit_paths(out: Path, edition: str) -> list[str]:
    """The kit files a built output folder holds for ``edition``, by the paths its manifest lists.

    None when its kits were built for the other edition (the site's links would point at the wrong
    files) or it has none; only files that are really there.
    """
    manifest = read_manifest(out)
    if manifest.get("edition") != edition:
        return []
    return [entry["path"] for entry in manifest["files"] if (Path(out) / entry["path"]).is_file()]
