"""Kit tests: helpers, the test project (`dandelion init` output plus lessons and events of our own), fixtures.

Rendering is the slow part, so one session-scoped run renders the lecturer edition of a Chinese-only
project (a campus lesson, a village lesson, a village event, a campus event with a 60-character title)
and the tests read its output. The `lic` text in the village lesson is a placeholder marked as test data,
not Hlai: real Hlai text is only ever entered from a speaker.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from generator.kits import KitsResult, read_manifest, render_kits
from generator.loader import load_project
from generator.model import Project
from generator.plan import Plan, make_plan
from generator.scaffold import init_project
from generator.writer import OutputWriter

SITE_URL = "https://dandelion.example.cn/dandelion/"  # not a placeholder host: QR codes are printed
LONG_TITLE = "关于在全省各市县中小学校园和黎村苗寨深入开展新型毒品预防教育暨禁毒知识进万家专题宣讲活动的通知（二〇二六年海口市的示例）"
assert len(LONG_TITLE) == 60
LIC_PLACEHOLDER = "lic placeholder text"

# Chinese only, so the session run renders half as many files; English kits are tested on the starter.
CONFIG = f"""\
site_name: 测试宣讲团
organisation: 测试单位
languages: [zh]
site_url: {SITE_URL}
audiences:
  middle: 初中生
  villagers: 村民
settings:
  campus: 校园
  village: 黎村苗寨
regions:
  haikou: 海口市
  baoting: 保亭黎族苗族自治县
extra_languages:
  lic: {{name: 黎语}}
pinyin_overrides: {{}}
"""

FIRST_LESSON = """\
title: 认识毒品
summary: 一节示例课程。
audiences: [middle]
settings: [campus]
duration_minutes: 20
objectives: [知道什么是毒品]
sections:
  - id: what-is-a-drug
    title: 什么是毒品
    minutes: 20
    body: 《禁毒法》规定的毒品包括鸦片、海洛因、**冰毒**、吗啡、大麻、可卡因等。
    notes: 先请学生说说听过哪些毒品。
key_points: [毒品会使人上瘾]
references: [{law: anti-drug-law, article: 2}]
glossary: [methamphetamine]
quiz: first-quiz
"""

FIRST_QUIZ = """\
title: 认识毒品小测验
questions:
  - id: q1
    type: true_false
    prompt: 冰毒是毒品。
    answer: true
"""

GLOSSARY = """\
methamphetamine:
  term: 冰毒
  category: drug
  definition: 甲基苯丙胺的俗称，是一种合成毒品，会使人形成瘾癖。
  aliases: [甲基苯丙胺]
"""

LAWS = """\
anti-drug-law:
  name: 中华人民共和国禁毒法
  year: 2007
  articles:
    2:
      summary: 毒品是指鸦片、海洛因、甲基苯丙胺（冰毒）、吗啡、大麻、可卡因，以及国家规定管制的其他能够使人形成瘾癖的麻醉药品和精神药品。
"""

VILLAGE_LESSON = """\
title: 毒品害人，我们不碰
summary: 一堂短课。
audiences: [villagers]
settings: [village]
duration_minutes: 30
objectives: [知道毒品的样子。]
materials: [大挂图]
sections:
  - id: looks
    title: 毒品是什么样
    minutes: 10
    body: "新毒品像奶茶粉，像糖果。**看样子，认不出来。**"
    notes: 讲师提示：话要短。
  - id: help
    title: 遇到了，怎么办
    body: 告诉村干部。
key_points:
  - {zh: 新毒品像糖果、奶茶粉、电子烟，看样子认不出来。, lic: LIC}
  - 毒品伤身体，害家庭。
slogans:
  - {zh: 珍爱生命，远离毒品, lic: LIC}
references: [{law: anti-drug-law, article: 2}]
glossary: [methamphetamine]
quiz: village-quiz
supplied_by: {lic: 测试数据（不是黎语）}
""".replace("LIC", LIC_PLACEHOLDER)

VILLAGE_QUIZ = """\
title: 毒品危害小问答
questions:
  - id: q-tf
    type: true_false
    prompt: 新毒品可能像糖果。
    answer: true
    explanation: 对。
    lesson: village-lesson
    section: looks
  - id: q-single
    type: single
    prompt: 共用针头容易得什么病？
    options:
      - {text: 艾滋病和肝炎, correct: true}
      - {text: 感冒}
  - id: q-multi
    type: multiple
    prompt: 吸毒会怎样？（多选）
    options:
      - {text: 伤身体, correct: true}
      - {text: 害家庭, correct: true}
      - {text: 长高}
  - id: q-fill
    type: fill_blank
    prompt: 冰毒的化学名称是____。
    answer: [甲基苯丙胺]
  - id: q-order
    type: ordering
    prompt: 排出正确顺序。
    answer: [第一步拒绝, 第二步离开, 第三步告诉大人]
  - id: case
    type: scenario
    prompt: 案例：有人递给你一支电子烟。
    questions:
      - id: case-a
        type: true_false
        prompt: 可以试一口。
        answer: false
