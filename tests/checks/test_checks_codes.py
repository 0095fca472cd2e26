"""Stable diagnostic codes (generator.codes) and ``dandelion check --format json``."""

from __future__ import annotations

import json
import re
from pathlib import Path

from samples import LESSON

from generator.codes import CODES
from generator.errors import DEFAULT_CODE, Diagnostics, Location

ROOT = Path(__file__).resolve().parents[2]

#: The codes and names tools may rely on. Append when a code is added; never edit or remove a line.
GOLDEN = """
DL000 unclassified
DL001 file-ignored
DL002 outside-project
DL003 duplicate-id
DL004 no-id
DL005 file-shape
DL101 yaml-syntax
DL102 yaml-encoding
DL103 unreadable-file
DL104 yaml-unsupported
DL105 duplicate-key
DL106 yaml-limits
DL201 missing-field
DL202 unknown-key
DL203 bad-choice
DL204 bad-form
DL205 bad-value
DL206 item-rule
DL207 config-rule
DL301 unknown-reference
DL302 listed-twice
DL303 bad-link
DL304 unknown-article
DL305 unknown-section
DL306 training-cycle
DL307 undeclared-topic
DL401 image-remote
DL402 image-outside
DL403 image-missing
DL404 image-format
DL405 alt-missing
DL406 photo-consent
DL407 image-unsafe
DL408 file-name
DL501 unsafe-markup
DL601 personal-data
DL602 personal-data-phone
DL603 personal-data-file-name
DL604 name-near-drug-use
DL701 editing-note
DL801 unknown-language
DL802 supplier-missing
DL803 language-missing
DL804 supplier-unknown
DL901 list-indent
DL902 chinese-style
DL903 plain-language
"""


def test_codes_are_stable() -> None:
    assert [f"{code} {name}" for code, (name, _) in CODES.items()] == GOLDEN.split("\n")[1:-1]


def test_the_docs_list_every_code() -> None:
    table = re.findall(r"^\| (DL\d{3}) \| ([a-z-]+) \|", (ROOT / "docs/check-codes.md").read_text(encoding="utf-8"), re.M)
    assert table == [(code, name) for code, (name, _) in CODES.items()]


def test_every_code_the_source_uses_is_listed_and_every_listed_code_is_used() -> None:
    used = set()
    for path in (ROOT / "generator").rglob("*.py"):
        if path.name != "codes.py":
            used |= set(re.findall(r'code="(DL\d{3})"', path.read_text(encoding="utf-8")))
    assert used - set(CODES) == set()
    assert set(CODES) - used == {DEFAULT_CODE}


def test_call_sites_give_the_code_and_old_call_sites_keep_working() -> None:
    diagnostics = Diagnostics()
    diagnostics.error(Location("a.yml", 2, 3), "named", code="DL301")
    diagnostics.warning(Location("a.yml", 4), "unnamed")
    assert [(d.code, d.as_dict()["column"]) for d in diagnostics] == [("DL301", 3), (DEFAULT_CODE, 1)]


def test_codes_follow_the_call_site(checked) -> None:
    lesson = (LESSON.replace("audiences: [middle]", "audiences: [middl]").replace("duration_minutes: 20", "duration_minutes: 20\nsumary: x")
              .replace("body: {zh: 正文, en: Body}", "body: {zh: 正文待核实, en: 'call 13812345678 <script>'}"))
    assert [d.code for d in checked({"content/lessons/x.yml": lesson})] == ["DL301", "DL202", "DL601", "DL701", "DL501"]
    assert [d.code for d in checked({"content/lessons/x.yml": "title: [\n"})] == ["DL101"]


def test_json_output_is_valid_and_strict_works_with_both_formats(tmp_path: Path, make_project, run_cli) -> None:
    root = make_project(tmp_path / "p", {"content/lessons/x.yml": LESSON.replace("body: {zh: 正文, en: Body}", "body: {zh: 正文}")})
    result = run_cli("check", "--project", root, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [{
        "path": "content/lessons/x.yml", "line": 9, "column": 11, "severity": "warning", "code": "DL803",
        "message": "no 'en' text: the 'zh' text is shown instead"}]
    assert result.stderr.strip() == "0 errors, 1 warning"
    strict = run_cli("check", "--project", root, "--format", "json", "--strict")
    assert strict.exit_code == 1 and json.loads(strict.stdout)[0]["code"] == "DL803"
    text = run_cli("check", "--project", root, "--strict")
    assert text.exit_code == 1 and text.stdout == ""
    assert text.stderr.splitlines() == ["content/lessons/x.yml:9:11: warning: no 'en' text: the 'zh' text is shown instead",
                                        "0 errors, 1 warning"]
    clean = run_cli("check", "--project", make_project(tmp_path / "q"), "--format", "json", "--strict")
    assert clean.exit_code == 0 and json.loads(clean.stdout) == []
