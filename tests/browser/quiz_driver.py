"""Drive a rendered quiz the way a learner would (shared by the quiz and training tests)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dl_pages import quiz_data, quiz_html, training_data, training_html, unit_read_html, write_page


def flat_questions(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for q in data["questions"]:
        if q["type"] == "scenario":
            for sub in q["questions"]:
                out[sub["id"]] = sub
        else:
            out[q["id"]] = q
    return out


def strip_tags(html_text: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", html_text).strip()


def open_quiz(page: Any, root: Path, data: dict[str, Any], *, base_url: str | None = None, name: str | None = None,
              material: bool = False, scheme: str = "default") -> None:
    rel = f"quizzes/{name or data['id']}.html"
    write_page(root, rel, quiz_html(data), lang=data["lang"], title=data["title"], material=material,
               scheme=scheme)
    page.goto(base_url + rel if base_url else (root / rel).as_uri())
    page.wait_for_selector(".dl-quiz__question")


def current_id(page: Any) -> str:
    return page.locator(".dl-quiz__question").get_attribute("data-question-id")


def order_texts(page: Any) -> list[str]:
    return [t.strip() for t in page.locator(".dl-quiz__order-text").all_inner_texts()]


def set_order_by_buttons(page: Any, wanted: list[str]) -> None:
    """Selection sort with the Move up buttons (mouse clicks)."""
    for i, text in enumerate(wanted):
        j = order_texts(page).index(text)
        for _ in range(j - i):
            item = page.locator(".dl-quiz__order-item", has_text=text)
            item.locator("button").first.click()
    assert order_texts(page) == wanted


def choose(page: Any, text: str) -> None:
    page.locator(".dl-quiz__option", has=page.locator(".dl-quiz__option-text", has_text=text)).first.click()


def answer(page: Any, q: dict[str, Any], right: bool, strings: dict[str, str]) -> None:
    """Answer the question on screen correctly or wrongly (wrong always scores 0)."""
    t = q["type"]
    if t in ("single", "multiple"):
        correct = [strip_tags(o["html"]) for o in q["options"] if o["correct"]]
        wrong = [strip_tags(o["html"]) for o in q["options"] if not o["correct"]]
        picks = (correct if t == "multiple" else correct[:1]) if right else wrong[:1]
        for text in picks:
            choose(page, text)
    elif t == "true_false":
        value = q["answer"] if right else not q["answer"]
        page.locator(".dl-quiz__option").nth(0 if value else 1).click()
    elif t == "fill_blank":
        page.fill(".dl-quiz__text", q["answers"][0] if right else "完全不对 wrong")
    elif t == "ordering":
        if right:
            set_order_by_buttons(page, [strip_tags(h) for h in q["items_html"]])
    else:  # pragma: no cover - fixture error
        raise AssertionError(t)
    page.locator(".dl-quiz__question button[type=submit]").click()


def run_quiz(page: Any, data: dict[str, Any], plan: dict[str, bool] | bool, *, check_feedback: bool = True) -> list[str]:
    """Answer every question (``plan`` maps question id → right?) and return the ids asked."""
    questions = flat_questions(data)
    s = data["strings"]
    asked: list[str] = []
    while page.locator(".dl-quiz__question").count():
        qid = current_id(page)
        asked.append(qid)
        right = plan if isinstance(plan, bool) else plan[qid]
        answer(page, questions[qid], right, s)
        if data["feedback"] == "immediate":
            verdict = page.locator(".dl-quiz__verdict")
            if check_feedback:
                verdict.wait_for()
                assert verdict.inner_text().strip() == (s["correct"] if right else s["incorrect"]), qid
            page.locator(".dl-quiz__question button[type=submit]").click()
    page.wait_for_selector(".dl-quiz__results")
    return asked


# ---------------------------------------------------------------- training pages


def module_quiz(lang: str = "zh") -> dict[str, Any]:
    tfs = [{"id": f"t{i}", "type": "true_false", "prompt_html": f"<p>陈述 {i}</p>", "answer": True,
            "explanation_html": "", "review": None} for i in range(5)]
    return quiz_data("module-quiz", lang=lang, questions=tfs, pass_mark=60,
                     training={"id": "community-rehab-basics", "pass_mark": 80})


def build_site(root: Path, lang: str = "zh", *, material: bool = True, scheme: str = "default") -> dict[str, Any]:
    """Module page, certificate page, quiz page and two lesson pages, linked as the renderer links them."""
    data = training_data(lang=lang)
    tid = data["id"]
    write_page(root, f"training/{tid}.html", training_html(data), lang=lang, title=data["title"], material=material,
               scheme=scheme)
    write_page(root, f"training/{tid}-certificate.html", training_html(data, certificate=True), lang=lang,
               title=data["title"], material=material, scheme=scheme)
    write_page(root, "quizzes/module-quiz.html", quiz_html(module_quiz(lang)), lang=lang, material=material)
    for unit in data["units"]:
        write_page(root, f"lessons/{unit['id']}.html", f"<p>{unit['title']}</p>" + unit_read_html(unit["id"], [tid, "other-module"], lang),
                   lang=lang, title=unit["title"], material=material)
    return data


def module_url(root: Path, data: dict[str, Any], base: str | None = None, certificate: bool = False) -> str:
    rel = f"training/{data['id']}{'-certificate' if certificate else ''}.html"
    return base + rel if base else (root / rel).as_uri()


def storage(page: Any, key: str) -> Any:
    raw = page.evaluate("k => localStorage.getItem(k)", key)
    return json.loads(raw) if raw else None


def seed(page: Any, *, read: list[str], best: int | None, passed_at: str | None, name: str = "") -> None:
    """Progress as the pages store it; ``name`` is typed in the box and recorded with the quiz attempt."""
    page.evaluate(
        """([read, best, passedAt, name]) => {
            localStorage.setItem('dandelion:v1:training:community-rehab-basics', JSON.stringify({read, name}));
            if (best !== null) localStorage.setItem('dandelion:v1:quiz:module-quiz',
                JSON.stringify({attempts: 1, best, last: best, passed_at: passedAt, name}));
        }""",
        [read, best, passed_at, name],
    )
    page.reload()
