"""The training-records feature's words: the roster's columns and flags, and the organisation's certificate.

They live in the one string catalogue (``generator/locale/<lang>/LC_MESSAGES/dandelion.po``) under the
prefixes named here (``roster.*``, ``flag.*``, ``certificate.*``; the learner's completion record uses
``training.*``); this module only names the prefixes for the callers.
"""

from __future__ import annotations

from .i18n import catalogue

ROSTER = "roster"
#: One text per flag code; the roster's flag column joins them with "；" / "; ".
FLAGS = "flag"
CERTIFICATE = "certificate"


def text(prefix: str, key: str, lang: str, **params: object) -> str:
    """The catalogue's ``<prefix>.<key>`` in ``lang``, its ``{placeholders}`` filled in."""
    return catalogue(lang).gettext(f"{prefix}.{key}", **params)
