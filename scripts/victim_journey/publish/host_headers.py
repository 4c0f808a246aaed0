"""Headers for hosts that can send them: a `_headers` file (Netlify, Cloudflare Pages) and
an nginx snippet, written into the built site from each page's own policy.

Every page already carries its Content-Security-Policy in a `<meta>` (csp.py), which works
on any host, GitHub Pages included. A `<meta>` policy cannot say `frame-ancestors`, so
another site could show a victim's page inside its own (clickjacking), and it cannot set
the other headers below. A host that sends headers sends each page's policy, word for
word, with `frame-ancestors 'none'` added: the header and the meta are both enforced, so
they must allow the same scripts, and taking the header from the finished page makes sure.

Pure functions over the built site, no MkDocs.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

HEADERS_FILE = "_headers"
NGINX_FILE = "nginx-headers.conf"

NO_FRAMING = "frame-ancestors 'none'"
# Sent with every response, page or not.
COMMON_HEADERS: tuple[tuple[str, str], ...] = (
    ("Referrer-Policy", "no-referrer"),
    ("X-Content-Type-Options", "nosniff"),
    # For browsers older than frame-ancestors.
    ("X-Frame-Options", "DENY"),
    # Nothing on the site uses these; turning them off means nothing injected could either.
    ("Permissions-Policy", "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
                           "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
                           "midi=(), payment=(), usb=(), browsing-topics=()"),
)
# Material's bundles have a hash of their contents in the name (bundle.a5f9d56c.min.js),
# so a new version always has a new name and the old one can be kept for a year.
LONG_CACHE = "public, max-age=31536000, immutable"
_HASHED_ASSET = re.compile(r"\.[0-9a-f]{8,}\.min\.(?:js|css)$")
_POLICY_META = re.compile(
    r"<meta\s+http-equiv=[\"']?Content-Security-Policy[\"']?\s+content=\"([^\"]*)\"",
    re.IGNORECASE)


@dataclass(frozen=True)
class PagePolicy:
    path: str       # as requested: "/stages/the-trial/", "/404.html"
    file: str       # the file a server sends for it: "/stages/the-trial/index.html"
    policy: str     # the page's own policy, with frame-ancestors added


def page_policy(page_html: str) -> str | None:
    """The policy a page carries in its meta, as the browser reads it, or None."""
    match = _POLICY_META.search(page_html)
    return html.unescape(match.group(1)) if match else None


def with_no_framing(policy: str) -> str:
    directives = [d.strip() for d in policy.split(";") if d.strip()]
    kept = [d for d in directives if not d.lower().startswith("frame-ancestors")]
    return "; ".join([*kept, NO_FRAMING])


def page_policies(site_dir: Path) -> list[PagePolicy]:
    """Every HTML page of the built site that carries a policy, in path order."""
    policies = []
    for file in sorted(site_dir.rglob("*.html")):
        policy = page_policy(file.read_text(encoding="utf-8"))
        if policy is None:
            continue  # a page with no script at all, such as a moved page's notice
        relative = "/" + file.relative_to(site_dir).as_posix()
        path = relative.removesuffix("index.html") if file.name == "index.html" else relative
        policies.append(PagePolicy(path, relative, with_no_framing(policy)))
    return policies


def hashed_assets(site_dir: Path) -> list[str]:
    return sorted("/" + p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*")
                  if p.is_file() and _HASHED_ASSET.search(p.name))


def headers_file(pages: Iterable[PagePolicy], assets: Iterable[str]) -> str:
    """Netlify's and Cloudflare Pages' `_headers`: the headers every response gets, then
    each page's policy, then long caching for hashed assets. Where rules overlap these
    hosts send the headers of both: two policies are both enforced, so the one for every
    response only forbids framing (it covers "page not found" at any address)."""
    lines = ["# Made by victim-journey from each page's Content-Security-Policy. "
             "Do not edit: it is rewritten on every build.",
             "/*"]
    lines += [f"  {name}: {value}" for name, value in COMMON_HEADERS]
    lines.append(f"  Content-Security-Policy: {NO_FRAMING}")
    for page in pages:
        lines += [page.path, f"  Content-Security-Policy: {page.policy}"]
    for asset in assets:
        lines += [asset, f"  Cache-Control: {LONG_CACHE}"]
    return "\n".join(lines) + "\n"


def _nginx_headers(extra: Iterable[tuple[str, str]]) -> list[str]:
    # nginx forgets the server's add_header lines in a location that has its own, so
    # each location repeats them. `always` sends them with error pages too.
    return [f'    add_header {name} "{value}" always;'
            for name, value in (*COMMON_HEADERS, *extra)]


def nginx_snippet(pages: Iterable[PagePolicy], assets: Iterable[str]) -> str:
    """An nginx snippet for the `server {}` block that serves the site, with
    `include nginx-headers.conf;`. An address ending in "/" is served from its
    index.html, so each page's location is the file that nginx finally sends."""
    lines = ["# Made by victim-journey from each page's Content-Security-Policy. "
             "Do not edit: it is rewritten on every build.",
             "# Include it in the server {} block that serves the site, after 'root' and "
             "'index index.html;'.",
             "error_page 404 /404.html;"]
    lines += [line.removeprefix("    ") for line in _nginx_headers(
        [("Content-Security-Policy", NO_FRAMING)])]
    for page in pages:
        lines += [f"location = {page.file} {{",
                  *_nginx_headers([("Content-Security-Policy", page.policy)]), "}"]
    if assets:
        names = "|".join(re.escape(asset) for asset in assets)
        lines += [f"location ~ ^({names})$ {{",
                  *_nginx_headers([("Content-Security-Policy", NO_FRAMING),
                                   ("Cache-Control", LONG_CACHE)]), "}"]
    return "\n".join(lines) + "\n"


def write_host_files(site_dir: Path) -> None:
    """Write `_headers` and the nginx snippet into a built site (every language)."""
    pages, assets = page_policies(site_dir), hashed_assets(site_dir)
    (site_dir / HEADERS_FILE).write_text(headers_file(pages, assets), encoding="utf-8")
    (site_dir / NGINX_FILE).write_text(nginx_snippet(pages, assets), encoding="utf-8")
