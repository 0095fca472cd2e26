"""Load a project folder: read every YAML file, validate it into the model, check it as a whole.

:func:`load_project` never stops at the first problem: it collects every diagnostic from every
file, then returns the project (possibly partial) with all of them. Callers refuse to render
when ``diagnostics.errors`` is not empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import model
from .checks import check_config, run_checks
from .errors import ContentError, Diagnostics, Location, UsageError, relpath
from .validate import validate
from .yamlload import Document, PathKey, load_yaml

CONFIG_FILE = "site_config.yml"

#: kind → (folder relative to the project, model class, attribute on Project)
FOLDER_KINDS: dict[str, tuple[str, type[BaseModel], str]] = {
    "lesson": ("content/lessons", model.Lesson, "lessons"),
    "event": ("content/events", model.Event, "events"),
    "training": ("content/training", model.Training, "training"),
    "lecturer": ("content/lecturers", model.Lecturer, "lecturers"),
    "quiz": ("quizzes", model.Quiz, "quizzes"),
}


@dataclass
class Origins:
    """Where each item came from, so later checks can point at the right line."""

    items: dict[tuple[str, str], tuple[Document, PathKey]] = field(default_factory=dict)

    def add(self, kind: str, item_id: str, doc: Document, base: PathKey) -> None:
        self.items[(kind, item_id)] = (doc, base)

    def loc(self, kind: str, item_id: str, path: PathKey = (), *, key: bool = False) -> Location:
        doc, base = self.items[(kind, item_id)]
        return doc.loc((*base, *path), key=key)

    def doc(self, kind: str, item_id: str) -> tuple[Document, PathKey]:
        return self.items[(kind, item_id)]


@dataclass
class LoadResult:
    project: model.Project | None
    diagnostics: Diagnostics
    origins: Origins
    files: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.project is not None and not self.diagnostics.errors


def find_project(root: Path) -> Path:
    """The project folder, or a :class:`UsageError` saying why ``root`` is not one."""
    root = root.expanduser().resolve()
    if not root.is_dir():
        raise UsageError(f"project folder not found: {root}")
    if not (root / CONFIG_FILE).is_file():
        raise UsageError(
            f"{root} is not a Dandelion project: it has no {CONFIG_FILE} (run `dandelion init {root}` to make one)"
        )
    return root


def load_project(root: Path) -> LoadResult:
    """Load, validate and check the project at ``root``."""
    root = find_project(root)
    diags = Diagnostics()
    origins = Origins()
    files: list[Path] = []

    config = _load_config(root, diags, files)
    if config is None:
        return LoadResult(None, diags, origins, files)
    project = model.Project(root, config)
    lang = config.default_language

    for kind, (folder, cls, attr) in FOLDER_KINDS.items():
        target: dict[str, Any] = getattr(project, attr)
        claimed: dict[str, Document] = {}  # every id seen, valid or not: a bad first file still owns its id
        for path in _yaml_files(root, root / folder, diags):
            files.append(path)
            doc = load_yaml(path, root, diags)
            if doc is None:
                continue
            item_id = _item_id(doc, diags)
            if item_id is None:
                continue
            if item_id in claimed:
                diags.error(doc.loc(("id",)) if isinstance(doc.data, dict) and "id" in doc.data else doc.loc(),
                            f"duplicate {kind} id '{item_id}' (also used by {claimed[item_id].loc().path})", code="DL003")
                continue
            claimed[item_id] = doc
            item = validate(doc, cls, diags, default_lang=lang, extra={"id": item_id})
            if item is not None:
                target[item_id] = item
                origins.add(kind, item_id, doc, ())

    _load_mapping_file(root, "content/glossary.yml", model.GlossaryTerm, "glossary", project.glossary, diags, origins, files, lang)
    _load_mapping_file(root, "content/laws.yml", model.Law, "law", project.laws, diags, origins, files, lang)
    _load_list_file(root, "content/help_centres.yml", model.HelpCentre, "help-centre", project.help_centres, diags, origins, files, lang)

    run_checks(project, origins, diags)
    return LoadResult(project, diags, origins, files)


@dataclass
class CheckedProject:
    """A project that loaded without content errors, and its warnings."""

    project: model.Project
    diagnostics: Diagnostics


def load_checked(root: Path) -> CheckedProject:
    """Load and check the project (``build``, ``kits``): any content error raises :class:`ContentError`,
    so nothing is written."""
    result = load_project(root)
    if result.diagnostics.errors or result.project is None:
        raise ContentError(result.diagnostics)
    return CheckedProject(result.project, result.diagnostics)


def _load_config(root: Path, diags: Diagnostics, files: list[Path]) -> model.SiteConfig | None:
    path = root / CONFIG_FILE
    files.append(path)
    doc = load_yaml(path, root, diags)
    if doc is None:
        return None
    langs = doc.data.get("languages") if isinstance(doc.data, dict) else None
    default = langs[0] if isinstance(langs, list) and langs and isinstance(langs[0], str) else "zh"
    config = validate(doc, model.SiteConfig, diags, default_lang=default)
    if config is None:
        return None
    check_config(config, doc, diags)
    return config


def _yaml_files(root: Path, folder: Path, diags: Diagnostics) -> list[Path]:
    """The YAML files of a content folder, sorted; links that leave the project are refused."""
    if not folder.exists():
        return []
    out = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "_")) or path.is_dir():
            continue
        if path.suffix not in (".yml", ".yaml"):
            if path.suffix.lower() in (".yml", ".yaml", ".txt", ".json", ".md"):
                diags.warning(Location(relpath(path, root)), f"ignored: content files end in .yml (found {path.suffix})", code="DL001")
            continue
        if not _inside(path, root):
            diags.error(Location(relpath(path, root)), "this file links to a place outside the project folder: refused", code="DL002")
            continue
        out.append(path)
    return out


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _item_id(doc: Document, diags: Diagnostics) -> str | None:
    """The item's id: its ``id:`` field, else the file name (made into an ASCII slug if needed)."""
    data = doc.data
    if isinstance(data, dict) and "id" in data:
        return data["id"] if isinstance(data["id"], str) else str(data["id"])
    stem = doc.path.stem
    import re

    if re.match(model.ID_PATTERN, stem):
        return stem
    from .zh import slugify

    slug = slugify(stem, fallback="")
    if not slug:
        diags.error(doc.loc(), f"cannot make an id from the file name '{doc.path.name}': add `id:` to the file", code="DL004")
        return None
    return slug


