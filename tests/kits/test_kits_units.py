"""Kit building blocks: text fitting, poster layouts, fonts, the URL fetcher, the cache, the village type size."""

from __future__ import annotations

import itertools
import os
import time
from pathlib import Path

import pytest
from kitutil import LONG_TITLE, load

from generator import model
from generator.kits import fonts as kit_fonts
from generator.kits.cache import KitCache
from generator.kits.documents import Documents, outline, short_lines
from generator.kits.fonts import FontError, find_fonts
from generator.kits.poster import A3, QR, SHARE_PX, Layout, PosterSpec, Text, layout_poster, layout_share
from generator.kits.textfit import Measure, balanced, fit, tokens, wrap
from generator.loader import load_project
from generator.zh import Pinyin

REPO = Path(__file__).resolve().parents[2]
NO_LINE_START = set("，。！？、；：）」』》〉】”’")
NO_LINE_END = set("（「『《〈【“‘")


@pytest.fixture(scope="module")
def fonts() -> kit_fonts.KitFonts:
    cfg = model.SiteConfig.model_validate({"site_name": "x", "organisation": "y", "audiences": {"a": "b"},
                                       "settings": {"a": "b"}, "regions": {"a": "b"}})
    return find_fonts(cfg, REPO)


# -- text fitting ------------------------------------------------------------------------------------------

def test_tokens_keep_punctuation_with_its_character() -> None:
    toks = tokens("毒品，害人！（示例）说“不”。Say no")
    assert "品，" in toks and "人！" in toks and "“不”。" in toks
    assert "Say" in toks and "no" in toks


def test_short_brackets_stay_whole_and_long_ones_break() -> None:
    assert "（示例）" in tokens("儋州某高校礼堂（示例）")
    assert "《拒绝毒品》" in tokens("讲授《拒绝毒品》一课")
    long = tokens("（这是一段很长的括号说明文字）")
    assert "（这" in long and "字）" in long


def test_wrap_follows_chinese_line_breaking_and_width(fonts: kit_fonts.KitFonts) -> None:
    measure = Measure(fonts.bold)
    text = "毒品有很多种，老毒品：鸦片、海洛因（白粉）、大麻。冰毒：像冰糖，像碎玻璃！新毒品？「看样子」，认不出来。"
    for width in range(35, 140, 7):
        lines = wrap(text, measure, 10.0, float(width))
        assert "".join(lines) == text
        for line in lines:
            assert measure.width(line, 10.0) <= width + 1e-6
            assert line[0] not in NO_LINE_START and line[-1] not in NO_LINE_END, lines
    english = "International Day against Drug Abuse talk at a Haikou school"
    lines = wrap(english, measure, 10.0, 80.0)
    assert " ".join(lines) == english


def test_balanced_lines_are_even(fonts: kit_fonts.KitFonts) -> None:
    measure = Measure(fonts.bold)
    text = "6·26国际禁毒日进校园专题宣讲"  # greedy: 14 + 1 characters
    greedy = wrap(text, measure, 10.0, 140.0)
    even = balanced(text, measure, 10.0, 140.0)
    assert len(greedy) == len(even) == 2
    assert min(len(x) for x in even) >= 6 > min(len(x) for x in greedy)


def test_fit_shrinks_then_cuts(fonts: kit_fonts.KitFonts) -> None:
    measure = Measure(fonts.regular)
    short = fit("珍爱生命", measure, width=100, height=30, max_size=20, min_size=5)
    assert short.size == 20 and short.lines == ["珍爱生命"]
    long = fit(LONG_TITLE, measure, width=100, height=30, max_size=20, min_size=3)
    assert long.size < 20 and long.height <= 30 and "".join(long.lines) == LONG_TITLE
    cut = fit(LONG_TITLE * 5, measure, width=50, height=10, max_size=10, min_size=4)
    assert cut.lines[-1].endswith("…") and cut.height <= 10


# -- posters: nothing leaves its box -------------------------------------------------------------------------

