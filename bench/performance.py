"""Performance and scale (issue 12): every figure of the issue's table, at 50, 200 and 800 generated lessons.

Each corpus is the example project plus N generated lessons of about 1,500 Chinese characters (sentences
drawn, with a fixed seed, from the example lessons, so the words are real and varied). Per size it
measures, in CPU seconds of child processes (``dandelion build --no-kits`` run as a real command):

* the whole build, and the CPU per lesson (slope between sizes);
* the site step inside it (pages, MkDocs, the post-build step: what plain MkDocs does) and the whole build,
  each ÷ plain ``mkdocs build`` of the same generated docs and config (both languages); builds from
  scratch and plain MkDocs alternate ``--repeat`` times and the medians are compared;
* rebuild with nothing changed ÷ first build; after editing one lesson ÷ first build, and that rebuild's
  site step ÷ plain MkDocs;
* HTML per lesson page;
* the search: bytes requested at page load (none: the browser tests check it), index on disk, and the
  bytes a first search loads for several queries (the worker's own steps, run in Node on the built files);
* pinyin search keys' share of the build's CPU;
* the site's own JavaScript a lesson page and a quiz page load.

Then: kit rendering with 1 and 2 worker processes (cache off, alternating, medians of two) on a small
generated project, the speed-up, the public edition's kit bytes per lesson, and how many kit files a
rebuild renders after one lesson is edited; with ``--example-kits`` also the example project's kit bytes.

    .venv/bin/python bench/performance.py [--sizes 50 200 800] [--repeat 3] [--kit-lessons 12] [--example-kits]

Nothing is asserted: timings are only ever measured here, never in tests. Run it on an idle machine.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TODAY = "2026-11-28"
HAN = re.compile(r"[\u4e00-\u9fff]")
QUERIES = {"zh": ["冰毒", "bingdu", "bd", "社区戒毒", "海洛因", "methamphetamine"], "en": ["methamphetamine", "relapse"]}

LESSON = """title: {{zh: "生成课程{n}：{title}", en: "Generated lesson {n}: {title_en}"}}
summary: {{zh: "用于性能测试的生成课程。", en: "A generated lesson for the performance bench."}}
audiences: [residents]
settings: [community]
duration_minutes: 60
topics: [drug-basics]
sections:
{sections}"""
SECTION = """  - id: part-{i}
    title: {{zh: "第{i}部分：{title}", en: "Part {i}: {title_en}"}}
    minutes: 12
    body:
      zh: "{zh}"
      en: "{en}"
"""


# --- the corpus ----------------------------------------------------------------------------------


def sentence_pools() -> tuple[list[str], list[str]]:
    """Chinese and English sentences of the example lessons, without Markdown or links."""
    import yaml

    zh: set[str] = set()
    en: set[str] = set()
    for path in sorted((ROOT / "content" / "lessons").glob("*.yml")):
        for section in yaml.safe_load(path.read_text(encoding="utf-8")).get("sections", []):
            body = section.get("body") or {}
            for lang, pool, cut in (("zh", zh, r"(?<=[。！？])"), ("en", en, r"(?<=[.!?])\s+")):
                text = body.get(lang, "") if isinstance(body, dict) else ""
                text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
                text = re.sub(r"[*_`#>|\"\\]|^\s*[-\d.]+\s", "", text, flags=re.M)
                for sentence in re.split(cut, text.replace("\n", "")):
                    sentence = sentence.strip()
                    if (lang == "en" or len(HAN.findall(sentence)) >= 8) and 10 <= len(sentence) <= 120:
                        pool.add(sentence)
    return sorted(zh), sorted(en)


def make_corpus(folder: Path, lessons: int, seed: int = 12) -> Path:
    """The example project plus ``lessons`` generated lessons (about 1,500 Han characters each)."""
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "site_config.yml", folder / "site_config.yml")
    for name in ("content", "quizzes"):
        shutil.copytree(ROOT / name, folder / name)
    zh_pool, en_pool = sentence_pools()
    rng = random.Random(seed)
    for n in range(1, lessons + 1):
        parts = []
        for i in range(1, 6):
            chosen: list[str] = []
            while sum(len(HAN.findall(s)) for s in chosen) < 300:
                chosen.append(rng.choice(zh_pool))
            words = rng.sample(en_pool, 4)
            parts.append(SECTION.format(i=i, title=chosen[0][:8].rstrip("，、：；"), title_en=f"section {i}",
                                        zh="".join(chosen), en=" ".join(words)))
        title = rng.choice(zh_pool)[:10].rstrip("，、：；")
        text = LESSON.format(n=n, title=title, title_en=f"topic {n}", sections="".join(parts))
        (folder / "content" / "lessons" / f"gen-{n:04d}.yml").write_text(text, encoding="utf-8")
    return folder


# --- measuring -----------------------------------------------------------------------------------


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(args: list[str], **kwargs: object) -> tuple[float, float, str]:
    """(CPU seconds, wall seconds, standard output) of a child process."""
    cpu, wall = child_cpu(), time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{done.stderr[-3000:]}")
    return child_cpu() - cpu, time.perf_counter() - wall, done.stdout


def our_build(project: Path, keep: Path | None = None) -> tuple[float, float, dict[str, float]]:
    """``dandelion build --no-kits`` as a child process; keeps the engine's docs and config in ``keep``."""
    args = [sys.executable, __file__, "--one-build", str(project)] + ([str(keep)] if keep else [])
    cpu, wall, out = run(args)
    return cpu, wall, json.loads(out.strip().splitlines()[-1])


