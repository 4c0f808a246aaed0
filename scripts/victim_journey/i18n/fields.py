"""Which fields of an English content file a translation holds, and where.

A translation file mirrors its English file, but holds only the reader-facing text: the
structure (ids, links between stages, dates, phone numbers, sources) always comes from the
English, so it cannot drift. Lists of items with an `id` (rights, glossary terms,
questions) are keyed by id in a translation, so reordering the English does not mismatch
them; other lists keep the English order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from victim_journey.content.loader import KeyPath
from victim_journey.content.model import PLAIN, TextKind
from victim_journey.content.text_fields import text_kind

# Never translated: who owns an item and notes for its next editor are not for readers,
# and a source is the title of another organisation's page, in the language it is in.
# The jurisdiction's name is for the editors' checks, not shown to readers.
UNTRANSLATED_FIELDS = frozenset({"owner", "review_note", "source", "sources", "jurisdiction"})
# Search words are translated as one list: a Welsh reader's words need not match the
# English one for one.
WHOLE_LIST_FIELDS = frozenset({"also_known_as"})


@dataclass(frozen=True)
class TextField:
    english_path: KeyPath   # where the text is in the English model (and file)
    path: KeyPath           # where its translation is in the translation file
    english: str | tuple[str, ...]
    kind: TextKind

    @property
    def name(self) -> str:
        """How editors and reports name the field: 'what_happens', 'rights.crime-recorded.title'."""
        return ".".join(str(part) for part in self.path)

    def english_hash(self) -> str:
        return text_hash(self.english)


def text_hash(text: str | tuple[str, ...]) -> str:
    """A short fingerprint of English text, recorded with a translation, so a later
    change to the English shows the translation is out of date."""
    joined = "\n".join(text) if isinstance(text, tuple) else text
    return hashlib.sha256(joined.strip().encode("utf-8")).hexdigest()[:12]


def translatable_fields(item: BaseModel) -> list[TextField]:
    return list(_walk_model(item, (), ()))


def _walk_model(item: BaseModel, english: KeyPath, path: KeyPath) -> Iterator[TextField]:
    for name in type(item).model_fields:
        if name in UNTRANSLATED_FIELDS:
            continue
        value = getattr(item, name)
        kind = text_kind(type(item), name)
        if name in WHOLE_LIST_FIELDS:
            if value:
                yield TextField((*english, name), (*path, name), tuple(value), PLAIN)
            continue
        yield from _walk_value(value, (*english, name), (*path, name), kind)


def _walk_value(value: Any, english: KeyPath, path: KeyPath, kind: TextKind | None
                ) -> Iterator[TextField]:
    if isinstance(value, BaseModel):
        yield from _walk_model(value, english, path)
    elif isinstance(value, list | tuple):
        for index, element in enumerate(value):
            key = getattr(element, "id", index) if isinstance(element, BaseModel) else index
            yield from _walk_value(element, (*english, index), (*path, key), kind)
    elif isinstance(value, str) and kind is not None:
        yield TextField(english, path, value, kind)