def _spec(title: str, lang: str = "zh", *, qr: bool = True, village: bool = False, long_rest: bool = False) -> PosterSpec:
    many = ["共青团海口市委员会（示例）", "学校德育处", "县妇联（示例）", "村民委员会"] if long_rest else ["村民委员会"]
    return PosterSpec(
        lang=lang, title=title, brand="海南“蒲公英”禁毒宣讲团", date="2026年6月26日（星期五）", time="09:30–11:00",
        venue="保亭黎族苗族自治县某村文化广场（示例）" * (3 if long_rest else 1), organiser="海南省戒毒管理局",
        occasion="6·26国际禁毒日", partners=many, lecturers=["禁毒民警讲师（示例）", "医生（示例）"] * (3 if long_rest else 1),
        lessons=["毒品害人，我们不碰"], slogan="珍爱生命，远离毒品",
        slogan_pinyin=Pinyin().syllables("珍爱生命，远离毒品") if village else [],
        slogan_extra=[("黎语", "lic placeholder")] if village else [],
        qr_url="https://example.org/dandelion/zh/events/x.html" if qr else None, village=village,
    )


def _text_rect(t: Text, fonts: kit_fonts.KitFonts) -> tuple[float, float, float, float]:
    """The ink of a line (Pillow's glyph bounding box at the baseline), in layout units."""
    from generator.kits.textfit import pil_font

    face = fonts.bold if t.bold else fonts.regular
    ref = 400
    left, top, right, bottom = pil_font(face.file, face.index, ref).getbbox(t.text, anchor="ls")
    k = t.size / ref
    return (t.x + left * k, t.baseline + top * k, t.x + right * k, t.baseline + bottom * k)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] - 1e-6 and b[0] < a[2] - 1e-6 and a[1] < b[3] - 1e-6 and b[1] < a[3] - 1e-6


def _check_layout(layout: Layout, fonts: kit_fonts.KitFonts, safe: float) -> None:
    eps = 1e-6
    owner: dict[int, str] = {}
    for box in layout.boxes:
        assert box.lines, box.name
        for t in box.lines:
            owner[id(t)] = box.name
            left, top, right, bottom = _text_rect(t, fonts)
            # every line inside its box, horizontally and vertically
            assert left >= box.x - 0.01 * t.size and right <= box.x + box.w + 0.01 * t.size, (box.name, t.text)  # side bearings
            assert top >= box.y - eps and bottom <= box.y + box.h + eps, (box.name, t.text, top, bottom, box.y, box.h)
            # and inside the safe area of the sheet
            assert left >= safe - 0.01 * t.size and right <= layout.width - safe, (box.name, t.text)
            assert top >= safe and bottom <= layout.height - safe, (box.name, t.text)
    texts = [t for t in layout.texts()]
    assert all(id(t) in owner for t in texts)
    rects = [(owner[id(t)], _text_rect(t, fonts)) for t in texts]
    for (name_a, a), (name_b, b) in itertools.combinations(rects, 2):
        if name_a != name_b:
            assert not _overlap(a, b), (name_a, name_b)
    for qr in (i for i in layout.items if isinstance(i, QR)):
        for name, r in rects:
            assert not _overlap(r, (qr.x, qr.y, qr.x + qr.size, qr.y + qr.size)), name


def _longest_content_title() -> tuple[str, str]:
    result = load_project(REPO)
    assert result.project is not None
    project = result.project
    titles = [(text.values[lang], lang) for item in [*project.lessons.values(), *project.events.values()]
              for text in [item.title] for lang in text.values if lang in project.config.languages]
    return max(titles, key=lambda x: len(x[0]))


@pytest.mark.parametrize("case", ["sixty", "content", "content-en-style", "short", "village", "no-qr", "crowded"])
def test_poster_and_share_text_stays_in_its_boxes(case: str, fonts: kit_fonts.KitFonts) -> None:
    if case == "sixty":
        spec = _spec(LONG_TITLE)
    elif case == "content":
        title, lang = _longest_content_title()
        spec = _spec(title, lang)
    elif case == "content-en-style":
        spec = _spec("International Day against Drug Abuse and Illicit Trafficking: a talk at a Haikou school", "en")
    elif case == "short":
        spec = _spec("禁毒")
    elif case == "village":
        spec = _spec("“三月三”黎村苗寨禁毒宣讲", village=True)
    elif case == "no-qr":
        spec = _spec(LONG_TITLE, qr=False)
    else:
        spec = _spec(LONG_TITLE, long_rest=True, village=True)
    poster = layout_poster(spec, fonts)
    assert (poster.width, poster.height) == A3
    _check_layout(poster, fonts, safe=12.0)
    assert sum(isinstance(i, QR) for i in poster.items) == (1 if spec.qr_url else 0)
    share = layout_share(spec, fonts)
    assert share.width == share.height == SHARE_PX
    _check_layout(share, fonts, safe=40.0)