def plain_command_build(project: Path) -> float:
    """CPU seconds of ``dandelion build --no-kits`` exactly as a user runs it (the no-op answer must not
    pay for the bench's own instrumentation, which imports the whole generator up front)."""
    cpu, _wall, _ = run([sys.executable, "-m", "generator.cli", "build", "--project", str(project), "--no-kits",
                         "--quiet", "--today", TODAY], cwd=ROOT)
    return cpu


def one_build(project: Path, keep: Path | None) -> None:
    """Child process: build once; copy each language's MkDocs docs and config into ``keep``; time the keys."""
    from generator import build as build_module
    from generator.cli import main
    from generator.site import mkdocs_engine
    from generator.site.html_blocks import restore_markdown

    timings = {"keys_cpu": 0.0, "site_cpu": 0.0, "keep_cpu": 0.0}
    original_run = mkdocs_engine._run_mkdocs

    def keeping_run(config_file: Path, **options: Any) -> Any:
        if keep is not None:
            start = time.process_time()
            work = config_file.parent
            target = keep / work.name
            shutil.copytree(work, target, dirs_exist_ok=True)
            text = (target / "mkdocs.yml").read_text(encoding="utf-8").replace(str(work), str(target))
            (target / "mkdocs.yml").write_text(text, encoding="utf-8")
            # plain MkDocs gets the pages as Markdown, the finished HTML blocks in place (html_blocks)
            blocks = options.get("blocks") or {}
            for source in (target / "docs").rglob("*.md"):
                page_blocks = blocks.get(source.relative_to(target / "docs").as_posix())
                if page_blocks:
                    source.write_text(restore_markdown(source.read_text(encoding="utf-8"), page_blocks),
                                      encoding="utf-8")
            timings["keep_cpu"] += time.process_time() - start  # the bench's own copying, not the build's
        return original_run(config_file, **options)

    def timed(name: str, function: Any) -> Any:
        """``function``, adding its CPU seconds to ``timings[name]``."""
        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                timings[name] += time.process_time() - start
        return wrapper

    mkdocs_engine._run_mkdocs = keeping_run  # type: ignore[assignment]
    build_module._search_keys = timed("keys_cpu", build_module._search_keys)
    build_module._render_site = timed("site_cpu", build_module._render_site)
    status = main(["build", "--project", str(project), "--no-kits", "--quiet", "--today", TODAY], standalone_mode=False)
    if status:  # the command reported an error (on standard error): the bench must not go on with a stale site
        raise SystemExit(status)
    timings["site_cpu"] -= timings["keep_cpu"]
    print(json.dumps(timings))


def plain_mkdocs(keep: Path) -> float:
    """CPU seconds of ``mkdocs build`` (the plain command) of every kept language's docs and config."""
    total = 0.0
    for config in sorted(keep.glob("*/mkdocs.yml")):
        with tempfile.TemporaryDirectory() as out:
            cpu, _wall, _ = run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", out])
            total += cpu
    return total


