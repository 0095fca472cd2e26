"""Shared headless-Chromium fixtures for browser tests.

* ``chromium_browser`` (session): Debian's /usr/bin/chromium via Playwright; the whole folder is
  skipped with a clear reason when it or Playwright is missing (we never download browsers).
* ``make_page`` (factory): a fresh context and page that fails the test if any request goes
  anywhere but ``file:``, ``data:``, ``blob:``, ``about:`` or 127.0.0.1, or if the page throws.
* ``guarded_page``: ``make_page()`` with a desktop viewport.
* ``http_serve`` (factory): serve a folder on 127.0.0.1 and return its base URL.
* ``site_root``: a temporary folder holding the current theme assets (see ``dl_pages``).
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
LOCAL_SCHEMES = {"file", "data", "blob", "about"}
LOCAL_HOSTS = {"127.0.0.1"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def is_local_url(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in LOCAL_SCHEMES:
        return True
    return parsed.scheme in {"http", "https", "ws", "wss"} and parsed.hostname in LOCAL_HOSTS


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = f"browser tests need Chromium at {CHROMIUM} (Debian package 'chromium'); it is not installed"
        if os.environ.get("CI"):
            pytest.fail(message + " — CI must install it (.ci/setup)")
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the Playwright Python package")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


class PageGuard:
    """What a page did that a test must not allow: remote requests, uncaught errors, dialogs."""

    def __init__(self) -> None:
        self.remote: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []

    def check(self) -> None:
        problems = []
        if self.remote:
            problems.append(f"requests left the machine: {self.remote}")
        if self.errors:
            problems.append(f"uncaught page errors: {self.errors}")
        if self.dialogs:
            problems.append(f"dialogs opened (a script ran?): {self.dialogs}")
        assert not problems, "; ".join(problems)


@pytest.fixture
def make_page(chromium_browser: Any) -> Iterator[Callable[..., Any]]:
    """Factory: ``make_page(width=1280, height=900, **context_kwargs)`` → guarded Playwright page.

    ``page.guard`` is the :class:`PageGuard`; it is checked when the test ends.
    """
    contexts: list[tuple[Any, PageGuard]] = []

    def factory(width: int = 1280, height: int = 900, **kwargs: Any) -> Any:
        kwargs.setdefault("accept_downloads", True)
        # Pages carry a Content-Security-Policy without 'unsafe-eval'; Playwright's wait_for_function
        # evaluates its predicate with eval, so tests bypass the policy unless they test it
        # (tests/browser/test_csp_in_browser.py passes bypass_csp=False).
        kwargs.setdefault("bypass_csp", True)
        context = chromium_browser.new_context(viewport={"width": width, "height": height}, **kwargs)
        guard = PageGuard()

        def route(route: Any) -> None:
            if is_local_url(route.request.url):
                route.continue_()
            else:
                route.abort()

        def on_request(request: Any) -> None:
            guard.requests.append(request.url)
            if not is_local_url(request.url):
                guard.remote.append(request.url)

        context.route("**/*", route)
        page = context.new_page()
        page.on("request", on_request)
        page.on("pageerror", lambda err: guard.errors.append(str(err)))

        def on_dialog(dialog: Any) -> None:
            guard.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.guard = guard
        contexts.append((context, guard))
        return page

    yield factory
    try:
        for _context, guard in contexts:
            guard.check()
    finally:
        for context, _guard in contexts:
            context.close()


@pytest.fixture
def guarded_page(make_page: Callable[..., Any]) -> Any:
    return make_page()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def http_serve() -> Iterator[Callable[[Path], str]]:
    """Factory: serve ``folder`` on 127.0.0.1 (a free port) and return ``http://127.0.0.1:PORT/``."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=os.fspath(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    from dl_pages import prepare_root

    return prepare_root(tmp_path / "site")
