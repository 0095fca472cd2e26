"""Shared fixtures for the Chinese-text tests: one reader (loading jieba once) and the data files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.zh import Pinyin

DATA = Path(__file__).parent / "data"


def read_tsv(name: str) -> list[tuple[str, str]]:
    """(sentence, expected line) rows of a data file; '#' lines are comments."""
    rows = []
    for number, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        sentence, sep, expected = line.partition("\t")
        assert sep, f"{name}:{number}: no TAB"
        rows.append((sentence, expected))
    return rows


@pytest.fixture(scope="session")
def reader() -> Pinyin:
    return Pinyin()


@pytest.fixture(scope="session")
def tsv() -> Callable[[str], list[tuple[str, str]]]:
    """``tsv("pinyin_eval.tsv")`` → rows of a data file."""
    return read_tsv
