"""Review dates: when each item is due a check, and what editors are told when it is late.

Review dates inform; they never block. An overdue review is a warning: the old page stays
live whether or not the build runs, so stopping the build would only stop fixes. The
scheduled review workflow and the pull-request check (`review-report --fail-overdue`)
are where an overdue review fails something.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from victim_journey.content.deadlines import add_months
from victim_journey.content.journey import Journey
from victim_journey.problems import Problem, error, warning


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


def review_state(status: ReviewStatus, today: dt.date, warning_days: int) -> str:
    """'overdue', 'due soon' or 'ok' on `today`."""
    if status.due < today:
        return "overdue"
    return "due soon" if (status.due - today).days <= warning_days else "ok"


def review_problems(journey: Journey, today: dt.date) -> list[Problem]:
    return status_problems(review_statuses(journey), today, journey.site.review_warning_days)


def status_problems(statuses: list[ReviewStatus], today: dt.date, warning_days: int
                    ) -> list[Problem]:
    """What editors are told about these review dates on `today`: warnings, except a
    review date in the future, which is a typing mistake."""
    problems = []
    for status in statuses:
        where = (status.path, status.line, status.column)
        if status.last_reviewed > today:
            problems.append(error(*where, f"'last_reviewed' {status.last_reviewed} is in the "
                                  "future; use the date of the review", "bad-date"))
        elif (state := review_state(status, today, warning_days)) == "overdue":
            problems.append(warning(*where,
                                    f"review overdue: last reviewed {status.last_reviewed}, "
                                    f"due {status.due}; {status.owner} should check the page "
                                    "is still true, then update 'last_reviewed'",
                                    "review-overdue"))
        elif state == "due soon":
            problems.append(warning(*where, f"review due on {status.due} ({status.owner})",
                                    "review-due"))
    return problems
