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
from html.parser import HTMLParser

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
