"""Checks on the hand-written pages (docs/<language>/*.md): the same as content files get.

MkDocs reads these pages itself, so without these checks a page could carry a script, a
`template:` that swaps the page's layout, front matter that the theme prints unescaped, or
a symbolic link to a file outside the project. Every problem is one line, file:line:col,
found before anything is built.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from victim_journey.content.front_matter import front_matter_match
from victim_journey.content.journey import display_path_unresolved
from victim_journey.content.languages import SOURCE_LANGUAGE, Language
from victim_journey.content.loader import LoadedFile, decode_text, load_yaml_text
from victim_journey.content.markup import ONE_LINE_RULES, PAGE_RULES, check_markup
from victim_journey.content.project_files import (
    near_miss_problem,
    outside_project_problem,
    windows_reserved,
)
from victim_journey.content.unsafe_characters import unsafe_character_problems
from victim_journey.problems import Problem, error

# What a page's front matter may set. Not `template` (it chooses the page's layout, such
# as redirect.html with any `location`), not `subtitle`, `icon`, `status` or other keys
# the theme prints or acts on: a page needs only these.
TEXT_KEYS = ("title", "description", "owner", "review_note")
FRONT_MATTER_KEYS = frozenset({*TEXT_KEYS, "last_reviewed", "review_interval_months",
                               "translation"})
# Files a docs folder may hold besides pages: pictures the pages show (not SVG, which can
# carry script).
PICTURE_EXTENSIONS = (".png", ".jpg", ".jpeg", ".gif", ".webp")
_PAGE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.md$")


def page_files(folder: Path) -> Iterator[Path]:
    """Every file under `folder`, without following links to folders (a link to a folder
    outside the project is reported, not walked)."""
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir() and not path.is_symlink():
            yield from page_files(path)
        else:
            yield path


def docs_problems(docs_root: Path, root: Path, languages: Iterable[Language]
                  ) -> list[Problem]:
    """Every problem in the hand-written pages of these languages."""
    problems: list[Problem] = []
    for language in dict.fromkeys(languages):
        folder = docs_root / language.code
        if folder.is_dir():
            for path in page_files(folder):
                problems += page_problems(path, root, translated=language
                                          is not SOURCE_LANGUAGE)
    return problems


def page_problems(path: Path, root: Path, *, translated: bool) -> list[Problem]:
    shown = display_path_unresolved(path, root)
    outside = outside_project_problem(path, root, shown)
    if outside is not None:
        return [outside]
    name = path.name
    if path.is_dir():
        return [error(shown, 1, 1, "this is a symbolic link to a folder; put the pages in "
                      "the folder itself", "outside-project")]
    if not name.endswith(".md"):
        problem = near_miss_problem(path, shown)
        if problem is not None:
            return [problem]
        if name.lower().endswith(PICTURE_EXTENSIONS) and not windows_reserved(name):
            return []
        return [error(shown, 1, 1, f"'{name}' does not belong here: this folder holds pages "
                      f"(.md) and pictures ({', '.join(PICTURE_EXTENSIONS)})",
                      "bad-file-name")]
    if windows_reserved(name) or not _PAGE_NAME.match(name):
        return [error(shown, 1, 1, f"page name '{name}' is not allowed; use lower-case "
                      "letters, digits and hyphens, such as 'staying-safe-online.md'",
                      "bad-file-name")]
    text, problems = decode_text(shown, path.read_bytes())
    if text is None:
        return problems
    return check_page_text(text, shown, translated=translated)


def check_page_text(text: str, shown: str, *, translated: bool = False) -> list[Problem]:
    """Every problem in one page's text: its front matter, then its body."""
    problems = list(unsafe_character_problems(shown, text))
    if text.startswith("\ufeff"):
        text = text[1:]
    match = front_matter_match(text)
    body_line = 0  # lines before the body
    if match:
        body_line = text.count("\n", 0, match.end())
        problems += _front_matter_problems(match.group(1) or "", shown, translated)
    elif text.startswith("---"):
        problems.append(error(shown, 1, 1, "the front matter starting here has no closing "
                              "'---' line", "yaml-syntax"))
        return problems
    body = text[match.end():] if match else text
    for finding in check_markup(body, rules=PAGE_RULES):
        problems.append(error(shown, body_line + finding.line_index + 1, finding.column,
                              finding.message, finding.code))
    return problems


def _front_matter_problems(front: str, shown: str, translated: bool) -> list[Problem]:
    loaded, problems = load_yaml_text(front, shown) if front.strip() else (None, [])
    problems = [_moved_down(p) for p in problems
                if p.code not in ("hidden-character", "empty-file")]
    if loaded is None:
        return problems
    allowed = FRONT_MATTER_KEYS if translated else FRONT_MATTER_KEYS - {"translation"}
    for key, value in loaded.data.items():
        line, column = _moved(loaded.locate((key,), prefer_key=True))
        if key not in allowed:
            why = (" (it would change the page's layout)" if key == "template" else "")
            problems.append(error(shown, line, column,
                                  f"'{key}' is not allowed in a page's front matter{why}; "
                                  f"use only {', '.join(sorted(allowed))}", "unknown-key"))
        elif key in TEXT_KEYS:
            problems += _text_value_problems(loaded, key, value, shown)
        elif key == "last_reviewed":
            problems += _date_problems(loaded, key, value, shown)
    return problems


def _text_value_problems(loaded: LoadedFile, key: str, value: object, shown: str
                         ) -> list[Problem]:
    line, column = _moved(loaded.locate((key,)))
    if not isinstance(value, str) or not value.strip():
        return [error(shown, line, column, f"'{key}' must be one line of text",
                      "wrong-type")]
    found = []
    for finding in check_markup(value, rules=ONE_LINE_RULES):
        at_line, at_column = _moved(loaded.text_position((key,), finding.line_index,
                                                         finding.column))
        found.append(error(shown, at_line, at_column, f"in '{key}': {finding.message}",
                           finding.code))
    return found


def _date_problems(loaded: LoadedFile, key: str, value: object, shown: str
                   ) -> list[Problem]:
    line, column = _moved(loaded.locate((key,)))
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return [error(shown, line, column, f"'{value}' in '{key}' is not a real date; write "
                      "it as YYYY-MM-DD, for example 2026-03-03", "bad-date")]
    return []


def _moved(location: tuple[int, int]) -> tuple[int, int]:
    """A place in the front matter, as a place in the page (after the first '---')."""
    return location[0] + 1, location[1]


def _moved_down(problem: Problem) -> Problem:
    line, _ = _moved((problem.line, problem.column))
    return Problem(problem.path, line, problem.column, problem.severity, problem.message,
                   problem.code)
