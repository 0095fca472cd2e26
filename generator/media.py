"""Published images: what leaves the content folder is cleaned first, never copied byte for byte.

Event photos carry EXIF (GPS coordinates, camera, photographer), XMP, IPTC and comments; SVG drawings can
carry scripts, event handlers and references to other hosts. Every image the site or the kits publish goes
through :func:`clean_image`:

* raster images (JPEG, PNG, WebP, GIF) are decoded, turned upright by their EXIF orientation, scaled down to
  at most ``max_side`` pixels on the long edge, and encoded again with no metadata at all (the ICC colour
  profile is kept: it is colour, not information about anybody). A file Pillow cannot decode is an error,
  not a silently missing picture.
* SVG is parsed as XML and rebuilt from an allow-list: no ``<script>``, ``<foreignObject>``, event handler,
  ``javascript:`` link, DOCTYPE or entity, and no reference to anything but the drawing itself (``#id``).

:func:`image_problems` says what an editor must fix (for ``dandelion check``, with the file's location);
:func:`clean_image` is what renderers publish. Both are pure functions of the bytes, so results can be
cached by content hash.
"""

from __future__ import annotations

import hashlib
import io
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: Changed whenever cleaning changes, so that cached copies are made again.
CLEANER_VERSION = "1"
#: Long edge of a web copy: sharp on a phone and a projector, a fraction of a camera's 6,000 px.
WEB_MAX_SIDE = 1600
#: Long edge of a print copy: an A4 width at about 240 dpi.
PRINT_MAX_SIDE = 2000
#: File names the site and kits accept: they reach HTML attributes and URLs, so nothing that needs quoting.
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
SAFE_NAME_RULE = "letters a–z and A–Z, digits, '-', '_' and '.' (starting with a letter or digit)"
RASTER_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}

_SVG = "http://www.w3.org/2000/svg"
_XLINK = "http://www.w3.org/1999/xlink"
_SVG_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
    "pattern", "marker", "filter", "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feFlood",
    "feComposite", "feMerge", "feMergeNode", "feDropShadow", "image", "style", "metadata",
}
_DROPPED_ELEMENTS = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video", "animate", "set",
                     "animateTransform", "animateMotion", "handler", "listener"}
_URL_IN_CSS = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)", re.I)
_CSS_IMPORT = re.compile(r"@import", re.I)


class ImageError(ValueError):
    """The image cannot be published; the message says why in an editor's words."""


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    width: int | None = None
    height: int | None = None


