"""Put the words people use into the search index, without putting them on the pages.

Material for MkDocs writes `search/search_index.json` from the text of each page. The
`also_known_as` words are not page text: they are other names for an item ("NFA" for "No
charge: the police"), so they go into a field of their own on the item's entry, which
mkdocs.yml weighs like a title. Readers see the words on the A to Z page instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from victim_journey.content.journey import Journey
from victim_journey.pages import page_url
from victim_journey.search.config import WORDS_FIELD
from victim_journey.search.terms import ItemKind, SearchItem, search_items

INDEX_FILE = Path("search") / "search_index.json"


def index_location(item: SearchItem) -> str:
    """The item's entry in Material's index: the page URL without its leading '/', plus
    the section, such as 'glossary/#no-further-action'."""
    location = page_url(item.page).lstrip("/")
    return f"{location}#{item.anchor}" if item.anchor else location


def words_by_location(items: Iterable[SearchItem]) -> dict[str, list[str]]:
    return {index_location(item): item.words() for item in items if item.words()}


def add_search_words(index: dict[str, Any], words: Mapping[str, Sequence[str]]
                     ) -> list[str]:
    """Add each entry's words to `index` (Material's JSON, changed in place). Returns the
    locations that have words but no entry, so the caller can report them."""
    entries = {doc.get("location"): doc for doc in index.get("docs", [])}
    missing = []
    for location, item_words in words.items():
        entry = entries.get(location)
        if entry is None:
            missing.append(location)
        else:
            entry[WORDS_FIELD] = list(item_words)
    return missing


def name_situation_pages(index: dict[str, Any], items: Iterable[SearchItem]) -> None:
    """A situation page's browser title is neutral (situations.py), so every one would
    show in the results as the same title. The index is not kept in browser history:
    there, each shows the situation's own name, as its heading does."""
    titles = {index_location(item): item.title for item in items
              if item.kind is ItemKind.SITUATION}
    for doc in index.get("docs", []):
        if doc.get("location") in titles:
            doc["title"] = titles[doc["location"]]


def add_search_words_to_site(site_dir: Path, journey: Journey) -> list[str]:
    """Rewrite the built site's index with every item's words. Returns the locations that
    were not found (none if the site has no search index)."""
    path = site_dir / INDEX_FILE
    if not path.is_file():
        return []
    items = search_items(journey)
    words = words_by_location(items)
    index = json.loads(path.read_text(encoding="utf-8"))
    missing = add_search_words(index, words)
    name_situation_pages(index, items)
    # Written as compactly as Material writes it: the index is fetched by every reader.
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False),
                    encoding="utf-8")
    return missing
