"""`victim-journey init DIR`: a new site, ready to build with the installed package.

It copies the starter that ships in the package (starter/: a small route in journey/,
hand-written pages in docs/, mkdocs.yml and a README), dates every review as the day it
runs, writes the JSON Schemas for editors' tools and the registry of published URLs.
The theme is not copied: the plugin takes it from the package, as it does for this
repository's own site, so the two cannot drift.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import re
import shutil
import sys
from pathlib import Path

from victim_journey import clock
from victim_journey.cli.support import Commands
from victim_journey.cli.urls import urls_command

STARTER_DIR = Path(__file__).resolve().parent.parent / "starter"
# The review dates of the example content: a new site starts freshly reviewed.
_LAST_REVIEWED = re.compile(r"^(\s*last_reviewed:\s*)\d{4}-\d{2}-\d{2}\s*$", re.MULTILINE)


def start_site(folder: Path, today: dt.date) -> list[Path]:
    """Write a new site into `folder` (which must be empty or missing). Returns the files
    written, relative to it."""
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty: choose a new folder")
    shutil.copytree(STARTER_DIR, folder, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    for path in (folder / "journey").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        dated = _LAST_REVIEWED.sub(lambda m: f"{m.group(1)}{today.isoformat()}", text)
        if dated != text:
            path.write_text(dated, encoding="utf-8")
    from victim_journey.publish.schema import write_schemas

    write_schemas(folder / "schema")
    _write_url_registry(folder)
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


def _write_url_registry(folder: Path) -> None:
    """journey/published-urls.txt, as `victim-journey urls --update` writes it."""
    messages = io.StringIO()
    with contextlib.redirect_stderr(messages):
        status = urls_command(folder.resolve(), "journey", "update", sys.stdout, sys.stderr)
    if status != 0:
        raise RuntimeError(f"the starter content has problems:\n{messages.getvalue()}")


def run(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    today = clock.today(args.today)
    try:
        written = start_site(folder, today)
    except FileExistsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"started a new site in {folder} ({len(written)} files). Next:\n"
          f"  cd {folder}\n"
          "  victim-journey validate\n"
          "  mkdocs build --strict\n"
          "Then read README.md: 'Use it for your own service'.", file=sys.stderr)
    return 0


def add_command(commands: Commands) -> None:
    init = commands.add_parser("init", help="start a new site in a new folder")
    init.add_argument("folder", help="the folder to create (it must be empty or missing)")
    init.add_argument("--today", type=clock.parse_day,
                      help="date the example content's reviews "
                           "as this day (default: today)")
    init.set_defaults(func=run)
