"""Where the site's theme lives: inside the package, so that `pip install victim-journey`
brings the quick exit, the language switcher, the print details and the rest of the
theme with it, and this repository's site and a new organisation's use the same files.

The plugin puts this folder in front of Material's, as MkDocs' `custom_dir` would. A
site may still set `theme.custom_dir` for its own overrides: that folder comes first,
then this one, then Material.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]

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


# The rules for the first paint, put inline in every page's <head> (theme/main.html) and
# kept out of the joined file: they are already in the page. See that file for why.
CRITICAL_STYLESHEET = "vj-critical.css"


def _theme_stylesheet(dirs: list[str], name: str) -> Path:
    """The stylesheet from the first theme folder that has it, so a site's own
    custom_dir can still replace one of ours."""
    found = next((Path(folder) / STYLESHEETS_FOLDER / name for folder in dirs
                  if (Path(folder) / STYLESHEETS_FOLDER / name).is_file()), None)
    if found is None:
        raise FileNotFoundError(f"{STYLESHEETS_FOLDER}/{name} is in no theme folder")
    return found


def joined_stylesheet(dirs: list[str]) -> str:
    """SITE_STYLESHEETS joined and minified, each taken from the first theme folder that
    has it, under a one-line comment with its name. Our stylesheets explain themselves in
    comments, which readers would otherwise download on every first visit: minifying
    takes the joined file from about 10.5 to 4.8 KB compressed."""
    return "\n".join(f"/* {name} */\n{minified_css(_theme_stylesheet(dirs, name))}"
                     for name in SITE_STYLESHEETS)


def minified_css(path: Path) -> str:
    """The stylesheet without comments and blanks that mean nothing (rcssmin, which
    leaves strings and the blank in `a :focus` alone)."""
    return str(rcssmin.cssmin(path.read_text(encoding="utf-8")))


# Our scripts: served minified (the plugin replaces each with minified_js of it), because
# their comments explain them to the next developer, not to the reader's phone. Material's
# own scripts come minified already.
OUR_SCRIPTS_PREFIX = "assets/javascripts/vj-"


def is_our_script(src_uri: str) -> bool:
    return src_uri.startswith(OUR_SCRIPTS_PREFIX) and src_uri.endswith(".js")


def minified_js(text: str) -> str:
    """The script without comments and needless blanks (rjsmin, which keeps strings,
    regular expressions and the line breaks that end a statement)."""
    return str(rjsmin.jsmin(text))


def critical_stylesheet(dirs: list[str]) -> str:
    """The text of the page's inline <style>: CRITICAL_STYLESHEET from the first theme
    folder that has it, minified. The page and its allow-list (script_allow_list.py)
    both take it from here, so its hash is known before the build."""
    css = minified_css(_theme_stylesheet(dirs, CRITICAL_STYLESHEET))
    if "</" in css.lower() or "<!--" in css:
        # A <style>'s text ends at the first `</style`; keep the markup out entirely.
        raise ValueError(f"{STYLESHEETS_FOLDER}/{CRITICAL_STYLESHEET} holds '</' or '<!--'")
    return css
