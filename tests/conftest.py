"""Shared helpers of the core tests: fixture projects, running the CLI, built sites.

* ``make_project(root, files, base="scaffold")``: a project folder made from the ``dandelion init``
  starter (or ``base="mini"``, the fixture project in ``tests/fixtures/mini``) with ``files`` laid
  over it: ``{"content/lessons/x.yml": "title: …"}``; ``bytes`` are written as they are, ``None``
  deletes a file.
* ``run_cli(*args)``: the ``dandelion`` command through click's ``CliRunner`` (stdout and stderr
  apart: ``result.stdout``, ``result.stderr``).
* ``run_process(*args)``: the installed ``.venv/bin/dandelion`` as a real subprocess.
* ``mini_site`` / ``mini_site_lecturer`` (session): the mini fixture project built once, public
  and lecturer edition, without kits; tests read but never change them.
* ``--update-goldens``: rewrite the golden files under ``tests/site/golden`` instead of comparing.

Browser fixtures live in ``tests/browser/conftest.py``; none here.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
SCAFFOLD = ROOT / "generator" / "scaffold_template"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"
#: The day the mini site is built "on": its planned event (2026-06-26) is upcoming, the done one past.
TODAY = dt.date(2026, 6, 1)

ProjectFactory = Callable[..., Path]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the golden Markdown files under tests/site/golden instead of comparing with them",
    )


@pytest.fixture(scope="session")
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def _make_project(root: Path, files: dict[str, str | bytes | None] | None = None, *, base: str = "scaffold") -> Path:
    source = {"scaffold": SCAFFOLD, "mini": MINI}[base]
    shutil.copytree(source, root, ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("content/events", "content/training", "content/lecturers", "content/images"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for rel, text in (files or {}).items():
        path = root / rel
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def make_project() -> ProjectFactory:
    """``make_project(root, files=None, base="scaffold")`` → ``root``, a new project folder."""
    return _make_project


def _run_cli(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., Result]:
    """``run_cli("check", "--project", path)`` → click's ``Result`` (exit_code, stdout, stderr, output)."""
    return _run_cli


def dandelion_executable() -> Path:
    """The console script of the venv the tests run in."""
    candidates = [Path(sys.executable).with_name("dandelion"), ROOT / ".venv" / "bin" / "dandelion"]
    for exe in candidates:
        if exe.exists():
            return exe
    pytest.skip("the dandelion console script is not installed (pip install -e .)")
    raise AssertionError  # unreachable: skip raises


@pytest.fixture(scope="session")
def run_process() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``run_process("check", "--project", path)`` → the finished ``.venv/bin/dandelion`` process."""
    exe = dandelion_executable()

    def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
        return subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, encoding="utf-8",
                              env=env, cwd=cwd, timeout=300, check=False)

    return run


def _build(project: Path, out: Path, edition: str = "public") -> Path:
    from generator.build import build

    build(project, out=out, edition=edition, with_kits=False, today=TODAY)
    return out


@pytest.fixture(scope="session")
def mini_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the mini fixture project (read-only by convention)."""
    return _make_project(tmp_path_factory.mktemp("mini") / "project", base="mini")


@pytest.fixture(scope="session")
def mini_site(mini_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project built once (public edition, no kits); the output folder."""
    return _build(mini_project, tmp_path_factory.mktemp("mini-site") / "site")


@pytest.fixture(scope="session")
def mini_site_lecturer(mini_project: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini project built once as the lecturer edition (no kits)."""
    return _build(mini_project, tmp_path_factory.mktemp("mini-lecturer") / "site", edition="lecturer")
