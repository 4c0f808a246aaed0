"""The safety net under the content checks: every page's HTML made from content passes an
allow-list sanitiser (nh3, a binding to the Rust crate ammonia) before the theme wraps it.

Validation (markup.py, docs_pages.py) tells the editor about a mistake at file:line:col.
This makes sure that whatever got past it still cannot run script or fetch from another
host: only the tags and attributes our templates and Markdown produce are kept, links go
only to https:, mailto:, tel:, sms: or this site, and images come only from this site. It works
on the parsed HTML, so entity-encoded schemes, odd whitespace and broken tags are read as a
browser reads them. No MkDocs.
"""

from __future__ import annotations

import re
import secrets

import nh3

_HEADINGS = {f"h{level}" for level in range(1, 7)}
# What Markdown makes, and what our page templates (scripts/victim_journey/templates) add:
# the deadline helper's form, the journey map's SVG, figures and navigation.
ALLOWED_TAGS = frozenset({
    *_HEADINGS, "p", "br", "hr", "a", "strong", "em", "b", "i", "code", "pre", "kbd",
    "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "span", "div", "section", "nav",
    "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "abbr", "sup", "sub", "small", "mark", "del", "ins", "time", "details", "summary", "img",
    "form", "fieldset", "legend", "label", "input", "button",
    "svg", "title", "desc", "defs", "marker", "path", "rect", "g", "text", "foreignObject",
})
_GENERIC_ATTRIBUTES = {"id", "class", "lang", "title", "role", "hidden", "dir",
                       "data-search-exclude", "data-working-days", "data-months",
                       "data-bank-holidays", "data-first-day", "data-last-day"}
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GENERIC_ATTRIBUTES,
    "a": {"href", "rel", "xmlns", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "time": {"datetime"},
    "form": {"novalidate"},
    "label": {"for"},
    "input": {"type", "inputmode", "maxlength", "autocomplete", "spellcheck", "name",
              "value", "required"},
    "button": {"type"},
    "svg": {"xmlns", "viewBox", "width", "height", "focusable", "preserveAspectRatio"},
    "marker": {"viewBox", "refX", "refY", "markerWidth", "markerHeight", "orient",
               "markerUnits"},
    "path": {"d", "fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
             "marker-end", "marker-start"},
    "rect": {"x", "y", "width", "height", "rx", "ry", "fill"},
    "text": {"x", "y"},
    "foreignObject": {"x", "y", "width", "height"},
}
# aria-* for accessibility, data-vj-* for our own scripts.
ATTRIBUTE_PREFIXES = frozenset({"aria-", "data-vj-"})
URL_SCHEMES = frozenset({"https", "mailto", "tel", "sms"})  # sms: a text-only helpline
_URL_ATTRIBUTES = frozenset({"href", "src"})
# Our own scripts, which a page template may load by address (the deadline helper):
# kept aside while the rest is cleaned, then put back as they were.
_OUR_SCRIPT = re.compile(
    r'<script src="(?:\.\./)*assets/javascripts/vj-[a-z0-9-]+\.js" defer></script>')
# A URL that starts like this goes to another host even without a scheme (`//host`);
# browsers read a backslash as a slash there.
_OTHER_HOST = re.compile(r"^[\s\x00-\x1f]*[/\\][/\\]")
_LOCAL_REFERENCE = re.compile(r"url\(#[A-Za-z0-9_-]+\)")
_HAS_SCHEME = re.compile(r"^[\s\x00-\x1f]*[A-Za-z][A-Za-z0-9+.-]*:")


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute in _URL_ATTRIBUTES or attribute.endswith(":href"):
        if _OTHER_HOST.match(value):
            return None
        # Images only from this site: no scheme at all, so not even https:.
        if tag == "img" and _HAS_SCHEME.match(value):
            return None
    # SVG presentation attributes (fill, marker-end) can name a resource: only one in
    # the page itself (url(#id)).
    if "url" in value.lower() and not _LOCAL_REFERENCE.fullmatch(value):
        return None
    return value


def sanitise_html(html: str) -> str:
    """The HTML with everything outside the allow-list removed."""
    token = secrets.token_hex(16)  # unguessable, so content cannot forge a kept script
    kept: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"{token}-{len(kept) - 1}-"

    cleaned = nh3.clean(
        _OUR_SCRIPT.sub(set_aside, html),
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style", "template", "iframe", "object", "embed",
                            "noscript", "textarea", "select", "math"},
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        generic_attribute_prefixes=set(ATTRIBUTE_PREFIXES),
        url_schemes=set(URL_SCHEMES),
        attribute_filter=_keep_attribute,
        link_rel=None,
        strip_comments=True,
    )
    for index, script in enumerate(kept):
        cleaned = cleaned.replace(f"{token}-{index}-", script, 1)
    return cleaned
