"""The front matter of a hand-written page (docs/<language>/*.md): the one place that
splits a page into its YAML header and its text."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import yaml

# A '---' line, the YAML (perhaps none), and a closing '---' line (perhaps the last).
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


def front_matter_match(text: str) -> re.Match[str] | None:
    """The page's front matter: group 1 is its YAML (None if empty); None if the page has
    none, or if it is not closed (docs_pages.py reports that)."""
    return _FRONT_MATTER.match(text)


def front_matter_and_body(text: str) -> tuple[str, str]:
    """The front matter as written, its '---' lines included ('' if there is none), and
    the rest of the page."""
    match = front_matter_match(text)
    return (match.group(0), text[match.end():]) if match else ("", text)


class _DatesAsText(yaml.SafeLoader):
    """safe_load, but a date stays the text written: a date that does not exist
    (2027-02-30) is then one error from docs_review.py at its line, not a crash here."""

    yaml_implicit_resolvers: ClassVar = {
        first: [(tag, regexp) for tag, regexp in resolvers
                if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = front_matter_match(text)
    if not match:
        return {}, text
    try:
        data = yaml.load(match.group(1) or "", Loader=_DatesAsText) or {}  # a SafeLoader
    except (yaml.YAMLError, RecursionError):
        data = {}  # docs_pages.py reports the mistake at its line
    return (data if isinstance(data, dict) else {}), text[match.end():]
