"""What the build publishes of an image: the cleaned copy, on the site and in the kits, never the original."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_media import jpeg_with_gps

from generator.build import build
from generator.errors import BuildError, ContentError
from generator.kits.cli_support import kits_only


def photo_project(tmp_path: Path, make_project) -> Path:
    project = make_project(tmp_path / "p", base="mini")
    (project / "content" / "images" / "events" / "hall.jpg").write_bytes(jpeg_with_gps((3000, 2000), orientation=6))
    (project / "content" / "images" / "snack.jpg").write_bytes(jpeg_with_gps((800, 600), orientation=1))
    for rel, old, new in (("content/events/community-talk.yml", "images/events/hall.svg", "images/events/hall.jpg"),
                          ("content/lessons/new-drugs.yml", "images/snack.svg", "images/snack.jpg")):
        path = project / rel
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return project


def test_site_and_kits_publish_photos_without_gps_camera_or_photographer(tmp_path: Path, make_project) -> None:
    from PIL import Image

    project = photo_project(tmp_path, make_project)
    original = (project / "content" / "images" / "events" / "hall.jpg").read_bytes()
    assert b"Photographer Name" in original
    out = build(project, out=tmp_path / "site", with_kits=False).out
    published = (out / "media" / "images" / "events" / "hall.jpg").read_bytes()
    for secret in (b"Photographer Name", b"CameraMaker", b"rehab centre", b"Exif"):
        assert secret not in published
    with Image.open(out / "media" / "images" / "events" / "hall.jpg") as image:
        assert image.size == (1067, 1600)  # upright (orientation 6) and at most 1600 px
    assert (project / "content" / "images" / "events" / "hall.jpg").read_bytes() == original  # content untouched
    report = kits_only(project, out=tmp_path / "kits-out", edition="lecturer", workers=1)
    plans = [entry["path"] for entry in report.entries if entry["kind"] == "plan" and entry.get("lesson") == "new-drugs"]
    assert plans
    for rel in plans:
        pdf = (tmp_path / "kits-out" / rel).read_bytes()
        assert b"Photographer Name" not in pdf and b"CameraMaker" not in pdf


def test_a_corrupt_image_stops_the_build_at_its_line(tmp_path: Path, make_project) -> None:
    project = photo_project(tmp_path, make_project)
    (project / "content" / "images" / "snack.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    with pytest.raises(ContentError) as caught:
        build(project, out=tmp_path / "site", with_kits=False)
    problems = [str(d) for d in caught.value.diagnostics.errors]
    assert any(p.startswith("content/lessons/new-drugs.yml:") and "not a readable JPEG picture" in p for p in problems)
    assert not (tmp_path / "site").exists()


def test_the_publishing_step_refuses_a_corrupt_image_even_without_the_check(tmp_path: Path) -> None:
    from generator.media import prepare_media

    (tmp_path / "content" / "images").mkdir(parents=True)
    (tmp_path / "content" / "images" / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    with pytest.raises(BuildError, match=r"content/images/x\.png: the file is not a readable PNG picture"):
        prepare_media(tmp_path, tmp_path / "content", ["images/x.png"], "web")
