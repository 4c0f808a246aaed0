"""Find every reader-facing text field in the model, wherever it is nested."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from victim_journey.content.loader import KeyPath
from victim_journey.content.model import TextKind


@cache  # the same few fields are asked about for every item
def text_kind(model: type[BaseModel], name: str) -> TextKind | None:
    field = model.model_fields[name]
    for meta in field.metadata:
        if isinstance(meta, TextKind):
            return meta
    # Optional and list fields keep their markers on the inner type.
    annotation: Any = field.annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        for meta in getattr(arg, "__metadata__", ()) or ():
            if isinstance(meta, TextKind):
                return meta
    return None


def iter_text_fields(item: BaseModel, prefix: KeyPath = ()
                     ) -> Iterator[tuple[KeyPath, str, TextKind]]:
    """Yield (key path, text, kind) for each reader-facing string in `item`."""
    for name in type(item).model_fields:
        value = getattr(item, name)
        kind = text_kind(type(item), name)
        yield from _walk(value, (*prefix, name), kind)


def _walk(value: Any, path: KeyPath, kind: TextKind | None
          ) -> Iterator[tuple[KeyPath, str, TextKind]]:
    if isinstance(value, BaseModel):
        yield from iter_text_fields(value, path)
    elif isinstance(value, list | tuple):
        for index, element in enumerate(value):
            yield from _walk(element, (*path, index), kind)
    elif isinstance(value, str) and kind is not None:
        yield path, value, kind


def iter_raw_strings(data: Any, key_path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Yield (key path, string) for every string in loaded YAML data, whatever its field:
    for checks that look at the file as written (placeholders, addresses)."""
    if isinstance(data, dict):
        for key, inner in data.items():
            yield from iter_raw_strings(inner, (*key_path, key))
    elif isinstance(data, list):
        for index, inner in enumerate(data):
            yield from iter_raw_strings(inner, (*key_path, index))
    elif isinstance(data, str):
        yield key_path, data
