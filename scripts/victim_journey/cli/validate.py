"""`victim-journey validate`: check every content file, as the pull-request check does."""

from __future__ import annotations

import argparse
import sys

from victim_journey import clock
from victim_journey.cli.support import Commands, content_problems, print_problems, problem_summary
from victim_journey.problems import Severity


def run(args: argparse.Namespace) -> int:
    problems = content_problems(args)
    print_problems(problems, args.format)
    errors = any(p.severity is Severity.ERROR for p in problems)
    verdict = "content has problems: " if errors else "content is valid: "
    print(verdict + problem_summary(problems), file=sys.stderr)
    return 1 if errors else 0


def add_command(commands: Commands) -> None:
    validate = commands.add_parser("validate", help="check every content file")
    validate.add_argument("--today", type=clock.parse_day, help="check review dates as of this day")
    validate.add_argument("--format", choices=("text", "github"), default="text",
                          help="'github' prints annotations for pull requests")
    validate.set_defaults(func=run)
