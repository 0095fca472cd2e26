"""generator.site.csp: every page carries a policy that lets only the site's own scripts run."""

from __future__ import annotations

import re
from pathlib import Path

from generator.site.csp import add_policy, iframe_worker_hash, inline_script_hashes, policy

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>x</title>
<script>var a = 1;</script>
<script type="application/json" id="data">{"x": 1}</script>
<script src="assets/x.js"></script></head><body><script>var a = 1;</script></body></html>"""


def test_inline_scripts_are_hashed_once_and_data_islands_are_not() -> None:
    hashes = inline_script_hashes(PAGE)
    assert len(hashes) == 1 and hashes[0].startswith("'sha256-")


def test_the_policy_allows_only_the_sites_files_and_hashed_scripts() -> None:
    text = policy(["'sha256-abc'"])
    directives = dict(part.split(" ", 1) for part in text.split("; ") if " " in part)
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self' file: 'sha256-abc'"
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'none'"
    assert not re.search(r"https?:", text)  # no other host, ever


def test_the_policy_is_the_first_thing_after_the_charset_and_replaces_an_old_one() -> None:
    once = add_policy(PAGE)
    assert once.index('http-equiv="Content-Security-Policy"') < once.index("<title>")
    assert iframe_worker_hash() in once
    assert add_policy(once).count("Content-Security-Policy") == 1


def test_every_built_page_has_a_policy_naming_each_of_its_inline_scripts(mini_site: Path) -> None:
    pages = sorted(mini_site.glob("*/**/*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert found, page
        for source in inline_script_hashes(html):
            assert source in found.group(1), (page, source)
