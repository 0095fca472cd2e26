"""``dandelion schema``: JSON Schema files for every content kind, from the model declarations.

VS Code's YAML extension (redhat.vscode-yaml) reads them for completion, hover help and red
squiggles; the README shows the ``yaml.schemas`` setting that maps each folder to its schema.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import model

#: file name → (model, shape: "item" | "map" | "list", the files it describes)
KINDS: dict[str, tuple[type[BaseModel], str, str]] = {
    "site_config.schema.json": (model.SiteConfig, "item", "site_config.yml"),
    "lesson.schema.json": (model.Lesson, "item", "content/lessons/*.yml"),
    "event.schema.json": (model.Event, "item", "content/events/*.yml"),
    "quiz.schema.json": (model.Quiz, "item", "quizzes/*.yml"),
    "training.schema.json": (model.Training, "item", "content/training/*.yml"),
    "lecturer.schema.json": (model.Lecturer, "item", "content/lecturers/*.yml"),
    "glossary.schema.json": (model.GlossaryTerm, "map", "content/glossary.yml"),
    "laws.schema.json": (model.Law, "map", "content/laws.yml"),
    "help_centres.schema.json": (model.HelpCentre, "list", "content/help_centres.yml"),
}


def schema_for(model_class: type[BaseModel], shape: str, files: str) -> dict[str, Any]:
    """The JSON Schema of one content kind (ids taken from file names or keys are optional)."""
    schema = model_class.model_json_schema()
    props = schema.get("properties", {})
    if "id" in props and "required" in schema:
        schema["required"] = [r for r in schema["required"] if r != "id"]
    if shape == "map":
        props.pop("id", None)
        defs = schema.pop("$defs", {})
        schema = {"type": "object", "additionalProperties": {"$ref": "#/$defs/Entry"}, "$defs": {**defs, "Entry": schema}}
    elif shape == "list":
        defs = schema.pop("$defs", {})
        schema = {"type": "array", "items": {"$ref": "#/$defs/Entry"}, "$defs": {**defs, "Entry": schema}}
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"Dandelion: {files}"
    return schema


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (model_class, shape, files) in KINDS.items():
        path = folder / name
        path.write_text(json.dumps(schema_for(model_class, shape, files), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
