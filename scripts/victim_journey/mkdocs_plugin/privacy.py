"""Refuse site settings that would break the privacy promise in docs/privacy.md.

Material for MkDocs has features that store data in the reader's browser, put search
words in the address bar, or fetch files from other hosts. They are all off in our
mkdocs.yml; this check keeps them off, so that turning one on fails the build with a
line that says why, instead of quietly leaving a trace for someone watching the reader.
Pure functions over plain values, no MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from victim_journey.content.journey import display_path
from victim_journey.problems import Problem, error

CODE = "privacy-setting"

# Material features, and what each would do to a reader.
_REFUSED_FEATURES = {
    "announce.dismiss": "stores which announcement was dismissed in the browser's "
                        "localStorage",
    "content.tabs.link": "stores the chosen content tab in the browser's localStorage",
    "search.highlight": "adds the search words to the page address (?h=…), which "
                        "stays in the browser's history",
    "search.share": "puts the search words in a shareable address (?q=…)",
    "navigation.instant": "swaps pages in without loading them, which the per-page "
                          "Content-Security-Policy hashes cannot allow",
}
_REFUSED_EXTRA = {
    "analytics": "sends visits to an analytics service",
    "consent": "stores the reader's cookie choice in the browser's localStorage",
    "version": "stores version checks in the browser's sessionStorage",
}
# md_in_html stays: our page templates need it, and content may not hold raw HTML at all
# (validation refuses it, and the sanitiser removes what gets past).
_REFUSED_EXTENSIONS = {
    "attr_list": "lets Markdown add any attribute, such as onclick or style, to the page",
    "pymdownx.snippets": "copies in other files' text, from anywhere the build can read",
}
_REFUSED_PLUGINS = {
    "offline": "is meant for file:// reading and loads some files from other hosts",
}


def _problem(config_text: str, config_path: str, needle: str, message: str) -> Problem:
    """A problem pinned to the first line of mkdocs.yml that mentions `needle`."""
    for number, line in enumerate(config_text.splitlines(), start=1):
        column = line.find(needle)
        if column >= 0 and not line.lstrip().startswith("#"):
            return error(config_path, number, column + 1, message, CODE)
    return error(config_path, 1, 1, message, CODE)


def _is_remote(address: str) -> bool:
    return address.strip().lower().startswith(("http://", "https://", "//"))


def _fence_names(mdx_configs: Mapping[str, Any]) -> Iterable[str]:
    fences = mdx_configs.get("pymdownx.superfences", {}).get("custom_fences", [])
    return (str(fence.get("name", "")) for fence in fences if isinstance(fence, Mapping))


def privacy_problems(config: Mapping[str, Any], *, config_text: str = "",
                     config_path: str = "mkdocs.yml") -> list[Problem]:
    """Every setting in a loaded mkdocs.yml (MkDocs' config, or a plain dict shaped like
    it) that would store, leak or fetch something, as one-line errors."""
    theme = config.get("theme") or {}
    extra = config.get("extra") or {}
    found: list[tuple[str, str]] = []
    for feature in theme.get("features") or []:
        for refused, why in _REFUSED_FEATURES.items():
            if feature == refused or feature.startswith(refused + "."):
                found.append((feature, f"theme feature '{feature}' {why}; remove it"))
    if theme.get("font") is not False:
        found.append(("font", "theme.font loads Google Fonts from Google's servers; "
                              "set 'font: false'"))
    palette = theme.get("palette")
    if isinstance(palette, list) and len(palette) > 1:
        found.append(("palette", "a palette toggle stores the reader's choice in the "
                                 "browser's localStorage; give one palette"))
    if config.get("repo_url"):
        found.append(("repo_url", "repo_url makes every page call api.github.com; "
                                  "link to the repository from a page instead"))
    for key, why in _REFUSED_EXTRA.items():
        if extra.get(key):
            found.append((key, f"extra.{key} {why}; remove it"))
    for name in config.get("plugins") or []:
        # Theme plugins are named 'material/offline' once MkDocs has loaded them.
        short = str(name).rpartition("/")[2]
        if short in _REFUSED_PLUGINS:
            found.append((short, f"the '{short}' plugin {_REFUSED_PLUGINS[short]}; "
                                 "remove it"))
    for asset in [*(config.get("extra_css") or []), *(config.get("extra_javascript") or [])]:
        address = str(asset)
        if _is_remote(address):
            found.append((address, f"'{address}' is loaded from another host; "
                                   "copy it into the theme's assets/ instead"))
    for key in ("favicon", "logo"):
        address = str(theme.get(key) or "")
        if _is_remote(address):
            found.append((key, f"theme.{key} '{address}' is loaded from another host on "
                               "every page; copy it into the theme's assets/ instead"))
    for extension in config.get("markdown_extensions") or []:
        name = extension if isinstance(extension, str) else next(iter(extension), "")
        if name in _REFUSED_EXTENSIONS:
            found.append((name, f"the '{name}' extension {_REFUSED_EXTENSIONS[name]}; "
                                "remove it"))
    if "mermaid" in _fence_names(config.get("mdx_configs") or {}):
        found.append(("mermaid", "Material's mermaid diagrams load mermaid.js from a "
                                 "CDN; draw the diagram as an image instead"))
    return [_problem(config_text, config_path, needle, message) for needle, message in found]


# `@import url(https://…)`, `@import "//…"` or `url(https://…)` in a stylesheet: each makes
# the reader's browser fetch from another host. CSS allows a backslash escape in `url`, so
# the check looks for the address, whatever comes before it.
_REMOTE_IN_CSS = re.compile(
    r"""(?:@import\s*(?:url\(\s*)?|\(\s*)["']?\s*(?:https?:|//|\\\\)""", re.IGNORECASE)


def stylesheet_problems(folders: Iterable[Path], root: Path) -> list[Problem]:
    """Every place a local stylesheet (*.css under these folders) loads from another
    host, as a one-line error."""
    found = []
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.css")) if Path(folder).is_dir() else ():
            text = path.read_text(encoding="utf-8", errors="replace")
            shown = display_path(path, root)
            for number, line in enumerate(text.split("\n"), start=1):
                for match in _REMOTE_IN_CSS.finditer(line):
                    found.append(error(shown, number, match.start() + 1,
                                       "this stylesheet loads a file from another host; copy "
                                       "the file into overrides/assets/ and give its path",
                                       CODE))
    return found