def first_search_bytes(site: Path, lang: str, query: str) -> int:
    """Bytes of the index files the search worker loads for ``query`` (its own steps, in Node)."""
    core = ROOT / "theme" / "assets" / "javascripts" / "search-core.js"
    folder = site / lang / "search"
    script = f"""
const fs = require("fs"), path = require("path");
const core = require({json.dumps(str(core))});
const folder = {json.dumps(str(folder))};
const store = {{meta: null, t: {{}}, d: {{}}, add(kind, name, data) {{ if (kind === "meta") this.meta = data; else this[kind][name] = data; }}}};
let bytes = 0;
const load = (name) => {{ const text = fs.readFileSync(path.join(folder, name), "utf8"); bytes += Buffer.byteLength(text); new Function("__dlSearch", text)(store); }};
load("meta.js");
const plan = core.plan({json.dumps(query, ensure_ascii=False)});
core.shardsFor(plan, store.meta.han_shards).filter((n) => store.meta.shards.includes(n)).forEach((n) => load("t-" + n + ".js"));
const groups = core.group(core.score(plan, store.t, store.meta), store.meta);
const sections = [];
groups.forEach((g) => {{ sections.push(g.first); g.sections.forEach((s) => sections.push(s[0])); }});
core.chunksFor(sections, store.meta.chunk).forEach((n) => load("d-" + n + ".js"));
console.log(JSON.stringify({{bytes, groups: groups.length}}));
"""
    node = shutil.which("node") or shutil.which("nodejs") or "node"
    done = subprocess.run([node, "-e", script], capture_output=True, text=True, check=True)
    return int(json.loads(done.stdout)["bytes"])


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def page_scripts(page: Path) -> int:
    """Bytes of the site's own scripts (and Material's bundle) a page loads."""
    total = 0
    for src in re.findall(r'<script src="([^"]+)"', page.read_text(encoding="utf-8")):
        target = (page.parent / src.split("?", 1)[0]).resolve()
        if target.is_file():
            total += target.stat().st_size
    return total


def measure(lessons: int, work: Path, repeat: int) -> dict[str, float]:
    """Every figure at one size; builds from scratch and plain MkDocs alternate ``repeat`` times (medians)."""
    project = make_corpus(work / f"p{lessons}", lessons)
    keep = work / f"keep{lessons}"
    firsts, plains = [], []
    for _ in range(repeat):
        shutil.rmtree(project / ".dandelion-cache", ignore_errors=True)
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(keep, ignore_errors=True)
        first_cpu, first_wall, inner = our_build(project, keep)
        firsts.append((first_cpu - inner["keep_cpu"], first_wall, inner))
        plains.append(plain_mkdocs(keep))
    first_cpu = statistics.median(f[0] for f in firsts)
    first_wall = statistics.median(f[1] for f in firsts)
    site_cpu = statistics.median(f[2]["site_cpu"] for f in firsts)
    keys_cpu = statistics.median(f[2]["keys_cpu"] for f in firsts)
    plain = statistics.median(plains)
    noop_cpu = plain_command_build(project)
    lesson = project / "content" / "lessons" / "gen-0001.yml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("第1部分", "第一部分", 1), encoding="utf-8")
    edit_cpu, _, edit_inner = our_build(project)
    site = project / "site"
    pages = sorted((site / "zh" / "lessons").glob("gen-*.html"))
    searches = {f"{lang}:{q}": first_search_bytes(site, lang, q) for lang, queries in QUERIES.items() for q in queries}
    quiz_page = next(p for p in sorted((site / "zh" / "quizzes").glob("*.html")) if "index" not in p.name
                     and "-worksheet" not in p.name and "-answers" not in p.name)
    row = {
        "lessons": lessons, "repeat": repeat, "first_cpu": first_cpu, "first_wall": first_wall, "plain_cpu": plain,
        "site_cpu": site_cpu, "noop_cpu": noop_cpu, "edit_cpu": edit_cpu, "edit_site_cpu": edit_inner["site_cpu"],
        "keys_cpu": keys_cpu,
        "page_kb": statistics.mean(p.stat().st_size for p in pages) / 1024,
        "index_mb": folder_bytes(site / "zh" / "search") / 1e6,
        "search_max_mb": max(v for k, v in searches.items() if k.startswith("zh:")) / 1e6,
        "searches": {k: v / 1e6 for k, v in searches.items()},
        "js_lesson_kb": page_scripts(pages[0]) / 1024, "js_quiz_kb": page_scripts(quiz_page) / 1024,
    }
    shutil.rmtree(project)
    shutil.rmtree(keep)
    return row


