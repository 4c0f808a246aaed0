"""The last step for every built HTML page: links to other sites say nothing about the
reader, and the page's own Content-Security-Policy allows exactly the scripts and styles
it holds, all of them on the allow-lists made before the build (script_allow_list.py)."""

from __future__ import annotations

from victim_journey.mkdocs_plugin.csp import add_csp_meta
from victim_journey.mkdocs_plugin.external_links import add_noreferrer


def secure_page(html: str, allowed_scripts: frozenset[str],
                allowed_styles: frozenset[str] = frozenset()) -> str:
    """Raises csp.UnknownInlineScript (csp.UnknownInlineStyle) if the page holds a script
    (style) not on its allow-list."""
    # The policy comes last, so that its hashes are of the scripts as they are served.
    return add_csp_meta(add_noreferrer(html), allowed_scripts, allowed_styles)
