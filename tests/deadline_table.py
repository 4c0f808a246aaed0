"""The shared table of review deadlines (deadline_cases.yml), for the Python and the
browser tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

TABLE = Path(__file__).parent / "deadline_cases.yml"
OUTSIDE = "outside"


@dataclass(frozen=True)
class DeadlineCase:
    told_on: dt.date
    why: str
    ten_working_days: dt.date | None  # None: outside the listed bank holidays
    three_months: dt.date

    @property
    def id(self) -> str:
        return self.told_on.isoformat()


def _table() -> dict:
    # The table is the tests' own file, so plain safe_load (which reads dates) is fine.
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def deadline_cases() -> list[DeadlineCase]:
    return [DeadlineCase(c["told_on"], c["why"],
                         None if c["ten_working_days"] == OUTSIDE else c["ten_working_days"],
                         c["three_months"])
            for c in _table()["cases"]]


def covered_years() -> tuple[int, int]:
    first, last = _table()["bank_holidays_cover"]
    return first, last


def table_holidays(dates: Iterable[dt.date]) -> list[dt.date]:
    """The bank holidays of the years the table was worked out for: an editor adding
    next year's dates to journey/bank-holidays.yml changes no expected answer."""
    first, last = covered_years()
    return sorted(day for day in dates if first <= day.year <= last)


@dataclass(frozen=True)
class TodayCase:
    page: str  # the stage whose helper is used
    told_on: dt.date
    today: dt.date
    status: str
    why: str

    @property
    def id(self) -> str:
        return f"{self.page}-{self.told_on.isoformat()}-on-{self.today.isoformat()}"


def today_cases() -> list[TodayCase]:
    return [TodayCase(c["page"], c["told_on"], c["today"], c["status"], c["why"])
            for c in _table()["today_cases"]]


def invalid_inputs() -> list[tuple[str, str, str]]:
    return [tuple(row) for row in _table()["invalid_inputs"]]


def full_date(day: dt.date) -> str:
    """'Thursday 24 December 2026': how the English pages write a date with its weekday,
    written here independently of the code under test."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def long_date(day: dt.date) -> str:
    """'24 December 2026': how the English pages write a date."""
    return f"{day.day} {day:%B %Y}"
