"""Diagnostics: what an editor sees when content is wrong.

Content errors are collected, never raised one by one: every check appends a :class:`Diagnostic`
to a :class:`Diagnostics` list, and the caller decides at the end whether to stop. Each diagnostic
prints as ``path:line:col: error: message`` with ``path`` relative to the project folder, the format
editors' tools (and VS Code's problem matcher) understand.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a content file: ``path`` relative to the project, 1-based line and column (0: unknown)."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        # Always path:line:col, even for a problem with the whole file (1:1): editors' problem
        # matchers expect the three parts on every line.
        return f"{self.path}:{self.line or 1}:{self.col or 1}"


#: the code of a diagnostic whose call site names none (see :mod:`generator.codes`)
DEFAULT_CODE = "DL000"


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    location: Location
    message: str
    code: str = DEFAULT_CODE

    def as_dict(self) -> dict[str, str | int]:
        """The machine-readable form of ``dandelion check --format json``."""
        return {
            "path": self.location.path,
            "line": self.location.line or 1,
            "column": self.location.col or 1,
            "severity": self.severity.value,
            "code": self.code,
            "message": self.message,
        }

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass
class Diagnostics:
    """An ordered, de-duplicated collection of diagnostics."""

    items: list[Diagnostic] = field(default_factory=list)
    _seen: set[tuple[Severity, Location, str]] = field(default_factory=set, repr=False)

    def add(self, severity: Severity, location: Location, message: str, code: str = DEFAULT_CODE) -> None:
        key = (severity, location, message)
        if key not in self._seen:
            self._seen.add(key)
            self.items.append(Diagnostic(severity, location, message, code))

    def error(self, location: Location, message: str, code: str = DEFAULT_CODE) -> None:
        """An error; ``code`` is one of :data:`generator.codes.CODES`, given by the call site."""
        self.add(Severity.ERROR, location, message, code)

    def warning(self, location: Location, message: str, code: str = DEFAULT_CODE) -> None:
        self.add(Severity.WARNING, location, message, code)

    def extend(self, other: Iterable[Diagnostic]) -> None:
        for d in other:
            self.add(d.severity, d.location, d.message, d.code)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if not d.is_error]

    def sorted(self) -> list[Diagnostic]:
        """Diagnostics in file order, which is how an editor works through them."""
        return sorted(self.items, key=lambda d: (d.location, d.severity.value, d.message))


class DandelionError(Exception):
    """Base of every error the CLI prints as a clean message (no traceback without ``--debug``)."""

    exit_code = 1


class ContentError(DandelionError):
    """The content has errors; ``diagnostics`` holds all of them."""

    def __init__(self, diagnostics: Diagnostics) -> None:
        self.diagnostics = diagnostics
        n = len(diagnostics.errors)
        super().__init__(f"{n} content error{'s' if n != 1 else ''}: nothing was written")


class UsageError(DandelionError):
    """The command was called wrongly (bad project folder, bad option value)."""

    exit_code = 2


class BuildError(DandelionError):
    """A renderer or the writer failed for a reason that is not the content's fault."""


def relpath(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` with forward slashes, or the path itself when outside it.

    A symlink is named where it lies, not where it points: the editor must find the file that is
    wrong in the project, even when it links to somewhere outside.
    """
    base = root.resolve()
    for candidate in (path.parent.resolve() / path.name, path.resolve()):
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()
