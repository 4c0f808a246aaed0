"""Serve a built site on a free loopback port, for the accessibility and browser checks."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_directory(folder: Path,
                    handler: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler
                    ) -> Iterator[str]:
    """Yield the base URL (ending in '/') of `folder`, served by `handler` (a
    SimpleHTTPRequestHandler) until the block ends."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    # A browser may keep a connection open after the last page: don't wait for it.
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to its root ('' is the home)."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        relative = path.parent.relative_to(site_dir).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages


NOT_FOUND_PAGE = "404.html"


def not_found_pages(site_dir: Path) -> list[str]:
    """The "page not found" page of each language ('404.html', 'cy/404.html'): not a
    folder's index, but readers meet it too."""
    return sorted((p.relative_to(site_dir).as_posix() for p in site_dir.rglob(NOT_FOUND_PAGE)),
                  key=lambda path: (path.count("/"), path))
