"""A Content-Security-Policy for every page: only the site's own scripts run.

Defence in depth behind the sanitiser: should a script ever reach a page through content, the browser
refuses to run it. A ``<meta http-equiv>`` policy is used because the site is opened from ``file://`` and
from any web server, where nobody sets headers for us. It allows:

* scripts from the site's own files and the few inline scripts the theme writes, each by the SHA-256 hash
  of its text (computed per page after the build, so a script that content smuggled in has no hash);
* styles from the site's files and inline (the theme sets colours and sizes in ``style`` attributes; CSS
  cannot run scripts in today's browsers);
* images, fonts and media from the site and ``data:``/``blob:`` URLs; the search worker from ``blob:``;
* no plugins (``object-src 'none'``), no ``<base>`` (``base-uri 'none'``), no form posting anywhere.

``'self'`` alone does not match ``file:`` pages in every browser, so ``file:`` is listed next to it: from a
USB stick every file is the site's own. Nothing else, and no other host, is allowed. A meta policy cannot
set ``frame-ancestors`` or reporting; a school's web server can add those as headers (docs/security.md).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from pathlib import Path

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.I)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.I)
_EXISTING = re.compile(r"<meta\s+http-equiv=\"Content-Security-Policy\"[^>]*>\s*", re.I)


FILE_WORKER = Path(__file__).resolve().parents[2] / "theme" / "assets" / "javascripts" / "iframe-worker.js"
_BOOTSTRAP = re.compile(r'var BOOTSTRAP = ("(?:[^"\\]|\\.)*");')


def script_source(script: str) -> str:
    """The CSP source (``'sha256-…'``) that allows one inline script with exactly this text."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


@cache
def iframe_worker_hash() -> str:
    """The hash of the one inline script iframe-worker.js writes into its iframe (search from ``file://``)."""
    found = _BOOTSTRAP.search(FILE_WORKER.read_text(encoding="utf-8"))
    if found is None:
        raise RuntimeError(f"{FILE_WORKER} lost its BOOTSTRAP string: the search iframe would be blocked")
    return script_source(json.loads(found.group(1)))


def inline_script_hashes(html: str) -> list[str]:
    """``'sha256-…'`` sources for every inline script the browser would run, in page order, once each."""
    hashes: list[str] = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I):
            continue
        kind = _TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") not in _EXECUTABLE_TYPES:
            continue  # JSON data islands are not run
        source = script_source(match.group("body"))
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(script_hashes: list[str]) -> str:
    local = "'self' file:"
    return "; ".join([
        "default-src 'none'",
        f"script-src {local} {' '.join(script_hashes)}".rstrip(),
        f"style-src {local} 'unsafe-inline'",
        f"img-src {local} data: blob:",
        f"font-src {local} data:",
        f"media-src {local} data: blob:",
        f"connect-src {local} data: blob:",
        f"worker-src {local} blob:",
        f"frame-src {local} blob: data:",
        f"child-src {local} blob: data:",
        f"manifest-src {local}",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def add_policy(html: str) -> str:
    """``html`` with its policy as the first element of ``<head>`` after the charset (replacing an old one)."""
    html = _EXISTING.sub("", html)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy([*inline_script_hashes(html), iframe_worker_hash()])}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return tag + html
    return html[: anchor.end()] + tag + html[anchor.end():]
