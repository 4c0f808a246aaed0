"""Put the words people use into the search index, without putting them on the pages.

Material for MkDocs writes `search/search_index.json` from the text of each page. The
`also_known_as` words are not page text: they are other names for an item ("NFA" for "No
charge: the police"), so they go into a field of their own on the item's entry, which
mkdocs.yml weighs like a title. Readers see the words on the A to Z page instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from victim_journey.content.journey import Journey
from victim_journey.pages import page_url, question_page, service_page, stage_page
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


def summaries_by_location(journey: Journey) -> dict[str, str]:
    """The one-sentence summary of each generated page, by its index location. Material
    takes a page's result text from what comes before its first section, which on a stage
    page is only "Step 3 of 5": a reader choosing between results needs the summary."""
    summaries = {page_url(stage_page(sid)).lstrip("/"): stage.summary
                 for sid, stage in journey.stages.items() if not stage.draft}
    summaries.update({page_url(service_page(sid)).lstrip("/"): service.summary
                      for sid, service in journey.services.items()})
    questions = journey.questions
    for question in questions.questions if questions else ():
        summary = question.summary or question.hint
        if summary:
            summaries[page_url(question_page(questions, question.id)).lstrip("/")] = summary
    return summaries


def set_page_summaries(index: dict[str, Any], summaries: Mapping[str, str]) -> None:
    """Make each page's result text its summary (Material's JSON, changed in place)."""
    for doc in index.get("docs", []):
        summary = summaries.get(doc.get("location"))
        if summary is not None:
            doc["text"] = f"<p>{escape(summary, quote=False)}</p>"


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
    set_page_summaries(index, summaries_by_location(journey))
    # Written as compactly as Material writes it: the index is fetched by every reader.
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False),
                    encoding="utf-8")
    return missing
