"""dandelion certificates: numbered A4 certificates from a roster, and a register that never repeats a number."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import certificates as c
from tests.test_results_checks import MINI, edit, learner, right_answers


def test_numbers_carry_prefix_year_sequence_and_a_check_digit():
    number = c.certificate_number("HNJD", 2026, 17)
    assert number.startswith("HNJD-2026-00017-")
    assert c.parse_number(number) == ("HNJD", 2026, 17)
    body, check = number.rsplit("-", 1)
    assert c.parse_number(f"{body}-{(int(check) + 1) % 10}") is None, "a wrong check digit"
    assert c.parse_number("HNJD-2026-00071-" + check) is None, "swapped neighbours are caught"
    assert c.parse_number("HNJD-2026-00018-" + check) is None, "a mistyped digit is caught"
    assert c.luhn_digit("7992739871") == 3  # the textbook example


@pytest.fixture(scope="module")
def data():
    from generator.loader import load_checked
    from generator.quizdata import quiz_data, training_data

    project = load_checked(MINI).project
    link = lambda path: path  # noqa: E731
    return {"quiz": quiz_data(project, project.quizzes["basics"], "zh", link),
            "module": training_data(project, project.training["basics-module"], "zh", link)}


def merged_roster(tmp_path: Path, run_cli, files: list[Path], name: str = "roster.xlsx", lang: str = "zh") -> Path:
    out = tmp_path / name
    result = run_cli("results", "merge", *files, "--out", out, "--force", "--project", MINI, "--lang", lang)
    assert result.exit_code == 0, result.output
    return out


def register(folder: Path) -> list[list[str]]:
    return list(csv.reader((folder / "register.csv").read_text(encoding="utf-8-sig").splitlines()))


def test_two_runs_never_repeat_a_number_and_the_pdfs_show_what_they_must(tmp_path, run_cli, data):
    right = right_answers(data["quiz"])
    files = [learner(tmp_path / "in", data, "张三", attempts=[right]),
             learner(tmp_path / "in", data, "李四", attempts=[[None] * len(right)]),
             edit(learner(tmp_path / "in", data, "王五", attempts=[[None] * len(right), right]), best_score=99)]
    out = tmp_path / "certs"
    roster = merged_roster(tmp_path, run_cli, files)
    first = run_cli("certificates", roster, "--module", "basics-module", "--out", out, "--project", MINI,
                    "--today", "2026-07-01")
    assert first.exit_code == 0, first.output
    assert "Issued 1 certificate" in first.stdout
    assert "李四: has not earned the hours" in first.stderr
    assert "王五: flagged" in first.stderr
    rows = register(out)
    assert rows[0] == ["证书编号", "姓名", "培训模块", "模块名称", "学时", "完成日期", "发证日期", "核对标记", "文件"]
    (zhang,) = rows[1:]
    number = zhang[0]
    assert c.parse_number(number) == ("DL", 2026, 1) and zhang[1:7] == ["张三", "basics-module", "社工入门培训", "2",
                                                                      "2026-06-26", "2026-07-01"]
    pdf = out / zhang[8]
    assert pdf.exists() and (out / "register.xlsx").exists()

    # the PDF: one A4 page with organisation, module, hours, date, number, seal and signature space
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info and "A4" in info
    words = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for expected in ("测试单位", "培训合格证书", "张三", "社工入门培训", "2学时", "2026年6月26日", f"证书编号：{number}",
                     "单位盖章", "培训负责人签名", "发证日期：2026年7月1日"):
        assert expected in words.replace(" ", ""), expected
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(tmp_path / "look")], check=True)
    (png,) = tmp_path.glob("look*.png")
    from PIL import Image

    with Image.open(png) as image:
        assert image.size[0] > image.size[1], "landscape"
        darkest, lightest = image.convert("L").getextrema()
        assert lightest - darkest > 150, "drawn, not blank"

    # second run: a new learner passes; the first keeps the number, the flagged one is issued on request
    files.append(learner(tmp_path / "in", data, "赵六", attempts=[right]))
    roster = merged_roster(tmp_path, run_cli, files, name="roster2.csv")
    second = run_cli("certificates", roster, "--module", "basics-module", "--out", out, "--project", MINI,
                     "--today", "2026-07-02", "--include-flagged")
    assert second.exit_code == 0, second.output
    assert "Issued 2 certificates" in second.stdout and f"already issued: {number} 张三" in second.stderr
    rows = register(out)[1:]
    numbers = [row[0] for row in rows]
    assert len(numbers) == len(set(numbers)) == 3
    assert numbers[0] == number and [c.parse_number(n)[2] for n in numbers] == [1, 2, 3]
    assert {row[1] for row in rows} == {"张三", "王五", "赵六"}
    wang = next(row for row in rows if row[1] == "王五")
    assert wang[7].startswith("分数与答案不符"), "an issued flagged record says so in the register"

    # a third run into the same folder issues nothing new
    third = run_cli("certificates", roster, "--module", "basics-module", "--out", out, "--project", MINI,
                    "--today", "2026-07-03", "--include-flagged")
    assert "Issued 0 certificates" in third.stdout and [r[0] for r in register(out)[1:]] == numbers


def test_a_damaged_register_stops_the_run(tmp_path, run_cli, data):
    right = right_answers(data["quiz"])
    roster = merged_roster(tmp_path, run_cli, [learner(tmp_path / "in", data, "张三", attempts=[right])], lang="en")
    out = tmp_path / "certs"
    out.mkdir()
    good = c.certificate_number("DL", 2026, 1)
    line = f"{good},李四,basics-module,x,2,2026-06-26,2026-07-01,,a.pdf"
    (out / "register.csv").write_text("header\n" + line + "\n" + line + "\n", encoding="utf-8")
    result = run_cli("certificates", roster, "--module", "basics-module", "--out", out, "--project", MINI)
    assert result.exit_code == 1 and "line 3: certificate number" in result.stderr and "listed twice" in result.stderr
    (out / "register.csv").write_text("header\n" + line.replace(good, good[:-1] + "0" if good[-1] != "0" else good[:-1] + "1") + "\n",
                                      encoding="utf-8")
    result = run_cli("certificates", roster, "--module", "basics-module", "--out", out, "--project", MINI)
    assert result.exit_code == 1 and "right check digit" in result.stderr


def test_unknown_module_and_foreign_roster_are_refused(tmp_path, run_cli):
    other = tmp_path / "other.csv"
    other.write_text("name,score\n张三,80\n", encoding="utf-8")
    result = run_cli("certificates", other, "--module", "basics-module", "--out", tmp_path / "o", "--project", MINI)
    assert result.exit_code == 1 and "line 1: the roster lacks the columns" in result.stderr
    result = run_cli("certificates", other, "--module", "basics-modul", "--out", tmp_path / "o", "--project", MINI)
    assert result.exit_code == 2 and "no training module 'basics-modul'" in result.stderr
    assert shutil.which("pdftoppm")
