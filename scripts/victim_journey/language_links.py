"""Links between the languages of the site: the same page, in the other language.

Every language has the same pages at the same paths; a translation lives under its
prefix (/cy/). So the Welsh of /stages/the-trial/ is /cy/stages/the-trial/, and a link
from one to the other only needs the page's own path.
"""

from __future__ import annotations

from dataclasses import dataclass

from .languages import LANGUAGES, Language


@dataclass(frozen=True)
class Alternate:
    language: Language
    href: str           # relative to the current page, for the language switcher
    url: str            # absolute, for <link rel="alternate" hreflang>, the sitemap
    is_current: bool


@dataclass(frozen=True)
class LanguageLinks:
    site_root: str      # the site address of the source language, ending in "/"
    current: Language

    @classmethod
    def for_site(cls, site_url: str | None, current: Language) -> LanguageLinks:
        root = site_url or "/"
        return cls(root if root.endswith("/") else root + "/", current)

    def root_url(self, language: Language) -> str:
        return self.site_root + language.prefix

    def alternates(self, page_url: str | None) -> list[Alternate]:
        """The page in every language, the current one first. `page_url` is the page's
        path in its own language's site, such as 'stages/the-trial/' ('' for the home
        page); None (a page with no path, such as 404) links each language's home."""
        path = page_url or ""
        depth = path.count("/") + self.current.prefix.count("/")
        up = "../" * depth
        ordered = [self.current] + [lang for lang in LANGUAGES.values()
                                    if lang is not self.current]
        return [Alternate(language,
                          href=(up + language.prefix + path) or "./" if page_url is not None
                          else self.root_url(language),
                          url=self.root_url(language) + path,
                          is_current=language is self.current)
                for language in ordered]
