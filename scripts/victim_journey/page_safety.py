"""The last step for every built HTML page: links to other sites say nothing about the
reader, and the page's own Content-Security-Policy allows exactly its own scripts."""

from __future__ import annotations

from .csp import add_csp_meta
from .external_links import add_noreferrer


def secure_page(html: str) -> str:
    # The policy comes last, so that its hashes are of the scripts as they are served.
    return add_csp_meta(add_noreferrer(html))