def suffix_of(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


def name_problem(relative_path: str) -> str | None:
    """Why a media path is refused (each part must be a safe file name), or ``None``."""
    for part in relative_path.split("/"):
        if not SAFE_NAME.fullmatch(part):
            return f"the file name {part!r} has characters that are not allowed: use only {SAFE_NAME_RULE}"
    return None


def image_problems(name: str, data: bytes) -> list[str]:
    """What is wrong with an image an editor added (empty when it can be published)."""
    suffix = suffix_of(name)
    if suffix == ".svg":
        try:
            return _svg(data)[1]
        except ImageError as exc:
            return [str(exc)]
    try:
        clean_image(name, data, max_side=64)  # decoding is what finds a corrupt file; the size does not matter
    except ImageError as exc:
        return [str(exc)]
    return []


def clean_image(name: str, data: bytes, *, max_side: int = WEB_MAX_SIDE) -> CleanImage:
    """The bytes to publish for image ``name``: no metadata, upright, at most ``max_side`` px (SVG: sanitised)."""
    suffix = suffix_of(name)
    if suffix == ".svg":
        return CleanImage(_svg(data)[0])
    if suffix not in RASTER_FORMATS:
        raise ImageError(f"{suffix or 'a file without an extension'} is not an image format the site publishes "
                         f"(use .jpg, .png, .webp, .gif or .svg)")
    return _raster(data, RASTER_FORMATS[suffix], max_side)


def _raster(data: bytes, fmt: str, max_side: int) -> CleanImage:
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        image = Image.open(io.BytesIO(data))
        image.load()
    except Image.DecompressionBombError:
        raise ImageError("the picture has too many pixels to be a photo (a decompression bomb?)") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ImageError(f"the file is not a readable {fmt} picture ({exc}): export it again") from None
    icc = image.info.get("icc_profile")
    frames = getattr(image, "n_frames", 1)
    if fmt != "GIF" or frames == 1:
        image = ImageOps.exif_transpose(image)
        if max(image.size) > max_side:
            image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    # A fresh info dict: nothing of the original's metadata (EXIF, XMP, IPTC, comments, text chunks) is written.
    image.info = {}
    out = io.BytesIO()
    options: dict[str, object] = {}
    if icc:
        options["icc_profile"] = icc
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        options.update(quality=88, optimize=True, progressive=True)
    elif fmt == "PNG":
        options.update(optimize=True)
    elif fmt == "WEBP":
        options.update(quality=88, method=4)
    elif fmt == "GIF" and frames > 1:
        options.update(save_all=True)
    image.save(out, format=fmt, **options)
    return CleanImage(out.getvalue(), *image.size)


def _local_name(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _svg(data: bytes) -> tuple[bytes, list[str]]:
    """(sanitised SVG, problems an editor must fix)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImageError("the SVG file is not UTF-8 text") from None
    if re.search(r"<!DOCTYPE|<!ENTITY", text, re.I):
        raise ImageError("the SVG file has a DOCTYPE or ENTITY declaration: save it as plain SVG without one")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise ImageError(f"the SVG file is not well-formed XML ({exc})") from None
    if _local_name(root.tag) != (_SVG, "svg"):
        raise ImageError("the file is not an SVG drawing (its root element is not <svg>)")
    problems: list[str] = []

    def external(reference: str) -> bool:
        value = reference.strip()
        return bool(value) and not value.startswith("#") and not value.lower().startswith("data:image/")

    def walk(element: ElementTree.Element) -> None:
        for child in list(element):
            namespace, local = _local_name(child.tag) if isinstance(child.tag, str) else ("", "")
            if namespace != _SVG or local not in _SVG_ELEMENTS:
                if local in _DROPPED_ELEMENTS or namespace == _SVG:
                    problems.append(f"the SVG has a <{local}> element, which is not published: remove it")
                element.remove(child)
                continue
            walk(child)
        for attribute in list(element.attrib):
            namespace, local = _local_name(attribute)
            value = element.attrib[attribute]
            if local.lower().startswith("on"):
                problems.append(f"the SVG has an event handler ({local}=…), which is not published: remove it")
                del element.attrib[attribute]
            elif local == "href" and namespace in ("", _XLINK):
                if external(value):
                    problems.append(f"the SVG refers to {value[:60]!r} outside the drawing: embed it or remove it")
                    del element.attrib[attribute]
            elif namespace not in ("", _XLINK, "http://www.w3.org/XML/1998/namespace"):
                del element.attrib[attribute]  # editor metadata (Inkscape, Illustrator): not needed to draw
            elif local == "style" and (_CSS_IMPORT.search(value) or any(external(u) for u in _URL_IN_CSS.findall(value))):
                problems.append("the SVG's style refers to something outside the drawing: remove the url(…) or @import")
                del element.attrib[attribute]
        _, local = _local_name(element.tag)
        if local == "style":
            css = element.text or ""
            if _CSS_IMPORT.search(css) or any(external(u) for u in _URL_IN_CSS.findall(css)):
                problems.append("the SVG's <style> refers to something outside the drawing: remove the url(…) or @import")
                element.text = ""
        if local == "metadata":
            element.clear()

    walk(root)
    ElementTree.register_namespace("", _SVG)
    ElementTree.register_namespace("xlink", _XLINK)
    cleaned = ElementTree.tostring(root, encoding="unicode")
    return cleaned.encode("utf-8"), problems


# --- the cleaned copies that the site and the kits publish -------------------------------------------

#: Where cleaned copies are kept between builds, per variant (``web``, ``print``), at the content's paths.
MEDIA_CACHE = ".dandelion-cache/media"
_VARIANTS = {"web": WEB_MAX_SIDE, "print": PRINT_MAX_SIDE}


def prepare_media(project_root: Path, content_dir: Path, sources: Iterable[str], variant: str) -> Path:
    """Cleaned copies of the images ``sources`` (paths under ``content_dir``) in one folder, at the same paths.

    A copy is made again only when its original changed (a content hash is kept beside it), so a rebuild
    costs one read of each image. A file that cannot be cleaned stops the build with its name.
    """
    from .errors import BuildError

    folder = project_root / MEDIA_CACHE / variant
    for src in sources:
        original = content_dir / src
        target = folder / src
        stamp = target.with_name(target.name + ".sha256")
        data = original.read_bytes()
        digest = hashlib.sha256(data + f"{variant}:{_VARIANTS[variant]}:{CLEANER_VERSION}".encode()).hexdigest()
        if target.is_file() and stamp.is_file() and stamp.read_text(encoding="ascii") == digest:
            continue
        try:
            cleaned = clean_image(src, data, max_side=_VARIANTS[variant])
        except ImageError as exc:
            raise BuildError(f"content/{src}: {exc}") from None
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(cleaned.data)
        stamp.write_text(digest, encoding="ascii")
    return folder
