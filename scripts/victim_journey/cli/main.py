"""The `victim-journey` command: one module per sub-command, as MkDocs' own commands.

Each module in COMMANDS has `add_command(commands)`, which adds its sub-command(s) to
the parser and sets `func`, the function that runs it and returns the exit status.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from victim_journey import clock
from victim_journey.cli import (
    a11y,
    bench,
    build,
    check_links,
    export,
    init,
    new,
    review_report,
    schema,
    translation,
    urls,
    validate,
)

COMMANDS = (validate, build, schema, bench, urls, review_report, new, check_links,
            translation, a11y, init, export)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="victim-journey",
        description="Check the content in journey/ and build the guidance site.")
    parser.add_argument("--root", default=".", help="the project folder (default: here)")
    parser.add_argument("--content", default="journey", help="the content folder")
    commands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except clock.BadClock as exc:  # a variable set in the shell, not a content mistake
        print(f"victim-journey: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
