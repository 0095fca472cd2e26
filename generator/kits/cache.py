"""Rendered kits cached by a hash of their inputs, so an unchanged kit is copied, not re-rendered.

The key of a kit hashes everything its bytes depend on: the document's HTML (or a poster's data), the
bytes of the images it shows, the code and layouts of this package (every .py, .j2 and .css file), the
fonts (the pre-subset fonts' bytes and their source files' path, size and mtime: ``KitFonts.fingerprint``)
and the versions of WeasyPrint, Pillow and segno. Change any of them
and the kit is rendered again; nothing else needs invalidating.

Entries live in ``<project>/.dandelion-cache/kits/<2 hex>/<key>.bin`` with a ``.json`` beside it
(pages, pixel size). Writes are atomic (temp file + rename), so an interrupted run leaves no half
entry. An entry is touched when used; entries unused for :data:`MAX_AGE_DAYS` are pruned.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from ..i18n import LOCALE_DIR

CACHE_VERSION = "1"
MAX_AGE_DAYS = 45
PACKAGE = Path(__file__).parent


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of this package's code, templates, CSS and string catalogues, plus the rendering libraries' versions."""
    h = hashlib.sha256(CACHE_VERSION.encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in {".py", ".j2", ".css"} and "__pycache__" not in path.parts:
            h.update(path.relative_to(PACKAGE).as_posix().encode())
            h.update(path.read_bytes())
    for path in sorted(LOCALE_DIR.rglob("*.po")):  # the words printed on the kits
        h.update(path.relative_to(LOCALE_DIR).as_posix().encode())
        h.update(path.read_bytes())
    for dist in ("weasyprint", "pillow", "segno", "pydyf", "babel"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist}=?".encode())
    return h.hexdigest()


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def make_key(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


class KitCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def _paths(self, key: str) -> tuple[Path, Path]:
        assert self.folder is not None
        d = self.folder / key[:2]
        return d / f"{key}.bin", d / f"{key}.json"

    def get(self, key: str) -> tuple[bytes, dict[str, Any]] | None:
        if self.folder is None:
            return None
        data_path, meta_path = self._paths(key)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            data = data_path.read_bytes()
        except (OSError, ValueError):
            return None
        if meta.get("bytes") != len(data) or meta.get("sha256") != hashlib.sha256(data).hexdigest():
            return None  # a damaged entry is rendered again
        now = time.time()
        with contextlib.suppress(OSError):
            os.utime(meta_path, (now, now))
        self.hits += 1
        return data, meta.get("meta", {})

    def put(self, key: str, data: bytes, meta: dict[str, Any]) -> None:
        self.misses += 1
        if self.folder is None:
            return
        data_path, meta_path = self._paths(key)
        try:
            data_path.parent.mkdir(parents=True, exist_ok=True)
            record = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(), "meta": meta}
            atomic_write(data_path, data)
            atomic_write(meta_path, json.dumps(record).encode())
        except OSError:
            pass  # a read-only project still renders; it just is not cached

    def prune(self) -> int:
        """Remove entries not used for MAX_AGE_DAYS; returns how many."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        limit = time.time() - MAX_AGE_DAYS * 86400
        removed = 0
        for meta_path in self.folder.glob("*/*.json"):
            try:
                if meta_path.stat().st_mtime < limit:
                    meta_path.with_suffix(".bin").unlink(missing_ok=True)
                    meta_path.unlink(missing_ok=True)
                    removed += 1
            except OSError:
                continue
        return removed


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in its folder: readers see the old or the new file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
