"""`victim-journey urls`: list the site's URLs, or keep the registry of published URLs
(journey/published-urls.txt)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from victim_journey.cli.support import Commands, print_problems
from victim_journey.content.journey import DOCS_DIR
from victim_journey.pipeline import check_content, hand_written_pages
from victim_journey.publish.urls import run_urls


def urls_command(root: Path, content: str, mode: str, out: TextIO, err: TextIO) -> int:
    """`mode` is "list", "update" (add new URLs, never remove one) or "check"."""
    checked = check_content(root / content, root=root, docs_dir=root / DOCS_DIR)
    if checked.journey is None or not checked.pages:
        print_problems(checked.problems, "text")
        return 1
    page_paths = {page.path for page in checked.pages} | hand_written_pages(root / DOCS_DIR / "en")
    return run_urls(mode, root / content, root, checked.journey, page_paths, out, err)


def run(args: argparse.Namespace) -> int:
    mode = "update" if args.update else "check" if args.check else "list"
    return urls_command(Path(args.root).resolve(), args.content, mode, sys.stdout, sys.stderr)


def add_command(commands: Commands) -> None:
    urls = commands.add_parser("urls", help="list the site's URLs, or keep the registry of "
                                            "published URLs (journey/published-urls.txt)")
    urls_mode = urls.add_mutually_exclusive_group()
    urls_mode.add_argument("--update", action="store_true",
                           help="add the site's new URLs to the registry (never removes one)")
    urls_mode.add_argument("--check", action="store_true",
                           help="fail if a registered URL is lost or a URL is not registered")
    urls.set_defaults(func=run)
