"""The guarded writer: the only code that puts files into the output folder.

* Every path is checked: relative, normalised, inside the output folder. Two renderers claiming
  one path is a bug and stops the build (Pelican's rule).
* Everything is written to a staging folder beside the output; only a complete build replaces
  the old output, in one rename. A failed or refused build leaves the previous site untouched.
* The output folder carries a marker file; a folder without it that is not empty is never
  replaced, so ``--out`` pointed at the wrong place cannot wipe someone's files.
* A run may keep one folder of the previous output as it is (:meth:`OutputWriter.carry_over`:
  ``build --no-kits`` keeps ``kits/``); it is claimed like any other folder.
* The marker lists every file the build wrote, and only those are ever replaced or removed. A school
  that copies the built site into its web root beside its own pages keeps them: the next build carries
  every file it did not write over into the new output, and refuses to write over one.
* One build at a time per output folder (a lock beside it, released by the system even after
  ``kill -9``); staging and old folders left behind by a killed build are removed by the next one.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import posixpath
import shutil
from pathlib import Path

from .errors import BuildError, UsageError

MARKER = ".dandelion-output"
MARKER_NOTE = ("Built by Dandelion. The next build replaces the files listed below and keeps every other file "
               "in this folder.\n")


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _not_owned(out: Path, owned: set[str]):  # type: ignore[no-untyped-def]
    """A ``copytree`` ignore function that skips files of ``out`` that no Dandelion build wrote."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        base = Path(folder).relative_to(out).as_posix()
        return {name for name in names
                if not (Path(folder) / name).is_dir() and posixpath.normpath(posixpath.join(base, name)) not in owned}

    return ignore


