"""``dandelion serve``: builds, serves on 127.0.0.1, rebuilds on edits, shows errors, keeps the last good site.

Every server here binds 127.0.0.1 on a free port and is stopped by the test; waits are bounded.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from generator.build import build
from generator.serve import STATE_PATH, Server, serve_folder

LESSON = "content/lessons/first-lesson.yml"


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_for(condition: Callable[[], bool], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_serve_rebuilds_on_edits_and_keeps_the_last_good_site(tmp_path: Path, make_project) -> None:
    project = make_project(tmp_path / "p")
    messages: list[str] = []
    server = Server(project, build=build, port=0, log=messages.append)
    assert server.url.startswith("http://127.0.0.1:")
    server.start()
    try:
        state = lambda: json.loads(get(server.url + STATE_PATH.lstrip("/")))  # noqa: E731
        assert state() == {"version": 1, "error": None}
        page = get(server.url + "zh/lessons/first-lesson.html")
        assert "认识毒品" in page and STATE_PATH in page and page.rstrip().endswith("</html>")
        assert get(server.url).count("zh/index.html")  # the front door

        lesson = project / LESSON
        good = lesson.read_text(encoding="utf-8")
        lesson.write_text(good.replace("认识毒品", "认识新型毒品", 1), encoding="utf-8")
        wait_for(lambda: state()["version"] == 2)
        assert "认识新型毒品" in get(server.url + "zh/lessons/first-lesson.html")

        lesson.write_text(good.replace("duration_minutes: 20", "duration_minutes: twenty"), encoding="utf-8")
        wait_for(lambda: state()["error"] is not None)
        assert state()["version"] == 2
        assert "first-lesson.yml:" in state()["error"]
        assert any("first-lesson.yml:" in message for message in messages)  # and in the terminal
        assert "认识新型毒品" in get(server.url + "zh/lessons/first-lesson.html")  # the last good site

        lesson.write_text(good, encoding="utf-8")
        wait_for(lambda: state()["version"] == 3)
        assert state()["error"] is None
        assert "认识新型毒品" not in get(server.url + "zh/lessons/first-lesson.html")
    finally:
        server.stop()
    assert (serve_folder(project, "public") / "site" / "zh" / "index.html").is_file()


def test_serve_command_prints_its_address_and_stops_on_ctrl_c(tmp_path: Path, make_project) -> None:
    project = make_project(tmp_path / "p")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    process = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--port", "0", "--project", str(project)],
                               stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 180
        url = None
        assert process.stderr is not None
        while url is None and time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            if "Serving" in line:
                url = line.split(" on ", 1)[1].split(" ", 1)[0]
        assert url and url.startswith("http://127.0.0.1:"), url
        assert "认识毒品" in get(url + "zh/lessons/first-lesson.html")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
