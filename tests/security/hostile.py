"""The hostile corpus: strings an attacker (or a careless paste) puts into content, and a project made of them.

Every payload that runs calls ``__xss(n)`` (or ``alert``), which the browser test counts. ``hostile_project``
writes the mini fixture project with every text field of every content kind, and the config's labels, set to
hostile strings: each field gets all payloads, starting at a different one, so every payload is tried first
in some field of every kind (a payload that swallows what follows cannot hide the others everywhere).
"""

from __future__ import annotations

import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator import model as content_model

PAYLOADS: list[str] = [
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

#: Plain text with markup characters that must render as text (not be eaten, not be refused).
PLAIN_WITH_MARKS = "A & B < C > D \"quoted\" 'single' 46"


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


class _Rotation:
    def __init__(self) -> None:
        self.count = 0

    def next(self) -> str:
        start = self.count % len(PAYLOADS)
        self.count += 1
        ordered = PAYLOADS[start:] + PAYLOADS[:start]
        return "\n\n".join(ordered[:-1]) if start != len(PAYLOADS) - 1 else "\n\n".join(ordered)


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
