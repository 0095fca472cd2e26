"""Whole-kit zips: every file of one lesson × setting × language (or one event × language) in one download.

Reproducible: entries sorted by name, every timestamp 1980-01-01 00:00 (the zip format's epoch), fixed
permissions, no extra fields, so the same files give the same bytes on every machine and run. The
entries sit in one folder named like the zip (``new-drugs-campus-zh/handout.pdf``), so unpacking several
kits side by side mixes nothing up.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Any

from ..plan import KitFile

#: The zip format's earliest date: every entry carries it, whatever the build's clock says.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def whole_kit_zip(kit: KitFile, written: dict[str, bytes]) -> tuple[bytes, list[dict[str, Any]]]:
    """The zip of ``kit.contents`` (the files this run wrote, from ``written``) and its manifest ``contents``."""
    folder = posixpath.basename(kit.path).removesuffix(".zip")
    members = sorted((f"{folder}/{posixpath.basename(path)}", path) for path in kit.contents if path in written)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, path in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever system builds it
            archive.writestr(info, written[path], compresslevel=9)
    contents = [{"name": name, "path": path, "bytes": len(written[path])} for name, path in members]
    return buffer.getvalue(), contents
