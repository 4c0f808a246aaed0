"""Checks on the small Markdown subset that content may use.

Python-Markdown passes raw HTML and `javascript:` links straight through, so these
checks are what keeps content from putting markup or scripts in front of readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import HTTPS_URL_PATTERN

ALLOWED_LINK_PREFIXES = ("https://", "mailto:", "tel:")

_RAW_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]|!--|!|\?)")
# Shared with plain_text.py, which strips the same syntax before scoring readability.
AUTOLINK = re.compile(r"<(?:https?|mailto|tel):[^>\s]*>")
_LINK = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
_INTERNAL_LINK = re.compile(r"^[a-z0-9][a-z0-9/._-]*\.md(#[a-z0-9-]+)?$|^#[a-z0-9-]+$")


@dataclass(frozen=True)
class MarkupFinding:
    line_index: int
    column: int
    message: str
    code: str


def check_markup(text: str, *, allow_blocks: bool) -> list[MarkupFinding]:
    """Every problem in one text value; `allow_blocks` is False for one-line fields."""
    findings: list[MarkupFinding] = []
    for index, line in enumerate(text.split("\n")):
        for match in AUTOLINK.finditer(line):
            findings.append(MarkupFinding(
                index, match.start() + 1,
                f"write the link as [words that say where it goes]({match.group(0)[1:-1]})",
                "raw-html"))
        without_autolinks = AUTOLINK.sub("", line)
        for match in _RAW_HTML.finditer(without_autolinks):
            snippet = without_autolinks[match.start():match.start() + 20].split(">")[0]
            findings.append(MarkupFinding(
                index, match.start() + 1,
                f"raw HTML '{snippet}>' is not allowed; use plain text, a blank line for a "
                "new paragraph, '- ' for a list, **bold**, or [link text](https://...)",
                "raw-html"))
        for match in _ENTITY.finditer(line):
            findings.append(MarkupFinding(
                index, match.start() + 1,
                f"HTML entity '{match.group(0)}' is not allowed; type the character itself",
                "raw-html"))
        for match in _LINK.finditer(line):
            image, words, target = match.groups()
            column = match.start() + 1
            if image:
                findings.append(MarkupFinding(
                    index, column, "images are not allowed in content text", "image"))
                continue
            if not words.strip():
                findings.append(MarkupFinding(
                    index, column, "a link needs words that say where it goes", "bad-link"))
            if target.startswith(ALLOWED_LINK_PREFIXES):
                if target.startswith("https://") and not re.match(HTTPS_URL_PATTERN, target):
                    findings.append(MarkupFinding(
                        index, column, f"'{target}' is not a well-formed web address",
                        "bad-link"))
                continue
            if _INTERNAL_LINK.match(target):
                continue
            findings.append(MarkupFinding(
                index, column,
                f"link to '{target}' is not allowed; links must start with https://, mailto: "
                "or tel:, or name a page of this site from the top, such as 'stages/the-trial.md'",
                "bad-link"))
        if HEADING.match(line):
            findings.append(MarkupFinding(
                index, 1, "headings are not allowed in content text; the page makes its own "
                "headings", "heading-in-text"))
        if not allow_blocks and index > 0:
            break
    return findings


def internal_link_targets(text: str) -> Iterator[tuple[int, str]]:
    """(line index, target) for each link to a page of this site."""
    for index, line in enumerate(text.split("\n")):
        for match in _LINK.finditer(line):
            target = match.group(3)
            if not match.group(1) and _INTERNAL_LINK.match(target) and not target.startswith("#"):
                yield index, target


def external_link_targets(text: str) -> Iterator[tuple[int, str]]:
    """(line index, address) for each link to another site (https://)."""
    for index, line in enumerate(text.split("\n")):
        for match in _LINK.finditer(line):
            if not match.group(1) and match.group(3).startswith("https://"):
                yield index, match.group(3)
