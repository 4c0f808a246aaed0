"""`victim-journey new stage|service|situation ID`: start a content file
from a commented template that validates at once.

The template's text starts with 'TODO:', which validation warns about, so a new file can
be committed and checked straight away but cannot be published until it is written. A new
stage or situation is also a draft (`draft: true`): it need not be in the route, or on
the home page, until it is ready.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

from victim_journey import clock
from victim_journey.cli.support import Commands
from victim_journey.content.errors import parse_model
from victim_journey.content.journey import (
    SERVICES_DIR,
    SITE_FILE,
    SITUATIONS_DIR,
    STAGES_DIR,
    display_path,
)
from victim_journey.content.loader import load_yaml
from victim_journey.content.model import ID_PATTERN, SiteSettings

KINDS = {"stage": STAGES_DIR, "service": SERVICES_DIR, "situation": SITUATIONS_DIR}
# A new situation's address: the next free one of these (see situations.py).
NEUTRAL_SLUG = "guide-{number}"
# Ids that would give a page the same address as a page the site makes itself.
RESERVED_IDS = {"index"}


class NewItemError(Exception):
    """A reason not to write the file, as one line for the editor."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(f"error: {message} [{code}]")


@dataclass(frozen=True)
class NewItem:
    path: Path
    shown: str
    next_steps: str


def _check_id(kind: str, item_id: str, content_dir: Path, root: Path) -> Path:
    if not re.match(ID_PATTERN, item_id) or len(item_id) > 80:
        raise NewItemError(f"'{item_id}' is not a valid id; use lower-case letters, digits "
                           "and hyphens, such as 'the-trial' (it becomes the page's address)",
                           "bad-id")
    if item_id in RESERVED_IDS:
        raise NewItemError(f"'{item_id}' is kept for the site's own pages; choose another id",
                           "bad-id")
    path = content_dir / KINDS[kind] / f"{item_id}.yml"
    if path.exists():
        raise NewItemError(f"{display_path(path, root)} already exists; edit it, or choose "
                           "another id", "duplicate-id")
    return path


def _site(content_dir: Path, root: Path) -> SiteSettings:
    loaded, _ = load_yaml(content_dir / SITE_FILE,
                                 display_path(content_dir / SITE_FILE, root))
    site = parse_model(loaded, SiteSettings)[0] if loaded is not None else None
    if site is None:
        raise NewItemError(f"{display_path(content_dir / SITE_FILE, root)} must be valid "
                           "first: run 'victim-journey validate'", "bad-site")
    return site


def _first_service(content_dir: Path, site: SiteSettings) -> str:
    """A service that exists, so the new file validates: the editor replaces it."""
    if site.help_now:
        return site.help_now[0]
    found = sorted((content_dir / SERVICES_DIR).glob("*.yml"))
    return found[0].stem if found else "TODO"


def _free_slug(content_dir: Path) -> str:
    """The first neutral address no situation uses now or used before."""
    taken: set[str] = set()
    for path in (content_dir / SITUATIONS_DIR).glob("*.yml"):
        loaded, _ = load_yaml(path, path.name)
        data = loaded.data if loaded is not None else {}
        taken.add(str(data.get("page_slug")))
        previous = data.get("previous_slugs")
        if isinstance(previous, list):
            taken.update(str(slug) for slug in previous)
    number = 1
    while NEUTRAL_SLUG.format(number=number) in taken:
        number += 1
    return NEUTRAL_SLUG.format(number=number)


def template_text(kind: str) -> str:
    return (resources.files("victim_journey.cli") / "templates" / "new" / f"{kind}.yml"
            ).read_text(encoding="utf-8")


def new_item(kind: str, item_id: str, content_dir: Path, root: Path,
             today: dt.date | None = None) -> NewItem:
    """Write the template for a new stage or service. Raises NewItemError instead."""
    path = _check_id(kind, item_id, content_dir, root)
    site = _site(content_dir, root)
    # A service must name a stage that exists: the support that runs throughout the
    # route fits almost every service, and the editor narrows it down.
    first_stage = (site.throughout or site.route[0].stages)[0]
    text = Template(template_text(kind)).substitute(
        id=item_id, today=clock.today(today).isoformat(),
        owner=json.dumps(site.owner), stage=first_stage,
        service=_first_service(content_dir, site), slug=_free_slug(content_dir))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": never overwrite a file
        file.write(text)
    shown = display_path(path, root)
    if kind == "situation":
        next_steps = ("it is a draft: when it is ready, delete 'draft: true', add "
                      f"'{item_id}' to 'situations' in journey/site.yml and offer it in "
                      "'what_happened' in journey/where-am-i.yml")
    elif kind == "stage":
        next_steps = (f"it is a draft: when it is ready, add '  - stages: [{item_id}]' to "
                      "'route' in journey/site.yml, add it to the 'next' of the stage before "
                      "it, and delete 'draft: true'")
    else:
        next_steps = f"check 'stages' (now '{first_stage}') lists every stage where they help"
    return NewItem(path, shown, next_steps)


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    try:
        item = new_item(args.kind, args.id, root / args.content, root, args.today)
    except NewItemError as exc:
        print(f"victim-journey new: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {item.shown}: replace each 'TODO:' with real content, then run "
          f"'victim-journey validate'; {item.next_steps}", file=sys.stderr)
    return 0


def add_command(commands: Commands) -> None:
    """Register `victim-journey new` on the CLI's subcommands."""
    command = commands.add_parser(
        "new", help="start a new stage, service or situation from a template")
    command.add_argument("kind", choices=sorted(KINDS), help="what to start")
    command.add_argument("id", help="its id, such as 'the-trial': the file name and the "
                                    "page's address")
    command.add_argument("--today", type=clock.parse_day,
                         help="the review date to write (default: today)")
    command.set_defaults(func=run)
