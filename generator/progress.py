"""Build progress on a terminal: the stage, its count, the time elapsed, on one line that redraws itself.

``dandelion build`` shows it when standard error is a terminal and ``--quiet`` is not given; in CI (not a
terminal) and with ``--quiet`` nothing is drawn and the build's messages are the only output. The build
recipe only calls :meth:`Progress.stage` and :meth:`Progress.advance`; the silent :class:`Progress`
(the default) ignores them.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO


class Progress:
    """Silent: the recipe's calls cost nothing. :class:`TerminalProgress` draws them."""

    def stage(self, name: str, total: int | None = None) -> None:
        """A new stage begins (``total``: how many things it counts, when known)."""

    def advance(self, count: int = 1) -> None:
        """``count`` more things of the current stage are done."""

    def log(self, message: str) -> None:
        """A message that must be printed (warnings, summaries)."""

    def finish(self) -> None:
        """The build ended: stop drawing."""


class TerminalProgress(Progress):
    """One status line on a terminal, ``[ 12.3 s] kits 35/120``, redrawn twice a second; messages print above it."""

    def __init__(self, stream: TextIO | None = None, *, interval: float = 0.5) -> None:
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.name = ""
        self.total: int | None = None
        self.count = 0
        self.stage_started = self.started
        self.timings: list[tuple[str, float]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, args=(interval,), daemon=True)
        self._thread.start()

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        counted = f" {self.count}/{self.total}" if self.total else (f" {self.count}" if self.count else "")
        return f"[{elapsed:6.1f} s] {self.name}{counted}"

    def _draw(self) -> None:
        self.stream.write("\r\033[K" + self.line())
        self.stream.flush()

    def _tick(self, interval: float) -> None:
        while not self._stop.wait(interval):
            with self._lock:
                if self.name:
                    self._draw()

    def _close_stage(self) -> None:
        if self.name:
            self.timings.append((self.name, time.monotonic() - self.stage_started))

    def stage(self, name: str, total: int | None = None) -> None:
        with self._lock:
            self._close_stage()
            self.name, self.total, self.count = name, total, 0
            self.stage_started = time.monotonic()
            self._draw()

    def advance(self, count: int = 1) -> None:
        with self._lock:
            self.count += count

    def log(self, message: str) -> None:
        with self._lock:
            self.stream.write("\r\033[K" + message + "\n")
            if self.name:
                self._draw()
            else:
                self.stream.flush()

    def finish(self) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        with self._lock:
            self._close_stage()
            self.name = ""
            parts = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.timings)
            total = time.monotonic() - self.started
            self.stream.write(f"\r\033[KDone in {total:.1f} s" + (f" ({parts})" if parts else "") + "\n")
            self.stream.flush()
