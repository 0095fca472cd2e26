"""The guarded writer: the only code that puts files into the output folder.

* Every path is checked: relative, normalised, inside the output folder. Two renderers claiming
  one path is a bug and stops the build (Pelican's rule).
* Everything is written to a staging folder beside the output; only a complete build replaces
  the old output, in one rename. A failed or refused build leaves the previous site untouched.
* The output folder carries a marker file; a folder without it that is not empty is never
  replaced, so ``--out`` pointed at the wrong place cannot wipe someone's files.
* A run may keep one folder of the previous output as it is (:meth:`OutputWriter.carry_over`:
  ``build --no-kits`` keeps ``kits/``); it is claimed like any other folder.
"""

from __future__ import annotations

import os
import posixpath
import shutil
from pathlib import Path

from .errors import BuildError, UsageError

MARKER = ".dandelion-output"


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


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
        self.claims: dict[str, str] = {}
        self.dir_claims: dict[str, str] = {}
        self._folders: dict[str, str] = {}  # every folder that holds a claimed file → its first owner

    def __enter__(self) -> OutputWriter:
        if self.staging.exists():
            shutil.rmtree(self.staging)
        self.staging.mkdir(parents=True)
        return self

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()

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
            if (norm + "/").startswith(folder + "/") and who != owner:
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

    def claim_dir(self, rel: str, owner: str) -> Path:
        """Reserve a whole folder for a renderer that writes many files itself (the site engine)."""
        norm = self._check(rel)
        for other, who in [*self.dir_claims.items(), *self.claims.items()]:
            if other == norm or other.startswith(norm + "/") or norm.startswith(other + "/"):
                raise BuildError(f"{owner} wants the folder {norm}/, which overlaps {other} written by {who}")
        self.dir_claims[norm] = owner
        path = self.staging / norm
        path.mkdir(parents=True, exist_ok=True)
        return path

    def write_text(self, rel: str, text: str, owner: str) -> Path:
        path = self.claim(rel, owner)
        path.write_text(text, encoding="utf-8")
        return path

    def write_bytes(self, rel: str, data: bytes, owner: str) -> Path:
        path = self.claim(rel, owner)
        path.write_bytes(data)
        return path

    def copy_file(self, source: Path, rel: str, owner: str) -> Path:
        path = self.claim(rel, owner)
        shutil.copyfile(source, path)
        return path

    def carry_over(self, rel: str, owner: str) -> Path:
        """Keep the folder ``rel`` of the previous output: copy it into this run's output as it is.

        ``build --no-kits`` keeps the kits built before. Files are hard-linked where the file system
        allows (the old output is deleted on commit, so nothing is shared for long), else copied.
        """
        target = self.claim_dir(rel, owner)
        source = self.out / self._check(rel)
        if source.is_dir() and not source.is_symlink():
            shutil.copytree(source, target, dirs_exist_ok=True, copy_function=_link_or_copy)
        return target

    def staged(self, rel: str) -> Path | None:
        """The file this run has written or carried over at ``rel``, if there is one.

        For a step that reads a record an earlier step wrote (the site reads ``kits/manifest.json`` for the
        size of each kit file it links to).
        """
        path = self.staging / self._check(rel)
        return path if path.is_file() else None

    def commit(self) -> None:
        """Replace the output folder with the staging folder."""
        (self.staging / MARKER).write_text("Built by Dandelion. This whole folder is replaced by the next build.\n")
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
