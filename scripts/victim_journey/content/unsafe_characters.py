"""Characters that make a text read differently from what it is.

A bidi override (U+202E) can make `0800 123 456` display as another number, and a
zero-width space hides inside a web address or a name: a reviewer then approves something
other than what is published. No content needs them, so they are refused wherever an
editor types: content files, interface text and hand-written pages.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from victim_journey.problems import Problem, error

# Bidi embeddings, overrides and isolates; zero-width and invisible format characters.
# A byte order mark is allowed only as the file's first character (the loader drops it).
_UNSAFE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def unsafe_character_problems(path: str, text: str) -> Iterator[Problem]:
    """One error for each line holding a hidden or direction-changing character, at the
    first such character."""
    for index, line in enumerate(text.split("\n")):
        match = _UNSAFE.search(line)
        if match:
            character = match.group(0)
            name = unicodedata.name(character, "FORMAT CHARACTER").lower()
            yield error(path, index + 1, match.start() + 1,
                        f"hidden character U+{ord(character):04X} ({name}) is not allowed: it "
                        "makes the text read differently from what is published; delete it "
                        "and retype the text around it", "hidden-character")
