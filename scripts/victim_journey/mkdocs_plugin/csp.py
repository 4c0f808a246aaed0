"""The site's Content-Security-Policy, and the check that every inline script and style
in a page is one the build allowed beforehand.

A policy made from the scripts found in the finished page would allow whatever was
injected into it. So the allowed scripts and styles are worked out before the build, from
the theme's and our templates (script_allow_list.py), and a page holding any other inline
script or style fails the build. Each page's policy lists the hashes of the allowed ones it
holds: Material's `__md_scope` script holds the page's depth, so pages at different depths
hold different scripts. Scripts and styles go through the same code (InlineKind): only the
elements a browser runs or applies differ. Pure functions, no MkDocs.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

# Only the site's own origin. `data:` images are Material's icons, which its stylesheet
# embeds as data: SVG masks; a data: URL is part of the page, so nothing is fetched.
# Inline styles: only the page's first-paint rules (theme/main.html), by hash; Material
# sets styles through the CSSOM only (element.style), which style-src does not govern.
# No plugins (object-src), no <base> that would send relative links elsewhere, and forms
# submit only to this site.
BASE_DIRECTIVES = (
    "default-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
)


class UnknownInline(Exception):
    """A page holds an inline script or style that is not on the build's allow-list."""

    element = ""

    def __init__(self, text: str) -> None:
        excerpt = " ".join(text.split())[:60]
        super().__init__(f"an inline {self.element} that is not one of the theme's or ours: "
                         f"'{excerpt}'")
        self.text = text


class UnknownInlineScript(UnknownInline):
    element = "script"


class UnknownInlineStyle(UnknownInline):
    element = "style"


def content_security_policy(script_hashes: Iterable[str],
                            style_hashes: Iterable[str] = ()) -> str:
    """The policy, with these inline scripts and styles allowed. The one place the policy
    is written, for a page's <meta> and for a host's headers alike."""
    script_src = " ".join(["script-src 'self'", *script_hashes])
    style_src = " ".join([BASE_DIRECTIVES[1], *style_hashes])
    return "; ".join([BASE_DIRECTIVES[0], script_src, style_src, *BASE_DIRECTIVES[2:]])