"""

EVENT_VILLAGE = """\
title: “三月三”黎村苗寨禁毒宣讲
date: 2027-04-09
start: "15:00"
end: "16:00"
region: baoting
setting: village
venue: 保亭某村文化广场（示例）
occasion: 三月三
audiences: [villagers]
lessons: [village-lesson]
partners: [村民委员会]
expected_attendance: 100
status: planned
"""

EVENT_LONG = f"""\
title: {LONG_TITLE}
date: 2026-06-26
start: "09:30"
end: "11:00"
region: haikou
setting: campus
venue: 海口市某初级中学礼堂（示例）
slogan: 珍爱生命，远离毒品
audiences: [middle]
lessons: [first-lesson]
status: planned
"""

EVENT_CANCELLED = """\
title: 已取消的活动
date: 2026-05-01
region: haikou
setting: campus
venue: 某地
status: cancelled
"""


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def make_project(root: Path) -> Path:
    """The kit-test project: `dandelion init` output plus a village lesson, its quiz and three events."""
    init_project(root)
    write(root, "site_config.yml", CONFIG)
    write(root, "content/lessons/first-lesson.yml", FIRST_LESSON)
    write(root, "quizzes/first-quiz.yml", FIRST_QUIZ)
    write(root, "content/glossary.yml", GLOSSARY)
    write(root, "content/laws.yml", LAWS)
    write(root, "content/lessons/village-lesson.yml", VILLAGE_LESSON)
    write(root, "quizzes/village-quiz.yml", VILLAGE_QUIZ)
    write(root, "content/events/village-event.yml", EVENT_VILLAGE)
    write(root, "content/events/long-title-event.yml", EVENT_LONG)
    write(root, "content/events/cancelled-event.yml", EVENT_CANCELLED)
    return root


def load(root: Path) -> Project:
    result = load_project(root)
    assert not result.diagnostics.errors, [str(d) for d in result.diagnostics.errors]
    assert result.project is not None
    return result.project


@dataclass
class KitRun:
    root: Path
    out: Path
    project: Project
    plan: Plan
    result: KitsResult
    log: list[str]

    @property
    def manifest(self) -> dict[str, Any]:
        return read_manifest(self.out)

    def entries(self, **match: str) -> list[dict[str, Any]]:
        return [e for e in self.manifest["files"] if all(e.get(k) == v for k, v in match.items())]

    def one(self, **match: str) -> dict[str, Any]:
        found = self.entries(**match)
        assert len(found) == 1, (match, [e["path"] for e in found])
        return found[0]

    def file(self, **match: str) -> Path:
        return self.out / self.one(**match)["path"]


def run_kits(root: Path, out: Path, edition: str, **kw: Any) -> KitRun:
    project = load(root)
    plan = make_plan(project, edition=edition)
    log: list[str] = []
    with OutputWriter(out, project_root=root) as writer:
        result = render_kits(project, plan, writer, log=log.append, **kw)
    return KitRun(root, out, project, plan, result, log)


@pytest.fixture(scope="session")
def kit_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("kitproject") / "project")


@pytest.fixture(scope="session")
def lecturer_run(kit_project: Path, tmp_path_factory: pytest.TempPathFactory) -> KitRun:
    """All kits of the test project, lecturer edition (cold: the project's cache starts empty)."""
    return run_kits(kit_project, tmp_path_factory.mktemp("out") / "site-lecturer", "lecturer")


def pdftotext(path: Path, *, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_lines(path: Path) -> list[str]:
    """The text lines of a PDF as poppler groups them (``pdftotext -bbox-layout``), words joined."""
    import html
    import re

    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [
        "".join(html.unescape(w) for w in re.findall(r"<word [^>]*>(.*?)</word>", line))
        for line in re.findall(r"<line [^>]*>(.*?)</line>", xml, re.S)
    ]


def pdfinfo(path: Path, *extra: str) -> str:
    return subprocess.run(["pdfinfo", *extra, str(path)], capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    for line in pdfinfo(path).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError(f"no page count for {path}")


def pdffonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' rows: name, emb, sub, uni. Read from the right: a long name pushes the columns along."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = []
    for line in out[2:]:
        parts = line.split()
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def require_poppler() -> None:
    for tool in ("pdftotext", "pdfinfo", "pdffonts"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} (poppler-utils) is not installed")
