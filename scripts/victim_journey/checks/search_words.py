"""Checks on the words people use (`also_known_as`), which feed search and the A to Z.

- A word listed twice for one item is an error: a slip, easy to fix.
- A word that is the item's own title is a warning: search finds the title already.
- A word made only of words that search ignores ("what is it") can never be found.
- A word used for two items is a warning, because a search for it cannot tell them apart,
  unless the content says the items belong together:
  - items of different kinds: a stage, the right that applies there and the glossary
    entry that explains its word are meant to be found together;
  - two support services: everyone who can help should come up;
  - stages at the same step of the route, or where one leads to the other ('next');
  - glossary terms where one lists the other in 'see_also'.
"""

from __future__ import annotations

from collections.abc import Iterator

from victim_journey.content.journey import Journey
from victim_journey.content.loader import LoadedFile
from victim_journey.problems import Problem, error, warning
from victim_journey.search.config import search_words_in
from victim_journey.search.terms import ItemKind, SearchItem, search_items, word_key

_REMEDY = {
    ItemKind.STAGE: "keep it on the stage a reader who types it needs most",
    ItemKind.RIGHT: "keep it on the right a reader who types it needs most",
    ItemKind.TERM: "keep it on one of them, or link the two terms with 'see_also'",
    ItemKind.SITUATION: "keep it on the situation a reader who types it needs most",
    ItemKind.QUESTION: "keep it on the question a reader who types it needs most",
}


def _related(journey: Journey, first: SearchItem, second: SearchItem) -> bool:
    if first.kind is not second.kind or first.kind is ItemKind.SERVICE:
        return True
    if first.kind is ItemKind.STAGE:
        same_step = any({first.id, second.id} <= set(step.stages)
                        for step in journey.site.route)
        leads = {(sid, branch.stage) for sid in (first.id, second.id)
                 for branch in journey.stages[sid].next}
        return same_step or (first.id, second.id) in leads or (second.id, first.id) in leads
    if first.kind is ItemKind.TERM:
        see_also = journey.term_by_id()
        return (second.id in see_also[first.id].see_also
                or first.id in see_also[second.id].see_also)
    return False


def _where(loaded: LoadedFile, item: SearchItem, index: int) -> tuple[str, int, int]:
    return (loaded.path, *loaded.locate(item.word_path(index)))


def _own_word_problems(loaded: LoadedFile, item: SearchItem) -> Iterator[Problem]:
    first_index: dict[str, int] = {}
    for index, word in enumerate(item.also_known_as):
        key = word_key(word)
        if key in first_index:
            first_line = loaded.locate(item.word_path(first_index[key]))[0]
            yield error(*_where(loaded, item, index),
                        f"'{word}' is in 'also_known_as' twice (first on line {first_line}); "
                        "keep one", "duplicate-search-word")
            continue
        first_index[key] = index
        if key == word_key(item.title):
            yield warning(*_where(loaded, item, index),
                          f"'{word}' is the {item.kind}'s own title, which search finds "
                          "already; remove it from 'also_known_as'", "search-word-is-title")
        elif not search_words_in(word):
            yield warning(*_where(loaded, item, index),
                          f"search ignores every word of '{word}' (they are too common); "
                          "write the words a reader would type that matter",
                          "unsearchable-search-word")


def _shared_word_problems(journey: Journey, items: list[SearchItem]) -> Iterator[Problem]:
    users: dict[str, list[tuple[SearchItem, int]]] = {}
    for item in items:
        seen: set[str] = set()
        for index, word in enumerate(item.also_known_as):
            key = word_key(word)
            if key not in seen:  # a repeat within one item is reported on its own
                seen.add(key)
                users.setdefault(key, []).append((item, index))
    for uses in users.values():
        # Items of different kinds, and any two services, are always related (_related),
        # so only an earlier item of the same kind can clash: comparing within each kind
        # keeps a word that thousands of local services share from costing n² pairs.
        earlier_of_kind: dict[ItemKind, list[SearchItem]] = {}
        for item, index in uses:
            earlier = earlier_of_kind.setdefault(item.kind, [])
            clash = None if item.kind is ItemKind.SERVICE else next(
                (other for other in earlier if not _related(journey, other, item)), None)
            earlier.append(item)
            loaded = journey.files.get(item.file_key)
            if clash is None or loaded is None:
                continue
            other = journey.files.get(clash.file_key)
            other_index = next(i for other_item, i in uses if other_item is clash)
            place = (f" ({other.path}:{other.locate(clash.word_path(other_index))[0]})"
                     if other else "")
            word = item.also_known_as[index]
            yield warning(*_where(loaded, item, index),
                          f"'{word}' is also a search word for {clash.kind} '{clash.id}'"
                          f"{place}, so a search for it cannot tell them apart; "
                          f"{_REMEDY[item.kind]}", "shared-search-word")


def search_word_problems(journey: Journey) -> list[Problem]:
    """Every problem with the also_known_as words of every item."""
    items = search_items(journey, drafts=True)
    problems: list[Problem] = []
    for item in items:
        loaded = journey.files.get(item.file_key)
        if loaded is not None:
            problems.extend(_own_word_problems(loaded, item))
    problems.extend(_shared_word_problems(journey, items))
    return problems
