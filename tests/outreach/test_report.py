"""``dandelion report``: an A4 PDF with the year's totals, charts, tables, events by region and consented photos."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from generator.loader import load_checked
from generator.outreach.report import report_html

ROOT = Path(__file__).resolve().parents[2]


def test_report_content_in_both_languages() -> None:
    project = load_checked(ROOT).project
    zh = report_html(project, 2026, "zh")
    assert "2026年度禁毒宣讲工作报告" in zh and "<strong>11</strong>" in zh and "<strong>2495</strong>" in zh
    assert zh.count("<svg ") == 8
    assert "共青团澄迈县委员会（示例）" in zh  # partners, by region
    assert "受台风预警影响" in zh  # the cancelled event and why
    photos = [p for e in project.events.values() if e.status == "done" and e.date.year == 2026 for p in e.report.photos]
    assert len(photos) == 14 and all(p.consent for p in photos)
    assert zh.count('<img src="images/events/') == 14
    en = report_html(project, 2026, "en")
    assert "Anti-drug outreach report 2026" in en and "Baisha Li Autonomous County" in en


def test_report_pdf_is_a4(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "report.pdf"
    result = run_cli("report", "--project", ROOT, "--year", "2026", "--lang", "en", "--out", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info and int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 3
    again = run_cli("report", "--project", ROOT, "--year", "2026", "--out", out)
    assert again.exit_code == 2 and "--force" in again.output
