"""`victim-journey review-report`: every review date, soonest first, with what is due and
what is overdue.

`--fail-overdue` makes an overdue review fail the command: the scheduled review workflow
runs it over everything, and the pull-request check over only the files the pull request
changes (`--changed-since origin/main`), so an editor reviews what they touch and an
urgent fix elsewhere is never held up.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path
from typing import Any

from victim_journey import clock
from victim_journey.checks.docs_review import every_review_status
from victim_journey.checks.review import ReviewStatus, review_state
from victim_journey.cli.support import load_for_command
from victim_journey.content.journey import DOCS_DIR


class GitError(Exception):
    pass


def changed_since(root: Path, ref: str) -> set[str]:
    """Files (relative to `root`) that differ between where this branch left `ref` and
    the working tree: committed on the branch, staged or not yet staged."""
    command = ["git", "-C", str(root), "diff", "--name-only", "--relative", "--no-renames",
               "--merge-base", ref]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from exc
    if result.returncode != 0:
        reason = (result.stderr.strip().splitlines() or ["git failed"])[-1]
        raise GitError(f"cannot compare with '{ref}': {reason}")
    return {line for line in result.stdout.splitlines() if line}


def print_statuses(statuses: list[ReviewStatus], states: list[str]) -> None:
    print(f"{'due':<12} {'status':<9} {'last reviewed':<14} {'owner':<32} file")
    for status, state in zip(statuses, states, strict=True):
        print(f"{status.due.isoformat():<12} {state:<9} {status.last_reviewed.isoformat():<14} "
              f"{status.owner[:32]:<32} {status.path}")


def run(args: argparse.Namespace) -> int:
    root, journey = load_for_command(args)
    if journey is None:
        return 1
    today = clock.today(args.today)
    statuses = every_review_status(journey, root / DOCS_DIR, root)
    if args.changed_since:
        try:
            changed = changed_since(root, args.changed_since)
        except GitError as exc:
            print(f"victim-journey review-report: {exc}", file=sys.stderr)
            return 2
        statuses = [s for s in statuses if s.path in changed]
        print(f"Files changed since {args.changed_since} that carry a review date: "
              f"{len(statuses)}")
    states = [review_state(s, today, journey.site.review_warning_days) for s in statuses]
    print_statuses(statuses, states)
    from victim_journey.cli.translation import unchecked_translations

    if not args.changed_since:
        unchecked = unchecked_translations(journey, root / args.content, root)
        print(f"\nTranslations that need a check by a fluent speaker: {len(unchecked)}")
        for item in unchecked:
            print(f"  {item.path}  (translated {item.info.translated_on.isoformat()})")
    overdue = [s for s, state in zip(statuses, states, strict=True) if state == "overdue"]
    for status in overdue:
        print(f"{status.path}:{status.line}:{status.column}: "
              f"{'error' if args.fail_overdue else 'warning'}: review overdue since "
              f"{status.due}: check the page is still true, then set 'last_reviewed' to "
              f"the day of the review [review-overdue]", file=sys.stderr)
    return 1 if overdue and args.fail_overdue else 0


def add_command(commands: Any) -> None:
    """Register `victim-journey review-report` on the CLI's subcommands."""
    report = commands.add_parser("review-report", help="list review dates, soonest first")
    report.add_argument("--today", type=clock.parse_day,
                        help="check review dates as of this day")
    report.add_argument("--changed-since", metavar="REF",
                        help="only files changed since this Git branch or commit "
                             "(for a pull request: origin/main)")
    report.add_argument("--fail-overdue", action="store_true",
                        help="exit 1 if a review listed is overdue")
    report.set_defaults(func=run)
