"""Slide decks in a real browser, from file://: every slide of every example deck walked with the keyboard
(nothing overflows at 1280×720 or 1920×1080, body text at least 28 px, no request leaves the machine), the
presenter view (notes, countdown, driving the deck), pinyin, blank screen, swipes, print, and axe.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

#: The visible slide: its position, whether its content overflows, and the smallest text on it.
STATE = """() => {
  const slide = document.querySelector('.dl-slide:not([hidden])');
  const over = [slide.querySelector('.dl-slide__inner'), slide.querySelector('.dl-slide__body')]
    .filter(el => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1).map(el => el.className);
  const sizes = [...slide.querySelectorAll('.dl-slide__body p, .dl-slide__body li, .dl-slide__body dd, .dl-slide__body td')]
    .filter(el => el.offsetParent !== null).map(el => parseFloat(getComputedStyle(el).fontSize));
  return {index: Number(document.body.dataset.index), step: Number(document.body.dataset.step), over,
          smallest: sizes.length ? Math.min(...sizes) : null, count: document.querySelectorAll('.dl-slide').length};
}"""


@pytest.fixture(scope="session")
def lecturer_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.build import build

    out = tmp_path_factory.mktemp("slides") / "site-lecturer"
    build(ROOT, out=out, edition="lecturer", with_kits=False, today=dt.date(2026, 11, 28))
    return out


def decks(site: Path) -> list[Path]:
    return sorted(p for p in site.glob("*/slides/*.html") if not p.name.endswith("-presenter.html"))


def walk(page: Any, deck: Path) -> list[dict[str, Any]]:
    """Every position of a deck, reached with the → key from the first slide."""
    page.goto(deck.as_uri())
    seen: list[dict[str, Any]] = []
    while True:
        state = page.evaluate(STATE)
        if seen and (state["index"], state["step"]) == (seen[-1]["index"], seen[-1]["step"]):
            return seen
        seen.append(state)
        page.keyboard.press("ArrowRight")


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_slide_of_every_deck_fits_and_is_readable(lecturer_site: Path, make_page: Any, size: tuple[int, int]) -> None:
    page = make_page(width=size[0], height=size[1])
    problems = []
    every = decks(lecturer_site)
    assert len(every) == 2 * len(list((ROOT / "content" / "lessons").glob("*.yml")))
    for deck in every:
        states = walk(page, deck)
        assert [s["index"] for s in states if s["step"] == 0] == list(range(states[0]["count"])), deck  # every slide
        for state in states:
            if state["over"]:
                problems.append(f"{deck.relative_to(lecturer_site)} slide {state['index'] + 1}.{state['step']}: overflows")
            if size == (1280, 720) and state["smallest"] is not None and state["smallest"] < 28:
                problems.append(f"{deck.relative_to(lecturer_site)} slide {state['index'] + 1}: text {state['smallest']} px")
    assert not problems, "\n".join(problems)
    assert all(r.startswith("file:") for r in page.guard.requests)  # nothing but the deck's own files


def test_keys_go_back_and_forth_and_reveal_quiz_answers(lecturer_site: Path, make_page: Any) -> None:
    page = make_page(width=1280, height=720)
    page.goto((lecturer_site / "zh" / "slides" / "new-drugs-disguises.html").as_uri())
    for key in ("PageDown", " ", "ArrowRight"):
        page.keyboard.press(key)
    assert page.evaluate(STATE)["index"] == 3 and page.url.endswith("#4")
    page.keyboard.press("PageUp")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(STATE)["index"] == 1
    page.keyboard.press("End")
    last = page.evaluate(STATE)
    assert last["index"] == last["count"] - 1
    question = page.locator(".dl-slide--question").first
    index = int(question.get_attribute("data-index"))
    page.goto((lecturer_site / "zh" / "slides" / "new-drugs-disguises.html").as_uri() + f"#{index + 1}")
    page.reload()
    reveal = page.locator(f'.dl-slide[data-index="{index}"] .dl-q__reveal')
    assert reveal.is_hidden()
    page.keyboard.press("ArrowRight")
    assert reveal.is_visible() and page.evaluate(STATE)["index"] == index  # same slide, answer shown
    assert "答案" in reveal.inner_text()
    page.keyboard.press("ArrowRight")
    assert page.evaluate(STATE)["index"] == index + 1


def test_blank_screen_and_swipes(lecturer_site: Path, make_page: Any) -> None:
    page = make_page(width=1280, height=720, has_touch=True)
    page.goto((lecturer_site / "en" / "slides" / "village-drug-harms.html").as_uri())
    blank = page.locator(".dl-blank")
    page.keyboard.press("b")
    assert blank.is_visible()
    page.keyboard.press("B")
    assert blank.is_hidden()
    swipe = """dx => { const t = (x) => new Touch({identifier: 1, target: document.body, clientX: x, clientY: 300});
      document.dispatchEvent(new TouchEvent('touchstart', {touches: [t(700)], changedTouches: [t(700)]}));
      document.dispatchEvent(new TouchEvent('touchend', {touches: [], changedTouches: [t(700 + dx)]})); }"""
    page.evaluate(swipe, -200)
    page.evaluate(swipe, -200)
    assert page.evaluate(STATE)["index"] == 2
    page.evaluate(swipe, 200)
    assert page.evaluate(STATE)["index"] == 1
    page.evaluate(swipe, 20)
    assert page.evaluate(STATE)["index"] == 1


def test_village_deck_has_pinyin_that_can_be_switched_off_and_stays_off(lecturer_site: Path, make_page: Any) -> None:
    page = make_page(width=1280, height=720)
    deck = (lecturer_site / "zh" / "slides" / "village-drug-harms.html").as_uri()
    page.goto(deck)
    pinyin = page.locator(".dl-slide:not([hidden]) .dl-slide__title rt").first
    assert pinyin.is_visible()
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('.dl-slide')).fontSize)") >= 40  # larger type
    page.keyboard.press("y")
    assert pinyin.is_hidden()
    page.goto((lecturer_site / "zh" / "slides" / "primary-saying-no.html").as_uri())
    assert page.locator(".dl-slide:not([hidden]) .dl-slide__title rt").first.is_hidden()  # remembered (core.js storage)
    page.keyboard.press("y")
    page.goto(deck)
    assert page.locator(".dl-slide:not([hidden]) .dl-slide__title rt").first.is_visible()


def test_presenter_view_shows_notes_and_counts_down(lecturer_site: Path, make_page: Any) -> None:
    page = make_page(width=1400, height=900)
    page.goto((lecturer_site / "zh" / "slides" / "village-drug-harms-presenter.html").as_uri())
    notes = page.locator(".dl-notes:not([hidden])")
    assert notes.count() == 1 and "三月三是黎族苗族的传统节日" in notes.inner_text()
    assert page.locator('[data-frame="current"] .dl-slide--title').count() == 1
    assert page.locator('[data-frame="next"] .dl-slide').count() == 1
    # the previews are readable: dark text on the slide's white, not the frame's colours
    assert page.evaluate("getComputedStyle(document.querySelector('[data-frame=\"current\"] .dl-slide__brand')).color") \
        == "rgb(61, 61, 61)"
    section, total = page.locator(".dl-timer__section"), page.locator(".dl-timer__total")
    assert section.inner_text() in ("07:00", "06:59")  # the first part's 7 minutes
    assert page.locator(".dl-timer__duration").inner_text() == "30:00"
    page.wait_for_timeout(2300)
    assert section.inner_text() in ("06:58", "06:57") and total.inner_text() in ("00:02", "00:03")
    page.keyboard.press("End")
    assert "讲师提示" in page.locator("#dl-notes").inner_text()
    assert "讲师版" in page.locator(".dl-presenter__head").inner_text()


def test_s_opens_the_presenter_view_which_drives_the_deck(lecturer_site: Path, make_page: Any) -> None:
    page = make_page(width=1280, height=720)
    page.goto((lecturer_site / "en" / "slides" / "new-drugs-disguises.html").as_uri())
    page.keyboard.press("ArrowRight")
    with page.context.expect_page() as opened:
        page.keyboard.press("s")
    presenter = opened.value
    presenter.wait_for_load_state()
    assert presenter.url.endswith("new-drugs-disguises-presenter.html#2")
    presenter.wait_for_function("document.body.dataset.index === '1'")
    presenter.keyboard.press("ArrowRight")
    presenter.keyboard.press("ArrowRight")
    page.wait_for_function("document.body.dataset.index === '3'")
    page.keyboard.press("ArrowLeft")  # the deck's own keys move the presenter view too
    presenter.wait_for_function("document.body.dataset.index === '2'")
    presenter.keyboard.press("b")
    page.wait_for_function("!document.querySelector('.dl-blank').hidden")


def test_public_deck_has_no_presenter_view(tmp_path: Path, make_page: Any) -> None:
    from generator.build import build

    out = tmp_path / "site"
    build(ROOT / "tests" / "fixtures" / "mini", out=out, with_kits=False, today=dt.date(2026, 6, 1))
    assert not list(out.glob("*/slides/*-presenter.html"))
    page = make_page(width=1280, height=720)
    page.goto((out / "zh" / "slides" / "new-drugs.html").as_uri())
    page.keyboard.press("s")
    assert len(page.context.pages) == 1
    assert "讲师版" not in page.content()
    lesson = out / "zh" / "lessons" / "new-drugs.html"
    page.goto(lesson.as_uri())
    page.get_by_role("link", name="放映").click()
    assert page.url.endswith("zh/slides/new-drugs.html") or "#1" in page.url


def test_deck_prints_one_16_by_9_slide_per_page(lecturer_site: Path, make_page: Any, tmp_path: Path) -> None:
    page = make_page(width=1280, height=720)
    page.goto((lecturer_site / "en" / "slides" / "village-drug-harms.html").as_uri())
    count = page.evaluate(STATE)["count"]
    pdf = tmp_path / "deck.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == count
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert width / height == pytest.approx(16 / 9, rel=0.01)


def test_decks_and_presenter_views_pass_axe(lecturer_site: Path, make_page: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = make_page(width=1280, height=720)
    failures = []
    targets = decks(lecturer_site) + sorted(lecturer_site.glob("*/slides/village-*-presenter.html"))
    for path in targets:
        page.goto(path.as_uri())
        page.emulate_media(media="print")  # every slide shown at once, so axe checks them all
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        page.emulate_media(media="screen")
        for violation in result.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                nodes = [node["target"] for node in violation["nodes"][:3]]
                failures.append(f"{path.relative_to(lecturer_site)}: {violation['id']} ({violation['impact']}) {nodes}")
    assert not failures, "\n".join(failures)
