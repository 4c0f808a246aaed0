"""The registry of every URL the site has published (journey/published-urls.txt).

Support organisations print our URLs in letters and leaflets, so a URL, once published,
must keep working. The registry only grows: `victim-journey urls --update` adds the
site's new URLs and never removes one. Validation fails when a registered URL no longer
goes to a page or to a redirect, so a URL is lost only by deleting its line on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from victim_journey.content.journey import Journey, display_path
from victim_journey.pages import page_url
from victim_journey.problems import Problem, error
from victim_journey.publish.open_data import DATA_URLS
from victim_journey.publish.redirects import redirect_map

REGISTRY_FILE = "published-urls.txt"
HEADER = """\
# Every URL this site has published, one a line, from the top of the site.
# Support organisations print these in letters and leaflets, so each one must keep working:
# the build fails when one no longer goes to a page or to a redirect.
# If you renamed a stage or a service, add its old id to 'previous_ids' in its file.
# Add new URLs with 'victim-journey urls --update'; it never removes a line.
# Delete a line only to stop publishing that URL on purpose.
"""

_URL = re.compile(r"^/(?:[a-z0-9][a-z0-9._-]*/?)*(?:#[a-z0-9-]+)?$")
_RENAMEABLE = re.compile(r"^/(stages|services|support)/([a-z0-9-]+)/$")


@dataclass(frozen=True)
class Entry:
    line: int
    url: str


def current_urls(page_paths: Iterable[str]) -> set[str]:
    """Every URL the site serves now: its pages (generated and hand-written) and its open
    data files."""
    return {page_url(path) for path in page_paths} | set(DATA_URLS)


def resolvable_urls(journey: Journey, page_paths: Iterable[str]) -> set[str]:
    """Every URL that reaches something: a page, a data file or a redirect."""
    return current_urls(page_paths) | set(redirect_map(journey))


def read_registry(path: Path, shown: str) -> tuple[list[Entry], list[Problem]]:
    entries: list[Entry] = []
    problems: list[Problem] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not _URL.match(line):
            problems.append(error(shown, number, 1,
                                  f"'{line}' is not a URL from the top of the site, such as "
                                  "'/stages/the-trial/'", "bad-url"))
            continue
        entries.append(Entry(number, line))
    return entries, problems


def _lost_hint(url: str) -> str:
    renamed = _RENAMEABLE.match(url)
    if renamed:
        folder, old_id = renamed.groups()
        if folder == "support":
            return (f"if you changed a situation's address, add 'previous_slugs: [{old_id}]' "
                    "to its file in journey/situations/")
        return (f"if you renamed it, add 'previous_ids: [{old_id}]' to the file in "
                f"journey/{folder}/ that replaced it")
    return "put the page back at this address"


def lost_url_problems(entries: Iterable[Entry], resolvable: set[str], shown: str
                      ) -> list[Problem]:
    return [
        error(shown, entry.line, 1,
              f"published URL '{entry.url}' no longer goes to a page or a redirect; "
              f"{_lost_hint(entry.url)} (to stop publishing it on purpose, delete this line)",
              "lost-url")
        for entry in entries if entry.url.split("#", 1)[0] not in resolvable
    ]


def registry_problems(content_dir: Path, root: Path, journey: Journey,
                      page_paths: Iterable[str]) -> list[Problem]:
    """Problems with the registry, for validation. No registry means nothing to protect."""
    path = content_dir / REGISTRY_FILE
    if not path.is_file():
        return []
    if journey.unloaded_stage_ids or journey.unloaded_service_ids:
        # A file that did not load has no page yet; its own error is the one to fix, and
        # reporting its URL (and its old URLs) as lost would only add noise.
        return []
    shown = display_path(path, root)
    entries, problems = read_registry(path, shown)
    return problems + lost_url_problems(entries, resolvable_urls(journey, page_paths), shown)


def registry_text(urls: Iterable[str]) -> str:
    return HEADER + "".join(f"{url}\n" for url in sorted(set(urls)))


def update_registry(path: Path, current: set[str]) -> list[str]:
    """Add the site's new URLs to the registry, keeping every URL already in it.
    Returns the URLs added."""
    known: set[str] = set()
    if path.is_file():
        entries, _ = read_registry(path, path.name)
        known = {entry.url for entry in entries}
    added = sorted(current - known)
    text = registry_text(known | current)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return added


def run_urls(mode: str, content_dir: Path, root: Path, journey: Journey,
             page_paths: Iterable[str], out: TextIO, err: TextIO) -> int:
    """The `victim-journey urls` command. mode: 'list', 'update' or 'check'."""
    page_paths = list(page_paths)
    path = content_dir / REGISTRY_FILE
    shown = display_path(path, root)
    current = current_urls(page_paths)
    if mode == "list":
        out.write("".join(f"{url}\n" for url in sorted(current)))
        return 0
    if mode == "update":
        # Rewriting the file would drop a line it cannot read: have the editor fix it first.
        bad_lines = read_registry(path, shown)[1] if path.is_file() else []
        for problem in bad_lines:
            err.write(problem.format_text() + "\n")
        if bad_lines:
            return 1
        added = update_registry(path, current)
        for url in added:
            err.write(f"added {url}\n")
        err.write(f"{shown}: {len(added)} URL{'s' * (len(added) != 1)} added\n")
        return 0
    if not path.is_file():
        err.write(error(shown, 1, 1, "the URL registry is missing; run 'victim-journey urls "
                        "--update' and commit it", "missing-file").format_text() + "\n")
        return 1
    entries, problems = read_registry(path, shown)
    problems += lost_url_problems(entries, resolvable_urls(journey, page_paths), shown)
    registered = {entry.url for entry in entries}
    problems += [error(shown, 1, 1, f"'{url}' is published but not in the registry; run "
                       "'victim-journey urls --update' and commit the file", "unregistered-url")
                 for url in sorted(current - registered)]
    for problem in problems:
        err.write(problem.format_text() + "\n")
    err.write(f"{shown}: {'problems found' if problems else 'every URL is registered and works'}"
              "\n")
    return 1 if problems else 0
