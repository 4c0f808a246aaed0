"""The sidebars of pages the navigation does not list, rendered once and reused.

Material renders the whole site navigation, and beside it the page's table of contents
(both in the theme's `site_nav` block), into every page: on a big site that is a large
part of the build. Our navigation lists the journey, not the services, so most pages of a
big site are not in it. For such a page, nothing in that block depends on the page but:

- the addresses of its links, which MkDocs writes relative to the page;
- its table of contents;
- whether its front matter hides a sidebar.

Pages for which all of those are the same get the very same HTML, so theme/main.html
renders the block once for each different set and reuses it.

The addresses: MkDocs makes a link relative to the page's folder (`page.url`, or the
folder holding it when its address ends in a file name; mkdocs.utils.get_relative_url).
Two folders side by side, such as services/a/ and services/b/, give the same relative
address for every target outside both of them: the way up to their common parent, then
down. So pages whose folders share a parent share their links, unless one of the
navigation's pages is inside the page's own folder: then the key is that folder itself.
The block's other links go to the theme's files (the logo), never inside a page's folder.

No MkDocs here (only plugin.py imports it): the page and the navigation are read through
the attributes the theme reads.
"""

from __future__ import annotations

import posixpath
from collections.abc import Hashable, Iterable
from typing import Any

Key = tuple[Hashable, ...]


def _contents(items: Iterable[Any]) -> tuple[Hashable, ...]:
    """What the table of contents partial can print of each entry, nested."""
    return tuple((item.title, item.url, item.level, repr(getattr(item, "typeset", None)),
                  _contents(item.children)) for item in items)


def _table_of_contents(toc: Iterable[Any]) -> tuple[Hashable, ...]:
    """The page's table of contents without the title and address of its heading 1,
    which the partial (Material's and ours, partials/toc.html) never prints: it lists
    that heading's sections instead. The heading is the page's title, different on every
    page, and would keep any two pages from sharing."""
    items = list(toc)
    if items and items[0].level == 1:
        first, rest = items[0], items[1:]
        return (first.level, _contents(first.children), _contents(rest))
    return (None, _contents(items))


def _folder(url: str) -> str:
    """The folder a page's links are made relative to, as an absolute path."""
    head, tail = posixpath.split(url)
    return posixpath.normpath("/" + (head if "." in tail else url))


def _is_within(url: str, folder: str) -> bool:
    path = posixpath.normpath("/" + url)
    return folder == "/" or path == folder or path.startswith(folder + "/")


def _links_key(page: Any, nav: Any) -> Hashable:
    """Equal for two pages exactly when every navigation link has the same relative
    address on both (see the module's docstring)."""
    folder = _folder(page.url)
    if any(_is_within(listed.url, folder) for listed in nav.pages):
        return ("folder", folder)
    return ("beside", posixpath.dirname(folder))


class NavCache:
    """One build's rendered sidebars, by what they depend on. Make a new one for each
    build (MkDocs' on_env), so that a rebuild never reuses a previous build's HTML."""

    def __init__(self) -> None:
        self._rendered: dict[Key, str] = {}

    def key(self, page: Any, nav: Any) -> Key | None:
        """What the block depends on for `page`, or None if it must be rendered for this
        page alone: a page the navigation lists (it is marked as the current one, and may
        carry its table of contents inside the navigation), or no page (the 404 page)."""
        if page is None or page.url is None or nav is None \
                or any(listed is page for listed in nav.pages):
            return None
        meta = page.meta or {}
        return (_links_key(page, nav), repr(meta.get("hide")), _table_of_contents(page.toc))

    def get(self, key: Key | None) -> str | None:
        return None if key is None else self._rendered.get(key)

    def keep(self, key: Key, html: str) -> str:
        """Remember the block rendered for `key`; returns it, for the template to print."""
        self._rendered[key] = html
        return html
