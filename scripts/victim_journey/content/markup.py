"""Checks on the small Markdown subset that content may use.

Python-Markdown passes raw HTML and `javascript:` links straight through. The HTML made
from content is sanitised in the build (sanitise.py): that is the safety net. These checks
are there so an editor hears about the mistake at file:line:col before anything is built.

Link targets are found from the `](` that opens them, over the whole text, not from the
words in brackets: that way a link whose words hold brackets, or wrap onto a second line,
cannot slip past. Reference-style links (`[words][ref]` with `[ref]: target` elsewhere)
are refused outright, so every target stands where its link is.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from victim_journey.content.model import HTTPS_URL_PATTERN

ALLOWED_LINK_PREFIXES = ("https://", "mailto:", "tel:")

_RAW_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]|!--|!|\?)")
# Shared with plain_text.py, which strips the same syntax before scoring readability.
AUTOLINK = re.compile(r"<(?:https?|mailto|tel):[^>\s]*>")
# The words of a link, for the 'needs words' check. No brackets inside, so each attempt
# stops at the next '[': linear even on a line of 20,000 '['.
_LINK_WORDS = re.compile(r"(?<!!)\[([^\[\]]*)\]\(")
# Every link or image target, wherever its words started. Python-Markdown allows blanks
# and one line break before the target, and angle brackets around it.
_TARGET = re.compile(r"\]\([ \t]*\n?[ \t]*(<?)([^)\s>]*)")
# `[ref]: target`: a reference definition (up to 3 spaces of indent).
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)
_IMAGE = re.compile(r"!\[")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
# Numeric references need no closing ";" in HTML, so none is needed here either.
_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9A-Fa-f]+;?|[A-Za-z][A-Za-z0-9]*;)")
_INTERNAL_LINK = re.compile(r"^[a-z0-9][a-z0-9/._-]*\.md(#[a-z0-9-]+)?$|^#[a-z0-9-]+$")
# A hand-written page may also link to its own folder's files by a relative path
# (`../open-data.md`, `data/journey.json`) and show images from the site.
_RELATIVE_PATH = re.compile(r"^(?:\.\./|\./)*[A-Za-z0-9_][A-Za-z0-9/._-]*(#[A-Za-z0-9_-]+)?$"
                            r"|^#[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class MarkupFinding:
    line_index: int
    column: int
    message: str
    code: str


@dataclass(frozen=True)
class MarkupRules:
    """What a text may hold: content fields allow no images; hand-written pages may show
    images from the site and link by relative path."""

    allow_blocks: bool = True
    allow_site_images: bool = False
    allow_relative_paths: bool = False
    allow_headings: bool = False
    # Code (`<html lang>` in backticks) is shown as it is written, escaped: not markup.
    code_is_text: bool = False


FIELD_RULES = MarkupRules()
ONE_LINE_RULES = MarkupRules(allow_blocks=False)
PAGE_RULES = MarkupRules(allow_site_images=True, allow_relative_paths=True,
                         allow_headings=True, code_is_text=True)

_FENCED_CODE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[ \t]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1", re.DOTALL)


def _blank(match: re.Match[str]) -> str:
    """The match as blanks, its line breaks kept, so positions after it do not move."""
    return re.sub(r"[^\n]", " ", match.group(0))


def without_code(text: str) -> str:
    return _CODE_SPAN.sub(_blank, _FENCED_CODE.sub(_blank, text))


class _Positions:
    """Offsets in a text to (line index, column), without a scan per lookup."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index, offset - self._starts[index] + 1


def _shown(target: str) -> str:
    """A target as a message quotes it: a runaway one (no closing bracket) cut short."""
    return target if len(target) <= 80 else target[:77] + "..."


def link_target_problem(target: str, rules: MarkupRules = FIELD_RULES) -> str | None:
    """Why a link may not go to `target`, or None if it may."""
    if target.startswith(ALLOWED_LINK_PREFIXES):
        if target.startswith("https://") and not re.match(HTTPS_URL_PATTERN, target):
            return f"'{_shown(target)}' is not a well-formed web address"
        return None
    if _INTERNAL_LINK.match(target):
        return None
    if rules.allow_relative_paths and _RELATIVE_PATH.match(target) and ":" not in target:
        return None
    return (f"link to '{_shown(target)}' is not allowed; links must start with https://, mailto: "
            "or tel:, or name a page of this site from the top, such as "
            "'stages/the-trial.md'")


