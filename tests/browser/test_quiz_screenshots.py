"""Screenshots of the quiz and training pages (written to /tmp for a person to look at).

Each test also checks what a screenshot would show wrong on a phone: nothing wider than the
screen.
"""

from __future__ import annotations

from typing import Any

import pytest
from dl_pages import quiz_data
from quiz_driver import answer, build_site, current_id, flat_questions, module_url, open_quiz, run_quiz, seed

OUT = "/tmp/dl-quiz"


def no_horizontal_scroll(page: Any) -> None:
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"page is {width}px wide"


@pytest.mark.parametrize(("label", "width", "height"), [("phone", 360, 740), ("desktop", 1280, 900)])
def test_quiz_screens(make_page, site_root, label, width, height):
    page = make_page(width, height)
    data = quiz_data("shots")
    open_quiz(page, site_root, data, material=True)
    qs = flat_questions(data)
    while current_id(page) != "q-multiple":
        answer(page, qs[current_id(page)], True, data["strings"])
        page.locator(".dl-quiz__question button[type=submit]").click()
    answer(page, qs["q-multiple"], False, data["strings"])
    no_horizontal_scroll(page)
    page.screenshot(path=f"{OUT}-midway-{label}.png", full_page=True)
    page.locator(".dl-quiz__question button[type=submit]").click()
    while current_id(page) != "q-order":
        answer(page, qs[current_id(page)], True, data["strings"])
        page.locator(".dl-quiz__question button[type=submit]").click()
    page.keyboard.press("Tab")  # from the question heading to the first move button: a visible focus ring
    assert page.evaluate("document.activeElement.matches('.dl-quiz__icon-btn:focus-visible')")
    no_horizontal_scroll(page)
    page.screenshot(path=f"{OUT}-ordering-{label}.png", full_page=True)
    page.reload()
    page.wait_for_selector(".dl-quiz__question")
    run_quiz(page, data, {q: q not in ("q-multiple", "q-order") for q in qs})
    no_horizontal_scroll(page)
    page.screenshot(path=f"{OUT}-end-{label}.png", full_page=True)


@pytest.mark.parametrize(("label", "width", "height"), [("phone", 360, 740), ("desktop", 1280, 900)])
def test_training_screens(make_page, site_root, label, width, height):
    page = make_page(width, height)
    data = build_site(site_root)
    page.goto(module_url(site_root, data))
    seed(page, read=["lesson-a"], best=70, passed_at=None, name="王小明")
    no_horizontal_scroll(page)
    page.screenshot(path=f"{OUT}-module-incomplete-{label}.png", full_page=True)
    seed(page, read=["lesson-a", "lesson-b"], best=92, passed_at="2026-06-26", name="王小明")
    page.screenshot(path=f"{OUT}-module-complete-{label}.png", full_page=True)
    page.goto(module_url(site_root, data, certificate=True))
    no_horizontal_scroll(page)
    page.screenshot(path=f"{OUT}-certificate-{label}.png", full_page=True)
    page.goto((site_root / "lessons/lesson-a.html").as_uri())
    page.screenshot(path=f"{OUT}-lesson-{label}.png")