def _load_mapping_file(
    root: Path, rel: str, cls: type[BaseModel], kind: str, target: dict[str, Any],
    diags: Diagnostics, origins: Origins, files: list[Path], lang: str,
) -> None:
    path = root / rel
    if not path.exists():
        return
    files.append(path)
    doc = load_yaml(path, root, diags)
    if doc is None or doc.data is None:
        return
    if not isinstance(doc.data, dict):
        diags.error(doc.loc(), f"{rel} must be a map of id → entry", code="DL005")
        return
    for key, value in doc.data.items():
        item_id = str(key)
        if not _valid_id(item_id):
            diags.error(doc.loc((key,), key=True), f"'{item_id}' is not a valid id: use lowercase letters, digits and hyphens", code="DL204")
            continue
        if isinstance(value, dict) and "id" in value:
            diags.error(doc.loc((key, "id"), key=True), "unknown key `id` (the id is the key above)", code="DL202")
            continue
        item = validate(doc, cls, diags, data=value, base=(key,), default_lang=lang, extra={"id": item_id})
        if item is not None:
            target[item_id] = item
            origins.add(kind, item_id, doc, (key,))


def _load_list_file(
    root: Path, rel: str, cls: type[BaseModel], kind: str, target: dict[str, Any],
    diags: Diagnostics, origins: Origins, files: list[Path], lang: str,
) -> None:
    path = root / rel
    if not path.exists():
        return
    files.append(path)
    doc = load_yaml(path, root, diags)
    if doc is None or doc.data is None:
        return
    if not isinstance(doc.data, list):
        diags.error(doc.loc(), f"{rel} must be a list of entries (each starting with `- id: …`)", code="DL005")
        return
    for i, value in enumerate(doc.data):
        item = validate(doc, cls, diags, data=value, base=(i,), default_lang=lang)
        if item is None:
            continue
        item_id = item.id  # type: ignore[attr-defined]
        if item_id in target:
            diags.error(doc.loc((i, "id")), f"duplicate {kind} id '{item_id}'", code="DL003")
            continue
        target[item_id] = item
        origins.add(kind, item_id, doc, (i,))


def _valid_id(value: str) -> bool:
    import re

    return bool(re.match(model.ID_PATTERN, value))


def load_config_only(root: Path) -> model.SiteConfig:
    """Just ``site_config.yml``, for commands that need no content (raises on errors)."""
    from .errors import ContentError

    diags = Diagnostics()
    config = _load_config(find_project(root), diags, [])
    if config is None or diags.errors:
        raise ContentError(diags)
    return config
