"""generator.media: what is published of an image carries no metadata, no script and no outside reference."""

from __future__ import annotations

import io

import pytest
from PIL import Image, PngImagePlugin

from generator.media import WEB_MAX_SIDE, ImageError, clean_image, image_problems, name_problem


def jpeg_with_gps(size: tuple[int, int] = (400, 200), orientation: int = 6) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    image.putpixel((0, 0), (0, 0, 255))  # a marker in the top-left corner, to see the rotation
    exif = Image.Exif()
    exif[0x0112] = orientation  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x013B] = "Photographer Name"  # Artist
    gps = {1: "N", 2: (20.0, 1.0, 30.0), 3: "E", 4: (110.0, 20.0, 10.0)}
    exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif, comment=b"shot at the rehab centre")
    return out.getvalue()


def test_a_photo_loses_gps_camera_photographer_and_comment_and_stands_upright() -> None:
    original = jpeg_with_gps()
    assert b"Photographer Name" in original and b"rehab centre" in original  # the test photo carries them
    cleaned = clean_image("events/photo.jpg", original).data
    for secret in (b"Photographer Name", b"CameraMaker", b"rehab centre", b"Exif"):
        assert secret not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert not image.getexif()
        assert image.size == (200, 400)  # orientation 6 applied: portrait now
        assert "comment" not in image.info


def test_png_text_chunks_and_xmp_are_dropped() -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Wang Wei")
    info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>GPS 20.5N</x:xmpmeta>")
    out = io.BytesIO()
    Image.new("RGB", (50, 50), "white").save(out, "PNG", pnginfo=info)
    cleaned = clean_image("a.png", out.getvalue()).data
    assert b"Wang Wei" not in cleaned and b"xmpmeta" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.size == (50, 50) and not image.text


def test_large_photos_are_scaled_down_and_cleaning_is_reproducible() -> None:
    big = jpeg_with_gps((4000, 3000), orientation=1)
    first, second = clean_image("big.jpg", big), clean_image("big.jpg", big)
    assert first.data == second.data
    assert (first.width, first.height) == (WEB_MAX_SIDE, 1200)
    assert len(first.data) < len(big)


@pytest.mark.parametrize(("name", "data"), [
    ("broken.jpg", b"\xff\xd8\xff\xe0 this is not really a JPEG"),
    ("broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40),
    ("random.png", bytes(range(256)) * 4),
    ("movie.mp4", b"\x00\x00\x00\x18ftypmp42"),
])
def test_a_corrupt_or_unknown_image_is_an_error(name: str, data: bytes) -> None:
    with pytest.raises(ImageError):
        clean_image(name, data)
    assert image_problems(name, data)


HOSTILE_SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" viewBox="0 0 10 10" onload="alert(1)" inkscape:version="1">
  <script>alert(2)</script>
  <style>@import url(https://evil.example/x.css); rect { fill: url(#g) }</style>
  <foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(3)"/></body></foreignObject>
  <a xlink:href="javascript:alert(4)"><rect width="5" height="5"/></a>
  <image href="https://tracker.example/pixel.png" width="1" height="1"/>
  <rect width="10" height="10" fill="url(#g)" onclick="alert(5)" style="fill:url(https://evil.example/f)"/>
  <use href="#g"/>
</svg>"""


def test_an_svg_is_rebuilt_without_scripts_handlers_or_outside_references() -> None:
    problems = image_problems("x.svg", HOSTILE_SVG)
    joined = " ".join(problems)
    for expected in ("<script>", "onload", "onclick", "<foreignObject>", "<a>", "tracker.example", "style"):
        assert expected in joined, (expected, problems)
    cleaned = clean_image("x.svg", HOSTILE_SVG).data.decode()
    for gone in ("alert", "script", "onload", "onclick", "foreignObject", "javascript:", "evil.example",
                 "tracker.example", "@import", "inkscape"):
        assert gone not in cleaned, gone
    assert 'href="#g"' in cleaned and "<rect" in cleaned  # the drawing itself stays


@pytest.mark.parametrize("svg", [
    b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
    b"<svg xmlns='http://www.w3.org/2000/svg'><rect></svg>",
    b"<html><body>not svg</body></html>",
])
def test_entities_broken_xml_and_non_svg_are_refused(svg: bytes) -> None:
    with pytest.raises(ImageError):
        clean_image("x.svg", svg)


def test_the_example_drawings_publish_without_a_problem() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "content" / "images"
    drawings = sorted(root.rglob("*.svg"))
    assert drawings
    for path in drawings:
        assert image_problems(path.name, path.read_bytes()) == [], path


@pytest.mark.parametrize(("path", "ok"), [
    ("events/haikou-626-hall.svg", True), ("a_b.C1.png", True),
    ('x" onerror="alert(1).png', False), ("photo 1.jpg", False), ("照片.jpg", False), (".hidden.png", False),
    ("a/../b.png", False), ("<b>.png", False), ("a%20b.png", False),
])
def test_file_names_outside_the_safe_set_are_named(path: str, ok: bool) -> None:
    problem = name_problem(path)
    assert (problem is None) == ok
    if not ok:
        assert "letters a–z and A–Z, digits" in problem
