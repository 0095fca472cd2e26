"""Files and media: images inside ``content/``, present, a web-safe format, with alt text; photos of
people need ``consent: true``."""

from __future__ import annotations

import re

from .. import model as m
from ..errors import Diagnostics
from ..yamlload import Document, PathKey

IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif"}


def check_image(
    project: m.Project, doc: Document, path: PathKey, image: m.Image | None, diagnostics: Diagnostics, *, photo: bool = False,
) -> None:
    """One image (or photo) field at ``path``."""
    if image is None:
        return
    src = image.src.strip()
    where = doc.loc((*path, "src"))
    if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I) or src.startswith("//"):
        diagnostics.error(where, f"image address '{src}' points to another host: the site must work offline; put the file under content/ and give its path")
    elif src.startswith("/") or "\\" in src or ".." in src.split("/"):
        diagnostics.error(where, f"image path '{src}' must be relative to content/ and stay inside it (no leading /, no ..)")
    else:
        file = project.content_dir / src
        try:
            inside = file.resolve().is_relative_to(project.content_dir.resolve())
        except OSError:
            inside = False
        if not inside:
            diagnostics.error(where, f"image '{src}' lies outside content/ (a link?): refused")
        elif not file.is_file():
            diagnostics.error(where, f"image not found: content/{src}")
        elif file.suffix.lower() not in IMAGE_TYPES:
            diagnostics.error(where, f"image '{src}' is not a web image ({', '.join(sorted(IMAGE_TYPES))})")
    if image.alt is None:
        diagnostics.error(doc.loc(path), f"{'photo' if photo else 'image'} '{src}' has no alt text: add `alt: {{zh: …, en: …}}` describing it")
    if photo and not getattr(image, "consent", False):
        diagnostics.error(doc.loc(path), f"photo '{src}' is not marked `consent: true`: publish only photos everyone shown agreed to")


def check_lesson_media(project: m.Project, lesson: m.Lesson, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    for i, section in enumerate(lesson.sections):
        check_image(project, doc, (*base, "sections", i, "image"), section.image, diagnostics)


def check_event_media(project: m.Project, event: m.Event, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    if event.report:
        for i, photo in enumerate(event.report.photos):
            check_image(project, doc, (*base, "report", "photos", i), photo, diagnostics, photo=True)


def check_lecturer_media(project: m.Project, lecturer: m.Lecturer, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    check_image(project, doc, (*base, "photo"), lecturer.photo, diagnostics)
