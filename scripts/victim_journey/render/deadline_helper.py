"""What the private deadline helper on a stage page needs: its settings, the bank holidays
for the browser, and a worked example computed here from the same data, for readers
without JavaScript (and for print)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from victim_journey.content.deadlines import (
    Deadlines,
    HolidayCalendar,
    OutsideCalendar,
    holidays_between,
    review_deadlines,
)
from victim_journey.content.interface_text import Interface
from victim_journey.content.journey import Journey
from victim_journey.content.model import BankHolidaysFile, Source
from victim_journey.pages import page_url, relative_url

SCRIPT_URL = "/assets/javascripts/vj-deadlines.js"


def full_date(day: dt.date, text: Interface) -> str:
    """'Thursday 24 December 2026' ('dydd Iau 24 Rhagfyr 2026'): the format the browser's
    helper writes too."""
    return f"{text(f'weekday-{day.isoweekday()}')} {text.long_date(day)}"


def month_names(text: Interface) -> str:
    """The 12 month names for the browser's helper, January first, separated by '|'."""
    return "|".join(text(f"month-{month}") for month in range(1, 13))


def day_names(text: Interface) -> str:
    """The 7 day names for the browser's helper, Sunday first as in JavaScript's
    getUTCDay(), separated by '|'."""
    return "|".join(text(f"weekday-{day}") for day in (7, 1, 2, 3, 4, 5, 6))


@dataclass(frozen=True)
class DeadlineHelper:
    working_days: int | None
    months: int
    # For the browser, through data attributes: no inline script, nothing fetched.
    holiday_dates: str
    first_day: dt.date | None
    last_day: dt.date | None
    source: Source | None
    example: Deadlines
    example_skipped: list[str]  # names of the bank holidays the example does not count
    script_src: str
    if_late: str | None = None  # what a reader can still do once the last day has passed
    # The page's language: its dates, and the names the browser's helper writes dates with.
    text: Interface | None = None
    month_names: str = ""
    day_names: str = ""

    def date_text(self, day: dt.date) -> str:
        return full_date(day, self.text)


def _calendar(file: BankHolidaysFile | None) -> HolidayCalendar | None:
    return HolidayCalendar.from_dates(h.date for h in file.holidays) if file else None


def example_day(calendar: HolidayCalendar, near: dt.date) -> dt.date:
    """The working day just before the first bank holiday on or after `near`, so the
    example shows a bank holiday being skipped. Holidays with no listed working day
    before them (1 January of the first year) are passed over; after the last listed
    holiday, the latest one is used."""
    holidays = sorted(calendar.holidays)
    for holiday in [*(d for d in holidays if d >= near), *reversed(holidays)]:
        day = holiday - dt.timedelta(days=1)
        try:
            while not calendar.is_working_day(day):
                day -= dt.timedelta(days=1)
        except OutsideCalendar:
            continue
        return day
    return holidays[0]  # a calendar with no working days: not real data, but no crash


def deadline_helper(journey: Journey, stage_id: str, page_path: str) -> DeadlineHelper | None:
    """The helper for a stage page, or None if the stage has no review time limits."""
    limits = journey.stages[stage_id].review_time_limits
    if limits is None:
        return None
    file = journey.bank_holidays
    calendar = _calendar(file)
    told_on = (example_day(calendar, file.last_reviewed) if calendar and file
               else journey.stages[stage_id].last_reviewed)
    example = review_deadlines(told_on, working_days=limits.prompt_working_days,
                               months=limits.months, calendar=calendar)
    names = {h.date: h.name for h in file.holidays} if file else {}
    skipped = ([names[d] for d in holidays_between(told_on, example.prompt_review, calendar)]
               if calendar and example.prompt_review else [])
    return DeadlineHelper(
        working_days=limits.prompt_working_days,
        months=limits.months,
        holiday_dates=" ".join(sorted(d.isoformat() for d in calendar.holidays))
        if calendar else "",
        first_day=calendar.first_day if calendar else None,
        last_day=calendar.last_day if calendar else None,
        source=file.source if file else None,
        example=example,
        example_skipped=skipped,
        script_src=relative_url(page_url(page_path), SCRIPT_URL),
        if_late=limits.if_late,
        text=journey.t,
        month_names=month_names(journey.t),
        day_names=day_names(journey.t),
    )
