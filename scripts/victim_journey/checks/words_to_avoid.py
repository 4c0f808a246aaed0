"""The list of words to avoid (journey/words-to-avoid.yml), and finding them in text.

The list is content, not code, so editors can add a word with its plain alternative in a
pull request. The file is optional: content without it is checked for everything else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from victim_journey.content.errors import parse_model
from victim_journey.content.journey import display_path
from victim_journey.content.loader import load_yaml
from victim_journey.content.model import AvoidWord, WordsToAvoidFile
from victim_journey.problems import Problem

WORDS_FILE = "words-to-avoid.yml"

# Typographic (curly) apostrophes and quotes count as the plain ones, so that an allowed
# phrase matches however the editor typed its quotes.
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _normalise(text: str) -> str:
    return text.translate(_QUOTES).lower()


def _phrase(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in _normalise(phrase).split())


def _bounded(alternatives: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'-])(?:{alternatives})(?![\w-])")


@dataclass(frozen=True)
class AvoidList:
    entries: tuple[AvoidWord, ...]

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        """One pattern for the whole list, so each sentence is read once: group e<N> is
        entry N, its forms longest first."""
        groups = [f"(?P<e{index}>" + "|".join(
                      _phrase(form) for form in sorted(entry.avoid, key=len, reverse=True))
                  + ")" for index, entry in enumerate(self.entries)]
        return _bounded("|".join(groups)) if groups else None

    @cached_property
    def _allowed(self) -> list[re.Pattern[str] | None]:
        return [_bounded("|".join(_phrase(p) for p in entry.allowed_in))
                if entry.allowed_in else None for entry in self.entries]

    def find(self, sentence: str) -> Iterator[tuple[AvoidWord, str]]:
        """(entry, the words as written) for each word to avoid in one sentence, except
        where it stands inside one of the entry's allowed phrases."""
        if self._pattern is None:
            return
        text = _normalise(sentence)
        for match in self._pattern.finditer(text):
            index = int((match.lastgroup or "e0")[1:])
            allowed = self._allowed[index]
            if allowed is not None and any(
                    m.start() <= match.start() and match.end() <= m.end()
                    for m in allowed.finditer(text)):
                continue
            yield self.entries[index], sentence[match.start():match.end()]


def load_avoid_list(content_dir: Path, root: Path) -> tuple[AvoidList, list[Problem]]:
    """The list from content_dir, empty when the file does not exist."""
    path = content_dir / WORDS_FILE
    if not path.is_file():
        return AvoidList(()), []
    loaded, problems = load_yaml(path, display_path(path, root))
    if loaded is None:
        return AvoidList(()), problems
    parsed, model_problems = parse_model(loaded, WordsToAvoidFile)
    if parsed is None:
        return AvoidList(()), problems + model_problems
    return AvoidList(tuple(parsed.words)), problems
