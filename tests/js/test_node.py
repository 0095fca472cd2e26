"""The JavaScript unit tests (``tests/js/*.test.js``, Node's built-in runner: ``node --test
tests/js/*.test.js``, no npm packages) as part of pytest,
and the constants Python and ``core.js`` must agree on.

Without Node the tests are skipped on a developer's machine but fail in CI (``CI`` set), so a
missing ``nodejs`` package cannot pass unnoticed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator import results
from generator.site import scripts

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORE = ROOT / "theme" / "assets" / "javascripts" / "core.js"


def node() -> str:
    found = shutil.which("node") or shutil.which("nodejs")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("Node.js is missing: .ci/setup installs the nodejs package")
        pytest.skip("Node.js is not installed (the JavaScript unit tests need it)")
    return found


def test_javascript_unit_tests_pass() -> None:
    files = sorted(str(path) for path in HERE.glob("*.test.js"))
    assert files
    # the files, not their folder: Node 21 and later read `node --test <folder>` as one file to run
    run = subprocess.run([node(), "--test", *files], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout
    assert "# pass 0" not in run.stdout


def test_core_and_python_agree_on_keys_and_results_fields() -> None:
    script = (f"const core = require({json.dumps(str(CORE))}); console.log(JSON.stringify("
              "{prefix: core.keys.prefix, lang: core.keys.lang, fields: core.records.EXPORT_FIELDS, "
              "format: core.records.RESULTS_FORMAT, version: core.records.RESULTS_VERSION}))")
    run = subprocess.run([node(), "-e", script], capture_output=True, text=True, timeout=60, check=True)
    got = json.loads(run.stdout)
    assert got == {"prefix": scripts.STORAGE_PREFIX, "lang": scripts.LANGUAGE_KEY, "fields": list(results.FIELDS),
                   "format": results.FORMAT, "version": results.VERSION}


def test_results_files_written_by_core_js_are_read_by_results_py(tmp_path: Path) -> None:
    """The browser's export (core.js, as training.js downloads it) and the roster merge agree."""
    script = f"""
const fs = require("fs");
const core = require({json.dumps(str(CORE))});
const data = {{id: "community-rehab-basics", title: "社区戒毒, 基础", credit_hours: 4, quiz: {{id: "module-quiz"}}}};
const progress = {{name: " =HYPERLINK(\\"x\\") ", readCount: 2, total: 2, best: 92, passedAt: "2026-06-26"}};
const record = core.records.results(data, progress, "2026-06-26T10:00:00+08:00");
fs.writeFileSync(process.argv[1] + "/" + core.records.resultsFileName(record, "csv"), core.records.resultsCSV(record));
fs.writeFileSync(process.argv[1] + "/" + core.records.resultsFileName(record, "json"), JSON.stringify(record, null, 2) + "\\n");
"""
    subprocess.run([node(), "-e", script, str(tmp_path)], capture_output=True, text=True, timeout=60, check=True)
    files = sorted(tmp_path.iterdir())
    assert [path.suffix for path in files] == [".csv", ".json"]
    for path in files:
        (row,) = results.read_results(path)
        assert (row.name, row.training, row.title, row.credit_hours, row.units_read, row.units_total, row.quiz,
                row.best_score, row.passed_at.isoformat(), row.complete) == (
            '=HYPERLINK("x")', "community-rehab-basics", "社区戒毒, 基础", 4, 2, 2, "module-quiz", 92, "2026-06-26", True)
