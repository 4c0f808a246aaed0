"""`victim-journey check-a11y` (the accessibility check of a built site, whole or one
shard) and `victim-journey merge-a11y-reports` (one report from every shard's)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from victim_journey.cli.support import Commands
from victim_journey.site_check.shard import WHOLE_SITE, ShardError, parse_shard


def _shard(text: str) -> Any:
    try:
        return parse_shard(text)
    except ShardError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _in_root(root: Path, path: str) -> Path:
    return Path(path) if Path(path).is_absolute() else root / path


def run_check(args: argparse.Namespace) -> int:
    from victim_journey.site_check.run import run_accessibility_check

    root = Path(args.root).resolve()
    return run_accessibility_check(_in_root(root, args.site_dir),
                                   _in_root(root, args.report_dir),
                                   shard=args.shard, use_cache=not args.no_cache,
                                   cache_file=_in_root(root, args.cache) if args.cache
                                   else None)


def run_merge(args: argparse.Namespace) -> int:
    from victim_journey.site_check.report import MergeError, merge_reports, write_reports
    from victim_journey.site_check.run import finish

    root = Path(args.root).resolve()
    try:
        outcome = merge_reports([Path(p) for p in args.reports])
    except MergeError as exc:
        print(f"cannot merge the accessibility reports: {exc}", file=sys.stderr)
        return 1
    json_report, md_report = write_reports(outcome, _in_root(root, args.report_dir))
    return finish(outcome, f"merged {len(args.reports)} reports into {md_report}, "
                           f"{json_report}")


def add_command(commands: Commands) -> None:
    check = commands.add_parser(
        "check-a11y", help="run the accessibility check on a built site (all of it, or "
                           "one shard with --shard 2/4)")
    check.add_argument("--site-dir", default="site")
    check.add_argument("--report-dir", default="reports")
    check.add_argument("--shard", type=_shard, default=WHOLE_SITE, metavar="K/N",
                       help="check only the K-th of N equal parts of the pages")
    check.add_argument("--no-cache", action="store_true",
                       help="check every page, even those unchanged since the last check")
    check.add_argument("--cache", metavar="FILE",
                       help="keep the results here (default: .cache/accessibility.json)")
    check.set_defaults(func=run_check)
    merge = commands.add_parser(
        "merge-a11y-reports", help="merge the shards' accessibility.json into one report")
    merge.add_argument("reports", nargs="+", metavar="REPORT",
                       help="every shard's accessibility.json")
    merge.add_argument("--report-dir", default="reports")
    merge.set_defaults(func=run_merge)
