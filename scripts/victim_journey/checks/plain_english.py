"""Plain English, checked by the tool: reading level, long sentences and words to avoid.

Readers may be upset, in a hurry or not confident readers, so the limits are errors, not
advice. Every finding points at the line of the field, quotes the sentence and says what
to do. The readability formula is textstat's, a maintained library: readability.py gives
exactly its numbers, faster (tests/test_readability.py compares the two).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from victim_journey.checks import readability
from victim_journey.checks.words_to_avoid import AvoidList, load_avoid_list
from victim_journey.content.journey import Journey
from victim_journey.content.loader import KeyPath, LoadedFile
from victim_journey.content.model import MARKDOWN, PlainEnglishSettings
from victim_journey.content.plain_text import Sentence, quote, readable_text, sentences
from victim_journey.content.text_fields import iter_text_fields
from victim_journey.problems import Problem, error, warning
from victim_journey.render.environment import RenderedPage

# Text in these places is left alone: search words list what readers type (including
# "dropped"), sources are titles of other organisations' pages, and a review note is for
# the next editor, not for readers.
_NOT_CHECKED = {"also_known_as", "sources", "source", "review_note"}


def grade(items: list[Sentence]) -> float:
    """The Flesch-Kincaid grade of some sentences (reading age is about grade + 5)."""
    return readability.flesch_kincaid_grade(readable_text(items))


def word_count(text: str) -> int:
    return readability.word_count(text)


def _reading_age(grade_level: float) -> str:
    return f"a reading age of about {round(grade_level) + 5}"


def hardest_sentence(items: list[Sentence]) -> Sentence:
    longer = [s for s in items if word_count(s.text) >= 5] or items
    return max(longer, key=lambda s: grade([s]))


def _is_checked(file_key: str, key_path: KeyPath) -> bool:
    if _NOT_CHECKED.intersection(p for p in key_path if isinstance(p, str)):
        return False
    # A glossary headword names the official word on purpose: explaining it is the
    # glossary's job.
    return not (file_key == "glossary" and key_path[-1] == "term")


def _field_name(key_path: KeyPath) -> str:
    return next(p for p in reversed(key_path) if isinstance(p, str))


def hard_to_read_message(what: str, level: float, limit: float, hardest: Sentence) -> str:
    """What a hard-to-read finding says, for a field, a page made from one file, or a
    hand-written page."""
    return (f"{what} reads at grade {level:.1f} ({_reading_age(level)}); the most is "
            f"grade {limit:g}. Use shorter sentences and everyday words. The hardest "
            f"sentence is: {quote(hardest.text)}")


def _hard_to_read(loaded: LoadedFile, key_path: KeyPath, items: list[Sentence],
                  level: float, limit: float, what: str) -> Problem:
    hardest = hardest_sentence(items)
    line, column = loaded.text_line(key_path, hardest.line_index) if key_path else (1, 1)
    return error(loaded.path, line, column, hard_to_read_message(what, level, limit, hardest),
                 "hard-to-read")


@dataclass(frozen=True)
class _Field:
    """A checked text field and its sentences."""

    loaded: LoadedFile
    key_path: KeyPath
    text: str
    is_long_text: bool
    items: list[Sentence]


def long_sentences(loaded: LoadedFile, key_path: KeyPath, items: list[Sentence],
                   max_words: int) -> Iterator[Problem]:
    """Sentences longer than `max_words`, in any language: the one plain-language limit
    that does not depend on English words (the reading-level formula and the words to
    avoid do)."""
    field = _field_name(key_path)
    for sentence in items:
        words = word_count(sentence.text)
        if words > max_words:
            line, column = loaded.text_line(key_path, sentence.line_index)
            yield error(loaded.path, line, column,
                        f"in '{field}': this sentence has {words} words; the most is "
                        f"{max_words}. Split it into shorter sentences, one idea each: "
                        f"{quote(sentence.text)}", "long-sentence")


def _field_problems(field_text: _Field, settings: PlainEnglishSettings,
                    avoid: AvoidList) -> Iterator[Problem]:
    loaded, key_path, text, items = (field_text.loaded, field_text.key_path,
                                     field_text.text, field_text.items)
    field = _field_name(key_path)
    yield from long_sentences(loaded, key_path, items, settings.max_sentence_words)
    for sentence in items:
        line, column = loaded.text_line(key_path, sentence.line_index)
        for entry, found in avoid.find(sentence.text):
            make = error if entry.severity == "error" else warning
            yield make(loaded.path, line, column,
                       f"in '{field}': '{found}' is on the list of words to avoid; "
                       f"instead: {entry.instead}. In: {quote(sentence.text)}", "avoid-word")
    if field_text.is_long_text and word_count(text) >= settings.min_words_to_score:
        level = grade(items)
        if level > settings.max_grade:
            yield _hard_to_read(loaded, key_path, items, level, settings.max_grade,
                                f"in '{field}': this text")


def _source_file_key(page_path: str) -> str | None:
    """The one content file a generated page is made from, or None for a page made from
    many (the home page, the A to Z, the services directory, the print page, the rights
    and the glossary). Those are lists of other files' text, each field of which is scored
    on its own: scored as prose, a list measures only how long it is, and no editor could
    fix the page itself."""
    folder, name = posixpath.split(page_path)
    stem = posixpath.splitext(name)[0]
    if folder in ("stages", "services") and stem != "index":
        return f"{folder}/{stem}"
    return None


def _where_written(journey: Journey, file_key: str, hardest: Sentence
                   ) -> tuple[KeyPath, Sentence] | None:
    """The field of a content file where a sentence of its page was written, and the
    sentence as it is there (with its line in the field), if an editor wrote it (not the
    page's template)."""
    item = dict(journey.items()).get(file_key)
    for key_path, field_text, _ in iter_text_fields(item) if item is not None else ():
        for sentence in sentences(field_text):
            if sentence.text == hardest.text:
                return key_path, sentence
    return None


_HEADING_LINE = re.compile(r"^\s*(?:<h[1-6][\s>]|#{1,6}\s)")


def page_text(page: RenderedPage) -> str:
    """A generated page's own prose: its Markdown without the front matter and without
    the sections left out of search (lists of rights, services, stages, words and
    sources). Those only repeat other files' titles, so scoring them would blame this
    page for another file's wording, or for how many services help at a stage."""
    markdown = page.markdown
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        markdown = markdown[end + 5:] if end != -1 else markdown
    kept, skipping = [], False
    for line in markdown.split("\n"):
        if _HEADING_LINE.match(line):
            skipping = 'data-search-exclude="true"' in line
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def _page_problems(journey: Journey, pages: Iterable[tuple[RenderedPage, list[Sentence]]],
                   settings: PlainEnglishSettings, reported: set[str]) -> Iterator[Problem]:
    for page, items in pages:
        file_key = _source_file_key(page.path)
        loaded = journey.files.get(file_key) if file_key else None
        if file_key is None or loaded is None or loaded.path in reported:
            continue  # a field of that file is already reported: fix that first
        level = grade(items) if items else 0.0
        if level > settings.max_grade:
            written = _where_written(journey, file_key, hardest_sentence(items))
            key_path, at = written if written else ((), hardest_sentence(items))
            yield _hard_to_read(loaded, key_path, [at], level, settings.max_grade,
                                f"the page '{page.path}' made from this file")


def plain_english_problems(journey: Journey, pages: Iterable[RenderedPage],
                           avoid: AvoidList) -> list[Problem]:
    """Every plain-English finding in the content and in the generated pages."""
    settings = journey.site.plain_english
    fields = [_Field(loaded, key_path, text, kind is MARKDOWN, sentences(text))
              for file_key, item in journey.items()
              if (loaded := journey.files.get(file_key)) is not None
              for key_path, text, kind in iter_text_fields(item)
              if _is_checked(file_key, key_path)]
    page_items = [(page, sentences(page_text(page))) for page in pages]
    # Every sentence is known before any is scored, so the pronouncing dictionary is read
    # once, for just the words these sentences use.
    readability.prepare(sentence.text
                        for items in [*(f.items for f in fields), *(i for _, i in page_items)]
                        for sentence in items)
    problems: list[Problem] = []
    for field_text in fields:
        problems.extend(_field_problems(field_text, settings, avoid))
    reported = {p.path for p in problems if p.code == "hard-to-read"}
    problems.extend(_page_problems(journey, page_items, settings, reported))
    return problems


def check_plain_english(journey: Journey, pages: Iterable[RenderedPage], content_dir: Path,
                        root: Path) -> list[Problem]:
    """The plain-English check, with the words-to-avoid list read from content_dir."""
    avoid, problems = load_avoid_list(content_dir, root)
    return problems + plain_english_problems(journey, pages, avoid)