def _kits_run(project: Path, out: Path, *, workers: int, use_cache: bool) -> tuple[float, dict[str, int]]:
    """(wall seconds, rendered/cached counts) of ``dandelion kits`` in a child process."""
    script = (f"import sys, json; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
              f"from generator.kits.cli_support import kits_only; "
              f"r = kits_only(Path({str(project)!r}), out=Path({str(out)!r}), edition='public', "
              f"use_cache={use_cache}, workers={workers}); print(json.dumps({{'rendered': r.rendered, 'cached': r.cached, 'rendering': r.rendering_seconds}}))")
    _cpu, wall, stdout = run([sys.executable, "-c", script])
    return wall, json.loads(stdout.strip().splitlines()[-1])


def kit_bytes_per_lesson(kits_folder: Path, lesson_ids: list[str]) -> float:
    """Bytes on disk under ``kits/<lang>/lessons/<id>/`` (zips included) per lesson."""
    total = sum(p.stat().st_size for lesson in lesson_ids for p in kits_folder.glob(f"*/lessons/{lesson}/**/*") if p.is_file())
    return total / max(len(lesson_ids), 1)


def kits(lessons: int, work: Path, repeat: int) -> dict[str, float]:
    """Kit rendering with 1 and 2 processes (no cache, alternating, medians), the public edition's kit bytes
    per lesson, and what a rebuild renders after one lesson is edited (cache on)."""
    from generator.scaffold import init_project

    project = work / "kits"
    init_project(project)
    corpus = make_corpus(work / "kits-source", lessons)
    for path in sorted((corpus / "content" / "lessons").glob("gen-*.yml")):
        shutil.copy(path, project / "content" / "lessons" / path.name)
    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\ntopics:\n  drug-basics: {zh: 认识毒品, en: What drugs are}\n",
                      encoding="utf-8")
    out = work / "kits-out"
    times: dict[int, list[float]] = {1: [], 2: []}
    rendering: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(repeat):
        for workers in (1, 2):
            wall, counts = _kits_run(project, out, workers=workers, use_cache=False)
            times[workers].append(wall)
            rendering[workers].append(counts["rendering"])
    generated = sorted(p.stem for p in (project / "content" / "lessons").glob("gen-*.yml"))
    files = [p for p in (out / "kits").rglob("*") if p.is_file() and "/gen-" in p.as_posix()]
    _kits_run(project, out, workers=2, use_cache=True)  # fills the cache
    lesson = project / "content" / "lessons" / f"{generated[0]}.yml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("第1部分", "第一部分", 1), encoding="utf-8")
    _wall, after_edit = _kits_run(project, out, workers=2, use_cache=True)
    one, two = statistics.median(times[1]), statistics.median(times[2])
    per_lesson_files = len([p for p in files if f"/{generated[0]}/" in p.as_posix() and p.suffix != ".zip"])
    render_one, render_two = statistics.median(rendering[1]), statistics.median(rendering[2])
    return {"lessons": lessons, "one_s": one, "two_s": two, "speedup": one / two, "files": len(files),
            "render_one_s": render_one, "render_two_s": render_two, "render_speedup": render_one / render_two,
            "mb_per_lesson": kit_bytes_per_lesson(out / "kits", generated) / 1e6,
            "edit_rendered": after_edit["rendered"], "edit_cached": after_edit["cached"], "lesson_files": per_lesson_files}


def example_kits(work: Path) -> dict[str, float]:
    """The example project's public kits (real lessons with images): bytes per lesson and per event."""
    project = work / "example"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "site", "site-lecturer", "bench",
                                                                 "tests", "node_modules", "__pycache__"))
    out = work / "example-out"
    wall, counts = _kits_run(project, out, workers=2, use_cache=True)
    lessons = sorted(p.stem for p in (project / "content" / "lessons").glob("*.yml"))
    events = [p for p in (out / "kits").glob("*/events/*") if p.is_dir()]
    event_bytes = sum(f.stat().st_size for e in events for f in e.rglob("*") if f.is_file())
    return {"lessons": len(lessons), "mb_per_lesson": kit_bytes_per_lesson(out / "kits", lessons) / 1e6,
            # an event has a folder per language: bytes per event are over all of its folders
            "mb_per_event": event_bytes / max(len({e.name for e in events}), 1) / 1e6, "wall": wall,
            "rendered": counts["rendered"]}


