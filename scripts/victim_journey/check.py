"""The one entry point for checking content: load every file, then run every check."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from .journey import Journey, load_journey
from .plain_english import check_plain_english
from .problems import Problem, has_errors, sort_problems
from .published_urls import registry_problems
from .render import RenderedPage, render_site
from .validate import validate

TODAY_VARIABLE = "VICTIM_JOURNEY_TODAY"


def today_from_environment() -> dt.date:
    """Today, unless VICTIM_JOURNEY_TODAY fixes the date (for tests and previews)."""
    value = os.environ.get(TODAY_VARIABLE)
    return dt.date.fromisoformat(value) if value else dt.date.today()


def hand_written_pages(docs_dir: Path | None) -> set[str]:
    if docs_dir is None or not docs_dir.is_dir():
        return set()
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}


@dataclass(frozen=True)
class CheckedContent:
    journey: Journey | None
    problems: list[Problem]
    pages: list[RenderedPage]


def check_content(content_dir: Path, *, root: Path | None = None,
                  today: dt.date | None = None, docs_dir: Path | None = None
                  ) -> CheckedContent:
    """Load, render and validate. The journey is None if it could not be read; problems
    holds every error and warning, sorted by file and line; pages are the generated
    pages (rendered once here, so validation can check links against them)."""
    journey, problems = load_journey(content_dir, root)
    pages: list[RenderedPage] = []
    if journey is not None:
        pages = _render_if_possible(journey, problems)
        page_paths = {page.path for page in pages} | hand_written_pages(docs_dir)
        problems += validate(journey, today=today or today_from_environment(),
                             page_paths=page_paths if pages else None)
        problems += check_plain_english(journey, pages, content_dir, root or content_dir.parent)
        if pages:  # without the pages, every published URL would look lost
            problems += registry_problems(content_dir, root or content_dir.parent, journey,
                                          page_paths)
    return CheckedContent(journey, sort_problems(problems), pages)


def _render_if_possible(journey: Journey, problems: list[Problem]) -> list[RenderedPage]:
    """Render the pages, so validation can check links against them. When some files
    did not load, rendering may trip over what is missing: those files' errors are
    already reported, so skip the link check rather than crash."""
    try:
        return render_site(journey)
    except Exception:
        if has_errors(problems):
            return []
        raise
