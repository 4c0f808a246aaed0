"""Give every link to another site `rel="noreferrer"`, so that following it tells that
site nothing about which of our pages the reader was on.

The page-wide `<meta name="referrer" content="no-referrer">` already asks for this;
the attribute says it again on the link itself, for browsers and tools that read only
the link. It runs on finished pages, so it covers links from content, templates and
partials alike. Pure functions, no MkDocs.
"""

from __future__ import annotations

import html as html_lib
import re

# An <a> start tag; quoted values may hold '>' (Markdown and |e escape it, but a
# partial need not), so quoted strings are matched whole. It is read a run of characters
# or a quoted value at a time, possessively: a tag has only one way to match, and this
# runs over every page.
_A_START = re.compile(r"<a\b(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>", re.IGNORECASE)
_HREF = re.compile(r"""\shref\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
_REL = re.compile(r"""\srel\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)


def is_external(href: str) -> bool:
    """True for a link that leaves the site: an absolute http(s) or scheme-relative URL.
    The site's own links are relative (MkDocs makes them so)."""
    value = html_lib.unescape(href).strip().lower()
    return value.startswith(("http://", "https://", "//"))


def _value(match: re.Match[str]) -> str:
    return next(group for group in match.groups()[1:] if group is not None)


def _with_noreferrer(tag: str) -> str:
    # Most links on a page are the site's own, relative ones. An address that leaves the
    # site holds "//", or an entity that could spell it, so a tag with neither is left
    # as it is without parsing it.
    if "//" not in tag and "&" not in tag:
        return tag
    href = _HREF.search(tag)
    if href is None or not is_external(_value(href)):
        return tag
    rel = _REL.search(tag)
    if rel is None:
        return f"{tag[:-1]} rel=\"noreferrer\">" if not tag.endswith("/>") else (
            f"{tag[:-2]} rel=\"noreferrer\"/>")
    words = _value(rel).split()
    if "noreferrer" in (word.lower() for word in words):
        return tag
    new_rel = f' rel="{" ".join([*words, "noreferrer"])}"'
    return tag[:rel.start()] + new_rel + tag[rel.end():]


def add_noreferrer(html: str) -> str:
    """The page with `noreferrer` added to the rel of every external link."""
    return _A_START.sub(lambda match: _with_noreferrer(match.group(0)), html)
