"""Hostile content texts and a checker for script-capable HTML, shared by the markup and output tests.

``HOSTILE`` holds Markdown that tries to run a script once rendered: constructs Python-Markdown passes
through as they are but browsers end at the first ``>`` (comments, processing instructions,
CDATA-like and bogus openers), ``javascript:`` links written every way (inline, reference definitions
inside a blockquote, list item or admonition, entity-encoded, split by a line break, autolinks),
raw elements and attribute lists. ``script_capable(html)`` lists what in an HTML text could run a
script: an event handler, a ``javascript:``-like URL, a script element other than JSON data, or an
element that loads or embeds something.
"""

from __future__ import annotations

import html
import json
import re
import types
import typing
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator import model as content_model
from generator.model import Project, iter_texts

PAYLOAD = "<img src=x onerror=alert(1)>"

HOSTILE: list[str] = [
    f"<!-- --!>{PAYLOAD} -->",
    f"<!-->{PAYLOAD}-->",
    f"<!--->{PAYLOAD}-->",
    f"<?php >{PAYLOAD} ?>",
    f"<![CDATA[ >{PAYLOAD} ]]>",
    f"<!X >{PAYLOAD}>",
    f"text <!-- x --!>{PAYLOAD}",
    "> [click][x]\n>\n> [x]: javascript:alert(1)",
    "- item [click][x]\n\n    [x]: javascript:alert(1)",
    "1. first\n2. [click][x]\n\n    > [x]: javascript:alert(1)",
    "!!! note\n\n    [click][x]\n\n    [x]: javascript:alert(1)",
    '!!! warning "t"\n    > - [click](javascript:alert(1))',
    '??? note "t"\n    [click](javascript:alert(1))',
    "Term\n:   [click][x]\n\n[x]: javascript:alert(1)",
    "[click](jav&#x61;script:alert(1))",
    "[click](&#106;avascript&colon;alert(1))",
    "[click](java\nscript:alert(1))",
    "[click](<javascript:alert(1)>)",
    "[click]( JaVaScRiPt:alert(1) )",
    "[click](\x01javascript:alert(1))",
    "<javascript:alert(1)>",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html,<script>alert(1)</script>)",
    "![x](javascript:alert(1))",
    "<script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "`</script>` <script>alert(1)</script>",
    'text {: onclick="alert(1)" }',
    "# heading {: onmouseover=alert(1) }",
    "para\n{: .x onclick=alert(1) }",
    '<a href="javascript:alert(1)">x</a>',
    PAYLOAD,
    "<svg onload=alert(1)>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    "<details open ontoggle=alert(1)>x</details>",
    '<span class="dl-quiz" data-quiz-src="x" style="background:url(javascript:alert(1))">x</span>',
    f"<math><mtext><table><mglyph><style>{PAYLOAD}",
    f'<noscript><p title="</noscript>{PAYLOAD}">',
    f"<table><tr><td>{PAYLOAD}</td></tr></table>",
    f"| a |\n|---|\n| <b onclick=alert(1)>x</b> {PAYLOAD} |",
    "### dl-quiz-data-basics",
]

_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "srcset", "data"}
_EMBEDDING = {"script", "iframe", "object", "embed", "img", "svg", "math", "frame", "frameset", "base", "link",
              "meta", "form", "video", "audio", "source", "style", "template", "input", "button"}
_SAFE_URL = re.compile(r"^(?:https?:|mailto:|tel:|[^:]*$|[^:]*[/?#])", re.I)