def source_hash(body: str) -> str:
    """The CSP source expression ('sha256-…') for an inline script's or style's text."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# Types a browser runs as script (HTML's list of JavaScript MIME types, plus module).
# Others, such as Material's `application/json` config block, are data and need no hash.
_SCRIPT_TYPES = {
    "", "module", "text/javascript", "application/javascript", "application/ecmascript",
    "application/x-ecmascript", "application/x-javascript", "text/ecmascript",
    "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript",
    "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
    "text/javascript1.4", "text/javascript1.5",
}



def _raw_text_element(tag: str, *, ends_at_end_of_page: bool = False) -> re.Pattern[str]:
    """A script's (or style's) text ends at the first `</script` (`</style`), whatever it
    holds (HTML's raw text rule), so the body is everything up to it: exactly the text the
    browser hashes. A style never closed is the rest of the page, and still applies (a
    script never closed is never run). This runs over every page, so the attributes and
    the body are read a run of characters (or a quoted value) at a time, possessively,
    rather than one character at a time: a tag has only one way to match, so nothing is
    lost by never backtracking."""
    end = rf"(?:</{tag}|\Z)" if ends_at_end_of_page else rf"</{tag}"
    return re.compile(
        rf"<{tag}\b(?P<attrs>(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>"
        rf"(?P<body>(?:[^<]++|<(?!/{tag}))*+){end}",
        re.IGNORECASE)


_SCRIPT = _raw_text_element("script")
_STYLE = _raw_text_element("style", ends_at_end_of_page=True)
_ATTRIBUTE = re.compile(r"""([^\s"'=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
_HEAD_START = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
# A policy meta already in the page (from an earlier run), so that a second run gives the
# same page. The pattern starts at `<meta`, so the search skips quickly through the page;
# _without_policy then takes the line break and indent that add_csp_meta put before it.
# (A pattern starting with the optional `\n?[ \t]*` would be tried at every character of
# every page: most of the time this step took.)
_EXISTING_POLICY = re.compile(
    r"<meta\s+http-equiv=[\"']?Content-Security-Policy[\"']?[^>]*>", re.IGNORECASE)


def _attributes(text: str) -> dict[str, str]:
    return {name.lower(): value.strip("\"'") for name, value in _ATTRIBUTE.findall(text)}


def inline_scripts(html: str) -> Iterator[str]:
    """The text of every inline script the page (or template) runs, in order."""
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        # Most inline scripts are a bare <script>: no attributes to read.
        attributes = _attributes(attrs) if attrs.strip() else {}
        if "src" in attributes:
            continue
        if attributes.get("type", "").strip().lower() not in _SCRIPT_TYPES:
            continue
        yield match.group("body")


def inline_styles(html: str) -> Iterator[str]:
    """The text of every <style> in the page (or template), in order. Every one counts,
    whatever its attributes: style-src governs them all, and one that applies to no
    medium today is still one the build did not allow."""
    for match in _STYLE.finditer(html):
        yield match.group("body")


@dataclass(frozen=True)
class InlineKind:
    """Scripts or styles: what differs between them, for the code they share."""
    element: str
    find: Callable[[str], Iterator[str]]
    unknown: type[UnknownInline]


SCRIPTS = InlineKind("script", inline_scripts, UnknownInlineScript)
STYLES = InlineKind("style", inline_styles, UnknownInlineStyle)


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions ('sha256-…') for every inline script the page runs, in
    order of first appearance, without repeats."""
    return list(dict.fromkeys(source_hash(body) for body in inline_scripts(html)))


def allowed_hashes_in(html: str, kind: InlineKind, allowed: frozenset[str]) -> list[str]:
    """The hashes of the page's inline scripts (or styles), in order of first appearance,
    each of which must be allowed. Raises kind.unknown for the first that is not."""
    hashes = []
    for body in kind.find(html):
        source = source_hash(body)
        if source not in allowed:
            raise kind.unknown(body)
        hashes.append(source)
    return list(dict.fromkeys(hashes))


def policy_for(html: str, allowed: frozenset[str],
               allowed_styles: frozenset[str] = frozenset()) -> str:
    """The policy for one page: its inline scripts and styles, each of which must be
    allowed (`allowed` holds the scripts). Raises UnknownInlineScript or
    UnknownInlineStyle for the first that is not."""
    return content_security_policy(allowed_hashes_in(html, SCRIPTS, allowed),
                                   allowed_hashes_in(html, STYLES, allowed_styles))


def _without_policy(html: str) -> str:
    """The page without any policy meta, each with the blanks before it on its line and
    the line break before those: what `\n?[ \t]*<meta …>` would match, leftmost first."""
    pieces: list[str] = []
    end = 0  # where the last removed meta ended
    for match in _EXISTING_POLICY.finditer(html):
        start = match.start()
        while start > end and html[start - 1] in " \t":
            start -= 1
        if start > end and html[start - 1] == "\n":
            start -= 1
        pieces.append(html[end:start])
        end = match.end()
    if not pieces:
        return html
    pieces.append(html[end:])
    return "".join(pieces)


def add_csp_meta(html: str, allowed: frozenset[str],
                 allowed_styles: frozenset[str] = frozenset()) -> str:
    """The page with its Content-Security-Policy meta as early in <head> as it can go.

    A policy given in a <meta> only governs what the browser parses after it, so it
    must come before the first inline script or style; right after the charset (which
    must stay in the first 1024 bytes) is the earliest place. Running twice gives the
    same page. Raises UnknownInlineScript (UnknownInlineStyle) if the page holds a script
    (style) that is not allowed.
    """
    html = _without_policy(html)
    policy = policy_for(html, allowed, allowed_styles)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    anchor = _CHARSET.search(html) or _HEAD_START.search(html)
    if anchor is None:
        return html
    return f"{html[:anchor.end()]}\n    {meta}{html[anchor.end():]}"
