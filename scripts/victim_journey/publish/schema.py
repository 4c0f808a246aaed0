"""JSON Schemas for editors' tools, generated from the model so they never drift."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from victim_journey.content.model import (
    BankHolidaysFile,
    GlossaryFile,
    InterfaceTextFile,
    QuestionsFile,
    RightsFile,
    Service,
    SiteSettings,
    Situation,
    Stage,
    WordsToAvoidFile,
)

SCHEMAS: dict[str, type[BaseModel]] = {
    "stage.schema.json": Stage,
    "service.schema.json": Service,
    "situation.schema.json": Situation,
    "rights.schema.json": RightsFile,
    "glossary.schema.json": GlossaryFile,
    "site.schema.json": SiteSettings,
    "words-to-avoid.schema.json": WordsToAvoidFile,
    "where-am-i.schema.json": QuestionsFile,
    "bank-holidays.schema.json": BankHolidaysFile,
    "interface-text.schema.json": InterfaceTextFile,
}


def schema_text(model: type[BaseModel]) -> str:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path, *, check_only: bool = False) -> list[str]:
    """Write every schema; returns the names that were missing or different."""
    stale = []
    folder.mkdir(parents=True, exist_ok=True) if not check_only else None
    for name, model in SCHEMAS.items():
        text = schema_text(model)
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
            if not check_only:
                path.write_text(text, encoding="utf-8")
    return stale
