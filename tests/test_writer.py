"""generator.writer: the only code that writes into the output folder.

It refuses paths that leave the folder, two owners for one path, overlapping folder claims and
``--out`` folders it did not make; a failed build leaves the previous output untouched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import BuildError, UsageError
from generator.writer import MARKER, MARKER_NOTE, OutputWriter, read_owned


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_writes_land_in_the_output_only_after_commit(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with OutputWriter(out) as writer:
        writer.write_text("zh/index.html", "<p>你好</p>", "pages")
        writer.write_bytes("media/a.png", b"\x89PNG", "media")
        assert not out.exists()  # still staged
    assert tree(out) == {
        MARKER: (MARKER_NOTE + "media/a.png\nzh/index.html\n").encode(),
        "media/a.png": b"\x89PNG",
        "zh/index.html": "<p>你好</p>".encode(),
    }
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging folder left behind


def test_a_new_build_replaces_the_old_output_completely(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with OutputWriter(out) as writer:
        writer.write_text("old.html", "old", "pages")
    with OutputWriter(out) as writer:
        writer.write_text("new.html", "new", "pages")
    assert sorted(tree(out)) == [MARKER, "new.html"]


def test_an_exception_leaves_the_old_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with OutputWriter(out) as writer:
        writer.write_text("index.html", "old", "pages")
    before = tree(out)
    with pytest.raises(RuntimeError), OutputWriter(out) as writer:
        writer.write_text("index.html", "half-built", "pages")
        raise RuntimeError("a renderer failed")
    assert tree(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


@pytest.mark.parametrize("rel", ["../x.html", "/abs/x.html", "a/../../x.html", "..", ".", "", "a\\b.html", "C:/x.html",
                                 "./../x", "a/./../../b"])
def test_paths_that_leave_the_output_are_refused(tmp_path: Path, rel: str) -> None:
    with OutputWriter(tmp_path / "site") as writer, pytest.raises(BuildError, match="refusing to write"):
        writer.claim(rel, "pages")
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("rel,stored", [("a/../b.html", "b.html"), ("./c.html", "c.html"), ("..d.html", "..d.html"), ("a//e.html", "a/e.html")])
def test_odd_but_inside_paths_are_normalised(tmp_path: Path, rel: str, stored: str) -> None:
    out = tmp_path / "site"
    with OutputWriter(out) as writer:
        writer.write_text(rel, "x", "pages")
    assert stored in tree(out)


def test_the_marker_file_cannot_be_claimed(tmp_path: Path) -> None:
    with OutputWriter(tmp_path / "site") as writer, pytest.raises(BuildError, match="marks the output folder"):
        writer.write_text(MARKER, "mine", "pages")


def test_two_owners_for_one_path_are_refused(tmp_path: Path) -> None:
    with OutputWriter(tmp_path / "site") as writer:
        writer.write_text("lessons/a.html", "x", "pages")
        with pytest.raises(BuildError, match=r"two outputs want the same file lessons/a\.html: pages and kits"):
            writer.write_text("lessons/./a.html", "y", "kits")
        with pytest.raises(BuildError, match=r"pages writes lessons/a\.html twice"):
            writer.write_text("lessons/a.html", "z", "pages")


def test_a_file_inside_another_owners_folder_is_refused(tmp_path: Path) -> None:
    with OutputWriter(tmp_path / "site") as writer:
        writer.claim_dir("zh", "site engine")
        with pytest.raises(BuildError, match="inside the folder zh/ that site engine writes"):
            writer.write_text("zh/extra.html", "x", "kits")
        writer.write_text("zh/own.html", "x", "site engine")  # its own folder: fine
        writer.write_text("zhx/index.html", "x", "kits")  # a sibling that only starts alike: fine


@pytest.mark.parametrize(
    "first,second",
    [(("dir", "zh"), ("dir", "zh")), (("dir", "zh"), ("dir", "zh/lessons")), (("dir", "zh/lessons"), ("dir", "zh")),
     (("file", "zh/index.html"), ("dir", "zh")), (("file", "zh"), ("dir", "zh"))],
)
def test_overlapping_folder_claims_are_refused(tmp_path: Path, first: tuple[str, str], second: tuple[str, str]) -> None:
    with OutputWriter(tmp_path / "site") as writer:
        (writer.claim_dir if first[0] == "dir" else writer.claim)(first[1], "one")
        with pytest.raises(BuildError, match="overlaps"):
            writer.claim_dir(second[1], "two")


def test_a_file_and_a_folder_of_the_same_name_are_refused(tmp_path: Path) -> None:
    with OutputWriter(tmp_path / "site") as writer:
        writer.write_text("kits/a", "file", "kits")
        with pytest.raises(BuildError, match="which kits writes as a file"):
            writer.write_text("kits/a/b.pdf", "x", "posters")
        writer.write_text("media/x/y.png", "x", "media")
        with pytest.raises(BuildError, match="writes files inside a folder of that name"):
            writer.write_text("media/x", "x", "posters")


def test_out_at_or_above_the_project_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "content").mkdir(parents=True)
    for out in (project, tmp_path, project / "content", project / "content" / "site", project / "quizzes"):
        with pytest.raises(UsageError):
            OutputWriter(out, project_root=project)
    OutputWriter(project / "site", project_root=project)  # the default place is fine


def test_a_folder_dandelion_did_not_make_is_never_replaced(tmp_path: Path) -> None:
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter1.docx").write_text("years of work")
    with pytest.raises(UsageError, match="already holds files that Dandelion did not write"):
        OutputWriter(precious)
    assert tree(precious) == {"chapter1.docx": b"years of work"}


def test_an_empty_folder_or_a_previous_output_may_be_used(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with OutputWriter(empty) as writer:
        writer.write_text("a.html", "a", "pages")
    with OutputWriter(empty) as writer:  # now it carries the marker
        writer.write_text("b.html", "b", "pages")
    assert sorted(tree(empty)) == [MARKER, "b.html"]


def test_out_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.write_text("not a folder")
    with pytest.raises(UsageError, match="is a file, not a folder"):
        OutputWriter(target)


# --- keeping a folder of the previous output (build --no-kits keeps the kits) ----------------------


def test_a_carried_folder_survives_the_swap_and_nothing_else_does(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with OutputWriter(out) as writer:
        writer.write_text("kits/manifest.json", "{}", "kits")
        writer.write_bytes("kits/zh/a.pdf", b"pdf", "kits")
        writer.write_text("zh/index.html", "old page", "site")
    with OutputWriter(out) as writer:
        writer.carry_over("kits", "kept kits")
        assert writer.staged("kits/zh/a.pdf") is not None
        assert writer.staged("kits/zh/missing.pdf") is None
        writer.write_text("zh/index.html", "new page", "site")
    assert tree(out) == {MARKER: (out / MARKER).read_bytes(), "kits/manifest.json": b"{}", "kits/zh/a.pdf": b"pdf",
                         "zh/index.html": b"new page"}


def test_carrying_a_folder_the_old_output_lacks_keeps_nothing(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with OutputWriter(out) as writer:
        writer.carry_over("kits", "kept kits")
        writer.write_text("index.html", "x", "root")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [MARKER, "index.html"]


def test_a_carried_folder_is_claimed_by_its_owner(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with OutputWriter(out) as writer:
        writer.write_bytes("kits/zh/a.pdf", b"pdf", "kits")
    with pytest.raises(BuildError, match="kept kits"), OutputWriter(out) as writer:
        writer.carry_over("kits", "kept kits")
        writer.write_bytes("kits/zh/b.pdf", b"other", "someone else")
    assert tree(out)["kits/zh/a.pdf"] == b"pdf"  # the refused run changed nothing


def test_a_failed_run_leaves_the_carried_files_intact(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with OutputWriter(out) as writer:
        writer.write_bytes("kits/zh/a.pdf", b"pdf", "kits")
    with pytest.raises(RuntimeError), OutputWriter(out) as writer:
        writer.carry_over("kits", "kept kits")
        raise RuntimeError("a renderer failed")
    assert (out / "kits" / "zh" / "a.pdf").read_bytes() == b"pdf"


# --- files Dandelion did not write, killed runs, two runs at once -----------------------------------


def test_files_someone_else_put_in_the_output_are_kept(tmp_path: Path) -> None:
    """A school copies the built site into its web root beside its own pages; the next build keeps them."""
    out = tmp_path / "webroot"
    with OutputWriter(out) as writer:
        writer.write_text("zh/index.html", "v1", "pages")
        writer.write_text("old-page.html", "v1", "pages")
    (out / "school").mkdir()
    (out / "school" / "timetable.html").write_text("the school's own page")
    (out / "zh" / "notice.txt").write_text("the school's notice")
    with OutputWriter(out) as writer:
        writer.write_text("zh/index.html", "v2", "pages")
    assert tree(out) == {
        MARKER: (MARKER_NOTE + "zh/index.html\n").encode(),
        "school/timetable.html": b"the school's own page",
        "zh/index.html": b"v2",
        "zh/notice.txt": b"the school's notice",
    }  # old-page.html, which Dandelion wrote, is gone
    assert read_owned(out) == {"zh/index.html"}


def test_a_build_that_would_replace_a_file_it_did_not_write_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "webroot"
    with OutputWriter(out) as writer:
        writer.write_text("zh/index.html", "v1", "pages")
    (out / "help.html").write_text("the school's help page")
    before = tree(out)
    with pytest.raises(BuildError, match="was not written by Dandelion, and this build would replace it"), \
            OutputWriter(out) as writer:
        writer.write_text("help.html", "ours", "pages")
    assert tree(out) == before


def test_an_older_marker_without_a_list_means_everything_is_dandelions(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_text("Built by Dandelion. This whole folder is replaced by the next build.\n")
    (out / "old.html").write_text("old")
    with OutputWriter(out) as writer:
        writer.write_text("new.html", "new", "pages")
    assert sorted(tree(out)) == [MARKER, "new.html"]


def test_leftovers_of_a_killed_build_are_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "site"
    for leftover in (".site.staging-999999", ".site.old-999999"):
        (tmp_path / leftover / "zh").mkdir(parents=True)
        (tmp_path / leftover / "zh" / "big.pdf").write_bytes(b"x" * 1000)
    (tmp_path / ".other.staging-1").mkdir()  # another output's: not ours to touch
    with OutputWriter(out) as writer:
        writer.write_text("a.html", "a", "pages")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.staging-1", "site"]


def test_two_runs_into_one_output_the_second_is_refused_clearly(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with OutputWriter(out) as first:
        first.write_text("a.html", "first", "pages")
        with pytest.raises(UsageError, match=r"another Dandelion run \(process \d+\) is writing into"):
            OutputWriter(out).__enter__()
    assert tree(out)["a.html"] == b"first"
    with OutputWriter(out) as again:  # released after the first run
        again.write_text("b.html", "b", "pages")


def test_a_lock_held_by_another_process_is_respected_and_released_when_it_dies(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys

    out = tmp_path / "site"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from generator.writer import OutputWriter\n"
        f"w = OutputWriter(Path({str(out)!r})); w.__enter__(); print('locked', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True, env={**__import__("os").environ,
                                               "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(UsageError, match=f"process {holder.pid}"):
            OutputWriter(out).__enter__()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with OutputWriter(out) as writer:  # kill -9 released the lock; its staging folder is recovered
        writer.write_text("a.html", "a", "pages")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_full_disk_is_a_clear_build_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    out = tmp_path / "site"
    with OutputWriter(out) as writer:
        writer.write_text("a.html", "a", "pages")
    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(BuildError, match=r"cannot write kits/a\.pdf: No space left on device \(the previous output is unchanged\)"), \
            OutputWriter(out) as writer:
        writer.write_bytes("kits/a.pdf", b"%PDF", "kits")
    assert tree(out)["a.html"] == b"a"


def test_a_folder_owner_may_leave_a_subfolder_to_another_renderer(tmp_path: Path) -> None:
    out = tmp_path / "site"
    with OutputWriter(out) as writer:
        writer.claim_dir("zh", "site engine", leave=("slides",))
        writer.write_text("zh/slides/deck.html", "deck", "slides")
        with pytest.raises(BuildError, match="inside the folder zh/"):
            writer.write_text("zh/lessons/x.html", "x", "slides")
        with pytest.raises(BuildError, match="inside the folder zh/"):
            writer.write_text("zh/slidesx/y.html", "y", "slides")  # only the folder named, not a prefix
    assert (out / "zh" / "slides" / "deck.html").read_text() == "deck"
