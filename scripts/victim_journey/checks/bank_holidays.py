"""Checks on the bank holidays (journey/bank-holidays.yml) that the deadline helper uses.

A wrong or missing date would move a reader's deadline, so the list must cover whole
years with no gaps, and editors are warned well before it runs out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from victim_journey.checks.review import add_months
from victim_journey.content.deadlines import SATURDAY
from victim_journey.content.journey import BANK_HOLIDAYS_FILE, BANK_HOLIDAYS_KEY, Journey, stage_key
from victim_journey.problems import Problem, Severity, error

FILE_KEY = BANK_HOLIDAYS_KEY
SOURCE_URL = "https://www.gov.uk/bank-holidays"
# Warn this long before the list ends: the helper counts up to 3 months ahead, and the
# new year's dates are published well in advance.
WARN_MONTHS_BEFORE_END = 6
# England and Wales have 8 bank holidays in a usual year; fewer usually means one was
# left out.
USUAL_PER_YEAR = 8


def bank_holiday_problems(journey: Journey, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    file = journey.bank_holidays
    if file is None:
        if FILE_KEY not in journey.files:  # missing, not broken (that is reported already)
            problems += _needed_but_missing(journey)
        return problems
    loaded = journey.files[FILE_KEY]

    def at(index: int, message: str, code: str, severity: Severity = Severity.ERROR
           ) -> Problem:
        return loaded.problem_at(("holidays", index, "date"), message, code, severity=severity)

    dates = [h.date for h in file.holidays]
    seen: set[dt.date] = set()
    for index, day in enumerate(dates):
        if day in seen:
            problems.append(at(index, f"{day} is listed twice; keep one",
                                  "duplicate-date"))
        if day.weekday() >= SATURDAY:
            problems.append(at(index, f"{day} is a {day:%A}; a bank holiday is "
                                  "always a weekday (a substitute day replaces one that "
                                  f"falls at the weekend): check it on {SOURCE_URL}",
                                  "bad-date"))
        if index and day < dates[index - 1]:
            problems.append(at(index, f"{day} comes before the date above it; "
                                    "keep the dates in order so they are easy to check",
                                    "unsorted-dates", Severity.WARNING))
        seen.add(day)

    per_year = Counter(day.year for day in dates)
    first_of_year = {}
    for index, day in enumerate(dates):
        first_of_year.setdefault(day.year, index)
    for year in range(min(per_year), max(per_year) + 1):
        if year not in per_year:
            after = min(y for y in per_year if y > year)
            problems.append(at(first_of_year[after],
                                  f"no bank holidays are listed for {year}; list every year "
                                  f"from the first to the last (see {SOURCE_URL})",
                                  "missing-year"))
        elif per_year[year] < USUAL_PER_YEAR:
            problems.append(at(first_of_year[year],
                                    f"only {per_year[year]} bank holidays are listed for "
                                    f"{year}; {journey.site.jurisdiction} usually has "
                                    f"{USUAL_PER_YEAR}: check {SOURCE_URL}",
                                    "few-bank-holidays", Severity.WARNING))

    last_year = max(per_year)
    last_day = dt.date(last_year, 12, 31)
    if add_months(today, WARN_MONTHS_BEFORE_END) > last_day:
        when = "ran out" if today > last_day else "run out"
        problems.append(at(dates.index(max(dates)),
                                f"the bank holidays {when} on {last_day}; add the dates for "
                                f"{last_year + 1} from {SOURCE_URL}, or the deadline helper "
                                "cannot count working days after then", "bank-holidays-ending",
                                Severity.WARNING))
    return problems


def _needed_but_missing(journey: Journey) -> list[Problem]:
    problems = []
    for sid, stage in journey.stages.items():
        limits = stage.review_time_limits
        if limits is not None and limits.prompt_working_days is not None:
            loaded = journey.files[stage_key(sid)]
            line, column = loaded.locate(("review_time_limits", "prompt_working_days"))
            problems.append(error(loaded.path, line, column,
                                  f"counting working days needs the bank holidays: add "
                                  f"journey/{BANK_HOLIDAYS_FILE} (see {SOURCE_URL})",
                                  "missing-file"))
    return problems