class OutputWriter:
    def __init__(self, out: Path, *, project_root: Path | None = None) -> None:
        self.out = out.resolve()
        if project_root is not None:
            root = project_root.resolve()
            if self.out == root or root.is_relative_to(self.out):
                raise UsageError(f"the output folder {out} would contain the project itself: choose another --out")
            for name in ("content", "quizzes", "generator", "theme"):
                if self.out == root / name or self.out.is_relative_to(root / name):
                    raise UsageError(f"the output folder {out} lies inside the project's {name}/ folder: choose another --out")
        if self.out.exists() and not self.out.is_dir():
            raise UsageError(f"the output path {out} is a file, not a folder")
        if self.out.exists() and any(self.out.iterdir()) and not (self.out / MARKER).exists():
            raise UsageError(
                f"{out} already holds files that Dandelion did not write; refusing to replace it (empty it or choose another --out)"
            )
        self.staging = self.out.parent / f".{self.out.name}.staging-{os.getpid()}"
        self.lock_path = self.out.parent / f".{self.out.name}.lock"
        self._lock: int | None = None
        self.claims: dict[str, str] = {}
        self.dir_claims: dict[str, str] = {}
        #: subfolders a folder's owner leaves to other renderers (``<lang>/slides`` inside the site's ``<lang>``)
        self.dir_leaves: dict[str, tuple[str, ...]] = {}
        self._folders: dict[str, str] = {}  # every folder that holds a claimed file → its first owner

    def __enter__(self) -> OutputWriter:
        self._acquire_lock()
        try:
            self._remove_leftovers()
            self.staging.mkdir(parents=True)
        except BaseException:
            self._release_lock()
            raise
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            if exc_type is None:
                self.commit()
            else:
                self.abort()
        finally:
            self._release_lock()

    # -- one build at a time, and what a killed build left ------------------------------------------
    def _acquire_lock(self) -> None:
        """Lock ``.<out>.lock`` beside the output; the file is removed again when the run ends.

        After locking, the file must still be the one at that path (a run that just finished may have
        removed it): otherwise lock the new one. The system releases the lock of a killed process.
        """
        self.out.parent.mkdir(parents=True, exist_ok=True)
        while True:
            descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip() or "another process"
                os.close(descriptor)
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    raise UsageError(f"another Dandelion run (process {holder}) is writing into {self.out}: "
                                     "wait until it has finished, or choose another --out") from None
                raise
            try:
                same = os.stat(self.lock_path).st_ino == os.fstat(descriptor).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(descriptor)
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, str(os.getpid()).encode(), 0)
        self._lock = descriptor

    def _release_lock(self) -> None:
        if self._lock is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.lock_path)
            os.close(self._lock)
            self._lock = None

    def _remove_leftovers(self) -> None:
        """Staging and old folders of a killed run on this output (we hold the lock: nobody else is writing)."""
        for prefix in (f".{self.out.name}.staging-", f".{self.out.name}.old-", f".{self.out.name}.kits-"):
            for leftover in self.out.parent.glob(prefix + "*"):
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover, ignore_errors=True)

    def _check(self, rel: str) -> str:
        if not rel or rel.startswith(("/", "\\")) or "\\" in rel or ":" in rel.split("/")[0] or "\0" in rel:
            raise BuildError(f"refusing to write {rel!r}: output paths are relative with forward slashes")
        norm = posixpath.normpath(rel)
        if norm in (".", "..") or norm.startswith("../"):
            raise BuildError(f"refusing to write {rel!r}: it leaves the output folder")
        if norm == MARKER:
            raise BuildError(f"refusing to write {rel!r}: that name marks the output folder as Dandelion's")
        return norm

    @staticmethod
    def _ancestors(norm: str) -> list[str]:
        parts = norm.split("/")
        return ["/".join(parts[:i]) for i in range(1, len(parts))]

    def claim(self, rel: str, owner: str) -> Path:
        """Reserve ``rel`` for ``owner`` and return the staging path to write to."""
        norm = self._check(rel)
        if norm in self.claims and self.claims[norm] != owner:
            raise BuildError(f"two outputs want the same file {norm}: {self.claims[norm]} and {owner}")
        if norm in self.claims:
            raise BuildError(f"{owner} writes {norm} twice")
        for folder, who in self.dir_claims.items():
            left = any((norm + "/").startswith(f"{folder}/{sub}/") for sub in self.dir_leaves.get(folder, ()))
            if (norm + "/").startswith(folder + "/") and who != owner and not left:
                raise BuildError(f"{owner} wants {norm}, inside the folder {folder}/ that {who} writes")
        if norm in self._folders:
            raise BuildError(f"{owner} wants the file {norm}, but {self._folders[norm]} writes files inside a folder of that name")
        for folder in self._ancestors(norm):
            if folder in self.claims:
                raise BuildError(f"{owner} wants {norm}, inside {folder}, which {self.claims[folder]} writes as a file")
        for folder in self._ancestors(norm):
            self._folders.setdefault(folder, owner)
        self.claims[norm] = owner
        path = self.staging / norm
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def claim_dir(self, rel: str, owner: str, *, leave: tuple[str, ...] = ()) -> Path:
        """Reserve a whole folder for a renderer that writes many files itself (the site engine).

        ``leave``: subfolders (relative to ``rel``) that the owner does not write and other renderers may
        claim files in, after the owner has written its files (slide decks in ``<lang>/slides/``).
        """
        norm = self._check(rel)
        for other, who in [*self.dir_claims.items(), *self.claims.items()]:
            if other == norm or other.startswith(norm + "/") or norm.startswith(other + "/"):
                raise BuildError(f"{owner} wants the folder {norm}/, which overlaps {other} written by {who}")
        self.dir_claims[norm] = owner
        if leave:
            self.dir_leaves[norm] = tuple(leave)
        path = self.staging / norm
        path.mkdir(parents=True, exist_ok=True)
        return path

    def write_text(self, rel: str, text: str, owner: str) -> Path:
        path = self.claim(rel, owner)
        with _disk_errors(rel):
            path.write_text(text, encoding="utf-8")
        return path

    def write_bytes(self, rel: str, data: bytes, owner: str) -> Path:
        path = self.claim(rel, owner)
        with _disk_errors(rel):
            path.write_bytes(data)
        return path

    def copy_file(self, source: Path, rel: str, owner: str) -> Path:
        path = self.claim(rel, owner)
        with _disk_errors(rel):
            shutil.copyfile(source, path)
        return path

    def carry_over(self, rel: str, owner: str) -> Path:
        """Keep the folder ``rel`` of the previous output: copy it into this run's output as it is.

        ``build --no-kits`` keeps the kits built before. Files are hard-linked where the file system
        allows (the old output is deleted on commit, so nothing is shared for long), else copied.
        """
        target = self.claim_dir(rel, owner)
        norm = self._check(rel)
        source = self.out / norm
        if source.is_dir() and not source.is_symlink():
            owned = read_owned(self.out)  # only what Dandelion wrote; anything else there is kept by commit()
            shutil.copytree(source, target, dirs_exist_ok=True, copy_function=_link_or_copy,
                            ignore=None if owned is None else _not_owned(self.out, owned))
        return target

    def staged(self, rel: str) -> Path | None:
        """The file this run has written or carried over at ``rel``, if there is one.

        For a step that reads a record an earlier step wrote (the site reads ``kits/manifest.json`` for the
        size of each kit file it links to).
        """
        path = self.staging / self._check(rel)
        return path if path.is_file() else None

    # -- the swap ----------------------------------------------------------------------------------
    def _carry_over_foreign(self, written: set[str]) -> None:
        """Copy every file of the old output that no build wrote into the staging folder (hard links)."""
        owned = read_owned(self.out)
        if owned is None or not self.out.is_dir():
            return  # no output yet, or one made before the marker listed its files: all of it is ours
        for path in sorted(self.out.rglob("*")):
            rel = path.relative_to(self.out).as_posix()
            if rel == MARKER or rel in owned or (path.is_dir() and not path.is_symlink()):
                continue
            if rel in written:
                raise BuildError(f"{self.out / rel} was not written by Dandelion, and this build would replace it: "
                                 "move it elsewhere (or delete it) and build again")
            target = self.staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            with _disk_errors(rel):
                if path.is_symlink():
                    target.symlink_to(os.readlink(path))
                else:
                    _link_or_copy(str(path), str(target))

    def commit(self) -> None:
        """Replace the output folder with the staging folder, keeping files that Dandelion did not write."""
        written = {p.relative_to(self.staging).as_posix() for p in self.staging.rglob("*") if not p.is_dir()}
        self._carry_over_foreign(written)
        write_marker(self.staging, written)
        old = self.out.parent / f".{self.out.name}.old-{os.getpid()}"
        if self.out.exists():
            os.replace(self.out, old)
        try:
            os.replace(self.staging, self.out)
        except OSError:
            if old.exists():
                os.replace(old, self.out)
            raise
        if old.exists():
            shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def write_marker(folder: Path, owned: set[str]) -> None:
    """Write the marker of an output folder listing the files Dandelion wrote into it."""
    with _disk_errors(MARKER):
        (folder / MARKER).write_text(MARKER_NOTE + "".join(f"{rel}\n" for rel in sorted(owned)), encoding="utf-8")


def read_owned(out: Path) -> set[str] | None:
    """The files the last build wrote into ``out``, from its marker; ``None`` for an older marker without a list."""
    try:
        lines = (out / MARKER).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if not lines or lines[0] + "\n" != MARKER_NOTE:
        return None
    return {line for line in lines[1:] if line}


@contextlib.contextmanager
def _disk_errors(rel: str):  # type: ignore[no-untyped-def]
    """A full disk or a read-only folder is the machine's problem, said plainly, not an internal error."""
    try:
        yield
    except OSError as exc:
        raise BuildError(f"cannot write {rel}: {exc.strerror or exc} (the previous output is unchanged)") from exc
