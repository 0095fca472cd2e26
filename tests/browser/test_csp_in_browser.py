"""The Content-Security-Policy in Chromium: the site's own scripts run, nothing else does, from file://."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

VIOLATIONS = ("window.__violations = [];"
              "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
              "e.violatedDirective + ' ' + e.blockedURI));")


def test_no_page_of_the_site_violates_its_policy(mini_site: Path, make_page: Any) -> None:
    page = make_page(bypass_csp=False)
    page.context.add_init_script(VIOLATIONS)
    pages = sorted(p for p in mini_site.glob("*/**/*.html") if p.relative_to(mini_site).parts[1] not in ("assets",))
    assert len(pages) > 20
    seen = {}
    for path in pages:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        found = page.evaluate("window.__violations")
        if found:
            seen[path.relative_to(mini_site).as_posix()] = found
    assert seen == {}


def test_a_script_smuggled_into_a_page_does_not_run(mini_site: Path, tmp_path: Path, make_page: Any) -> None:
    site = tmp_path / "site"
    shutil.copytree(mini_site, site)
    target = site / "en" / "index.html"
    html = target.read_text(encoding="utf-8")
    smuggled = '<script>window.__smuggled = 1;</script><img src="x" onerror="window.__smuggled = 2">'
    target.write_text(html.replace("</body>", smuggled + "</body>"), encoding="utf-8")
    page = make_page(bypass_csp=False)
    page.goto(target.as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("window.__smuggled === undefined")
    assert page.evaluate("typeof window.Dandelion === 'object'")  # the site's own scripts did run
    page.guard.errors.clear()  # the blocked image is the point of this test, not a page error


def test_search_works_under_the_policy_from_file_url(mini_site: Path, make_page: Any) -> None:
    """Search runs in the iframe worker from file://: its scripts and index shards are allowed by the policy."""
    import time

    page = make_page(bypass_csp=False)
    page.context.add_init_script(VIOLATIONS)
    page.goto((mini_site / "zh" / "index.html").as_uri())
    box = page.locator(".md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for=__search]").click()
    found = 0
    for _attempt in range(20):  # the worker loads after the page: type again until results come
        box.fill("")
        box.type("冰毒", delay=20)
        for _ in range(15):
            found = page.evaluate("document.querySelectorAll('.md-search-result__item').length")
            if found:
                break
            time.sleep(0.1)
        if found:
            break
    assert found > 0
    assert page.evaluate("window.__violations") == []
