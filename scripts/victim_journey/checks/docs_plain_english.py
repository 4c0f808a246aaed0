"""The reading level of each hand-written page (docs/<source language>/*.md), scored as
the content's long text fields are: the page is what its editor wrote, so a finding
points at the page's hardest sentence, at its line.

Only the English is scored: the formula counts English syllables (see plain_english.py).
"""

from __future__ import annotations

from pathlib import Path

from victim_journey.checks import readability
from victim_journey.checks.plain_english import (
    grade,
    hard_to_read_message,
    hardest_sentence,
    word_count,
)
from victim_journey.content.journey import display_path
from victim_journey.content.model import PlainEnglishSettings
from victim_journey.content.plain_text import sentences
from victim_journey.i18n.docs import front_matter_and_body
from victim_journey.problems import Problem, error


def hand_written_page_problems(pages_dir: Path | None, root: Path,
                               settings: PlainEnglishSettings) -> list[Problem]:
    if pages_dir is None or not pages_dir.is_dir():
        return []
    pages = []
    for path in sorted(pages_dir.rglob("*.md")):
        try:
            front, body = front_matter_and_body(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue  # docs_pages.py reports a page that is not UTF-8, at its line
        pages.append((path, front.count("\n"), sentences(body), body))
    readability.prepare(s.text for _, _, items, _ in pages for s in items)
    problems = []
    for path, body_starts, items, body in pages:
        if not items or word_count(body) < settings.min_words_to_score:
            continue
        level = grade(items)
        if level > settings.max_grade:
            hardest = hardest_sentence(items)
            problems.append(error(
                display_path(path, root), body_starts + hardest.line_index + 1, 1,
                hard_to_read_message("this page", level, settings.max_grade, hardest),
                "hard-to-read"))
    return problems
