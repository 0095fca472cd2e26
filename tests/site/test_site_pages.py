"""The site's pages as Markdown (``generator.site.pages.render_pages``), compared with golden files.

Every page of the mini fixture project (``tests/fixtures/mini``) is rendered for each language,
with a fixed date, and compared with ``tests/site/golden/<lang>/<page path>`` (lesson pages also in
the lecturer edition, under ``golden/lecturer/<lang>/``). Each golden file holds the page's title,
nav entry and front matter, then its Markdown. A difference fails with a unified diff.

After an intended change to templates or strings, refresh the golden files with one command and
review the diff in git before committing:

    .venv/bin/pytest tests/site --update-goldens

Golden files that no page produces any more fail the run (and are deleted by ``--update-goldens``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

import pytest
import yaml

from generator import model
from generator.loader import load_project
from generator.site.mkdocs_engine import front_matter
from generator.site.pages import Page, SiteOptions, relative_url, render_pages

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
MINI = HERE.parent / "fixtures" / "mini"
TODAY = dt.date(2026, 6, 1)
LANGS = ["zh", "en"]


@pytest.fixture(scope="module")
def project() -> model.Project:
    result = load_project(MINI)
    assert [str(d) for d in result.diagnostics] == []
    assert result.project is not None
    return result.project


@pytest.fixture(scope="module")
def rendered(project: model.Project) -> dict[str, str]:
    """golden file path (relative to golden/) → expected text, for every page in every edition."""
    out: dict[str, str] = {}
    for lang in LANGS:
        for page in render_pages(project, lang, SiteOptions(today=TODAY)):
            out[f"{lang}/{page.path}"] = serialise(page)
        for page in render_pages(project, lang, SiteOptions(edition="lecturer", today=TODAY)):
            if (page.path.startswith("lessons/") and page.path != "lessons/index.md") or page.path.endswith("-answers.md"):
                out[f"lecturer/{lang}/{page.path}"] = serialise(page)
    return out


def serialise(page: Page) -> str:
    """Title, nav entry and the front matter the site engine gets for the page, then its Markdown."""
    meta = front_matter(page)
    head = yaml.safe_dump({"title": page.title, "nav": page.nav, "meta": meta}, allow_unicode=True, sort_keys=True, width=1000)
    return f"---\n{head}---\n\n{page.markdown}"


def golden_files() -> list[str]:
    return sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))


def test_pages_match_the_golden_files(rendered: dict[str, str], update_goldens: bool) -> None:
    if update_goldens:
        for rel, text in rendered.items():
            path = GOLDEN / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
        for rel in set(golden_files()) - set(rendered):
            (GOLDEN / rel).unlink()
        return
    problems = []
    for rel, text in sorted(rendered.items()):
        path = GOLDEN / rel
        if not path.exists():
            problems.append(f"missing golden file tests/site/golden/{rel} (run: pytest tests/site --update-goldens)")
            continue
        expected = path.read_text(encoding="utf-8")
        if expected != text:
            diff = difflib.unified_diff(expected.splitlines(keepends=True), text.splitlines(keepends=True),
                                        fromfile=f"golden/{rel}", tofile=f"rendered/{rel}")
            problems.append("".join(diff))
    stale = sorted(set(golden_files()) - set(rendered))
    problems += [f"stale golden file tests/site/golden/{rel}: no page produces it" for rel in stale]
    assert not problems, "\n".join(problems) + "\n\nIf the change is intended: .venv/bin/pytest tests/site --update-goldens"


def test_goldens_cover_every_page_kind() -> None:
    files = golden_files()
    for lang in LANGS:
        for nav_page in ("index.md", "lessons/index.md", "events/index.md", "training/index.md", "quizzes/index.md",
                         "glossary.md", "laws.md", "help.md", "lecturers.md"):
            assert f"{lang}/{nav_page}" in files
        for detail in ("lessons/new-drugs.md", "events/campus-talk.md", "events/community-talk.md", "quizzes/basics.md",
                       "quizzes/basics-worksheet.md", "training/basics-module.md",
                       "training/basics-module-certificate.md"):
            assert f"{lang}/{detail}" in files
        assert f"lecturer/{lang}/lessons/new-drugs.md" in files
        # basics is a graded final test: its answer key is in the lecturer edition only
        assert f"{lang}/quizzes/basics-answers.md" not in files
        assert f"lecturer/{lang}/quizzes/basics-answers.md" in files


# --- rules that hold on any project (not only the golden one) ---------------------------------


def test_glossary_markdown_is_in_pinyin_order(rendered: dict[str, str]) -> None:
    text = rendered["zh/glossary.md"]
    headings = re.findall(r"^(##|###) (.+?) \{: #([a-z0-9-]+) \}$", text, re.M)
    assert [(level, anchor) for level, _title, anchor in headings] == [
        ("##", "letter-b"), ("###", "methamphetamine"), ("##", "letter-d"), ("###", "cannabis"), ("##", "letter-h"),
        ("###", "heroin"), ("##", "letter-l"), ("###", "ketamine"), ("##", "letter-y"), ("###", "opium"), ("###", "mdma")]


def test_english_glossary_is_in_alphabetical_order(rendered: dict[str, str]) -> None:
    anchors = re.findall(r"^### .+? \{: #([a-z0-9-]+) \}$", rendered["en/glossary.md"], re.M)
    assert anchors == ["cannabis", "mdma", "heroin", "ketamine", "methamphetamine", "opium"]  # Cannabis, Ecstasy, Heroin …


def test_help_page_labels_only_example_entries(tmp_path: Path, make_project) -> None:
    centres = """\
