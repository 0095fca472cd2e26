"""The built example site in a real browser: offline, from file://, accessible, searchable.

One build of the repository's own example content is shared by every test here; each test opens
pages through the guarded page fixture, which fails the test on any request that leaves the
machine or any uncaught script error.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.build import build

    out = tmp_path_factory.mktemp("example") / "site"
    build(ROOT, out=out, with_kits=False, today=dt.date(2026, 11, 28))
    return out


def url(site: Path, rel: str) -> str:
    return (site / rel).as_uri()


def all_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")


def test_every_page_passes_axe(built_site: Path, make_page: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = make_page()
    failures = []
    for rel in all_pages(built_site):
        if rel == "index.html":
            continue  # the front door redirects; its targets are checked themselves
        page.goto(url(built_site, rel))
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        for violation in result.response["violations"]:
            targets = [node["target"] for node in violation["nodes"][:3]]
            failures.append(f"{rel}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    assert not failures, "\n".join(failures)


def search(page: Any, query: str) -> list[str]:
    """Type ``query`` into Material's search box and return the result texts.

    The search worker loads its index after the page; a query typed before it is ready is not
    re-run, so type again until results (or "no results") appear.
    """
    box = page.locator(".md-search__input")
    if not box.is_visible():  # phone layout: the box opens from a header button
        page.locator("label.md-header__button[for=__search]").click()
    meta = page.locator(".md-search-result__meta")
    for _attempt in range(20):
        box.fill("")
        box.type(query, delay=20)
        try:
            page.wait_for_function(
                "() => document.querySelectorAll('.md-search-result__item').length > 0",
                timeout=1500,
            )
            break
        except Exception:
            if any(word in meta.inner_text() for word in ("没有", "No matching")):
                break
    return [t.replace("\u200b", "") for t in page.locator(".md-search-result__item").all_inner_texts()]


def result_files(page: Any) -> list[Path]:
    """The page files the current search results link to."""
    from urllib.parse import unquote, urlparse

    hrefs = page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")
    return [Path(unquote(urlparse(h).path)) for h in hrefs]


@pytest.mark.parametrize("lang,query,expected", [("zh", "冰毒", "冰毒"), ("en", "methamphetamine", "ethamphetamine")])
def test_search_works_from_file_url(built_site: Path, make_page: Any, lang: str, query: str, expected: str) -> None:
    page = make_page()
    page.goto(url(built_site, f"{lang}/index.html"))
    results = search(page, query)
    assert results, f"no result for {query}"
    assert any(expected in r for r in results)


@pytest.mark.parametrize("query", ["bingdu", "bing du", "bd"])
def test_pinyin_search_finds_chinese_words(built_site: Path, make_page: Any, query: str) -> None:
    page = make_page()
    page.goto(url(built_site, "zh/index.html"))
    assert search(page, query), f"no result for {query}"
    pages = result_files(page)
    # toneless "bingdu" is also 病毒 (virus), which the HIV lesson is about: both are right answers
    about = [any(word in p.read_text(encoding="utf-8") for word in ("冰毒", "病毒")) for p in pages]
    if query == "bd":  # initials are ambiguous (不断, 报道 …): 冰毒 pages must be among the first
        assert any(about[:3]), pages[:3]
    else:  # the best results are pages about 冰毒
        assert all(about[:3]), pages[:3]


def test_language_switch_leads_to_the_same_page(built_site: Path, make_page: Any) -> None:
    lessons = sorted((built_site / "zh" / "lessons").glob("*.html"))
    lesson = next(p for p in lessons if p.name != "index.html")
    page = make_page()
    page.goto(lesson.as_uri())
    page.locator(".dl-lang .md-header__button").hover()
    page.locator(".dl-lang__link[data-dl-lang=en]").click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/en/lessons/{lesson.name}")
    assert page.locator("html").get_attribute("lang") == "en"


def test_front_door_sends_visitors_to_their_language(built_site: Path, make_page: Any) -> None:
    page = make_page(locale="en-GB")
    page.goto(url(built_site, "index.html"))
    page.wait_for_url("**/en/index.html")
    page = make_page(locale="zh-CN")
    page.goto(url(built_site, "index.html"))
    page.wait_for_url("**/zh/index.html")


def test_front_door_remembers_a_chosen_language(built_site: Path, make_page: Any) -> None:
    page = make_page(locale="zh-CN")
    page.goto(url(built_site, "zh/index.html"))
    page.locator(".dl-lang .md-header__button").hover()
    page.locator(".dl-lang__link[data-dl-lang=en]").click()
    page.wait_for_url("**/en/index.html")
    page.goto(url(built_site, "index.html"))
    page.wait_for_url("**/en/index.html")


def test_catalogue_filters_by_audience_and_duration(built_site: Path, make_page: Any) -> None:
    page = make_page()
    page.goto(url(built_site, "zh/lessons/index.html"))
    cards = page.locator(".dl-card")
    total = cards.count()
    assert total >= 3
    page.select_option("select[name=audience]", "villagers")
    visible = page.locator(".dl-card:not([hidden])")
    shown = visible.count()
    assert 0 < shown < total
    for i in range(shown):
        assert "villagers" in visible.nth(i).get_attribute("data-audiences").split()
    assert f"{shown}/{total}" in page.locator(".dl-filter-count").inner_text()
    page.select_option("select[name=audience]", "")
    page.select_option("select[name=duration]", index=1)
    limit = int(page.locator("select[name=duration]").input_value())
    durations = [int(visible.nth(i).get_attribute("data-duration")) for i in range(visible.count())]
    assert durations and all(d <= limit for d in durations)


def test_pinyin_toggle_on_village_lessons_is_remembered(built_site: Path, make_page: Any) -> None:
    village = [p for p in (built_site / "zh" / "lessons").glob("*.html") if 'class="dl-pinyin-toggle"' in p.read_text(encoding="utf-8")]
    assert village, "no lesson page offers pinyin"
    page = make_page()
    page.goto(village[0].as_uri())
    rt = page.locator(".dl-ruby ruby rt").first
    assert not rt.is_visible()
    page.locator(".dl-pinyin-toggle input").check()
    assert rt.is_visible()
    page.reload()
    assert page.locator(".dl-pinyin-toggle input").is_checked()
    assert page.locator(".dl-ruby ruby rt").first.is_visible()


def test_pinyin_on_a_primary_quiz_shows_but_is_not_read_aloud(built_site: Path, make_page: Any) -> None:
    page = make_page()
    page.goto((built_site / "zh" / "quizzes" / "primary-saying-no-quiz.html").as_uri())
    rt = page.locator(".dl-quiz .dl-quiz__prompt rt").first
    assert not rt.is_visible()
    page.locator(".dl-pinyin-toggle input").check()
    assert rt.is_visible()
    page.locator(".dl-quiz__option").first.click()
    page.locator(".dl-quiz__question button[type=submit]").click()
    page.wait_for_function("document.querySelector('.dl-quiz__live').textContent.includes('解析')")
    spoken = page.locator(".dl-quiz__live").text_content()
    assert re.search(r"[\u4e00-\u9fff]", spoken) and not re.search(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔù]", spoken), spoken


def test_site_works_over_http_too(built_site: Path, make_page: Any, http_serve: Any) -> None:
    base = http_serve(built_site)
    page = make_page()
    page.goto(base + "zh/glossary.html")
    assert page.locator("h1").inner_text()
    page.goto(base + "en/laws.html")
    assert page.locator("h1").inner_text()


def test_phone_layout_has_no_horizontal_scroll(built_site: Path, make_page: Any) -> None:
    page = make_page(width=360, height=740)
    every = sorted(p.relative_to(built_site).as_posix() for p in built_site.glob("*/**/*.html")
                   if p.name != "404.html" and "kits" not in p.parts)
    assert len(every) > 100
    wide = {}
    for rel in every:
        page.goto(url(built_site, rel))
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 1:
            wide[rel] = overflow
    assert wide == {}, "pages that scroll sideways on a phone (px)"


def test_pinyin_keys_add_at_most_a_quarter_to_the_search_index(built_site: Path) -> None:
    """The keys are the ASCII terms of the Chinese site's index that no section's words give."""
    from generator.site.search_index import terms

    folder = built_site / "zh" / "search"
    sections = []
    for chunk in folder.glob("d-*.js"):
        sections += json.loads(chunk.read_text(encoding="utf-8").split(",", 2)[2].rsplit(")", 1)[0])
    words = {term for _location, title, text in sections for term in terms(f"{title} {text}")}
    shards = [json.loads(f.read_text(encoding="utf-8").split(",", 2)[2].rsplit(")", 1)[0]) for f in folder.glob("t-*.js")]
    keys = {term for shard in shards for term in shard if term.isascii() and term not in words}
    assert "bingdu" in keys and "bd" in keys

    def size(shard: dict[str, list[int]]) -> int:
        return len(json.dumps(shard, ensure_ascii=False, separators=(",", ":")).encode())

    total = sum(size(shard) for shard in shards) + sum(f.stat().st_size for f in folder.glob("d-*.js"))
    added = sum(size({term: postings for term, postings in shard.items() if term in keys}) for shard in shards)
    assert added <= (total - added) * 0.25, f"pinyin keys grow the index by {added / (total - added):.0%}"

    assert not (folder / "search_index.json").exists() and not (folder / "search_index.js").exists()


@pytest.fixture()
def http_site(built_site: Path) -> Any:
    """The built site over http on 127.0.0.1 (a free port), stopped after the test."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("over", ["file", "http"])
def test_search_index_is_loaded_only_when_searching(built_site: Path, make_page: Any, request: Any, over: str) -> None:
    base = request.getfixturevalue("http_site") if over == "http" else built_site.as_uri() + "/"
    page = make_page()
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(base + "zh/lessons/index.html")
    page.wait_for_timeout(500)
    assert [u for u in asked if "/search/" in u or "search_index" in u] == []
    assert search(page, "冰毒")
    loaded = [u.split("/search/", 1)[1] for u in asked if "/search/" in u]
    assert "meta.js" in loaded and any(name.startswith("t-") for name in loaded)
    assert not [u for u in asked if "lunr" in u or "search_index" in u]