def test_sixty_character_title_stays_large(fonts: kit_fonts.KitFonts) -> None:
    layout = layout_poster(_spec(LONG_TITLE), fonts)
    title = next(b for b in layout.boxes if b.name == "title")
    assert "".join(t.text for t in title.lines) == LONG_TITLE  # wrapped, never cut
    assert title.lines[0].size >= 14.0  # mm: readable across a hall
    info = [b for b in layout.boxes if b.name.startswith("value-")]
    assert min(t.size for b in info for t in b.lines) >= 8.0


def test_village_poster_has_pinyin_over_the_slogan(fonts: kit_fonts.KitFonts) -> None:
    layout = layout_poster(_spec("禁毒宣讲", village=True), fonts)
    slogan = next(b for b in layout.boxes if b.name == "slogan")
    syllables = [t for t in slogan.lines if t.text.isascii() or any(c in t.text for c in "āáǎàēéěèīíǐìōóǒòūúǔù")]
    chars = [t for t in slogan.lines if t not in syllables]
    assert "".join(t.text for t in chars) == "珍爱生命，远离毒品"
    assert [t.text for t in syllables] == ["zhēn", "ài", "shēng", "mìng", "yuǎn", "lí", "dú", "pǐn"]
    for s in syllables:  # each syllable above a character, centred on it
        below = min(chars, key=lambda c: abs((c.x + c.width / 2) - (s.x + s.width / 2)))
        assert s.baseline < below.baseline
        assert abs((below.x + below.width / 2) - (s.x + s.width / 2)) < 0.5


# -- fonts --------------------------------------------------------------------------------------------------

def _config(**fonts: str) -> model.SiteConfig:
    return model.SiteConfig.model_validate({"site_name": "x", "organisation": "y", "audiences": {"a": "b"},
                                        "settings": {"a": "b"}, "regions": {"a": "b"}, "fonts": fonts or None})


def test_fonts_found_by_fontconfig(fonts: kit_fonts.KitFonts) -> None:
    assert fonts.regular.file.is_file() and fonts.bold.file.is_file()
    assert fonts.regular.family == "Noto Sans CJK SC"  # the first preferred family, installed by .ci/setup


def test_no_chinese_font_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    kit_fonts._list.cache_clear()
    monkeypatch.setattr(kit_fonts, "_list", lambda pattern: ())
    with pytest.raises(FontError, match="fonts-noto-cjk"):
        find_fonts(_config(), REPO)


def test_configured_font_must_exist() -> None:
    with pytest.raises(FontError, match="not installed"):
        find_fonts(_config(cjk="No Such Font SC"), REPO)
    with pytest.raises(FontError, match="does not exist"):
        find_fonts(_config(cjk="fonts/missing.otf"), REPO)
    with pytest.raises(FontError, match="no Chinese"):
        find_fonts(_config(cjk="DejaVu Sans"), REPO)


def test_configured_font_file_is_used() -> None:
    found = find_fonts(_config(cjk="/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"), REPO)
    assert found.regular.family == "Noto Serif CJK SC"
    assert found.regular.file.name == "NotoSerifCJK-Regular.ttc"


