"""Review dates of the hand-written pages (docs/<language>/*.md), from their front matter:

    ---
    last_reviewed: 2026-11-29
    owner: Victim journey content team
    ---

Readers see the date at the bottom of the page, as on every generated page. The English
pages are the ones reviewed (a translation follows its English), so they join the content
in `validate` and `review-report`; a badly written date is an error in any language.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from victim_journey.checks.review import ReviewStatus, add_months, review_statuses, status_problems
from victim_journey.content.front_matter import front_matter_match
from victim_journey.content.journey import Journey, display_path
from victim_journey.content.languages import SOURCE_LANGUAGE
from victim_journey.problems import Problem, error, warning

_FIELD = re.compile(r"^(last_reviewed|owner|review_interval_months):[ \t]*(.*?)\s*$")


@dataclass(frozen=True)
class DocsReview:
    statuses: list[ReviewStatus]
    problems: list[Problem]


def _fields(text: str) -> dict[str, tuple[str, int, int]]:
    """{field: (value as written, line, column of the value)} of the top-level review
    fields in the front matter. Read line by line, not with YAML, so that a bad date is
    reported at its line, whatever YAML would make of it."""
    match = front_matter_match(text)
    if not match:
        return {}
    found = {}
    for number, line in enumerate((match.group(1) or "").split("\n"), start=2):
        field = _FIELD.match(line)
        if field:
            value = field.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            found[field.group(1)] = (value, number, field.start(2) + 1)
    return found


def docs_review(docs_root: Path | None, root: Path, *, source_language: str,
                default_owner: str, interval_months: int) -> DocsReview:
    """Every hand-written page's review status (source language only) and every problem
    with its review fields (every language)."""
    statuses: list[ReviewStatus] = []
    problems: list[Problem] = []
    if docs_root is None or not docs_root.is_dir():
        return DocsReview(statuses, problems)
    for page in sorted(docs_root.glob("*/**/*.md")):
        shown = display_path(page, root)
        is_source = page.relative_to(docs_root).parts[0] == source_language
        try:
            fields = _fields(page.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue  # docs_pages.py reports the page as not UTF-8, at its line
        if "last_reviewed" not in fields:
            if is_source:
                problems.append(warning(shown, 1, 1, "this page has no 'last_reviewed' in its "
                                        "front matter, so readers cannot see when it was "
                                        "checked; add 'last_reviewed: YYYY-MM-DD'",
                                        "missing-field"))
            continue
        value, line, column = fields["last_reviewed"]
        try:
            reviewed = dt.date.fromisoformat(value)
        except ValueError:
            continue  # docs_pages.py reports the bad date, at its line
        if not is_source:
            continue
        months = interval_months
        if "review_interval_months" in fields:
            written, i_line, i_column = fields["review_interval_months"]
            if not written.isdigit() or not 1 <= int(written) <= 36:
                problems.append(error(shown, i_line, i_column, "'review_interval_months' "
                                      "must be a whole number from 1 to 36", "bad-value"))
            else:
                months = int(written)
        owner = fields.get("owner", (default_owner, 0, 0))[0] or default_owner
        statuses.append(ReviewStatus(shown, line, column, owner, reviewed,
                                     add_months(reviewed, months)))
    return DocsReview(statuses, problems)


def hand_written_review(journey: Journey, docs_root: Path | None, root: Path) -> DocsReview:
    """docs_review with the site's settings."""
    return docs_review(docs_root, root, source_language=SOURCE_LANGUAGE.code,
                       default_owner=journey.site.owner,
                       interval_months=journey.site.review_interval_months)


def every_review_status(journey: Journey, docs_root: Path | None, root: Path
                        ) -> list[ReviewStatus]:
    """The content's review dates and the hand-written pages', soonest first."""
    statuses = review_statuses(journey) + hand_written_review(journey, docs_root, root).statuses
    return sorted(statuses, key=lambda s: (s.due, s.path))


def hand_written_review_problems(journey: Journey, docs_root: Path | None, root: Path,
                                 today: dt.date) -> list[Problem]:
    review = hand_written_review(journey, docs_root, root)
    return review.problems + status_problems(review.statuses, today,
                                             journey.site.review_warning_days)
