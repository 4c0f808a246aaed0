"""The A to Z page (a-to-z.md, published at /a-to-z/): every stage, service, right and
glossary term, and every word people use for them, in alphabetical order, as plain links.

It is the search that works without JavaScript, and the page the search form falls back
to. Readers also see here the everyday words that only the search index holds elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from victim_journey.content.journey import Journey
from victim_journey.pages import A_TO_Z_PAGE, SERVICES_INDEX, service_page
from victim_journey.render.environment import RenderedPage, render_page
from victim_journey.render.service_areas import A_TO_Z_LOCAL_LIMIT, LOCAL_SERVICES_ANCHOR, local
from victim_journey.search.terms import ItemKind, SearchItem, search_items, word_key

# The group of entries that start with a digit or a symbol (its heading is the page's
# "digits-heading" text, such as "0 to 9"). Sorts before every letter.
_OTHER = ""
# "The trial" is found under T, and "Y treial" and "Yr heddlu" under T and H: readers
# look for the word that matters, not the article (English "the", Welsh "y" and "yr").
_ARTICLES = ("the ", "yr ", "y ")
# The crisis page ("Where am I?" question) comes first: a reader looking up "scared"
# needs it before anything else.
_KIND_ORDER = (ItemKind.QUESTION, ItemKind.STAGE, ItemKind.SITUATION, ItemKind.SERVICE,
               ItemKind.RIGHT,
               ItemKind.TERM)


@dataclass(frozen=True)
class Destination:
    text: str  # the link text: unique for each page or section it leads to
    target: str  # page path, with #section, from the top of the site


@dataclass(frozen=True)
class Entry:
    label: str
    destinations: tuple[Destination, ...]

    @property
    def is_plain_link(self) -> bool:
        """One destination whose link text is the label itself: show just the link."""
        return (len(self.destinations) == 1
                and word_key(self.destinations[0].text) == word_key(self.label))


@dataclass(frozen=True)
class LetterGroup:
    heading: str
    id: str
    entries: tuple[Entry, ...]


def _destination(item: SearchItem, meaning_of: Callable[[str], str]) -> Destination:
    # A glossary term can share its name with a service ("Witness Service"): its link
    # says it leads to the meaning, so that no two links read the same but go elsewhere.
    text = meaning_of(item.title) if item.kind is ItemKind.TERM else item.title
    return Destination(text, item.target)


def sort_key(label: str) -> str:
    """Alphabetical order as a reader looks things up: "The trial" under T is hard to
    find, so a leading article is skipped, and so are case, accents and punctuation.
    Numbers sort by value, so that Right 2 comes before Right 10."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    key = word_key("".join(c if c.isalnum() else " " for c in plain))
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            key = key.removeprefix(article)
            break
    return re.sub(r"[0-9]+", lambda number: number.group().zfill(6), key)


def _letter(label: str) -> str:
    first = sort_key(label)[:1].upper()
    return first if "A" <= first <= "Z" else _OTHER


def _display(label: str) -> str:
    return label[:1].upper() + label[1:]


def a_to_z_entries(items: list[SearchItem], meaning_of: Callable[[str], str],
                   local: set[str] = frozenset(), by_area: Destination | None = None
                   ) -> list[Entry]:
    """One entry for each title or word, however many items use it, sorted. Words that
    sort the same ("the accused", "accused") are one entry, under an item's title if one
    of them is a title. `meaning_of(term)` is the text of a link to a term's meaning.

    `local` holds the targets of local services: a word that leads to more of them than
    service_areas.A_TO_Z_LOCAL_LIMIT leads to `by_area` (the directory's list by area)
    instead, so that a word many local branches share stays a short entry."""
    labels: dict[str, str] = {}
    destinations: dict[str, dict[str, tuple[int, Destination]]] = {}
    named = [(item, item.title) for item in items]
    named += [(item, word) for item in items for word in item.words()]
    for item, label in named:
        key = sort_key(label)
        labels.setdefault(key, _display(label.strip()))
        destinations.setdefault(key, {})[item.target] = (_KIND_ORDER.index(item.kind),
                                                         _destination(item, meaning_of))
    if by_area is not None:
        for found in destinations.values():
            local_here = [target for target in found if target in local]
            if len(local_here) > A_TO_Z_LOCAL_LIMIT:
                for target in local_here:
                    del found[target]
                found[by_area.target] = (_KIND_ORDER.index(ItemKind.SERVICE), by_area)
    entries = [
        Entry(labels[key], tuple(dest for _, dest in sorted(
            found.values(), key=lambda pair: (pair[0], sort_key(pair[1].text)))))
        for key, found in destinations.items()
    ]
    return sorted(entries, key=lambda entry: (sort_key(entry.label), entry.label))


def letter_groups(entries: list[Entry], other_heading: str) -> list[LetterGroup]:
    """Entries by first letter, those starting with a digit or a symbol first, under
    `other_heading`."""
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(_letter(entry.label), []).append(entry)
    return [LetterGroup(heading or other_heading,
                        "letter-" + (heading.lower() or "other"), tuple(groups[heading]))
            for heading in sorted(groups)]


def render_a_to_z(journey: Journey) -> RenderedPage:
    items = search_items(journey)
    meta = {
        "description": journey.t("a-to-z-description"),
        # As fresh as its stalest part: it lists words from every file.
        "last_reviewed": journey.oldest_review().isoformat(),
        "owner": journey.site.owner,
    }
    local_targets = {service_page(sid) for sid, _ in local(journey.services.items())}
    by_area = Destination(journey.t("find-local-service"),
                          f"{SERVICES_INDEX}#{LOCAL_SERVICES_ANCHOR}")
    entries = a_to_z_entries(items, lambda term: journey.t("meaning-of", term=term),
                             local_targets, by_area if local_targets else None)
    return render_page(journey, A_TO_Z_PAGE, "a-to-z.md.j2", journey.t("a-to-z"), meta,
                 groups=letter_groups(entries, journey.t("digits-heading")))
