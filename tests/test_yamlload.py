"""generator.yamlload: YAML with positions, and the YAML traps it closes.

Every case writes a real file and asserts the exact ``path:line:col`` an editor would see.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.errors import Diagnostics, Location, relpath
from generator.yamlload import MAX_DEPTH, MAX_NODES, Document, load_yaml


def load(tmp_path: Path, text: str | bytes, name: str = "x.yml") -> tuple[Document | None, list[str]]:
    path = tmp_path / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    doc = load_yaml(path, tmp_path, diags)
    return doc, [str(d) for d in diags]


# --- positions ---------------------------------------------------------------------------------


def test_values_and_keys_keep_their_line_and_column(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "title: 认识毒品\nsections:\n  - id: intro\n    minutes: 10\n")
    assert problems == []
    assert doc is not None
    assert doc.data == {"title": "认识毒品", "sections": [{"id": "intro", "minutes": 10}]}
    assert str(doc.loc(("title",))) == "content/x.yml:1:8"
    assert str(doc.loc(("sections", 0, "minutes"))) == "content/x.yml:4:14"
    assert str(doc.loc(("sections", 0, "minutes"), key=True)) == "content/x.yml:4:5"
    # an unknown path falls back to its nearest known parent
    assert str(doc.loc(("sections", 0, "body"))) == "content/x.yml:3:5"
    assert str(doc.loc(("nothing", "here"))) == "content/x.yml:1:1"


def test_location_and_relpath_formats(tmp_path: Path) -> None:
    assert str(Location("content/a.yml", 3, 7)) == "content/a.yml:3:7"
    assert str(Location("content/a.yml", 3)) == "content/a.yml:3:1"
    assert str(Location("content/a.yml")) == "content/a.yml:1:1"  # always three parts, for problem matchers
    assert relpath(tmp_path / "content" / "lessons" / "a.yml", tmp_path) == "content/lessons/a.yml"
    outside = tmp_path.parent / "elsewhere.yml"
    assert relpath(outside, tmp_path) == outside.as_posix()


# --- YAML 1.1 traps -----------------------------------------------------------------------------


def test_unquoted_time_stays_a_time_not_base_60(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "start: 14:30\nend: 1:30:00\nn: 42\nf: 1.5\nhex: 0x1F\n")
    assert problems == []
    assert doc is not None
    assert doc.data == {"start": "14:30", "end": "1:30:00", "n": 42, "f": 1.5, "hex": 31}


def test_real_dates_are_dates_and_impossible_dates_stay_text(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "a: 2026-06-26\nb: 2026-02-30\n")
    assert problems == []
    assert doc is not None
    assert doc.data == {"a": dt.date(2026, 6, 26), "b": "2026-02-30"}


def test_yes_no_null_and_date_keys_stay_the_words_the_editor_typed(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "yes: 1\non: 2\nnull: 3\n2026-01-01: 4\n1.5: 5\n2: 6\n")
    assert problems == []
    assert doc is not None
    assert doc.data == {"yes": 1, "on": 2, "null": 3, "2026-01-01": 4, "1.5": 5, 2: 6}


# --- refused YAML -------------------------------------------------------------------------------


def test_duplicate_key_is_an_error_on_the_second_key(tmp_path: Path) -> None:
    _doc, problems = load(tmp_path, "title: a\nsummary: s\ntitle: b\n")
    assert problems == ["content/x.yml:3:1: error: duplicate key 'title' (first given on line 1); the second would silently win"]


def test_nested_duplicate_key(tmp_path: Path) -> None:
    _doc, problems = load(tmp_path, "sections:\n  - id: a\n    body: x\n    id: b\n")
    assert problems == ["content/x.yml:4:5: error: duplicate key 'id' (first given on line 2); the second would silently win"]


def test_tab_indentation_points_at_the_tab(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "title: x\nsections:\n  \t- id: a\n")
    assert doc is None
    assert problems == ["content/x.yml:3:3: error: a tab is used for indentation: YAML needs spaces"]


def test_tab_inside_a_value_is_not_indentation(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, 'title: "a\tb"\n')
    assert problems == []
    assert doc is not None and doc.data == {"title": "a\tb"}


@pytest.mark.parametrize(
    "text,expected",
    [
        ("title: x\nsummary: a: b\n",
         "content/x.yml:2:11: error: YAML syntax error: mapping values are not allowed in this context "
         "(a colon followed by a space inside a value? put the value in quotes)"),
        ('title: x\nsummary: "open\nbody: y\n',
         "content/x.yml:4:1: error: YAML syntax error: found unexpected end of stream (the quoted text opened on line 2 is not closed?)"),
        ("title: x\nlist: [a, b\nbody: y\n",
         "content/x.yml:3:5: error: YAML syntax error: did not find expected ',' or ']' (the [ list opened on line 2 is not closed?)"),
        ("title: x\n  indented: y\n", "content/x.yml:2:11: error: YAML syntax error: mapping values are not allowed in this context"),
        ("title: *nowhere\n", "content/x.yml:1:8: error: YAML syntax error: found undefined alias"),
    ],
)
def test_syntax_errors_point_at_the_line(tmp_path: Path, text: str, expected: str) -> None:
    doc, problems = load(tmp_path, text)
    assert doc is None
    assert len(problems) == 1
    assert problems[0].startswith(expected), problems


@pytest.mark.parametrize(
    "text,expected",
    [
        ("title: !!python/object:os.system x\n", "content/x.yml:1:8: error: unsupported YAML tag 'tag:yaml.org,2002:python/object:os.system'"),
        ("a: 1\nb: !!python/name:os.system\n", "content/x.yml:2:4: error: unsupported YAML tag 'tag:yaml.org,2002:python/name:os.system'"),
        ("a: !local thing\n", "content/x.yml:1:4: error: unsupported YAML tag '!local'"),
        ("a: !!set {x, y}\n", "content/x.yml:1:4: error: unsupported YAML tag 'tag:yaml.org,2002:set'"),
    ],
)
def test_non_standard_tags_are_errors(tmp_path: Path, text: str, expected: str) -> None:
    _doc, problems = load(tmp_path, text)
    assert any(p.startswith(expected) for p in problems), problems


def test_python_tags_never_run_code(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    _doc, problems = load(tmp_path, f'a: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert problems and "unsupported YAML tag" in problems[0]
    assert not marker.exists()


def test_merge_keys_and_complex_keys_are_refused(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "base: &b {x: 1}\nitem:\n  <<: *b\n  ? [a, b]\n  : 2\n  y: 3\n")
    assert problems == [
        "content/x.yml:3:3: error: YAML merge keys (<<) are not supported: write the fields out",
        "content/x.yml:4:5: error: a key must be a plain word, not a list or a map",
    ]
    assert doc is not None and doc.data["item"] == {"y": 3}


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    doc, problems = load(tmp_path, "\n".join(lines) + "\n")  # 9**9 strings if expanded
    assert doc is None
    assert problems == [f"content/x.yml:1:1: error: the file expands to more than {MAX_NODES} values (aliases?); it is refused"]


def test_billion_laughs_stops_after_a_bounded_amount_of_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """"Quickly" without a clock: the loader gives up after MAX_NODES values, not 9**9."""
    from generator import yamlload

    calls = 0
    real = yamlload._Builder.build

    def counting(self: object, node: object, path: tuple[str | int, ...]) -> object:
        nonlocal calls
        calls += 1
        return real(self, node, path)  # type: ignore[arg-type]

    monkeypatch.setattr(yamlload._Builder, "build", counting)
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    doc, _problems = load(tmp_path, "\n".join(lines) + "\n")
    assert doc is None
    assert calls == MAX_NODES + 1


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "a: &t {zh: 冰毒, en: meth}\nb: *t\n")
    assert problems == []
    assert doc is not None and doc.data["b"] == {"zh": "冰毒", "en": "meth"}


def test_recursive_alias_is_refused_not_a_crash(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "a: &a [1, *a]\n")
    assert doc is None
    assert len(problems) == 1 and problems[0].startswith("content/x.yml:1:")
    assert f"nested more than {MAX_DEPTH} levels deep" in problems[0]


def test_deep_nesting_is_refused_not_a_crash(tmp_path: Path) -> None:
    depth = 800  # below libyaml's own limit of 1000, far above Python's patience for recursion
    doc, problems = load(tmp_path, "title: " + "[" * depth + "]" * depth + "\n")
    assert doc is None
    assert len(problems) == 1
    assert problems[0].startswith("content/x.yml:1:") and "nested more than" in problems[0]


# --- encodings and odd files --------------------------------------------------------------------


def test_non_utf8_file(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "title: 认识毒品\n".encode("gbk"))
    assert doc is None
    assert problems == ["content/x.yml:1:1: error: the file is not UTF-8 text (invalid continuation byte at byte 7); save it as UTF-8"]


def test_non_utf8_byte_on_a_later_line(tmp_path: Path) -> None:
    _doc, problems = load(tmp_path, "title: 认识\nbody: ok ".encode() + b"\xff\n")
    assert problems == ["content/x.yml:2:1: error: the file is not UTF-8 text (invalid start byte at byte 23); save it as UTF-8"]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "\ufefftitle: 认识毒品\n".encode())
    assert problems == []
    assert doc is not None and doc.data == {"title": "认识毒品"}


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file_gives_no_data(tmp_path: Path, text: str) -> None:
    doc, problems = load(tmp_path, text)
    assert problems == []
    assert doc is not None and doc.data is None
    assert str(doc.loc()) == "content/x.yml:1:1"


def test_control_character_is_located(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "title: 认识毒品\nbody: ab\x00c\n")
    assert doc is None
    assert problems == ["content/x.yml:2:9: error: the file contains the control character U+0000, which YAML does not allow: delete it"]


def test_a_list_at_the_top_is_loaded_for_the_validator_to_refuse(tmp_path: Path) -> None:
    doc, problems = load(tmp_path, "- a\n- b\n")
    assert problems == []
    assert doc is not None and doc.data == ["a", "b"]


def test_unreadable_path_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "content" / "dir.yml"
    folder.mkdir(parents=True)
    diags = Diagnostics()
    assert load_yaml(folder, tmp_path, diags) is None
    assert len(diags) == 1
    assert str(diags.items[0]).startswith("content/dir.yml:1:1: error: cannot read the file")


def test_a_text_over_the_size_cap_is_refused_with_its_line(tmp_path: Path) -> None:
    from generator.yamlload import MAX_TEXT_CHARS

    long = "毒" * (MAX_TEXT_CHARS + 1)
    doc, problems = load(tmp_path, f"title: short\nbody: {long}\n")
    assert problems == [f"content/x.yml:2:7: error: this text is {MAX_TEXT_CHARS + 1:,} characters long; the most one "
                        f"text may hold is {MAX_TEXT_CHARS:,}: split it into sections or items"]
    assert doc is not None and doc.data == {"title": "short", "body": ""}
    _doc, problems = load(tmp_path, f"body: {'毒' * MAX_TEXT_CHARS}\n", name="y.yml")
    assert problems == []
