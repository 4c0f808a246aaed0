"""What the `victim-journey` commands share: reading the content, printing problems."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from victim_journey.content.journey import DOCS_DIR, Journey, load_journey
from victim_journey.pipeline import check_content
from victim_journey.problems import Problem, Severity

# What each command module's add_command(commands) registers its sub-command with.
Commands = argparse._SubParsersAction  # argparse has no public name for it


def problem_summary(problems: Sequence[Problem]) -> str:
    """"2 errors, 1 warning": the last line of a command that checked the content."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


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


def content_problems(args: argparse.Namespace) -> list[Problem]:
    """Every problem in the content and the hand-written pages, checked as of --today."""
    root = Path(args.root).resolve()
    return check_content(root / args.content, root=root, today=args.today,
                         docs_dir=root / DOCS_DIR).problems
