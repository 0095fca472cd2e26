"""Skipping a build whose inputs have not changed since the last one into the same folder.

A build's output depends on: the project's inputs (``site_config.yml``, ``content/``, ``quizzes/``, its own
``theme/``), Dandelion's code and data (every file of the ``generator`` package and of the shipped theme),
the versions of the libraries that render (MkDocs, Material, WeasyPrint …), and the options (edition,
kits or not, the build date, the output folder). :func:`fingerprint` hashes all of them; when it equals
the one recorded after the last complete build into the same folder, and that folder is still the one
the build wrote, the build has nothing to do (:func:`unchanged`). Any difference rebuilds, so a cache
never serves stale output. Records live in ``<project>/.dandelion-cache/builds/``.

Inside a build, the kits are cached per file by content hash (``kits/cache.py``), so editing one lesson
renders only that lesson's kits again.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__
from .clock import build_date
from .writer import MARKER

RECORD_VERSION = "1"
PACKAGE = Path(__file__).resolve().parent
PACKAGE_THEME = PACKAGE.parent / "theme"
LIBRARIES = ("mkdocs", "mkdocs-material", "weasyprint", "pillow", "jieba", "pypinyin", "markdown", "nh3", "segno")
PROJECT_INPUTS = ("site_config.yml", "content", "quizzes", "theme")


def default_out(root: Path, edition: str) -> Path:
    """The output folder of an edition when ``--out`` is not given: ``site/`` or ``site-lecturer/``."""
    return root / ("site" if edition == "public" else "site-lecturer")


def up_to_date(root: Path, *, out: Path | None, edition: str, with_kits: bool,
               today: dt.date | None) -> tuple[Path, str, dict[str, Any] | None]:
    """(output folder, fingerprint of this build, the last build's record if nothing changed since).

    Light on imports, so ``dandelion build`` can answer "up to date" without loading the generator."""
    target = (out or default_out(root, edition)).resolve()
    stamp = fingerprint(root, {"edition": edition, "kits": with_kits, "date": build_date(today).isoformat(),
                               "out": str(target)})
    return target, stamp, unchanged(root, target, stamp)


def _files(place: Path) -> Iterable[Path]:
    if place.is_file():
        yield place
    elif place.is_dir():
        for path in sorted(place.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                yield path


def _hash_files(digest: Any, base: Path, places: Iterable[Path]) -> None:
    for place in places:
        for path in _files(place):
            data = path.read_bytes()
            digest.update(f"{path.relative_to(base).as_posix()}\0{len(data)}\0".encode())
            digest.update(data)


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Dandelion's own code, data and theme, its version and the rendering libraries' versions.

    Computed once per process: a running ``dandelion serve`` does not reload changed Python code anyway."""
    digest = hashlib.sha256(f"{RECORD_VERSION}\0{__version__}\0".encode())
    _hash_files(digest, PACKAGE.parent, [PACKAGE, PACKAGE_THEME])
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none\0".encode())
    return digest.hexdigest()


def folder_digest(folder: Path) -> str:
    """A hash of every file (name and bytes) under ``folder``."""
    digest = hashlib.sha256()
    _hash_files(digest, folder, [folder])
    return digest.hexdigest()


def engine_folder(root: Path, out: Path, lang: str) -> Path:
    """Where the site engine keeps its work for one output folder and language between builds."""
    return _engine_folders(root, out) / lang


def _engine_folders(root: Path, out: Path) -> Path:
    """The engine's work folders of one output folder (one per language)."""
    key = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:24]
    return root.resolve() / ".dandelion-cache" / "site" / key


#: In each output folder's engine folder: the output folder it serves (to find folders no output needs).
_ENGINE_OUTPUT = "output.txt"


#: An engine folder used this recently is left alone (a build into another output folder may be using it).
ENGINE_FOLDER_GRACE = dt.timedelta(days=1)


def prune_engine_folders(root: Path, out: Path) -> None:
    """After a complete build into ``out``: label its engine folders with ``out``, and remove the engine
    folders of output folders that are gone (each is about the size of a site) and that no build has
    used for :data:`ENGINE_FOLDER_GRACE`. A folder without a label comes from an older version and goes
    too: its output folder only builds in full once."""
    own = _engine_folders(root, out)
    base = own.parent
    try:
        own.mkdir(parents=True, exist_ok=True)
        (own / _ENGINE_OUTPUT).write_text(str(out.resolve()), encoding="utf-8")
        folders = [folder for folder in base.iterdir() if folder.is_dir() and folder != own]
    except OSError:
        return
    for folder in folders:
        try:
            served = Path((folder / _ENGINE_OUTPUT).read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            served = None
        if served is not None and (served / MARKER).is_file():
            continue
        try:
            used = max(entry.stat().st_mtime for entry in [folder, *folder.iterdir()])
        except OSError:
            continue
        if dt.datetime.now().timestamp() - used > ENGINE_FOLDER_GRACE.total_seconds():
            shutil.rmtree(folder, ignore_errors=True)


def fingerprint(root: Path, options: dict[str, Any]) -> str:
    """Everything the output of a build of ``root`` with ``options`` depends on, as one hash."""
    root = root.resolve()
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    _hash_files(digest, root, [root / name for name in PROJECT_INPUTS])
    return digest.hexdigest()


def _record_path(root: Path, out: Path) -> Path:
    key = hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:24]
    return root.resolve() / ".dandelion-cache" / "builds" / f"{key}.json"


def unchanged(root: Path, out: Path, stamp: str) -> dict[str, Any] | None:
    """The record of the last build into ``out`` when it had the same fingerprint and ``out`` is still there."""
    path = _record_path(root, out)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("fingerprint") != stamp or not (out / MARKER).is_file():
        return None
    marker_time = (out / MARKER).stat().st_mtime_ns
    return record if record.get("marker_time") == marker_time else None


def remember(root: Path, out: Path, stamp: str, **facts: Any) -> None:
    """Record a complete build into ``out`` (written atomically; a failed write only costs a rebuild)."""
    path = _record_path(root, out)
    record = {"fingerprint": stamp, "marker_time": (out / MARKER).stat().st_mtime_ns, **facts}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass


def forget(root: Path, out: Path) -> None:
    _record_path(root, out).unlink(missing_ok=True)
