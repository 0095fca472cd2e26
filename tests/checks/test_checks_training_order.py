"""generator.checks.references: the order of training modules (``after``) and its circles."""

from __future__ import annotations

from pathlib import Path

from generator.loader import load_project

MODULE = "title: {zh: 甲, en: A}\ncredit_hours: 1\nunits: [first-lesson]\n"


def errors(root: Path) -> list[str]:
    """The errors about the order (the starter project has no `social-workers` audience: left out)."""
    return [str(d) for d in load_project(root).diagnostics.sorted() if d.is_error and "audience" not in d.message]


def test_a_circle_names_every_module_on_it_at_its_after_entry(tmp_path: Path, make_project) -> None:
    root = make_project(tmp_path / "p", {
        "content/training/a.yml": MODULE + "after: [b]\n",
        "content/training/b.yml": MODULE + "after: [x, c]\n",
        "content/training/c.yml": MODULE + "after: [a]\n",
        "content/training/x.yml": MODULE,
        "content/training/y.yml": MODULE + "after: [a]\n",  # after a circle, but not on it
    })
    tail = "remove one of these `after` entries"
    assert errors(root) == [
        f"content/training/a.yml:4:9: error: training module 'a' comes after itself (through `after`): "
        f"a after b, b after c, c after a; {tail}",
        f"content/training/b.yml:4:12: error: training module 'b' comes after itself (through `after`): "
        f"b after c, c after a, a after b; {tail}",
        f"content/training/c.yml:4:9: error: training module 'c' comes after itself (through `after`): "
        f"c after a, a after b, b after c; {tail}",
    ]


def test_every_circle_is_reported_and_a_module_after_itself_too(tmp_path: Path, make_project) -> None:
    root = make_project(tmp_path / "p", {
        "content/training/a.yml": MODULE + "after: [b]\n",
        "content/training/b.yml": MODULE + "after: [a]\n",
        "content/training/s.yml": MODULE + "after: [s]\n",
    })
    found = errors(root)
    assert [line.split(": error: ")[0] for line in found] == [
        "content/training/a.yml:4:9", "content/training/b.yml:4:9", "content/training/s.yml:4:9"]
    assert found[2].endswith("training module 's' comes after itself (through `after`): s after s; "
                             "remove one of these `after` entries")
