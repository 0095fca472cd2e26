"""dandelion results merge re-scores what learners' browsers exported and flags what does not match.

The files are made by the browser's own code (core.js and scoring.js in Node, as training.js and
quiz.js use them) for the mini project's training module, then tampered with the way a learner
could: a higher score, a pass, completion, another quiz version, a broken file.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.loader import load_checked
from generator.quizdata import quiz_data, training_data
from generator.results import merge, write_roster_csv, write_roster_xlsx
from tests.js.test_node import ROOT, node

MINI = ROOT / "tests" / "fixtures" / "mini"
JS = ROOT / "theme" / "assets" / "javascripts"

#: Node plays the learner: reads the units, answers the final test, exports (core.js + scoring.js).
LEARNER_JS = r"""
const fs = require("fs");
const core = require(process.argv[1] + "/core.js");
const scoring = require(process.argv[1] + "/scoring.js");
const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
let quizRec = null;
let training = { read: job.read, name: job.name };
for (const givens of job.attempts) {
  const steps = scoring.drawSteps(job.quiz);
  const answers = steps.map((step, i) => ({ given: givens[i], points: scoring.scoreQuestion(step.q, givens[i], job.quiz.whole_points) }));
  const result = scoring.attemptResult(answers, steps.length, scoring.passMarkOf(job.quiz));
  quizRec = core.records.withAttempt(quizRec, result.score, result.passed, job.today,
    { answers: scoring.attemptAnswers(steps, answers), lang: job.quiz.lang, version: job.quiz.version, name: training.name });
}
const progress = scoring.progressOf(job.module, training, quizRec);
const record = core.records.results(job.module, progress, job.today + "T10:00:00+08:00", quizRec);
const ext = job.csv ? "csv" : "json";
const text = job.csv ? core.records.resultsCSV(record) : JSON.stringify(record, null, 2) + "\n";
fs.writeFileSync(job.folder + "/" + core.records.resultsFileName(record, ext), text);
process.stdout.write(core.records.resultsFileName(record, ext));
"""


@pytest.fixture(scope="module")
def project() -> Any:
    return load_checked(MINI).project


@pytest.fixture(scope="module")
def data(project: Any) -> dict[str, Any]:
    link = lambda path: path  # noqa: E731
    module = project.training["basics-module"]
    return {"quiz": quiz_data(project, project.quizzes["basics"], "zh", link),
            "module": training_data(project, module, "zh", link)}


def right_answers(quiz: dict[str, Any]) -> list[Any]:
    out: list[Any] = []
    for q in quiz["questions"]:
        if q["type"] == "single":
            out.append(next(i for i, o in enumerate(q["options"]) if o["correct"]))
        elif q["type"] == "multiple":
            out.append([i for i, o in enumerate(q["options"]) if o["correct"]])
        elif q["type"] == "true_false":
            out.append(q["answer"])
        elif q["type"] == "fill_blank":
            out.append(q["answers"][0])
        elif q["type"] == "ordering":
            out.append(list(range(len(q["items_html"]))))
    return out


def learner(folder: Path, data: dict[str, Any], name: str, *, attempts: list[list[Any]], read: list[str] | None = None,
            csv_file: bool = False, today: str = "2026-06-26") -> Path:
    """The file a learner's browser exports after ``attempts`` (one list of answers each)."""
    folder.mkdir(parents=True, exist_ok=True)
    job = {"quiz": data["quiz"], "module": data["module"], "name": name, "attempts": attempts, "today": today,
           "read": [u["id"] for u in data["module"]["units"]] if read is None else read, "csv": csv_file,
           "folder": str(folder)}
    spec = folder / f".job-{name}.json"
    spec.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([node(), "-e", LEARNER_JS, str(JS), str(spec)], capture_output=True, text=True, timeout=60)
    spec.unlink()
    assert run.returncode == 0, run.stderr
    return folder / run.stdout


def edit(path: Path, **changes: Any) -> Path:
    record = json.loads(path.read_text(encoding="utf-8"))
    record.update(changes)
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return path


def flags_of(merged: Any) -> dict[str, list[str]]:
    return {c.row.name: [code for code, _params in c.flags] for c in merged.records}


