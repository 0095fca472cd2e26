"""Load YAML into plain Python data while remembering where every value stood.

PyYAML's C parser builds the node tree (measured 6× faster than the pure-Python one on 2,000
files); we construct the data ourselves so that every value keeps its line and column, duplicate
keys are reported instead of silently overwritten, and alias bombs cannot blow up memory.

Two YAML 1.1 traps are closed here:

* ``start: 14:30`` would be the integer 870 (base-60). Sexagesimal numbers are not resolved: the
  value stays the string ``"14:30"``.
* Only standard tags are accepted; ``!!python/object`` and friends are content errors.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Diagnostics, Location

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: At most this many nodes are constructed from one file, counting every expansion of an alias.
MAX_NODES = 200_000
#: At most this many levels of nesting. Deeper data is never content, and a recursive alias
#: (``a: &a [*a]``) would otherwise recurse until Python gives up.
MAX_DEPTH = 64
#: At most this many characters in one text. The longest text of the example content is about 2,000; a
#: longer one belongs in several sections, and a cap keeps every check's time bounded.
MAX_TEXT_CHARS = 20_000
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # what YAML counts as a line break

PathKey = tuple[str | int, ...]


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader without the YAML 1.1 base-60 number resolvers."""


# Drop the stock int/float resolvers (they include base-60) and add ones without that branch.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$""", re.X
)
_FLOAT = re.compile(
    r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$""",
    re.X,
)
_Loader.add_implicit_resolver("tag:yaml.org,2002:int", _INT, list("-+0123456789"))
_Loader.add_implicit_resolver("tag:yaml.org,2002:float", _FLOAT, list("-+0123456789."))

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:binary",
}
_scalar_constructor = yaml.constructor.SafeConstructor()


@dataclass
class Document:
    """One YAML file: its data and the position of every value and key in it."""

    path: Path
    rel: str
    data: Any
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def loc(self, path: PathKey = (), *, key: bool = False) -> Location:
        """The location of the value at ``path`` (or of its key), or of its nearest known parent."""
        table = self.key_positions if key else self.positions
        prefix = tuple(path)
        while prefix:
            if prefix in table:
                line, col = table[prefix]
                return Location(self.rel, line, col)
            if not key and prefix in self.key_positions:
                line, col = self.key_positions[prefix]
                return Location(self.rel, line, col)
            prefix = prefix[:-1]
        line, col = self.positions.get((), (1, 1))
        return Location(self.rel, line, col)


class _Builder:
    def __init__(self, doc: Document, diags: Diagnostics) -> None:
        self.doc = doc
        self.diags = diags
        self.count = 0

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig()
        if len(path) > MAX_DEPTH:
            raise _TooDeep(node.start_mark.line + 1, node.start_mark.column + 1)
        self.doc.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in _STANDARD_TAGS:
            self.diags.error(self.doc.loc(path), f"unsupported YAML tag {node.tag!r}: write plain values", code="DL104")
            return None
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, (yaml.MappingNode, yaml.SequenceNode)):
                    self.diags.error(
                        Location(self.doc.rel, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                        "a key must be a plain word, not a list or a map", code="DL104",
                    )
                    continue
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.diags.error(
                        Location(self.doc.rel, key_node.start_mark.line + 1, key_node.start_mark.column + 1),
                        "YAML merge keys (<<) are not supported: write the fields out", code="DL104",
                    )
                    continue
                key = self._scalar(key_node)
                if isinstance(key, (dt.date, float, bool)) or key is None:
                    # `yes:`, `on:`, `null:`, `2026-01-01:` are words an editor typed, not values
                    key = key_node.value
                kpath = (*path, key)
                kpos = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if key in out:
                    first = self.doc.key_positions.get(kpath, kpos)
                    self.diags.error(
                        Location(self.doc.rel, *kpos),
                        f"duplicate key '{key}' (first given on line {first[0]}); the second would silently win", code="DL105",
                    )
                    continue
                if node.flow_style and _without_colon(key_node, value_node):
                    self.diags.error(Location(self.doc.rel, *kpos), _colonless_key_message(str(key), out), code="DL101")
                    continue
                self.doc.key_positions[kpath] = kpos
                out[key] = self.build(value_node, kpath)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if len(node.value) > MAX_TEXT_CHARS:
            self.diags.error(self.doc.loc(path), f"this text is {len(node.value):,} characters long; the most one text "
                                                 f"may hold is {MAX_TEXT_CHARS:,}: split it into sections or items", code="DL106")
            return ""
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        if node.tag == "tag:yaml.org,2002:binary":
            return node.value
        try:
            return _scalar_constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError):
            # e.g. a timestamp-looking value that is not a real date (2026-02-30)
            return node.value


def _without_colon(key_node: yaml.Node, value_node: yaml.Node) -> bool:
    """In a ``{ }`` map, a key that had no colon after it: libyaml gives it an empty value right at its end."""
    return (
        isinstance(value_node, yaml.ScalarNode)
        and value_node.tag == "tag:yaml.org,2002:null"
        and value_node.value == ""
        and value_node.start_mark.index == key_node.end_mark.index
    )


def _colonless_key_message(key: str, earlier: dict[Any, Any]) -> str:
    """Why a ``{ }`` map holds a key without a value, in the editor's terms."""
    if "：" in key:
        name = key.split("：", 1)[0].strip()
        return (f"full-width colon `：` after `{name}`: type the ASCII colon `:` followed by a space "
                f"(`{name}: …`); an input method in Chinese mode types the wide one")
    if earlier:
        previous = next(reversed(earlier))
        return (f"the comma after `{previous}: …` ended that text, so '{key}' became a new key: "
                f"put the whole text in quotes ({previous}: \"…, {key}\")")
    return f"'{key}' has no colon after it: write `key: value` inside {{ }}"


class _TooBig(Exception):
    pass


class _TooDeep(Exception):
    def __init__(self, line: int, col: int) -> None:
        super().__init__(line, col)
        self.line, self.col = line, col


def load_yaml(path: Path, root: Path, diags: Diagnostics) -> Document | None:
    """Parse ``path``; on any problem add diagnostics and return ``None`` (or a partial document)."""
    from .errors import relpath

    rel = relpath(path, root)
    doc = Document(path=path, rel=rel, data=None)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1  # the line of the first bad byte; the byte offset says where
        diags.error(Location(rel, line, 1), f"the file is not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8", code="DL102")
        return None
    except OSError as exc:
        diags.error(Location(rel), f"cannot read the file: {exc.strerror}", code="DL103")
        return None
    if "\t" in text:
        for n, line in enumerate(_LINE_BREAK.split(text), 1):
            stripped = line.lstrip(" ")
            if stripped.startswith("\t"):
                diags.error(Location(rel, n, len(line) - len(stripped) + 1), "a tab is used for indentation: YAML needs spaces", code="DL101")
                return None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        slip = _full_width_colon(text, line)
        if slip is not None:
            slip_line, slip_col, key = slip
            diags.error(Location(rel, slip_line, slip_col),
                        f"full-width colon `：` after `{key}`: type the ASCII colon `:` followed by a space "
                        f"(`{key}: …`); an input method in Chinese mode types the wide one", code="DL101")
            return None
        hint = _syntax_hint(problem) or _opener_hint(exc, line)
        diags.error(Location(rel, line, col), f"YAML syntax error: {problem}{hint}", code="DL101")
        return None
    except yaml.reader.ReaderError as exc:
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        # libyaml reports a byte offset; the first occurrence of the character is the one it met
        line, col = _line_col(text, max(0, text.find(char)))
        diags.error(Location(rel, line, col), f"the file contains the control character U+{ord(char):04X}, which YAML does not allow: delete it", code="DL102")
        return None
    except yaml.YAMLError as exc:
        diags.error(Location(rel, 1, 1), f"YAML syntax error: {exc}", code="DL101")
        return None
    finally:
        loader.dispose()
    if node is None:
        doc.positions[()] = (1, 1)
        return doc
    try:
        doc.data = _Builder(doc, diags).build(node, ())
    except _TooBig:
        diags.error(Location(rel, 1, 1), f"the file expands to more than {MAX_NODES} values (aliases?); it is refused", code="DL106")
        return None
    except _TooDeep as exc:
        diags.error(Location(rel, exc.line, exc.col),
                    f"values are nested more than {MAX_DEPTH} levels deep (a recursive alias?); it is refused", code="DL106")
        return None
    return doc


#: A key typed with a full-width colon (``duration_minutes：20``, ``{zh：…}``): the usual slip of an input
#: method left in Chinese mode. libyaml reports it one line later as "could not find expected ':'".
_FULL_WIDTH_KEY = re.compile(r"(?:^\s*(?:-\s+)?|[{,]\s*)([A-Za-z_][A-Za-z0-9_-]*)\s*：")


def _full_width_colon(text: str, error_line: int) -> tuple[int, int, str] | None:
    """The line, column and key of the last full-width-colon key at or just before ``error_line``."""
    lines = _LINE_BREAK.split(text)
    for number in range(min(error_line, len(lines)), max(0, error_line - 3), -1):
        found = _FULL_WIDTH_KEY.search(lines[number - 1])
        if found:
            return number, found.end(), found.group(1)
    return None


def _line_col(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of a character offset, counting line breaks as YAML does."""
    before = text[:position]
    breaks = list(_LINE_BREAK.finditer(before))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, position - line_start + 1


_OPENERS = {
    "while parsing a flow sequence": "the [ list",
    "while parsing a flow mapping": "the { map",
    "while scanning a quoted scalar": "the quoted text",
}


def _opener_hint(exc: yaml.MarkedYAMLError, line: int) -> str:
    """Where an unclosed ``[``, ``{`` or quote began, when libyaml noticed it lines later."""
    opener = _OPENERS.get(exc.context or "")
    mark = exc.context_mark
    if opener and mark is not None and mark.line + 1 != line:
        return f" ({opener} opened on line {mark.line + 1} is not closed?)"
    return ""


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return " (a colon followed by a space inside a value? put the value in quotes)"
    if "found character '\\t'" in problem or "found character '\t'" in problem:
        return " (use spaces, not tabs)"
    if "could not find expected ':'" in problem:
        return " (a key without a colon, or a quote left open?)"
    if "found undefined alias" in problem:
        return ""
    return ""
