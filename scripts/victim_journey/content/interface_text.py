"""The site's own text (headings, buttons, labels) in one language, from the one
translation table journey/interface-text.yml.

Templates ask for text by key: `t("what-happens")`, or `t("step-of", number=2, count=5)`
for text with values in it. A Welsh page whose Welsh is missing gets the English as a
`Fallback`, which the page marks as English.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from victim_journey.content.languages import ENGLISH, LANGUAGES, Fallback, Language
from victim_journey.content.loader import LoadedFile
from victim_journey.content.model import InterfaceString, InterfaceTextFile
from victim_journey.problems import Problem, error

INTERFACE_FILE = "interface-text.yml"


# Anything in braces is a placeholder. Only a plain `{name}` is filled in: no attributes,
# indexes, conversions or formats (`{number.__class__}` would print Python's insides),
# so text from the file can never reach anything but the values the site passes.
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def placeholders(text: str) -> set[str]:
    """The `{name}` values a piece of text expects (and anything else written in braces,
    which `placeholder_problem` refuses)."""
    return set(_PLACEHOLDER.findall(text))


def placeholder_problem(name: str) -> str | None:
    """Why `{name}` cannot be a placeholder, or None if it can."""
    if _NAME.match(name):
        return None
    return (f"'{{{name}}}' is not a value the site can fill in; a value is a plain name in "
            "braces, such as {number}")


def fill(text: str, values: dict[str, object]) -> tuple[str, set[str]]:
    """The text with each `{name}` replaced by its value, and the names it asked for that
    were not given (left in the text as written, for the checks to report)."""
    unknown: set[str] = set()

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if _NAME.match(name) and name in values:
            return str(values[name])
        unknown.add(name)
        return match.group(0)

    return _PLACEHOLDER.sub(value, text), unknown


@dataclass
class Interface:
    """The site's own text in one language. Keys the templates ask for but the table
    lacks are collected in `missing_keys`, so the build reports them as a content error
    instead of crashing."""

    table: InterfaceTextFile
    language: Language = ENGLISH
    missing_keys: set[str] = field(default_factory=set)
    # (key, name) for each `{name}` a text asked for that the template did not give.
    unfilled: set[tuple[str, str]] = field(default_factory=set)

    def __call__(self, key: str, /, **values: object) -> str:
        entry = self.table.text.get(key)
        if entry is None:
            self.missing_keys.add(key)
            return key
        text = self._in_language(entry)
        filled, unknown = fill(text, values)
        self.unfilled.update((key, name) for name in unknown)
        return Fallback(filled) if isinstance(text, Fallback) else filled

    def plural(self, key: str, count: int, /, **values: object) -> str:
        """`key-one` for 1, else `key-other`. Welsh puts a singular noun after a number
        ('3 mis'), and each language's table entries say so in their own words."""
        return self(f"{key}-{'one' if count == 1 else 'other'}", count=count, **values)

    def long_date(self, day: dt.date) -> str:
        """'24 December 2026' or '24 Rhagfyr 2026'."""
        return f"{day.day} {self(f'month-{day.month}')} {day.year}"

    def _in_language(self, entry: InterfaceString) -> str:
        if self.language is ENGLISH:
            return entry.en
        translated = getattr(entry, self.language.code, None)
        return translated if translated is not None else Fallback(entry.en)


def interface_problems(table: InterfaceTextFile, loaded: LoadedFile) -> Iterator[Problem]:
    """A translation must expect the same values as the English, or a page would show
    '{number}' or lose a number."""
    for key, entry in table.text.items():
        for code in type(entry).model_fields:
            text = getattr(entry, code)
            for name in sorted(placeholders(text)) if isinstance(text, str) else ():
                problem = placeholder_problem(name)
                if problem:
                    line, column = loaded.locate(("text", key, code))
                    yield error(loaded.path, line, column, f"'{key}': {problem}",
                                "bad-placeholder")
        expected = placeholders(entry.en)
        for code in (c for c in LANGUAGES if LANGUAGES[c] is not ENGLISH):
            translated = getattr(entry, code)
            if translated is not None and placeholders(translated) != expected:
                line, column = loaded.locate(("text", key, code))
                names = ", ".join(f"{{{name}}}" for name in sorted(expected)) or "none"
                yield error(loaded.path, line, column,
                            f"'{key}' in {code} must use the same values as the English "
                            f"({names})", "translation-placeholders")
