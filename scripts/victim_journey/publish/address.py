"""The site's published address (SITE_URL), which a build meant for publishing must have.

Without it a build names no address at all, which is right for a preview or a copy on
disk; a published site needs it for canonical links, hreflang, the sitemap, open data and
the address printed on every page. A placeholder host would send support organisations'
letters and search engines to a site that is not ours, so it is refused too.
"""

from __future__ import annotations

from urllib.parse import urlsplit

SITE_URL_VARIABLE = "SITE_URL"

# Host names kept for examples and tests (RFC 2606, RFC 6761): never a real site.
_PLACEHOLDER_SUFFIXES = (".example", ".test", ".invalid", ".localhost")
_PLACEHOLDER_HOSTS = frozenset({"example.com", "example.org", "example.net", "localhost"})


def is_placeholder_host(host: str) -> bool:
    host = host.lower().rstrip(".")
    return (host in _PLACEHOLDER_HOSTS or host.endswith(_PLACEHOLDER_SUFFIXES)
            or any(host.endswith("." + name) for name in _PLACEHOLDER_HOSTS)
            or host in {suffix.lstrip(".") for suffix in _PLACEHOLDER_SUFFIXES})


def publish_address_problem(site_url: str | None) -> str | None:
    """Why this SITE_URL cannot be published, or None if it can."""
    if not site_url:
        return (f"a build for publishing needs {SITE_URL_VARIABLE}, the address the site is "
                f"published at, such as {SITE_URL_VARIABLE}=https://www.example.org/victims/ "
                "(it goes into canonical links, the sitemap, open data and printouts)")
    parts = urlsplit(site_url)
    if parts.scheme != "https" or not parts.hostname:
        return f"{SITE_URL_VARIABLE} must be a full https:// address, not '{site_url}'"
    if is_placeholder_host(parts.hostname):
        return (f"{SITE_URL_VARIABLE} names '{parts.hostname}', a name kept for examples: "
                "give the address the site is really published at")
    return None
