"""The sharded search index (generator/site/search_index.py) and the browser's search (search-core.js) on it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from generator.site.search_index import CHUNK, Section, build_index, plain_text, shard, terms
from tests.js.test_node import node

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "theme" / "assets" / "javascripts" / "search-core.js"

SAMPLES = ["依托咪酯 Methamphetamine，冰", "冰\u200b毒 ＨＩＶ 2026年", "Café — naïve K粉", "", "一"]


def test_terms_are_character_pairs_and_words() -> None:
    assert terms("依托咪酯 Methamphetamine，冰") == ["依托", "托咪", "咪酯", "methamphetamine", "冰"]
    assert shard("bingdu") == "b" and shard("冰毒").startswith("u")


def test_entries_lose_markup_and_zero_width_spaces() -> None:
    assert plain_text("<p>\u200b别称\u200b：<strong>甲基苯丙胺</strong> &amp; K粉</p>") == "别称：甲基苯丙胺 & K粉"


def run_node(script: str) -> object:
    run = subprocess.run([node(), "-e", script], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(run.stdout)


def test_python_and_javascript_cut_text_alike() -> None:
    script = f"const s = require({json.dumps(str(CORE))}); console.log(JSON.stringify({json.dumps(SAMPLES)}.map(s.terms)))"
    assert run_node(script) == [terms(sample) for sample in SAMPLES]


def index_files() -> dict[str, str]:
    sections = [Section("index.html", "首页", "欢迎。"),
                Section("lessons/a.html", "认识冰毒", "冰毒是合成毒品。冰毒危害大。"),
                Section("lessons/a.html#harm", "危害", "Methamphetamine damages the brain."),
                *[Section(f"lessons/p{i}.html", f"第{i}课", "远离毒品，报道新闻。") for i in range(CHUNK + 3)]]
    return build_index(sections, {"lessons/a.html": {"bingdu": 4, "bd": 4}, "lessons/p0.html": {"bd": 1}})


def query(files: dict[str, str], text: str) -> list[list[str]]:
    """Run the worker's steps in Node over the given index files; the locations of the result groups."""
    script = f"""
const core = require({json.dumps(str(CORE))});
const files = {json.dumps(files, ensure_ascii=False)};
const store = {{meta: null, t: {{}}, d: {{}}, add(kind, name, data) {{ if (kind === "meta") this.meta = data; else this[kind][name] = data; }}}};
const load = (name) => new Function("__dlSearch", files[name])(store);
load("meta.js");
const plan = core.plan({json.dumps(text, ensure_ascii=False)});
core.shardsFor(plan, store.meta.han_shards).filter((n) => store.meta.shards.includes(n)).forEach((n) => load("t-" + n + ".js"));
const groups = core.group(core.score(plan, store.t, store.meta), store.meta);
const locations = groups.map((g) => [g.first, ...g.sections.map((s) => s[0])].map((n) => {{
  const chunk = Math.floor(n / store.meta.chunk);
  load("d-" + chunk + ".js");
  return store.d[chunk][n % store.meta.chunk][0];
}}));
console.log(JSON.stringify(locations));
"""
    return run_node(script)  # type: ignore[return-value]


def test_queries_find_chinese_words_pinyin_and_english() -> None:
    files = index_files()
    assert query(files, "冰毒")[0][0] == "lessons/a.html"
    assert query(files, "bingdu") == [["lessons/a.html", "lessons/a.html"]]
    assert [group[0] for group in query(files, "bd")][:2] == ["lessons/a.html", "lessons/p0.html"]
    assert query(files, "methamph") == [["lessons/a.html", "lessons/a.html#harm"]]
    assert query(files, "海洛因") == []


def test_index_is_split_into_shards_and_chunks() -> None:
    files = index_files()
    meta = json.loads(files["meta.js"].split(",", 2)[2].rsplit(")", 1)[0])
    assert meta["sections"] == CHUNK + 6 and meta["pages"][:3] == [0, 1, 3]
    assert {"meta.js", "d-0.js", "d-1.js", "t-b.js", "t-m.js"} <= set(files)
    assert all(name.startswith(("t-", "d-", "meta")) for name in files)
    assert "冰毒" not in files["t-b.js"] and "bingdu" in files["t-b.js"]