def test_harfbuzz_subset_detection(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes.util

    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert kit_fonts.harfbuzz_subset_missing()
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so.0")
    assert not kit_fonts.harfbuzz_subset_missing()


# -- no external request -----------------------------------------------------------------------------------

def test_fetcher_reads_only_local_content(tmp_path: Path) -> None:
    from generator.kits.pdf import LocalFetcher

    inside = tmp_path / "content"
    inside.mkdir()
    (inside / "a.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "secret.txt").write_text("x")
    fetcher = LocalFetcher([inside])
    assert fetcher.fetch((inside / "a.svg").as_uri()) is not None
    for url in ("https://example.org/x.png", "http://example.org/", (tmp_path / "secret.txt").as_uri(), "ftp://x/y"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


# -- document pieces ---------------------------------------------------------------------------------------

def test_outline_shares_the_remaining_time() -> None:
    lesson = model.Lesson.model_validate({
        "id": "x", "title": "t", "audiences": ["a"], "settings": ["s"], "duration_minutes": 40,
        "sections": [{"title": "a", "minutes": 10, "body": "b"}, {"title": "b", "body": "b"}, {"title": "c", "body": "b"}],
    }, context={"default_lang": "zh"})
    rows = outline(lesson, "zh").rows
    assert [(r.start, r.minutes, r.estimated) for r in rows] == [(0, 10, False), (10, 15, True), (25, 15, True)]
    assert rows[-1].clock == "第25–40分钟"


def test_short_lines_for_village_handouts() -> None:
    assert short_lines("吸毒违法；卖毒品、让人在家吸毒是犯罪。", "zh") == ["吸毒违法；", "卖毒品、让人在家吸毒是犯罪。"]
    lines = short_lines("新毒品像糖果、奶茶粉、电子烟，看样子认不出来，陌生人给的东西不要吃。", "zh")
    assert len(lines) == 3 and all(len(x) <= 16 for x in lines)
    assert short_lines("Don't try it. Tell an adult.", "en") == ["Don't try it.", "Tell an adult."]


def _font_sizes(html: str, base_url: str) -> list[tuple[float, str, str]]:
    """(size in pt, text, classes of the ancestors) of every piece of text laid out in the page bodies."""
    from weasyprint import HTML

    doc = HTML(string=html, base_url=base_url).render()
    out = []

    def walk(box, classes: str) -> None:
        element = getattr(box, "element", None)
        cls = classes
        if element is not None and element.get("class"):
            cls = classes + " " + element.get("class")
        if type(box).__name__ == "TextBox" and box.text.strip():
            out.append((box.style["font_size"] * 0.75, box.text, cls))
        for child in getattr(box, "children", []):
            walk(child, cls)

    for page in doc.pages:
        for child in page._page_box.children:
            if type(child).__name__ != "MarginBox":
                walk(child, "")
    return out


def test_village_body_text_is_at_least_16pt(tmp_path: Path) -> None:
    from kitutil import make_project

    root = make_project(tmp_path / "p")
    project = load(root)
    docs = Documents(project, find_fonts(project.config, root), Pinyin())
    lesson = project.lessons["village-lesson"]
    base = project.content_dir.as_uri() + "/"
    htmls = {
        "handout": docs.handout(lesson, "village", "zh"),
        "worksheet": docs.worksheet(lesson, project.quizzes["village-quiz"], "village", "zh", answers=False),
        "sign-in": docs.sign_in("zh", "village", lesson=lesson),
        "feedback": docs.feedback("zh", "village", lesson=lesson),
    }
    for name, html in htmls.items():
        sizes = _font_sizes(html, base)
        body = [(size, text) for size, text, cls in sizes if "py-t" not in cls]  # pinyin sits above, smaller
        assert body, name
        small = [(size, text) for size, text in body if size < 16 - 0.01]
        assert not small, (name, small[:5])
    # the campus handout uses normal type
    campus = _font_sizes(docs.handout(project.lessons["first-lesson"], "campus", "zh"), base)
    assert min(size for size, _t, _c in campus) < 12


# -- cache -------------------------------------------------------------------------------------------------

def test_cache_round_trip_damage_and_prune(tmp_path: Path) -> None:
    cache = KitCache(tmp_path / "c")
    assert cache.get("ab" * 32) is None
    cache.put("ab" * 32, b"pdf bytes", {"pages": 2})
    assert cache.get("ab" * 32) == (b"pdf bytes", {"pages": 2})
    data = tmp_path / "c" / "ab" / f"{'ab' * 32}.bin"
    data.write_bytes(b"damaged")
    assert cache.get("ab" * 32) is None  # checksum mismatch: rendered again
    cache.put("cd" * 32, b"x", {})
    old = time.time() - 90 * 86400
    meta = tmp_path / "c" / "cd" / f"{'cd' * 32}.json"
    os.utime(meta, (old, old))
    assert cache.prune() == 1
    assert not meta.exists()


def test_labels_agree_with_the_count() -> None:
    from generator.i18n import catalogue

    english, chinese = catalogue("en"), catalogue("zh")
    assert english.ngettext("kit.lessons", 1) == "Talk" and english.ngettext("kit.lessons", 2) == "Talks"
    assert english.ngettext("kit.lecturers", 2) == "Speakers" and chinese.ngettext("kit.lecturers", 1) == "主讲"
    assert english.ngettext("kit.pages", 1) == "1 page" and chinese.ngettext("kit.pages", 3) == "3页"


def test_handout_for_children_leaves_out_adult_parts(tmp_path: Path) -> None:
    from kitutil import make_project

    root = make_project(tmp_path / "p")
    (root / "content" / "help_centres.yml").write_text(
        "- id: haikou-example\n  name: 海口市指导中心（示例）\n  region: haikou\n  example: true\n", encoding="utf-8")
    project = load(root)
    docs = Documents(project, find_fonts(project.config, root), Pinyin())
    lesson = project.lessons["first-lesson"]
    adult = docs.handout(lesson, "campus", "zh")
    child = docs.handout(lesson.model_copy(update={"audiences": ["primary"]}), "campus", "zh")
    centre = next(iter(project.help_centres.values()))
    term = project.glossary[lesson.glossary[0]]
    assert "哪里可以求助" in adult and centre.name.values["zh"] in adult and term.term.values["zh"] in adult
    # a pupil takes the handout home: trusted adults and 110, the lesson link for parents;
    # no glossary definitions written for adults, no list of rehabilitation centres
    assert "有事找谁" in child and "信任的大人" in child and "110" in child and "家长扫码" in child
    assert "哪里可以求助" not in child and centre.name.values["zh"] not in child
    assert term.definition.values["zh"][:10] not in child
    # what the pupils must remember is all still there
    for point in lesson.key_points:
        assert point.values["zh"][:6] in child


def test_internal_links_on_paper(tmp_path: Path) -> None:
    from kitutil import SITE_URL, make_project

    root = make_project(tmp_path / "p")
    project = load(root)
    text = model.Text({"zh": "复习[开场](lesson:first-lesson#intro)，或看[求助指南](page:help)。"})
    doc = Documents(project, find_fonts(project.config, root), Pinyin()).language("zh", False)
    assert doc.text(text) == f"复习[开场]({SITE_URL}zh/lessons/first-lesson.html#intro)，或看[求助指南]({SITE_URL}zh/help.html)。"
    assert f'href="{SITE_URL}zh/help.html"' in doc.md(text)
    # without a site address a printed link is just its words
    project.config = project.config.model_copy(update={"site_url": None})
    doc = Documents(project, find_fonts(project.config, root), Pinyin()).language("zh", False)
    assert doc.text(text) == "复习开场，或看求助指南。"


def test_kit_workers_die_with_a_killed_build(tmp_path) -> None:
    """kill -9 of a build must not leave its rendering workers (≈300 MB each) running."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    script = (
        "import concurrent.futures as cf, multiprocessing, os, time\n"
        "from generator.kits.tasks import die_with_parent\n"
        "ctx = multiprocessing.get_context('fork')\n"
        "pool = cf.ProcessPoolExecutor(2, mp_context=ctx, initializer=die_with_parent, initargs=(os.getpid(),))\n"
        "futures = [pool.submit(time.sleep, 120) for _ in range(2)]\n"
        "time.sleep(1)\n"
        "print(' '.join(str(p) for p in pool._processes), flush=True)\n"
        "time.sleep(120)\n"
    )
    build = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert build.stdout is not None
    workers = [int(p) for p in build.stdout.readline().split()]
    assert len(workers) == 2
    build.send_signal(signal.SIGKILL)
    build.wait()

    def alive(pid: int) -> bool:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                return stat.read().split(") ", 1)[1][0] != "Z"  # a zombie is dead, waiting for its reaper
        except FileNotFoundError:
            return False

    for _ in range(100):  # the kernel signals them at once; allow a slow machine up to 10 s
        if not any(alive(pid) for pid in workers):
            break
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)


def test_hostile_texts_run_no_script_in_kit_documents(tmp_path: Path) -> None:
    """Every text of the kit-test project hostile: the plan, handouts and worksheets (campus and
    village, both languages, with answers) carry no event handler, javascript: URL or script."""
    from hostile import page_script_findings, poison
    from kitutil import make_project

    root = make_project(tmp_path / "p")
    project = poison(load(root))
    docs = Documents(project, find_fonts(project.config, root), Pinyin())
    found = {}
    for lesson_id, quiz_id, setting in (("first-lesson", "first-quiz", "campus"), ("village-lesson", "village-quiz", "village")):
        lesson, quiz = project.lessons[lesson_id], project.quizzes[quiz_id]
        for lang in ("zh", "en"):
            htmls = {"plan": docs.plan(lesson, setting, lang), "handout": docs.handout(lesson, setting, lang),
                     "answers": docs.worksheet(lesson, quiz, setting, lang, answers=True)}
            for name, html in htmls.items():
                assert "alert(1)" in html  # the hostile texts are there, as text
                if page_script_findings(html):
                    found[f"{lesson_id} {lang} {name}"] = page_script_findings(html)
    assert found == {}
