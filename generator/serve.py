"""``dandelion serve``: build, serve on 127.0.0.1, rebuild on every edit, reload the open page.

The site is built into ``<project>/.dandelion-cache/serve-<edition>/`` (so a restart with nothing changed
builds nothing, see ``incremental``) and served over http from 127.0.0.1 only, so search, localStorage
and the language switch behave as on a school's server. A watcher (watchdog, installed with MkDocs)
follows ``site_config.yml``, ``content/``, ``quizzes/`` and the project's ``theme/``; each change (a burst
of saves counts once) rebuilds. Every served page carries a small script that asks the server for its
state once a second: after a good build it reloads the page; after a failed one it shows the errors in
the page (and the terminal shows them with file and line) while the last good site keeps being served.
"""

from __future__ import annotations

import functools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .errors import ContentError, DandelionError

Log = Callable[[str], None]

HOST = "127.0.0.1"
STATE_PATH = "/__dandelion/state"
#: A burst of saves (an editor writing a file and its backup) is one change.
SETTLE_SECONDS = 0.3
WATCHED = ("site_config.yml", "content", "quizzes", "theme")

#: Added before ``</body>`` of every served page: polls the state, reloads after a new build, shows errors.
RELOAD_SCRIPT = """<script>
(function () {
  var seen = null, words = %(words)s;
  var lang = (document.documentElement.getAttribute("lang") || "zh").slice(0, 2);
  function banner(errors) {
    var box = document.getElementById("dl-serve-errors");
    if (!errors) { if (box) box.remove(); return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "dl-serve-errors";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:1000;max-height:50vh;overflow:auto;" +
        "background:#fff4f4;color:#8a1010;border-top:3px solid #c62828;padding:.8rem 1rem;font:14px/1.5 monospace;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = (words[lang] || words.en) + "\\n" + errors;
  }
  function poll() {
    fetch("%(state)s", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (state) {
      if (seen !== null && state.version !== seen) { location.reload(); return; }
      seen = state.version;
      banner(state.error);
    }).catch(function () {}).then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>"""


@dataclass
class State:
    """What the page asks for: the number of the last good build, and the errors of a failed one."""

    version: int = 0
    error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def as_json(self) -> bytes:
        with self.lock:
            return json.dumps({"version": self.version, "error": self.error}, ensure_ascii=False).encode()


def serve_folder(root: Path, edition: str) -> Path:
    return root.resolve() / ".dandelion-cache" / f"serve-{edition}"


class _Handler(SimpleHTTPRequestHandler):
    state: State

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.split("?", 1)[0] == STATE_PATH:
            self._send(self.state.as_json(), "application/json")
            return
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            self._send(_with_reload(target.read_bytes()), "text/html; charset=utf-8")
            return
        super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def _with_reload(page: bytes) -> bytes:
    """The served page with the reload script, which the page's Content-Security-Policy allows by its hash."""
    from .i18n import catalogue, languages
    from .site.csp import script_source

    words = {lang: catalogue(lang).gettext("serve.build_failed") for lang in languages()}
    script = RELOAD_SCRIPT % {"words": json.dumps(words, ensure_ascii=False), "state": STATE_PATH}
    body = script[len("<script>"):script.rindex("</script>")]
    page = page.replace(b"script-src ", f"script-src {script_source(body)} ".encode(), 1)
    at = page.rfind(b"</body>")
    data = script.encode()
    return page + data if at < 0 else page[:at] + data + page[at:]


class Server:
    """Builds ``root`` into its serve folder, serves it and rebuilds on changes; :meth:`stop` ends all.

    ``build`` is the build recipe (``generator.build.build``), given by the caller: only the command line
    module wires the recipe to anything.
    """

    def __init__(self, root: Path, *, build: Callable[..., Any], edition: str = "public", port: int = 8000,
                 with_kits: bool = False, log: Log = lambda _m: None, build_log: Log = lambda _m: None) -> None:
        self.root = root
        self.build = build
        self.edition = edition
        self.with_kits = with_kits
        self.log = log
        self.build_log = build_log
        self.out = serve_folder(root, edition) / "site"
        self.state = State()
        handler = type("Handler", (_Handler,), {"state": self.state})
        self.out.mkdir(parents=True, exist_ok=True)
        self.httpd = ThreadingHTTPServer((HOST, port), functools.partial(handler, directory=str(self.out)))
        self._changed = threading.Event()
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._observer: Any = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.httpd.server_address[1]}/"

    def rebuild(self) -> bool:
        """One build; True when it succeeded. Errors are logged and shown in the page, never raised."""
        try:
            report = self.build(self.root, out=self.out, edition=self.edition, with_kits=self.with_kits, log=self.build_log)
        except ContentError as exc:
            lines = [str(d) for d in exc.diagnostics.sorted() if d.is_error]
            self._failed("\n".join([*lines, str(exc)]))
            return False
        except DandelionError as exc:
            self._failed(str(exc))
            return False
        with self.state.lock:
            self.state.version += 1
            self.state.error = None
        self.log("Site up to date." if report.unchanged else f"Built {report.pages} pages.")
        return True

    def _failed(self, text: str) -> None:
        with self.state.lock:
            self.state.error = text
        self.log(text)

    def start(self) -> None:
        """Build once, then serve and watch in background threads."""
        self.rebuild()
        self._watch()
        for target in (self.httpd.serve_forever, self._rebuild_loop):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)

    def _watch(self) -> None:
        from watchdog.events import FileSystemEventHandler
        from watchdog.observers import Observer

        root = self.root.resolve()
        changed = self._changed

        class OnChange(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                if event.event_type in ("opened", "closed_no_write"):
                    return
                for raw in (event.src_path, getattr(event, "dest_path", "")):
                    try:
                        parts = Path(str(raw)).resolve().relative_to(root).parts if raw else ()
                    except ValueError:
                        continue
                    if parts and parts[0] in WATCHED:
                        changed.set()

        observer = Observer()
        observer.schedule(OnChange(), str(root), recursive=False)
        for name in WATCHED[1:]:
            if (root / name).is_dir():
                observer.schedule(OnChange(), str(root / name), recursive=True)
        observer.daemon = True
        observer.start()
        self._observer = observer

    def _rebuild_loop(self) -> None:
        while not self._stopping.is_set():
            if not self._changed.wait(timeout=0.2):
                continue
            time.sleep(SETTLE_SECONDS)
            self._changed.clear()
            if not self._stopping.is_set():
                self.log("Change seen: rebuilding …")
                self.rebuild()

    def stop(self) -> None:
        self._stopping.set()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=5)
        self.httpd.shutdown()
        self.httpd.server_close()
        for thread in self._threads:
            thread.join(timeout=10)
