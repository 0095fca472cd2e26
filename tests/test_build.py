"""``dandelion build``: the built site, and that a refused or failed build changes nothing.

The mini fixture project (``tests/fixtures/mini``) is built once per session (``mini_site`` and
``mini_site_lecturer`` in conftest); the tests here read those builds. Tests that must break a
project build the small starter project into their own temporary folder.
"""

from __future__ import annotations

import datetime as dt
import html as html_module
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.build import build
from generator.errors import BuildError
from generator.writer import read_owned, write_marker

TODAY = dt.date(2026, 6, 1)
SITE_URL_HOST = "example.org"  # site_url of the mini fixture
#: Namespace names that appear in inline SVG and are never fetched.
XML_NAMESPACES = {
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/1998/Math/MathML",
    "http://www.w3.org/XML/1998/namespace",
    "http://www.w3.org/2000/xmlns/",
}
FORBIDDEN_HOSTS = ("fonts.googleapis", "fonts.gstatic", "unpkg.com", "cdn.jsdelivr", "cdnjs", "googletagmanager")


class Elements(HTMLParser):
    """Every start tag of a page as (tag, attributes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.append((tag, {k: v or "" for k, v in attrs}))


def elements(page: Path) -> list[tuple[str, dict[str, str]]]:
    parser = Elements()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.items


def content_pages(site: Path, lang: str) -> list[Path]:
    """The pages made from content (not the engine's 404 page, not vendored files, not the slide decks,
    which are tested in tests/slides)."""
    root = site / lang
    return sorted(p for p in root.rglob("*.html")
                  if p.name != "404.html" and p.relative_to(root).parts[0] not in ("assets", "vendor", "search", "slides"))


def element_html(html: str, start_marker: str, tag: str) -> str:
    """The element that starts at ``start_marker``, up to its matching end tag (nested ones counted)."""
    start = html.index(start_marker)
    depth = 0
    for match in re.finditer(rf"<(/?){tag}\b", html[start:]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return html[start : html.index(">", start + match.start()) + 1]
    raise AssertionError(f"<{tag}> starting at {start_marker!r} is not closed")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the shape of the site --------------------------------------------------------------------


def test_both_languages_and_a_root_index(mini_site: Path) -> None:
    for path in ("index.html", "zh/index.html", "en/index.html", "zh/lessons/new-drugs.html", "en/lessons/new-drugs.html",
                 "zh/events/campus-talk.html", "zh/quizzes/basics.html", "zh/training/basics-module.html",
                 "zh/glossary.html", "zh/laws.html", "zh/help.html", "zh/lecturers.html", "media/images/snack.svg"):
        assert (mini_site / path).is_file(), path
    links = {a["href"]: a.get("hreflang") for tag, a in elements(mini_site / "index.html") if tag == "a"}
    assert links == {"zh/index.html": "zh", "en/index.html": "en"}
    assert 'url=zh/index.html' in (mini_site / "index.html").read_text(encoding="utf-8")  # works without JavaScript


def test_pages_carry_their_language(mini_site: Path) -> None:
    for lang in ("zh", "en"):
        for page in content_pages(mini_site, lang)[:5]:
            html_tag = next(a for tag, a in elements(page) if tag == "html")
            assert html_tag["lang"].startswith(lang), page


def test_every_page_switches_to_its_twin(mini_site: Path) -> None:
    for lang, other in (("zh", "en"), ("en", "zh")):
        pages = content_pages(mini_site, lang)
        assert len(pages) == 19  # every page of the mini project (public: no key to the graded test; month calendar, statistics 2026)
        for page in pages:
            switch = [a for tag, a in elements(page) if tag == "a" and "dl-lang__link" in a.get("class", "")]
            by_lang = {a["lang"]: a for a in switch}
            assert sorted(by_lang) == ["en", "zh"], page
            assert by_lang[lang].get("aria-current") == "true"
            href = by_lang[other]["href"]
            assert not urlsplit(href).scheme and not href.startswith("/"), f"{page}: {href} is not relative"
            target = (page.parent / unquote(href)).resolve()
            assert target.is_file(), f"{page}: {href} leads nowhere"
            assert target.relative_to((mini_site / other).resolve()) == page.relative_to(mini_site / lang), f"{page} → {target}"


def test_relative_links_and_assets_resolve(mini_site: Path) -> None:
    """Every local href/src of every page points at a file of the site (so file:// works)."""
    broken = []
    for lang in ("zh", "en"):
        for page in content_pages(mini_site, lang):
            for tag, attrs in elements(page):
                for name in ("href", "src"):
                    url = attrs.get(name)
                    if not url or (tag == "a" and name == "src"):
                        continue
                    parts = urlsplit(url)
                    if parts.scheme or parts.netloc or not parts.path:
                        continue
                    target = (page.parent / unquote(parts.path)).resolve()
                    if not target.exists():
                        broken.append(f"{page.relative_to(mini_site)}: <{tag} {name}={url!r}>")
    assert broken == []


def _hosts_in(text: str) -> set[str]:
    found = set()
    for match in re.finditer(r"https?://[^\s\"'`<>)\\]+", text):
        url = match.group(0)
        if url in XML_NAMESPACES or any(url.startswith(ns) for ns in XML_NAMESPACES):
            continue
        host = urlsplit(url).netloc.lower()
        if host != SITE_URL_HOST:
            found.add(host)
    return found


def _strip_css_comments(text: str) -> str:
    """CSS comments, and comments of SVG images inlined as data URLs (licence lines)."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return re.sub(r"(?:<|\\3c ?)!--.*?--(?:>|\\3e ?)", "", text, flags=re.S)


def test_no_other_host_in_html_or_css(mini_site: Path) -> None:
    problems = {}
    for path in sorted(mini_site.rglob("*")):
        if path.suffix == ".html":
            text = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S)
            hosts = _hosts_in(text)
            for _tag, attrs in elements(path):
                hosts |= {v for k, v in attrs.items() if k in ("src", "href", "action", "srcset", "poster") and v.startswith("//")}
        elif path.suffix == ".css":
            text = _strip_css_comments(path.read_text(encoding="utf-8"))
            hosts = _hosts_in(text) | set(re.findall(r"url\(\s*[\"']?(//[^)\"']+)", text)) | set(re.findall(r"@import\s+[\"'](?:https?:)?//([^\"']+)", text))
        else:
            continue
        if hosts:
            problems[path.relative_to(mini_site).as_posix()] = sorted(hosts)
    assert problems == {}


def _js_string_hosts(text: str) -> set[str]:
    """Hosts in JavaScript string literals (where a fetched address lives; licence comments are not)."""
    hosts = set()
    for match in re.finditer(r"[\"'`]((?:https?:)?//[^\"'`\s]+)", text):
        url = match.group(1)
        if url in XML_NAMESPACES or url.rstrip("/") in {ns.rstrip("/") for ns in XML_NAMESPACES}:
            continue
        host = urlsplit(url if url.startswith("http") else "https:" + url).netloc.lower()
        if not url.startswith("http") and "." not in host:
            continue  # "\u2003"//nbsp: a string followed by a comment, not an address
        if host and host != SITE_URL_HOST:
            hosts.add(host)
    return hosts


def test_no_other_host_in_dandelions_own_scripts(mini_site: Path) -> None:
    ours = [p for p in mini_site.rglob("*.js") if p.name in ("core.js", "scoring.js", "dandelion.js", "quiz.js", "training.js", "iframe-worker.js")
            or p.parent.name == "search"]
    assert len(ours) >= 8
    problems = {p.relative_to(mini_site).as_posix(): sorted(_js_string_hosts(p.read_text(encoding="utf-8"))) for p in ours}
    assert {k: v for k, v in problems.items() if v} == {}


def test_cdn_and_font_hosts_never_appear_in_pages_or_styles(mini_site: Path) -> None:
    for path in sorted(mini_site.rglob("*")):
        if path.suffix in (".html", ".css"):
            text = path.read_text(encoding="utf-8")
            assert not [h for h in FORBIDDEN_HOSTS if h in text], path


def test_no_other_host_in_any_script(mini_site: Path) -> None:
    problems = {}
    for path in sorted(mini_site.rglob("*")):
        if path.suffix in (".js", ".map"):
            text = path.read_text(encoding="utf-8", errors="replace")
            hosts = _js_string_hosts(text) | {h for h in FORBIDDEN_HOSTS if h in text}
            if hosts:
                problems[path.relative_to(mini_site).as_posix()] = sorted(hosts)
    assert problems == {}


# --- editions ---------------------------------------------------------------------------------

NOTES = {"zh": "先请学生说说见过哪些零食", "en": "Ask the students which snacks they know"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_public_edition_has_no_speaker_notes_or_timings(mini_site: Path, lang: str) -> None:
    page = (mini_site / lang / "lessons" / "new-drugs.html").read_text(encoding="utf-8")
    assert "dl-timing" not in page
    assert 'id="outline"' not in page
    for path in [*(mini_site / lang).rglob("*.html"), *(mini_site / lang / "search").iterdir()]:
        assert NOTES[lang] not in path.read_text(encoding="utf-8"), f"speaker notes leak into {path}"


@pytest.mark.parametrize("lang,twenty", [("zh", "20分钟"), ("en", "20 min")])
def test_lecturer_edition_shows_notes_and_timings(mini_site_lecturer: Path, lang: str, twenty: str) -> None:
    page = (mini_site_lecturer / lang / "lessons" / "new-drugs.html").read_text(encoding="utf-8")
    assert NOTES[lang] in page
    assert re.search(rf'<small class="dl-timing">{twenty}</small>', page)
    assert 'id="outline"' in page


# --- pages with rules of their own ---------------------------------------------------------------


def test_glossary_is_in_pinyin_order_with_letter_anchors(mini_site: Path) -> None:
    page = mini_site / "zh" / "glossary.html"
    html = page.read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    terms = re.findall(r'<h3 id="([a-z0-9-]+)"', article)
    # 冰毒 bīng, 大麻 dà, 海洛因 hǎi, 氯胺酮 lǜ, 鸦片 yā, 摇头丸 yáo
    assert terms == ["methamphetamine", "cannabis", "heroin", "ketamine", "opium", "mdma"]
    letters = element_html(html, '<nav class="dl-letters"', "nav")
    hrefs = re.findall(r'href="#(letter-[a-z]+)"', letters)
    assert hrefs == ["letter-b", "letter-d", "letter-h", "letter-l", "letter-y"]
    for anchor in hrefs:
        assert f'<h2 id="{anchor}"' in article
    heading_order = re.findall(r'<h([23]) id="([a-z0-9-]+)"', article)
    assert [h for _level, h in heading_order] == ["letter-b", "methamphetamine", "letter-d", "cannabis", "letter-h", "heroin",
                                                   "letter-l", "ketamine", "letter-y", "opium", "mdma"]


def test_help_page_labels_example_entries(mini_site: Path) -> None:
    for lang, label in (("zh", "示例条目"), ("en", "Example entry")):
        html = (mini_site / lang / "help.html").read_text(encoding="utf-8")
        after_heading = re.search(r'<h2 id="wenchang-example">.*?</h2>\s*<p>(.*?)</p>', html, re.S)
        assert after_heading and f'<span class="dl-example-badge">{label}</span>' in after_heading.group(1)
        toc = html[html.index('class="md-nav md-nav--secondary"'):]
        assert label not in toc.split("</nav>")[0]  # the badge stays out of the table of contents
        assert re.search(rf'<p class="admonition-title">{label}</p>', html)


def test_planned_event_is_upcoming_on_the_home_page(mini_site: Path) -> None:
    home = (mini_site / "zh" / "index.html").read_text(encoding="utf-8")
    upcoming = home[home.index('<ul class="dl-events">'):]
    assert "events/campus-talk.html" in upcoming.split("</ul>")[0]
    assert "events/community-talk.html" not in home


# --- the nav does not grow with the number of lessons ---------------------------------------------

GENERATED = """\
title: {{zh: 第{n}课 毒品的危害, en: Lesson {n} on the harms of drugs}}
summary: {{zh: 生成的测试课程。, en: A generated lesson.}}
audiences: [middle]
settings: [campus]
duration_minutes: 20
sections:
  - id: part-one
    title: {{zh: 第一部分, en: Part one}}
    minutes: 20
    body: {{zh: 毒品会损害大脑和心脏。, en: Drugs damage the brain and the heart.}}
"""


@pytest.fixture(scope="module")
def scaled_sites(tmp_path_factory: pytest.TempPathFactory, make_project) -> dict[int, Path]:
    sites = {}
    for n in (5, 40):
        files = {f"content/lessons/generated-{i:03d}.yml": GENERATED.format(n=i + 1) for i in range(n)}
        root = make_project(tmp_path_factory.mktemp(f"scaled{n}") / "p", files)
        sites[n] = build(root, with_kits=False, today=TODAY).out
    return sites


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_lesson_nav_and_page_size_do_not_grow_with_lessons(scaled_sites: dict[int, Path], lang: str) -> None:
    marker = '<nav class="md-nav md-nav--primary"'
    pages = {n: (site / lang / "lessons" / "generated-000.html").read_text(encoding="utf-8") for n, site in scaled_sites.items()}
    navs = {n: element_html(html, marker, "nav") for n, html in pages.items()}
    assert len(navs[5].encode()) == len(navs[40].encode())
    assert "generated-" not in navs[40]  # detail pages stay out of the nav
    from generator.plan import NAV

    links = {n: nav.count('class="md-nav__link') for n, nav in navs.items()}
    assert links[5] == links[40] <= len(NAV)
    sizes = {n: len(html.encode()) for n, html in pages.items()}
    assert abs(sizes[40] - sizes[5]) <= 512, sizes
    catalogue = {n: (site / lang / "lessons" / "index.html").read_text(encoding="utf-8") for n, site in scaled_sites.items()}
    assert catalogue[40].count("generated-") > catalogue[5].count("generated-")  # the catalogue, of course, grows


# --- refusing and failing leave the previous site alone ------------------------------------------


@pytest.fixture(scope="module")
def starter_build(tmp_path_factory: pytest.TempPathFactory, make_project) -> tuple[Path, Path]:
    """The starter project, built once per module."""
    base = tmp_path_factory.mktemp("starter")
    root = make_project(base / "p")
    build(root, out=base / "out", with_kits=False, today=TODAY)
    return root, base / "out"


@pytest.fixture
def built_starter(tmp_path: Path, starter_build: tuple[Path, Path]) -> tuple[Path, Path, dict[str, bytes]]:
    """A private copy of the built starter project: (project, output folder, its files and bytes)."""
    root, out = tmp_path / "p", tmp_path / "out"
    shutil.copytree(starter_build[0], root)
    shutil.copytree(starter_build[1], out, symlinks=True)
    assert (out / "zh" / "lessons" / "first-lesson.html").is_file()
    return root, out, tree(out)


def test_content_errors_refuse_the_build_and_keep_the_old_site(built_starter, run_cli) -> None:
    root, out, before = built_starter
    (root / "content" / "lessons" / "first-lesson.yml").write_text("title: [\n", encoding="utf-8")
    (root / "quizzes" / "first-quiz.yml").write_text("questions: 3\n", encoding="utf-8")
    result = run_cli("build", "--project", root, "--out", out, "--no-kits")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "content/lessons/first-lesson.yml:2:1: error: YAML syntax error" in result.stderr
    assert "quizzes/first-quiz.yml:1:1: error: missing required field `title`" in result.stderr
    assert result.stderr.splitlines()[-1] == "Error: 3 content errors: nothing was written"
    assert tree(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["out", "p"]  # no staging folder left


def test_a_failing_renderer_keeps_the_old_site(built_starter, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.site import mkdocs_engine

    root, out, before = built_starter
    (root / "content" / "lessons" / "first-lesson.yml").write_text(
        (root / "content" / "lessons" / "first-lesson.yml").read_text(encoding="utf-8").replace("认识毒品", "认识毒品（新版）"),
        encoding="utf-8")
    calls = []

    def fail(*args: object, **kwargs: object) -> list[str]:
        calls.append(kwargs.get("lang"))
        if len(calls) == 2:  # the first language is already rendered into staging when the second fails
            raise BuildError("the site engine failed: simulated")
        return real(*args, **kwargs)

    real = mkdocs_engine.build_language
    monkeypatch.setattr(mkdocs_engine, "build_language", fail)
    result = run_cli("build", "--project", root, "--out", out, "--no-kits")
    assert result.exit_code == 1
    assert "Error: the site engine failed: simulated" in result.stderr
    assert "Traceback" not in result.output
    assert tree(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["out", "p"]


def test_a_crashing_renderer_keeps_the_old_site(built_starter, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.site.pages as pages

    root, out, before = built_starter

    def crash(*_args: object, **_kwargs: object) -> list[object]:
        raise ZeroDivisionError("a template bug")

    monkeypatch.setattr(pages, "render_pages", crash)
    result = run_cli("build", "--project", root, "--out", out, "--no-kits")
    assert result.exit_code == 3
    assert "Internal error: ZeroDivisionError: a template bug" in result.stderr
    assert "Traceback" not in result.output
    assert tree(out) == before


def test_a_fixed_project_builds_over_the_old_site(built_starter, run_cli) -> None:
    root, out, before = built_starter
    lesson = root / "content" / "lessons" / "first-lesson.yml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("认识毒品", "认识毒品（新版）"), encoding="utf-8")
    result = run_cli("build", "--project", root, "--out", out, "--no-kits")
    assert result.exit_code == 0, result.output
    assert "认识毒品（新版）" in (out / "zh" / "lessons" / "first-lesson.html").read_text(encoding="utf-8")
    assert tree(out) != before


@pytest.mark.parametrize("where", ["project root", "parent of project", "content", "not ours", "a file"])
def test_dangerous_out_folders_are_refused(tmp_path: Path, make_project, run_cli, where: str) -> None:
    root = make_project(tmp_path / "p")
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.docx").write_text("years of work")
    (tmp_path / "file.txt").write_text("a file")
    out = {"project root": root, "parent of project": tmp_path, "content": root / "content" / "site",
           "not ours": precious, "a file": tmp_path / "file.txt"}[where]
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = run_cli("build", "--project", root, "--out", out, "--no-kits")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_init_project_builds(tmp_path: Path, run_cli) -> None:
    target = tmp_path / "new"
    assert run_cli("init", target).exit_code == 0
    result = run_cli("build", "--project", target, "--no-kits")
    assert result.exit_code == 0, result.output
    assert "(0 errors, 0 warnings)" in result.stderr.splitlines()[-1]
    for path in ("site/index.html", "site/zh/index.html", "site/en/index.html", "site/zh/lessons/first-lesson.html",
                 "site/en/quizzes/first-quiz.html", "site/.dandelion-output"):
        assert (target / path).is_file(), path


def test_media_are_copied_once_for_both_languages(mini_site: Path, mini_project: Path) -> None:
    from generator.media import clean_image

    original = (mini_project / "content" / "images" / "snack.svg").read_bytes()
    assert (mini_site / "media" / "images" / "snack.svg").read_bytes() == clean_image("snack.svg", original).data
    assert (mini_site / "media" / "images" / "events" / "hall.svg").is_file()
    assert not (mini_site / "zh" / "media").exists()


def test_no_page_links_with_backslashes_or_absolute_paths(mini_site: Path) -> None:
    for lang in ("zh", "en"):
        for page in content_pages(mini_site, lang):
            for tag, attrs in elements(page):
                for name in ("href", "src"):
                    url = attrs.get(name, "")
                    assert "\\" not in url, (page, tag, url)
                    assert urlsplit(url).scheme or not url.startswith("/"), (page, tag, url)


@pytest.fixture(scope="module")
def second_build(mini_project: Path, tmp_path_factory: pytest.TempPathFactory):
    return build(mini_project, out=tmp_path_factory.mktemp("again") / "site", with_kits=False, today=TODAY)


def test_a_second_build_gives_the_same_pages(mini_site: Path, second_build) -> None:
    assert second_build.diagnostics.items == []
    assert second_build.pages == 2 * 19
    first, second = tree(mini_site), tree(second_build.out)
    assert sorted(first) == sorted(second)
    assert [p for p in first if p.endswith(".html") and first[p] != second[p]] == []


_HTML_LINK_NOISE = re.compile(r"contains a link '[^']*\.html(#[^']*)?', but the target( '[^']*')? is not found among documentation files")


def test_the_engine_reports_no_broken_links(second_build) -> None:
    """The site engine reports no warnings: every link resolves."""
    assert [w for w in second_build.engine_warnings if not _HTML_LINK_NOISE.search(w)] == []


def test_the_engine_gives_no_warnings_at_all(second_build) -> None:
    assert second_build.engine_warnings == []


def test_chinese_headings_get_pinyin_anchors(mini_site: Path) -> None:
    # Python-Markdown's slugify drops Han characters: every zh heading was #_1, #_2 …
    html = (mini_site / "zh" / "lessons" / "new-drugs.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="jiao-xue-mu-biao"', html)
    assert not re.search(r'id="_\d*"', html)
    assert re.search(r'<h2 id="disguises"', html)  # explicit section ids stay


def test_no_public_answer_key_for_a_graded_final_test(mini_site: Path) -> None:
    # basics is the final test of basics-module: it earns credit hours
    assert (mini_site / "zh" / "quizzes" / "basics-worksheet.html").exists()
    assert not (mini_site / "zh" / "quizzes" / "basics-answers.html").exists()
    assert "basics-answers.html" not in (mini_site / "zh" / "quizzes" / "basics.html").read_text(encoding="utf-8")


# --- build --no-kits keeps the kits already built -------------------------------------------------


def _fake_kits(root: Path, out: Path, edition: str) -> dict[str, bytes]:
    """Kit files and a manifest for every kit file a build of ``root`` plans, as the kits step writes them."""
    import json

    from generator.loader import load_project
    from generator.plan import make_plan

    project = load_project(root).project
    assert project is not None
    files = {}
    entries = []
    for kit in make_plan(project, edition=edition).kits:
        data = f"%PDF fake {kit.path}".encode()
        (out / kit.path).parent.mkdir(parents=True, exist_ok=True)
        (out / kit.path).write_bytes(data)
        files[kit.path] = data
        entries.append({"path": kit.path, **kit.manifest_fields(), "pages": 1, "bytes": len(data)})
    manifest = json.dumps({"schema": 1, "edition": edition, "files": entries})
    (out / "kits" / "manifest.json").write_text(manifest, encoding="utf-8")
    files["kits/manifest.json"] = manifest.encode()
    write_marker(out, (read_owned(out) or set()) | set(files))  # as a kits run records what it wrote
    return files


def test_no_kits_keeps_the_kits_built_before_and_links_to_them(built_starter, run_cli) -> None:
    root, out, _before = built_starter
    assert not (out / "zh" / "kits.html").exists()
    kits = _fake_kits(root, out, "public")
    gone = "kits/en/lessons/first-lesson/campus/feedback.pdf"
    (out / gone).unlink()  # listed in the manifest but no longer there: not linked
    result = run_cli("build", "--project", root, "--out", out, "--no-kits")
    assert result.exit_code == 0, result.output
    assert {path: (out / path).read_bytes() for path in kits if path != gone} == {p: d for p, d in kits.items() if p != gone}
    lesson = (out / "zh" / "lessons" / "first-lesson.html").read_text(encoding="utf-8")
    assert 'href="../../kits/zh/lessons/first-lesson/campus/handout.pdf"' in lesson
    assert "PDF · 1页 · 1 KB" in lesson
    english = (out / "en" / "lessons" / "first-lesson.html").read_text(encoding="utf-8")
    assert "campus/handout.pdf" in english and "feedback.pdf" not in english
    assert (out / "zh" / "kits.html").is_file()


def test_no_kits_drops_the_other_editions_kits_and_their_links(built_starter, run_cli) -> None:
    root, out, _before = built_starter
    _fake_kits(root, out, "lecturer")
    result = run_cli("build", "--project", root, "--out", out, "--no-kits")  # the public edition
    assert result.exit_code == 0, result.output
    assert not (out / "kits").exists()
    assert not (out / "zh" / "kits.html").exists()
    assert "kits/" not in (out / "zh" / "lessons" / "first-lesson.html").read_text(encoding="utf-8")


def test_a_missing_dependency_of_the_kits_fails_the_build(built_starter, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    root, out, before = built_starter
    monkeypatch.setitem(sys.modules, "generator.kits", None)  # as if the kits' imports failed
    result = run_cli("build", "--project", root, "--out", out)
    assert result.exit_code == 3  # an internal error, said plainly
    assert "Internal error: ModuleNotFoundError" in result.stderr and "generator.kits" in result.stderr
    assert tree(out) == before  # not a site without kits


def _events_index(site: Path) -> str:
    return (site / "en" / "events" / "index.html").read_text(encoding="utf-8")


def test_the_build_date_comes_from_today_or_source_date_epoch_never_the_clock(tmp_path: Path, make_project, run_cli,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Upcoming/past on the events index depend on the build date: --today, else SOURCE_DATE_EPOCH."""
    project = make_project(tmp_path / "p", base="mini")
    june = str(int(dt.datetime(2026, 6, 1, 12, tzinfo=dt.UTC).timestamp()))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", june)
    result = run_cli("build", "--project", project, "--no-kits", "--out", tmp_path / "a")
    assert result.exit_code == 0, result.output
    result = run_cli("build", "--project", project, "--no-kits", "--out", tmp_path / "b")
    assert result.exit_code == 0, result.output
    for page in ("en/events/index.html", "zh/events/index.html", "en/index.html"):
        assert (tmp_path / "a" / page).read_bytes() == (tmp_path / "b" / page).read_bytes()
    before = _events_index(tmp_path / "a")
    result = run_cli("build", "--project", project, "--no-kits", "--out", tmp_path / "c", "--today", "2027-01-01")
    assert result.exit_code == 0, result.output
    after = _events_index(tmp_path / "c")
    assert before != after  # the June event moved from upcoming to past
    upcoming, _past = after.split('id="past', 1) if 'id="past' in after else (after, "")
    assert "No events are scheduled yet." in upcoming


def test_a_build_whose_pages_would_carry_a_broken_link_replaces_nothing(tmp_path: Path, make_project,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The post-build link check runs on every build; a dead link (a generator bug) stops the swap."""
    import generator.site.pages as pages

    project = make_project(tmp_path / "p", base="mini")
    first = build(project, out=tmp_path / "site", with_kits=False)
    before = (first.out / "zh" / "index.html").read_bytes()
    original = pages.relative_url
    monkeypatch.setattr(pages, "relative_url", lambda a, b: original(a, b).replace("new-drugs", "no-such-lesson"))
    with pytest.raises(BuildError, match=r"(?s)broken link\(s\) in the built pages.*no-such-lesson"):
        build(project, out=tmp_path / "site", with_kits=False, today=dt.date(2030, 1, 1))  # not a no-op rebuild
    assert (tmp_path / "site" / "zh" / "index.html").read_bytes() == before


def test_config_texts_are_escaped_once_wherever_the_theme_writes_them(tmp_path: Path, make_project) -> None:
    """A quote in site_name broke out of an attribute Material writes on every page; now the name reads
    back exactly, in text and attributes, and is never escaped twice."""
    name = 'Dandelion "X" < bold > & co'
    project = make_project(tmp_path / "p", base="mini")
    config = project / "site_config.yml"
    text = re.sub(r"site_name:.*\n", f"site_name: {{zh: '{name}', en: '{name}'}}\n", config.read_text(encoding="utf-8"))
    text = re.sub(r"organisation:.*\n", "organisation: {zh: '机构 \"甲\" & 乙', en: 'Org \"A\" & B'}\n", text)
    config.write_text(text, encoding="utf-8")
    out = build(project, out=tmp_path / "site", with_kits=False).out
    page = out / "en" / "lessons" / "new-drugs.html"
    html = page.read_text(encoding="utf-8")
    assert "&amp;quot;" not in html and "&amp;lt;" not in html and "&amp;amp;" not in html
    titles = [attrs["title"] for tag, attrs in elements(page) if tag == "a" and "md-logo" in attrs.get("class", "")]
    assert titles and all(title == name for title in titles)
    assert f"<title>Recognising new drugs - {html_module.escape(name)}</title>" in html
    assert "Org &quot;A&quot; &amp; B" in html  # the copyright line
    assert 'co" class=' not in html.replace(html_module.escape(name), "")  # no attribute break-out left