def test_an_honest_export_merges_clean_and_earns_the_hours(tmp_path, project, data):
    right = right_answers(data["quiz"])
    wrong = [None] * len(right)
    passed = learner(tmp_path, data, "张三", attempts=[wrong, right])
    unread = learner(tmp_path, data, "李四", attempts=[right], read=["new-drugs"])
    failed = learner(tmp_path, data, "王五", attempts=[wrong], csv_file=True)
    merged = merge([passed, unread, failed], project)
    by_name = {c.row.name: c for c in merged.records}
    assert flags_of(merged) == {"张三": [], "李四": [], "王五": []}
    assert (by_name["张三"].hours_earned, by_name["张三"].score, by_name["张三"].row.attempts) == (2.0, 100.0, 2)
    assert by_name["张三"].complete and by_name["张三"].row.passed_at == dt.date(2026, 6, 26)
    assert (by_name["李四"].hours_earned, by_name["李四"].complete, by_name["李四"].passed) == (0.0, False, True)
    assert (by_name["王五"].hours_earned, by_name["王五"].score, by_name["王五"].passed) == (0.0, 0.0, False)
    assert merged.skipped == [] and merged.folded == []


@pytest.mark.parametrize(
    ("changes", "flag"),
    [
        ({"best_score": 100}, "score"),
        ({"passed": True, "passed_at": "2026-06-26"}, "pass"),
        ({"complete": True}, "completion"),
        ({"units_read": 2, "units": ["new-drugs", "first-steps"], "complete": True}, "completion"),
        ({"quiz_version": "0000000000000000"}, "quiz-version"),
        ({"module_version": "0000000000000000"}, "module-version"),
        ({"answers": None}, "no-answers"),
        ({"credit_hours": 40}, "details"),
    ],
)
def test_each_kind_of_tampering_is_flagged(tmp_path, project, data, changes, flag):
    right = right_answers(data["quiz"])
    half = right[:2] + [None] * (len(right) - 2)  # 40 %: fails the module's pass mark of 80
    path = learner(tmp_path, data, "赵六", attempts=[half], read=["new-drugs"])
    clean = merge([path], project)
    assert flags_of(clean) == {"赵六": []}
    merged = merge([edit(path, **changes)], project)
    (record,) = merged.records
    assert flag in [code for code, _ in record.flags]
    assert record.hours_earned == 0
    assert merged.flagged == 1 and merged.flag_counts()[flag] == 1


def test_answers_left_out_to_raise_the_score_are_flagged(tmp_path, project, data):
    right = right_answers(data["quiz"])
    half = right[:2] + [None] * (len(right) - 2)
    path = learner(tmp_path, data, "孙八", attempts=[half])
    record = json.loads(path.read_text(encoding="utf-8"))
    kept = record["answers"][:2]  # only the two right answers: they alone would score 100 %
    edit(path, answers=kept, best_score=100, passed=True, passed_at="2026-06-26", complete=True)
    (checked,) = merge([path], project).records
    assert "answers" in [code for code, _ in checked.flags]
    assert "2 questions answered, the quiz asks 5" in checked.flag_text("en")
    assert (checked.score, checked.hours_earned) == (0.0, 0.0)
    edit(path, answers=[kept[0], kept[0], *record["answers"][2:]])
    (checked,) = merge([path], project).records
    assert "a question is answered twice" in checked.flag_text("en")


def test_a_hand_edited_pass_does_not_earn_hours_and_is_flagged(tmp_path, project, data):
    right = right_answers(data["quiz"])
    path = learner(tmp_path, data, "钱七", attempts=[[None] * len(right)])
    edit(path, best_score=100, passed=True, passed_at="2026-06-26", complete=True)
    (record,) = merge([path], project).records
    assert {code for code, _ in record.flags} == {"score", "pass", "completion"}
    assert (record.score, record.passed, record.complete, record.hours_earned) == (0.0, False, False, 0.0)
    assert "记录100%，重算0%" in record.flag_text("zh")
    assert "stored 100%, re-scored 0%" in record.flag_text("en")


def test_malformed_files_are_skipped_by_name_and_the_merge_goes_on(tmp_path, project, data):
    good = learner(tmp_path, data, "张三", attempts=[right_answers(data["quiz"])])
    broken = tmp_path / "broken.json"
    broken.write_text(good.read_text(encoding="utf-8")[:40], encoding="utf-8")
    answers = edit(shutil.copy(good, tmp_path / "answers.json"), answers="not a list")
    merged = merge([broken, good, answers], project)
    assert [c.row.name for c in merged.records] == ["张三"]
    assert len(merged.skipped) == 2
    assert merged.skipped[0].startswith(f"{broken}: not valid JSON")
    assert merged.skipped[1].startswith(f"{tmp_path / 'answers.json'}: answers must be a JSON list")


def test_duplicates_are_folded_and_reported(tmp_path, project, data):
    right = right_answers(data["quiz"])
    early = learner(tmp_path / "a", data, "张三", attempts=[[None] * len(right)], today="2026-06-01")
    later = learner(tmp_path / "b", data, "张三", attempts=[[None] * len(right), right], today="2026-06-20")
    merged = merge([later, early], project)
    (kept,) = merged.records
    assert kept.row.source == str(later) and kept.hours_earned == 2
    assert [(k.row.source, d.row.source) for k, d in merged.folded] == [(str(later), str(early))]