class _Scan(HTMLParser):
    def __init__(self, allow_json_scripts: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.allow_json_scripts = allow_json_scripts
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and self.allow_json_scripts and values.get("type") == "application/json":
            pass  # data, not code
        elif tag in _EMBEDDING:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "srcdoc":
                self.found.append(f"{tag}[{name}]")
            elif name in _URL_ATTRIBUTES and value is not None:
                url = re.sub(r"[\x00-\x20]", "", html.unescape(value))
                if not _SAFE_URL.match(url):
                    self.found.append(f"{tag}[{name}={value}]")
            elif name == "style" and value and re.search(r"url\(|expression|javascript", value, re.I):
                self.found.append(f"{tag}[style={value}]")
            elif name == "id" and value and value.startswith("dl-") and tag != "script":
                self.found.append(f"{tag}[id={value}]")

        self.in_script = tag == "script" and values.get("type") != "application/json"

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and re.search(r"alert|msgbox", data):
            self.found.append(f"script running {data.strip()[:40]!r}")


def script_capable(text: str, *, allow_json_scripts: bool = False) -> list[str]:
    """What in ``text`` (HTML) could run a script or load something; ``[]`` when nothing can."""
    scan = _Scan(allow_json_scripts)
    scan.feed(text)
    scan.close()
    return scan.found


def page_script_findings(page: str) -> list[str]:
    """What in a whole built page could run one of ``HOSTILE``'s scripts: event handlers, unsafe URLs,
    a script element holding a payload, and the embedded quiz/training data's HTML values (the quiz
    engine puts them into the page). The theme's own elements (its scripts, icons, search form) pass."""
    found = [f for f in script_capable(page, allow_json_scripts=True) if not re.fullmatch(r"<\w+>", f)]
    for data in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', page, re.S):
        found += [f"data: {f}" for value in html_values(json.loads(data)) for f in script_capable(value)]
    return found


def html_values(data: object) -> list[str]:
    """Every ``…html`` string value in quiz or training data (what the engine writes into the page)."""
    if isinstance(data, dict):
        return [x for key, value in data.items()
                for x in ([value] if key.endswith("html") and isinstance(value, str) else html_values(value))]
    if isinstance(data, list):
        return [x for item in data for x in html_values(item)]
    return []


def poison(project: Project) -> Project:
    """``project`` with every content text (titles, bodies, options, notes, alt texts …) of every item
    replaced by strings of :data:`HOSTILE`, in every language, as if they had slipped past ``check``;
    site_config is left alone."""
    items = [*project.lessons.values(), *project.events.values(), *project.quizzes.values(), *project.training.values(),
             *project.lecturers.values(), *project.glossary.values(), *project.laws.values(), *project.help_centres.values()]
    count = 0
    for item in items:
        for _path, text in iter_texts(item, ()):
            for lang in text.values:
                text.values[lang] = f"{HOSTILE[count % len(HOSTILE)]} {count}"
                count += 1
    assert count > len(HOSTILE), "too few texts to place every hostile string"
    return project


# --- a whole project of hostile texts, for the browser test (tests/browser/test_hostile_corpus.py) ----

#: More payloads, each calling ``__xss(n)`` so the browser test can say which one ran (it counts
#: ``alert`` too, so ``HOSTILE`` is run there as well).
COUNTED: list[str] = [
    "<script>__xss(1)</script>",
    "</script><script>__xss(2)</script>",
    "<img src=x onerror=__xss(3)>",
    "<!--><img src=x onerror=__xss(4)>-->",
    "<?x><img src=x onerror=__xss(5)>?>",
    "<![CDATA[><img src=x onerror=__xss(6)>]]>",
    "<svg onload=__xss(7)>",
    "[click 8](javascript:__xss(8))",
    "[click 9][r9]\n\n[r9]: javascript:__xss(9)",
    "> [quote 10][r10]\n>\n> [r10]: javascript:__xss(10)",
    "- [item 11][r11]\n\n    [r11]: javascript:__xss(11)",
    "!!! note\n    [admonition 12][r12]\n\n    [r12]: javascript:__xss(12)",
    "[entity 13](&#106;avascript:__xss(13))",
    "[case 14](JaVaScRiPt:__xss(14))",
    "[space 15](  javascript:__xss(15))",
    '<a href="javascript:__xss(16)">raw 16</a>',
    '<a href="&#x6A;avascript:__xss(17)">hex 17</a>',
    "{{ 7*7 }} {{ config }} {% raw %}",
    "{% for x in range(3) %}{{x}}{% endfor %}",
    'attribute list{: onclick="__xss(20)" }',
    "heading attr {: onmouseover=__xss(21) }",
    '<iframe src="javascript:__xss(22)"></iframe>',
    '<iframe srcdoc="<script>parent.__xss(23)</script>"></iframe>',
    '<object data="javascript:__xss(24)"></object>',
    '<embed src="javascript:__xss(25)">',
    '<form action="javascript:__xss(26)"><button>go 26</button></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=__xss(27)>",
    "<details open ontoggle=__xss(28)>",
    "<body onload=__xss(29)>",
    "<style>@import 'http://evil.example/x.css'; body{background:url(http://evil.example/b)}</style>",
    '<meta http-equiv="refresh" content="0;url=javascript:__xss(31)">',
    '<base href="javascript:__xss(32)//">',
    '"><img src=x onerror=__xss(33)>',
    "'><svg onload=__xss(34)>",
    "\u202eright-to-left override 35",
    "zero\u200bwidth\u200c\u200djoiners\ufeff 36",
    '<a href="data:text/html,<script>__xss(37)</script>">data 37</a>',
    "[vb 38](vbscript:__xss(38))",
    '![img 39](x" onerror="__xss(39))',
    '<img src="x" onerror="__xss(40)"/>',
    "<scr<script>ipt>__xss(41)</script>",
    '<noscript><p title="</noscript><img src=x onerror=__xss(42)>">',
    '<svg><a xlink:href="javascript:__xss(43)"><text y="20">svg 43</text></a></svg>',
    "[colon 44](javascript&colon;__xss(44))",
    "<javascript:__xss(45)>",
    "A & B < C > D \"quoted\" 'single' 46",
    "<textarea></textarea><img src=x onerror=__xss(47)>",
    "`code` <span style=\"background:url(javascript:__xss(48))\">48</span>",
    "w" * 10_000,
]


def _is_text(annotation: Any) -> bool:
    if annotation is content_model.Text:
        return True
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, tuple, dict, typing.Annotated):
        return any(_is_text(arg) for arg in typing.get_args(annotation))
    return False


