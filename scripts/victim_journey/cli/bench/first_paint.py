"""How soon a reader on a slow phone connection sees the "Exit this page" button.

Readers may be frightened, on a phone, with an abuser nearby: the way out must be on the
screen before anything else (issue #21). This measures it as such a reader would meet it:
- the built site served on loopback over HTTP/1.1 with gzip, as a static host sends it
  (a bare file server would send more bytes than a real host, and flatter nothing);
- Chromium with the network slowed to "slow 3G" (400 ms latency, 400 kbit/s each way)
  through the DevTools protocol, the cache off, a 375 by 667 phone screen;
- the median of several loads, each in a new browser context, so no connection or cache
  is shared between them.

Two times are read from the page itself, in milliseconds from the start of navigation:
- first contentful paint (the browser's own `first-contentful-paint` entry);
- when the Exit link's words are painted, from the Element Timing API. The attribute it
  needs (`elementtiming`) is added by a script the browser runs before the page's own,
  as the link is parsed, so the site's HTML carries nothing for the measurement.

Only timing here, and no MkDocs (pyproject.toml's import contracts): the benchmark
(cli/bench/measure.py) calls measure_first_paint, and tests/test_first_paint.py checks the
pieces that do not depend on time. Run it alone with
`python -m victim_journey.cli.bench.first_paint SITE [PAGE ...]`.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import statistics
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from victim_journey.site_check.browser import CHROMIUM_FLAGS, INSTALL_HINT, find_chromium
from victim_journey.site_check.serve import serve_directory

# Chrome DevTools' "Slow 3G" preset: 400 ms round trip, 400 kbit/s down and up
# (Network.emulateNetworkConditions takes bytes per second).
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 50_000,
           "uploadThroughput": 50_000}
PHONE_VIEWPORT = {"width": 375, "height": 667}
EXIT_LINK = "[data-vj-exit-link]"
# Named in the Element Timing entry for the Exit link.
EXIT_TIMING_NAME = "vj-exit"
# What a static host compresses: text. Images and fonts are compressed already.
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json",
                    "application/xml", "image/svg+xml")
LOAD_TIMEOUT_MS = 60_000
ELEMENT_WAIT_MS = 3_000

# Runs before any of the page's scripts (Playwright's init scripts are not governed by
# the page's Content-Security-Policy). Element Timing only reports elements that carry
# `elementtiming` when they are first painted, so it is set as soon as the parser adds
# the link: mutation observers run at the end of each parser task, before any paint.
# Text is reported for the block (or flex) box it is painted in: the link is one, an
# inline-flex button (vj-exit.css, vj-critical.css).
_MARK_EXIT_LINK = f"""
new MutationObserver((_, observer) => {{
  const link = document.querySelector({EXIT_LINK!r});
  if (link) {{
    link.setAttribute("elementtiming", {EXIT_TIMING_NAME!r});
    observer.disconnect();
  }}
}}).observe(document, {{childList: true, subtree: true}});
"""

# Read once the page has loaded. Paint and element entries are buffered, so all of them
# are there however late the observers start; but a paint is only reported once its
# frame is on the screen, which can be after the load event, so wait for both, and
# come back without one that never comes (a page without the Exit link).
_READ_TIMES = f"""
() => new Promise(resolve => {{
  const times = {{fcp: null, exit: null}};
  const done = () => {{ if (times.fcp !== null && times.exit !== null) resolve(times); }};
  new PerformanceObserver(list => {{
    for (const entry of list.getEntries()) {{
      if (entry.name === "first-contentful-paint") times.fcp = entry.startTime;
    }}
    done();
  }}).observe({{type: "paint", buffered: true}});
  new PerformanceObserver(list => {{
    for (const entry of list.getEntries()) {{
      if (entry.identifier === {EXIT_TIMING_NAME!r} && times.exit === null) {{
        times.exit = entry.renderTime || entry.loadTime;
      }}
    }}
    done();
  }}).observe({{type: "element", buffered: true}});
  setTimeout(() => resolve(times), {ELEMENT_WAIT_MS});
}})
"""


@dataclass(frozen=True)
class PaintTimes:
    """Milliseconds from the start of navigation; None if the browser reported none."""
    first_contentful_paint: float | None
    exit_painted: float | None


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static host: HTTP/1.1 with keep-alive, text sent gzip-compressed, nothing cached
    by the browser, nothing logged."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        body, content_type = self._file()
        if body is None:
            self.send_error(404)
            return
        compressed = content_type.startswith(COMPRESSED_TYPES)
        if compressed:
            # Level 6 is gzip's and most servers' default.
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if compressed:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.send_error(405)

    def _file(self) -> tuple[bytes | None, str]:
        # translate_path keeps the path inside the served folder ('..' is dropped).
        path = Path(self.translate_path(unquote(urlsplit(self.path).path)))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return None, ""
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type.startswith("text/"):
            content_type += "; charset=utf-8"
        return path.read_bytes(), content_type

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_gzip(site_dir: Path) -> AbstractContextManager[str]:
    """The base URL (ending in '/') of `site_dir`, served gzip-compressed over HTTP/1.1
    on loopback until the block ends."""
    return serve_directory(site_dir, _GzipHandler)


def slow_phone_page(browser: Any) -> tuple[Any, Any]:
    """A new context and page on a phone-sized screen with slow 3G and no cache, ready to
    report when the Exit link is painted. The caller closes the context."""
    context = browser.new_context(viewport=PHONE_VIEWPORT, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    context.add_init_script(_MARK_EXIT_LINK)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.setCacheDisabled", {"cacheDisabled": True})
    session.send("Network.emulateNetworkConditions", SLOW_3G)
    return context, page


def paint_times(browser: Any, url: str) -> PaintTimes:
    """One load of `url` on a slow phone."""
    context, page = slow_phone_page(browser)
    try:
        page.goto(url, wait_until="load", timeout=LOAD_TIMEOUT_MS)
        times = page.evaluate(_READ_TIMES)
    finally:
        context.close()
    return PaintTimes(times["fcp"], times["exit"])


def _median(values: list[float | None]) -> float | None:
    known = [value for value in values if value is not None]
    return round(statistics.median(known), 1) if known else None


def measure_paints(site_dir: Path, pages: list[str], runs: int = 5,
                   chromium: str | None = None) -> dict[str, PaintTimes]:
    """The median of `runs` loads of each page ('' is the home page, 'cy/' the Welsh
    home), loaded in turn so that each load has the connection to itself."""
    from playwright.sync_api import sync_playwright  # only the benchmark needs it

    executable = chromium or find_chromium()
    if executable is None:
        raise RuntimeError(f"Chromium not found: {INSTALL_HINT}")
    loads: dict[str, list[PaintTimes]] = {page: [] for page in pages}
    with serve_gzip(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable,
                                             args=list(CHROMIUM_FLAGS))
        try:
            # Pages take turns, so a burst of other work on the machine is spread over
            # all of them rather than landing on one.
            for _ in range(runs):
                for page in pages:
                    loads[page].append(paint_times(browser, base + page.lstrip("/")))
        finally:
            browser.close()
    return {page: PaintTimes(_median([t.first_contentful_paint for t in times]),
                             _median([t.exit_painted for t in times]))
            for page, times in loads.items()}


def measure_first_paint(site_dir: Path, pages: list[str], runs: int = 5) -> dict[str, float]:
    """For each page, the median time in ms at which its Exit link was painted on a slow
    phone (see the module's docstring): the figure issue #21 sets its goal on, and what
    the benchmark reports as "Exit control painted". It is never before the first
    contentful paint, and today is the same frame. Where the browser reported no Element
    Timing, the first contentful paint stands in; a page with neither is left out.
    measure_paints gives both times."""
    results: dict[str, float] = {}
    for page, times in measure_paints(site_dir, pages, runs).items():
        painted = times.exit_painted if times.exit_painted is not None \
            else times.first_contentful_paint
        if painted is not None:
            results[page] = painted
    return results


def main() -> None:
    """Print the figures for a built site's pages ('' is the home page)."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("pages", nargs="*", default=[""])
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args()
    for page, times in measure_paints(arguments.site, arguments.pages, arguments.runs).items():
        print(f"/{page}: first contentful paint {times.first_contentful_paint} ms, "
              f"Exit painted {times.exit_painted} ms")


if __name__ == "__main__":
    main()
