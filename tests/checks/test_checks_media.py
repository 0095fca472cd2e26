"""generator.checks.media: images that would break or attack a page are errors at the image's src line."""

from __future__ import annotations

import pytest
from samples import LESSON, png

SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'


def lesson_with(src: str) -> str:
    return LESSON + f"    image: {{src: '{src}', alt: {{zh: 图, en: Picture}}}}\n"


@pytest.mark.parametrize("name,data,problem", [
    ("images/p.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 16, "the file is not a readable PNG picture"),
    ("images/a.svg", f"{SVG_HEAD}<script>alert(1)</script></svg>".encode(), "the SVG has a <script> element"),
    ("images/a.svg", f'{SVG_HEAD}<rect onload="alert(1)"/></svg>'.encode(), "the SVG has an event handler (onload=…)"),
    ("images/a.svg", f'{SVG_HEAD}<image href="https://evil.example/x.png"/></svg>'.encode(), "the SVG refers to"),
    ("images/a.svg", f'<!DOCTYPE svg [<!ENTITY x "y">]>{SVG_HEAD}</svg>'.encode(), "the SVG file has a DOCTYPE or ENTITY"),
])
def test_corrupt_and_hostile_images_are_errors_at_their_src(lines, name: str, data: bytes, problem: str) -> None:
    found = lines({"content/lessons/x.yml": lesson_with(name), f"content/{name}": data})
    assert len(found) == 1 and found[0].startswith(f"content/lessons/x.yml:10:18: error: image '{name}': {problem}")


def test_an_unsafe_file_name_is_refused_with_the_allowed_characters(lines) -> None:
    name = 'images/a" onerror="alert(1).png'
    assert lines({"content/lessons/x.yml": lesson_with(name), f"content/{name}": png()}) == [
        f"content/lessons/x.yml:10:18: error: image '{name}': the file name 'a\" onerror=\"alert(1).png' has characters "
        "that are not allowed: use only letters a–z and A–Z, digits, '-', '_' and '.' (starting with a letter or digit); "
        "rename the file"]


def test_clean_images_pass(lines) -> None:
    assert lines({"content/lessons/x.yml": lesson_with("images/p.png"), "content/images/p.png": png()}) == []
    svg = f'{SVG_HEAD}<rect width="5" height="5" fill="#c00"/></svg>'.encode()
    assert lines({"content/lessons/x.yml": lesson_with("images/a.svg"), "content/images/a.svg": svg}) == []