def text_fields() -> set[str]:
    """Every field name that holds text (Text, list[Text], dict of Text) in any content model class."""
    names: set[str] = set()
    for value in vars(content_model).values():
        if isinstance(value, type) and issubclass(value, BaseModel):
            for name, field in value.model_fields.items():
                if _is_text(field.annotation):
                    names.add(name)
    return names


#: Everything the browser test puts into the project.
EVERY_PAYLOAD = [*HOSTILE, *COUNTED]


class _Rotation:
    """Each text gets every payload, starting at a different one (a payload that swallows what follows
    cannot hide the others in every field)."""

    def __init__(self) -> None:
        self.count = 0

    def next(self) -> str:
        start = self.count % len(EVERY_PAYLOAD)
        self.count += 1
        return "\n\n".join(EVERY_PAYLOAD[start:] + EVERY_PAYLOAD[:start])


def _poison(node: Any, fields: set[str], rotation: _Rotation, key: str | None = None) -> Any:
    if isinstance(node, dict):
        if key in fields and node and all(isinstance(k, str) and len(k) <= 3 for k in node):
            return {lang: rotation.next() for lang in node}  # {zh: …, en: …}
        return {k: _poison(v, fields, rotation, k if isinstance(k, str) else key) for k, v in node.items()}
    if isinstance(node, list):
        return [_poison(item, fields, rotation, key) for item in node]
    if isinstance(node, str) and key in fields:
        return rotation.next()
    return node


def hostile_project(root: Path, make_project: Any) -> Path:
    """The mini project with every text field (content and config labels) replaced by hostile strings."""
    project = make_project(root, base="mini")
    # audiences, settings, regions and topics are label tables in the config but lists of ids in content
    fields = (text_fields() | {"site_name", "organisation", "tagline", "about"}) - {"audiences", "settings", "regions",
                                                                                   "topics", "supplied_by"}
    rotation = _Rotation()
    for path in sorted([*project.rglob("*.yml")]):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "site_config.yml":
            for table in ("audiences", "settings", "regions", "topics"):
                if isinstance(data.get(table), dict):
                    data[table] = {k: {lang: rotation.next()[:200] for lang in v} if isinstance(v, dict) else v
                                   for k, v in data[table].items()}
        poisoned = _poison(data, fields, rotation)
        path.write_text(yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    return project
