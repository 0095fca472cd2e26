"""Fixtures of the tests of generator.checks: a starter project with files laid over it, checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import Diagnostic
from generator.loader import load_project


@pytest.fixture
def checked(tmp_path: Path, make_project) -> Callable[[dict[str, str | bytes | None]], list[Diagnostic]]:
    """``checked(files)`` → the diagnostics of the ``dandelion init`` project with ``files`` laid over it."""
    made = iter(range(1000))

    def check(files: dict[str, str | bytes | None]) -> list[Diagnostic]:
        return load_project(make_project(tmp_path / f"p{next(made)}", files)).diagnostics.sorted()

    return check


@pytest.fixture
def lines(checked) -> Callable[[dict[str, str | bytes | None]], list[str]]:
    """``lines(files)`` → what ``dandelion check`` prints for that project, one string per problem."""
    return lambda files: [str(d) for d in checked(files)]
