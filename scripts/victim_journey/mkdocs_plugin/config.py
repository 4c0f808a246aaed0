"""The plugin's settings in mkdocs.yml (`plugins: [victim-journey: {...}]`), as Material
keeps each plugin's config class beside its plugin."""

from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config

from victim_journey.content.languages import LANGUAGES, SOURCE_LANGUAGE


class VictimJourneyConfig(Config):
    content_dir = config_options.Type(str, default="journey")
    # The language this build publishes: "en" at the top of the site, or a translation
    # ("cy") under /cy/. Each language is its own MkDocs build (mkdocs.yml, mkdocs.cy.yml).
    language = config_options.Choice(tuple(LANGUAGES), default=SOURCE_LANGUAGE.code)
