"""The kits of the test project (one session-scoped lecturer-edition run): files, manifest, PDFs, posters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from kitutil import (
    LIC_PLACEHOLDER,
    LONG_TITLE,
    SITE_URL,
    KitRun,
    pdf_lines,
    pdf_pages,
    pdffonts,
    pdfinfo,
    pdftotext,
    require_poppler,
)
from PIL import Image

pytestmark = pytest.mark.usefixtures("poppler")


@pytest.fixture(scope="module")
def poppler() -> None:
    require_poppler()


# Characters that must never start a line of Chinese text.
NO_LINE_START = "，。！？、；：）」』》〉】”’"


def test_manifest_lists_every_file_with_its_facts(lecturer_run: KitRun) -> None:
    manifest = lecturer_run.manifest
    assert manifest["schema"] == 1 and manifest["edition"] == "lecturer"
    files = manifest["files"]
    paths = [e["path"] for e in files]
    assert len(paths) == len(set(paths))
    kinds = {"plan", "outline", "handout", "worksheet", "answer-key", "sign-in", "feedback", "certificate", "poster-png",
             "poster-pdf", "share-image", "kit-zip"}
    assert {e["kind"] for e in files} == kinds
    for e in files:
        path = lecturer_run.out / e["path"]
        assert e["path"].startswith("kits/zh/") and not e["path"].startswith("/")
        assert path.is_file(), e["path"]
        assert e["bytes"] == path.stat().st_size
        assert e["language"] == "zh" and e["edition"] == "lecturer"
        assert ("lesson" in e) != ("event" in e)
        assert e["setting"] in ("campus", "village")
        if path.suffix == ".pdf":
            assert e["pages"] == pdf_pages(path), e["path"]
        elif path.suffix == ".zip":
            assert e["kind"] == "kit-zip" and e["contents"]
        else:
            with Image.open(path) as im:
                assert (e["width"], e["height"]) == im.size
    # per lesson and setting: seven documents (plan, outline, handout, worksheet, answer key, sign-in, feedback)
    # and the zip of them all
    assert len(lecturer_run.entries(lesson="village-lesson")) == 8
    assert {e["path"].rsplit("/", 1)[1] for e in lecturer_run.entries(lesson="first-lesson")} == {
        "plan.pdf", "outline.pdf", "handout.pdf", "worksheet.pdf", "answer-key.pdf", "sign-in.pdf", "feedback.pdf",
        "first-lesson-campus-zh-lecturer.zip"}
    # per event: poster (PNG and PDF), share image, certificate, sign-in and feedback, and their zip; none for a
    # cancelled event
    assert len(lecturer_run.entries(event="village-event")) == 7
    assert lecturer_run.entries(event="cancelled-event") == []
    assert lecturer_run.one(lesson="village-lesson", kind="plan")["path"] == "kits/zh/lessons/village-lesson/village/plan.pdf"
    assert lecturer_run.one(event="village-event", kind="poster-png")["path"] == "kits/zh/events/village-event/poster.png"


def test_the_kits_written_are_the_plans(lecturer_run: KitRun) -> None:
    planned = [kit.path for kit in lecturer_run.plan.kits]
    assert [e["path"] for e in lecturer_run.manifest["files"]] == planned
    assert [e["path"] for e in lecturer_run.result.entries] == planned
    assert sorted(p.relative_to(lecturer_run.out).as_posix() for p in (lecturer_run.out / "kits").rglob("*")
                  if p.is_file()) == sorted([*planned, "kits/manifest.json"])
    for kit, entry in zip(lecturer_run.plan.kits, lecturer_run.manifest["files"], strict=True):
        assert {k: entry[k] for k in kit.manifest_fields()} == kit.manifest_fields()


def test_links_for_the_site(lecturer_run: KitRun) -> None:
    from generator.site.downloads import download_link

    plan, config = lecturer_run.plan, lecturer_run.project.config
    entries = {e["path"]: e for e in lecturer_run.manifest["files"]}
    assert plan.kit_items() == ["event:long-title-event", "event:village-event", "lesson:first-lesson",
                                "lesson:village-lesson"]

    def link(item: str, kind: str, lang: str) -> dict:  # the project's kits are in zh only: labelled in lang
        kit = next(k for k in plan.kits_for(item, "zh") if k.kind == kind)
        return download_link(kit, entries[kit.path], config, lang)

    handout = link("lesson:village-lesson", "handout", "zh")
    assert handout["href"] == "../kits/zh/lessons/village-lesson/village/handout.pdf"
    assert handout["label"] == "听众讲义 · 黎村苗寨"
    assert re.fullmatch(r"PDF · [12]页 · \d+ KB", handout["info"])
    english = link("lesson:village-lesson", "handout", "en")
    assert english["label"].startswith("Audience handout")
    assert re.fullmatch(r"PDF · [12] pages? · \d+ KB", english["info"])
    poster = link("event:village-event", "poster-png", "zh")
    assert re.fullmatch(r"PNG · 3508×4961 · [\d.]+ (KB|MB)", poster["info"])
    assert {kit.language for item in plan.kit_items() for kit in plan.kits_for(item, "zh")} == {"zh"}


def test_pdfs_are_searchable_text_with_embedded_subset_fonts(lecturer_run: KitRun) -> None:
    for e in lecturer_run.manifest["files"]:
        if not e["path"].endswith(".pdf"):
            continue
        path = lecturer_run.out / e["path"]
        text = pdftotext(path)
        def norm(value: str) -> str:  # a title quoted in a sentence has its own quotes made single
            return re.sub(r"\s+", "", value).translate(str.maketrans("‘’", "“”"))

        assert norm(e["title"])[:12] in norm(text), (e["path"], e["title"])
        fonts = pdffonts(path)
        assert fonts, e["path"]
        for font in fonts:
            assert font["emb"] == "yes" and font["sub"] == "yes", (e["path"], font)


def test_chinese_lines_never_start_with_closing_punctuation(lecturer_run: KitRun) -> None:
    checked = 0
    for e in lecturer_run.manifest["files"]:
        if e["path"].endswith(".pdf") and e["kind"] != "poster-pdf":
            for line in pdf_lines(lecturer_run.out / e["path"]):
                checked += 1
                assert line[:1] not in NO_LINE_START, (e["path"], line)
    assert checked > 200


def test_page_counts(lecturer_run: KitRun) -> None:
    for e in lecturer_run.entries(kind="handout"):
        assert 1 <= e["pages"] <= 2, e["path"]
    for e in lecturer_run.entries(kind="sign-in"):
        assert e["pages"] == 1, e["path"]
    for kind in ("feedback", "certificate", "poster-pdf"):
        for e in lecturer_run.entries(kind=kind):
            assert e["pages"] == 1, e["path"]


def test_plan_has_outline_notes_and_laws(lecturer_run: KitRun) -> None:
    text = pdftotext(lecturer_run.file(lesson="village-lesson", kind="plan"))
    assert "时间安排" in text and "讲师提示" in text and "话要短" in text
    assert "第0–10分钟" in text and "第10–30分钟" in text  # the section without minutes gets the rest
    assert "中华人民共和国禁毒法" in text and "第二条" in text and "第2条" not in text
    assert "大挂图" in text  # materials


def test_handouts_carry_no_speaker_notes(lecturer_run: KitRun) -> None:
    for e in lecturer_run.entries(kind="handout"):
        text = pdftotext(lecturer_run.out / e["path"])
        assert "讲师提示" not in text and "话要短" not in text and "先请学生" not in text


def test_village_edition_has_pinyin_and_extra_language(lecturer_run: KitRun) -> None:
    handout = pdftotext(lecturer_run.file(lesson="village-lesson", kind="handout"))
    # pinyin over key points and slogans
    for syllable in ("zhēn", "ài", "shēng", "mìng", "dú", "pǐn"):
        assert syllable in handout
    assert LIC_PLACEHOLDER.replace(" ", "") in re.sub(r"\s+", "", handout) and "黎语" in handout
    assert "测试数据（不是黎语）" in handout  # who supplied the extra-language text
    campus = pdftotext(lecturer_run.file(lesson="first-lesson", kind="handout"))
    assert not re.search(r"[āáǎàōóǒòēéěèīíǐìūúǔù]", campus)


def test_worksheet_and_answer_key(lecturer_run: KitRun) -> None:
    sheet = pdftotext(lecturer_run.file(lesson="village-lesson", kind="worksheet"))
    key = pdftotext(lecturer_run.file(lesson="village-lesson", kind="answer-key"))
    for prompt in ("新毒品可能像糖果", "共用针头容易得什么病", "冰毒的化学名称是", "有人递给你一支电子烟", "可以试一口"):
        assert prompt in sheet and prompt in key
    assert "甲基苯丙胺" in key and "甲基苯丙胺" not in sheet
    assert "✓" in key and "✓" not in sheet
    assert sheet.count("多选") == 1  # the prompt says it already: no second hint
    # the printed order of the ordering question is never the right one
    order = [line.strip() for line in sheet.splitlines() if re.search(r"第.步", line)]
    assert sorted(order) == ["第一步拒绝", "第三步告诉大人", "第二步离开"]
    assert order != ["第一步拒绝", "第二步离开", "第三步告诉大人"]
    # the key writes each item's position in the sheet's order, nothing else numbers them
    right = {"第一步拒绝": "1", "第二步离开": "2", "第三步告诉大人": "3"}
    keyed = [re.search(r"第.步\S+", line).group(0) for line in key.splitlines() if re.search(r"第.步", line)]
    assert keyed == order  # same order on the key as on the sheet
    flat = re.sub(r"\s+", " ", key)
    laid_out = pdftotext(lecturer_run.file(lesson="village-lesson", kind="answer-key"), layout=True)
    assert not re.search(r"^\s*\d\.\s+\d\s+第.步", laid_out, re.M), "a list number beside the position box"
    for item in order:
        assert re.search(rf"(?<!\d){right[item]}\s*{item}", flat), (item, flat[:400])


def test_no_id_number_or_phone_column_anywhere(lecturer_run: KitRun) -> None:
    from generator.kits.documents import Documents
    from generator.kits.fonts import find_fonts
    from generator.zh import Pinyin

    project = lecturer_run.project
    docs = Documents(project, find_fonts(project.config, project.root), Pinyin())
    lesson, event = project.lessons["village-lesson"], project.events["village-event"]
    forms = [
        docs.sign_in("zh", "village", lesson=lesson), docs.sign_in("zh", "campus", event=event),
        docs.sign_in("en", "campus", lesson=lesson), docs.feedback("zh", "village", event=event),
        docs.feedback("en", "campus", lesson=lesson), docs.worksheet(lesson, project.quizzes["village-quiz"], "village", "zh", answers=False),
    ]
    for html in forms:
        headers = re.findall(r"<th[^>]*>(.*?)</th>", html, re.S) + re.findall(r'class="fill-label">(.*?)<', html)
        headers += re.findall(r'class="f-label">(.*?)<', html)
        assert headers
        for h in headers:
            label = re.sub(r"<[^>]+>", "", h)
            assert not re.search(r"身份证|电话|手机|\bID\b|phone|mobile", label, re.I), label
    assert "不收集身份证号码和电话号码" in pdftotext(lecturer_run.file(event="village-event", kind="sign-in"))


def test_event_sign_in_is_filled_in(lecturer_run: KitRun) -> None:
    text = pdftotext(lecturer_run.file(event="village-event", kind="sign-in"))
    assert "2027年4月9日" in text and "15:00–16:00" in text and "保亭某村文化广场" in text


def test_certificate(lecturer_run: KitRun) -> None:
    path = lecturer_run.file(event="village-event", kind="certificate")
    text = pdftotext(path)
    assert "参与证明" in text and "2027年4月9日" in text and "测试单位" in text
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", pdfinfo(path))
    assert size and float(size.group(1)) > float(size.group(2))  # A4 landscape


def _decode_qr(image: Image.Image) -> list[str]:
    from pyzbar.pyzbar import decode

    return [r.data.decode() for r in decode(image.convert("L"))]


def test_poster_png_is_a3_300dpi_with_a_working_qr_code(lecturer_run: KitRun) -> None:
    path = lecturer_run.file(event="village-event", kind="poster-png")
    with Image.open(path) as im:
        assert im.size == (3508, 4961)
        assert round(im.info["dpi"][0]) == 300
        small = im.resize((im.width // 3, im.height // 3))
    assert _decode_qr(small) == [f"{SITE_URL}zh/events/village-event.html"]


def _page_png(pdf: Path, page: int, dpi: int, folder: Path) -> Path:
    import subprocess

    stem = folder / f"{pdf.stem}-{page}-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", "-png", str(pdf), str(stem)],
                   check=True)
    return stem.with_suffix(".png")


def test_poster_pdf_has_bleed_and_crop_marks(lecturer_run: KitRun, tmp_path: Path) -> None:
    path = lecturer_run.file(event="long-title-event", kind="poster-pdf")
    boxes = {m.group(1): [float(v) for v in m.group(2).split()]
             for m in re.finditer(r"^(\w+Box):\s+(.*)$", pdfinfo(path, "-box"), re.M)}
    trim, bleed, media = boxes["TrimBox"], boxes["BleedBox"], boxes["MediaBox"]
    mm = 72 / 25.4
    assert trim[2] - trim[0] == pytest.approx(297 * mm, abs=0.1) and trim[3] - trim[1] == pytest.approx(420 * mm, abs=0.1)
    for i, sign in enumerate((-1, -1, 1, 1)):
        assert bleed[i] - trim[i] == pytest.approx(sign * 3 * mm, abs=0.05)
        assert (media[i] - bleed[i]) * sign >= 9 * mm  # room outside the bleed for the crop marks
    text = re.sub(r"\s+", "", pdftotext(path))
    assert LONG_TITLE[:20] in text and "海口市某初级中学礼堂" in text
    # crop marks: black lines in the slug, outside the bleed, at the trim lines
    with Image.open(_page_png(path, 1, 150, tmp_path)) as im:
        rgb = im.convert("RGB")
        px_per_mm = 150 / 25.4
        slug = 13 * px_per_mm  # 10 mm for marks + 3 mm bleed, before the trim
        for x, y in ((slug, slug - 6 * px_per_mm), (slug - 6 * px_per_mm, slug)):  # vertical, horizontal mark
            near = [rgb.getpixel((round(x) + dx, round(y) + dy)) for dx in (-2, -1, 0, 1, 2) for dy in (-2, -1, 0, 1, 2)]
            assert min(sum(c) for c in near) < 450
        # beside a mark (between the two) the slug is paper-white
        assert rgb.getpixel((round(slug - 6 * px_per_mm), round(slug - 6 * px_per_mm))) == (255, 255, 255)
        # the very corner of the slug stays paper-white (no artwork beyond the bleed)
        assert rgb.getpixel((2, 2)) == (255, 255, 255)


def test_share_image_is_square_small_and_scannable(lecturer_run: KitRun) -> None:
    for e in lecturer_run.entries(kind="share-image"):
        path = lecturer_run.out / e["path"]
        assert e["bytes"] < 500 * 1024
        with Image.open(path) as im:
            assert im.size == (1080, 1080)
            assert _decode_qr(im) == [f"{SITE_URL}zh/events/{e['event']}.html"]


def test_handout_qr_opens_the_lesson_page(lecturer_run: KitRun, tmp_path: Path) -> None:
    path = lecturer_run.file(lesson="first-lesson", kind="handout")
    found: list[str] = []
    for page in range(1, pdf_pages(path) + 1):
        with Image.open(_page_png(path, page, 150, tmp_path)) as im:
            found += _decode_qr(im)
    assert found == [f"{SITE_URL}zh/lessons/first-lesson.html"]


def test_public_edition_has_no_plan_and_reuses_the_cache(lecturer_run: KitRun, tmp_path: Path) -> None:
    from kitutil import run_kits

    public = run_kits(lecturer_run.root, tmp_path / "site", "public")
    kinds = {e["kind"] for e in public.manifest["files"]}
    assert "plan" not in kinds and "handout" in kinds
    assert public.manifest["edition"] == "public"
    assert len(public.manifest["files"]) == len(lecturer_run.manifest["files"]) - 2  # two lessons, one plan each
    # everything came from the cache but the two outlines (the lecturer's carry notes in brief and the mark)
    assert any("2 rendered" in line for line in public.log), public.log
    same = lecturer_run.one(lesson="village-lesson", kind="handout")
    assert (public.out / same["path"]).read_bytes() == (lecturer_run.out / same["path"]).read_bytes()


def test_public_edition_prints_no_key_to_a_graded_final_test(lecturer_run: KitRun, tmp_path: Path) -> None:
    import shutil

    from kitutil import run_kits

    root = tmp_path / "p"
    shutil.copytree(lecturer_run.root, root)
    (root / "content" / "training").mkdir(exist_ok=True)
    (root / "content" / "training" / "module.yml").write_text(
        "title: 结业培训\nsummary: 一节课。\naudiences: [villagers]\ncredit_hours: 1\n"
        "units: [village-lesson]\nquiz: village-quiz\npass_mark: 80\n", encoding="utf-8")
    public = run_kits(root, tmp_path / "site", "public")
    village = {e["kind"] for e in public.manifest["files"] if e.get("lesson") == "village-lesson"}
    assert "worksheet" in village and "answer-key" not in village
    first = {e["kind"] for e in public.manifest["files"] if e.get("lesson") == "first-lesson"}
    assert "answer-key" in first  # an ordinary lesson quiz keeps its key


def test_whole_kit_zips_hold_what_the_manifest_says(lecturer_run: KitRun) -> None:
    import zipfile

    zips = lecturer_run.entries(kind="kit-zip")
    assert len(zips) == 2 + 2  # two lessons with one setting each, two events (not the cancelled one)
    by_path = {e["path"]: e for e in lecturer_run.manifest["files"]}
    for entry in zips:
        with zipfile.ZipFile(lecturer_run.out / entry["path"]) as archive:
            assert archive.testzip() is None
            infos = archive.infolist()
            assert [i.filename for i in infos] == [c["name"] for c in entry["contents"]] == sorted(i.filename for i in infos)
            folder = entry["path"].rsplit("/", 1)[1].removesuffix(".zip")
            for info, content in zip(infos, entry["contents"], strict=True):
                assert info.filename == f"{folder}/{content['path'].rsplit('/', 1)[1]}"
                assert info.date_time == (1980, 1, 1, 0, 0, 0)  # reproducible: no build time inside
                assert archive.read(info) == (lecturer_run.out / content["path"]).read_bytes()
                assert by_path[content["path"]]["bytes"] == content["bytes"]
        item = {"lesson": entry.get("lesson")} if "lesson" in entry else {"event": entry["event"]}
        others = {e["path"] for e in lecturer_run.entries(**item) if e["kind"] != "kit-zip" and e["setting"] == entry["setting"]}
        assert {c["path"] for c in entry["contents"]} == others
    event_zip = lecturer_run.one(event="village-event", kind="kit-zip")
    assert {c["name"].rsplit("/", 1)[1] for c in event_zip["contents"]} >= {
        "poster.png", "poster-print.pdf", "share.png", "certificate.pdf"}


def test_zips_are_reproducible(lecturer_run: KitRun) -> None:
    from generator.kits.zips import whole_kit_zip
    from generator.plan import WHOLE_KIT

    kit = next(k for k in lecturer_run.plan.kits if k.kind == WHOLE_KIT)
    written = {path: (lecturer_run.out / path).read_bytes() for path in kit.contents}
    first, _ = whole_kit_zip(kit, written)
    again, _ = whole_kit_zip(kit, dict(reversed(list(written.items()))))
    assert first == again == (lecturer_run.out / kit.path).read_bytes()


def test_outline_is_one_page_with_times_key_points_and_notes_in_brief(lecturer_run: KitRun) -> None:
    for entry in lecturer_run.entries(kind="outline"):
        assert entry["pages"] == 1, entry["path"]
    text = pdftotext(lecturer_run.file(lesson="village-lesson", kind="outline"))
    assert "讲师版" in text and "一页提纲" in text
    assert "第0–10分钟" in text and "毒品是什么样" in text and "遇到了，怎么办" in text
    assert "话要短" in text  # the section's notes, in brief
    assert "毒品会使人上瘾" in pdftotext(lecturer_run.file(lesson="first-lesson", kind="outline"))  # key points
    handout = pdftotext(lecturer_run.file(lesson="village-lesson", kind="handout"))
    assert "讲师版" not in handout  # papers for the room carry no lecturer mark


def test_every_feedback_form_fits_one_sheet(lecturer_run: KitRun) -> None:
    # the privacy line must reach every participant: a second page of a form is never handed out
    forms = lecturer_run.entries(kind="feedback")
    assert forms and all(e["pages"] == 1 for e in forms), [(e["path"], e["pages"]) for e in forms]
    text = pdftotext(lecturer_run.file(lesson="village-lesson", kind="feedback"))
    assert text.index("请不要在本表上写姓名") < text.index("好")  # before the ratings


def test_kit_pdfs_embed_small_font_subsets(lecturer_run: KitRun) -> None:
    """The kits print with the pre-subset fonts (generator/kits/subset.py), so a PDF carries only the
    glyphs up to the highest one it uses of ~8,000 (not of the system font's 65,000): tens of KB of font
    for a Chinese sheet (each PDF was 150–400 KB before). English sheets: test_kits_cli."""
    sign_in = lecturer_run.file(kind="sign-in", language="zh", lesson="first-lesson")
    assert pdf_pages(sign_in) == 1 and sign_in.stat().st_size < 60_000
    for entry in lecturer_run.manifest["files"]:
        if entry["path"].endswith(".pdf"):
            path = lecturer_run.out / entry["path"]
            assert path.stat().st_size < 120_000, (entry["path"], path.stat().st_size)
            assert all(font["name"].split("+", 1)[-1].startswith("Dandelion-") for font in pdffonts(path)), entry["path"]
