"""Links between the languages of the site: the same page, in the other language.

Every language has the same pages at the same paths; a translation lives under its
prefix (/cy/). So the Welsh of /stages/the-trial/ is /cy/stages/the-trial/, and a link
from one to the other only needs the page's own path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from victim_journey.content.languages import LANGUAGES, Language


@dataclass(frozen=True)
class Alternate:
    language: Language
    href: str           # relative to the current page, for the language switcher
    path: str           # from the top of the host, such as "/cy/stages/the-trial/"
    url: str | None     # absolute, for <link rel="alternate" hreflang>; None when the
                        # site's address is unknown (no SITE_URL)
    is_current: bool

    @property
    def address(self) -> str:
        """The full address where it is known, else the path: never a made-up host."""
        return self.url or self.path


@dataclass(frozen=True)
class LanguageLinks:
    site_root: str      # the site address of the source language, ending in "/", or
                        # the site's path ("/") when its address is unknown
    current: Language
    address_known: bool = True
    # The codes of the languages the site is published in (journey/site.yml).
    offered: tuple[str, ...] = tuple(LANGUAGES)

    @classmethod
    def for_site(cls, site_url: str | None, current: Language,
                 offered: Sequence[str] = tuple(LANGUAGES)) -> LanguageLinks:
        root = site_url or "/"
        return cls(root if root.endswith("/") else root + "/", current,
                   address_known=bool(site_url), offered=tuple(offered))

    def root_url(self, language: Language) -> str:
        """Where a language's pages start: a full address, or a path from the top of
        the host when the site's address is unknown."""
        return self.site_root + language.prefix

    def root_path(self, language: Language) -> str:
        return urlsplit(self.root_url(language)).path

    def page_address(self, page_url: str | None) -> str:
        """The current page's address for print: full where the site's address is known,
        else its path from the top of the site ('/cy/stages/the-trial/')."""
        return self.alternates(page_url or "")[0].address

    def alternates(self, page_url: str | None) -> list[Alternate]:
        """The page in every language, the current one first. `page_url` is the page's
        path in its own language's site, such as 'stages/the-trial/' ('' for the home
        page); None (a page with no path, such as 404) links each language's home."""
        path = page_url or ""
        depth = path.count("/") + self.current.prefix.count("/")
        up = "../" * depth
        ordered = [self.current] + [lang for lang in LANGUAGES.values()
                                    if lang is not self.current and lang.code in self.offered]
        return [Alternate(language,
                          href=(up + language.prefix + path) or "./" if page_url is not None
                          else self.root_path(language),
                          path=self.root_path(language) + path,
                          url=self.root_url(language) + path if self.address_known else None,
                          is_current=language is self.current)
                for language in ordered]
