"""generator.zh is layered: the leaf ``core`` imports nothing from generator, nothing imports upward."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import generator.zh

PACKAGE = Path(generator.zh.__file__).parent

# module → its layer; a module may import only modules of lower layers (``__init__`` re-exports all).
LAYERS = {
    "core": 0,
    "numerals": 0,
    "domain": 1,
    "grammar": 1,
    "sandhi": 1,
    "ruby": 1,
    "search": 2,
    "pinyin": 3,
    "collate": 4,
    "slug": 4,
    "lint": 4,
    "readability": 5,
    "__init__": 6,
}


def _imports(module: str) -> set[str]:
    """The generator modules ``module`` imports (at any depth of its code, TYPE_CHECKING included)."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            name = node.module if node.level == 0 else f"generator.zh.{node.module}"
            if name == "generator.zh":
                found.update(f"generator.zh.{alias.name}" for alias in node.names)
            elif name.startswith("generator"):
                found.add(name)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("generator"))
    return found


def test_every_module_has_a_layer() -> None:
    assert {path.stem for path in PACKAGE.glob("*.py")} == set(LAYERS)


def test_no_module_imports_upward_or_outside_the_package() -> None:
    problems = []
    for module, layer in LAYERS.items():
        for target in _imports(module):
            assert target.startswith("generator.zh."), f"{module} imports {target} from outside generator.zh"
            name = target.removeprefix("generator.zh.").split(".")[0]
            if name in LAYERS and LAYERS[name] >= layer and module != "__init__":
                problems.append(f"{module} (layer {layer}) imports {name} (layer {LAYERS[name]})")
    assert problems == []


def test_no_import_cycles() -> None:
    graph = {m: {t.removeprefix("generator.zh.").split(".")[0] for t in _imports(m)} & set(LAYERS) for m in LAYERS}
    graph["__init__"] = set()  # the package re-exports; submodules never import it
    list(graphlib.TopologicalSorter(graph).static_order())  # raises CycleError on a cycle


def test_core_imports_nothing_from_generator() -> None:
    assert _imports("core") == set()
