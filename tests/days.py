"""Days for tests of the live content, worked out from the content itself, never from the
clock: so the tests give the same result on any day, and a routine review (a newer
`last_reviewed`) never puts a test's day before a review date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_REVIEWED = re.compile(r"^last_reviewed:\s*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


def newest_review(root: Path = ROOT) -> dt.date:
    """The newest `last_reviewed` in the content and the hand-written pages."""
    files = [*(root / "journey").rglob("*.yml"), *(root / "docs").rglob("*.md")]
    return max(dt.date.fromisoformat(day) for path in files
               for day in _REVIEWED.findall(path.read_text(encoding="utf-8")))


# The day the live content was last reviewed: the latest day a test may check it as of
# without a review date being in the future.
CONTENT_DAY = newest_review()


def years_later(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# Warnings that an editor's ordinary work leaves for a while: a review date, a translation
# that follows later, a draft stage, the bank holidays running out. Tests of the live
# content allow them, so that work turns no test red.
ROUTINE_WARNINGS = frozenset({"review-due", "review-overdue", "bank-holidays-ending", "draft",
                              "translation-missing", "translation-stale"})
