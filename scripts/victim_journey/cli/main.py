"""The `victim-journey` command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from victim_journey import clock
from victim_journey.cli import a11y as a11y_cli
from victim_journey.cli import check_links as links_online
from victim_journey.cli import export as export_markdown
from victim_journey.cli import init as init_site
from victim_journey.cli import new as new_item
from victim_journey.cli import review_report, urls
from victim_journey.cli import translation as translation_cli
from victim_journey.cli.support import print_problems
from victim_journey.content.journey import DOCS_DIR
from victim_journey.pipeline import check_content
from victim_journey.problems import Problem, Severity


def _summary(problems: Sequence[Problem]) -> str:
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def cmd_validate(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    problems = check_content(root / args.content, root=root, today=args.today,
                             docs_dir=root / DOCS_DIR).problems
    print_problems(problems, args.format)
    errors = any(p.severity is Severity.ERROR for p in problems)
    print(("content has problems: " if errors else "content is valid: ") + _summary(problems),
          file=sys.stderr)
    return 1 if errors else 0


def cmd_build(args: argparse.Namespace) -> int:
    from victim_journey.cli.build import BuildFailed, ChecksFailed, build_into

    root = Path(args.root).resolve()
    if args.publish:
        from victim_journey.publish.address import SITE_URL_VARIABLE, publish_address_problem

        refused = publish_address_problem(os.environ.get(SITE_URL_VARIABLE))
        if refused is None and args.no_a11y:
            refused = "a build for publishing runs the accessibility check: drop --no-a11y"
        if refused is not None:
            print(f"error: {refused}; nothing was built", file=sys.stderr)
            return 2
    problems = check_content(root / args.content, root=root, today=args.today,
                             docs_dir=root / DOCS_DIR).problems
    print_problems(problems, "text")
    if any(p.severity is Severity.ERROR for p in problems):
        print(f"build stopped before writing anything: {_summary(problems)}", file=sys.stderr)
        return 1
    site_dir = Path(args.site_dir) if Path(args.site_dir).is_absolute() else root / args.site_dir
    check = None
    if not args.no_a11y:
        from victim_journey.site_check.run import run_accessibility_check

        # The new site is checked where it was built, before it replaces site/.
        def check(built: Path) -> int:
            return run_accessibility_check(built, root / "reports")

    try:
        # The MkDocs builds check review dates against the same day as this command.
        build_into(root, site_dir, check=check, env=clock.environment_for_child(args.today))
    except ChecksFailed as exc:
        print("accessibility check failed; the previous site/ is unchanged", file=sys.stderr)
        return exc.status
    except BuildFailed as exc:
        print(str(exc).rstrip(), file=sys.stderr)
        print("build failed; the previous site/ is unchanged", file=sys.stderr)
        return 1
    print(f"built {site_dir}", file=sys.stderr)
    if args.no_a11y:
        print("accessibility check SKIPPED (--no-a11y): do not publish this build",
              file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from victim_journey.publish.schema import write_schemas

    root = Path(args.root).resolve()
    stale = write_schemas(root / "schema", check_only=args.check)
    if args.check and stale:
        for name in stale:
            print(f"schema/{name} is out of date: run 'victim-journey schema'", file=sys.stderr)
        return 1
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from victim_journey.cli.bench import report, run

    root = Path(args.root).resolve()
    sizes = [int(size) for size in args.sizes.split(",")]
    text = report(run(root, sizes, args.repeats, a11y=not args.no_a11y))
    print(text)
    if args.output:
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="victim-journey",
        description="Check the content in journey/ and build the guidance site.")
    parser.add_argument("--root", default=".", help="the project folder (default: here)")
    parser.add_argument("--content", default="journey", help="the content folder")
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check every content file")
    validate.add_argument("--today", type=clock.parse_day, help="check review dates as of this day")
    validate.add_argument("--format", choices=("text", "github"), default="text",
                          help="'github' prints annotations for pull requests")
    validate.set_defaults(func=cmd_validate)

    build = commands.add_parser("build", help="check, build site/ and run the "
                                              "accessibility check")
    build.add_argument("--site-dir", default="site")
    build.add_argument("--today", type=clock.parse_day)
    build.add_argument("--no-a11y", action="store_true",
                       help="skip the accessibility check (quick local preview only)")
    build.add_argument("--publish", action="store_true",
                       help="a build to publish: refuse to run without the site's real "
                            "address in SITE_URL")
    build.set_defaults(func=cmd_build)

    schema = commands.add_parser("schema", help="write the JSON Schemas editors' tools use")
    schema.add_argument("--check", action="store_true", help="fail if they are out of date")
    schema.set_defaults(func=cmd_schema)

    bench = commands.add_parser("bench", help="time validate and build against plain "
                                              "Material, at several sizes")
    bench.add_argument("--sizes", default="0,150,1500,2000",
                       help="numbers of synthetic services to add, comma-separated")
    bench.add_argument("--repeats", type=int, default=3)
    bench.add_argument("--output", help="also write the report to this file")
    bench.add_argument("--no-a11y", action="store_true",
                       help="leave out the accessibility check (about half a CPU second "
                            "a page)")
    bench.set_defaults(func=cmd_bench)

    urls.add_command(commands)  # victim-journey urls [--update|--check]

    review_report.add_command(commands)  # victim-journey review-report
    new_item.add_command(commands)  # victim-journey new stage|service ID
    links_online.add_command(commands)  # victim-journey check-links [--online]
    translation_cli.add_command(commands)  # translation-report, translation-stamp
    a11y_cli.add_command(commands)  # check-a11y, merge-a11y-reports
    init_site.add_command(commands)  # victim-journey init DIR
    export_markdown.add_command(commands)  # victim-journey export DIR
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