def _image_problem(target: str, rules: MarkupRules) -> str | None:
    if not rules.allow_site_images:
        return "images are not allowed in content text"
    if _RELATIVE_PATH.match(target) and ":" not in target and not target.startswith("#"):
        return None
    return (f"image '{_shown(target)}' is not from this site; put the image in the docs folder "
            "and give its path, such as 'images/map.png'")


def check_markup(text: str, *, allow_blocks: bool = True,
                 rules: MarkupRules | None = None) -> list[MarkupFinding]:
    """Every problem in one text value; `allow_blocks` is False for one-line fields."""
    rules = rules or (FIELD_RULES if allow_blocks else ONE_LINE_RULES)
    if not rules.allow_blocks:
        text = "\n".join(text.split("\n")[:2])
    if rules.code_is_text:
        text = without_code(text)
    positions = _Positions(text)
    findings: list[MarkupFinding] = []

    def add(offset: int, message: str, code: str) -> None:
        findings.append(MarkupFinding(*positions.at(offset), message, code))

    for match in AUTOLINK.finditer(text):
        add(match.start(), f"write the link as [words that say where it goes]"
            f"({match.group(0)[1:-1]})", "raw-html")
    without_autolinks = AUTOLINK.sub(lambda m: " " * len(m.group(0)), text)
    for match in _RAW_HTML.finditer(without_autolinks):
        snippet = without_autolinks[match.start():match.start() + 20].split(">")[0]
        snippet = snippet.split("\n")[0]
        add(match.start(), f"raw HTML '{snippet}>' is not allowed; use plain text, a blank "
            "line for a new paragraph, '- ' for a list, **bold**, or [link text](https://...)",
            "raw-html")
    for match in _ENTITY.finditer(text):
        add(match.start(), f"HTML entity '{match.group(0)}' is not allowed; type the "
            "character itself", "raw-html")
    for match in _REFERENCE_DEFINITION.finditer(text):
        add(match.start() + len(match.group(0)) - len(match.group(0).lstrip()),
            "reference-style links are not allowed; write the address in the link "
            "itself: [words that say where it goes](https://...)", "bad-link")
    image_targets: set[int] = set()
    for match in _IMAGE.finditer(text):
        close = _TARGET.search(text, match.end())
        target = close.group(2) if close else ""
        if close:
            image_targets.add(close.start())
        problem = _image_problem(target, rules) if close else \
            "images are not allowed in content text"
        if problem:
            add(match.start(), problem, "image")
    for match in _LINK_WORDS.finditer(text):
        if not match.group(1).strip():
            add(match.start(), "a link needs words that say where it goes", "bad-link")
    for match in _TARGET.finditer(text):
        if match.start() in image_targets:
            continue
        problem = link_target_problem(match.group(2), rules)
        if problem:
            add(match.start(2) - len(match.group(1)), problem, "bad-link")
    for index, line in enumerate(text.split("\n")):
        if HEADING.match(line) and not rules.allow_headings:
            findings.append(MarkupFinding(
                index, 1, "headings are not allowed in content text; the page makes its own "
                "headings", "heading-in-text"))
    return sorted(findings, key=lambda f: (f.line_index, f.column))


def _link_targets(text: str) -> Iterator[tuple[int, str]]:
    """(line index, target) for each link (not image) target in the text."""
    positions = None
    for match in _TARGET.finditer(text):
        positions = positions or _Positions(text)
        words_start = text.rfind("[", 0, match.start())
        if words_start > 0 and text[words_start - 1] == "!":
            continue
        yield positions.at(match.start(2))[0], match.group(2)


def internal_link_targets(text: str) -> Iterator[tuple[int, str]]:
    """(line index, target) for each link to a page of this site."""
    for index, target in _link_targets(text):
        if _INTERNAL_LINK.match(target) and not target.startswith("#"):
            yield index, target


def external_link_targets(text: str) -> Iterator[tuple[int, str]]:
    """(line index, address) for each link to another site (https://)."""
    for index, target in _link_targets(text):
        if target.startswith("https://"):
            yield index, target
