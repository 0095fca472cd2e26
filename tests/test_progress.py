"""Build progress: drawn on a terminal (stage, counts, elapsed), nothing in CI or with --quiet."""

from __future__ import annotations

import io
from pathlib import Path

from generator.progress import Progress, TerminalProgress


def test_terminal_progress_shows_stage_count_and_time_and_prints_messages_above() -> None:
    stream = io.StringIO()
    progress = TerminalProgress(stream, interval=60)
    progress.stage("kits", 3)
    progress.advance(2)
    assert progress.line().endswith("] kits 2/3") and progress.line().startswith("[")
    progress.log("Warning: something")
    progress.stage("site zh: 5 pages")
    progress.finish()
    text = stream.getvalue()
    assert "\r\x1b[KWarning: something\n" in text
    assert "kits 2/3" in text and "site zh: 5 pages" in text
    last = text.rsplit("\r\x1b[K", 1)[1]
    assert last.startswith("Done in ") and "kits " in last and "site zh: 5 pages " in last


def test_the_silent_progress_does_nothing() -> None:
    progress = Progress()
    progress.stage("kits", 3)
    progress.advance()
    progress.log("x")
    progress.finish()


def test_build_off_a_terminal_prints_no_progress(tmp_path: Path, make_project, run_cli) -> None:
    project = make_project(tmp_path / "p")
    result = run_cli("build", "--project", str(project), "--out", str(tmp_path / "site"), "--no-kits")
    assert result.exit_code == 0, result.stderr
    assert "\r" not in result.stderr and "Done in" not in result.stderr and "Built " in result.stderr
    quiet = run_cli("build", "--project", str(project), "--out", str(tmp_path / "site"), "--no-kits", "--quiet",
                    "--today", "2026-01-02")
    assert quiet.exit_code == 0, quiet.stderr
    assert quiet.stderr.strip().splitlines() == [line for line in quiet.stderr.strip().splitlines() if "Built " in line]
