"""The site's own text for the theme's templates (theme/), which MkDocs renders
without autoescaping: every value comes out escaped here."""

from __future__ import annotations

from markupsafe import Markup, escape

from victim_journey.content.interface_text import Interface
from victim_journey.content.languages import ENGLISH, Fallback, Language


class ThemeText:
    """`vj_t("key")` in a template prints the text, escaped, and marks English shown in a
    translated page as English. `vj_t.attr("key")` is for attribute values, where markup
    cannot go."""

    def __init__(self, interface: Interface) -> None:
        self._interface = interface

    def __call__(self, key: str, /, **values: object) -> Markup:
        text = self._interface(key, **values)
        if isinstance(text, Fallback):
            return Markup('<span lang="en">{}</span>').format(text)
        return escape(text)

    def attr(self, key: str, /, **values: object) -> Markup:
        return escape(str(self._interface(key, **values)))

    def plain(self, key: str, /, **values: object) -> str:
        """The text unescaped, for a filter that escapes it itself (`| tojson`, which
        Material's script configuration uses)."""
        return str(self._interface(key, **values))

    def in_language(self, language: Language, key: str, /, **values: object) -> Markup:
        """Text in another language than the page's, such as the language switcher's
        "Newid yr iaith i'r Gymraeg" on an English page: the caller marks its lang."""
        other = Interface(self._interface.table, language, self._interface.missing_keys,
                          self._interface.unfilled)
        return escape(str(other(key, **values)))

    def owner(self, name: str) -> Markup:
        """The team that keeps a page, named in the page's language: the interface text
        entry (key `owner-...`) whose English is `name`. A name without one is printed
        as written, marked as English on a translated page."""
        for key, entry in self._interface.table.text.items():
            if key.startswith("owner-") and entry.en == name:
                return self(key)
        if self._interface.language is ENGLISH:
            return escape(name)
        return Markup('<span lang="en">{}</span>').format(name)
