"""Fuzzing the editor-facing readers with hypothesis: whatever an editor or a learner's file holds, the
loader, the validator and the results reader answer with diagnostics or a ResultsError, never a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import Diagnostics
from generator.loader import load_project
from generator.results import ResultsError, read_results
from generator.yamlload import load_yaml

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Characters editors really type, plus YAML's own syntax and a few hostile ones.
_ALPHABET = st.sampled_from([*list("abz:-[]{},&*!|>'\"#% \n\t：，。毒冰\\@`<>?=_0129."), "\u200b", "\u202e", "\x00", "\ufeff"])
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=True),
                     st.text(_ALPHABET, max_size=30))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(_ALPHABET, max_size=12), inner, max_size=5)), max_leaves=20)
_LESSON_KEYS = ["title", "summary", "audiences", "settings", "duration_minutes", "objectives", "sections",
                "key_points", "references", "glossary", "quiz", "topics", "slogans", "id", "minutes", "body"]


@FUZZ
@given(text=st.text(_ALPHABET, max_size=300))
def test_any_text_as_a_yaml_file_gives_diagnostics_not_a_traceback(tmp_path: Path, text: str) -> None:
    path = tmp_path / "content" / "x.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    diags = Diagnostics()
    load_yaml(path, tmp_path, diags)
    assert all(str(d).startswith("content/x.yml:") for d in diags)


@FUZZ
@given(data=st.dictionaries(st.sampled_from(_LESSON_KEYS), _VALUES, max_size=8))
def test_any_shape_of_lesson_gives_diagnostics_not_a_traceback(tmp_path: Path, make_project, data: dict) -> None:
    root = tmp_path / "p"
    if root.exists():
        import shutil

        shutil.rmtree(root)
    text = yaml.safe_dump(data, allow_unicode=True)
    make_project(root, {"content/lessons/fuzzed.yml": text})
    result = load_project(root)  # must not raise
    for diagnostic in result.diagnostics:
        assert str(diagnostic).split(":", 1)[0].endswith((".yml", ".yaml"))


_RECORD_KEYS = ["format", "version", "name", "training", "title", "credit_hours", "units_read", "units_total", "quiz",
                "best_score", "passed_at", "exported_at"]
_JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-10**500, 10**500), st.floats(allow_nan=False),
              st.text(_ALPHABET, max_size=20)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=10)


@FUZZ
@given(record=st.dictionaries(st.sampled_from(_RECORD_KEYS), _JSON_VALUES, max_size=12),
       valid_head=st.booleans(), as_csv=st.booleans())
def test_any_results_file_is_read_or_refused_with_a_reason(tmp_path: Path, record: dict, valid_head: bool,
                                                             as_csv: bool) -> None:
    if valid_head:
        record = {**record, "format": "dandelion-results", "version": 1}
    if as_csv:
        path = tmp_path / "r.csv"
        keys = list(record)
        line = ",".join(json.dumps(record[k], ensure_ascii=False) for k in keys)
        path.write_text(",".join(keys) + "\n" + line + "\n", encoding="utf-8")
    else:
        path = tmp_path / "r.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    try:
        read_results(path)
    except ResultsError as exc:
        assert str(path) in str(exc)


@FUZZ
@given(raw=st.binary(max_size=400))
def test_any_bytes_as_a_results_file_are_refused_with_a_reason(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "r.json"
    path.write_bytes(raw)
    try:
        read_results(path)
    except ResultsError as exc:
        assert "r.json" in str(exc)
