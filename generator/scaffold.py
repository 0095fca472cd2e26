"""``dandelion init``: a new project folder that checks clean and builds."""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import UsageError

TEMPLATE = Path(__file__).parent / "scaffold_template"


def init_project(directory: Path) -> list[Path]:
    """Copy the starter project into ``directory`` (which must be empty or new)."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise UsageError(f"{directory} exists and is not empty: choose a new folder")
    created: list[Path] = []
    for source in sorted(TEMPLATE.rglob("*")):
        target = directory / source.relative_to(TEMPLATE)
        if source.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif "__pycache__" not in source.parts:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            created.append(target)
    for folder in ("content/events", "content/training", "content/lecturers", "content/images"):
        (directory / folder).mkdir(parents=True, exist_ok=True)
    return created