def report(rows: list[dict[str, float]], kit: dict[str, float] | None, example: dict[str, float] | None,
           seconds: float) -> None:
    print("\nPerformance (CPU seconds; `dandelion build --no-kits` as a command; site step = pages, MkDocs and the "
          "post-build step, timed inside it; plain = `mkdocs build` of the same docs and config, both languages)")
    print(f"{'lessons':>8} {'runs':>4} {'build s':>8} {'site s':>7} {'plain s':>8} {'build÷plain':>11} {'site÷plain':>10} "
          f"{'no-op÷build':>11} {'1 edit÷build':>12} {'1 edit site÷plain':>17} {'keys':>6} {'page KB':>8} {'index MB':>9} "
          f"{'search MB':>10} {'JS lesson/quiz KB':>18}")
    for r in rows:
        print(f"{r['lessons']:>8} {r['repeat']:>4} {r['first_cpu']:>8.1f} {r['site_cpu']:>7.1f} {r['plain_cpu']:>8.1f} "
              f"{r['first_cpu'] / r['plain_cpu']:>11.2f} {r['site_cpu'] / r['plain_cpu']:>10.2f} "
              f"{r['noop_cpu'] / r['first_cpu']:>11.3f} {r['edit_cpu'] / r['first_cpu']:>12.2f} "
              f"{r['edit_site_cpu'] / r['plain_cpu']:>17.2f} {r['keys_cpu'] / r['first_cpu']:>6.1%} {r['page_kb']:>8.1f} "
              f"{r['index_mb']:>9.2f} {r['search_max_mb']:>10.3f} {r['js_lesson_kb']:>8.0f}/{r['js_quiz_kb']:.0f}")
    if len(rows) > 1:
        small, large = rows[0], rows[-1]
        slope = (large["first_cpu"] - small["first_cpu"]) / (large["lessons"] - small["lessons"])
        print(f"\nbuild CPU ≈ {slope:.3f} s per lesson + {small['first_cpu'] - slope * small['lessons']:.1f} s")
    print("search index bytes requested at page load: 0 (tests/browser/test_site.py checks it over http and file://)")
    for r in rows:
        print(f"first search at {r['lessons']} lessons (MB): "
              + ", ".join(f"{k} {v:.3f}" for k, v in r["searches"].items()))
    if kit:
        print(f"\nkits ({kit['lessons']} generated lessons, {kit['files']} files, public edition, no cache, medians): "
              f"whole command 1 process {kit['one_s']:.1f} s, 2 processes {kit['two_s']:.1f} s, speed-up ×{kit['speedup']:.2f}; "
              f"the rendering itself {kit['render_one_s']:.1f} s / {kit['render_two_s']:.1f} s, ×{kit['render_speedup']:.2f}; "
              f"{kit['mb_per_lesson']:.2f} MB per lesson on disk (zips included)")
        print(f"after editing one lesson: {kit['edit_rendered']} kit files rendered, {kit['edit_cached']} from the cache "
              f"(the lesson has {kit['lesson_files']} PDFs)")
    if example:
        print(f"example project ({example['lessons']} lessons, public kits): {example['mb_per_lesson']:.2f} MB per lesson, "
              f"{example['mb_per_event']:.2f} MB per event")
    print(f"\nbench wall time {seconds / 60:.1f} min")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="*", type=int, default=[50, 200, 800])
    parser.add_argument("--repeat", type=int, default=3,
                        help="builds from scratch and plain MkDocs runs per size, alternating (medians); "
                             "sizes above 200 lessons run at most twice")
    parser.add_argument("--kit-lessons", type=int, default=12, help="generated lessons for the kit figures (0: none)")
    parser.add_argument("--example-kits", action="store_true",
                        help="also the example project's kit bytes (renders its kits once: a few minutes)")
    parser.add_argument("--one-build", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_build:
        one_build(Path(args.one_build[0]), Path(args.one_build[1]) if len(args.one_build) > 1 else None)
        return
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dandelion-bench-") as tmp:
        work = Path(tmp)
        rows = []
        for n in sorted(args.sizes):
            rows.append(measure(n, work, args.repeat if n <= 200 else min(args.repeat, 2)))
            print(f"measured {n} lessons", file=sys.stderr, flush=True)
        kit = kits(args.kit_lessons, work, 2) if args.kit_lessons else None
        example = example_kits(work) if args.example_kits else None
    report(rows, kit, example, time.perf_counter() - started)


if __name__ == "__main__":
    main()
