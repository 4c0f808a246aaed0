"""The languages the site is published in, and how a missing translation is marked.

English is the source language: its pages live at the top of the site and every other
language's text is a translation of it. Welsh pages live under /cy/, with the same paths,
so a link can be swapped from one language to the other by adding or removing the prefix.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str        # BCP 47, for lang="" and hreflang=""
    name: str        # the language's name in that language, for the language switcher
    locale: str      # for og:locale
    prefix: str      # where its pages live in the site: "" or "cy/"


ENGLISH = Language("en", "English", "en_GB", "")
WELSH = Language("cy", "Cymraeg", "cy_GB", "cy/")
LANGUAGES: dict[str, Language] = {language.code: language for language in (ENGLISH, WELSH)}
SOURCE_LANGUAGE = ENGLISH


class EnglishText(str):
    """Text that stays English in a translated page, such as the title of a source
    document that exists only in English. A str subclass, so every template and check
    handles it as text; the renderer marks it lang="en", so screen readers pronounce it
    as English."""

    __slots__ = ()


class Fallback(EnglishText):
    """English shown in a translated page because its translation is missing. Besides
    being marked as English, a page that shows any of it gets a notice saying that it is
    not fully translated yet."""

    __slots__ = ()


ALL_LANGUAGES: tuple[Language, ...] = tuple(LANGUAGES.values())
