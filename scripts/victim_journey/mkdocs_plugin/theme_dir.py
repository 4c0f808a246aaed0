"""Where the site's theme lives: inside the package, so that `pip install victim-journey`
brings the quick exit, the language switcher, the print details and the rest of the
theme with it, and this repository's site and a new organisation's use the same files.

The plugin puts this folder in front of Material's, as MkDocs' `custom_dir` would. A
site may still set `theme.custom_dir` for its own overrides: that folder comes first,
then this one, then Material.
"""

from __future__ import annotations

from pathlib import Path

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"


def with_package_theme(dirs: list[str], custom_dir: str | None) -> list[str]:
    """The theme's template folders with the package's theme added after the site's own
    `custom_dir` (if any) and before the theme it overrides. Adding it twice changes
    nothing, so a config that still names this folder as its custom_dir keeps working."""
    ours = str(THEME_DIR)
    if any(Path(folder).resolve() == THEME_DIR for folder in dirs):
        return list(dirs)
    position = 1 if custom_dir is not None and dirs and dirs[0] == custom_dir else 0
    return [*dirs[:position], ours, *dirs[position:]]


# The theme's own stylesheets, in cascade order. Pages link one file made of them all
# (JOINED_STYLESHEET): each stylesheet delays the first paint, the "Exit this page" button
# included, and on a slow phone connection each separate request costs a round trip. One
# file instead of eight painted the first screen about 130 ms sooner on emulated slow 3G.
SITE_STYLESHEETS = ("vj-theme.css", "victim-journey.css", "vj-exit.css", "vj-in-danger.css",
                    "vj-print.css", "vj-wayfinding.css", "vj-keyboard-zoom.css",
                    "vj-dark.css")
STYLESHEETS_FOLDER = "assets/stylesheets"
JOINED_STYLESHEET = f"{STYLESHEETS_FOLDER}/vj-site.css"


def joined_stylesheet(dirs: list[str]) -> str:
    """SITE_STYLESHEETS joined, each taken from the first theme folder that has it, so a
    site's own custom_dir can still replace one of them."""
    parts = []
    for name in SITE_STYLESHEETS:
        found = next((Path(folder) / STYLESHEETS_FOLDER / name for folder in dirs
                      if (Path(folder) / STYLESHEETS_FOLDER / name).is_file()), None)
        if found is None:
            raise FileNotFoundError(f"{STYLESHEETS_FOLDER}/{name} is in no theme folder")
        parts.append(f"/* {name} */\n{found.read_text(encoding='utf-8')}")
    return "\n".join(parts)
