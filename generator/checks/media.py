"""Files and media: images inside ``content/``, present, a web-safe format, with a safe file name, that
decode (an SVG without scripts, event handlers or outside references), with alt text; photos of people
need ``consent: true``."""

from __future__ import annotations

import re
from pathlib import Path

from .. import model
from ..errors import Diagnostics, Location
from ..media import image_problems, name_problem
from ..yamlload import Document, PathKey

IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif"}


def check_image(
    project: model.Project, doc: Document, path: PathKey, image: model.Image | None, diagnostics: Diagnostics, *, photo: bool = False,
) -> None:
    """One image (or photo) field at ``path``."""
    if image is None:
        return
    src = image.src.strip()
    where = doc.loc((*path, "src"))
    if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I) or src.startswith("//"):
        diagnostics.error(where, f"image address '{src}' points to another host: the site must work offline; put the file under content/ and give its path", code="DL401")
    elif src.startswith("/") or "\\" in src or ".." in src.split("/"):
        diagnostics.error(where, f"image path '{src}' must be relative to content/ and stay inside it (no leading /, no ..)", code="DL402")
    elif (problem := name_problem(src)) is not None:
        diagnostics.error(where, f"image '{src}': {problem}; rename the file", code="DL408")
    else:
        file = project.content_dir / src
        try:
            inside = file.resolve().is_relative_to(project.content_dir.resolve())
        except OSError:
            inside = False
        if not inside:
            diagnostics.error(where, f"image '{src}' lies outside content/ (a link?): refused", code="DL402")
        elif not file.is_file():
            diagnostics.error(where, f"image not found: content/{src}", code="DL403")
        elif file.suffix.lower() not in IMAGE_TYPES:
            diagnostics.error(where, f"image '{src}' is not a web image ({', '.join(sorted(IMAGE_TYPES))})", code="DL404")
        else:
            _check_image_file(file, src, where, diagnostics)
    if image.alt is None:
        diagnostics.error(doc.loc(path), f"{'photo' if photo else 'image'} '{src}' has no alt text: add `alt: {{zh: …, en: …}}` describing it", code="DL405")
    if photo and not getattr(image, "consent", False):
        diagnostics.error(doc.loc(path), f"photo '{src}' is not marked `consent: true`: publish only photos everyone shown agreed to", code="DL406")


def _check_image_file(file: Path, src: str, where: Location, diagnostics: Diagnostics) -> None:
    """The file itself: a raster image that decodes, an SVG without scripts or outside references."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        diagnostics.error(where, f"image '{src}' cannot be read: {exc.strerror or exc}", code="DL407")
        return
    for problem in image_problems(src, data):
        diagnostics.error(where, f"image '{src}': {problem}", code="DL407")


def check_lesson_media(project: model.Project, lesson: model.Lesson, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    for i, section in enumerate(lesson.sections):
        check_image(project, doc, (*base, "sections", i, "image"), section.image, diagnostics)


def check_event_media(project: model.Project, event: model.Event, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    if event.report:
        for i, photo in enumerate(event.report.photos):
            check_image(project, doc, (*base, "report", "photos", i), photo, diagnostics, photo=True)


def check_lecturer_media(project: model.Project, lecturer: model.Lecturer, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    check_image(project, doc, (*base, "photo"), lecturer.photo, diagnostics)
