"""The one clock: the day the review dates and the bank-holiday table are checked against.

The day is an input, never a hidden one. In order:
1. the day a command was given (`--today`);
2. the day a parent command hands to the MkDocs builds it starts (VICTIM_JOURNEY_TODAY,
   set only in that child's environment, never in this process's own);
3. SOURCE_DATE_EPOCH, the reproducible-builds convention;
4. the system date.

Nothing here changes what is written into site/: only what editors are told (review-due,
review-overdue, bank-holidays-ending). Every other module asks this one for the day.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

DAY_FOR_CHILD = "VICTIM_JOURNEY_TODAY"
SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


class BadClock(ValueError):
    """An environment variable that should hold a day does not."""


def day_from_epoch(value: str) -> dt.date:
    """The UTC day of a Unix timestamp, as SOURCE_DATE_EPOCH holds it."""
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError) as exc:
        raise BadClock(f"{SOURCE_DATE_EPOCH}={value!r} is not a number of seconds since "
                       "1970-01-01") from exc


def _day_from_iso(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise BadClock(f"{DAY_FOR_CHILD}={value!r} is not a date like 2026-03-03") from exc


def today(given: dt.date | None = None, environ: Mapping[str, str] | None = None) -> dt.date:
    """The day to check content against (see the module's docstring for the order)."""
    if given is not None:
        return given
    environ = os.environ if environ is None else environ
    if environ.get(DAY_FOR_CHILD):
        return _day_from_iso(environ[DAY_FOR_CHILD])
    if environ.get(SOURCE_DATE_EPOCH):
        return day_from_epoch(environ[SOURCE_DATE_EPOCH])
    return dt.date.today()


def environment_for_child(given: dt.date | None, environ: Mapping[str, str] | None = None
                          ) -> dict[str, str]:
    """A copy of the environment for a child process, carrying the day given to this
    command so that the child checks against the same day. This process's own
    environment is left as it is."""
    child = dict(os.environ if environ is None else environ)
    if given is not None:
        child[DAY_FOR_CHILD] = given.isoformat()
    return child


def parse_day(value: str) -> dt.date:
    """The `--today` option's type: a day written as YYYY-MM-DD."""
    import argparse

    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2026-03-03") from exc
