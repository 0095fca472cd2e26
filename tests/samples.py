"""Small valid content files that tests start from and break one field at a time."""

LESSON = """\
title: {zh: 认识毒品, en: What drugs are}
audiences: [middle]
settings: [campus]
duration_minutes: 20
sections:
  - id: intro
    title: {zh: 开场, en: Opening}
    minutes: 20
    body: {zh: 正文, en: Body}
"""

EVENT = """\
title: {zh: 校园宣讲, en: Campus talk}
date: 2026-06-26
start: "09:30"
end: "11:00"
region: haikou
setting: campus
venue: {zh: 礼堂, en: Hall}
status: planned
"""


def png() -> bytes:
    """A real (tiny) PNG: `dandelion check` decodes every image, so a bare PNG signature is a corrupt file."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(out, "PNG")
    return out.getvalue()
