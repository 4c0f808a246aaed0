"""Where a reader stands against their review deadlines on the day they ask: the date
they were told cannot be in the future, and dates that have passed must say so.

The browser's helper (overrides/assets/javascripts/vj-deadlines.js) follows the same
rules; the "today_cases" of tests/deadline_cases.yml check both against one table.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from victim_journey.content.deadlines import Deadlines


class DeadlineStatus(StrEnum):
    FUTURE = "future"  # the date told is after today: refused, as a mistake in the date
    OPEN = "open"  # every limit is still to come
    PROMPT_PASSED = "prompt-passed"  # the prompt review date has passed; the last has not
    LAST_DAY = "last-day"  # today is the last day to ask
    PASSED = "passed"  # the last day to ask has passed


def deadline_status(deadlines: Deadlines, today: dt.date) -> DeadlineStatus:
    """A limit's own day still counts: asking on the last day is in time."""
    if deadlines.told_on > today:
        return DeadlineStatus.FUTURE
    if deadlines.outer_limit < today:
        return DeadlineStatus.PASSED
    if deadlines.outer_limit == today:
        return DeadlineStatus.LAST_DAY
    if deadlines.prompt_review is not None and deadlines.prompt_review < today:
        return DeadlineStatus.PROMPT_PASSED
    return DeadlineStatus.OPEN
