"""Review dates: when each item is due a check, and the problems when it is late."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from .journey import Journey
from .problems import Problem, error, warning


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class ReviewStatus:
    path: str
    line: int
    column: int
    owner: str
    last_reviewed: dt.date
    due: dt.date


def review_statuses(journey: Journey) -> list[ReviewStatus]:
    """Every reviewed item with its due date, soonest first."""
    statuses = []
    for file_key, item in journey.reviewed_items():
        loaded = journey.files[file_key]
        line, column = loaded.locate(("last_reviewed",))
        months = item.review_interval_months or journey.site.review_interval_months
        statuses.append(ReviewStatus(loaded.path, line, column, item.owner,
                                     item.last_reviewed, add_months(item.last_reviewed, months)))
    return sorted(statuses, key=lambda s: (s.due, s.path))


def review_problems(journey: Journey, today: dt.date) -> list[Problem]:
    problems = []
    warn_from = dt.timedelta(days=journey.site.review_warning_days)
    for status in review_statuses(journey):
        where = (status.path, status.line, status.column)
        if status.last_reviewed > today:
            problems.append(error(*where, f"'last_reviewed' {status.last_reviewed} is in the "
                                  "future; use the date of the review", "bad-date"))
        elif status.due < today:
            problems.append(error(*where,
                                  f"review overdue: last reviewed {status.last_reviewed}, "
                                  f"due {status.due}; {status.owner} should check the page is "
                                  "still true, then update 'last_reviewed'", "review-overdue"))
        elif status.due - today <= warn_from:
            problems.append(warning(*where, f"review due on {status.due} ({status.owner})",
                                    "review-due"))
    return problems
