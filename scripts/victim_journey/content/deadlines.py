"""Review deadlines: working days and months counted from the day a reader was told.

The same rules run in the reader's browser
(scripts/victim_journey/theme/assets/javascripts/vj-deadlines.js);
tests/deadline_cases.yml checks both against one table, so they cannot drift apart.

How we count, as the page explains it:
- A working day is Monday to Friday, except England and Wales bank holidays.
- Day 1 is the first working day after the day you were told, so "10 working days"
  ends on the 10th such day.
- "3 months" is the same date 3 months later; if that month is shorter, the last day of
  that month (31 August + 3 months = 30 November). This is review.add_months.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))



SATURDAY = 5


class OutsideCalendar(ValueError):
    """The count needs a day for which we do not know the bank holidays."""


@dataclass(frozen=True)
class HolidayCalendar:
    """Bank holidays for whole calendar years, from first_day to last_day."""

    holidays: frozenset[dt.date]
    first_day: dt.date
    last_day: dt.date

    @classmethod
    def from_dates(cls, dates: Iterable[dt.date]) -> HolidayCalendar:
        """Each year from the earliest to the latest date is taken to be listed in full;
        validation (validate_bank_holidays.py) checks that no year is missing."""
        holidays = frozenset(dates)
        if not holidays:
            raise ValueError("a holiday calendar needs at least one date")
        return cls(holidays, dt.date(min(holidays).year, 1, 1),
                   dt.date(max(holidays).year, 12, 31))

    def covers(self, day: dt.date) -> bool:
        return self.first_day <= day <= self.last_day

    def is_working_day(self, day: dt.date) -> bool:
        if not self.covers(day):
            raise OutsideCalendar(f"no bank holidays are listed for {day.year}")
        return day.weekday() < SATURDAY and day not in self.holidays


def add_working_days(told_on: dt.date, count: int, calendar: HolidayCalendar) -> dt.date:
    """The `count`th working day after `told_on` (day 1 is the first working day after
    it). Raises OutsideCalendar if a day it must check has no bank holiday data."""
    day, counted = told_on, 0
    while counted < count:
        day += dt.timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return day


def holidays_between(start: dt.date, end: dt.date, calendar: HolidayCalendar
                     ) -> list[dt.date]:
    """Bank holidays on weekdays after `start` and up to `end`: the days a count skipped
    that a reader might otherwise have counted."""
    return sorted(d for d in calendar.holidays if start < d <= end and d.weekday() < SATURDAY)


@dataclass(frozen=True)
class Deadlines:
    told_on: dt.date
    # None when there is no working-day limit, or when it cannot be counted (see
    # prompt_outside_calendar).
    prompt_review: dt.date | None
    prompt_outside_calendar: bool
    outer_limit: dt.date


def review_deadlines(told_on: dt.date, *, working_days: int | None, months: int,
                     calendar: HolidayCalendar | None) -> Deadlines:
    """Both limits for one day. The outer limit needs no bank holidays, so it is always
    given; the working-day limit only when every day it counts has bank holiday data."""
    prompt, outside = None, False
    if working_days is not None:
        try:
            if calendar is None:
                raise OutsideCalendar("no bank holidays are listed")
            prompt = add_working_days(told_on, working_days, calendar)
        except OutsideCalendar:
            outside = True
    return Deadlines(told_on, prompt, outside, add_months(told_on, months))