- id: real-office
  name: {zh: 海南省戒毒管理局, en: Hainan Provincial Drug Rehabilitation Administration}
  region: haikou
- id: wenchang-example
  name: {zh: 文昌市指导中心（示例）, en: Wenchang guidance centre (example)}
  region: wenchang
  example: true
"""
    result = load_project(make_project(tmp_path / "p", {"content/help_centres.yml": centres}, base="mini"))
    assert result.project is not None and not result.diagnostics.errors
    for lang, label in (("zh", "示例条目"), ("en", "Example entry")):
        page = next(p for p in render_pages(result.project, lang, SiteOptions(today=TODAY)) if p.path == "help.md")
        # each centre's section: from its heading to the next one; the badge is not in the heading
        # (it would show in the table of contents), but right under it
        sections = {anchor: body for anchor, body in re.findall(r"^## .+? \{: #([a-z0-9-]+) \}$(.*?)(?=^## |\Z)", page.markdown, re.M | re.S)}
        assert label in sections["wenchang-example"]
        assert label not in sections["real-office"]
        assert not re.search(rf"^## .*{label}", page.markdown, re.M)
        assert f'!!! info "{label}"' in page.markdown
        assert "120" in page.markdown and "110" in page.markdown  # the emergency numbers come first


def test_help_page_without_examples_has_no_example_notice(tmp_path: Path, make_project) -> None:
    centres = "- id: real-office\n  name: {zh: 海南省戒毒管理局, en: Hainan Provincial Drug Rehabilitation Administration}\n  region: haikou\n"
    result = load_project(make_project(tmp_path / "p", {"content/help_centres.yml": centres}, base="mini"))
    assert result.project is not None
    page = next(p for p in render_pages(result.project, "zh", SiteOptions(today=TODAY)) if p.path == "help.md")
    assert "示例" not in page.markdown


def test_topics_show_their_labels_in_config_order(rendered: dict[str, str]) -> None:
    for lang, label in (("zh", "新型毒品"), ("en", "New drugs")):
        page = rendered[f"{lang}/lessons/index.md"]
        assert f'<option value="new-drugs">{label}</option>' in page
        assert f'<span class="dl-tag">{label}</span>' in page


def test_unlabelled_topics_show_the_tag(tmp_path: Path, make_project) -> None:
    config = (MINI / "site_config.yml").read_text(encoding="utf-8").replace("  new-drugs: {zh: 新型毒品, en: New drugs}\n", "")
    config = config.replace("topics:\n  refusal-skills: {zh: 拒绝技巧, en: Refusal skills}\n", "")
    result = load_project(make_project(tmp_path / "p", {"site_config.yml": config}, base="mini"))
    assert result.project is not None and not result.diagnostics.errors
    page = next(p for p in render_pages(result.project, "zh", SiteOptions(today=TODAY)) if p.path == "lessons/index.md")
    assert '<option value="new-drugs">new-drugs</option>' in page.markdown


def test_public_pages_never_carry_speaker_notes(project: model.Project) -> None:
    for lang, note in (("zh", "先请学生说说见过哪些零食"), ("en", "Ask the students which snacks they know")):
        public = render_pages(project, lang, SiteOptions(today=TODAY))
        assert not [p.path for p in public if note in p.markdown]
        lecturer = render_pages(project, lang, SiteOptions(edition="lecturer", today=TODAY))
        assert [p.path for p in lecturer if note in p.markdown] == ["lessons/new-drugs.md"]


def test_chinese_pages_use_full_width_colons_after_labels(rendered: dict[str, str]) -> None:
    half_width = {}
    for rel, text in rendered.items():
        if rel.startswith(("zh/", "lecturer/zh/")):
            body = text.split("\n---\n", 1)[1]
            found = re.findall(r"[\u4e00-\u9fff]: ", body)
            if found:
                half_width[rel] = found
    assert half_width == {}


def test_titles_are_escaped_not_interpreted(tmp_path: Path, make_project) -> None:
    lesson = (MINI / "content" / "lessons" / "first-steps.yml").read_text(encoding="utf-8").replace(
        "title: {zh: 远离毒品从小做起, en: Staying away from drugs starts early}",
        'title: {zh: "远离*毒品*_从小_[做起](x)", en: "<b>Stay</b> away # now"}')
    result = load_project(make_project(tmp_path / "p", {"content/lessons/first-steps.yml": lesson}, base="mini"))
    assert result.project is not None
    zh = next(p for p in render_pages(result.project, "zh", SiteOptions(today=TODAY)) if p.path == "lessons/first-steps.md")
    assert zh.markdown.startswith("# 远离\\*毒品\\*\\_从小\\_\\[做起\\](x)\n")
    en = next(p for p in render_pages(result.project, "en", SiteOptions(today=TODAY)) if p.path == "lessons/first-steps.md")
    assert en.markdown.startswith("# &lt;b&gt;Stay&lt;/b&gt; away # now\n")


@pytest.mark.parametrize(
    "src,dst,url",
    [
        ("index.md", "lessons/index.md", "lessons/index.html"),
        ("lessons/a.md", "lessons/b.md", "b.html"),
        ("lessons/a.md", "glossary.md#meth", "../glossary.html#meth"),
        ("lessons/a.md", "#top", "#top"),
        ("events/x.md", "../media/images/a.svg", "../../media/images/a.svg"),
        ("training/m.md", "quizzes/q.md", "../quizzes/q.html"),
    ],
)
def test_relative_urls(src: str, dst: str, url: str) -> None:
    assert relative_url(src, dst) == url


def test_quizzes_index_groups_by_audience_and_titles_sort_by_pinyin() -> None:
    # the shipped teaching set: many quizzes, lessons shared between audiences, two training tests
    shipped = load_project(HERE.parents[1]).project
    assert shipped is not None
    page = next(p for p in render_pages(shipped, "zh", SiteOptions(today=TODAY)) if p.path == "quizzes/index.md")
    headings = re.findall(r"^## (.+)$", page.markdown, re.M)
    labels = [shipped.config.audiences[a].values["zh"] for a in shipped.config.audiences]
    assert headings[0] == "社工培训结业测验"
    assert headings[1:] == [h for h in labels if h in headings[1:]], "audiences in site_config order"
    listed = re.findall(r"^- \[.+?\]\(([a-z0-9-]+)\.html\)", page.markdown, re.M)
    assert sorted(listed) == sorted(shipped.quizzes), "every quiz exactly once"
    # within the primary group, titles follow pinyin (告 gào < 认 rèn < 勇 yǒng), not code points
    primary = page.markdown.split("## 小学生", 1)[1].split("## ", 1)[0]
    titles = re.findall(r"^- \[(.+?)\]", primary, re.M)
    assert titles == ["告诉信任的大人小测验", "认识毒品小测验", "勇敢说“不”小测验"]


def test_quizzes_for_pupils_and_villagers_get_the_pinyin_switch() -> None:
    shipped = load_project(HERE.parents[1]).project
    assert shipped is not None

    def quiz_page(lang: str, quiz_id: str) -> str:
        pages = render_pages(shipped, lang, SiteOptions(today=TODAY))
        return next(p for p in pages if p.path == f"quizzes/{quiz_id}.md").markdown

    for quiz_id in ("primary-saying-no-quiz", "village-drug-harms-quiz"):
        zh = quiz_page("zh", quiz_id)
        assert 'class="dl-pinyin-toggle"' in zh and 'class="dl-quiz dl-ruby"' in zh
        assert "\\u003cruby\\u003e" in zh and "\\u003crt\\u003e" in zh  # ruby inside the quiz data
        en = quiz_page("en", quiz_id)
        assert "dl-pinyin-toggle" not in en and "u003cruby" not in en
    high = quiz_page("zh", "high-laced-vapes-quiz")
    assert "dl-pinyin-toggle" not in high and "u003cruby" not in high


def test_past_events_newest_first() -> None:
    shipped = load_project(HERE.parents[1]).project
    assert shipped is not None
    page = next(p for p in render_pages(shipped, "zh", SiteOptions(today=dt.date(2027, 12, 31))) if p.path == "events/index.md")
    past = page.markdown.split("## 往期活动", 1)[1]
    ids = re.findall(r'href="([a-z0-9-]+)\.html"', past)
    dates = [shipped.events[i].date for i in ids]
    assert len(ids) == len(shipped.events) and dates == sorted(dates, reverse=True)
    assert len({d.year for d in dates}) >= 2  # one list across years (events.js moves rows by the reader's date)


def test_training_index_puts_a_module_after_the_ones_it_follows() -> None:
    shipped = load_project(HERE.parents[1]).project
    assert shipped is not None
    for lang in LANGS:
        page = next(p for p in render_pages(shipped, lang, SiteOptions(today=TODAY)) if p.path == "training/index.md")
        links = re.findall(r"\(([a-z0-9-]+)\.html\)", page.markdown)
        assert links.index("community-rehab-basics") < links.index("mi-relapse-prevention"), lang


def test_a_link_to_a_section_of_the_same_page_stays_on_the_page() -> None:
    assert relative_url("lessons/a.md", "lessons/a.md#refusal") == "#refusal"
    assert relative_url("lessons/a.md", "lessons/b.md#refusal") == "b.html#refusal"
    assert relative_url("lessons/a.md", "lessons/a.md") == "a.html"


def test_primary_lesson_pages_list_terms_without_adult_definitions() -> None:
    shipped = load_project(HERE.parents[1]).project
    assert shipped is not None
    lesson = shipped.lessons["primary-what-drugs-are"]
    page = next(p for p in render_pages(shipped, "zh", SiteOptions(today=TODAY)) if p.path == f"lessons/{lesson.id}.md")
    terms = page.markdown.split("{: #terms }", 1)[1].split("\n## ", 1)[0]
    for g in lesson.glossary:
        term = shipped.glossary[g]
        assert f"[{term.term.values['zh']}]" in terms
        assert term.definition.values["zh"][:12] not in terms
    adult = next(p for p in render_pages(shipped, "zh", SiteOptions(today=TODAY)) if p.path == "lessons/high-laced-vapes.md")
    first = shipped.glossary[shipped.lessons["high-laced-vapes"].glossary[0]]
    assert first.definition.values["zh"][:12] in adult.markdown


def test_hostile_content_runs_no_script_on_any_built_page(tmp_path: Path) -> None:
    """Every text of every item hostile (what `check` would refuse, as if it had slipped through):
    the built pages, both languages, lecturer edition (notes, timings, answer keys), carry no event
    handler, no javascript: URL, no script holding a payload, and nor does their quiz data."""
    from hostile import page_script_findings, poison

    from generator.site import mkdocs_engine

    project = poison(load_project(MINI).project)
    found: dict[str, list[str]] = {}
    for lang in LANGS:
        pages = render_pages(project, lang, SiteOptions(edition="lecturer", today=TODAY))
        site = tmp_path / lang
        mkdocs_engine.build_language(
            pages, lang=lang, languages=LANGS, site_name="Dandelion", copyright_text="©", site_url=None,
            work_dir=tmp_path / f"work-{lang}", site_dir=site, theme=mkdocs_engine.theme_dir(MINI))
        for page in site.rglob("*.html"):
            findings = page_script_findings(page.read_text(encoding="utf-8"))
            if findings:
                found[str(page.relative_to(tmp_path))] = findings
        titles = [re.search(r"<title>(.*?)</title>", page.read_text(encoding="utf-8"), re.S)[1] for page in site.rglob("*.html")]
        assert any("&lt;" in title for title in titles) and not any("<" in title for title in titles)
    assert found == {}
