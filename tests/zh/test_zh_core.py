"""generator.zh.core: jieba's part-of-speech table, kept between builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.zh import core


@pytest.fixture()
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(core.tempfile, "gettempdir", lambda: str(tmp_path))
    core.word_tags.cache_clear()
    yield tmp_path
    core.word_tags.cache_clear()


def test_word_tags_are_kept_and_read_back(private_temp: Path) -> None:
    tags = core.word_tags()
    assert tags["得"] == "ud" and tags["教"] == "v"
    kept = list(private_temp.glob("dandelion-word-tags-*.marshal"))
    assert len(kept) == 1
    core.word_tags.cache_clear()
    assert core.word_tags() == tags  # read from the kept file


def test_a_damaged_kept_table_is_made_again(private_temp: Path) -> None:
    core.word_tags()
    (kept,) = private_temp.glob("dandelion-word-tags-*.marshal")
    kept.write_bytes(b"\x00not marshal")
    core.word_tags.cache_clear()
    assert core.word_tags()["得"] == "ud"
    assert kept.stat().st_size > 1_000_000  # written again, whole
