"""What the `victim-journey` commands share: reading the content, printing problems."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from victim_journey.content.journey import Journey, load_journey
from victim_journey.problems import Problem


def print_problems(problems: Sequence[Problem], output_format: str = "text") -> None:
    """One line each: on stderr for people, on stdout as GitHub annotations."""
    for problem in problems:
        line = problem.format_github() if output_format == "github" else problem.format_text()
        print(line, file=sys.stdout if output_format == "github" else sys.stderr)


def load_for_command(args: argparse.Namespace) -> tuple[Path, Journey | None]:
    """The project folder and its content. If the content does not load, every problem
    is printed and the journey is None: the command then exits 1."""
    root = Path(args.root).resolve()
    journey, problems = load_journey(root / args.content, root)
    if journey is None:
        print_problems(problems)
    return root, journey
