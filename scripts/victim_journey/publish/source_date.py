"""The date of the content a build is made from, for what the site publishes as its own
date (the open data's `generated`). It never depends on the day of the build, so the same
commit builds the same bytes on any day.

In order: SOURCE_DATE_EPOCH (the reproducible-builds convention), else the date of the
last commit that touched the project, else the newest `last_reviewed` in the content.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Iterable, Mapping
from pathlib import Path

from victim_journey.clock import SOURCE_DATE_EPOCH, day_from_epoch


def last_commit_day(root: Path) -> dt.date | None:
    """The day of the last commit that touched `root`, or None when `root` is not in a
    Git checkout (a downloaded archive, a test's copy) or Git is not installed."""
    try:
        result = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%cs", "--", "."],
                                capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return dt.date.fromisoformat(result.stdout.strip()) if result.returncode == 0 else None
    except ValueError:  # no commit yet: empty output
        return None


def source_date(root: Path, reviewed: Iterable[dt.date],
                environ: Mapping[str, str] | None = None) -> dt.date:
    """The date of this version of the content (see the module's docstring). `reviewed`
    holds the content's `last_reviewed` dates, the last resort."""
    environ = os.environ if environ is None else environ
    if environ.get(SOURCE_DATE_EPOCH):
        return day_from_epoch(environ[SOURCE_DATE_EPOCH])
    return last_commit_day(root) or max(reviewed)
