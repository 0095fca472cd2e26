"""Fixtures of the interop tests: the every-type quiz, a scratch project made from the
``dandelion init`` starter, and a check that imported YAML passes ``dandelion check``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from interop_helpers import FULL_QUIZ, CheckYaml, build_quiz

from generator import model
from generator.loader import load_project

ROOT = Path(__file__).resolve().parents[2]
SCAFFOLD = ROOT / "generator" / "scaffold_template"


@pytest.fixture
def full_quiz() -> model.Quiz:
    return build_quiz(FULL_QUIZ)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the ``dandelion init`` starter project (zh default, en second)."""
    root = tmp_path / "project"
    shutil.copytree(SCAFFOLD, root, ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("content/events", "content/training", "content/lecturers", "content/images"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    return root


@pytest.fixture
def check_yaml(project: Path) -> CheckYaml:
    """``check_yaml(yaml_text, quiz_id)``: write the quiz into the project, load the whole project as
    ``dandelion check`` does, fail on any error, and return the loaded quiz."""

    def run(yaml_text: str, quiz_id: str) -> model.Quiz:
        path = project / "quizzes" / f"{quiz_id}.yml"
        path.write_text(yaml_text, encoding="utf-8")
        result = load_project(project)
        errors = [str(d) for d in result.diagnostics.errors]
        assert errors == [], "\n".join(errors)
        assert result.project is not None
        return result.project.quizzes[quiz_id]

    return run