def roster(tmp_path: Path, project: Any, data: dict[str, Any]) -> list[Any]:
    right = right_answers(data["quiz"])
    done = learner(tmp_path, data, "=1+1", attempts=[right])
    edited = edit(learner(tmp_path, data, "李四", attempts=[[None] * len(right)]), best_score=90)
    return merge([done, edited], project).records


def test_roster_csv_in_both_languages(tmp_path, project, data):
    records = roster(tmp_path, project, data)
    raw = write_roster_csv(records, tmp_path / "roster.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert table[0] == ["姓名", "培训模块", "模块名称", "获得学时", "已读单元", "单元总数", "测验次数", "最高分",
                        "首次通过日期", "是否完成", "核对标记", "导出时间", "来源文件"]
    assert table[1][:11] == ["'=1+1", "basics-module", "社工入门培训", "2", "2", "2", "1", "100", "2026年6月26日", "是", ""]
    assert table[2][:10] == ["李四", "basics-module", "社工入门培训", "0", "2", "2", "1", "0", "", "否"]
    assert table[2][10].startswith("分数与答案不符")
    en = list(csv.reader(write_roster_csv(records, tmp_path / "en.csv", lang="en").read_text("utf-8-sig").splitlines()))
    assert en[0][:4] == ["Name", "Training module", "Module title", "Credit hours earned"]
    assert en[1][2] == "Social-worker basics" and en[1][8] == "26 June 2026" and en[1][9] == "yes"
    assert en[2][10].startswith("score does not match the answers")


def test_roster_xlsx(tmp_path, project, data):
    from openpyxl import load_workbook

    records = roster(tmp_path, project, data)
    ws = load_workbook(write_roster_xlsx(records, tmp_path / "roster.xlsx")).active
    assert ws.title == "花名册" and ws.freeze_panes == "A2"
    assert ws["A2"].value == "=1+1" and ws["A2"].data_type == "s"
    assert ws["D2"].value == 2 and ws["H2"].value == 100
    assert ws["I2"].value.date() == dt.date(2026, 6, 26) and ws["I2"].number_format == 'yyyy"年"m"月"d"日"'
    assert ws["D3"].value == 0 and ws["K3"].value.startswith("分数与答案不符")
    assert ws["K3"].fill.fgColor.rgb.endswith("FFE082")


def test_merge_command_summary_counts_flags_skips_and_folds(tmp_path, run_cli, data):
    right = right_answers(data["quiz"])
    good = learner(tmp_path / "in", data, "张三", attempts=[right])
    again = learner(tmp_path / "in2", data, "张三", attempts=[right])
    edited = edit(learner(tmp_path / "in", data, "李四", attempts=[[None] * len(right)]), best_score=95)
    broken = tmp_path / "in" / "broken.json"
    broken.write_text("{", encoding="utf-8")
    spaced = learner(tmp_path / "in", data, "王 伟", attempts=[right])
    unspaced = learner(tmp_path / "in", data, "王伟", attempts=[right])
    out = tmp_path / "roster.csv"
    result = run_cli("results", "merge", good, again, edited, broken, spaced, unspaced, "--out", out, "--project", MINI)
    assert result.exit_code == 0, result.output
    assert "Wrote 4 learner records" in result.stdout
    assert "1 flagged (score 1), 1 file skipped, 1 duplicate folded" in result.stdout
    assert f"warning: skipped {broken}: not valid JSON" in result.stderr
    assert "flagged: 李四" in result.stderr
    assert "王 伟 / 王伟 differ only in spacing or case" in result.stderr
    assert "folded into the record" in result.stderr
    out.write_text("the trainer's own notes", encoding="utf-8")
    result = run_cli("results", "merge", good, "--out", out, "--project", MINI)
    assert result.exit_code == 2 and "exists already" in result.stderr
    assert out.read_text(encoding="utf-8") == "the trainer's own notes"
    result = run_cli("results", "merge", good, "--out", out, "--force", "--project", MINI, "--lang", "en")
    assert result.exit_code == 0 and out.read_text(encoding="utf-8-sig").startswith("Name,Training module,")
    as_csv = learner(tmp_path / "csv", data, "张三", attempts=[right], csv_file=True)
    result = run_cli("results", "merge", as_csv, "--out", as_csv, "--force", "--project", MINI)
    assert result.exit_code == 2 and "one of the files to merge" in result.stderr
