"""Turn a loaded YAML document into model objects, translating pydantic's errors for editors.

Pydantic knows *what* is wrong; this module says it in words an editor understands and points at
the line: the value's line for a wrong value, the key's line for an unknown key, the parent's line
for a missing field.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Diagnostics
from .model import Strict
from .yamlload import Document, PathKey

M = TypeVar("M", bound=BaseModel)

_KIND = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "str": "text",
    "list": "a list",
    "dict": "a map of keys and values",
    "model": "a map of keys and values",
}


def validate(
    doc: Document,
    model: type[M],
    diags: Diagnostics,
    *,
    data: Any = None,
    base: PathKey = (),
    default_lang: str,
    extra: dict[str, Any] | None = None,
) -> M | None:
    """Validate ``data`` (default: the whole document) found at ``base`` in ``doc`` as ``model``.

    ``extra`` adds fields the editor does not write (the id taken from the file name). Returns
    ``None`` after adding diagnostics when the data is invalid; a valid item's own
    :meth:`~generator.model.Strict.problems` are added as diagnostics and the item is returned.
    """
    value = doc.data if data is None else data
    if not isinstance(value, dict):
        what = "empty" if value is None else f"{_describe(value)}"
        diags.error(doc.loc(base), f"expected a map of keys and values here, but the {'file' if not base else 'entry'} is {what}", code="DL005")
        return None
    payload = dict(value)
    if extra:
        for k, v in extra.items():
            payload.setdefault(k, v)
    try:
        item = model.model_validate(payload, context={"default_lang": default_lang})
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        for err in errors:
            _report(doc, model, value, base, err, diags)
        if not all(err["type"] == "extra_forbidden" for err in errors):
            return None
        # Only misspelt or unknown keys: read the item without them, so that the checks after this one
        # (references, audiences, topics …) report the file's other mistakes in the same run, and other
        # files that point at this item do not get a second, misleading "unknown id" error.
        try:
            item = model.model_validate(_without(payload, [err["loc"] for err in errors]),
                                        context={"default_lang": default_lang})
        except ValidationError:
            return None
    if isinstance(item, Strict):
        for problem in item.problems():  # rules of the item alone, shared with `dandelion quiz import`
            report = diags.warning if problem.warning else diags.error
            report(doc.loc((*base, *problem.path), key=problem.key), problem.message, code="DL206")
    return item


def _without(data: Any, locations: list[tuple[Any, ...]]) -> Any:
    """A copy of ``data`` without the keys at ``locations`` (pydantic ``loc`` tuples; tags are skipped)."""
    drop = {tuple(_data_path(data, loc)[0]) for loc in locations}

    def copy(node: Any, path: PathKey) -> Any:
        if isinstance(node, dict):
            return {k: copy(v, (*path, k)) for k, v in node.items() if (*path, k) not in drop}
        if isinstance(node, list):
            return [copy(v, (*path, i)) for i, v in enumerate(node)]
        return node

    return copy(data, ())


def _report(doc: Document, model: type[BaseModel], data: Any, base: PathKey, err: Any, diags: Diagnostics) -> None:
    loc, field_path = _data_path(data, err["loc"])
    path = (*base, *loc)
    name = str(field_path[-1]) if field_path else ""
    kind = err["type"]
    where = _where(field_path)
    if kind == "missing":
        diags.error(doc.loc(path), f"missing required field `{err['loc'][-1]}`", code="DL201")
        return
    if kind == "extra_forbidden":
        allowed = _fields_at(model, err["loc"][:-1])
        hint = _did_you_mean(name, allowed)
        diags.error(doc.loc(path, key=True), f"unknown key `{name}`{hint}", code="DL202")
        return
    if kind in ("union_tag_invalid",):
        tag = err.get("ctx", {}).get("tag")
        expected = err.get("ctx", {}).get("expected_tags", "")
        diags.error(doc.loc((*path, "type")), f"unknown type '{tag}': use one of {expected.replace(chr(39), '')}{_did_you_mean(str(tag), [t.strip(' ' + chr(39)) for t in expected.split(',')])}", code="DL203")
        return
    if kind == "union_tag_not_found":
        diags.error(doc.loc(path), "missing required field `type`", code="DL201")
        return
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "").replace("'", "")
        choices = [c.strip() for c in expected.replace(" or ", ",").split(",") if c.strip()]
        diags.error(doc.loc(path), f"{where}must be one of {', '.join(choices)}, not {_show(err['input'])}{_did_you_mean(str(err['input']), choices)}", code="DL203")
        return
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        if "a-z0-9" in pattern and "(?:-" in pattern:
            diags.error(doc.loc(path), f"{_show(err['input'])} is not a valid id: use lowercase letters, digits and hyphens, like new-drugs", code="DL204")
        elif pattern.startswith("^https?"):
            diags.error(doc.loc(path), f"{where}must be a full address starting with https:// and ending with /", code="DL204")
        else:
            diags.error(doc.loc(path), f"{where}{_show(err['input'])} is not in the expected form", code="DL204")
        return
    if kind in ("too_short",):
        n = err.get("ctx", {}).get("min_length", 1)
        diags.error(doc.loc(path), f"{where}needs at least {n} item{'s' if n != 1 else ''}", code="DL205")
        return
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        ctx = err.get("ctx", {})
        bound = {"greater_than": "more than {gt}", "greater_than_equal": "at least {ge}", "less_than": "less than {lt}", "less_than_equal": "at most {le}"}[kind].format(**ctx)
        diags.error(doc.loc(path), f"{where}must be {bound}, not {_show(err['input'])}", code="DL205")
        return
    prefix = "model" if kind == "model_type" else kind.split("_", 1)[0]
    if prefix in _KIND and kind.endswith(("_type", "_parsing", "_from_float")):
        diags.error(doc.loc(path), f"{where}must be {_KIND[prefix]}, not {_describe(err['input'])}", code="DL205")
        return
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        diags.error(doc.loc(path), f"{where}must be a real date written YYYY-MM-DD, like 2026-06-26", code="DL205")
        return
    # Our own validators (PydanticCustomError / ValueError) already speak plainly.
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, ") :]
    if where and not msg.startswith("must "):
        where = where.rstrip() + ": "  # "`title`: the text is empty", "`date` must be …"
    diags.error(doc.loc(path), f"{where}{msg}", code="DL205")


def _where(field_path: PathKey) -> str:
    """How a message names the value: "`minutes` ", "item 2 of `audiences` " or nothing."""
    if not field_path:
        return ""
    last = field_path[-1]
    if not isinstance(last, int):
        return f"`{last}` "
    parent = next((p for p in reversed(field_path[:-1]) if not isinstance(p, int)), None)
    return f"item {last + 1} of `{parent}` " if parent is not None else ""


def _data_path(data: Any, loc: tuple[Any, ...]) -> tuple[PathKey, PathKey]:
    """Keep the parts of pydantic's ``loc`` that are keys or indexes in the data.

    Pydantic inserts union tags (``'single'``) and type names in ``loc``; those are not in the
    YAML and are dropped. Returns (path in the data, path in field names for the message).
    """
    out: list[str | int] = []
    names: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            out.append(part)
            names.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part.isdigit() and int(part) in node:
            out.append(int(part))
            names.append(part)
            node = node[int(part)]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            out.append(part)
            names.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part not in node and part == loc[-1]:
            names.append(part)  # a missing or unknown key: report at the parent
        # anything else is a union tag or a type name
    return tuple(out), tuple(names)


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model class found by following ``loc`` through the type annotations."""
    candidates: list[Any] = [model]
    for part in loc:
        nxt: list[Any] = []
        for tp in candidates:
            for inner in _unwrap(tp):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    if isinstance(part, str) and part in inner.model_fields:
                        nxt.append(inner.model_fields[part].annotation)
                    elif isinstance(part, str):
                        # a discriminated-union tag: keep the member whose type matches
                        tfield = inner.model_fields.get("type")
                        if tfield is not None and part in typing.get_args(tfield.annotation):
                            nxt.append(inner)
                elif typing.get_origin(inner) in (list, tuple) and isinstance(part, int):
                    nxt.extend(typing.get_args(inner)[:1])
                elif typing.get_origin(inner) is dict:
                    nxt.extend(typing.get_args(inner)[1:2])
        candidates = nxt or candidates
    names: set[str] = set()
    for tp in candidates:
        for inner in _unwrap(tp):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                names.update(inner.model_fields)
    return sorted(names)


def _unwrap(tp: Any) -> list[Any]:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(tp):
            out.extend(_unwrap(arg))
        return out
    return [tp]


def _did_you_mean(word: str, choices: list[str]) -> str:
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean `{match[0]}`?)" if match else ""


def did_you_mean(word: str, choices: list[str] | set[str] | typing.KeysView[str]) -> str:
    """Public helper for reference checks: `` (did you mean `x`?)`` or ``""``."""
    return _did_you_mean(word, sorted(choices))


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {_show(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a map"
    if value is None:
        return "empty"
    return type(value).__name__
