"""`victim-journey check-links`: the links to other sites in the content, and (with
--online) whether each one still answers.

Validation already makes sure every address is https:// and well formed; only a request
can tell whether the page is still there. That request goes to other sites, so it is
never part of validation, the build or CI: an editor runs it by hand, now and then.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from victim_journey.cli.support import Commands, load_for_command
from victim_journey.content.journey import Journey
from victim_journey.content.loader import LoadedFile
from victim_journey.content.markup import external_link_targets
from victim_journey.content.text_fields import iter_raw_strings
from victim_journey.problems import Problem, error

TIMEOUT_SECONDS = 15
USER_AGENT = "victim-journey-link-check (checks links in a victims' guidance site)"


@dataclass(frozen=True)
class ExternalLink:
    path: str
    line: int
    column: int
    url: str


def _links_in_file(loaded: LoadedFile) -> Iterator[ExternalLink]:
    for key_path, text in iter_raw_strings(loaded.data):
        if text.startswith("https://") and not any(c.isspace() for c in text):
            yield ExternalLink(loaded.path, *loaded.locate(key_path), text)
            continue
        for line_index, url in external_link_targets(text):
            yield ExternalLink(loaded.path, *loaded.text_line(key_path, line_index), url)


def external_links(journey: Journey) -> list[ExternalLink]:
    """Every link to another site in the content, with where it is written."""
    links = [link for loaded in journey.files.values() for link in _links_in_file(loaded)]
    return sorted(links, key=lambda link: (link.path, link.line, link.column, link.url))


def check_url(url: str, timeout: float = TIMEOUT_SECONDS) -> str | None:
    """None if `url` answers; otherwise why not. HEAD first, to fetch as little as
    possible; GET when a site refuses HEAD."""
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method,
                                         headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout):
                return None
        except urllib.error.HTTPError as exc:
            if method == "HEAD" and exc.code in (403, 405, 501):
                continue
            return f"it answers HTTP {exc.code} {exc.reason}"
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            return f"it does not answer ({reason})"
    return "it does not answer"


def dead_link_problems(links: Iterable[ExternalLink], *, workers: int = 8,
                       timeout: float = TIMEOUT_SECONDS) -> list[Problem]:
    """Ask each address once (in parallel) and report it at every place it is written."""
    links = list(links)
    urls = sorted({link.url for link in links})
    with ThreadPoolExecutor(max_workers=workers) as pool:
        answers = dict(zip(urls, pool.map(lambda u: check_url(u, timeout), urls), strict=True))
    return [error(link.path, link.line, link.column,
                  f"link to {link.url}: {answers[link.url]}; check the address on the "
                  "organisation's site and update it", "dead-link")
            for link in links if answers[link.url] is not None]


def run(args: argparse.Namespace) -> int:
    _, journey = load_for_command(args)
    if journey is None:
        return 1
    links = external_links(journey)
    if not args.online:
        for link in links:
            print(f"{link.path}:{link.line}:{link.column}: {link.url}")
        print(f"{len(links)} links to other sites, {len({x.url for x in links})} different; "
              "add --online to check that they answer", file=sys.stderr)
        return 0
    dead = dead_link_problems(links)
    for problem in dead:
        print(problem.format_text(), file=sys.stderr)
    print(f"{len({x.url for x in links})} addresses checked: "
          f"{len({p.message for p in dead})} did not answer", file=sys.stderr)
    return 1 if dead else 0


def add_command(commands: Commands) -> None:
    """Register `victim-journey check-links` on the CLI's subcommands."""
    command = commands.add_parser(
        "check-links", help="list the links to other sites; --online checks they answer")
    command.add_argument("--online", action="store_true",
                         help="request each address (not part of validation or CI)")
    command.set_defaults(func=run)
