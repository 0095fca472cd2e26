"""Training modules in the browser (theme/assets/javascripts/training.js): progress, certificate, export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess

import pytest
from dl_pages import training_data, training_html, write_page
from quiz_driver import build_site, module_quiz, module_url, run_quiz, seed, storage

from generator.results import FIELDS, merge_results

TODAY = dt.date.today().isoformat()


@pytest.mark.parametrize("via", ["file", "http"])
def test_module_progress_through_to_certificate(make_page, site_root, http_serve, via):
    page = make_page()
    data = build_site(site_root)
    base = http_serve(site_root) if via == "http" else None
    page.goto(module_url(site_root, data, base))
    widget = page.locator(".dl-training")
    assert widget.locator(".dl-training__status").inner_text().strip().endswith("尚未完成本模块")
    assert "已读0/2个单元" in widget.locator(".dl-training__facts").inner_text()
    assert "还没有参加结业测验" in widget.locator(".dl-training__facts").inner_text()
    missing = widget.locator(".dl-training__missing").inner_text()
    assert "社区戒毒的法律依据" in missing and "动机访谈入门" in missing and "结业测验成绩尚未达到80%" in missing
    assert page.locator(".dl-training__cert-link").is_hidden()

    # mark the first unit read; it survives a reload
    page.get_by_label("已读：社区戒毒的法律依据").check()
    assert "已读1/2个单元" in widget.locator(".dl-training__facts").inner_text()
    page.reload()
    assert page.get_by_label("已读：社区戒毒的法律依据").is_checked()
    assert not page.get_by_label("已读：动机访谈入门").is_checked()
    assert storage(page, "dandelion:v1:training:community-rehab-basics") == {"read": ["lesson-a"], "name": ""}

    # take the quiz from the module page: 60% fails the module's 80% pass mark
    page.get_by_role("link", name="参加结业测验：结业测验").click()
    page.wait_for_selector(".dl-quiz__question")
    quiz = module_quiz()
    run_quiz(page, quiz, {"t0": True, "t1": True, "t2": True, "t3": False, "t4": False})
    page.go_back()
    page.wait_for_selector(".dl-training__facts")
    facts = widget.locator(".dl-training__facts").inner_text()
    assert "最高分60%" in facts and "尚未通过" in facts
    page.go_forward()
    page.wait_for_selector(".dl-quiz__question, .dl-quiz__results")
    page.reload()
    run_quiz(page, quiz, True)
    page.go_back()
    page.wait_for_function("document.querySelector('.dl-training__facts').textContent.includes('最高分100%')")
    today = dt.date.today()
    assert f"通过日期：{today.year}年{today.month}月{today.day}日" in widget.locator(".dl-training__facts").inner_text()
    assert page.locator(".dl-training__cert-link").is_hidden()  # one unit still unread

    # the second unit is ticked on its lesson page
    page.get_by_role("link", name="动机访谈入门").first.click()
    box = page.get_by_label("我已读完本课（计入培训进度）")
    assert not box.is_checked()
    box.check()
    # the lesson belongs to two modules: both records get it
    assert storage(page, "dandelion:v1:training:other-module") == {"read": ["lesson-b"], "name": ""}
    page.go_back()
    page.wait_for_function("document.querySelector('.dl-training__status--complete') !== null")
    assert "已读2/2个单元" in widget.locator(".dl-training__facts").inner_text()
    assert page.locator(".dl-training__missing").count() == 0
    page.get_by_role("link", name="查看并打印结业记录").click()
    page.wait_for_selector(".dl-certificate__sheet")
    assert page.locator(".dl-certificate__sheet").is_visible()


def test_unticking_a_unit_makes_the_module_incomplete_again(guarded_page, site_root):
    page = guarded_page
    data = build_site(site_root)
    page.goto(module_url(site_root, data))
    seed(page, read=["lesson-a", "lesson-b"], best=90, passed_at="2026-06-26")
    assert page.locator(".dl-training__status--complete").is_visible()
    page.get_by_label("已读：动机访谈入门").uncheck()
    assert page.locator(".dl-training__status--incomplete").is_visible()
    assert page.locator(".dl-training__cert-link").is_hidden()
    assert storage(page, "dandelion:v1:training:community-rehab-basics")["read"] == ["lesson-a"]


def test_certificate_says_what_is_missing(guarded_page, site_root):
    page = guarded_page
    data = build_site(site_root)
    page.goto(module_url(site_root, data, certificate=True))
    seed(page, read=["lesson-a"], best=70, passed_at=None)
    assert page.locator(".dl-certificate__sheet").is_hidden()
    assert page.get_by_role("button", name="打印结业记录").is_hidden()
    missing = page.locator(".dl-certificate__missing")
    assert "暂时还不能打印结业记录" in missing.inner_text()
    assert "动机访谈入门" in missing.inner_text() and "社区戒毒的法律依据" not in missing.inner_text()
    assert "结业测验成绩尚未达到80%" in missing.inner_text()
    assert missing.get_by_role("link", name="参加结业测验").get_attribute("href") == "../quizzes/module-quiz.html"


def test_certificate_content_and_print_layout(guarded_page, site_root, tmp_path):
    page = guarded_page
    data = build_site(site_root)
    page.goto(module_url(site_root, data, certificate=True))
    seed(page, read=["lesson-a", "lesson-b"], best=92, passed_at="2026-06-26")
    sheet = page.locator(".dl-certificate__sheet")
    assert "（请在上方填写姓名后重新参加结业测验）" in sheet.inner_text()
    # a name typed after the final attempt does not go on the printout: it is recorded with the next attempt
    page.get_by_label("你的姓名").fill("王小明")
    assert "王小明" not in sheet.inner_text()
    assert storage(page, "dandelion:v1:training:community-rehab-basics")["name"] == "王小明"
    seed(page, read=["lesson-a", "lesson-b"], best=92, passed_at="2026-06-26", name="王小明")  # the attempt recorded it
    text = sheet.inner_text()
    for expected in ("海南省戒毒管理局", "结业记录", "学员", "王小明", "完成了培训模块", "社区戒毒康复基础",
                     "共4学时，结业测验成绩92%，于2026年6月26日通过。", "不是证书"):
        assert expected in text, expected
    assert "结业证书" not in text and "兹证明" not in text
    assert "重新参加一次结业测验" in page.locator(".dl-certificate__name-note").inner_text()
    page.get_by_label("你的姓名").fill("李四")
    assert "王小明" in sheet.inner_text() and "李四" not in sheet.inner_text()
    page.get_by_label("你的姓名").fill("王小明")

    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar", ".md-footer", ".dl-certificate__controls", ".dl-training__export", "h1"):
        assert page.locator(chrome).first.is_hidden(), chrome
    assert sheet.is_visible()
    page.screenshot(path="/tmp/dl-certificate-print.png", full_page=True)
    pdf = tmp_path / "certificate.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "Pages:           1" in info
        width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split(" x "))
        assert abs(width - 841.89) < 1.5 and abs(height - 595.28) < 1.5, info  # A4 landscape, in points
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), "/tmp/dl-certificate-pdf"], check=True)


def test_lesson_pages_print_portrait(guarded_page, site_root, tmp_path):
    """The landscape page size applies to the certificate page only, not to every page with quiz.css."""
    page = guarded_page
    build_site(site_root)
    page.goto((site_root / "lessons/lesson-a.html").as_uri())
    pdf = tmp_path / "lesson.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) not installed")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = (float(x) for x in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width < height


def test_export_json_and_csv(guarded_page, site_root, tmp_path):
    page = guarded_page
    data = build_site(site_root)
    page.goto(module_url(site_root, data))
    seed(page, read=["lesson-a", "lesson-b"], best=88, passed_at="2026-06-26")
    status = page.locator(".dl-training__export .dl-training__status-msg")

    # no name yet: nothing is downloaded, the learner is told and put in the name box
    page.get_by_role("button", name="下载 JSON 文件").click()
    assert status.inner_text() == "请先填写姓名，再导出。"
    assert page.evaluate("document.activeElement.id") == page.get_by_label("你的姓名").get_attribute("id")

    page.get_by_label("你的姓名").fill("=陈 晓")
    with page.expect_download() as dl:
        page.get_by_role("button", name="下载 JSON 文件").click()
    download = dl.value
    assert download.suggested_filename == "dandelion-community-rehab-basics-=陈_晓.json"
    json_path = tmp_path / "export.json"
    download.save_as(json_path)
    exported = json.loads(json_path.read_text("utf-8"))
    assert list(exported) == list(FIELDS)
    stamp = exported.pop("exported_at")
    assert dt.datetime.fromisoformat(stamp).tzinfo is not None
    assert exported == {
        "format": "dandelion-results", "version": 2, "name": "=陈 晓", "training": "community-rehab-basics",
        "title": "社区戒毒康复基础", "credit_hours": 4, "units_read": 2, "units_total": 2, "quiz": "module-quiz",
        "best_score": 88, "passed_at": "2026-06-26", "lang": "zh", "module_version": None, "quiz_version": None,
        "attempts": 1, "passed": True, "complete": True, "units": ["lesson-a", "lesson-b"], "answers": None,
    }
    assert "dandelion-community-rehab-basics-=陈_晓.json" in status.inner_text()

    with page.expect_download() as dl:
        page.get_by_role("button", name="下载 CSV 文件（可用 Excel 打开）").click()
    csv_path = tmp_path / "export.csv"
    dl.value.save_as(csv_path)
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    (row,) = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert row["name"] == "'=陈 晓"  # formula guard for spreadsheets
    assert row["best_score"] == "88" and row["units_read"] == "2" and row["passed_at"] == "2026-06-26"

    # the trainer's merge reads both files back as the same learner
    (merged,) = merge_results([json_path, csv_path])
    assert (merged.name, merged.best_score, merged.complete) == ("=陈 晓", 88, True)


def test_export_from_an_unfinished_module(guarded_page, site_root, tmp_path):
    page = guarded_page
    data = build_site(site_root)
    page.goto(module_url(site_root, data, certificate=True))
    seed(page, read=["lesson-b"], best=None, passed_at=None, name="林")
    with page.expect_download() as dl:
        page.get_by_role("button", name="下载 JSON 文件").click()
    path = tmp_path / "x.json"
    dl.value.save_as(path)
    exported = json.loads(path.read_text("utf-8"))
    assert (exported["name"], exported["units_read"], exported["best_score"], exported["passed_at"]) == ("林", 1, None, None)
    (row,) = merge_results([path])
    assert not row.complete


def test_english_module_and_certificate(guarded_page, site_root):
    page = guarded_page
    data = build_site(site_root, lang="en")
    page.goto(module_url(site_root, data))
    seed(page, read=["lesson-a", "lesson-b"], best=85, passed_at="2026-06-26", name="Li Mei")
    assert page.locator(".dl-training__status").inner_text().strip().endswith("Module complete")
    facts = page.locator(".dl-training__facts").inner_text()
    assert "2 of 2 units read" in facts and "Best score 85%" in facts and "Passed on 26 June 2026" in facts
    assert "4 credit hours" in facts
    page.get_by_role("link", name="View and print your completion record").click()
    sheet = page.locator(".dl-certificate__sheet")
    sheet.wait_for()
    text = sheet.inner_text()
    for expected in ("Completion record", "Li Mei", "Community rehabilitation basics",
                     "4 credit hours · final quiz score 85% · passed on 26 June 2026",
                     "Hainan Provincial Drug Rehabilitation Administration"):
        assert expected in text, expected
    # a lesson page in English gets English text without any embedded strings
    page.goto((site_root / "lessons/lesson-a.html").as_uri())
    assert page.get_by_label("I have read this lesson (counts towards my training)").is_checked()


def test_hostile_training_text_is_plain(guarded_page, site_root):
    page = guarded_page
    data = training_data()
    data["title"] = "</script><script>alert(1)</script><img src=x onerror=\"window.__pwned=1\">"
    data["units"][0]["title"] = "<b>粗体</b>"
    write_page(site_root, "training/h.html", training_html(data), material=False)
    page.goto((site_root / "training/h.html").as_uri())
    assert page.locator(".dl-training__units").get_by_role("link", name="<b>粗体</b>").is_visible()
    page.evaluate("localStorage.setItem('dandelion:v1:training:community-rehab-basics', "
                  "JSON.stringify({read: ['lesson-a', 'lesson-b'], name: '<img src=x onerror=alert(3)>'}))")
    write_page(site_root, "training/h-cert.html", training_html(data, certificate=True))
    page.goto((site_root / "training/h-cert.html").as_uri())
    assert page.locator(".dl-training img, .dl-certificate img, .dl-training b").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_corrupt_storage_is_ignored(guarded_page, site_root):
    page = guarded_page
    data = build_site(site_root)
    page.goto(module_url(site_root, data))
    page.evaluate("""() => {
        localStorage.setItem('dandelion:v1:training:community-rehab-basics', '{not json');
        localStorage.setItem('dandelion:v1:quiz:module-quiz', JSON.stringify({best: 'lots', passed_at: 5}));
    }""")
    page.reload()
    assert "已读0/2个单元" in page.locator(".dl-training__facts").inner_text()
    assert "还没有参加结业测验" in page.locator(".dl-training__facts").inner_text()
    page.get_by_label("已读：社区戒毒的法律依据").check()
    assert storage(page, "dandelion:v1:training:community-rehab-basics") == {"read": ["lesson-a"], "name": ""}


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_training_pages_pass_axe(make_page, site_root, scheme):
    axe_mod = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python not installed")
    page = make_page(1280, 900)
    data = build_site(site_root, scheme=scheme)
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}}
    page.goto(module_url(site_root, data))
    seed(page, read=["lesson-a"], best=60, passed_at=None, name="王小明")
    bad = []
    for url, context in ((module_url(site_root, data), ".dl-training"),
                         (module_url(site_root, data, certificate=True), ".dl-certificate")):
        for state in ({"read": ["lesson-a"], "best": 60, "passed_at": None},
                      {"read": ["lesson-a", "lesson-b"], "best": 95, "passed_at": "2026-06-26"}):
            page.goto(url)
            seed(page, name="王小明", **state)
            result = axe_mod.Axe().run(page, context=context, options=options)
            bad += [(url, v["id"], [n["html"][:100] for n in v["nodes"]]) for v in result.response["violations"]]
    assert bad == []


def test_static_fallback_list_is_hidden_once_the_widget_runs(guarded_page, site_root):
    page = guarded_page
    data = training_data()
    static = '<ol class="dl-training-static"><li><a href="../lessons/lesson-a.html">静态列表</a></li></ol>'
    write_page(site_root, "training/static.html", static + training_html(data))
    page.goto((site_root / "training/static.html").as_uri())
    assert page.locator(".dl-training-static").is_hidden()
    assert page.locator(".dl-training__units").is_visible()
