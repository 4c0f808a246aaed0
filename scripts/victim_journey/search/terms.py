"""The words people use: every stage, service, right and glossary term with the everyday
words (`also_known_as`) that readers type for it.

One list feeds the search index, the A to Z page and the checks on the words, so all three
agree on what an item is called and where it lives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from victim_journey.content.journey import (
    GLOSSARY_KEY,
    QUESTIONS_KEY,
    RIGHTS_KEY,
    Journey,
    service_key,
    situation_key,
    stage_key,
)
from victim_journey.content.loader import KeyPath
from victim_journey.content.situations import situation_page, situations_in_order
from victim_journey.pages import (
    GLOSSARY_PAGE,
    RIGHTS_PAGE,
    question_page,
    service_page,
    stage_page,
)


class ItemKind(StrEnum):
    STAGE = "stage"
    SERVICE = "service"
    RIGHT = "right"
    TERM = "glossary term"
    SITUATION = "situation"
    QUESTION = "question"


@dataclass(frozen=True)
class SearchItem:
    """One thing a reader can look for, with where it is published and where its words
    are written (for errors at file:line:col)."""

    kind: ItemKind
    id: str
    title: str
    also_known_as: tuple[str, ...]  # as the editor wrote them
    page: str  # the Markdown page, such as 'stages/the-trial.md'
    anchor: str | None  # the section on that page, or None for the whole page
    file_key: str  # the key of its file in Journey.files
    words_path: KeyPath  # where its also_known_as list is in that file

    @property
    def target(self) -> str:
        """The page, with the section if there is one, as content links write it."""
        return f"{self.page}#{self.anchor}" if self.anchor else self.page

    def word_path(self, index: int) -> KeyPath:
        return (*self.words_path, index)

    def words(self) -> list[str]:
        """The words that add something: each once, and not the title again."""
        seen = {word_key(self.title)}
        unique = []
        for word in self.also_known_as:
            key = word_key(word)
            if key not in seen:
                seen.add(key)
                unique.append(word.strip())
        return unique


def word_key(word: str) -> str:
    """Two words are the same if they differ only in case or spacing: search ignores both."""
    return " ".join(word.casefold().split())


def search_items(journey: Journey, *, drafts: bool = False) -> list[SearchItem]:
    """Every stage, situation, service, right and glossary term, in reading order. Draft stages are
    not published, so they are left out unless `drafts` (for checking their words)."""
    return list(_items(journey, drafts))


def _items(journey: Journey, drafts: bool) -> Iterator[SearchItem]:
    route = journey.route_stage_ids()
    stage_ids = [*route, *sorted(set(journey.stages) - set(route))] if drafts else route
    for sid in stage_ids:
        stage = journey.stages.get(sid)
        if stage is not None and (drafts or not stage.draft):
            yield SearchItem(ItemKind.STAGE, sid, stage.title, tuple(stage.also_known_as),
                             stage_page(sid), None, stage_key(sid), ("also_known_as",))
    for sid, situation in situations_in_order(journey):
        yield SearchItem(ItemKind.SITUATION, sid, situation.title,
                         tuple(situation.also_known_as), situation_page(situation), None,
                         situation_key(sid), ("also_known_as",))
    for sid, service in sorted(journey.services.items()):
        yield SearchItem(ItemKind.SERVICE, sid, service.name, tuple(service.also_known_as),
                         service_page(sid), None, service_key(sid), ("also_known_as",))
    for index, right in enumerate(journey.rights.rights):
        yield SearchItem(ItemKind.RIGHT, right.id,
                         journey.t("right-title", number=right.number, title=right.title),
                         tuple(right.also_known_as), RIGHTS_PAGE, right.id, RIGHTS_KEY,
                         ("rights", index, "also_known_as"))
    for index, term in enumerate(journey.glossary.terms):
        yield SearchItem(ItemKind.TERM, term.id, term.term, tuple(term.also_known_as),
                         GLOSSARY_PAGE, term.id, GLOSSARY_KEY, ("terms", index, "also_known_as"))
    # A "Where am I?" page with words of its own, such as the crisis page ("scared").
    questions = journey.questions
    for index, question in enumerate(questions.questions if questions else ()):
        if question.also_known_as:
            yield SearchItem(ItemKind.QUESTION, question.id, question.text,
                             tuple(question.also_known_as),
                             question_page(questions, question.id), None, QUESTIONS_KEY,
                             ("questions", index, "also_known_as"))
